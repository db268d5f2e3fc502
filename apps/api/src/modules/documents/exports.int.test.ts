/**
 * Background exports end to end, against the real PostgreSQL and Redis: the API records and enqueues, the real
 * worker (in this process, or as a child process that a test kills) generates the XLSX or DOCX, the API serves it.
 */
import { queuePrefix } from "@dtpilot/jobs";
import { QueueEvents } from "bullmq";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { DOCUMENT_HANDLERS } from "./document-registry";
import type { ExportView } from "./export-view";
import { ROSTER_EXPORT_COLUMNS, ROSTER_SHEET_NAME } from "../roster/roster-document";
import { ok, startApi, type ApiClient, type CallResult, type RunningApi } from "../../testing/api-harness";
import { documentsWith, failingGenerator, slowRows } from "../../testing/test-documents";
import { spawnWorker, startWorkerInProcess } from "../../testing/worker-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

let api: RunningApi;
let owner: pg.Client;
let events: QueueEvents;
let world: PilotWorld;
/** The world's 苏南 county, whose exports most tests request, and its 苏中 county. */
let south: PilotWorld["counties"]["south"];
let CENTRAL: string;
let batchName: string;

/** A client signed in as one of the world's accounts. */
const login = (account: WorldAccount) => api.client().login(world.users[account].username);

beforeAll(async () => {
  world = await buildWorld();
  south = world.counties.south;
  CENTRAL = world.counties.central.code;
  batchName = world.batch.name;
  api = await startApi();
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  events = new QueueEvents("documents", { connection: { url: api.services.config.redisUrl }, prefix: queuePrefix(api.services.config.redisPrefix) });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events.close();
  await owner.end();
  await api.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds, handing every answer to `seen`; fails after `timeoutMs`. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, options: { timeoutMs?: number; seen?: (value: T) => void } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await read();
    options.seen?.(value);
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still waiting after ${options.timeoutMs ?? 20_000} ms: ${JSON.stringify(value)}`);
    await sleep(20);
  }
}

/** A page of documents.listExports. */
type ExportPage = { items: ExportView[]; total: number; page: number; pageSize: number };
const getExport = (client: ApiClient, exportId: string) => client.query<ExportView>("documents.getExport", { exportId });
const statusOf = (result: CallResult<ExportView>) => result.data?.status;

async function requestRoster(client: ApiClient, filter?: Record<string, unknown>): Promise<ExportView> {
  const result = await client.mutation<ExportView>("roster.requestRosterExport", filter);
  expect(result.status, JSON.stringify(result.error)).toBe(200);
  return result.data!;
}

/** The county's roster for the world's batch as the owner reads it, in the roster's order: the entries 在册 unless asked. */
async function rosterOf(countyId: string, options: { specialisedOnly?: boolean } = {}) {
  const { rows } = await owner.query(
    `select e.name, e."creditCode", p."subIndustry"
     from "PilotEnterprise" p join "Enterprise" e on e.id = p."enterpriseId" join "Batch" b on b.id = p."batchId"
     where p."countyId" = $1 and b.name = $3 and p.status = 'ACTIVE' and ($2::boolean is false or p.specialised)
     order by p."createdAt", p.id`,
    [countyId, options.specialisedOnly ?? false, batchName],
  );
  return rows as { name: string; creditCode: string; subIndustry: string }[];
}

async function openWorkbook(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The data rows of a roster sheet, below its title and header rows: 序号, 企业名称, 企业信用代码, 所属细分行业 and 状态. */
function dataRows(sheet: ExcelJS.Worksheet) {
  const rows: { serial: unknown; name: unknown; creditCode: unknown; subIndustry: unknown; status: unknown }[] = [];
  sheet.eachRow((row, number) => {
    if (number > 2) {
      const cell = (index: number) => row.getCell(index).value;
      rows.push({ serial: cell(1), name: cell(2), creditCode: cell(3), subIndustry: cell(4), status: cell(ROSTER_EXPORT_COLUMNS.length) });
    }
  });
  return rows;
}

function fileNameOf(contentDisposition: string | null): string | undefined {
  const encoded = contentDisposition?.match(/filename\*=UTF-8''([^;]+)/)?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
}

describe("roster export", () => {
  it("runs end to end: request, worker, progress seen moving, SUCCEEDED, a download whose rows are the county's roster", async () => {
    const worker = await startWorkerInProcess(api, { documents: documentsWith({ ROSTER_XLSX: slowRows(DOCUMENT_HANDLERS.ROSTER_XLSX, 300) }) });
    try {
      const county = await login("county-south");
      const progressEvents: { jobId: string; data: unknown }[] = [];
      const onProgress = (event: { jobId: string; data: unknown }) => void progressEvents.push(event);
      events.on("progress", onProgress);
      const requested = await requestRoster(county);
      expect(requested).toMatchObject({
        kind: "ROSTER_XLSX",
        status: "QUEUED",
        progress: 0,
        county: { code: south.code, name: south.name },
        requestedBy: { displayName: world.users["county-south"].username },
        parameters: { batchName },
        fileName: `${south.name}试点企业名单（${batchName}）.xlsx`,
        sizeBytes: null,
        finishedAt: null,
        error: null,
      });

      const apiProgress: number[] = [];
      const statuses: string[] = [];
      const done = await pollUntil(
        () => getExport(county, requested.id),
        (result) => statusOf(result) === "SUCCEEDED",
        { seen: (result) => (apiProgress.push(result.data!.progress), statuses.push(result.data!.status)) },
      );
      events.off("progress", onProgress);
      const queueProgress = progressEvents.filter((event) => event.jobId === requested.id).map((event) => event.data as number);

      expect(statuses).toContain("RUNNING");
      expect(apiProgress.some((progress) => progress > 0 && progress < 100), `progress seen: ${apiProgress.join(", ")}`).toBe(true);
      expect(apiProgress).toEqual([...apiProgress].sort((a, b) => a - b));
      expect(queueProgress.filter((progress) => progress > 0 && progress < 100).length).toBeGreaterThanOrEqual(3);
      expect(queueProgress.at(-1)).toBe(100);
      expect(done.data).toMatchObject({ status: "SUCCEEDED", progress: 100, attempts: 1, rowCount: 5, error: null });
      expect(done.data!.finishedAt).toBeInstanceOf(Date);
      expect(done.data!.sizeBytes).toBeGreaterThan(1000);

      const listed = await county.query<ExportPage>("documents.listExports");
      expect(listed.data!.items.find((view) => view.id === requested.id)).toMatchObject({ status: "SUCCEEDED" });

      const file = await county.fetch(`/files/exports/${requested.id}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(fileNameOf(file.headers.get("content-disposition"))).toBe(`${south.name}试点企业名单（${batchName}）.xlsx`);
      expect(file.headers.get("cache-control")).toBe("private, no-store");
      expect(file.body.byteLength).toBe(done.data!.sizeBytes);

      const sheet = (await openWorkbook(file.body)).getWorksheet(ROSTER_SHEET_NAME)!;
      expect(sheet.getCell("A1").value).toBe(`${south.name} 试点企业名单（${batchName}）`);
      expect(sheet.getRow(2).values).toEqual([undefined, ...ROSTER_EXPORT_COLUMNS.map((column) => column.header)]);
      expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual(["序号", "企业名称", "企业信用代码", "所属细分行业"]);
      expect((sheet.getRow(2).values as unknown[]).slice(-3)).toEqual(["数字化服务商", "档案完整度", "状态"]);
      const roster = await rosterOf(south.code);
      expect(roster).toHaveLength(5);
      expect(dataRows(sheet)).toEqual(roster.map((entry, index) => ({ serial: index + 1, ...entry, status: "在册" })));
      expect(dataRows(sheet)[0]!.subIndustry).toBe("高端装备—精密机械零部件");
      // ent-south-1's enterprise works with provider-1.
      expect(sheet.getRow(3).getCell(ROSTER_EXPORT_COLUMNS.length - 2).value).toBe(world.providers.provider1.name);
      expect(sheet.getCell("A3").numFmt).toBe("0");
      expect(sheet.getCell("C3").numFmt).toBe("@");
    } finally {
      await worker.close();
    }
  });

  it("finishes, exactly once, an export whose worker was killed mid-job: another worker recovers the stalled job", async () => {
    const doomed = await spawnWorker(api, { WORKER_TEST_ROW_DELAY_MS: "600" });
    const startedAt = new Date();
    const county = await login("county-central");
    const requested = await requestRoster(county);

    const running = await pollUntil(
      () => getExport(county, requested.id),
      (result) => statusOf(result) === "RUNNING" && result.data!.progress > 5,
    );
    expect(running.data!.attempts).toBe(1);
    doomed.process.kill("SIGKILL");
    expect(await doomed.exited).toBe("SIGKILL");
    const orphaned = await getExport(county, requested.id);
    expect(orphaned.data).toMatchObject({ status: "RUNNING" });
    expect(orphaned.data!.progress).toBeLessThan(100);

    const rescuer = await startWorkerInProcess(api);
    try {
      const done = await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "SUCCEEDED", { timeoutMs: 25_000 });
      expect(done.data).toMatchObject({ status: "SUCCEEDED", progress: 100, attempts: 2, rowCount: 4, error: null });

      // Nothing lost, nothing doubled: one export for the one request, with exactly its file.
      const { rows } = await owner.query(
        `select id, status, octet_length(content) as bytes, "sizeBytes" from "ExportFile" where "countyId" = $1 and "createdAt" >= $2`,
        [CENTRAL, startedAt],
      );
      expect(rows).toEqual([{ id: requested.id, status: "SUCCEEDED", bytes: done.data!.sizeBytes, sizeBytes: done.data!.sizeBytes }]);
      const job = await api.services.jobs.queue("documents").getJob(requested.id);
      expect(await job!.getState()).toBe("completed");
      expect(job!.stalledCounter).toBe(1);
      expect(job!.attemptsMade).toBe(1);

      const file = await county.fetch(`/files/exports/${requested.id}`);
      expect(dataRows((await openWorkbook(file.body)).getWorksheet(ROSTER_SHEET_NAME)!).map((row) => row.name)).toEqual(
        (await rosterOf(CENTRAL)).map((entry) => entry.name),
      );
    } finally {
      await rescuer.close();
    }
  });

  it("gives up, with a readable reason, on an export whose workers keep dying", async () => {
    const doomed = await spawnWorker(api, { WORKER_TEST_ROW_DELAY_MS: "600" });
    const county = await login("county-central");
    const requested = await requestRoster(county);
    await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "RUNNING" && result.data!.progress > 5);
    doomed.process.kill("SIGKILL");
    await doomed.exited;

    // This worker tolerates no stall at all, so the dead worker's job fails instead of running again.
    const strict = await startWorkerInProcess(api, { settings: { maxStalledCount: 0 } });
    try {
      const failed = await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "FAILED", { timeoutMs: 25_000 });
      expect(failed.data).toMatchObject({ status: "FAILED", attempts: 1, error: "导出任务多次中断，未能完成，请重新发起导出", sizeBytes: null });
      expect(await (await api.services.jobs.queue("documents").getJob(requested.id))!.getState()).toBe("failed");
    } finally {
      await strict.close();
    }
  });

  it("lets a worker asked to stop (SIGTERM) finish its running job before it exits", async () => {
    const worker = await spawnWorker(api, { WORKER_TEST_ROW_DELAY_MS: "300" });
    const county = await login("county-north");
    const requested = await requestRoster(county);
    await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "RUNNING" && result.data!.progress > 5);
    expect(await worker.stop("SIGTERM"), worker.output()).toBe(0);
    expect((await getExport(county, requested.id)).data).toMatchObject({ status: "SUCCEEDED", attempts: 1, rowCount: 3 });
    expect(worker.output()).toContain('"msg":"worker stopped"');
  });

  it("retries a failing export with exponential backoff, then shows it FAILED with a readable reason in the user's language", async () => {
    // A roster generator that fails every time, a little slow per row so each attempt stays RUNNING long enough to be seen.
    const worker = await startWorkerInProcess(api, { documents: documentsWith({ ROSTER_XLSX: failingGenerator(DOCUMENT_HANDLERS.ROSTER_XLSX, 100) }) });
    try {
      const county = await login("county-north");
      // Listening before the request: the worker may take the job before the request has even answered.
      const actives: { jobId: string; at: number }[] = [];
      const onActive = ({ jobId }: { jobId: string }) => void actives.push({ jobId, at: Date.now() });
      events.on("active", onActive);
      const requested = await requestRoster(county);
      const statuses: string[] = [];
      const failed = await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "FAILED", {
        seen: (result) => statuses.at(-1) !== result.data!.status && statuses.push(result.data!.status),
      });
      events.off("active", onActive);
      const starts = actives.filter((active) => active.jobId === requested.id).map((active) => active.at);

      expect(failed.data).toMatchObject({ status: "FAILED", attempts: 3, error: "生成文件时出错，请重新发起导出", sizeBytes: null });
      expect(failed.data!.finishedAt).toBeInstanceOf(Date);
      // Between attempts the export waits for its retry, and says so.
      expect(statuses.join(" → ")).toMatch(/RUNNING → QUEUED → .*FAILED$/);
      // Exponential backoff: 2 s, then 4 s (never early).
      expect(starts).toHaveLength(3);
      expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(1_950);
      expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(3_950);
      const job = await api.services.jobs.queue("documents").getJob(requested.id);
      expect(await job!.getState()).toBe("failed");
      expect(job!.attemptsMade).toBe(3);

      const english = await api.client({ locale: "en" }).login(world.users["county-north"].username);
      expect((await getExport(english, requested.id)).data!.error).toBe("The file could not be generated; please request the export again");
      const download = await county.fetch(`/files/exports/${requested.id}`);
      expect(download.status).toBe(409);
      expect(JSON.parse(download.body.toString()).message).toBe("生成文件时出错，请重新发起导出");
    } finally {
      await worker.close();
    }
  });

  it("enqueues again, at start, an export whose job was lost (Redis keeps nothing across a restart)", async () => {
    const county = await login("county-south");
    const requested = await requestRoster(county);
    await api.services.jobs.queue("documents").remove(requested.id);
    expect(await api.services.jobs.queue("documents").getJob(requested.id)).toBeUndefined();
    // Requested two days ago, so it counts as lost for a worker that waits a day (RECOVER_LOST_AFTER_MS).
    await owner.query(`update "ExportFile" set "createdAt" = now() - interval '2 days' where id = $1`, [requested.id]);

    const worker = await startWorkerInProcess(api);
    try {
      const done = await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "SUCCEEDED");
      expect(done.data).toMatchObject({ status: "SUCCEEDED", attempts: 1, rowCount: 5 });
    } finally {
      await worker.close();
    }
  });

  it("answers 409 for a download of an export that is still queued", async () => {
    const county = await login("county-south");
    const requested = await requestRoster(county);
    const download = await county.fetch(`/files/exports/${requested.id}`);
    expect(download.status).toBe(409);
    expect(JSON.parse(download.body.toString()).message).toBe("文件尚未生成完成，请稍后再下载");
    await api.services.jobs.queue("documents").remove(requested.id);
  });

  it("answers 503 and records the export as failed when the queue cannot be reached", async () => {
    const isolated = await startApi();
    try {
      const county = await isolated.client().login(world.users["county-south"].username);
      await isolated.services.jobs.close();
      const result = await county.mutation<ExportView>("roster.requestRosterExport");
      expect(result.status).toBe(503);
      expect(result.error?.message).toBe("导出任务暂时无法提交，请稍后重试");
      const [latest] = (await county.query<ExportPage>("documents.listExports")).data!.items;
      expect(latest).toMatchObject({ status: "FAILED", error: "导出任务暂时无法提交，请稍后重试" });
    } finally {
      await isolated.close();
    }
  });
});

describe("filtered roster export", () => {
  it("applies the county's filter in the worker: a specialised-only export lists exactly the specialised entries, and says so", async () => {
    const worker = await startWorkerInProcess(api);
    try {
      const county = await login("county-south");
      const requested = await requestRoster(county, { specialised: true });
      expect(requested).toMatchObject({
        kind: "ROSTER_XLSX",
        parameters: { batchName, filter: { specialised: true } },
        fileName: `${south.name}试点企业名单（${batchName}）（筛选）.xlsx`,
      });
      const done = await pollUntil(() => getExport(county, requested.id), (result) => statusOf(result) === "SUCCEEDED");
      const specialised = await rosterOf(south.code, { specialisedOnly: true });
      expect(specialised.length).toBeGreaterThan(0);
      expect(specialised.length).toBeLessThan((await rosterOf(south.code)).length);
      expect(done.data).toMatchObject({ rowCount: specialised.length });

      const file = await county.fetch(`/files/exports/${requested.id}`);
      const sheet = (await openWorkbook(file.body)).getWorksheet(ROSTER_SHEET_NAME)!;
      expect(sheet.getCell("A1").value).toBe(`${south.name} 试点企业名单（${batchName}）（筛选：是否为专精特新中小企业：是）`);
      expect(dataRows(sheet)).toEqual(specialised.map((entry, index) => ({ serial: index + 1, ...entry, status: "在册" })));
      const specialisedColumn = ROSTER_EXPORT_COLUMNS.findIndex((column) => column.key === "specialised") + 1;
      sheet.eachRow((row, number) => number > 2 && expect(row.getCell(specialisedColumn).value).toBe("是"));
    } finally {
      await worker.close();
    }
  });

  it("refuses a filter it does not know, before recording anything", async () => {
    const county = await login("county-south");
    const before = (await county.query<ExportPage>("documents.listExports")).data!.total;
    const result = await county.mutation("roster.requestRosterExport", { specialised: "是" });
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe("specialised");
    expect((await county.mutation("roster.requestRosterExport", { countyId: CENTRAL })).status).toBe(400);
    expect((await county.query<ExportPage>("documents.listExports")).data!.total).toBe(before);
  });
});

describe("enterprise file document (附2)", () => {
  let pilotEnterpriseId: string;
  let enterpriseName: string;
  const resetFile = () => owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);

  beforeAll(async () => {
    ({ pilotEnterpriseId, name: enterpriseName } = world.enterprises.south[0]!);
    await resetFile();
  });
  afterAll(() => resetFile());

  it("generates one enterprise's file as DOCX for its county, with progress, downloadable with the enterprise's name", async () => {
    const county = await login("county-south");
    const saved = await county.mutation("enterpriseFile.saveEnterpriseFileSection", {
      pilotEnterpriseId,
      section: "basic",
      baseRevision: 0,
      content: { nature: "PRIVATE", registeredAddress: "江阴市澄江街道长山大道88号" },
    });
    expect(saved.status, JSON.stringify(saved.error)).toBe(200);

    const worker = await startWorkerInProcess(api);
    const progressEvents: { jobId: string; data: unknown }[] = [];
    const onProgress = (event: { jobId: string; data: unknown }) => void progressEvents.push(event);
    events.on("progress", onProgress);
    try {
      const requested = await county.mutation<ExportView>("enterpriseFile.requestEnterpriseFileDocument", { pilotEnterpriseId });
      expect(requested.status, JSON.stringify(requested.error)).toBe(200);
      expect(requested.data).toMatchObject({
        kind: "ENTERPRISE_FILE_DOCX",
        status: "QUEUED",
        county: { code: south.code },
        parameters: { pilotEnterpriseId, enterpriseName, batchName },
        fileName: `${south.name}_${enterpriseName}_改造信息表.docx`,
      });
      const id = requested.data!.id;
      const progress: number[] = [];
      const done = await pollUntil(() => getExport(county, id), (result) => statusOf(result) === "SUCCEEDED", {
        seen: (result) => progress.push(result.data!.progress),
      });
      expect(done.data).toMatchObject({ status: "SUCCEEDED", progress: 100, attempts: 1, rowCount: 1, error: null });
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      // The job reports its progress to the queue up to 100 (the events may trail the export's own record).
      await pollUntil(
        async () => progressEvents.filter((event) => event.jobId === id).map((event) => event.data as number),
        (reported) => reported.at(-1) === 100,
        { timeoutMs: 5_000 },
      );

      const file = await county.fetch(`/files/exports/${id}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(fileNameOf(file.headers.get("content-disposition"))).toBe(`${south.name}_${enterpriseName}_改造信息表.docx`);
      const xml = await (await JSZip.loadAsync(file.body)).file("word/document.xml")!.async("string");
      expect(xml).toContain(`${south.name}数字化转型试点企业改造信息表`);
      expect(xml).toContain(enterpriseName);
      expect(xml).toContain("☑民营");
      expect(xml).toContain("江阴市澄江街道长山大道88号");
      expect(xml).toContain(`${south.cityName}${south.name}`);

      // It is the county team's: neither its overseers nor another county see it.
      expect((await (await login("city-south")).fetch(`/files/exports/${id}`)).status).toBe(404);
      expect((await (await login("county-central")).fetch(`/files/exports/${id}`)).status).toBe(404);
    } finally {
      events.off("progress", onProgress);
      await worker.close();
    }
  });

  it("answers 404 for another county's enterprise and 403 for anyone but the county team", async () => {
    const central = await login("county-central");
    expect((await central.mutation("enterpriseFile.requestEnterpriseFileDocument", { pilotEnterpriseId })).status).toBe(404);
    for (const actor of ["province", "city-south", "ent-south-1", "provider-1"] as const) {
      const client = await login(actor);
      expect((await client.mutation("enterpriseFile.requestEnterpriseFileDocument", { pilotEnterpriseId })).status, actor).toBe(403);
    }
  });
});

describe("who may see and download an export", () => {
  let exportId: string;

  beforeAll(async () => {
    const worker = await startWorkerInProcess(api);
    try {
      const county = await login("county-south");
      exportId = (await requestRoster(county)).id;
      await pollUntil(() => getExport(county, exportId), (result) => statusOf(result) === "SUCCEEDED");
    } finally {
      await worker.close();
    }
  });

  // A county's files are its team's working papers (made from a draft, they hold what it has not submitted): its
  // overseers (the province, its city, a reviewer assigned to it) read only the files they asked for themselves.
  const MAY: readonly WorldAccount[] = ["county-south"];
  const MAY_NOT: readonly WorldAccount[] = [
    "province",
    "city-south",
    "reviewer",
    "county-central",
    "county-north",
    "city-central",
    "ent-south-1",
    "ent-central-1",
    "provider-1",
    "provider-3",
  ];

  it.each(MAY)("%s lists, reads and downloads the 苏南 county's export", async (actor) => {
    const client = await login(actor);
    expect((await client.query<ExportPage>("documents.listExports")).data!.items.map((view) => view.id)).toContain(exportId);
    expect((await getExport(client, exportId)).status).toBe(200);
    const file = await client.fetch(`/files/exports/${exportId}`);
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 2).toString()).toBe("PK");
  });

  it.each(MAY_NOT)("%s can neither list, read nor download the 苏南 county's export", async (actor) => {
    const client = await login(actor);
    const listed = await client.query<ExportPage>("documents.listExports", { pageSize: 100 });
    if (listed.status === 200) expect(listed.data!.items.map((view) => view.id)).not.toContain(exportId);
    else expect(listed.status).toBe(403);
    expect([403, 404]).toContain((await getExport(client, exportId)).status);
    const file = await client.fetch(`/files/exports/${exportId}`);
    expect(file.status).toBe(404);
    expect(file.body.toString()).not.toMatch(new RegExp(`${south.name.slice(0, -1)}|PK`));
  });

  it("asks a visitor who is not signed in to sign in, and treats a malformed id as unknown", async () => {
    expect((await api.client().fetch(`/files/exports/${exportId}`)).status).toBe(401);
    const county = await login("county-south");
    expect((await county.fetch("/files/exports/not-a-uuid")).status).toBe(404);
    expect((await county.fetch("/files/exports/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("lets only county teams request exports, always of their own county", async () => {
    for (const actor of ["province", "city-south", "reviewer", "ent-south-1", "provider-1"] as const) {
      const client = await login(actor);
      expect((await client.mutation("roster.requestRosterExport")).status, actor).toBe(403);
    }
    const central = await login("county-central");
    const requested = await requestRoster(central);
    expect(requested.county.code).toBe(CENTRAL);
    await api.services.jobs.queue("documents").remove(requested.id);
  });
});


/**
 * The list a page at a time: filtered by kind and status, counted and paged in SQL, newest first. Rows are added to
 * the 苏中 county (and one to the 苏北), and what each reader should see is read back as the owner, so the files this
 * file's other tests made count too. Runs last: no worker runs meanwhile to pick up the rows left queued.
 */
describe("documents.listExports, a page at a time", () => {
  type Kind = ExportView["kind"];
  type Status = ExportView["status"];
  const KINDS: Kind[] = ["ROSTER_XLSX", "PLAN_DATA_TABLE_XLSX", "PLAN_DOCX", "ENTERPRISE_FILE_DOCX"];
  const STATUSES: Status[] = ["SUCCEEDED", "FAILED", "QUEUED", "SUCCEEDED", "RUNNING"];
  const seeded: string[] = [];
  const clients = new Map<WorldAccount, ApiClient>();
  const as = async (account: WorldAccount) => clients.get(account) ?? clients.set(account, await login(account)).get(account)!;
  const list = async (account: WorldAccount, input?: Record<string, unknown>) => (await as(account)).query<ExportPage>("documents.listExports", input);
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

  async function insertExport(requester: WorldAccount, countyId: string, index: number, createdAt: Date) {
    const kind = KINDS[index % KINDS.length]!;
    const status = STATUSES[index % STATUSES.length]!;
    const content = status === "SUCCEEDED" ? Buffer.from(`PK file ${index}`) : null;
    const { rows } = await owner.query<{ id: string }>(
      `insert into "ExportFile" (id, "countyId", kind, status, progress, parameters, "fileName", "requestedById", attempts, "errorKey", content,
                                 "sizeBytes", sha256, "createdAt", "updatedAt")
       values (gen_random_uuid(), $1, $2, $3, $4, '{}', $5, $6, 1, $7, $8, $9, encode(sha256($8), 'hex'), $10, $10) returning id`,
      [
        countyId,
        kind,
        status,
        status === "SUCCEEDED" ? 100 : 0,
        `分页测试${index}.${kind.endsWith("DOCX") ? "docx" : "xlsx"}`,
        world.users[requester].id,
        status === "FAILED" ? "export.failed.generation" : null,
        content,
        content?.byteLength ?? null,
        createdAt,
      ],
    );
    seeded.push(rows[0]!.id);
  }

  /** What `account` reads, newest first (ties by id), as the owner finds it: its county's files, or those it asked for. */
  async function readableBy(account: WorldAccount, filter: { kind?: Kind; status?: Status } = {}) {
    const own = account.startsWith("county-") ? `"countyId" = $1` : `"requestedById" = $1::uuid`;
    const key = account === "county-central" ? CENTRAL : account === "county-north" ? world.counties.north.code : world.users[account].id;
    const { rows } = await owner.query<{ id: string; kind: Kind; status: Status }>(
      `select id, kind::text, status::text from "ExportFile" where ${own} order by "createdAt" desc, id asc`,
      [key],
    );
    return rows.filter((row) => (!filter.kind || row.kind === filter.kind) && (!filter.status || row.status === filter.status));
  }

  beforeAll(async () => {
    // Minutes apart and interleaving the requesters, long before the files this test file made today.
    let minute = 0;
    const start = Date.UTC(2026, 0, 6, 8);
    const plan: { requester: WorldAccount; countyId: string; count: number }[] = [
      { requester: "county-central", countyId: CENTRAL, count: 27 },
      { requester: "city-central", countyId: CENTRAL, count: 4 },
      { requester: "province", countyId: CENTRAL, count: 3 },
      { requester: "county-north", countyId: world.counties.north.code, count: 2 },
    ];
    for (const { requester, countyId, count } of plan) {
      for (let index = 0; index < count; index++) await insertExport(requester, countyId, index, new Date(start + minute++ * 60_000));
    }
  });
  // Left queued, they would be taken up by a later test file's worker (lost-export recovery).
  afterAll(() => owner.query(`delete from "ExportFile" where id = any($1::uuid[])`, [seeded]));

  it("answers the newest 20 with the total when asked for nothing", async () => {
    const mine = await readableBy("county-central");
    expect(mine.length).toBeGreaterThan(30);
    const page = ok(await list("county-central"));
    expect(page).toMatchObject({ total: mine.length, page: 1, pageSize: 20 });
    expect(ids(page.items)).toEqual(ids(mine.slice(0, 20)));
  });

  it("pages through every readable export exactly once, at each page size", async () => {
    const mine = await readableBy("county-central");
    for (const pageSize of [10, 20, 50, 100]) {
      const seen: string[] = [];
      for (let number = 1; number <= Math.ceil(mine.length / pageSize); number++) {
        const page = ok(await list("county-central", { page: number, pageSize }));
        expect(page).toMatchObject({ total: mine.length, page: number, pageSize });
        seen.push(...ids(page.items));
      }
      expect(seen, `pageSize ${pageSize}`).toEqual(ids(mine));
    }
  });

  it("filters by kind, by status and by both, and counts what matches", async () => {
    const filters: { kind?: Kind; status?: Status }[] = [{ kind: "ROSTER_XLSX" }, { status: "FAILED" }, { kind: "PLAN_DOCX", status: "SUCCEEDED" }, { kind: "ENTERPRISE_FILE_DOCX", status: "RUNNING" }];
    for (const filter of filters) {
      const expected = await readableBy("county-central", filter);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const page = ok(await list("county-central", { ...filter, pageSize: 10 }));
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(page.items)).toEqual(ids(expected.slice(0, 10)));
      for (const item of page.items) expect(item).toMatchObject(filter);
    }
    const failed = ok(await list("county-central", { status: "FAILED", pageSize: 10 })).items;
    expect(failed.map((item) => item.error)).toContain("生成文件时出错，请重新发起导出");
  });

  it("answers a page past the last with no export and the total, never an error", async () => {
    const all = (await readableBy("county-central")).length;
    const docx = (await readableBy("county-central", { kind: "PLAN_DOCX" })).length;
    for (const [input, total] of [
      [{ page: Math.ceil(all / 10) + 1, pageSize: 10 }, all],
      [{ page: 10_000, pageSize: 100 }, all],
      [{ kind: "PLAN_DOCX", page: 2, pageSize: 100 }, docx],
    ] as const) {
      const page = ok(await list("county-central", input));
      expect(page.items, JSON.stringify(input)).toEqual([]);
      expect(page).toMatchObject({ page: input.page, total });
    }
  });

  it("refuses a page size, page, kind or status it does not offer, naming the field in the reader's language", async () => {
    const cases: { input: unknown; field: string; message: string }[] = [
      { input: { pageSize: 25 }, field: "pageSize", message: "每页条数：取值不在允许范围内" },
      { input: { page: -1 }, field: "page", message: "页码：不能小于 1" },
      { input: { page: 10_001 }, field: "page", message: "页码：不能大于 10000" },
      { input: { kind: "ROSTER_PDF" }, field: "kind", message: "文件类型：取值不在允许范围内" },
      { input: { status: "DONE" }, field: "status", message: "导出状态：取值不在允许范围内" },
    ];
    const english = await api.client({ locale: "en" }).login(world.users["county-central"].username);
    for (const { input, field, message } of cases) {
      const result = await (await as("county-central")).query("documents.listExports", input);
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(result.error?.data.field).toBe(field);
      expect(result.error?.message).toBe(message);
      const en = await english.query("documents.listExports", input);
      expect(en.error?.data.field).toBe(field);
      expect(en.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await english.query("documents.listExports", { kind: "ROSTER_PDF" })).error?.message).toBe("Document kind: is not one of the allowed values");
    const unknown = await list("county-central", { countyId: south.code });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain("countyId");
  });

  it("gives an overseer only the files it asked for itself, whatever it filters, and enterprises and providers nothing", async () => {
    for (const account of ["city-central", "province", "city-south", "reviewer", "county-north"] as const) {
      const mine = await readableBy(account);
      const page = ok(await list(account, { pageSize: 100 }));
      expect(ids(page.items), account).toEqual(ids(mine));
      expect(page.total).toBe(mine.length);
      const roster = ok(await list(account, { kind: "ROSTER_XLSX", pageSize: 100 }));
      expect(ids(roster.items), account).toEqual(ids(await readableBy(account, { kind: "ROSTER_XLSX" })));
    }
    expect((await readableBy("city-central")).length).toBe(4);
    for (const account of ["ent-south-1", "provider-1"] as const) {
      const refused = await list(account, { kind: "ROSTER_XLSX" });
      expect(refused.status, account).toBe(403);
      expect(refused.data).toBeUndefined();
    }
  });
});
