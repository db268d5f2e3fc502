/**
 * Everything the tests need, started here: the production builds (Nx, cached), the e2e database (migrated and
 * seeded), the API and its worker, and the five production servers on the e2e ports. Returns the teardown.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { apiEnvironment, REMOTES, ROOT, RUN_DIR } from "./support/env";
import { startApi, startWebServer, stopAll, writeRemotesManifest } from "./support/servers";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  execFileSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
}

export default async function globalSetup() {
  await stopAll(); // a previous run that was cut short
  rmSync(RUN_DIR, { recursive: true, force: true });
  mkdirSync(RUN_DIR, { recursive: true });

  if (process.env.E2E_SKIP_BUILD !== "true") {
    run("npx", ["nx", "run-many", "-t", "build", "-p", "shell", ...REMOTES, "--outputStyle=static", "--parallel=2"], {
      ...process.env,
      NX_NO_CLOUD: "true",
      NX_DAEMON: "false",
    });
  }
  run("npx", ["tsx", "tools/prepare-db.ts", "--fresh"], apiEnvironment());

  writeRemotesManifest();
  await startApi();
  await Promise.all([startWebServer("shell"), ...REMOTES.map((name) => startWebServer(name))]);

  return async () => {
    await stopAll();
  };
}
