/** Applies migrations with `prisma migrate deploy`, as the schema owner. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ownerDatabaseUrl } from "./settings";

const packageRoot = path.resolve(import.meta.dirname, "..");

export function migrateDeploy(databaseUrl = ownerDatabaseUrl()): void {
  runPrisma(["migrate", "deploy"], databaseUrl);
}

export function generateClient(): void {
  runPrisma(["generate"], ownerDatabaseUrl());
}

function runPrisma(args: string[], databaseUrl: string) {
  execFileSync(process.execPath, [require_resolve_prisma_cli(), ...args], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function require_resolve_prisma_cli(): string {
  return path.join(path.dirname(import.meta.resolve("prisma/package.json").replace("file://", "")), "build", "index.js");
}
