/**
 * The roster 试点企业改造名单 through the API against the real database: one by one and by XLSX import (all or
 * nothing, errors per row and column), duplicates and other counties' enterprises refused, frozen once the plan is
 * approved; who sees which entries.
 *
 * Then roster.listRoster paged, filtered and sorted in SQL, on the world's 苏北 roster grown to 28 entries (its 3 and
 * 25 more with varied names, revenues — some missing —, sub-industries, scales, statuses and files): every filter,
 * each sort in both directions against the order the county app used to compute itself, totals, pages past the end,
 * bounds; each entry's stored completeness equal to the domain's fileCompleteness of its file, after the backfill and
 * after saves (two sections saved at once included); the export applying the same filter; and who sees what (another
 * county, an unlinked provider, cities and a reviewer outside their scope). In this file, not one of its own: each
 * file's world claims a 苏中 county, and the test database has no more.
 */
import { backfillFileCompleteness, createOwnerDatabase, type BackfillResult } from "@dtpilot/db/admin";
import {
  emptyEnterpriseFile,
  FILE_COMPLETENESS_VERSION,
  fileCompleteness,
  fileCompletenessSummary,
  fileFromStoredSections,
  fileWithRosterFields,
  makeCreditCode,
  rosterFieldsOf,
  STORED_FILE_SECTIONS,
  type EnterpriseFile,
  type FileSectionKey,
  type PilotEnterpriseInput,
  type RosterFilter,
  type RosterSort,
  type StoredFileSection,
} from "@dtpilot/domain";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROSTER_SHEET_NAME } from "./roster-document";
import type { PlanView } from "../plan/plan-view";
import type { PilotEnterpriseView } from "./roster-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completeEnterpriseFile, storedSection } from "../../testing/file-fixtures";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../../testing/plan-fixtures";
import { startWorkerInProcess } from "../../testing/worker-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

const SUB_INDUSTRY = "高端装备—精密机械零部件";
let world: PilotWorld;
/** The world's 苏南 county, whose roster this file edits, its 苏中 county, and its 苏北 county, whose roster it pages. */
let SOUTH: string;
let CENTRAL: string;
let NORTH: string;
/** Codes this file enrols (serials 700–799 in the 苏南 county's division), removed again afterwards. */
const code = (serial: number) => makeCreditCode(`91${SOUTH}MA${String(700 + serial).padStart(7, "0")}`);

type Roster = {
  entries: PilotEnterpriseView[];
  frozen: boolean;
  subIndustries: string[];
  counts: { aboveScale: number; belowScale: number; specialised: number; total: number };
  targets: { total: { plannedTotal: { target: number; enrolled: number } } } | null;
};
type Entry = PilotEnterpriseView & { completeness: { percentage: number; complete: boolean; sections: Record<FileSectionKey, unknown> } };
/** roster.listRoster's answer as the paging tests read it. */
type RosterPage = {
  entries: Entry[];
  total: number;
  page: number;
  pageSize: number | null;
  subIndustriesInUse: string[];
  counts: { aboveScale: number; belowScale: number; specialised: number; total: number };
};
type ImportAnswer = { imported: number; errors: { rowNumber: number | null; column: string | null; columnLabel: string | null; message: string }[] };

let api: RunningApi;
let owner: pg.Client;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;
/** The 苏北 entries' completeness before the backfill (none computed), and what the backfill reported, twice. */
let uncomputed: number;
let backfilled: BackfillResult;
let backfilledAgain: BackfillResult;

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
  ({ south: { code: SOUTH }, central: { code: CENTRAL }, north: { code: NORTH } } = world.counties);
  await cleanUp();
  // The 苏北 roster the paging tests read: 25 entries more, their completeness left to the backfill.
  await addEntries();
  const { rows } = await owner.query<{ n: number }>(`select count(*)::int as n from "PilotEnterprise" where "countyId" = $1 and "fileCompletenessVersion" < $2`, [NORTH, FILE_COMPLETENESS_VERSION]);
  uncomputed = rows[0]!.n;
  const ownerDb = createOwnerDatabase({ url: inject("ownerDatabaseUrl") });
  try {
    backfilled = await backfillFileCompleteness(ownerDb, { batchSize: 7 });
    backfilledAgain = await backfillFileCompleteness(ownerDb);
  } finally {
    await ownerDb.$disconnect();
  }
  api = await startApi();
  const accounts = ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "county-north", "ent-south-1", "provider-1", "provider-3"] as const;
  for (const account of accounts) {
    clients[account] = await api.client().login(world.users[account].username);
  }
  // provider-3 serves the 苏北 county: linked to its first enterprise.
  ok(await as("county-north").mutation("roster.linkProvider", { pilotEnterpriseId: world.enterprises.north[0]!.pilotEnterpriseId, providerId: world.providers.provider3.id }));
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

/** A whole roster of this file's worlds (none holds more than 100 entries): one page of 100. */
const roster = (client: ApiClient, countyId?: string) => client.query<Roster>("roster.listRoster", { ...(countyId ? { countyId } : {}), pageSize: 100 });
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
    // Nothing saved yet: only the roster's fields of section 一 are filled, as the file page says.
    expect(seeded.entries[0]!.completeness).toMatchObject({ complete: false, sections: { basic: { filled: 3, complete: false } } });
    await expectListedAsOnTheFilePage(as("county-south"), seeded.entries[0]!);
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

    // The new entry's file, saved by nobody yet, is as complete in the list as on its page: the roster's fields count.
    const listed = after.entries.find((candidate) => candidate.id === added.id)!;
    expect(listed.completeness.percentage).toBeGreaterThan(0);
    expect(listed.completeness.sections.basic).toMatchObject({ filled: 3 });
    await expectListedAsOnTheFilePage(as("county-south"), listed);
    // And after a save of section 一 with the roster's fields left empty (they are shown, never typed).
    const basic = { ...completeEnterpriseFile({ enterpriseName: "", creditCode: "", cityAndCounty: "" }).basic, enterpriseName: null, creditCode: null, cityAndCounty: null };
    const saved = ok(await as("county-south").mutation<{ ok: boolean }>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId: added.id, section: "basic", baseRevision: 0, content: basic }));
    expect(saved.ok).toBe(true);
    const afterSave = ok(await roster(as("county-south"))).entries.find((candidate) => candidate.id === added.id)!;
    expect(afterSave.completeness.sections.basic).toMatchObject({ complete: true });
    await expectListedAsOnTheFilePage(as("county-south"), afterSave);
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

/** The 25 entries added to the world's 苏北 roster for the paging tests: names that test pinyin and numeric order. */
const NAMES = [
  "企业9号", "企业10号", "企业1号", "阿里机械", "重庆精工", "长安汽配", "北京精密", "Zeta科技", "alpha智造", "厦门贸易",
  "曾氏五金", "单于纺织", "企业2号", "中华制造", "爱迪电气", "波士精工", "蔡司光学", "大华机电", "鄂尔机械", "福田汽配",
  "广汽配套", "海尔部件", "金风叶片", "凯盛材料", "联想电子",
];
const PAGE_SUB_INDUSTRIES = ["", "高端装备—数控机床", "新材料—特种钢"];
const pageCode = (k: number) => makeCreditCode(`91${NORTH}MA${String(800 + k).padStart(7, "0")}`);
/** Which file each added entry has: complete, 二 only, 二 and 四, part of 一, nothing. */
const FILE_KINDS = ["complete", "needs", "needsAndEvaluation", "someBasic", "none"] as const;

function fileOf(kind: (typeof FILE_KINDS)[number], names: { enterpriseName: string; creditCode: string; cityAndCounty: string }): Partial<EnterpriseFile> {
  const complete = completeEnterpriseFile(names);
  switch (kind) {
    case "complete":
      return complete;
    case "needs":
      return { needs: complete.needs };
    case "needsAndEvaluation":
      return { needs: complete.needs, evaluation: complete.evaluation };
    case "someBasic":
      return { basic: { ...emptyEnterpriseFile().basic, ...names, profile: "生产零部件。" } };
    case "none":
      return {};
  }
}

/** Adds the 25 entries to the 苏北 roster as the owner, with their files, and their completeness left stale (version 0 or the previous one) for the backfill. */
async function addEntries() {
  const north = world.counties.north;
  PAGE_SUB_INDUSTRIES[0] = north.subIndustry;
  const base = Date.now() + 60_000;
  for (const [k, name] of NAMES.entries()) {
    const enterpriseName = `${name}${world.tag}`;
    const { rows } = await owner.query<{ id: string }>(
      `insert into "Enterprise" (id, "countyId", name, "creditCode", "updatedAt") values (gen_random_uuid(), $1, $2, $3, now()) returning id`,
      [NORTH, enterpriseName, pageCode(k)],
    );
    const enterpriseId = rows[0]!.id;
    const removed = k === 5 || k === 13;
    const { rows: pilots } = await owner.query<{ id: string }>(
      `insert into "PilotEnterprise" (id, "countyId", "batchId", "enterpriseId", "subIndustry", scale, specialised, "lastYearRevenue", status,
         "addedById", "createdAt", "updatedAt", "removedAt", "filePercentage", "fileComplete", "fileCompleteness", "fileCompletenessVersion")
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, 0, false, '{}', $12) returning id`,
      [
        NORTH,
        world.batch.id,
        enterpriseId,
        PAGE_SUB_INDUSTRIES[k % 3],
        k % 2 === 0 ? "ABOVE" : "BELOW",
        k % 4 === 1,
        // Missing for some, ties for others.
        k % 6 === 2 ? null : String(((k * 7) % 5) * 1000 + 100),
        removed ? "REMOVED" : "ACTIVE",
        world.users["county-north"].id,
        new Date(base + k * 1000),
        removed ? new Date(base + 100_000) : null,
        // Some never computed, some under the previous rules (before the roster's fields counted): all left to the backfill.
        k % 3 === 0 ? FILE_COMPLETENESS_VERSION - 1 : 0,
      ],
    );
    const file = fileOf(FILE_KINDS[k % FILE_KINDS.length]!, { enterpriseName, creditCode: pageCode(k), cityAndCounty: `${north.cityName}${north.name}` });
    for (const [key, content] of Object.entries(file) as [FileSectionKey, EnterpriseFile[FileSectionKey]][]) {
      await owner.query(
        `insert into "EnterpriseFileSection" (id, "countyId", "pilotEnterpriseId", "enterpriseId", section, content, "updatedAt")
         values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
        [NORTH, pilots[0]!.id, enterpriseId, STORED_FILE_SECTIONS[key], JSON.stringify(storedSection(key, content as never))],
      );
    }
  }
}

/** Each entry's file in a county as stored, read as the domain reads it. */
async function storedFiles(countyId: string): Promise<Map<string, EnterpriseFile>> {
  const { rows } = await owner.query<{ id: string; section: StoredFileSection | null; content: unknown; enterpriseName: string; creditCode: string }>(
    `select p.id, s.section, s.content, e.name as "enterpriseName", e."creditCode" from "PilotEnterprise" p
       join "Enterprise" e on e.id = p."enterpriseId"
       left join "EnterpriseFileSection" s on s."pilotEnterpriseId" = p.id where p."countyId" = $1`,
    [countyId],
  );
  const sections = new Map<string, { section: StoredFileSection; content: unknown }[]>();
  const roster = new Map<string, { enterpriseName: string; creditCode: string; countyId: string }>();
  for (const row of rows) {
    const list = sections.get(row.id) ?? [];
    if (row.section) list.push({ section: row.section, content: row.content });
    sections.set(row.id, list);
    roster.set(row.id, { enterpriseName: row.enterpriseName, creditCode: row.creditCode, countyId });
  }
  // With the roster's fields in section 一, as the file page shows it.
  return new Map([...sections].map(([id, stored]) => [id, fileWithRosterFields(fileFromStoredSections(stored), rosterFieldsOf(roster.get(id)!))]));
}

/** The list's stored completeness of an entry is the file page's: the entry it shows, and the file's live computation. */
async function expectListedAsOnTheFilePage(client: ApiClient, listed: Entry) {
  const page = ok(
    await client.query<{ entry: { completeness: Entry["completeness"] }; completeness: ReturnType<typeof fileCompleteness> }>("enterpriseFile.getEnterpriseFile", {
      pilotEnterpriseId: listed.id,
    }),
  );
  expect(page.entry.completeness, listed.enterprise.name).toEqual(listed.completeness);
  const live = page.completeness;
  const sections = Object.fromEntries(Object.entries(live.sections).map(([key, { complete, filled, required }]) => [key, { complete, filled, required }]));
  expect(listed.completeness, listed.enterprise.name).toEqual({ percentage: live.percentage, complete: live.complete, sections });
}

async function expectStoredCompletenessOfEveryFile(entries: readonly Entry[], countyId: string) {
  const files = await storedFiles(countyId);
  for (const entry of entries) {
    expect(entry.completeness, entry.enterprise.name).toEqual(fileCompletenessSummary(files.get(entry.id)!));
  }
}

const listRoster = (client: ApiClient, input?: Record<string, unknown>) => client.query<RosterPage>("roster.listRoster", input);
/** The whole 苏北 roster (28 entries) in its own order: one page of 100. */
const whole = async () => ok(await listRoster(as("county-north"), { pageSize: 100 })).entries;
/** Every page of a listing, one after the other. */
async function allPages(client: ApiClient, input: Record<string, unknown>, pageSize = 10): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let page = 1; ; page++) {
    const answer = ok(await listRoster(client, { ...input, page, pageSize }));
    entries.push(...answer.entries);
    if (answer.entries.length < pageSize) return entries;
  }
}

/** The order the county app computed itself before paging (roster-filters.ts then): the oracle for SQL's. */
const collator = new Intl.Collator("zh-CN", { numeric: true });
function oracleSort(entries: readonly Entry[], sort: RosterSort): Entry[] {
  const sign = sort.direction === "ascend" ? 1 : -1;
  const revenue = (entry: Entry) => (entry.lastYearRevenue === null ? null : Number(entry.lastYearRevenue));
  const compare = (a: Entry, b: Entry) => {
    switch (sort.key) {
      case "name":
        return collator.compare(a.enterprise.name, b.enterprise.name);
      case "revenue":
        return revenue(a) === null || revenue(b) === null ? 0 : revenue(a)! - revenue(b)!;
      case "completeness":
        return a.completeness.percentage - b.completeness.percentage;
    }
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (sort.key === "revenue") {
        const missing = Number(revenue(a.entry) === null) - Number(revenue(b.entry) === null);
        if (missing !== 0) return missing;
      }
      return sign * compare(a.entry, b.entry) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

function oracleFilter(entries: readonly Entry[], filter: RosterFilter): Entry[] {
  return entries.filter(
    (entry) =>
      (!filter.subIndustries?.length || filter.subIndustries.includes(entry.subIndustry)) &&
      (filter.scale === undefined || entry.scale === filter.scale) &&
      (filter.specialised === undefined || entry.specialised === filter.specialised) &&
      (filter.complete === undefined || entry.completeness.complete === filter.complete) &&
      (filter.status === undefined || entry.status === filter.status),
  );
}

const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);

describe("stored completeness", () => {
  it("is computed by the backfill (beforeAll) for entries without it, through the domain, and is then the file's completeness", async () => {
    expect(uncomputed).toBe(NAMES.length);
    expect(backfilled.updated).toBeGreaterThanOrEqual(NAMES.length);
    expect(backfilled.batches).toBeGreaterThanOrEqual(4);
    // Nothing left to do: a second run changes nothing.
    expect(backfilledAgain).toEqual({ updated: 0, batches: 0 });
    const { rows } = await owner.query<{ version: number }>(`select distinct "fileCompletenessVersion" as version from "PilotEnterprise" where "countyId" = $1`, [NORTH]);
    expect(rows).toEqual([{ version: FILE_COMPLETENESS_VERSION }]);

    const entries = await whole();
    expect(entries).toHaveLength(28);
    await expectStoredCompletenessOfEveryFile(entries, NORTH);
    const complete = entries.filter((entry) => entry.completeness.complete);
    expect(complete.length).toBeGreaterThan(0);
    expect(complete.every((entry) => entry.completeness.percentage === 100)).toBe(true);
    expect(new Set(entries.map((entry) => entry.completeness.percentage)).size).toBeGreaterThanOrEqual(4);
  });

  it("is stored with every save of a section, by the enterprise, its provider and the county, and matches the file", async () => {
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    const full = completeEnterpriseFile({ enterpriseName: world.enterprises.south[0]!.name, creditCode: world.enterprises.south[0]!.creditCode, cityAndCounty: "" });
    const save = (account: WorldAccount, section: FileSectionKey, content: unknown, baseRevision = 0) =>
      as(account).mutation<{ ok: boolean; revision: number }>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section, baseRevision, content });
    const stored = async () => ok(await listRoster(as("county-south"), { filter: { subIndustries: [world.counties.south.subIndustry] }, pageSize: 100 })).entries.find((entry) => entry.id === pilotEnterpriseId)!;

    // Before any save: the roster's fields of section 一 only, as on the file page.
    expect((await stored()).completeness.sections.basic).toMatchObject({ filled: 3, complete: false });
    await expectListedAsOnTheFilePage(as("county-south"), await stored());
    expect(ok(await save("ent-south-1", "basic", full.basic)).ok).toBe(true);
    const afterBasic = await stored();
    expect(afterBasic.completeness.sections.basic).toEqual({ complete: true, filled: 16, required: 16 });
    await expectStoredCompletenessOfEveryFile([afterBasic], SOUTH);

    expect(ok(await save("provider-1", "needs", { ...full.needs, EQUIPMENT_DATA: [{ ...full.needs.EQUIPMENT_DATA[0]!, author: "PROVIDER" }] })).ok).toBe(true);
    ok(await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-11-01" }));
    expect(ok(await save("county-south", "evaluation", full.evaluation)).ok).toBe(true);
    const afterThree = await stored();
    expect(afterThree.completeness).toMatchObject({ complete: false });
    expect(afterThree.completeness.sections.needs).toEqual({ complete: true, filled: 1, required: 1 });
    expect(afterThree.completeness.sections.evaluation).toEqual({ complete: true, filled: 1, required: 1 });
    await expectStoredCompletenessOfEveryFile([afterThree], SOUTH);

    // The last section makes the file complete; the memo says so, and the file's own view agrees.
    expect(ok(await save("provider-1", "results", { ...full.results, providerEvaluations: [] })).ok).toBe(true);
    expect(ok(await save("ent-south-1", "results", full.results, 1)).ok).toBe(true);
    const done = await stored();
    expect(done.completeness).toMatchObject({ percentage: 100, complete: true });
    const view = ok(await as("county-south").query<{ completeness: { percentage: number; complete: boolean } }>("enterpriseFile.getEnterpriseFile", { pilotEnterpriseId }));
    expect(view.completeness).toMatchObject({ percentage: 100, complete: true });
    expect(fileCompleteness((await storedFiles(SOUTH)).get(pilotEnterpriseId)!).complete).toBe(true);
  });

  it("sums both of two sections saved at once by different writers (the entry is locked for the save)", async () => {
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    const full = completeEnterpriseFile({ enterpriseName: world.enterprises.south[0]!.name, creditCode: world.enterprises.south[0]!.creditCode, cityAndCounty: "" });
    for (let run = 0; run < 8; run++) {
      await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1 and section in ('BASIC', 'NEEDS')`, [pilotEnterpriseId]);
      const answers = await Promise.all([
        as("ent-south-1").mutation<{ ok: boolean }>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "basic", baseRevision: 0, content: full.basic }),
        as("provider-1").mutation<{ ok: boolean }>("enterpriseFile.saveEnterpriseFileSection", {
          pilotEnterpriseId,
          section: "needs",
          baseRevision: 0,
          content: { ...full.needs, EQUIPMENT_DATA: [{ ...full.needs.EQUIPMENT_DATA[0]!, author: "PROVIDER" }] },
        }),
      ]);
      expect(answers.map((answer) => answer.data?.ok), `run ${run}`).toEqual([true, true]);
      const entry = ok(await listRoster(as("county-south"))).entries.find((candidate) => candidate.id === pilotEnterpriseId)!;
      expect(entry.completeness.sections.basic, `run ${run}`).toMatchObject({ complete: true });
      expect(entry.completeness.sections.needs, `run ${run}`).toMatchObject({ complete: true });
      await expectStoredCompletenessOfEveryFile([entry], SOUTH);
    }
  }, 60_000);
});

describe("the roster's pages", () => {
  it("answers the first page of 20 by default, with the total, and pages beyond the end empty", async () => {
    const all = await whole();
    expect(ok(await listRoster(as("county-north")))).toMatchObject({ total: 28, page: 1, pageSize: 20 });
    const first = ok(await listRoster(as("county-north"), { page: 1 }));
    expect(first).toMatchObject({ total: 28, page: 1, pageSize: 20 });
    expect(ids(first.entries)).toEqual(ids(all.slice(0, 20)));
    const second = ok(await listRoster(as("county-north"), { page: 2 }));
    expect(ids(second.entries)).toEqual(ids(all.slice(20)));
    expect(second.total).toBe(28);
    const beyond = ok(await listRoster(as("county-north"), { page: 4, pageSize: 10 }));
    expect(beyond).toMatchObject({ entries: [], total: 28, page: 4, pageSize: 10 });
    expect(ok(await listRoster(as("county-north"), { page: 9_999, pageSize: 100 }))).toMatchObject({ entries: [], total: 28 });
    // Each size the table offers; the pages together are the roster, each entry once.
    for (const pageSize of [10, 20, 50, 100]) expect(ids(await allPages(as("county-north"), {}, pageSize)), String(pageSize)).toEqual(ids(all));
  });

  it("pages an overseer's call naming only the county like any other: the first 20 of the roster, in its own order", async () => {
    const answer = ok(await listRoster(as("province"), { countyId: NORTH }));
    expect(answer).toMatchObject({ total: 28, page: 1, pageSize: 20 });
    expect(ids(answer.entries)).toEqual(ids((await whole()).slice(0, 20)));
  });

  it("filters by every filter, alone and together, with totals over the whole roster", async () => {
    const all = await whole();
    const filters: RosterFilter[] = [
      { subIndustries: [PAGE_SUB_INDUSTRIES[1]!] },
      { subIndustries: [PAGE_SUB_INDUSTRIES[1]!, PAGE_SUB_INDUSTRIES[2]!] },
      { subIndustries: [] },
      { subIndustries: ["不存在的行业"] },
      { scale: "ABOVE" },
      { scale: "BELOW" },
      { specialised: true },
      { specialised: false },
      { complete: true },
      { complete: false },
      { status: "ACTIVE" },
      { status: "REMOVED" },
      { subIndustries: [PAGE_SUB_INDUSTRIES[0]!], scale: "ABOVE", complete: false, status: "ACTIVE" },
    ];
    for (const filter of filters) {
      const expected = oracleFilter(all, filter);
      const first = ok(await listRoster(as("county-north"), { filter, pageSize: 10 }));
      expect(first.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(await allPages(as("county-north"), { filter })), JSON.stringify(filter)).toEqual(ids(expected));
    }
    // The filters select something each way (the data is varied enough to tell).
    expect(oracleFilter(all, { complete: true }).length).toBeGreaterThan(0);
    expect(oracleFilter(all, { status: "REMOVED" })).toHaveLength(2);
    expect(oracleFilter(all, { subIndustries: [PAGE_SUB_INDUSTRIES[1]!] }).length).toBeGreaterThan(0);
  });

  it("sorts by name (pinyin, numbers by value), revenue (missing last either way) and completeness, both directions, ties in roster order", async () => {
    const all = await whole();
    expect(all.filter((entry) => entry.lastYearRevenue === null).length).toBeGreaterThan(1);
    for (const key of ["name", "revenue", "completeness"] as const) {
      for (const direction of ["ascend", "descend"] as const) {
        const sort = { key, direction };
        const expected = oracleSort(all, sort);
        expect(ids(await allPages(as("county-north"), { sort }, 10)).map((id) => all.find((entry) => entry.id === id)!.enterprise.name), `${key} ${direction}`).toEqual(
          expected.map((entry) => entry.enterprise.name),
        );
        expect(ids(await allPages(as("county-north"), { sort }, 10)), `${key} ${direction}`).toEqual(ids(expected));
      }
    }
    const byName = ok(await listRoster(as("county-north"), { sort: { key: "name", direction: "ascend" }, pageSize: 100 })).entries.map((entry) => entry.enterprise.name);
    const position = (name: string) => byName.indexOf(`${name}${world.tag}`);
    expect(position("企业2号")).toBeLessThan(position("企业10号"));
    expect(position("阿里机械")).toBeLessThan(position("北京精密"));
    expect(position("重庆精工")).toBeLessThan(position("中华制造"));
    expect(position("Zeta科技")).toBeGreaterThan(position("联想电子"));
    const byRevenue = ok(await listRoster(as("county-north"), { sort: { key: "revenue", direction: "descend" }, pageSize: 100 })).entries;
    expect(byRevenue.at(-1)!.lastYearRevenue).toBeNull();
    expect(byRevenue[0]!.lastYearRevenue).toBe("12000");
  });

  it("filters, sorts and pages together", async () => {
    const all = await whole();
    const filter: RosterFilter = { status: "ACTIVE", scale: "BELOW" };
    const sort: RosterSort = { key: "revenue", direction: "ascend" };
    const expected = oracleSort(oracleFilter(all, filter), sort);
    const second = ok(await listRoster(as("county-north"), { filter, sort, page: 2, pageSize: 10 }));
    expect(second.total).toBe(expected.length);
    expect(ids(second.entries)).toEqual(ids(expected.slice(10, 20)));
  });

  it("counts every entry on the roster by category and names the sub-industries in use, whatever the page or filter", async () => {
    const all = await whole();
    const active = all.filter((entry) => entry.status === "ACTIVE");
    const expected = {
      aboveScale: active.filter((entry) => entry.scale === "ABOVE").length,
      belowScale: active.filter((entry) => entry.scale === "BELOW").length,
      specialised: active.filter((entry) => entry.specialised).length,
      total: active.length,
    };
    for (const input of [{}, { page: 3, pageSize: 10 }, { filter: { status: "REMOVED" } }, { filter: { subIndustries: ["不存在的行业"] } }]) {
      const answer = ok(await listRoster(as("county-north"), input));
      expect(answer.counts, JSON.stringify(input)).toEqual(expected);
      expect(answer.subIndustriesInUse, JSON.stringify(input)).toEqual([...new Set(all.map((entry) => entry.subIndustry))]);
    }
    expect(expected.total).toBe(26);
  });

  it("refuses inputs out of bounds, naming the field in the reader's language", async () => {
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ filter: { subIndustries: Array.from({ length: 51 }, (_, index) => `行业${index}`) } }, "filter.subIndustries", "所属细分行业：不能超过 50 项"],
      [{ filter: { subIndustries: ["长".repeat(300)] } }, "filter.subIndustries.0", "所属细分行业"],
      [{ pageSize: 15 }, "pageSize", "每页条数：取值不在允许范围内"],
      [{ pageSize: 1000 }, "pageSize", "每页条数"],
      [{ page: 0 }, "page", "页码：不能小于 1"],
      [{ page: 1.5 }, "page", "页码"],
      [{ sort: { key: "creditCode", direction: "ascend" } }, "sort.key", "排序依据"],
      [{ sort: { key: "name", direction: "up" } }, "sort.direction", "排序方向"],
      [{ filter: { subIndustry: "高端装备—数控机床" } }, "filter", "包含无法识别的字段"],
      [{ filter: { status: "DELETED" } }, "filter.status", "名单状态"],
    ];
    for (const [input, field, message] of refusals) {
      const answer = await listRoster(as("county-north"), input);
      expect(answer.status, JSON.stringify(input)).toBe(400);
      expect(answer.error?.data.field, JSON.stringify(input)).toBe(field);
      expect(answer.error?.message, JSON.stringify(input)).toContain(message);
    }
    const english = await api.client({ locale: "en" }).login(world.users["county-north"].username);
    const answer = await listRoster(english, { pageSize: 15 });
    expect(answer.error?.data.field).toBe("pageSize");
    expect(answer.error?.message).toContain("Page size");
  });
});

describe("who sees which entries of a page", () => {
  it("refuses another county's team, cities outside its scope, a reviewer not assigned to it and a provider not serving it", async () => {
    for (const account of ["county-central", "city-south", "city-central", "reviewer", "provider-1"] as const) {
      for (const input of [{ countyId: NORTH }, { countyId: NORTH, page: 1, pageSize: 100 }, { countyId: NORTH, filter: { status: "ACTIVE" }, sort: { key: "name", direction: "ascend" } }]) {
        const answer = await listRoster(as(account), input);
        expect([403, 404], `${account} ${JSON.stringify(input)}`).toContain(answer.status);
        expect(JSON.stringify(answer)).not.toContain(world.counties.north.name.slice(0, -1));
        expect(JSON.stringify(answer)).not.toContain("MA00008");
      }
    }
    expect(ok(await listRoster(as("province"), { countyId: NORTH, page: 1, pageSize: 10 })).total).toBe(28);
    expect(ok(await listRoster(as("province"), { countyId: NORTH, page: 3, pageSize: 10 })).entries).toHaveLength(8);
  });

  it("shows a linked provider only its own enterprises — in pages, totals, counts and sub-industries — and an enterprise only its row", async () => {
    const linked = world.enterprises.north[0]!;
    for (const input of [{ countyId: NORTH }, { countyId: NORTH, page: 1, pageSize: 100 }, { countyId: NORTH, sort: { key: "completeness", direction: "descend" }, filter: { status: "ACTIVE" } }]) {
      const answer = ok(await listRoster(as("provider-3"), input));
      expect(answer.entries.map((entry) => entry.id), JSON.stringify(input)).toEqual([linked.pilotEnterpriseId]);
      expect(answer.total).toBe(1);
      expect(answer.counts.total).toBe(1);
      expect(answer.subIndustriesInUse).toEqual([world.counties.north.subIndustry]);
    }
    expect(ok(await listRoster(as("provider-3"), { countyId: NORTH, page: 2, pageSize: 10 }))).toMatchObject({ entries: [], total: 1 });
    expect(ok(await listRoster(as("provider-3"), { countyId: NORTH, filter: { subIndustries: [PAGE_SUB_INDUSTRIES[1]!] } }))).toMatchObject({ entries: [], total: 0 });

    const own = world.enterprises.south[0]!;
    const page = ok(await listRoster(as("ent-south-1"), { page: 1, pageSize: 100 }));
    expect(page.entries.map((entry) => entry.id)).toEqual([own.pilotEnterpriseId]);
    expect(page).toMatchObject({ total: 1, counts: { total: 1 } });
    expect(ok(await listRoster(as("ent-south-1"), { countyId: SOUTH, filter: { status: "ACTIVE" }, page: 1 })).total).toBe(1);
    expect([403, 404]).toContain((await listRoster(as("ent-south-1"), { countyId: NORTH, page: 1 })).status);
  });
});

describe("the roster export", () => {
  it("applies the list's filter the same way: the file lists exactly the entries the list pages through", async () => {
    const filter: RosterFilter = { subIndustries: [PAGE_SUB_INDUSTRIES[1]!, PAGE_SUB_INDUSTRIES[2]!], scale: "ABOVE" };
    const listed = await allPages(as("county-north"), { filter });
    expect(listed.length).toBeGreaterThan(0);

    const worker = await startWorkerInProcess(api);
    try {
      const requested = ok(await as("county-north").mutation<{ id: string; parameters: unknown }>("roster.requestRosterExport", filter));
      expect(requested.parameters).toMatchObject({ filter });
      const deadline = Date.now() + 30_000;
      for (;;) {
        const status = ok(await as("county-north").query<{ status: string }>("documents.getExport", { exportId: requested.id })).status;
        if (status === "SUCCEEDED") break;
        expect(status).not.toBe("FAILED");
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const file = await as("county-north").fetch(`/files/exports/${requested.id}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
      const codes: string[] = [];
      workbook.getWorksheet(ROSTER_SHEET_NAME)!.eachRow((row, number) => void (number > 2 && codes.push(String(row.getCell(3).value))));
      expect(codes).toEqual(listed.map((entry) => entry.enterprise.creditCode));
    } finally {
      await worker.close();
    }
  });

  it("refuses the export's filter out of bounds as the list does", async () => {
    const tooMany = await as("county-north").mutation("roster.requestRosterExport", { subIndustries: Array.from({ length: 51 }, (_, index) => `行业${index}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error?.data.field).toBe("subIndustries");
    expect((await as("county-north").mutation("roster.requestRosterExport", { subIndustry: "高端装备—数控机床" })).status).toBe(400);
  });
});
