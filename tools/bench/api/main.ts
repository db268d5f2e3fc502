/**
 * Benchmark: the API's main procedures of every role under load, each next to a bare Fastify + pg endpoint that runs
 * the same SQL, in one run (one after the other, never at the same time).
 *
 *   npm run bench:api -- [--database dtpilot] [--connections 1,20,100] [--duration 5] [--procedures auth.me,roster.listRoster@city]
 *
 * 1. Starts the API twice on free ports against the chosen database, under a throwaway Redis prefix: once with
 *    sql-capture.mjs preloaded (records every statement sent through pg), once plain (the one measured; or API_URL).
 * 2. Signs in once per role (five failed sign-ins lock an account) and finds each case's input by asking the API.
 * 3. Capture pass: each case called three times, alone; the last call's statements are its SQL (per connection, in
 *    order: the transaction with the RLS set_config and grant check, the reads, COMMIT), its statement count is
 *    reported, and uuids that differ between the last two calls are ids the API made up (fresh in every replay).
 * 4. Starts bare-server.mjs with those statements, then per case and connection count: the API (autocannon), then the
 *    bare replay (autocannon), with the same warm-up and duration (a mutation: a fixed number of requests).
 * 5. Prints the table and the goals (API ≥ 50 % of the bare throughput; p95 < 50 ms at 100 connections for reads and
 *    lists: PASS/MISS), writes tools/bench/results/api-<timestamp>.json. Exit 1 only on errors or non-2xx answers.
 *
 * The mutation (roster.requestRosterExport, filtered by a sub-industry that is this run's marker) records an export
 * and an audit record per request; its job goes to the bench's Redis prefix, where no worker listens. After the capture
 * and after every measured row the bench deletes, as the schema owner, the rows carrying the marker.
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import pg from "pg";
import { CASES, DEMO_USERS, ROLES, selectCases, Skip, World, type BenchCase, type Me, type RoleKey } from "./cases";
import { call, callTarget, CallError, login } from "./client";
import { countStatements, freshValues, groupByConnection, readCaptured, statementSummary, type CapturedStatement, type StatementCounts } from "./capture";
import { drive, type HttpTarget, type LoadResult } from "./load";
import { REPO, startApi, startBareServer, type Service } from "./processes";

const RESULTS_DIR = path.join(REPO, "tools", "bench", "results");
const log = (message: string) => console.error(`[bench:api] ${message}`);

const { values: args } = parseArgs({
  options: {
    database: { type: "string" },
    connections: { type: "string", default: "1,20,100" },
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    procedures: { type: "string" },
    users: { type: "string" },
    user: { type: "string", multiple: true },
    password: { type: "string" },
    county: { type: "string" },
    "mutation-requests": { type: "string", default: "500" },
    pool: { type: "string", default: "10" },
    "cpu-prof": { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench:api -- [options]
  --database NAME            database to run against (default: the one in APP_DATABASE_URL, i.e. the demo "dtpilot")
  --connections 1,20,100     connection counts, each a row per case
  --duration S               measured seconds per row (5); --warmup S unmeasured seconds before it (1)
  --procedures LIST          case ids (auth.me@county), procedures (auth.me) or roles (@city); default: all
  --users FILE.json          {"county": {"username": "...", "password": "..."}, ...} or {"county": "username", ...}
  --user ROLE=NAME[:PASS]    the same per role (repeatable); --password P for all (default Demo@2025 / BENCH_PASSWORD)
  --county CODE              the county overseers' cases name (default: the county account's)
  --mutation-requests N      requests per row of a mutation (500)
  --pool N                   the bare server's pg pool (10, as the API's Prisma pool)
  --cpu-prof DIR             run the measured API and the bare server with --cpu-prof: DIR/api.cpuprofile, DIR/bare.cpuprofile
  --out FILE                 results file (default tools/bench/results/api-<timestamp>.json)
cases: ${CASES.map((entry) => entry.id).join(", ")}`);
  process.exit(0);
}

function positiveInt(name: string, raw: string, { allowZero = false } = {}): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`--${name} must be an integer >= ${allowZero ? 0 : 1}, got "${raw}"`);
  return value;
}
const CONNECTIONS = args.connections.split(",").map((value) => positiveInt("connections", value.trim()));
const DURATION_S = positiveInt("duration", args.duration);
const WARMUP_S = positiveInt("warmup", args.warmup, { allowZero: true });
const MUTATION_REQUESTS = positiveInt("mutation-requests", args["mutation-requests"]);
const POOL = positiveInt("pool", args.pool);
const SELECTED = selectCases(args.procedures);
const DEFAULT_PASSWORD = args.password ?? process.env.BENCH_PASSWORD ?? "Demo@2025";

// -------------------------------------------------------------------------------------------- configuration

function withDatabase(url: string, database: string | undefined): string {
  if (!database) return url;
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
const APP_URL = withDatabase(process.env.APP_DATABASE_URL ?? "postgresql://dtpilot_app:dtpilot_app@127.0.0.1:5432/dtpilot", args.database);
const OWNER_URL = withDatabase(process.env.DATABASE_URL ?? "postgresql://dtpilot_owner:dtpilot_owner@127.0.0.1:5432/dtpilot", args.database);
const DATABASE = decodeURIComponent(new URL(APP_URL).pathname.slice(1));
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const RUN_ID = randomUUID();
const REDIS_PREFIX = `dtpilot-bench-api:${RUN_ID}:`;
/** Put into what the mutation cases write (see cases.ts), so the bench removes exactly its own rows. */
const MARKER = `bench-api-${RUN_ID.slice(0, 8)}`;

interface Credentials {
  username: string;
  password: string;
}

async function credentials(): Promise<Map<RoleKey, Credentials>> {
  const given = new Map<RoleKey, Credentials>();
  const add = (role: string, username: string, password: string | undefined) => {
    if (!(ROLES as readonly string[]).includes(role)) throw new Error(`unknown role "${role}" (roles: ${ROLES.join(", ")})`);
    given.set(role as RoleKey, { username, password: password ?? DEFAULT_PASSWORD });
  };
  if (args.users) {
    const file = JSON.parse(await readFile(args.users, "utf8")) as Record<string, string | { username: string; password?: string }>;
    for (const [role, entry] of Object.entries(file)) add(role, typeof entry === "string" ? entry : entry.username, typeof entry === "string" ? undefined : entry.password);
  }
  for (const item of args.user ?? []) {
    const match = /^([a-z]+)=([^:]+)(?::(.*))?$/.exec(item);
    if (!match) throw new Error(`--user expects ROLE=USERNAME[:PASSWORD], got "${item}"`);
    add(match[1]!, match[2]!, match[3]);
  }
  // Without any account given, the demo accounts.
  if (given.size === 0) for (const role of ROLES) add(role, DEMO_USERS[role], undefined);
  return given;
}

// ------------------------------------------------------------------------------------------------- results

interface Row {
  connections: number;
  api: LoadResult;
  bare: LoadResult;
  /** API requests/s over the bare replay's. */
  throughputRatio: number | null;
  goals: { throughput: "PASS" | "MISS"; p95Under50ms?: "PASS" | "MISS" };
  /** What the API logged about its failed answers (its error lines, distinct messages). */
  apiErrorMessages?: string[];
}

/** The distinct error messages in the API's recent log lines (pino JSON at LOG_LEVEL=warn). */
function errorMessages(output: string): string[] {
  const messages = new Set<string>();
  for (const line of output.split("\n")) {
    try {
      const entry = JSON.parse(line) as { msg?: string; err?: { message?: string } };
      if (entry.err?.message ?? entry.msg) messages.add((entry.err?.message ?? entry.msg)!.replace(/\s+/g, " ").slice(0, 300));
    } catch {
      // a partial or non-JSON line
    }
  }
  return [...messages].slice(0, 5);
}

interface CaseResult {
  id: string;
  procedure: string;
  role: RoleKey;
  kind: BenchCase["kind"];
  username?: string;
  input?: unknown;
  skipped?: string;
  sql?: StatementCounts & { dbMsPerCall: number[]; heldMsPerCall: number[]; statementsPerCall: number[]; freshValues: number; statementList: string[] };
  rows: Row[];
}

const fmt = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? "-" : value.toFixed(digits));

function printTable(results: CaseResult[]) {
  const header = ["case", "conn", "SQL", "API p50", "p95", "p99", "req/s", "failed", "bare p50", "p95", "p99", "req/s", "API/bare", "≥50%", "p95<50"];
  const lines: string[][] = [];
  for (const result of results) {
    if (result.skipped) {
      lines.push([result.id, "-", "-", `skipped: ${result.skipped}`]);
      continue;
    }
    for (const row of result.rows) {
      lines.push([
        result.id,
        String(row.connections),
        result.sql ? `${result.sql.queries}/${result.sql.statements}` : "-",
        fmt(row.api.latencyMs.p50),
        fmt(row.api.latencyMs.p95),
        fmt(row.api.latencyMs.p99),
        fmt(row.api.requestsPerSecond, 0),
        String(row.api.errors + row.api.non2xx),
        fmt(row.bare.latencyMs.p50),
        fmt(row.bare.latencyMs.p95),
        fmt(row.bare.latencyMs.p99),
        fmt(row.bare.requestsPerSecond, 0),
        row.throughputRatio === null ? "-" : `${Math.round(row.throughputRatio * 100)}%`,
        row.goals.throughput,
        row.goals.p95Under50ms ?? "",
      ]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...lines.filter((line) => line.length > 4).map((line) => (line[column] ?? "").length)));
  const render = (cells: string[]) =>
    cells.length <= 4
      ? `${cells[0]!.padEnd(widths[0]!)}  ${cells[3]}`
      : cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  console.log(render(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of lines) console.log(render(line));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

// ------------------------------------------------------------------------------------------ mutation rows

/**
 * Deletes what a mutation case wrote (its `cleanup` statements, by the run's marker), whatever the rows' state: a
 * worker on the same database (npm start's) re-enqueues exports left QUEUED for a minute (recover-lost-exports), so
 * this runs after the capture and after every measured row, well before.
 */
async function removeMutationRows(owner: pg.Pool, entry: BenchCase, userId: string): Promise<number> {
  let removed = 0;
  for (const statement of entry.cleanup ?? []) removed += (await owner.query(statement, [MARKER, userId])).rowCount ?? 0;
  return removed;
}

async function removeRedisKeys() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    let removed = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${REDIS_PREFIX}*`, "COUNT", 500);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== "0");
    log(`removed ${removed} Redis keys under ${REDIS_PREFIX}`);
  } catch (error) {
    log(`could not remove the Redis keys under ${REDIS_PREFIX}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------------- main

async function main() {
  const services: Service[] = [];
  const stopAll = () => Promise.all(services.splice(0).map((service) => service.stop()));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void stopAll().finally(() => process.exit(130));
    });
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), "dtpilot-bench-api-"));
  const captureFile = path.join(workDir, "statements.jsonl");
  const owner = new pg.Pool({ connectionString: OWNER_URL, max: 1 });
  let failures = 0;
  const results: CaseResult[] = [];
  // The mutation cases measured or under way, with their user: their rows are removed again (also when the run fails).
  const mutationsToUndo = new Map<string, { entry: BenchCase; userId: string }>();
  let mutationRowsRemoved = 0;
  const undoMutation = async (id: string) => {
    const undo = mutationsToUndo.get(id);
    if (undo) mutationRowsRemoved += await removeMutationRows(owner, undo.entry, undo.userId);
  };
  const started = new Date();
  const loadAtStart = os.loadavg();

  try {
    const accounts = await credentials();
    const rolesNeeded = new Set(SELECTED.map((entry) => entry.role));
    // Overseers' cases default to the county account's county, so sign it in as well when it is known.
    if (accounts.has("county") && SELECTED.some((entry) => ["city", "province", "reviewer"].includes(entry.role))) rolesNeeded.add("county");

    log(`database ${DATABASE}; starting the API${process.env.API_URL ? "" : " twice (capture + measured)"}`);
    await writeFile(captureFile, "");
    const [captureApi, measuredApi] = await Promise.all([
      startApi({ databaseUrl: APP_URL, redisPrefix: REDIS_PREFIX, captureFile }),
      process.env.API_URL ? Promise.resolve(undefined) : startApi({ databaseUrl: APP_URL, redisPrefix: REDIS_PREFIX, ...(args["cpu-prof"] ? { cpuProfileDir: path.resolve(args["cpu-prof"]) } : {}) }),
    ]);
    services.push(captureApi, ...(measuredApi ? [measuredApi] : []));
    const benchUrl = process.env.API_URL?.replace(/\/+$/, "") ?? measuredApi!.url;

    // Sign in once per role on the capture API; the measured API shares its Redis prefix, hence its sessions.
    const sessions = new Map<RoleKey, { cookie: string; me: Me }>();
    const benchCookies = new Map<RoleKey, string>();
    for (const role of ROLES) {
      const account = accounts.get(role);
      if (!account || !rolesNeeded.has(role)) continue;
      const cookie = await login(captureApi.url, account.username, account.password);
      const me = await call<Me>(captureApi.url, "query", "auth.me", undefined, cookie);
      sessions.set(role, { cookie, me });
      benchCookies.set(role, process.env.API_URL ? await login(benchUrl, account.username, account.password) : cookie);
      log(`signed in as ${account.username} (${me.role}, scope ${JSON.stringify(me.scope)})`);
    }
    const world = new World(captureApi.url, sessions, args.county, MARKER);

    // Inputs, then the capture pass: one case at a time, three calls each.
    const replay: Record<string, { groups: CapturedStatement[][]; freshValues: string[] }> = {};
    const runnable: { entry: BenchCase; result: CaseResult; input: unknown }[] = [];
    let offset = 0;
    for (const entry of SELECTED) {
      const result: CaseResult = { id: entry.id, procedure: entry.procedure, role: entry.role, kind: entry.kind, rows: [] };
      results.push(result);
      let input: unknown;
      try {
        world.session(entry.role); // Skip without an account for the role
        input = await entry.input(world);
        result.username = sessions.get(entry.role)?.me.user.username;
      } catch (error) {
        if (!(error instanceof Skip)) throw error;
        result.skipped = error.message;
        log(`${entry.id}: skipped (${error.message})`);
        continue;
      }
      result.input = input;
      if (entry.cleanup) mutationsToUndo.set(entry.id, { entry, userId: sessions.get(entry.role)!.me.user.id });
      offset = (await stat(captureFile)).size;
      const calls: CapturedStatement[][] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        await call(captureApi.url, entry.type, entry.procedure, input, sessions.get(entry.role)!.cookie);
        const captured = await readCaptured(captureFile, offset);
        offset = captured.offset;
        calls.push(captured.statements);
      }
      const last = calls[2]!;
      const failed = last.find((statement) => statement.error);
      if (failed) throw new Error(`${entry.id}: a captured statement failed (${failed.error}): ${statementSummary(failed)}`);
      if (calls[1]!.length !== last.length) log(`${entry.id}: ${calls[1]!.length} then ${last.length} statements in two calls; replaying the last`);
      const fresh = freshValues(calls[1]!, last);
      replay[entry.id] = { groups: groupByConnection(last), freshValues: fresh };
      // PostgreSQL time: the least of the three calls (the machine's other load only ever adds to it).
      const dbMsPerCall = calls.map((statements) => countStatements(statements).dbMs);
      const heldMsPerCall = calls.map((statements) => countStatements(statements).heldMs);
      result.sql = {
        ...countStatements(last),
        dbMs: Math.min(...dbMsPerCall),
        dbMsPerCall,
        heldMs: Math.min(...heldMsPerCall),
        heldMsPerCall,
        statementsPerCall: calls.map((statements) => statements.length),
        freshValues: fresh.length,
        statementList: last.map(statementSummary),
      };
      await undoMutation(entry.id);
      log(`${entry.id}: ${result.sql.queries} queries, ${result.sql.statements} statements, ${result.sql.transactions} transaction(s), ${result.sql.dbMs} ms in PostgreSQL, connection held ${result.sql.heldMs} ms (least of 3 calls)`);
      runnable.push({ entry, result, input });
    }
    await captureApi.stop();
    services.splice(services.indexOf(captureApi), 1);

    const replayFile = path.join(workDir, "replay.json");
    await writeFile(replayFile, JSON.stringify({ cases: replay }));
    const bare = await startBareServer({ databaseUrl: APP_URL, replayFile, poolSize: POOL, ...(args["cpu-prof"] ? { cpuProfileDir: path.resolve(args["cpu-prof"]) } : {}) });
    services.push(bare);
    log(`bare server ready at ${bare.url}`);

    // The load: per case and connection count, the API and then its bare replay.
    for (const { entry, result, input } of runnable) {
      // A session that ended (idle limit) is renewed once before its case.
      let cookie = benchCookies.get(entry.role)!;
      try {
        await call(benchUrl, "query", "auth.me", undefined, cookie);
      } catch (error) {
        if (!(error instanceof CallError) || error.status !== 401) throw error;
        const account = accounts.get(entry.role)!;
        cookie = await login(benchUrl, account.username, account.password);
        benchCookies.set(entry.role, cookie);
      }
      const apiTarget = callTarget(benchUrl, entry.type, entry.procedure, input, cookie);
      const bareTarget: HttpTarget = { url: `${bare.url}/replay/${encodeURIComponent(entry.id)}`, method: "GET", headers: {} };
      for (const connections of CONNECTIONS) {
        const plan = {
          connections,
          durationSeconds: DURATION_S,
          warmupSeconds: WARMUP_S,
          ...(entry.kind === "mutation" ? { amount: Math.max(MUTATION_REQUESTS, connections) } : {}),
        };
        log(`${entry.id}: ${connections} connection(s): API`);
        measuredApi?.takeOutput();
        const api = await drive(apiTarget, plan);
        log(`${entry.id}: ${connections} connection(s): bare`);
        const bareResult = await drive(bareTarget, plan);
        const ratio = bareResult.requestsPerSecond > 0 ? Math.round((api.requestsPerSecond / bareResult.requestsPerSecond) * 1000) / 1000 : null;
        const row: Row = {
          connections,
          api,
          bare: bareResult,
          throughputRatio: ratio,
          goals: { throughput: ratio !== null && ratio >= 0.5 ? "PASS" : "MISS" },
        };
        if (entry.kind !== "mutation" && connections === 100) row.goals.p95Under50ms = api.latencyMs.p95 !== null && api.latencyMs.p95 < 50 ? "PASS" : "MISS";
        result.rows.push(row);
        const bad = api.errors + api.non2xx + bareResult.errors + bareResult.non2xx;
        if (bad > 0) {
          failures += bad;
          log(`${entry.id} @ ${connections}: API ${api.errors} errors, ${api.non2xx} non-2xx ${JSON.stringify(api.statusCodes)}; bare ${bareResult.errors} errors, ${bareResult.non2xx} non-2xx`);
          const reasons = measuredApi ? errorMessages(measuredApi.takeOutput()) : [];
          if (reasons.length > 0) log(`  the API logged: ${reasons.join(" | ")}`);
          if (reasons.length > 0) row.apiErrorMessages = reasons;
        }
        await undoMutation(entry.id);
      }
      if (mutationsToUndo.delete(entry.id)) log(`${entry.id}: removed the ${mutationRowsRemoved} rows its requests wrote (marked ${MARKER})`);
    }

    // Report.
    const measured = results.filter((result) => !result.skipped);
    console.log();
    console.log(
      `API vs bare Fastify + pg (same SQL, same RLS scope) — database ${DATABASE}, ${DURATION_S} s per row after ${WARMUP_S} s warm-up ` +
        `(mutations: ${MUTATION_REQUESTS} requests), bare pool ${POOL}, ${os.cpus().length} CPUs (load average ${loadAtStart[0]!.toFixed(1)} at the start, ` +
        `${os.loadavg()[0]!.toFixed(1)} at the end), Node ${process.version}. SQL = queries/statements per request.`,
    );
    printTable(results);
    const rows = measured.flatMap((result) => result.rows);
    const throughputMisses = measured.flatMap((result) => result.rows.filter((row) => row.goals.throughput === "MISS").map((row) => `${result.id}@${row.connections}`));
    const latencyRows = measured.flatMap((result) => result.rows.filter((row) => row.goals.p95Under50ms).map((row) => ({ id: result.id, row })));
    const latencyMisses = latencyRows.filter(({ row }) => row.goals.p95Under50ms === "MISS").map(({ id, row }) => `${id} (${fmt(row.api.latencyMs.p95)} ms)`);
    console.log();
    console.log(`Goal: every procedure at ≥ 50 % of its bare baseline's throughput: ${throughputMisses.length === 0 ? "PASS" : "MISS"} (${rows.length - throughputMisses.length}/${rows.length} rows)`);
    if (throughputMisses.length > 0) console.log(`  below 50 %: ${throughputMisses.join(", ")}`);
    if (latencyRows.length > 0) {
      console.log(`Goal: p95 < 50 ms at 100 connections for reads and lists: ${latencyMisses.length === 0 ? "PASS" : "MISS"} (${latencyRows.length - latencyMisses.length}/${latencyRows.length} cases)`);
      if (latencyMisses.length > 0) console.log(`  over 50 ms: ${latencyMisses.join(", ")}`);
    } else {
      console.log("Goal: p95 < 50 ms at 100 connections for reads and lists: not measured (no 100-connection rows)");
    }
    if (failures > 0) console.log(`\nERRORS: ${failures} failed or non-2xx requests (see above)`);

    const timestamp = started.toISOString();
    const file = path.resolve(args.out ?? path.join(RESULTS_DIR, `api-${timestamp.replace(/[:.]/g, "-")}.json`));
    await mkdir(path.dirname(file), { recursive: true });
    const report = {
      timestamp,
      config: {
        database: DATABASE,
        appDatabaseUrl: redact(APP_URL),
        apiUrl: process.env.API_URL ?? null,
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        mutationRequests: MUTATION_REQUESTS,
        barePoolSize: POOL,
        cpuProfileDir: args["cpu-prof"] ? path.resolve(args["cpu-prof"]) : null,
        /** The measured API's and the bare server's start-up (profile-summary.ts --skip-seconds leaves it out). */
        measuredApiReadyAfterSeconds: measuredApi ? measuredApi.readyAfterMs / 1000 : null,
        bareServerReadyAfterSeconds: bare.readyAfterMs / 1000,
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        // 1/5/15-minute load averages: other work on the machine shows here and in every row alike.
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg(),
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      },
      goals: {
        throughputAtLeastHalfOfBare: { result: throughputMisses.length === 0 ? "PASS" : "MISS", misses: throughputMisses },
        p95Under50msAt100Connections: { result: latencyRows.length === 0 ? "NOT MEASURED" : latencyMisses.length === 0 ? "PASS" : "MISS", misses: latencyMisses },
      },
      failures,
      cases: results,
    };
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nresults written to ${file}`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await stopAll();
    for (const id of [...mutationsToUndo.keys()]) await undoMutation(id).catch((error: unknown) => log(`could not remove ${id}'s rows: ${(error as Error).message}`));
    await owner.end().catch(() => {});
    await removeRedisKeys();
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`[bench:api] failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
});
