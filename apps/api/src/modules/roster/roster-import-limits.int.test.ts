/**
 * Upload bombs against the roster import, through the real API (and the shell's proxy): each is refused with a
 * localised error naming the file, or answered with a bounded list of errors, without the API's memory or its other
 * users paying for it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { ROSTER_IMPORT_MAX_BYTES, ROSTER_IMPORT_MAX_ERRORS } from "@dtpilot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRosterImportInWorker, ROSTER_IMPORT_WORKER_LIMITS } from "./read-roster-import-in-worker";
import { DEMO_PASSWORD, startApi, WEB_ORIGIN, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";
import {
  compressibleSheetBomb,
  docxLike,
  incompressibleText,
  largestAllowedWorkbook,
  lyingSizeBomb,
  manyCellsBomb,
  manyEntries,
  sharedStringBomb,
  xlsx,
} from "../../testing/xlsx-bombs";

type ImportAnswer = { imported: number; errors: { rowNumber: number | null; column: string | null; message: string }[]; errorCount: number };

const TOO_COMPLEX = "文件超出导入限制";
const UNREADABLE = "无法读取该文件";
const TOO_LARGE = "文件过大：导入文件不能超过 2 MB";
/** Any answer to an import, error or not, stays under this. */
const MAX_ANSWER_BYTES = 64 * 1024;

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let cookie: string;
/** Another county's session: each county has one upload read at a time. */
let otherCountyCookie: string;

async function signIn(username: string): Promise<string> {
  const response = await fetch(`${api.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN },
    body: JSON.stringify({ json: { username, password: DEMO_PASSWORD } }),
  });
  return response.headers.getSetCookie().find((value) => value.startsWith("dtpilot_session="))!.split(";")[0]!;
}

beforeAll(async () => {
  world = await buildWorld();
  api = await startApi();
  cookie = await signIn(user("county-south"));
  otherCountyCookie = await signIn(user("county-central"));
});
afterAll(async () => api?.close());

/** Posts a file to roster.importRoster as the web apps do (batched, base64 in JSON); the answer, its size and time. */
async function upload(file: Buffer, options: { url?: string; language?: string; cookie?: string } = {}) {
  const started = performance.now();
  const response = await fetch(`${options.url ?? api.url}/trpc/roster.importRoster?batch=1`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: WEB_ORIGIN, cookie: options.cookie ?? cookie, "accept-language": options.language ?? "zh-CN" },
    body: JSON.stringify({ 0: { json: { file: file.toString("base64") } } }),
  });
  const text = await response.text();
  const milliseconds = performance.now() - started;
  const [answer] = JSON.parse(text) as [
    { result?: { data: { json: ImportAnswer } }; error?: { json: { message: string; data: { field?: string; httpStatus: number } } } },
  ];
  return { status: response.status, bytes: Buffer.byteLength(text), milliseconds, data: answer.result?.data.json, error: answer.error?.json };
}

/** The process's peak resident memory above where it started, sampled while `work` runs. */
async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; megabytes: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    const result = await work();
    return { result, megabytes: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

describe("roster import bombs", () => {
  it.each([
    ["a 100 MB sheet zipped to about 100 KB", () => compressibleSheetBomb(100), TOO_COMPLEX],
    ["a sheet that declares 1 KB and inflates to 100 MB", () => lyingSizeBomb(100), TOO_COMPLEX],
    ["one shared string of 3 MB referenced by 10,000 cells", () => sharedStringBomb(1024 * 1024, 10_000), TOO_COMPLEX],
    ["2,000 entries", () => manyEntries(2_000), TOO_COMPLEX],
    ["a sheet of 2,000 × 500 cells (25 MB of XML in 440 KB)", () => manyCellsBomb(2_000, 500), TOO_COMPLEX],
    ["a file that is no ZIP", () => Buffer.from("MZ this is a program, not a workbook"), UNREADABLE],
    ["a Word document", () => docxLike(), UNREADABLE],
  ])("refuses %s with a localised error on the file, a small answer and little memory", async (_name, make, message) => {
    const file = make();
    const { result, megabytes } = await peakMemoryGrowth(() => upload(file));
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain(message);
    expect(result.error?.data.field).toBe("file");
    expect(result.bytes).toBeLessThan(MAX_ANSWER_BYTES);
    expect(megabytes).toBeLessThan(ROSTER_IMPORT_WORKER_LIMITS.maxOldGenerationSizeMb + 128);
  });

  it("says it in English to an English client", async () => {
    const refused = await upload(compressibleSheetBomb(100), { language: "en" });
    expect(refused.error?.message).toMatch(/^The file exceeds the import's limits/);
  });

  it("answers a shared string of 1 MB in 10,000 cells with the first 200 errors, each quoting 40 characters", async () => {
    // Hardly compressible, so the gate lets it through: the reader and the validation must bound it themselves.
    const long = incompressibleText(350_000);
    const rows = Array.from({ length: 2_000 }, (_, index) => {
      const row = index + 2;
      return `<row r="${row}">${["B", "D", "E", "F", "G"].map((column) => `<c r="${column}${row}" t="s"><v>0</v></c>`).join("")}</row>`;
    });
    const file = xlsx(rows.join(""), [long]);
    expect(Buffer.byteLength(long)).toBeGreaterThan(1_000_000);
    const { result, megabytes } = await peakMemoryGrowth(() => upload(file));
    expect(result.status).toBe(200);
    expect(result.data?.imported).toBe(0);
    expect(result.data?.errors).toHaveLength(ROSTER_IMPORT_MAX_ERRORS);
    expect(result.data?.errorCount).toBeGreaterThan(10_000);
    expect(result.bytes).toBeLessThan(MAX_ANSWER_BYTES);
    const quoted = result.data!.errors.filter((error) => error.message.includes(long.slice(0, 40)));
    expect(quoted.length).toBeGreaterThan(0);
    for (const error of quoted) expect(error.message).toContain(`${long.slice(0, 40)}…`);
    expect(Math.max(...result.data!.errors.map((error) => error.message.length))).toBeLessThan(120);
    expect(megabytes).toBeLessThan(ROSTER_IMPORT_WORKER_LIMITS.maxOldGenerationSizeMb + 128);
  });

  it("keeps answering other users while the costliest allowed files are read", { timeout: 120_000 }, async () => {
    // The costliest sheet the gate lets through, and a 16,000-character string in 10,000 cells (which the old
    // reader echoed into every error: a 300 MB answer, built and serialised on the request thread).
    const long = incompressibleText(16_000);
    const rows = Array.from({ length: 2_000 }, (_, index) => {
      const row = index + 2;
      return `<row r="${row}">${["B", "D", "E", "F", "G"].map((column) => `<c r="${column}${row}" t="s"><v>0</v></c>`).join("")}</row>`;
    });
    const importing = Promise.all([upload(largestAllowedWorkbook()), upload(xlsx(rows.join(""), [long]), { cookie: otherCountyCookie })]);
    const pauses: number[] = [];
    let done = false;
    void importing.finally(() => (done = true));
    while (!done) {
      const started = performance.now();
      const health = await fetch(`${api.url}/health`);
      expect(health.status).toBe(200);
      pauses.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const answers = await importing;
    // The reads took seconds; no health check waited for them.
    expect(Math.max(...answers.map((answer) => answer.milliseconds))).toBeGreaterThan(1_000);
    expect(pauses.length).toBeGreaterThan(5);
    expect(Math.max(...pauses)).toBeLessThan(1_000);
    expect(answers.map((answer) => answer.error?.message ?? answer.status)).toEqual([200, 200]);
    expect(answers[1]!.bytes).toBeLessThan(MAX_ANSWER_BYTES);
  });

  it("reads one upload of a county at a time: a second one while the first is read is answered 429 at once (the outside probe queued 18)", { timeout: 120_000 }, async () => {
    const answers = await Promise.all([upload(largestAllowedWorkbook()), upload(largestAllowedWorkbook()), upload(largestAllowedWorkbook())]);
    const busy = answers.filter((answer) => answer.status === 429);
    expect(busy.length).toBe(2);
    expect(busy[0]!.error?.message).toMatch(/^正在读取本县（市、区）上传的另一份名单文件/);
    expect(Math.max(...busy.map((answer) => answer.milliseconds))).toBeLessThan(Math.max(...answers.map((answer) => answer.milliseconds)));
  });

  it("refuses a file of one byte over the limit, and a body over the API's body limit, with the same localised error", async () => {
    for (const size of [ROSTER_IMPORT_MAX_BYTES + 1, 3 * ROSTER_IMPORT_MAX_BYTES]) {
      const refused = await upload(Buffer.alloc(size, 1));
      expect(refused.status).toBe(413);
      expect(refused.error?.message).toContain(TOO_LARGE);
      expect(refused.error?.data.field).toBe("file");
    }
    const english = await upload(Buffer.alloc(3 * ROSTER_IMPORT_MAX_BYTES, 1), { language: "en" });
    expect(english.error?.message).toMatch(/^The file is too large: an import file may be at most 2 MB/);
  });

  it("answers any other request over the body limit that the request is too large, not that a file is", async () => {
    const response = await fetch(`${api.url}/trpc/plan.savePlan`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: WEB_ORIGIN, cookie },
      body: JSON.stringify({ json: { planId: "x", padding: "x".repeat(3 * ROSTER_IMPORT_MAX_BYTES) } }),
    });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: { json: { message: string; data: { field?: string } } } };
    expect(answer.error.json.message).toMatch(/^提交的内容过大/);
    expect(answer.error.json.data.field).toBeUndefined();
  });

  it("passes that 413 through the shell's proxy as the same answer, not a 502 or a reset connection", async () => {
    const port = await freePort();
    const shell = await startShellProxy(port);
    try {
      // Whether the API's early answer or its closing socket reaches the proxy first is a race: try it a few times.
      for (const size of [3, 8, 8, 8]) {
        const refused = await upload(Buffer.alloc(size * ROSTER_IMPORT_MAX_BYTES, 1), { url: `http://127.0.0.1:${port}` });
        expect(refused.status).toBe(413);
        expect(refused.error?.message).toContain(TOO_LARGE);
      }
      const accepted = await upload(compressibleSheetBomb(100), { url: `http://127.0.0.1:${port}` });
      expect(accepted.error?.message).toContain(TOO_COMPLEX);
    } finally {
      shell.kill();
    }
  });

  it("refuses a file whose reading needs more heap than the worker may take, or more time, and lives on", async () => {
    const file = largestAllowedWorkbook();
    expect(await readRosterImportInWorker(file, { ...ROSTER_IMPORT_WORKER_LIMITS, maxOldGenerationSizeMb: 16 })).toEqual({ error: "roster.import.tooComplex" });
    expect(await readRosterImportInWorker(file, { ...ROSTER_IMPORT_WORKER_LIMITS, timeoutMs: 50 })).toEqual({ error: "roster.import.tooComplex" });
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

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

/** tools/serve/serve-static.mjs as the shell runs it, proxying to the test API (no build needed for the API paths). */
function startShellProxy(port: number): Promise<ChildProcess> {
  const serve = path.resolve(import.meta.dirname, "..", "..", "..", "..", "..", "tools", "serve", "serve-static.mjs");
  const child = spawn(process.execPath, [serve, "--app", "shell", "--port", String(port), "--dir", import.meta.dirname], {
    env: { ...process.env, API_URL: api.url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("serving")) resolve(child);
    });
  });
}
