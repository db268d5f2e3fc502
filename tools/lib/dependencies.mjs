import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./env.mjs";
import { run, step } from "./run.mjs";

/** Installs npm dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  step("Installing npm dependencies (npm ci)");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** Generates the Prisma client (not committed). Prisma needs DATABASE_URL set even to generate. */
export function generatePrismaClient() {
  step("Generating the Prisma client");
  run("npx", ["prisma", "generate"], { cwd: path.join(root, "libs", "server", "db"), stdio: ["ignore", "ignore", "inherit"] });
}
