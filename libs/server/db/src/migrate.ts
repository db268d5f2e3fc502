/** Runs the Prisma CLI (migrate deploy, generate) for this package, as the schema owner. */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { ownerDatabaseUrl } from "./settings";

const packageRoot = path.resolve(import.meta.dirname, "..");
const prismaCli = path.join(path.dirname(createRequire(import.meta.url).resolve("prisma/package.json")), "build", "index.js");

export function migrateDeploy(databaseUrl = ownerDatabaseUrl()): void {
  runPrisma(["migrate", "deploy"], databaseUrl);
}

export function generateClient(): void {
  runPrisma(["generate"], ownerDatabaseUrl());
}

function runPrisma(args: string[], databaseUrl: string) {
  execFileSync(process.execPath, [prismaCli, ...args], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
