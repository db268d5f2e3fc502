/**
 * The roster 试点企业改造名单 through the API against the real database: one by one and by XLSX import (all or
 * nothing, errors per row and column), duplicates and other counties' enterprises refused, frozen once the plan is
 * approved; who sees which entries.
 */
import { makeCreditCode, type RosterEntryInput } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROSTER_SHEET_NAME } from "./roster-document";
import type { PlanView } from "../plan/plan-view";
import type { RosterEntryView } from "./roster-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../../testing/plan-fixtures";

const JIANGYIN = "320281";
const SUB_INDUSTRY = "高端装备—精密机械零部件";
/** Codes this file enrols (serials 700–799 in 江阴市's division), removed again afterwards. */
const code = (serial: number) => makeCreditCode(`91${JIANGYIN}MA${String(700 + serial).padStart(7, "0")}`);

type Roster = {
  entries: RosterEntryView[];
  frozen: boolean;
  subIndustries: string[];
  counts: { aboveScale: number; belowScale: number; specialised: number; total: number };
  targets: { total: { plannedTotal: { target: number; enrolled: number } } } | null;
};
type ImportAnswer = { imported: number; errors: { rowNumber: number | null; column: string | null; columnLabel: string | null; message: string }[] };

let api: RunningApi;
let owner: pg.Client;
const clients: Record<string, ApiClient> = {};
const as = (username: string) => clients[username]!;

async function cleanUp() {
  await deletePlansOf([JIANGYIN]);
  await owner.query(`delete from "RosterChangeRequest" where "countyId" = $1`, [JIANGYIN]);
  await owner.query(`update "PilotEnterprise" set status = 'ACTIVE', "removedAt" = null where "countyId" = $1`, [JIANGYIN]);
  const accounts = Array.from({ length: 100 }, (_, serial) => code(serial));
  await owner.query(`delete from "Membership" where "userId" in (select id from "User" where username = any($1))`, [accounts]);
  await owner.query(`delete from "User" where username = any($1)`, [accounts]);
  await deleteEnterprisesByCreditCode(Array.from({ length: 100 }, (_, serial) => code(serial)));
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  await cleanUp();
  api = await startApi();
  for (const username of ["province", "city-wuxi", "city-nantong", "county-jiangyin", "county-haian", "ent-jiangyin-1", "provider-1", "provider-3"]) {
    clients[username] = await api.client().login(username);
  }
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

const roster = (client: ApiClient, countyId?: string) => client.query<Roster>("roster.listRoster", countyId ? { countyId } : undefined);
const entry = (serial: number, overrides: Partial<RosterEntryInput> = {}): RosterEntryInput => ({
  name: `江阴测试企业${serial}有限公司`,
  creditCode: code(serial),
  subIndustry: SUB_INDUSTRY,
  scale: "ABOVE",
  specialised: false,
  lastYearRevenue: "1234.5",
  ...overrides,
});
const add = (client: ApiClient, value: RosterEntryInput) => client.mutation<RosterEntryView>("roster.addRosterEntry", { entry: value });

/** The county's import template, downloaded as the county, with `rows` written under its examples. */
async function filledTemplate(rows: (string | number)[][]): Promise<string> {
  const download = await as("county-jiangyin").fetch("/files/roster-import-template");
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
    const seeded = ok(await roster(as("county-jiangyin")));
    expect(seeded.entries).toHaveLength(5);
    expect(seeded.frozen).toBe(false);
    expect(seeded.counts).toEqual({ aboveScale: 3, belowScale: 2, specialised: 1, total: 5 });
    expect(seeded.entries[0]!.completeness).toMatchObject({ percentage: 0, complete: false });
    // No plan yet: no sub-industries to enrol under.
    const refused = await add(as("county-jiangyin"), entry(1));
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toContain("尚未填写细分行业");
  });

  it("adds an enterprise under a sub-industry of the plan, and refuses duplicates, unknown sub-industries and other counties' enterprises", async () => {
    const plan = ok(await as("county-jiangyin").mutation<PlanView>("plan.createPlan"));
    ok(await as("county-jiangyin").mutation("plan.savePlan", { planId: plan.id, baseRevision: plan.version.revision, content: completePlanContent("江阴市") }));

    const added = ok(await add(as("county-jiangyin"), entry(1, { specialised: true })));
    expect(added).toMatchObject({ subIndustry: SUB_INDUSTRY, scale: "ABOVE", specialised: true, lastYearRevenue: "1234.5", status: "ACTIVE" });
    expect(added.enterprise).toMatchObject({ name: "江阴测试企业1有限公司", creditCode: code(1) });

    const again = await add(as("county-jiangyin"), entry(1, { name: "另一个名字" }));
    expect(again.status).toBe(409);
    expect(again.error?.data.field).toBe("entry.creditCode");

    const unknown = await add(as("county-jiangyin"), entry(2, { subIndustry: "高端装备—不存在的行业" }));
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain(SUB_INDUSTRY);

    const { rows } = await owner.query(`select "creditCode" from "Enterprise" where "countyId" = '320685' limit 1`);
    const haianCode = rows[0].creditCode as string;
    const elsewhere = await add(as("county-jiangyin"), entry(3, { creditCode: haianCode }));
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.error?.message).toContain("其他县");
    expect(JSON.stringify(elsewhere.error)).not.toContain("海安");

    const badCode = await add(as("county-jiangyin"), entry(4, { creditCode: "91320281MA0000070X" }));
    expect(badCode.status).toBe(400);
    expect(badCode.error?.data.field).toBe("entry.creditCode");

    // Before the plan is approved the roster is edited directly: no change requests.
    const early = await as("county-jiangyin").mutation("roster.requestRosterChange", { kind: "ADD", reason: "补充", addition: entry(30) });
    expect(early.status).toBe(409);

    const after = ok(await roster(as("county-jiangyin")));
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
    const answer = ok(await as("county-jiangyin").mutation<ImportAnswer>("roster.importRoster", { file }));
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
    expect(ok(await roster(as("county-jiangyin"))).entries).toHaveLength(6);
  });

  it("imports a clean file whole", async () => {
    const file = await filledTemplate([
      [1, "江阴导入企业甲有限公司", code(10), SUB_INDUSTRY, "规上", "是", 800],
      [2, "江阴导入企业乙有限公司", code(11), SUB_INDUSTRY, "规下", "否", "1,300.25"],
      [3, "江阴导入企业丙有限公司", code(12), SUB_INDUSTRY, "规模以下", "N", 0],
    ]);
    expect(ok(await as("county-jiangyin").mutation<ImportAnswer>("roster.importRoster", { file }))).toEqual({ imported: 3, errors: [], errorCount: 0 });
    const after = ok(await roster(as("county-jiangyin")));
    expect(after.entries).toHaveLength(9);
    expect(after.entries.find((row) => row.enterprise.creditCode === code(11))?.lastYearRevenue).toBe("1300.25");
  });

  it("refuses a file that is not the template, naming the file", async () => {
    const result = await as("county-jiangyin").mutation("roster.importRoster", { file: Buffer.from("not a workbook").toString("base64") });
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe("file");
  });

  it("shows each reader only what is theirs: overseers the county, an enterprise its entry, a provider its linked enterprises", async () => {
    expect(ok(await roster(as("city-wuxi"), JIANGYIN)).entries).toHaveLength(9);
    expect(ok(await roster(as("province"), JIANGYIN)).entries).toHaveLength(9);
    const own = ok(await roster(as("ent-jiangyin-1")));
    expect(own.entries.map((row) => row.enterprise.name)).toEqual(["江阴澄江精密机械有限公司"]);
    expect(ok(await roster(as("provider-1"), JIANGYIN)).entries.map((row) => row.enterprise.name)).toEqual(["江阴澄江精密机械有限公司"]);
    // provider-3 does not serve 江阴市 at all.
    expect([403, 404]).toContain((await roster(as("provider-3"), JIANGYIN)).status);
    expect([403, 404]).toContain((await roster(as("county-haian"), JIANGYIN)).status);
    expect([403, 404]).toContain((await roster(as("city-wuxi"), "320685")).status);
    // Only a county team downloads its template.
    expect((await as("province").fetch("/files/roster-import-template")).status).toBe(403);
  });

  it("freezes the roster once the plan is approved", async () => {
    const plan = ok(await as("county-jiangyin").query<{ plan: PlanView }>("plan.getCurrentPlan")).plan;
    ok(await as("county-jiangyin").mutation("plan.submitPlan", { planId: plan.id, revision: plan.version.revision }));
    ok(await as("city-wuxi").mutation("plan.reviewPlan", { planId: plan.id, versionNumber: 1, decision: "RECOMMEND", comments: [] }));
    ok(await as("province").mutation("plan.reviewPlan", { planId: plan.id, versionNumber: 1, decision: "APPROVE", comments: [] }));

    expect(ok(await roster(as("county-jiangyin"))).frozen).toBe(true);
    const refused = await add(as("county-jiangyin"), entry(20));
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain("名单调整申请");
    const file = await filledTemplate([[1, "江阴导入企业戊有限公司", code(21), SUB_INDUSTRY, "规上", "否", 10]]);
    expect((await as("county-jiangyin").mutation("roster.importRoster", { file })).status).toBe(409);
  });

  it("changes the frozen roster only by a request its city approves, keeping the history", async () => {
    type Change = { id: string; kind: string; status: string; decisionComment: string | null; requestedBy: { displayName: string } };
    const seededOther = ok(await roster(as("county-jiangyin"))).entries.find((row) => row.enterprise.name !== "江阴澄江精密机械有限公司")!;
    const requestChange = (input: unknown) => as("county-jiangyin").mutation<Change>("roster.requestRosterChange", input);
    const addition = ok(await requestChange({ kind: "ADD", reason: "新增链主企业配套企业", addition: entry(40) }));
    const removal = ok(await requestChange({ kind: "REMOVE", reason: "企业迁出本县", removedPilotId: seededOther.id }));
    expect((await requestChange({ kind: "ADD", reason: "缺少企业" })).error?.data.field).toBe("addition");
    // Another county's enterprise is refused at request time, as direct enrolment refuses it, naming no county.
    const haianCode = (await owner.query(`select "creditCode" from "Enterprise" where "countyId" = '320685' limit 1`)).rows[0].creditCode as string;
    for (const input of [
      { kind: "ADD", reason: "新增", addition: entry(41, { creditCode: haianCode }) },
      { kind: "REPLACE", reason: "替换", addition: entry(42, { creditCode: haianCode }), removedPilotId: seededOther.id },
    ]) {
      const elsewhere = await requestChange(input);
      expect(elsewhere.status, input.kind).toBe(409);
      expect(elsewhere.error?.message).toBe(`企业信用代码 ${haianCode} 的企业登记在其他县（市、区），不能列入本县名单`);
      expect(elsewhere.error?.data.field).toBe("addition.creditCode");
      expect(JSON.stringify(elsewhere.error)).not.toContain("海安");
    }

    // Only the county's own city decides; the province and the county itself read the history.
    for (const username of ["province", "county-jiangyin"]) {
      expect((await as(username).mutation("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE" })).status, username).toBe(403);
    }
    expect((await as("county-haian").mutation("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE" })).status).toBe(404);
    const noReason = await as("city-wuxi").mutation("roster.decideRosterChange", { requestId: removal.id, decision: "REFUSE" });
    expect(noReason.status).toBe(400);
    expect(noReason.error?.data.field).toBe("comment");

    expect(ok(await as("city-wuxi").mutation<Change>("roster.decideRosterChange", { requestId: addition.id, decision: "APPROVE", comment: "同意备案" })).status).toBe("APPROVED");
    expect(ok(await as("city-wuxi").mutation<Change>("roster.decideRosterChange", { requestId: removal.id, decision: "APPROVE" })).status).toBe("APPROVED");
    expect((await as("city-wuxi").mutation("roster.decideRosterChange", { requestId: removal.id, decision: "REFUSE", comment: "x" })).status).toBe(409);

    const now = ok(await roster(as("county-jiangyin")));
    expect(now.entries.find((row) => row.enterprise.creditCode === code(40))?.status).toBe("ACTIVE");
    expect(now.entries.find((row) => row.id === seededOther.id)?.status).toBe("REMOVED");
    const history = ok(await as("province").query<Change[]>("roster.listRosterChanges", { countyId: JIANGYIN }));
    expect(history.map((change) => [change.kind, change.status, change.requestedBy.displayName])).toEqual([
      ["REMOVE", "APPROVED", "江阴市工信局"],
      ["ADD", "APPROVED", "江阴市工信局"],
    ]);
    for (const username of ["city-nantong", "county-haian", "ent-jiangyin-1", "provider-1"]) {
      expect([403, 404], username).toContain((await as(username).query("roster.listRosterChanges", { countyId: JIANGYIN })).status);
    }
  });

  it("opens an account for an enterprise on the roster, whose initial password is shown once and works", async () => {
    const added = ok(await roster(as("county-jiangyin"))).entries.find((row) => row.enterprise.creditCode === code(40))!;
    const opened = ok(await as("county-jiangyin").mutation<{ username: string; initialPassword: string }>("roster.createEnterpriseAccount", { pilotId: added.id }));
    expect(opened.username).toBe(code(40));
    expect(opened.initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{12}$/);
    const enterprise = await api.client().login(opened.username, opened.initialPassword);
    // First the initial password is replaced (see first-sign-in.int.test.ts).
    ok(await enterprise.mutation("auth.changePassword", { currentPassword: opened.initialPassword, newPassword: "Chengjiang-Gear-2026" }));
    expect(ok(await roster(enterprise)).entries.map((row) => row.id)).toEqual([added.id]);
    expect((await as("county-jiangyin").mutation("roster.createEnterpriseAccount", { pilotId: added.id })).status).toBe(409);
    expect((await as("city-wuxi").mutation("roster.createEnterpriseAccount", { pilotId: added.id })).status).toBe(403);
    expect([403, 404]).toContain((await as("county-haian").mutation("roster.createEnterpriseAccount", { pilotId: added.id })).status);
  });
});
