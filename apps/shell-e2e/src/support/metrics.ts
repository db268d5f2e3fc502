import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { METRICS_FILE } from "./env";

/** Adds measurements to the run's metrics file (sizes, timings), printed by the tests and kept for the report. */
export function recordMetric(section: string, key: string, value: unknown) {
  mkdirSync(path.dirname(METRICS_FILE), { recursive: true });
  const all = existsSync(METRICS_FILE) ? (JSON.parse(readFileSync(METRICS_FILE, "utf8")) as Record<string, Record<string, unknown>>) : {};
  all[section] = { ...all[section], [key]: value };
  writeFileSync(METRICS_FILE, JSON.stringify(all, null, 2));
}
