// Makes sure PostgreSQL and Redis answer on their ports: starts them when installed but stopped, and, when
// allowed and running as root (CI), installs them from Debian first. Node built-ins only.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import net from "node:net";
import { step } from "./run.mjs";

function portFromUrl(url, fallback) {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || fallback) };
  } catch {
    return { host: "127.0.0.1", port: fallback };
  }
}

function reachable({ host, port }, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

async function waitFor(endpoint, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await reachable(endpoint)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const isLocal = ({ host }) => ["127.0.0.1", "localhost", "::1"].includes(host);
const has = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
const isRoot = () => process.getuid?.() === 0;

function aptInstall(packages) {
  if (!isRoot()) throw new Error(`${packages.join(", ")} missing: install with: sudo apt-get install -y ${packages.join(" ")}`);
  step(`Installing ${packages.join(", ")} from Debian`);
  execSync("apt-get update -qq", { stdio: "inherit" });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")}`, { stdio: "inherit" });
}

function startPostgres() {
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
  if (versions.length === 0) throw new Error("PostgreSQL is installed but has no cluster in /etc/postgresql");
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${versions[0]} main start`, { stdio: "inherit" });
}

function startRedis(port) {
  execSync(`redis-server --daemonize yes --bind 127.0.0.1 --port ${port} --save "" --appendonly no`, { stdio: "inherit" });
}

/** @param {{ install?: boolean }} options install: may apt-get install missing servers (CI, as root) */
export async function ensureServices({ install = false } = {}) {
  const postgres = portFromUrl(process.env.DATABASE_URL, 5432);
  const redis = portFromUrl(process.env.REDIS_URL, 6379);

  if (!(await reachable(postgres))) {
    if (!isLocal(postgres)) throw new Error(`PostgreSQL at ${postgres.host}:${postgres.port} does not answer`);
    if (!has("pg_ctlcluster")) {
      if (!install) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (see README)");
      aptInstall(["postgresql"]);
    }
    if (!(await reachable(postgres))) {
      step("Starting PostgreSQL");
      startPostgres();
    }
    if (!(await waitFor(postgres, 30))) throw new Error("PostgreSQL did not start");
  }

  if (!(await reachable(redis))) {
    if (!isLocal(redis)) throw new Error(`Redis at ${redis.host}:${redis.port} does not answer`);
    if (!has("redis-server")) {
      if (!install) throw new Error("Redis is not installed: apt-get install -y redis-server (see README)");
      aptInstall(["redis-server"]);
    }
    if (!(await reachable(redis))) {
      step("Starting Redis");
      startRedis(redis.port);
    }
    if (!(await waitFor(redis, 15))) throw new Error("Redis did not start");
  }
}

// `node tools/lib/services.mjs [--install]` — used by .ci/run: installs the npm dependencies first and runs on
// node_modules' Node 24 (see runtime.mjs).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { loadDotEnv } = await import("./env.mjs");
  const { ensureNodeRuntime } = await import("./runtime.mjs");
  loadDotEnv();
  await ensureNodeRuntime();
  await ensureServices({ install: process.argv.includes("--install") });
  console.log("PostgreSQL and Redis are up.");
}
