/**
 * Benchmark: the roster export (试点企业名单 XLSX) for a county with 300 enterprises, request → SUCCEEDED.
 *
 *   npx tsx tools/bench/roster-export.bench.ts [--enterprises 300] [--runs 5] [--keep]
 *
 * Builds its own database (dtpilot_bench_<checkout>: migrated, demo seed) and adds, as the owner, a bench county
 * (宜兴市, enrolled in 2025年度) with N enterprises carrying valid credit codes, all on its roster, and a county account. Starts the real
 * API (src/main.ts) and worker (src/worker.ts) as production processes under a throwaway Redis prefix, signs in
 * over HTTP, then per run: roster.requestRosterExport, poll documents.getExport every 20 ms until SUCCEEDED, download
 * the file and check its row count. One warm-up run first (a fresh worker's first export: reported, not counted).
 *
 * Then the roster import: the county's template (GET /files/roster-import-template) filled with --import-rows new
 * enterprises, sent to roster.importRoster (--import-runs times, each with new credit codes): the whole request,
 * reading, validating and enrolling every row in one transaction.
 *
 * Reported per run and as min / median / max: end to end (request sent → SUCCEEDED seen by the client), the
 * queue wait (createdAt → startedAt, server clock) and the generation (startedAt → finishedAt: read the roster,
 * build the workbook, store it). Written to tools/bench/results/roster-export-<timestamp>.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { emptyFileCompletenessColumns, hashPassword } from "@dtpilot/db";
import { createOwnerDatabase, DEMO_BATCH, dropDatabase } from "@dtpilot/db/admin";
import { prepareTestDatabase, testDatabaseEnv, testDatabaseName } from "@dtpilot/db/testing";
import { emptyPlanContent, makeCreditCode } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import { Redis } from "ioredis";

const REPO = path.resolve(import.meta.dirname, "..", "..");
const API_DIR = path.join(REPO, "apps", "api");
const RESULTS_DIR = path.join(import.meta.dirname, "results");

const { values: args } = parseArgs({
  options: {
    enterprises: { type: "string", default: "300" },
    runs: { type: "string", default: "5" },
    "import-rows": { type: "string", default: "2000" },
    "import-runs": { type: "string", default: "2" },
    keep: { type: "boolean", default: false },
  },
});
const ENTERPRISES = Number(args.enterprises);
const RUNS = Number(args.runs);
const IMPORT_ROWS = Number(args["import-rows"]);
const IMPORT_RUNS = Number(args["import-runs"]);
if (!Number.isInteger(ENTERPRISES) || ENTERPRISES < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  throw new Error("--enterprises and --runs must be positive integers");
}

const BENCH_COUNTY = { code: "320282", name: "宜兴市" };
const BENCH_USER = "bench-county-yixing";
const PASSWORD = "Demo@2025";
const ORIGIN = "http://localhost:4200";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0";
const REDIS_PREFIX = `dtpilot-bench:${randomUUID()}:`;
const DATABASE = testDatabaseName("dtpilot_bench");

const log = (message: string) => console.error(`[bench] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------------------ database

async function prepareDatabase() {
  const started = Date.now();
  await prepareTestDatabase(DATABASE);
  const owner = createOwnerDatabase({ url: testDatabaseEnv(DATABASE).DATABASE_URL });
  try {
    const batch = await owner.batch.findUniqueOrThrow({ where: { name: DEMO_BATCH.name } });
    await owner.pilotCounty.create({ data: { countyId: BENCH_COUNTY.code, batchId: batch.id } });
    await owner.enterprise.createMany({
      data: Array.from({ length: ENTERPRISES }, (_, index) => ({
        countyId: BENCH_COUNTY.code,
        name: `宜兴试点企业${String(index + 1).padStart(3, "0")}有限公司`,
        creditCode: makeCreditCode(`91${BENCH_COUNTY.code}MB${String(index + 1).padStart(7, "0")}`),
      })),
    });
    const user = await owner.user.create({
      data: { username: BENCH_USER, displayName: "宜兴市工信局（基准测试）", passwordHash: await hashPassword(PASSWORD) },
    });
    await owner.membership.create({ data: { userId: user.id, role: "COUNTY_ADMIN", countyId: BENCH_COUNTY.code } });
    // A draft plan naming the sub-industry the roster and the imports use.
    const content = emptyPlanContent(BENCH_COUNTY.name, "无锡市工业和信息化局");
    content.dataTable.clusters[0]!.name = "高端装备";
    content.dataTable.clusters[0]!.subIndustries[0]!.name = "精密机械零部件";
    const plan = await owner.implementationPlan.create({ data: { countyId: BENCH_COUNTY.code, batchId: batch.id } });
    await owner.planVersion.create({
      data: { countyId: BENCH_COUNTY.code, planId: plan.id, number: 1, content: content as never, updatedById: user.id },
    });
    // Every enterprise on the batch's roster (试点企业改造名单), which is what the export lists.
    const enterprises = await owner.enterprise.findMany({ where: { countyId: BENCH_COUNTY.code }, select: { id: true, name: true, creditCode: true } });
    await owner.pilotEnterprise.createMany({
      data: enterprises.map((enterprise, index) => ({
        countyId: BENCH_COUNTY.code,
        batchId: batch.id,
        enterpriseId: enterprise.id,
        subIndustry: "高端装备—精密机械零部件",
        scale: index % 3 === 0 ? ("BELOW" as const) : ("ABOVE" as const),
        specialised: index % 5 === 0,
        lastYearRevenue: String(1000 + index),
        addedById: user.id,
        ...emptyFileCompletenessColumns({ enterpriseName: enterprise.name, creditCode: enterprise.creditCode, countyId: BENCH_COUNTY.code }),
      })),
    });
  } finally {
    await owner.$disconnect();
  }
  log(`database ${DATABASE} ready with ${ENTERPRISES} enterprises in ${BENCH_COUNTY.name} (${Date.now() - started} ms)`);
}

// ----------------------------------------------------------------------------------------------- processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startProcess(entry: string, env: Record<string, string>, readyLine?: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: API_DIR, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready after 30 s:\n${output}`)), 30_000);
    child.once("exit", (code) => reject(new Error(`${entry} exited (${code}):\n${output}`)));
    if (!readyLine) return (clearTimeout(timer), resolve(child));
    const check = () => output.includes(readyLine) && (clearTimeout(timer), resolve(child));
    child.stdout!.on("data", check);
  });
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`API at ${url} not healthy after 30 s`);
}

// --------------------------------------------------------------------------------------------------- client

interface ExportView {
  id: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  progress: number;
  rowCount: number | null;
  sizeBytes: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

class Client {
  private cookie = "";
  constructor(private readonly url: string) {}

  async call<T>(type: "query" | "mutation", procedure: string, input: unknown = {}): Promise<T> {
    const envelope = JSON.stringify({ json: input });
    const response =
      type === "query"
        ? await fetch(`${this.url}/trpc/${procedure}?input=${encodeURIComponent(envelope)}`, { headers: { cookie: this.cookie } })
        : await fetch(`${this.url}/trpc/${procedure}`, {
            method: "POST",
            headers: { cookie: this.cookie, origin: ORIGIN, "content-type": "application/json" },
            body: envelope,
          });
    const session = response.headers.getSetCookie().find((value) => value.startsWith("dtpilot_session="));
    if (session) this.cookie = session.split(";")[0]!;
    const payload = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
    if (!payload.result) throw new Error(`${procedure}: ${response.status} ${payload.error?.json.message}`);
    return payload.result.data.json;
  }

  async get(pathAndQuery: string): Promise<Buffer> {
    const response = await fetch(`${this.url}${pathAndQuery}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`GET ${pathAndQuery}: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async download(exportId: string): Promise<Buffer> {
    const response = await fetch(`${this.url}/files/exports/${exportId}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`download ${exportId}: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

async function exportOnce(client: Client) {
  const sent = performance.now();
  const requested = await client.call<ExportView>("mutation", "roster.requestRosterExport");
  for (;;) {
    const view = await client.call<ExportView>("query", "documents.getExport", { exportId: requested.id });
    if (view.status === "SUCCEEDED") {
      const endToEndMs = performance.now() - sent;
      const file = await client.download(requested.id);
      if (view.rowCount !== ENTERPRISES) throw new Error(`expected ${ENTERPRISES} rows, the export has ${view.rowCount}`);
      if (file.byteLength !== view.sizeBytes) throw new Error(`downloaded ${file.byteLength} bytes, the export says ${view.sizeBytes}`);
      const at = (value: string | null) => new Date(value!).getTime();
      return {
        exportId: view.id,
        endToEndMs: round(endToEndMs),
        queueWaitMs: at(view.startedAt) - at(view.createdAt),
        generationMs: at(view.finishedAt) - at(view.startedAt),
        sizeBytes: view.sizeBytes,
        rows: view.rowCount,
      };
    }
    if (view.status === "FAILED") throw new Error(`export failed: ${view.error}`);
    await sleep(20);
  }
}

/** The county's template with `rows` new enterprises (run `run`'s own credit codes) under its example rows. */
async function importFile(client: Client, run: number, rows: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await client.get("/files/roster-import-template")) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("试点企业名单")!;
  for (let index = 0; index < rows; index++) {
    const serial = run * 100_000 + index + 1;
    sheet.getRow(5 + index).values = [
      index + 1,
      `宜兴导入企业${serial}有限公司`,
      makeCreditCode(`91${BENCH_COUNTY.code}MC${String(serial).padStart(7, "0")}`),
      "高端装备—精密机械零部件",
      index % 2 ? "规下" : "规上",
      index % 7 ? "否" : "是",
      1000 + index,
    ];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

async function importOnce(client: Client, run: number) {
  const file = await importFile(client, run, IMPORT_ROWS);
  const sent = performance.now();
  const answer = await client.call<{ imported: number; errors: unknown[] }>("mutation", "roster.importRoster", { file });
  const ms = performance.now() - sent;
  if (answer.imported !== IMPORT_ROWS) throw new Error(`imported ${answer.imported} of ${IMPORT_ROWS}: ${JSON.stringify(answer.errors.slice(0, 3))}`);
  return { ms: round(ms), bytes: Math.round((file.length * 3) / 4) };
}

const round = (value: number) => Math.round(value * 10) / 10;
function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: round(sorted[0]!), median: round(median), max: round(sorted.at(-1)!) };
}

// ----------------------------------------------------------------------------------------------------- main

const processes: ChildProcess[] = [];
const redis = new Redis(REDIS_URL);

async function cleanUp() {
  for (const child of processes) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
  const keys = await redis.keys(`${REDIS_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  if (!args.keep) await dropDatabase(DATABASE);
}

try {
  await prepareDatabase();
  const port = await freePort();
  const env = {
    ...testDatabaseEnv(DATABASE),
    REDIS_URL,
    REDIS_PREFIX,
    API_PORT: String(port),
    NODE_ENV: "production",
    ALLOWED_ORIGINS: ORIGIN,
  };
  processes.push(await startProcess("src/main.ts", { ...env, LOG_LEVEL: "warn" }));
  processes.push(await startProcess("src/worker.ts", { ...env, LOG_LEVEL: "info" }, '"msg":"worker ready"'));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);

  const client = new Client(url);
  await client.call("mutation", "auth.login", { username: BENCH_USER, password: PASSWORD });
  const warmUp = await exportOnce(client);
  log(`warm-up run (first export of a fresh worker, not counted): ${warmUp.endToEndMs} ms end to end, generation ${warmUp.generationMs} ms`);
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const result = await exportOnce(client);
    log(`run ${run}: ${result.endToEndMs} ms end to end (queue wait ${result.queueWaitMs} ms, generation ${result.generationMs} ms, ${result.sizeBytes} bytes)`);
    runs.push(result);
  }

  const imports = [];
  for (let run = 1; run <= IMPORT_RUNS; run++) {
    const result = await importOnce(client, run);
    log(`import ${run}: ${IMPORT_ROWS} rows (${result.bytes} bytes of XLSX) in ${result.ms} ms`);
    imports.push(result);
  }

  const summary = {
    benchmark: "roster-export",
    import: { rows: IMPORT_ROWS, runs: IMPORT_RUNS, ms: stats(imports.map((run) => run.ms)), bytes: imports[0]?.bytes },
    enterprises: ENTERPRISES,
    runs: RUNS,
    endToEndMs: stats(runs.map((run) => run.endToEndMs)),
    queueWaitMs: stats(runs.map((run) => run.queueWaitMs)),
    generationMs: stats(runs.map((run) => run.generationMs)),
    sizeBytes: runs[0]!.sizeBytes,
    warmUp,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
    at: new Date().toISOString(),
    perRun: runs,
  };
  console.table({ "end to end (ms)": summary.endToEndMs, "queue wait (ms)": summary.queueWaitMs, "generation (ms)": summary.generationMs });
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `roster-export-${summary.at.replace(/[:.]/g, "-")}.json`);
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
  log(`written to ${path.relative(REPO, file)}`);
} finally {
  await cleanUp();
}
