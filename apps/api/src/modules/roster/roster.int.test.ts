/**
 * The roster 试点企业改造名单 through the API against the real database: one by one and by XLSX import (all or
 * nothing, errors per row and column), duplicates and other counties' enterprises refused, frozen once the plan is
 * approved; who sees which entries.
 */
import { makeCreditCode, type PilotEnterpriseInput } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROSTER_SHEET_NAME } from "./roster-document";
import type { PlanView } from "../plan/plan-view";
import type { PilotEnterpriseView } from "./roster-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../../testing/plan-fixtures";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

const SUB_INDUSTRY = "高端装备—精密机械零部件";
let world: PilotWorld;
/** The world's 苏南 county, whose roster this file edits, and its 苏中 county. */
let SOUTH: string;
let CENTRAL: string;
/** Codes this file enrols (serials 700–799 in the 苏南 county's division), removed again afterwards. */
const code = (serial: number) => makeCreditCode(`91${SOUTH}MA${String(700 + serial).padStart(7, "0")}`);

type Roster = {
  entries: PilotEnterpriseView[];
  frozen: boolean;
  subIndustries: string[];
  counts: { aboveScale: number; belowScale: number; specialised: number; total: number };
  targets: { total: { plannedTotal: { target: number; enrolled: number } } } | null;
};
type ImportAnswer = { imported: number; errors: { rowNumber: number | null; column: string | null; columnLabel: string | null; message: string }[] };

let api: RunningApi;
let owner: pg.Client;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;

async function cleanUp() {
  await deletePlansOf([SOUTH]);
  await owner.query(`delete from "RosterChangeRequest" where "countyId" = $1`, [SOUTH]);
  await owner.query(`update "PilotEnterprise" set status = 'ACTIVE', "removedAt" = null where "countyId" = $1`, [SOUTH]);
  const accounts = Array.from({ length: 100 }, (_, serial) => code(serial));
  await owner.query(`delete from "Membership" where "userId" in (select id from "User" where username = any($1))`, [accounts]);
  await owner.query(`delete from "User" where username = any($1)`, [accounts]);
  await deleteEnterprisesByCreditCode(Array.from({ length: 100 }, (_, serial) => code(serial)));
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  ({ south: { code: SOUTH }, central: { code: CENTRAL } } = world.counties);
  await cleanUp();
  api = await startApi();
  for (const account of ["province", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "provider-1", "provider-3"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

const roster = (client: ApiClient, countyId?: string) => client.query<Roster>("roster.listRoster", countyId ? { countyId } : undefined);
const entry = (serial: number, overrides: Partial<PilotEnterpriseInput> = {}): PilotEnterpriseInput => ({
  name: `江阴测试企业${serial}有限公司`,
  creditCode: code(serial),
  subIndustry: SUB_INDUSTRY,
  scale: "ABOVE",
  specialised: false,
  lastYearRevenue: "1234.5",
  ...overrides,
});
const add = (client: ApiClient, value: PilotEnterpriseInput) => client.mutation<PilotEnterpriseView>("roster.addPilotEnterprise", { entry: value });

/** The county's import template, downloaded as the county, with `rows` written under its examples. */
async function filledTemplate(rows: (string | number)[][]): Promise<string> {
  const download = await as("county-south").fetch("/files/roster-import-template");
  expect(download.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(download.body as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(ROSTER_SHEET_NAME)!;
  rows.forEach((values, index) => {
    const row = sheet.getRow(5 + index);
    values.forEach((value, column) => (row.getCell(column + 1).value = value));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

describe("the roster", () => {
  it("lists the county's seeded roster, with file completeness and counts by category", async () => {
    const seeded = ok(await roster(as("county-south")));
    expect(seeded.entries).toHaveLength(5);
    expect(seeded.frozen).toBe(false);
    expect(seeded.counts).toEqual({ aboveScale: 3, belowScale: 2, specialised: 1, total: 5 });
    expect(seeded.entries[0]!.completeness).toMatchObject({ percentage: 0, complete: false });
    // No plan yet: no sub-industries to enrol under.
    const refused = await add(as("county-south"), entry(1));
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toContain("尚未填写细分行业");
  });

  it("adds an enterprise under a sub-industry of the plan, and refuses duplicates, unknown sub-industries and other counties' enterprises", async () => {
    const plan = ok(await as("county-south").mutation<PlanView>("plan.createPlan"));
    ok(await as("county-south").mutation("plan.savePlan", { planId: plan.id, baseRevision: plan.version.revision, content: completePlanContent(world.counties.south.name) }));

    const added = ok(await add(as("county-south"), entry(1, { specialised: true })));
    expect(added).toMatchObject({ subIndustry: SUB_INDUSTRY, scale: "ABOVE", specialised: true, lastYearRevenue: "1234.5", status: "ACTIVE" });
    expect(added.enterprise).toMatchObject({ name: "江阴测试企业1有限公司", creditCode: code(1) });

    const again = await add(as("county-south"), entry(1, { name: "另一个名字" }));
    expect(again.status).toBe(409);
    expect(again.error?.data.field).toBe("entry.creditCode");

    const unknown = await add(as("county-south"), entry(2, { subIndustry: "高端装备—不存在的行业" }));
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain(SUB_INDUSTRY);

    const centralCode = world.enterprises.central[0]!.creditCode;
    const elsewhere = await add(as("county-south"), entry(3, { creditCode: centralCode }));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.error?.message).toContain("其他县");
    expect(JSON.stringify(elsewhere.error)).not.toContain(world.counties.central.name.slice(0, -1));

    const badCode = await add(as("county-south"), entry(4, { creditCode: "91320281MA0000070X" }));
    expect(badCode.status).toBe(400);
    expect(badCode.error?.data.field).toBe("entry.creditCode");

    // Before the plan is approved the roster is edited directly: no change requests.
    const early = await as("county-south").mutation("roster.requestRosterChange", { kind: "ADD", reason: "补充", addition: entry(30) });
    expect(early.status).toBe(409);

    const after = ok(await roster(as("county-south")));
    expect(after.entries).toHaveLength(6);
    expect(after.targets?.total.plannedTotal).toEqual({ target: 120, enrolled: 6 });
  });

  it("imports nothing from a file with errors, and says which row and column each is in", async () => {
    const file = await filledTemplate([
      [1, "江阴导入企业甲有限公司", code(10), SUB_INDUSTRY, "规上", "是", 800],
      [2, "", code(11), SUB_INDUSTRY, "规下", "否", 300],
      [3, "江阴导入企业丙有限公司", code(10), SUB_INDUSTRY, "规下", "否", 300],
      [4, "江阴导入企业丁有限公司", code(13), "纺织—未知行业", "规下", "否", "三百"],
    ]);
    const answer = ok(await as("county-south").mutation<ImportAnswer>("roster.importRoster", { file }));
    expect(answer.imported).toBe(0);
    const located = answer.errors.map((error) => [error.rowNumber, error.columnLabel?.replace(/（.*$/, "")]);
    expect(located).toEqual(
      expect.arrayContaining([
        [6, "企业名称"],
        [7, "企业信用代码"],
        [8, "所属细分行业"],
        [8, "上年度主营业务收入"],
      ]),
    );
    expect(answer.errors.find((error) => error.rowNumber === 7)?.message).toContain("第 5 行");
    expect(ok(await roster(as("county-south"))).entries).toHaveLength(6);
  });

  it("imports a clean file whole", async () => {
    const file = await filledTemplate([
      [1, "江阴导入企业甲有限公司", code(10), SUB_INDUSTRY, "规上", "是", 800],
      [2, "江阴导入企业乙有限公司", code(11), SUB_INDUSTRY, "规下", "否", "1,300.25"],
      [3, "江阴导入企业丙有限公司", code(12), SUB_INDUSTRY, "规模以下", "N", 0],
    ]);
    expect(ok(await as("county-south").mutation<ImportAnswer>("roster.importRoster", { file }))).toEqual({ imported: 3, errors: [], errorCount: 0 });
    const after = ok(await roster(as("county-south")));
    expect(after.entries).toHaveLength(9);
    expect(after.entries.find((row) => row.enterprise.creditCode === code(11))?.lastYearRevenue).toBe("1300.25");
  });

  it("refuses a file that is not the template, naming the file", async () => {
    const result = await as("county-south").mutation("roster.importRoster", { file: Buffer.from("not a workbook").toString("base64") });
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe("file");
  });

  it("shows each reader only what is theirs: overseers the county, an enterprise its entry, a provider its linked enterprises", async () => {
    expect(ok(await roster(as("city-south"), SOUTH)).entries).toHaveLength(9);
    expect(ok(await roster(as("province"), SOUTH)).entries).toHaveLength(9);
    const own = ok(await roster(as("ent-south-1")));
    expect(own.entries.map((row) => row.enterprise.name)).toEqual([world.enterprises.south[0]!.name]);
    expect(ok(await roster(as("provider-1"), SOUTH)).entries.map((row) => row.enterprise.name)).toEqual([world.enterprises.south[0]!.name]);
    // provider-3 does not serve the 苏南 county at all.
    expect([403, 404]).toContain((await roster(as("provider-3"), SOUTH)).status);
    expect([403, 404]).toContain((await roster(as("county-central"), SOUTH)).status);
    expect([403, 404]).toContain((await roster(as("city-south"), CENTRAL)).status);
    // Only a county team downloads its template.
    expect((await as("province").fetch("/files/roster-import-template")).status).toBe(403);
  });

  it("freezes the roster once the plan is approved", async () => {
    const plan = ok(await as("county-south").query<{ plan: PlanView }>("plan.getCurrentPlan")).plan;
    ok(await as("county-south").mutation("plan.submitPlan", { planId: plan.id, revision: plan.version.revision }));
    ok(await as("city-south").mutation("plan.reviewPlan", { planId: plan.id, versionNumber: 1, decision: "RECOMMEND", comments: [] }));
    ok(await as("province").mutation("plan.reviewPlan", { planId: plan.id, versionNumber: 1, decision: "APPROVE", comments: [] }));

    expect(ok(await roster(as("county-south"))).frozen).toBe(true);
    const refused = await add(as("county-south"), entry(20));
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain("名单调整申请");
    const file = await filledTemplate([[1, "江阴导入企业戊有限公司", code(21), SUB_INDUSTRY, "规上", "否", 10]]);
    expect((await as("county-south").mutation("roster.importRoster", { file })).status).toBe(409);
  });

  it("changes the frozen roster only by a request its city approves, keeping the history", async () => {
    type Change = { id: string; kind: string; status: string; decisionComment: string | null; requestedBy: { displayName: string } };
    const seededOther = ok(await roster(as("county-south"))).entries.find((row) => row.enterprise.name !== world.enterprises.south[0]!.name)!;
    const requestChange = (input: unknown) => as("county-south").mutation<Change>("roster.requestRosterChange", input);
    const addition = ok(await requestChange({ kind: "ADD", reason: "新增链主企业配套企业", addition: entry(40) }));
    const removal = ok(await requestChange({ kind: "REMOVE", reason: "企业迁出本县", removedPilotEnterpriseId: seededOther.id }));
    expect((await requestChange({ kind: "ADD", reason: "缺少企业" })).error?.data.field).toBe("addition");
    // Another county's enterprise is refused at request time, as direct enrolment refuses it, naming no county.
    const centralCode = world.enterprises.central[0]!.creditCode;
    for (const input of [
      { kind: "ADD", reason: "新增", addition: entry(41, { creditCode: centralCode }) },
      { kind: "REPLACE", reason: "替换", addition: entry(42, { creditCode: centralCode }), removedPilotEnterpriseId: seededOther.id },
    ]) {
      const elsewhere = await requestChange(input);
      expect(elsewhere.status, input.kind).toBe(409);
      expect(elsewhere.error?.message).toBe(`企业信用代码 ${centralCode} 的企业登记在其他县（市、区），不能列入本县名单`);
      expect(elsewhere.error?.data.field).toBe("addition.creditCode");
      expect(JSON.stringify(elsewhere.error)).not.toContain(world.counties.central.name.slice(0, -1));
    }

    // Only the county's own city decides; the province and the county itself read the history.
    for (const account of ["province", "county-south"] as const) {
      expect((await as(account).mutation("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE" })).status, account).toBe(403);
    }
    expect((await as("county-central").mutation("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE" })).status).toBe(404);
    const noReason = await as("city-south").mutation("roster.decideRosterChange", { requestId: removal.id, decision: "REFUSE" });
    expect(noReason.status).toBe(400);
    expect(noReason.error?.data.field).toBe("comment");

    expect(ok(await as("city-south").mutation<Change>("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE", comment: "同意备案" })).status).toBe("APPROVED");
    expect(ok(await as("city-south").mutation<Change>("roster.decideRosterChange", { requestId: removal.id, decision: "APPROVE" })).status).toBe("APPROVED");
    expect((await as("city-south").mutation("roster.decideRosterChange", { requestId: removal.id, decision: "REFUSE", comment: "x" })).status).toBe(409);

    const now = ok(await roster(as("county-south")));
    expect(now.entries.find((row) => row.enterprise.creditCode === code(40))?.status).toBe("ACTIVE");
    expect(now.entries.find((row) => row.id === seededOther.id)?.status).toBe("REMOVED");
    const history = ok(await as("province").query<{ items: Change[] }>("roster.listRosterChanges", { countyId: SOUTH })).items;
    expect(history.map((change) => [change.kind, change.status, change.requestedBy.displayName])).toEqual([
      ["REMOVE", "APPROVED", world.users["county-south"].username],
      ["ADD", "APPROVED", world.users["county-south"].username],
    ]);
    // The removal names the enterprise it took off, read with the request (the province loads no roster for it).
    expect((history[0] as Change & { removedEnterprise: unknown }).removedEnterprise).toEqual({ name: seededOther.enterprise.name, creditCode: seededOther.enterprise.creditCode });
    for (const account of ["city-central", "county-central", "ent-south-1", "provider-1"] as const) {
      expect([403, 404], account).toContain((await as(account).query("roster.listRosterChanges", { countyId: SOUTH })).status);
    }
  });

  it("approves one removal of an enterprise, refuses the second, and starts no work on a removed one", async () => {
    type Change = { id: string; status: string };
    const active = ok(await roster(as("county-south"))).entries.filter((row) => row.status === "ACTIVE");
    const leaving = active.find((row) => row.enterprise.name !== world.enterprises.south[0]!.name)!;
    const requestRemoval = () =>
      as("county-south").mutation<Change>("roster.requestRosterChange", { kind: "REMOVE", reason: "企业迁出本县", removedPilotEnterpriseId: leaving.id });
    const [first, second] = [ok(await requestRemoval()), ok(await requestRemoval())];
    const decide = (requestId: string) => as("city-south").mutation<Change>("roster.decideRosterChange", { requestId, decision: "APPROVE" });

    expect(ok(await decide(first.id)).status).toBe("APPROVED");
    const again = await decide(second.id);
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe("该企业不在本县（市、区）当前的试点企业名单中");
    const history = ok(await as("county-south").query<{ items: Change[] }>("roster.listRosterChanges", { countyId: SOUTH })).items;
    expect(history.find((change) => change.id === second.id)?.status).toBe("PENDING");

    const link = await as("county-south").mutation("roster.linkProvider", { pilotEnterpriseId: leaving.id, providerId: world.providers.provider1.id });
    const start = await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId: leaving.id, startedOn: "2025-10-01" });
    for (const refused of [link, start]) {
      expect(refused.status).toBe(409);
      expect(refused.error?.data.field).toBe("pilotEnterpriseId");
    }
  });

  it("opens an account for an enterprise on the roster, whose initial password is shown once and works", async () => {
    const added = ok(await roster(as("county-south"))).entries.find((row) => row.enterprise.creditCode === code(40))!;
    const opened = ok(await as("county-south").mutation<{ username: string; initialPassword: string }>("roster.createEnterpriseAccount", { pilotEnterpriseId: added.id }));
    expect(opened.username).toBe(code(40));
    expect(opened.initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{12}$/);
    const enterprise = await api.client().login(opened.username, opened.initialPassword);
    // First the initial password is replaced (see first-sign-in.int.test.ts).
    ok(await enterprise.mutation("auth.changePassword", { currentPassword: opened.initialPassword, newPassword: "Chengjiang-Gear-2026" }));
    expect(ok(await roster(enterprise)).entries.map((row) => row.id)).toEqual([added.id]);
    expect((await as("county-south").mutation("roster.createEnterpriseAccount", { pilotEnterpriseId: added.id })).status).toBe(409);
    expect((await as("city-south").mutation("roster.createEnterpriseAccount", { pilotEnterpriseId: added.id })).status).toBe(403);
    expect([403, 404]).toContain((await as("county-central").mutation("roster.createEnterpriseAccount", { pilotEnterpriseId: added.id })).status);
  });
});

/**
 * 名单调整备案 a page at a time: the 苏中 county's requests (made here as the owner, decided by its city) filtered,
 * counted and paged in SQL, newest first; the pending count whatever the filter; the removed enterprise named in the
 * same answer; the roster they change; bounds refused naming the field; and nobody outside the county's team and
 * overseers reads them.
 */
describe("roster.listRosterChanges, a page at a time", () => {
  type Kind = "ADD" | "REMOVE" | "REPLACE";
  type Status = "PENDING" | "APPROVED" | "REFUSED";
  interface ChangeView {
    id: string;
    kind: Kind;
    status: Status;
    addition: { name: string } | null;
    removedEnterprise: { name: string; creditCode: string } | null;
    decidedBy: { displayName: string } | null;
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
  /** A request this block made, in the order the list gives them (newest first, ties by id). */
  interface Seeded {
    id: string;
    kind: Kind;
    status: Status;
    createdAt: Date;
    removed: { name: string; creditCode: string } | null;
  }
  const KINDS: Kind[] = ["ADD", "REMOVE", "REPLACE"];
  const STATUSES: Status[] = ["PENDING", "APPROVED", "REFUSED", "PENDING"];
  const COUNT = 23;
  let seeded: Seeded[] = [];
  let NORTH: string;

  async function insertChange(region: "central" | "north", index: number, createdAt: Date): Promise<Seeded> {
    const county = world.counties[region];
    const kind = KINDS[index % KINDS.length]!;
    const status = STATUSES[index % STATUSES.length]!;
    const removedEntry = kind === "ADD" ? null : world.enterprises[region][index % world.enterprises[region].length]!;
    const addition =
      kind === "REMOVE"
        ? null
        : { name: `分页测试企业${index}有限公司`, creditCode: makeCreditCode(`91${county.code}MA${String(600 + index).padStart(7, "0")}`), subIndustry: county.subIndustry, scale: "ABOVE", specialised: false, lastYearRevenue: "100" };
    const { rows } = await owner.query<{ id: string }>(
      `insert into "RosterChangeRequest" (id, "countyId", "batchId", kind, reason, addition, "removedPilotId", status, "requestedById", "createdAt")
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [county.code, world.batch.id, kind, `理由${index}`, addition && JSON.stringify(addition), removedEntry?.pilotEnterpriseId ?? null, status, world.users[`county-${region}`].id, createdAt],
    );
    const id = rows[0]!.id;
    if (status !== "PENDING") {
      await owner.query(
        `insert into "WorkflowEvent" (id, "countyId", "subjectKind", "subjectId", event, "fromState", "toState", "actorId", "actorRole", comment, "createdAt")
         values (gen_random_uuid(), $1, 'ROSTER_CHANGE_REQUEST', $2, $3, 'PENDING', $4, $5, 'CITY_OFFICER', $6, $7)`,
        [county.code, id, status === "APPROVED" ? "APPROVE" : "REFUSE", status, world.users["city-central"].id, `决定${index}`, new Date(createdAt.getTime() + 1000)],
      );
    }
    return { id, kind, status, createdAt, removed: removedEntry ? { name: removedEntry.name, creditCode: removedEntry.creditCode } : null };
  }

  async function removeChanges() {
    const counties = [CENTRAL, NORTH];
    await owner.query(`delete from "WorkflowEvent" where "subjectKind" = 'ROSTER_CHANGE_REQUEST' and "countyId" = any($1)`, [counties]);
    await owner.query(`delete from "RosterChangeRequest" where "countyId" = any($1)`, [counties]);
  }

  beforeAll(async () => {
    NORTH = world.counties.north.code;
    await removeChanges();
    const start = Date.UTC(2026, 0, 5, 8);
    for (let index = 0; index < COUNT; index++) {
      // The last two share their time: the list breaks the tie by id.
      const minute = Math.min(index, COUNT - 2);
      seeded.push(await insertChange("central", index, new Date(start + minute * 60_000)));
    }
    seeded = seeded.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Another county's request: never counted or listed in the 苏中 county's.
    await insertChange("north", 1, new Date(start + 99 * 60_000));
    for (const account of ["reviewer", "county-north"] as const) clients[account] = await api.client().login(world.users[account].username);
  });
  afterAll(removeChanges);

  const list = (account: WorldAccount, input?: Record<string, unknown>) => as(account).query<ChangePage>("roster.listRosterChanges", input);
  const pending = () => seeded.filter((change) => change.status === "PENDING").length;

  it("answers the first 20 newest first, ties by id, with the total and the pending count", async () => {
    const page = ok(await list("county-central"));
    expect(page).toMatchObject({ total: COUNT, page: 1, pageSize: 20, pendingCount: pending() });
    expect(page.items.map((change) => change.id)).toEqual(seeded.slice(0, 20).map((change) => change.id));
    expect(page.county.code).toBe(CENTRAL);
    expect(page.batch.id).toBe(world.batch.id);
  });

  it("pages through every request exactly once, at each page size", async () => {
    for (const pageSize of [10, 20, 50, 100]) {
      const ids: string[] = [];
      for (let number = 1; number <= Math.ceil(COUNT / pageSize); number++) {
        const page = ok(await list("city-central", { countyId: CENTRAL, page: number, pageSize }));
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
      const page = ok(await list("province", { countyId: CENTRAL, ...filter, pageSize: 10 }));
      expect(page.total, JSON.stringify(filter)).toBe(expected.length);
      expect(page.pendingCount).toBe(pending());
      expect(page.items.map((change) => change.id)).toEqual(expected.slice(0, 10).map((change) => change.id));
    }
  });

  it("answers a page past the last with no request and the total, never an error", async () => {
    for (const input of [{ page: 3, pageSize: 20 }, { page: 10_000, pageSize: 100 }, { status: "APPROVED", page: 2, pageSize: 50 }]) {
      const page = ok(await list("county-central", input));
      expect(page.items, JSON.stringify(input)).toEqual([]);
      expect(page.page).toBe(input.page);
      expect(page.total).toBe(input.status ? seeded.filter((change) => change.status === input.status).length : COUNT);
      expect(page.pendingCount).toBe(pending());
    }
  });

  it("names the enterprise a removal or a replacement takes off the roster, and who decided", async () => {
    const { items } = ok(await list("city-central", { countyId: CENTRAL, pageSize: 100 }));
    for (const change of items) {
      const mine = seeded.find((candidate) => candidate.id === change.id)!;
      expect(change.removedEnterprise, change.kind).toEqual(mine.removed);
      expect(change.addition === null, change.kind).toBe(change.kind === "REMOVE");
      expect(change.decidedBy?.displayName ?? null).toBe(change.status === "PENDING" ? null : world.users["city-central"].username);
    }
    expect(items.some((change) => change.kind === "REPLACE" && change.removedEnterprise && change.addition)).toBe(true);
  });

  it("tells the roster the changes apply to: its size now, the region's minimum, not frozen before approval", async () => {
    const { roster } = ok(await list("province", { countyId: CENTRAL }));
    expect(roster).toEqual({ activeEntries: world.enterprises.central.length, minimum: 80, frozen: false });
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
    const english = await api.client({ locale: "en" }).login(world.users["county-central"].username);
    for (const { input, field, message } of cases) {
      const result = await list("county-central", input);
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(result.error?.data.field).toBe(field);
      expect(result.error?.message).toBe(message);
      const en = await english.query("roster.listRosterChanges", input);
      expect(en.status).toBe(400);
      expect(en.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await english.query("roster.listRosterChanges", { status: "DONE" })).error?.message).toBe("Change status: is not one of the allowed values");
    const unknown = await list("county-central", { sort: "oldest" });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain("sort");
  });

  it("is read by the county's team and its overseers only: another county, another city, an enterprise and a provider are refused", async () => {
    const expected = ok(await list("county-central")).items.map((change) => change.id);
    for (const account of ["province", "city-central"] as const) {
      expect(ok(await list(account, { countyId: CENTRAL })).items.map((change) => change.id), account).toEqual(expected);
    }
    // Another county's team naming the 苏中 county, a city officer of another city, a reviewer not assigned to it: as if it did not exist.
    for (const account of ["county-south", "city-south", "reviewer"] as const) {
      for (const input of [{ countyId: CENTRAL }, { countyId: CENTRAL, status: "PENDING", page: 2, pageSize: 10 }]) {
        const refused = await list(account, input);
        expect(refused.status, account).toBe(404);
        expect(refused.data).toBeUndefined();
        expect(JSON.stringify(refused.error)).not.toContain(world.counties.central.name);
      }
    }
    // Neither enterprises nor providers read change requests at all (provider-1 serves the 苏中 county).
    for (const account of ["ent-south-1", "provider-1"] as const) {
      expect((await list(account, { countyId: CENTRAL })).status, account).toBe(403);
      expect((await list(account)).status, account).toBe(403);
    }
    // An overseer names the county: it has none of its own.
    expect((await list("city-central")).status).toBe(404);
    // The 苏北 county's own list holds its one request only.
    expect(ok(await list("county-north")).total).toBe(1);
  });
});
