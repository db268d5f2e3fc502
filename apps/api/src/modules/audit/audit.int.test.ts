/**
 * 审计记录 through the real API, PostgreSQL and Redis: every mutation by every role leaves exactly one record naming
 * who, in which role and organisation, which procedure, which record and which fields changed; a refused or
 * rolled-back mutation leaves no success record; no password or session token ever reaches the table; each scope
 * reads only the records of its own counties.
 */
import { emptyEnterpriseFile, makeCreditCode, PLAN_FIELD_LABELS, type AuditEntry } from "@dtpilot/domain";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ListAuditRecordsOutput } from "./list-audit-records.types";
import { ROSTER_SHEET_NAME } from "../roster/roster-document";
import { type ApiClient, type CallResult, DEMO_PASSWORD, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../../testing/plan-fixtures";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

const CLOUD_PATH = "dataTable.clusters.0.subIndustries.0.targets.plannedCloud";
const NEW_PASSWORD = "Audit2026check";
const WRONG_PASSWORD = "NotThePassword42";

/** A record as stored: the fields every append writes. */
type AuditRow = AuditEntry;

let api: RunningApi;
let owner: pg.Client;
let world: PilotWorld;
/** The world's counties: 苏南 (whose plan and file this file follows), 苏中, 苏北. */
let SOUTH: string;
let CENTRAL: string;
let NORTH: string;
/** An enterprise the county asks to add once its roster is frozen, registered meanwhile in the 苏中 county. */
let LATE_CODE: string;
let pilotEnterpriseId: string;
let planId: string;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;
const usernameOf = (account: WorldAccount) => world.users[account].username;

/** The records one request left (by its x-request-id, or the request id in its error). */
async function recordsOf(result: CallResult): Promise<AuditRow[]> {
  const requestId = result.headers.get("x-request-id") ?? result.error?.data.requestId;
  expect(requestId).toBeTruthy();
  return (await owner.query(`select * from "AuditRecord" where "requestId" = $1 order by at`, [requestId])).rows as AuditRow[];
}

/** The one record a request left. */
async function onlyRecordOf(result: CallResult): Promise<AuditRow> {
  const records = await recordsOf(result);
  expect(records).toHaveLength(1);
  return records[0]!;
}

async function cleanUp() {
  await deletePlansOf([SOUTH]);
  await owner.query(`delete from "RosterChangeRequest" where "countyId" = $1`, [SOUTH]);
  await deleteEnterprisesByCreditCode([LATE_CODE]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  ({ south: { code: SOUTH }, central: { code: CENTRAL }, north: { code: NORTH } } = world.counties);
  LATE_CODE = makeCreditCode(`91${SOUTH}MA0000990`);
  await cleanUp();
  pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
  api = await startApi();
  for (const account of ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "provider-1"] as const) {
    clients[account] = await api.client().login(usernameOf(account));
  }
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

describe("an audit record for every mutation", () => {
  it("records a county's plan save with who, role, organisation, target and each changed field before → after", async () => {
    const created = await as("county-south").mutation<{ id: string; version: { revision: number } }>("plan.createPlan");
    planId = ok(created).id;
    expect(await onlyRecordOf(created)).toMatchObject({
      actorId: world.users["county-south"].id,
      username: usernameOf("county-south"),
      role: "COUNTY_ADMIN",
      orgKind: "county",
      orgId: SOUTH,
      countyId: SOUTH,
      procedure: "plan.createPlan",
      targetType: "ImplementationPlan",
      targetId: planId,
      changes: [{ field: "state", before: null, after: "DRAFT" }],
      outcome: "SUCCESS",
      clientAddress: "127.0.0.1",
    });

    const content = completePlanContent(world.counties.south.name);
    const saved = await as("county-south").mutation<{ revision: number; changedPaths: string[] }>("plan.savePlan", {
      planId,
      baseRevision: ok(created).version.revision,
      content,
    });
    const { changedPaths, revision } = ok(saved);
    const record = await onlyRecordOf(saved);
    expect(record).toMatchObject({ procedure: "plan.savePlan", targetType: "ImplementationPlan", targetId: planId, countyId: SOUTH, outcome: "SUCCESS" });
    expect(record.input).toMatchObject({ planId, baseRevision: 1, content: "{…}", versionNumber: 1, revision });
    expect(record.changes.map((change) => change.field)).toEqual(changedPaths);
    expect(record.changes.find((change) => change.field === CLOUD_PATH)).toEqual({
      field: CLOUD_PATH,
      label: `高端装备—精密机械零部件 · ${PLAN_FIELD_LABELS.plannedCloud}`,
      before: "0",
      after: String(content.dataTable.clusters[0]!.subIndustries[0]!.targets.plannedCloud),
    });

    const again = await as("county-south").mutation("plan.savePlan", {
      planId,
      baseRevision: revision,
      content: completePlanContent(world.counties.south.name, { plannedCloud: 75 }),
    });
    expect((await onlyRecordOf(again)).changes).toEqual([
      { field: CLOUD_PATH, label: `高端装备—精密机械零部件 · ${PLAN_FIELD_LABELS.plannedCloud}`, before: String(content.dataTable.clusters[0]!.subIndustries[0]!.targets.plannedCloud), after: "75" },
    ]);
  });

  it("records an enterprise's and a provider's file saves under the enterprise's county", async () => {
    const basic = { ...emptyEnterpriseFile().basic, registeredAddress: "江阴市澄江街道1号" };
    const byEnterprise = await as("ent-south-1").mutation("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "basic", baseRevision: 0, content: basic });
    ok(byEnterprise);
    const enterpriseRecord = await onlyRecordOf(byEnterprise);
    expect(enterpriseRecord).toMatchObject({
      username: usernameOf("ent-south-1"),
      role: "ENTERPRISE_USER",
      orgKind: "enterprise",
      orgId: world.enterprises.south[0]!.id,
      countyId: SOUTH,
      procedure: "enterpriseFile.saveEnterpriseFileSection",
      targetType: "PilotEnterprise",
      targetId: pilotEnterpriseId,
      outcome: "SUCCESS",
    });
    expect(enterpriseRecord.changes).toContainEqual({ field: "basic.registeredAddress", before: null, after: "江阴市澄江街道1号" });

    const byProvider = await as("provider-1").mutation("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "needs", baseRevision: 0, content: emptyEnterpriseFile().needs });
    ok(byProvider);
    expect(await onlyRecordOf(byProvider)).toMatchObject({
      username: usernameOf("provider-1"),
      role: "PROVIDER_USER",
      orgKind: "provider",
      orgId: world.providers.provider1.id,
      countyId: SOUTH,
      targetId: pilotEnterpriseId,
      outcome: "SUCCESS",
    });
  });

  it("records the city's and the province's decisions on the county's plan under that county", async () => {
    const submitted = await as("county-south").mutation("plan.submitPlan", { planId, revision: 3 });
    ok(submitted);
    expect((await onlyRecordOf(submitted)).changes).toEqual([{ field: "state", before: "DRAFT", after: "SUBMITTED" }]);

    // A reviewer may not decide: the refusal is recorded, with no change.
    const refused = await as("reviewer").mutation("plan.reviewPlan", { planId, versionNumber: 1, decision: "RECOMMEND", comments: [] });
    expect([403, 404]).toContain(refused.status);
    expect(await onlyRecordOf(refused)).toMatchObject({ username: usernameOf("reviewer"), role: "REVIEWER", orgKind: "reviewer", changes: [], outcome: refused.status === 403 ? "FORBIDDEN" : "NOT_FOUND" });

    const recommended = await as("city-south").mutation("plan.reviewPlan", { planId, versionNumber: 1, decision: "RECOMMEND", comments: [] });
    ok(recommended);
    expect(await onlyRecordOf(recommended)).toMatchObject({
      username: usernameOf("city-south"),
      role: "CITY_OFFICER",
      orgKind: "city",
      orgId: world.counties.south.cityCode,
      countyId: SOUTH,
      procedure: "plan.reviewPlan",
      targetId: planId,
      changes: [{ field: "state", before: "SUBMITTED", after: "RECOMMENDED" }],
      input: { planId, versionNumber: 1, decision: "RECOMMEND", comments: 0 },
    });

    const approved = await as("province").mutation("plan.reviewPlan", { planId, versionNumber: 1, decision: "APPROVE", comments: [] });
    ok(approved);
    expect(await onlyRecordOf(approved)).toMatchObject({
      username: usernameOf("province"),
      role: "PROVINCE_ADMIN",
      orgKind: "province",
      orgId: null,
      countyId: SOUTH,
      changes: [{ field: "state", before: "RECOMMENDED", after: "APPROVED" }],
      outcome: "SUCCESS",
    });
  });

  it("leaves no success record, and nothing changed, when a mutation fails after writing (rolled back)", async () => {
    const requested = await as("county-south").mutation<{ id: string }>("roster.requestRosterChange", {
      kind: "ADD",
      reason: "新增试点企业",
      addition: { name: "审计测试企业", creditCode: LATE_CODE, subIndustry: "高端装备—精密机械零部件", scale: "ABOVE", specialised: false, lastYearRevenue: "1" },
    });
    const changeId = ok(requested).id;
    expect(await onlyRecordOf(requested)).toMatchObject({ targetType: "RosterChangeRequest", targetId: changeId, countyId: SOUTH });
    // Meanwhile the enterprise is registered in the 苏中 county: approving marks the request decided, then fails to enrol it.
    await owner.query(`insert into "Enterprise" (id, "countyId", name, "creditCode", "updatedAt") values (gen_random_uuid(), $1, '审计测试企业', $2, now())`, [CENTRAL, LATE_CODE]);

    const decided = await as("city-south").mutation("roster.decideRosterChange", { requestId: changeId, decision: "APPROVE" });
    expect(decided.status).toBe(409);
    const records = await recordsOf(decided);
    expect(records.map((record) => record.outcome)).toEqual(["CONFLICT"]);
    expect(records[0]).toMatchObject({ username: usernameOf("city-south"), targetId: changeId, countyId: SOUTH, changes: [] });
    const { rows } = await owner.query(`select status from "RosterChangeRequest" where id = $1`, [changeId]);
    expect(rows).toEqual([{ status: "PENDING" }]);
  });

  it("records a roster import once, whether its upload is refused before the transaction or read and checked in it", async () => {
    const refused = await as("county-south").mutation("roster.importRoster", { file: Buffer.from("not a workbook").toString("base64") });
    expect(refused.status).toBe(400);
    expect((await onlyRecordOf(refused)).outcome).toBe("BAD_REQUEST");

    const download = await as("county-south").fetch("/files/roster-import-template");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.body as unknown as ExcelJS.Buffer);
    workbook.getWorksheet(ROSTER_SHEET_NAME)!.getRow(5).values = [1, "审计测试企业", "not a credit code", "x", "x", "x", "x"];
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    // Checked in the transaction: its errors answered (200), or refused there if an earlier test froze the roster (409).
    const checked = await as("county-south").mutation<{ imported: number; errorCount: number }>("roster.importRoster", { file });
    expect([200, 409]).toContain(checked.status);
    if (checked.status === 200) expect(checked.data!.imported).toBe(0);
    const record = await onlyRecordOf(checked);
    expect(record).toMatchObject({ outcome: checked.status === 200 ? "SUCCESS" : "CONFLICT", procedure: "roster.importRoster", username: usernameOf("county-south") });
    expect(JSON.stringify(record.input)).not.toContain("审计测试企业");
  });

  it("commits no mutation whose audit record cannot be written: the record is part of the mutation's transaction", async () => {
    const startedOn = async () =>
      (await owner.query(`select "transformationStartedOn" as d from "PilotEnterprise" where id = $1`, [pilotEnterpriseId])).rows[0].d as Date | null;
    const before = await startedOn();
    await owner.query(`alter table "AuditRecord" add constraint audit_test_refuses check (procedure <> 'roster.setTransformationStart') not valid`);
    try {
      const result = await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-12-01" });
      expect(result.status).toBe(500);
    } finally {
      await owner.query(`alter table "AuditRecord" drop constraint audit_test_refuses`);
    }
    expect(await startedOn()).toEqual(before);
  });

  it("records sign-in (success and failure), password change and logout, and never a password or token", async () => {
    const failed = await api.client().mutation("auth.login", { username: usernameOf("county-north"), password: WRONG_PASSWORD });
    expect(failed.status).toBe(401);
    expect(await onlyRecordOf(failed)).toMatchObject({
      actorId: world.users["county-north"].id,
      username: usernameOf("county-north"),
      role: null,
      procedure: "auth.login",
      outcome: "UNAUTHORIZED",
      input: { username: usernameOf("county-north"), password: "[redacted]" },
    });

    const client = api.client();
    const signedIn = await client.mutation("auth.login", { username: usernameOf("county-north"), password: DEMO_PASSWORD });
    ok(signedIn);
    expect(await onlyRecordOf(signedIn)).toMatchObject({
      username: usernameOf("county-north"),
      role: "COUNTY_ADMIN",
      orgKind: "county",
      countyId: NORTH,
      targetType: "User",
      outcome: "SUCCESS",
    });

    const changed = await client.mutation("auth.changePassword", { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    ok(changed);
    expect(await onlyRecordOf(changed)).toMatchObject({
      procedure: "auth.changePassword",
      changes: [{ field: "password", before: "[redacted]", after: "[redacted]" }],
      input: { currentPassword: "[redacted]", newPassword: "[redacted]" },
    });

    // The session token, as the browser holds it ("dtpilot_session=<token>").
    const cookie = (client as unknown as { cookie: string }).cookie;
    expect(cookie).toMatch(/^dtpilot_session=.{16,}/);
    const loggedOut = await client.mutation("auth.logout");
    ok(loggedOut);
    expect(await onlyRecordOf(loggedOut)).toMatchObject({ username: usernameOf("county-north"), procedure: "auth.logout", outcome: "SUCCESS" });

    // The whole table, after every sign-in of this run and of the test files before it.
    const { rows } = await owner.query(`select count(*)::int as n, coalesce(string_agg(t::text, '\n'), '') as text from "AuditRecord" t`);
    expect(rows[0].n).toBeGreaterThan(10);
    const token = cookie.slice("dtpilot_session=".length);
    for (const secret of [DEMO_PASSWORD, NEW_PASSWORD, WRONG_PASSWORD, token, "scrypt"]) expect(rows[0].text).not.toContain(secret);
  });

  it("records a refused attempt by someone not signed in", async () => {
    const refused = await api.client().mutation("plan.createPlan");
    expect(refused.status).toBe(401);
    expect(await onlyRecordOf(refused)).toMatchObject({ actorId: null, username: null, role: null, procedure: "plan.createPlan", outcome: "UNAUTHORIZED" });
  });
});

describe("reading the audit records (审计日志)", () => {
  const list = (account: WorldAccount, input: Record<string, unknown> = {}) =>
    as(account).query<ListAuditRecordsOutput>("audit.listAuditRecords", input);

  it("shows a county its own county's records, its overseers' decisions on its plan included", async () => {
    const page = ok(await list("county-south", { targetId: planId, pageSize: 100 }));
    expect(page.records.map((record) => record.username)).toEqual(
      expect.arrayContaining([usernameOf("county-south"), usernameOf("city-south"), usernameOf("province")]),
    );
    for (const record of page.records) expect(record.countyId).toBe(SOUTH);
    const all = ok(await list("county-south", { pageSize: 100 }));
    for (const record of all.records) expect(record.countyId).toBe(SOUTH);
  });

  it("shows nothing of another county, whatever the filter names", async () => {
    expect(ok(await list("county-central", { countyId: SOUTH }))).toMatchObject({ records: [], total: 0 });
    expect(ok(await list("county-central", { targetId: planId }))).toMatchObject({ records: [], total: 0 });
    expect(ok(await list("city-central", { countyId: SOUTH }))).toMatchObject({ records: [], total: 0 });
  });

  it("shows a city its counties' records and the province every county's", async () => {
    const city = ok(await list("city-south", { procedure: "plan", pageSize: 100 }));
    expect(city.total).toBeGreaterThan(0);
    for (const record of city.records) expect(record.countyId?.startsWith(world.counties.south.cityCode)).toBe(true);
    const province = ok(await list("province", { procedure: "auth.login", pageSize: 5 }));
    expect(province.records.length).toBe(5);
    expect(province.total).toBeGreaterThan(5);
    const north = ok(await list("province", { countyId: NORTH, actor: usernameOf("county-north") }));
    expect(north.records.map((record) => record.procedure)).toEqual(expect.arrayContaining(["auth.login", "auth.changePassword", "auth.logout"]));
  });

  it("shows a never-submitted draft's saves to its city and the province without their values (the county sees them)", async () => {
    const created = ok(await as("county-central").mutation<{ id: string; version: { revision: number } }>("plan.createPlan"));
    const content = completePlanContent(world.counties.central.name);
    const marker = "草稿联系人-审计可见性-13900001111";
    try {
      ok(await as("county-central").mutation("plan.savePlan", { planId: created.id, baseRevision: created.version.revision, content: { ...content, cover: { ...content.cover, contact: marker } } }));
      const filter = { countyId: CENTRAL, procedure: "plan.savePlan", targetId: created.id };
      const own = ok(await list("county-central", filter));
      expect(JSON.stringify(own.records)).toContain(marker);
      for (const overseer of ["city-central", "province"] as const) {
        const seen = ok(await list(overseer, filter));
        expect(seen.records.length, overseer).toBeGreaterThan(0);
        expect(JSON.stringify(seen.records), overseer).not.toContain(marker);
        expect(seen.records[0]!.changes.every((change) => change.before === "[redacted]" && change.after === "[redacted]")).toBe(true);
      }
    } finally {
      await deletePlansOf([CENTRAL]);
    }
  });

  it("refuses reviewers, enterprises and providers", async () => {
    for (const account of ["reviewer", "ent-south-1", "provider-1"] as const) expect((await list(account)).status, account).toBe(403);
  });

  it("filters by time range and pages newest first, bounded", async () => {
    const everything = ok(await list("province", { countyId: SOUTH, pageSize: 3 }));
    const second = ok(await list("province", { countyId: SOUTH, pageSize: 3, page: 2 }));
    expect(second.total).toBe(everything.total);
    expect(new Date(everything.records.at(-1)!.at) >= new Date(second.records[0]!.at)).toBe(true);
    const future = ok(await list("province", { from: new Date(Date.now() + 3_600_000) }));
    expect(future).toMatchObject({ records: [], total: 0 });

    const tooLarge = await list("province", { pageSize: 101 });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.error?.data.field).toBe("pageSize");
    const backwards = await list("province", { from: new Date("2026-02-01"), to: new Date("2026-01-01") });
    expect(backwards.status).toBe(400);
    expect(backwards.error?.data.field).toBe("to");
    expect(backwards.error?.message).toContain("截止时间不能早于起始时间");
  });
});
