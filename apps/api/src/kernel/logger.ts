import type { JobLogger } from "@dtpilot/jobs";

const LEVELS = { error: 50, warn: 40, info: 30, debug: 20 } as const;
type Level = keyof typeof LEVELS;

/** JSON lines on stdout, like the API's pino logs (level, time, msg, fields); "silent" writes nothing. */
export function createLogger(level: string, name = "worker"): JobLogger {
  const threshold = level === "silent" ? Infinity : (LEVELS[level as Level] ?? LEVELS.info);
  const write = (at: Level) => (fields: Record<string, unknown>, msg: string) => {
    if (LEVELS[at] < threshold) return;
    process.stdout.write(`${JSON.stringify({ level: LEVELS[at], time: Date.now(), name, msg, ...fields })}\n`);
  };
  return { info: write("info"), warn: write("warn"), error: write("error") };
}
