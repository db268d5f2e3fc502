#!/usr/bin/env node
/**
 * Benchmark: the API's `auth.me` query under load, next to bare `pg` reads of the same row, in one run.
 *
 *   node tools/bench/me-query.bench.mjs [--connections 100] [--duration 10] [--warmup 2]
 *
 * Scenarios (run one after the other, never at the same time):
 *   1. HTTP  GET /trpc/auth.me with a session cookie, driven by autocannon (N connections, D seconds).
 *   2. pg    the same user row (+ membership, county, city names) read with a pg.Pool of 10 as the app role,
 *            driven in-process by N concurrent callers for D seconds.
 *   3. pg    the same read inside a transaction that first sets the 5 row-level-security settings in one
 *            statement (what `withScope` does), to show the cost of the RLS scope alone.
 *
 * Latency is measured the same way for every scenario (per request, client side, float ms; autocannon's
 * `response` event for HTTP, process.hrtime.bigint() for pg) and the percentiles are computed by this script
 * from all successful samples. Requests/s is successful requests divided by the measured wall time.
 *
 * Env: API_URL (use a running API instead of starting one), APP_DATABASE_URL, BENCH_USERNAME, BENCH_PASSWORD.
 */
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { ensureNodeRuntime } from "../lib/runtime.mjs";

await ensureNodeRuntime({ install: false }); // prints the Node version; runs again on node_modules' Node 24

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "../..");
const API_DIR = path.join(REPO, "apps/api");
const RESULTS_DIR = path.join(HERE, "results");

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    pool: { type: "string", default: "10" },
  },
});
const positiveInt = (name, raw, { allowZero = false } = {}) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`--${name} must be an integer >= ${allowZero ? 0 : 1}, got "${raw}"`);
  return value;
};
const CONNECTIONS = positiveInt("connections", args.connections);
const DURATION_S = positiveInt("duration", args.duration);
const WARMUP_S = positiveInt("warmup", args.warmup, { allowZero: true });
const POOL_SIZE = positiveInt("pool", args.pool);

const DATABASE_URL = process.env.APP_DATABASE_URL ?? "postgresql://dtpilot_app:dtpilot_app@127.0.0.1:5432/dtpilot";
const USERNAME = process.env.BENCH_USERNAME ?? "county-jiangyin";
const PASSWORD = process.env.BENCH_PASSWORD ?? "Demo@2025";
const SESSION_COOKIE = "dtpilot_session";

const USER_SQL = `select u.id, u.username, u."displayName", u.locale, m.role, c.name as county, ci.name as city
from "User" u join "Membership" m on m."userId" = u.id
left join "County" c on c.code = m."countyId"
left join "City" ci on ci.code = c."cityCode"
where u.id = $1`;
const SET_CONFIG_SQL = "select set_config(name, value, true) from unnest($1::text[], $2::text[]) as s(name, value)";

const log = (message) => console.error(`[bench] ${message}`);

// ---------------------------------------------------------------------------------------------- statistics

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarize(name, { latencies, errors, non2xx = 0, elapsedMs, extra = {} }) {
  const sorted = Float64Array.from(latencies).sort();
  const round = (value) => (value === null ? null : Math.round(value * 1000) / 1000);
  return {
    name,
    requests: sorted.length,
    errors,
    non2xx,
    elapsedSeconds: round(elapsedMs / 1000),
    requestsPerSecond: round(sorted.length / (elapsedMs / 1000)),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1] : null),
      mean: round(sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : null),
    },
    ...extra,
  };
}

function printTable(rows) {
  const header = ["scenario", "p50 ms", "p95 ms", "p99 ms", "req/s", "requests", "errors", "non2xx"];
  const fmt = (value, digits = 2) => (value === null || value === undefined ? "-" : Number(value).toFixed(digits));
  const lines = rows.map((row) => [
    row.name,
    fmt(row.latencyMs.p50),
    fmt(row.latencyMs.p95),
    fmt(row.latencyMs.p99),
    fmt(row.requestsPerSecond, 0),
    String(row.requests),
    String(row.errors),
    String(row.non2xx),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(render(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(render(line));
}

// ------------------------------------------------------------------------------------------------ the API

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `npx tsx src/main.ts` in its own process group, so stopping it also stops tsx's node child. */
async function startApi() {
  const port = await freePort();
  const child = spawn("npx", ["tsx", "src/main.ts"], {
    cwd: API_DIR,
    env: { ...process.env, API_PORT: String(port), API_HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let running = true;
  exited.then(() => {
    running = false;
  });

  const api = {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (!running) return;
      const signalGroup = (signal) => {
        try {
          process.kill(-child.pid, signal);
        } catch {
          /* already gone */
        }
      };
      signalGroup("SIGTERM");
      const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
      if (!stopped) {
        log("API did not stop within 5 s of SIGTERM; sending SIGKILL");
        signalGroup("SIGKILL");
        await exited;
      }
    },
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`API exited before it was ready:\n${output}`);
    try {
      const res = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return api;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await api.stop();
  throw new Error(`API did not answer /health with 200 within 90 s:\n${output}`);
}

/** One login attempt (never retried in a loop: five failures lock the account). Returns the cookie header. */
async function login(apiUrl) {
  const res = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: "POST",
    // A mutation without an Origin header must say it comes from our client (FIRST_PARTY_CLIENT_HEADER in @dtpilot/domain).
    headers: { "content-type": "application/json", "x-dtpilot-client": "web" },
    body: JSON.stringify({ json: { username: USERNAME, password: PASSWORD } }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login as ${USERNAME} failed: HTTP ${res.status} ${body.slice(0, 500)}`);
  const session = res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`login returned 200 but no ${SESSION_COOKIE} cookie`);
  return session;
}

async function fetchMe(apiUrl, cookie) {
  const res = await fetch(`${apiUrl}/trpc/auth.me`, { headers: { cookie } });
  const text = await res.text();
  return { status: res.status, text, data: res.status === 200 ? JSON.parse(text).result?.data?.json : undefined };
}

/** Logs in and checks `me`; if `me` answers 401 (session gone), logs in once more. */
async function signIn(apiUrl) {
  let cookie = await login(apiUrl);
  let me = await fetchMe(apiUrl, cookie);
  if (me.status === 401) {
    log("auth.me answered 401 right after login; logging in again");
    cookie = await login(apiUrl);
    me = await fetchMe(apiUrl, cookie);
  }
  if (me.status !== 200 || !me.data?.user?.id) throw new Error(`auth.me failed: HTTP ${me.status} ${me.text.slice(0, 500)}`);
  return { cookie, me: me.data };
}

/** The transaction-local settings the API sets for this scope (mirrors rowSecuritySettings in libs/server/db). */
function rowSecuritySettings(scope) {
  const readable = { province: "all", reviewer: scope.countyIds, city: scope.countyIds, county: [scope.countyId] }[scope.kind] ?? [];
  return {
    "app.scope_kind": scope.kind,
    "app.county_ids": readable === "all" ? "" : readable.join(","),
    "app.write_county_id": scope.kind === "county" ? scope.countyId : "",
    "app.enterprise_id": scope.kind === "enterprise" ? scope.enterpriseId : "",
    "app.provider_id": scope.kind === "provider" ? scope.providerId : "",
  };
}

function runAutocannon(options, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", onResponse);
  });
}

async function benchApi(apiUrl, cookie) {
  const options = { url: `${apiUrl}/trpc/auth.me`, connections: CONNECTIONS, headers: { cookie } };
  if (WARMUP_S > 0) {
    log(`API warm-up: ${CONNECTIONS} connections, ${WARMUP_S} s`);
    await runAutocannon({ ...options, duration: WARMUP_S });
  }
  log(`API auth.me: ${CONNECTIONS} connections, ${DURATION_S} s`);
  const latencies = [];
  const start = process.hrtime.bigint();
  const result = await runAutocannon({ ...options, duration: DURATION_S }, (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  return summarize("API auth.me (HTTP, autocannon)", {
    latencies,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    elapsedMs,
    extra: {
      autocannon: {
        requestsAverage: result.requests.average,
        latency: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        statusCodeStats: result.statusCodeStats,
        durationSeconds: result.duration,
      },
    },
  });
}

// ------------------------------------------------------------------------------------------------ bare pg

/** `concurrency` callers each run `work` back to back until `seconds` are up; returns every latency (ms). */
async function drive(work, { concurrency, seconds }) {
  const latencies = [];
  let errors = 0;
  let firstError;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(seconds) * 1_000_000_000n;
  const caller = async () => {
    while (process.hrtime.bigint() < deadline) {
      const begin = process.hrtime.bigint();
      try {
        await work();
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (firstError) log(`first error: ${firstError.message}`);
  return { latencies, errors, elapsedMs };
}

async function benchPg(name, work) {
  if (WARMUP_S > 0) {
    log(`${name} warm-up: ${CONNECTIONS} callers, ${WARMUP_S} s`);
    await drive(work, { concurrency: CONNECTIONS, seconds: WARMUP_S });
  }
  log(`${name}: ${CONNECTIONS} callers, pool ${POOL_SIZE}, ${DURATION_S} s`);
  return summarize(name, await drive(work, { concurrency: CONNECTIONS, seconds: DURATION_S }));
}

// ------------------------------------------------------------------------------------------------- main

function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable)";
  }
}

async function main() {
  let api;
  let pool;
  const stopApi = async () => {
    if (api) await api.stop();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      stopApi().finally(() => process.exit(130));
    });
  }

  try {
    let apiUrl = process.env.API_URL?.replace(/\/+$/, "");
    if (apiUrl) {
      log(`using the running API at ${apiUrl}`);
    } else {
      log("starting the API (npx tsx src/main.ts)");
      api = await startApi();
      apiUrl = api.url;
      log(`API ready at ${apiUrl}`);
    }

    const { cookie, me } = await signIn(apiUrl);
    const userId = me.user.id;
    const settings = rowSecuritySettings(me.scope);
    log(`signed in as ${me.user.username} (${me.role}, scope ${JSON.stringify(me.scope)})`);

    pool = new pg.Pool({ connectionString: DATABASE_URL, max: POOL_SIZE });
    pool.on("error", (error) => log(`idle pg client error: ${error.message}`));
    const names = Object.keys(settings);
    const values = Object.values(settings);

    const bare = async () => {
      const { rowCount } = await pool.query(USER_SQL, [userId]);
      if (rowCount !== 1) throw new Error(`expected 1 row, got ${rowCount}`);
    };
    const scoped = async () => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query(SET_CONFIG_SQL, [names, values]);
        const { rowCount } = await client.query(USER_SQL, [userId]);
        await client.query("commit");
        if (rowCount !== 1) throw new Error(`expected 1 row, got ${rowCount}`);
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };
    // Fail fast (before any load) if the bare read does not see exactly the one row.
    await bare();
    await scoped();

    const results = [];
    results.push(await benchApi(apiUrl, cookie));
    const after = await fetchMe(apiUrl, cookie);
    if (after.status !== 200) log(`warning: auth.me answers HTTP ${after.status} after the load`);

    results.push(await benchPg("pg bare select (pool)", bare));
    results.push(await benchPg("pg tx + 5 set_config + select", scoped));

    console.log();
    console.log(
      `auth.me vs bare pg — ${CONNECTIONS} concurrent, ${DURATION_S} s each (after ${WARMUP_S} s warm-up), pg pool ${POOL_SIZE}, ` +
        `${os.cpus().length} CPUs, Node ${process.version}`,
    );
    printTable(results);

    const apiResult = results[0];
    const failures = results.reduce((sum, row) => sum + row.errors + row.non2xx, 0);
    if (apiResult.non2xx > 0) console.log(`\nWARNING: ${apiResult.non2xx} non-2xx responses from auth.me: ${JSON.stringify(apiResult.autocannon.statusCodeStats)}`);
    if (failures > 0) process.exitCode = 1;

    const timestamp = new Date().toISOString();
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `me-query-${timestamp.replace(/[:.]/g, "-")}.json`);
    const report = {
      timestamp,
      config: {
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        pgPoolSize: POOL_SIZE,
        apiUrl,
        apiStartedByBench: Boolean(api),
        database: redact(DATABASE_URL),
        username: me.user.username,
        userId,
        rowSecuritySettings: settings,
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
      },
      results,
    };
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nresults written to ${path.relative(process.cwd(), file) || file}`);
  } finally {
    if (pool) await pool.end().catch(() => {});
    await stopApi();
  }
}

main().catch((error) => {
  console.error(`[bench] failed: ${error.stack ?? error}`);
  process.exitCode = 1;
});
