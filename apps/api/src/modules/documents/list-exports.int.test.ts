/**
 * The exports list a page at a time, against the real database: filtered by kind and status, counted and paged in
 * SQL, newest first; a page past the last is empty with the total; bounds refused naming the field; a county reads
 * its own files, an overseer only those it asked for itself, enterprises and providers none.
 */
import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ok, startApi, type ApiClient, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

type Kind = "ROSTER_XLSX" | "PLAN_DATA_TABLE_XLSX" | "PLAN_DOCX" | "ENTERPRISE_FILE_DOCX";
type Status = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
interface ExportPage {
  items: { id: string; kind: Kind; status: Status; county: { code: string }; requestedBy: { displayName: string }; error: string | null }[];
  total: number;
  page: number;
  pageSize: number;
}
interface Seeded {
  id: string;
  kind: Kind;
  status: Status;
  createdAt: Date;
  requester: WorldAccount;
}

let world: PilotWorld;
let api: RunningApi;
let owner: pg.Client;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;
const seeded: Seeded[] = [];

const KINDS: Kind[] = ["ROSTER_XLSX", "PLAN_DATA_TABLE_XLSX", "PLAN_DOCX", "ENTERPRISE_FILE_DOCX"];
const STATUSES: Status[] = ["SUCCEEDED", "FAILED", "QUEUED", "SUCCEEDED", "RUNNING"];
/** The 苏南 county team's own files; its city's and the province's requests for the county; the 苏中 county's. */
const PLAN: { requester: WorldAccount; region: "south" | "central"; count: number }[] = [
  { requester: "county-south", region: "south", count: 27 },
  { requester: "city-south", region: "south", count: 4 },
  { requester: "province", region: "south", count: 3 },
  { requester: "county-central", region: "central", count: 2 },
];

async function insertExport(requester: WorldAccount, countyId: string, index: number, createdAt: Date): Promise<Seeded> {
  const kind = KINDS[index % KINDS.length]!;
  const status = STATUSES[index % STATUSES.length]!;
  const content = status === "SUCCEEDED" ? Buffer.from(`PK file ${index}`) : null;
  const id = randomUUID();
  await owner.query(
    `insert into "ExportFile" (id, "countyId", kind, status, progress, parameters, "fileName", "requestedById", attempts, "errorKey", content,
                               "sizeBytes", sha256, "createdAt", "updatedAt")
     values ($1, $2, $3, $4, $5, '{}', $6, $7, 1, $8, $9, $10, $11, $12, $12)`,
    [
      id,
      countyId,
      kind,
      status,
      status === "SUCCEEDED" ? 100 : 0,
      `分页测试${index}.${kind.endsWith("DOCX") ? "docx" : "xlsx"}`,
      world.users[requester].id,
      status === "FAILED" ? "export.failed.generation" : null,
      content,
      content?.byteLength ?? null,
      content ? createHash("sha256").update(content).digest("hex") : null,
      createdAt,
    ],
  );
  return { id, kind, status, createdAt, requester };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  // Minutes apart, interleaving the requesters, so every list's order is the insertion order reversed.
  let minute = 0;
  const start = Date.UTC(2026, 0, 6, 8);
  for (const { requester, region, count } of PLAN) {
    for (let index = 0; index < count; index++) {
      seeded.push(await insertExport(requester, world.counties[region].code, index, new Date(start + minute++ * 60_000)));
    }
  }
  seeded.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  api = await startApi();
  for (const account of ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "provider-1"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api?.close();
  // Exports left QUEUED would be picked up by the lost-export recovery of a worker in a later test file.
  if (world) await owner.query(`delete from "ExportFile" where "countyId" = any($1)`, [[world.counties.south.code, world.counties.central.code]]);
  await owner.end();
});

const list = (account: WorldAccount, input?: Record<string, unknown>) => as(account).query<ExportPage>("documents.listExports", input);
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
/** What `account` may read of this file's exports, newest first: a county team its county's, an overseer its own requests. */
const readableBy = (account: WorldAccount) =>
  account === "county-south"
    ? seeded.filter((row) => PLAN.find((plan) => plan.requester === row.requester)!.region === "south")
    : seeded.filter((row) => row.requester === account);

describe("documents.listExports, a page at a time", () => {
  it("answers the newest 20 with the total when asked for nothing", async () => {
    const page = ok(await list("county-south"));
    const mine = readableBy("county-south");
    expect(page).toMatchObject({ total: mine.length, page: 1, pageSize: 20 });
    expect(ids(page.items)).toEqual(ids(mine.slice(0, 20)));
  });

  it("pages through every readable export exactly once, at each page size", async () => {
    const mine = readableBy("county-south");
    for (const pageSize of [10, 20, 50, 100]) {
      const seen: string[] = [];
      for (let number = 1; number <= Math.ceil(mine.length / pageSize); number++) {
        const page = ok(await list("county-south", { page: number, pageSize }));
        expect(page).toMatchObject({ total: mine.length, page: number, pageSize });
        seen.push(...ids(page.items));
      }
      expect(seen, `pageSize ${pageSize}`).toEqual(ids(mine));
    }
  });

  it("filters by kind, by status and by both, and counts what matches", async () => {
    const filters: { kind?: Kind; status?: Status }[] = [{ kind: "ROSTER_XLSX" }, { status: "FAILED" }, { kind: "PLAN_DOCX", status: "SUCCEEDED" }, { kind: "ENTERPRISE_FILE_DOCX", status: "RUNNING" }];
    for (const filter of filters) {
      const expected = readableBy("county-south").filter((row) => (!filter.kind || row.kind === filter.kind) && (!filter.status || row.status === filter.status));
      const page = ok(await list("county-south", { ...filter, pageSize: 10 }));
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(page.items)).toEqual(ids(expected.slice(0, 10)));
      for (const item of page.items) expect(item).toMatchObject(filter);
    }
    const failed = ok(await list("county-south", { status: "FAILED", pageSize: 10 })).items;
    expect(failed.every((item) => item.error === "生成文件时出错，请重新发起导出")).toBe(true);
  });

  it("answers a page past the last with no export and the total, never an error", async () => {
    for (const input of [{ page: 5, pageSize: 10 }, { page: 10_000, pageSize: 100 }, { kind: "PLAN_DOCX", page: 2, pageSize: 100 }]) {
      const page = ok(await list("county-south", input));
      expect(page.items, JSON.stringify(input)).toEqual([]);
      expect(page.page).toBe(input.page);
      expect(page.total).toBe(readableBy("county-south").filter((row) => !input.kind || row.kind === input.kind).length);
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
    const english = await api.client({ locale: "en" }).login(world.users["county-south"].username);
    for (const { input, field, message } of cases) {
      const result = await as("county-south").query("documents.listExports", input);
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(result.error?.data.field).toBe(field);
      expect(result.error?.message).toBe(message);
      const en = await english.query("documents.listExports", input);
      expect(en.error?.data.field).toBe(field);
      expect(en.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await english.query("documents.listExports", { kind: "ROSTER_PDF" })).error?.message).toBe("Document kind: is not one of the allowed values");
    const unknown = await as("county-south").query("documents.listExports", { countyId: world.counties.central.code });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain("countyId");
  });

  it("gives an overseer only the files it asked for itself, whatever it filters, and enterprises and providers nothing", async () => {
    for (const account of ["city-south", "province"] as const) {
      const mine = readableBy(account);
      const page = ok(await list(account, { pageSize: 100 }));
      expect(ids(page.items), account).toEqual(ids(mine));
      expect(page.total).toBe(mine.length);
      expect(page.items.every((item) => item.requestedBy.displayName === world.users[account].username)).toBe(true);
      const roster = ok(await list(account, { kind: "ROSTER_XLSX", pageSize: 100 }));
      expect(ids(roster.items)).toEqual(ids(mine.filter((row) => row.kind === "ROSTER_XLSX")));
    }
    // The reviewer and another city asked for nothing here; another county reads its own files only.
    for (const account of ["reviewer", "city-central"] as const) expect(ok(await list(account, { pageSize: 100 })).total, account).toBe(0);
    expect(ids(ok(await list("county-central", { pageSize: 100 })).items)).toEqual(ids(readableBy("county-central")));
    for (const account of ["ent-south-1", "provider-1"] as const) {
      const refused = await list(account, { kind: "ROSTER_XLSX" });
      expect(refused.status, account).toBe(403);
      expect(refused.data).toBeUndefined();
    }
  });
});
