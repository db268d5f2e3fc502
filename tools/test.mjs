// `npm test`: every test — lint (with module boundaries), typecheck, unit and integration tests against the real
// PostgreSQL and Redis, the production builds, then the end-to-end tests in Debian's Chromium. Installs what is
// missing and starts the services first. Arguments are passed to the first Nx run (e.g. `npm test -- -p api`).
import { generatePrismaClient } from "./lib/dependencies.mjs";
import { loadDotEnv } from "./lib/env.mjs";
import { ensureNodeRuntime } from "./lib/runtime.mjs";
import { run, step } from "./lib/run.mjs";
import { ensureServices } from "./lib/services.mjs";

const started = Date.now();
loadDotEnv();
process.env.NX_NO_CLOUD = "true";
process.env.NX_DAEMON = "false";

await ensureNodeRuntime();
step("Checking PostgreSQL and Redis");
await ensureServices({ install: false });
generatePrismaClient();

step("Lint, typecheck, test and build every project");
run("npx", ["nx", "run-many", "-t", "lint", "typecheck", "test", "build", "--outputStyle=static", "--parallel=2", ...process.argv.slice(2)]);

if (process.argv.length <= 2) {
  step("End-to-end tests (Playwright, Debian Chromium)");
  run("npx", ["nx", "run", "shell-e2e:e2e", "--outputStyle=static"], { env: { ...process.env, E2E_SKIP_BUILD: "true" } });
}
console.log(`\n✔ npm test passed in ${((Date.now() - started) / 1000).toFixed(1)} s (Node ${process.version})`);
