// Environment for every script: .env (if present) over the process environment's defaults. Node built-ins only,
// because these scripts run before dependencies are installed.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

/** Reads KEY=value lines from .env into process.env without overriding what is already set. */
export function loadDotEnv(file = path.join(root, ".env")) {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
    if (!match || line.trim().startsWith("#")) continue;
    const [, key, raw] = match;
    process.env[key] ??= raw.replace(/^(['"])(.*)\1$/, "$2");
  }
}
