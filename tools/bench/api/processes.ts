/** The processes the API bench starts: the API (plain, or with the SQL capture preloaded) and the bare baseline server. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const HERE = import.meta.dirname;
export const REPO = path.resolve(HERE, "..", "..", "..");
const API_DIR = path.join(REPO, "apps", "api");

export interface Service {
  url: string;
  name: string;
  /** From spawning the process to its first healthy answer. */
  readyAfterMs: number;
  output(): string;
  /** The output since the last call (for the lines a load row caused). */
  takeOutput(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(service: Service, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${service.name} exited before it was ready:\n${service.output()}`);
    try {
      const response = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await service.stop();
  throw new Error(`${service.name} did not answer /health with 200 within ${seconds} s:\n${service.output()}`);
}

/** Runs `node <nodeArgs>` in `cwd` on a free port (given as `portVariable`) and waits for its /health. */
async function startService(name: string, options: { cwd: string; nodeArgs: string[]; env: Record<string, string>; portVariable: string }): Promise<Service> {
  const port = await freePort();
  const spawned = Date.now();
  const child = spawn(process.execPath, options.nodeArgs, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, [options.portVariable]: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const service: Service = {
    name,
    url: `http://127.0.0.1:${port}`,
    readyAfterMs: 0,
    output: () => output,
    takeOutput() {
      const taken = output;
      output = "";
      return taken;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!stopped) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
  await waitForHealth(service, child, 120);
  service.readyAfterMs = Date.now() - spawned;
  return service;
}

export interface ApiOptions {
  databaseUrl: string;
  redisPrefix: string;
  /** A file to record every SQL statement into (the capture pass); the measured API runs without it. */
  captureFile?: string;
  /** A directory for a V8 CPU profile of the whole run (written when the API stops). */
  cpuProfileDir?: string;
}

/** The API as `npm start` runs it (tsx, NODE_ENV=production), on a free port, quiet (LOG_LEVEL=warn). */
export function startApi(options: ApiOptions): Promise<Service> {
  const nodeArgs = [
    ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`, "--cpu-prof-name=api.cpuprofile"] : []),
    ...(options.captureFile ? ["--import", pathToFileURL(path.join(HERE, "sql-capture.mjs")).href] : []),
    "--import",
    "tsx",
    "src/main.ts",
  ];
  return startService(options.captureFile ? "API (SQL capture)" : "API", {
    cwd: API_DIR,
    nodeArgs,
    portVariable: "API_PORT",
    env: {
      APP_DATABASE_URL: options.databaseUrl,
      REDIS_PREFIX: options.redisPrefix,
      API_HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      ...(options.captureFile ? { BENCH_SQL_CAPTURE_FILE: options.captureFile } : {}),
    },
  });
}

/** The bare baseline (bare-server.mjs) replaying `replayFile` with a pool of `poolSize` as the app role. */
export function startBareServer(options: { databaseUrl: string; replayFile: string; poolSize: number; cpuProfileDir?: string }): Promise<Service> {
  return startService("bare Fastify + pg", {
    cwd: REPO,
    nodeArgs: [
      ...(options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`, "--cpu-prof-name=bare.cpuprofile"] : []),
      path.join(HERE, "bare-server.mjs"),
    ],
    portVariable: "BARE_PORT",
    env: { BARE_DATABASE_URL: options.databaseUrl, BARE_REPLAY_FILE: options.replayFile, BARE_POOL: String(options.poolSize) },
  });
}
