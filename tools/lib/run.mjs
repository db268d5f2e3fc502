import { spawn, spawnSync } from "node:child_process";
import { root } from "./env.mjs";

/** Runs a command to completion, inheriting output; exits the script when it fails. */
export function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env, ...options });
  if (result.status !== 0) {
    console.error(`✗ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
  return Date.now() - started;
}

/** Starts a long-running child whose output is prefixed with its name. */
export function serve(name, command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"], ...options });
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      for (const line of chunk.split("\n").filter(Boolean)) console.log(`[${name}] ${line}`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!child.stopping) console.error(`[${name}] stopped (${code ?? signal})`);
  });
  return child;
}

export function step(message) {
  console.log(`\n▶ ${message}`);
}
