// `npm start`: installs what is missing, starts PostgreSQL and Redis if they are stopped, migrates and seeds the
// database, builds the five web apps and serves them (production builds) with the API and the background worker,
// then prints the URLs and the demo accounts. `npm run dev` serves the same with hot reload instead of builds.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { generatePrismaClient } from "./lib/dependencies.mjs";
import { loadDotEnv, root } from "./lib/env.mjs";
import { ensureNodeRuntime } from "./lib/runtime.mjs";
import { run, serve, step } from "./lib/run.mjs";
import { ensureServices } from "./lib/services.mjs";

const dev = process.argv.includes("--dev");
const started = Date.now();
loadDotEnv();
process.env.NX_NO_CLOUD = "true";
process.env.NX_DAEMON = "false";

const API_PORT = Number(process.env.API_PORT ?? 4000);
const WEB_APPS = [
  { name: "shell", port: 4200, label: "门户 Shell（登录）" },
  { name: "county", port: 4201, label: "试点县（市、区）" },
  { name: "enterprise", port: 4202, label: "试点企业" },
  { name: "provider", port: 4203, label: "数字化服务商" },
  { name: "province", port: 4204, label: "省工信厅 / 设区市 / 第三方" },
];

await ensureNodeRuntime();
step("Checking PostgreSQL and Redis");
await ensureServices({ install: false });
generatePrismaClient();

step("Preparing the database (roles, migrations, demo seed)");
const prepared = spawnSync("npx", ["tsx", "tools/prepare-db.ts"], { cwd: root, env: process.env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const accountsLine = prepared.stdout.split("\n").find((line) => line.startsWith("DEMO_ACCOUNTS_JSON="));
console.log(prepared.stdout.split("\n").filter((line) => line && !line.startsWith("DEMO_ACCOUNTS_JSON=")).join("\n"));
const accounts = JSON.parse(accountsLine?.slice("DEMO_ACCOUNTS_JSON=".length) ?? "[]");

if (!dev) {
  step("Building the web apps (production builds, cached by Nx)");
  run("npx", ["nx", "run-many", "-t", "build", "-p", ...WEB_APPS.map((app) => app.name), "--outputStyle=static"]);
}

step(dev ? "Serving in development mode (hot reload)" : "Serving");
const apiDir = path.join(root, "apps", "api");
const apiEnv = { ...process.env, NODE_ENV: dev ? "development" : "production" };
const webEnv = { ...process.env, API_URL: process.env.API_URL ?? `http://127.0.0.1:${API_PORT}` };
const children = [
  serve("api", "npx", dev ? ["tsx", "watch", "src/main.ts"] : ["tsx", "src/main.ts"], { cwd: apiDir, env: apiEnv }),
  serve("worker", "npx", dev ? ["tsx", "watch", "src/worker.ts"] : ["tsx", "src/worker.ts"], { cwd: apiDir, env: apiEnv }),
  // Production: each app's own static server (serves its dist, picks up a redeployed build without a restart,
  // proxies /trpc, /files, /admin and /health to the API). Dev: Vite with hot reload.
  ...WEB_APPS.map((app) => serve(app.name, "npm", ["run", dev ? "dev" : "serve", "-w", `apps/${app.name}`], { env: webEnv })),
];

function stopAll() {
  for (const child of children) {
    child.stopping = true;
    child.kill("SIGTERM");
  }
}
process.on("SIGINT", () => (stopAll(), process.exit(0)));
process.on("SIGTERM", () => (stopAll(), process.exit(0)));

async function waitForHttp(url, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const ready = await Promise.all([
  waitForHttp(`http://127.0.0.1:${API_PORT}/health`),
  ...WEB_APPS.map((app) => waitForHttp(`http://localhost:${app.port}/`)),
]);
if (ready.includes(false)) {
  console.error("✗ Some services did not come up; see the log above.");
  stopAll();
  process.exit(1);
}

const pad = (text, width) => text + " ".repeat(Math.max(0, width - [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
console.log(`\n✔ dtpilot is running (${((Date.now() - started) / 1000).toFixed(1)} s, Node ${process.version})\n`);
console.log(`  ${pad("Open (门户，登录)", 30)}http://localhost:4200/`);
console.log("  Stakeholder apps, loaded by the shell at run time from /remotes.json:");
for (const app of WEB_APPS.slice(1)) console.log(`    ${pad(app.label, 28)}http://localhost:${app.port}/remoteEntry.js`);
console.log(`  ${pad("API (tRPC)", 30)}http://127.0.0.1:${API_PORT}/trpc   health: http://127.0.0.1:${API_PORT}/health`);
console.log(`  ${pad("队列监控（仅省工信厅）", 30)}http://localhost:4200/admin/queues`);
console.log(`\n  Demo accounts (password ${accounts[0]?.password ?? "Demo@2025"}):`);
for (const account of accounts) console.log(`    ${pad(account.username, 18)}${pad(account.role, 18)}${account.description}`);
console.log("\n  Press Ctrl+C to stop.\n");
