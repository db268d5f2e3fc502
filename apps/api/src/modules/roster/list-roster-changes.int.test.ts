/**
 * 名单调整备案 a page at a time, against the real database: the county's change requests filtered, counted and paged
 * in SQL, newest first; the pending count whatever the filter; the removed enterprise named in the same answer; the
 * roster they change; bounds refused naming the field; and nobody outside the county's team and overseers reads it.
 */
import { makeCreditCode } from "@dtpilot/domain";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ok, startApi, type ApiClient, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

type Kind = "ADD" | "REMOVE" | "REPLACE";
type Status = "PENDING" | "APPROVED" | "REFUSED";
interface ChangeView {
  id: string;
  kind: Kind;
  status: Status;
  createdAt: Date;
  addition: { name: string; creditCode: string } | null;
  removedPilotEnterpriseId: string | null;
  removedEnterprise: { name: string; creditCode: string } | null;
  decidedBy: { displayName: string } | null;
  decisionComment: string | null;
}
interface ChangePage {
  county: { code: string };
  batch: { id: string };
  roster: { activeEntries: number; minimum: number; frozen: boolean };
  items: ChangeView[];
  total: number;
  page: number;
  pageSize: number;
  pendingCount: number;
}

let world: PilotWorld;
let api: RunningApi;
let owner: pg.Client;
let SOUTH: string;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;

/** What this file puts in the 苏南 county (and one request in the 苏中 county), newest first as the list orders them. */
interface Seeded {
  id: string;
  kind: Kind;
  status: Status;
  createdAt: Date;
  removed: { name: string; creditCode: string } | null;
}
let seeded: Seeded[] = [];
const KINDS: Kind[] = ["ADD", "REMOVE", "REPLACE"];
const STATUSES: Status[] = ["PENDING", "APPROVED", "REFUSED", "PENDING"];
const COUNT = 23;

/** The list's order: newest first, ties by id. */
const newestFirst = (a: Seeded, b: Seeded) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function insertChange(countyId: string, index: number, createdAt: Date, requestedById: string): Promise<Seeded> {
  const kind = KINDS[index % KINDS.length]!;
  const status = STATUSES[index % STATUSES.length]!;
  const region = countyId === SOUTH ? "south" : "central";
  const removedEntry = kind === "ADD" ? null : world.enterprises[region][index % world.enterprises[region].length]!;
  const addition =
    kind === "REMOVE"
      ? null
      : {
          name: `分页测试企业${index}有限公司`,
          creditCode: makeCreditCode(`91${countyId}MA${String(600 + index).padStart(7, "0")}`),
          subIndustry: world.counties[region].subIndustry,
          scale: "ABOVE",
          specialised: false,
          lastYearRevenue: "100",
        };
  const id = randomUUID();
  await owner.query(
    `insert into "RosterChangeRequest" (id, "countyId", "batchId", kind, reason, addition, "removedPilotId", status, "requestedById", "createdAt")
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, countyId, world.batch.id, kind, `理由${index}`, addition && JSON.stringify(addition), removedEntry?.pilotEnterpriseId ?? null, status, requestedById, createdAt],
  );
  if (status !== "PENDING") {
    await owner.query(
      `insert into "WorkflowEvent" (id, "countyId", "subjectKind", "subjectId", event, "fromState", "toState", "actorId", "actorRole", comment, "createdAt")
       values (gen_random_uuid(), $1, 'ROSTER_CHANGE_REQUEST', $2, $3, 'PENDING', $4, $5, 'CITY_OFFICER', $6, $7)`,
      [countyId, id, status === "APPROVED" ? "APPROVE" : "REFUSE", status, world.users[countyId === SOUTH ? "city-south" : "city-central"].id, `决定${index}`, new Date(createdAt.getTime() + 1000)],
    );
  }
  return { id, kind, status, createdAt, removed: removedEntry ? { name: removedEntry.name, creditCode: removedEntry.creditCode } : null };
}

async function cleanUp() {
  if (!world) return;
  const counties = [world.counties.south.code, world.counties.central.code];
  await owner.query(`delete from "WorkflowEvent" where "subjectKind" = 'ROSTER_CHANGE_REQUEST' and "countyId" = any($1)`, [counties]);
  await owner.query(`delete from "RosterChangeRequest" where "countyId" = any($1)`, [counties]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  SOUTH = world.counties.south.code;
  const start = Date.UTC(2026, 0, 5, 8);
  const requester = world.users["county-south"].id;
  for (let index = 0; index < COUNT; index++) {
    // The last two share their time: the list breaks the tie by id.
    const minute = index >= COUNT - 2 ? COUNT - 2 : index;
    seeded.push(await insertChange(SOUTH, index, new Date(start + minute * 60_000), requester));
  }
  seeded = seeded.sort(newestFirst);
  // Another county's request: never counted or listed in the 苏南 county's.
  await insertChange(world.counties.central.code, 1, new Date(start + 99 * 60_000), world.users["county-central"].id);
  api = await startApi();
  for (const account of ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "provider-1"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api?.close();
  await cleanUp();
  await owner.end();
});

const list = (account: WorldAccount, input?: Record<string, unknown>) => as(account).query<ChangePage>("roster.listRosterChanges", input);
const pending = () => seeded.filter((change) => change.status === "PENDING").length;

describe("roster.listRosterChanges, a page at a time", () => {
  it("answers the first 20 newest first, ties by id, with the total and the pending count", async () => {
    const page = ok(await list("county-south"));
    expect(page).toMatchObject({ total: COUNT, page: 1, pageSize: 20, pendingCount: pending() });
    expect(page.items.map((change) => change.id)).toEqual(seeded.slice(0, 20).map((change) => change.id));
    expect(page.county.code).toBe(SOUTH);
    expect(page.batch.id).toBe(world.batch.id);
  });

  it("pages through every request exactly once, at each page size", async () => {
    for (const pageSize of [10, 20, 50, 100]) {
      const ids: string[] = [];
      for (let number = 1; number <= Math.ceil(COUNT / pageSize); number++) {
        const page = ok(await list("city-south", { countyId: SOUTH, page: number, pageSize }));
        expect(page).toMatchObject({ total: COUNT, page: number, pageSize });
        expect(page.items.length).toBe(Math.min(pageSize, COUNT - (number - 1) * pageSize));
        ids.push(...page.items.map((change) => change.id));
      }
      expect(ids, `pageSize ${pageSize}`).toEqual(seeded.map((change) => change.id));
    }
  });

  it("filters by status, by kind and by both, counting what matches while the pending count stays the county's", async () => {
    const filters: { status?: Status; kind?: Kind }[] = [{ status: "PENDING" }, { status: "REFUSED" }, { kind: "REMOVE" }, { status: "APPROVED", kind: "REPLACE" }, { status: "REFUSED", kind: "ADD" }];
    for (const filter of filters) {
      const expected = seeded.filter((change) => (!filter.status || change.status === filter.status) && (!filter.kind || change.kind === filter.kind));
      const page = ok(await list("province", { countyId: SOUTH, ...filter, pageSize: 10 }));
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(page.pendingCount).toBe(pending());
      expect(page.items.map((change) => change.id)).toEqual(expected.slice(0, 10).map((change) => change.id));
    }
  });

  it("answers a page past the last with no request and the total, never an error", async () => {
    for (const input of [{ page: 3, pageSize: 20 }, { page: 10_000, pageSize: 100 }, { status: "APPROVED", page: 2, pageSize: 50 }]) {
      const page = ok(await list("county-south", input));
      expect(page.items, JSON.stringify(input)).toEqual([]);
      expect(page.page).toBe(input.page);
      expect(page.total).toBe(input.status ? seeded.filter((change) => change.status === input.status).length : COUNT);
      expect(page.pendingCount).toBe(pending());
    }
  });

  it("names the enterprise a removal or a replacement takes off the roster, and who decided", async () => {
    const { items } = ok(await list("city-south", { countyId: SOUTH, pageSize: 100 }));
    for (const change of items) {
      const mine = seeded.find((candidate) => candidate.id === change.id)!;
      expect(change.removedEnterprise, change.kind).toEqual(mine.removed);
      expect(change.addition === null, change.kind).toBe(change.kind === "REMOVE");
      expect(change.decidedBy?.displayName ?? null).toBe(change.status === "PENDING" ? null : world.users["city-south"].username);
    }
    expect(items.some((change) => change.kind === "REPLACE" && change.removedEnterprise && change.addition)).toBe(true);
  });

  it("tells the roster the changes apply to: its size now, the region's minimum, not frozen before approval", async () => {
    const { roster } = ok(await list("reviewer", { countyId: SOUTH }));
    expect(roster).toEqual({ activeEntries: world.enterprises.south.length, minimum: 100, frozen: false });
  });

  it("refuses a page size, page, status or kind it does not offer, naming the field in the reader's language", async () => {
    const cases: { input: Record<string, unknown>; field: string; message: string }[] = [
      { input: { pageSize: 30 }, field: "pageSize", message: "每页条数：取值不在允许范围内" },
      { input: { pageSize: "20" }, field: "pageSize", message: "每页条数：取值不在允许范围内" },
      { input: { page: 0 }, field: "page", message: "页码：不能小于 1" },
      { input: { page: 10_001 }, field: "page", message: "页码：不能大于 10000" },
      { input: { page: 1.5 }, field: "page", message: "页码：格式不正确" },
      { input: { status: "DONE" }, field: "status", message: "备案状态：取值不在允许范围内" },
      { input: { kind: "SWAP" }, field: "kind", message: "调整类型：取值不在允许范围内" },
      { input: { countyId: "110101" }, field: "countyId", message: "县（市、区）：格式不正确" },
    ];
    const english = await api.client({ locale: "en" }).login(world.users["county-south"].username);
    for (const { input, field, message } of cases) {
      const result = await list("county-south", input);
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(result.error?.data.field).toBe(field);
      expect(result.error?.message).toBe(message);
      const en = await english.query("roster.listRosterChanges", input);
      expect(en.status).toBe(400);
      expect(en.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await english.query("roster.listRosterChanges", { status: "DONE" })).error?.message).toBe("Change status: is not one of the allowed values");
    const unknown = await list("county-south", { sort: "oldest" });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain("sort");
  });

  it("is read by the county's team and its overseers only: another county, another city, an enterprise and a provider are refused", async () => {
    const expected = ok(await list("county-south")).items.map((change) => change.id);
    for (const account of ["province", "reviewer", "city-south"] as const) {
      expect(ok(await list(account, { countyId: SOUTH })).items.map((change) => change.id), account).toEqual(expected);
    }
    // Another county's team naming the 苏南 county, and a city officer of another city: as if it did not exist.
    for (const account of ["county-central", "city-central"] as const) {
      for (const input of [{ countyId: SOUTH }, { countyId: SOUTH, status: "PENDING", page: 2, pageSize: 10 }]) {
        const refused = await list(account, input);
        expect(refused.status, account).toBe(404);
        expect(refused.data).toBeUndefined();
        expect(JSON.stringify(refused.error)).not.toContain(world.counties.south.name);
      }
    }
    // Neither enterprises nor providers read change requests at all.
    for (const account of ["ent-south-1", "provider-1"] as const) {
      expect((await list(account, { countyId: SOUTH })).status, account).toBe(403);
      expect((await list(account)).status, account).toBe(403);
    }
    // An overseer without a county of its own names one.
    expect((await list("city-south")).status).toBe(404);
    // The 苏中 county's own list holds its request only.
    expect(ok(await list("county-central")).total).toBe(1);
  });
});
