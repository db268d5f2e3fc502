/**
 * The API bench runs end to end on a small scale: its own demo database, one case, one connection, one second, and
 * writes results that make sense (the SQL captured and counted, both rows measured, no failed request).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { prepareTestDatabase, testDatabaseName } from "@dtpilot/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = path.resolve(import.meta.dirname, "..", "..", "..");
const DATABASE = testDatabaseName("dtpilot_test_bench_api");

interface Measured {
  requests: number;
  errors: number;
  non2xx: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
}

describe("bench:api", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "bench-api-test-"));
    await prepareTestDatabase(DATABASE, { demo: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("measures auth.me against its bare replay and writes sane results", async () => {
    const out = path.join(dir, "api.json");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "tools/bench/api/main.ts", "--database", DATABASE, "--duration", "1", "--warmup", "0", "--connections", "1", "--procedures", "auth.me@county", "--out", out],
      { cwd: REPO, env: process.env, timeout: 110_000 },
    );
    expect(stdout).toContain("auth.me@county");
    const report = JSON.parse(await readFile(out, "utf8"));
    expect(report.config.database).toBe(DATABASE);
    expect(report.failures).toBe(0);
    expect(report.cases).toHaveLength(1);
    const [measured] = report.cases;
    expect(measured).toMatchObject({ id: "auth.me@county", role: "county", username: "county-jiangyin" });
    // BEGIN with the scope's set_config and the grant check (one round trip), the profile read, COMMIT.
    expect(measured.sql).toMatchObject({ statements: 3, queries: 2, transactions: 1, statementsPerCall: [3, 3, 3] });
    expect(measured.rows).toHaveLength(1);
    const [row] = measured.rows;
    for (const side of [row.api, row.bare] as Measured[]) {
      expect(side.requests).toBeGreaterThan(0);
      expect(side.errors + side.non2xx).toBe(0);
      expect(side.latencyMs.p50).toBeGreaterThan(0);
      expect(side.latencyMs.p50).toBeLessThanOrEqual(side.latencyMs.p95);
      expect(side.latencyMs.p95).toBeLessThanOrEqual(side.latencyMs.p99);
    }
    expect(row.throughputRatio).toBeCloseTo(row.api.requestsPerSecond / row.bare.requestsPerSecond, 2);
    expect(["PASS", "MISS"]).toContain(row.goals.throughput);
  }, 120_000);
});
