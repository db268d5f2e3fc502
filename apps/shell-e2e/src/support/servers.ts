/** Starting and stopping the servers of the e2e run, by their own process ids (recorded in RUN_DIR). */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { API_URL, REMOTE_PORTS, RUN_DIR, ROOT, SHELL_PORT, apiEnvironment, remoteUrl, type RemoteName } from "./env";

export type ServerName = "api" | "worker" | "shell" | RemoteName;
type Pids = Partial<Record<ServerName, number>>;

const PIDS_FILE = path.join(RUN_DIR, "pids.json");
export const MANIFEST_FILE = path.join(RUN_DIR, "remotes.json");

function readPids(): Pids {
  return existsSync(PIDS_FILE) ? (JSON.parse(readFileSync(PIDS_FILE, "utf8")) as Pids) : {};
}

function recordPid(name: ServerName, pid: number | undefined) {
  const pids = readPids();
  if (pid === undefined) delete pids[name];
  else pids[name] = pid;
  writeFileSync(PIDS_FILE, JSON.stringify(pids, null, 2));
}

/** Starts a process in its own process group (so it can be stopped with its children), logging to RUN_DIR. */
function launch(name: ServerName, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  mkdirSync(RUN_DIR, { recursive: true });
  const log = openSync(path.join(RUN_DIR, `${name}.log`), "a");
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  child.unref();
  recordPid(name, child.pid);
  return child.pid;
}

export async function waitForHttp(url: string, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${seconds} s (logs in ${RUN_DIR})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function waitUntilDown(url: string, seconds = 15): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await fetch(url);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`${url} still answers after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function writeRemotesManifest() {
  mkdirSync(RUN_DIR, { recursive: true });
  const remotes = (Object.keys(REMOTE_PORTS) as RemoteName[]).map((name) => ({ name, entry: `${remoteUrl(name)}/remoteEntry.js` }));
  writeFileSync(MANIFEST_FILE, JSON.stringify({ remotes }, null, 2));
}

const SERVE = path.join(ROOT, "tools", "serve", "serve-static.mjs");

/** One of the five production servers (tools/serve/serve-static.mjs), as `npm run serve` runs it, on the e2e ports. */
export async function startWebServer(name: "shell" | RemoteName) {
  const port = name === "shell" ? SHELL_PORT : REMOTE_PORTS[name];
  const env = { ...process.env, API_URL, ...(name === "shell" ? { REMOTES_MANIFEST: MANIFEST_FILE } : {}) };
  launch(name, process.execPath, [SERVE, "--app", name, "--port", String(port)], { cwd: ROOT, env });
  await waitForHttp(`http://localhost:${port}/`);
}

export async function startApi() {
  launch("api", "npx", ["tsx", "apps/api/src/main.ts"], { cwd: ROOT, env: apiEnvironment() });
  if (existsSync(path.join(ROOT, "apps", "api", "src", "worker.ts"))) {
    // The production worker with a roster written slowly (WORKER_TEST_ROW_DELAY_MS, see apiEnvironment).
    launch("worker", "npx", ["tsx", "src/testing/test-worker.ts"], { cwd: path.join(ROOT, "apps", "api"), env: apiEnvironment() });
  }
  await waitForHttp(`${API_URL}/health`, 90);
}

/** Stops a server started above (its whole process group) and waits until it is gone. */
export async function stopServer(name: ServerName) {
  const pid = readPids()[name];
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
  recordPid(name, undefined);
  if (name === "shell") await waitUntilDown(`http://localhost:${SHELL_PORT}/`);
  else if (name in REMOTE_PORTS) await waitUntilDown(`${remoteUrl(name as RemoteName)}/`);
}

export async function stopAll() {
  for (const name of Object.keys(readPids()) as ServerName[]) await stopServer(name);
}
