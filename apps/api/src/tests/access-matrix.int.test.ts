/**
 * The cross-tenant matrix: every procedure, called by a user of every scope, must leak nothing outside that scope.
 * A new procedure joins by adding a row below; the completeness test fails until it does.
 */
import { cityOf, makeCreditCode } from "@dtpilot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../router";
import { loadFixtures, type Fixtures } from "../testing/fixtures";
import { startApi, type ApiClient, type RunningApi } from "../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deleteFileSectionsOf, deletePlansOf, pilotOf } from "../testing/plan-fixtures";

const ACTORS = [
  "province",
  "reviewer",
  "city-wuxi",
  "city-nantong",
  "county-jiangyin",
  "county-haian",
  "county-shuyang",
  "ent-jiangyin-1",
  "ent-haian-1",
  "provider-1",
  "provider-3",
] as const;
type Actor = (typeof ACTORS)[number];
const EVERYONE: readonly Actor[] = ACTORS;
const JIANGYIN = "320281";
const HAIAN = "320685";
const SHUYANG = "321322";

/**
 * The seeded records, plus one roster export each for 江阴市 and 海安市 (requested by their county teams), and their
 * implementation plans: 江阴市's complete and ready to submit (saved at `jiangyinRevision`), 海安市's a new draft.
 */
interface MatrixFixtures extends Fixtures {
  exports: { jiangyin: string; haian: string };
  plans: { jiangyin: string; jiangyinRevision: number; haian: string };
  /** ent-jiangyin-1's place on the roster (linked to provider-1). */
  pilots: { jiangyinOwn: string };
}

/** A procedure called with ids of one tenant's records: only `allowed` may succeed; everyone else gets 403/404. */
interface ForeignIdRow {
  procedure: string;
  type: "query" | "mutation";
  about: string;
  input: (fixtures: MatrixFixtures) => unknown;
  allowed: readonly Actor[];
  /** Actors inside their own scope whose call fails for a reason of their own data (e.g. 400), not of access. */
  outcomes?: Partial<Record<Actor, number>>;
}

/** Credit codes the roster rows enrol in 江阴市 (removed again after the run). */
const MATRIX_CREDIT_CODE = makeCreditCode(`91${JIANGYIN}MA0000880`);

const FOREIGN_ID_ROWS: ForeignIdRow[] = [
  // The roster: overseers read the county's; an enterprise its own entry; a provider the enterprises it is linked to
  // (provider-1 serves both 江阴市 and 海安市). Only the county's own team adds or imports.
  {
    procedure: "roster.listRoster",
    type: "query",
    about: "江阴市's roster",
    input: () => ({ countyId: JIANGYIN }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin", "ent-jiangyin-1", "provider-1"],
  },
  {
    procedure: "roster.listRoster",
    type: "query",
    about: "海安市's roster",
    input: () => ({ countyId: HAIAN }),
    allowed: ["province", "city-nantong", "county-haian", "ent-haian-1", "provider-1"],
  },
  {
    procedure: "roster.addRosterEntry",
    type: "mutation",
    about: "an enterprise for 江阴市's roster",
    input: () => ({
      entry: { name: "矩阵测试企业", creditCode: MATRIX_CREDIT_CODE, subIndustry: "高端装备—精密机械零部件", scale: "ABOVE", specialised: false, lastYearRevenue: "1" },
    }),
    allowed: ["county-jiangyin"],
    // Their own rosters, whose plans name no such sub-industry.
    outcomes: { "county-haian": 400, "county-shuyang": 400 },
  },
  // The file 改造信息表: read with the roster; section 一 written by the enterprise and its county (a second writer
  // starting from the same revision gets the first one's version back, not an error).
  {
    procedure: "enterpriseFile.getEnterpriseFile",
    type: "query",
    about: "ent-jiangyin-1's file",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin", "ent-jiangyin-1", "provider-1"],
  },
  {
    procedure: "enterpriseFile.saveEnterpriseFileSection",
    type: "mutation",
    about: "section 一 of ent-jiangyin-1's file",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn, section: "basic", baseRevision: 0, content: {} }),
    allowed: ["county-jiangyin", "ent-jiangyin-1"],
  },
  {
    procedure: "roster.linkProvider",
    type: "mutation",
    about: "linking provider-1 to ent-jiangyin-1",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn, providerId: f.providers.provider1 }),
    allowed: ["county-jiangyin"],
  },
  {
    procedure: "roster.setTransformationStart",
    type: "mutation",
    about: "ent-jiangyin-1's project start",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn, startedOn: null }),
    allowed: ["county-jiangyin"],
  },
  {
    procedure: "provider.listProviders",
    type: "query",
    about: "the providers serving 江阴市",
    input: () => ({ countyId: JIANGYIN }),
    // Those who read the county: its own team and its overseers. Providers do not list their rivals.
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "roster.listRosterChanges",
    type: "query",
    about: "江阴市's roster changes",
    input: () => ({ countyId: JIANGYIN }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "roster.requestRosterChange",
    type: "mutation",
    about: "a roster change",
    input: () => ({
      kind: "ADD",
      reason: "矩阵测试",
      addition: { name: "矩阵测试企业", creditCode: MATRIX_CREDIT_CODE, subIndustry: "高端装备—精密机械零部件", scale: "ABOVE", specialised: false, lastYearRevenue: "1" },
    }),
    allowed: [],
    // Each county team reaches its own roster, which is not frozen (its plan is not approved): 409.
    outcomes: { "county-jiangyin": 409, "county-haian": 409, "county-shuyang": 409 },
  },
  {
    procedure: "roster.decideRosterChange",
    type: "mutation",
    about: "an unknown change request",
    input: () => ({ requestId: "00000000-0000-4000-8000-0000000000cc", decision: "APPROVE" }),
    allowed: [],
  },
  {
    procedure: "roster.createEnterpriseAccount",
    type: "mutation",
    about: "ent-jiangyin-1's account",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn }),
    allowed: [],
    // The county may open it, but it exists already.
    outcomes: { "county-jiangyin": 409 },
  },
  {
    procedure: "roster.importRoster",
    type: "mutation",
    about: "an import file",
    input: () => ({ file: Buffer.from("not a workbook").toString("base64") }),
    allowed: [],
    // A county team gets as far as its own file, which is not a workbook.
    outcomes: { "county-jiangyin": 400, "county-haian": 400, "county-shuyang": 400 },
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    about: "江阴市's profile",
    input: () => ({ countyId: JIANGYIN }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin", "ent-jiangyin-1"],
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    about: "海安市's profile",
    input: () => ({ countyId: HAIAN }),
    allowed: ["province", "city-nantong", "county-haian", "ent-haian-1"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "ent-jiangyin-1's own enterprise",
    input: (f) => ({ enterpriseId: f.enterprises.jiangyinOwn }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin", "ent-jiangyin-1"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "another 江阴市 enterprise",
    input: (f) => ({ enterpriseId: f.enterprises.jiangyinOther }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "a 沭阳县 enterprise",
    input: (f) => ({ enterpriseId: f.enterprises.shuyang }),
    allowed: ["province", "county-shuyang"],
  },
  {
    procedure: "enterprise.listEnterprises",
    type: "query",
    about: "江阴市's enterprises",
    input: () => ({ countyId: JIANGYIN }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "enterprise.listEnterprises",
    type: "query",
    about: "海安市's enterprises",
    input: () => ({ countyId: HAIAN }),
    allowed: ["province", "city-nantong", "county-haian"],
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    about: "provider-1's organisation",
    input: (f) => ({ providerId: f.providers.provider1 }),
    allowed: ["province", "reviewer", "city-wuxi", "city-nantong", "county-jiangyin", "county-haian", "county-shuyang", "provider-1"],
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    about: "provider-3's organisation",
    input: (f) => ({ providerId: f.providers.provider3 }),
    allowed: ["province", "reviewer", "city-wuxi", "city-nantong", "county-jiangyin", "county-haian", "county-shuyang", "provider-3"],
  },
  // Implementation plans: the county and those who oversee it read it; the rows below then walk 江阴市's plan through
  // the workflow (save → submit → recommend → approve), each step allowed to exactly one actor.
  {
    // A draft is the county's own until it is first submitted.
    procedure: "plan.getPlan",
    type: "query",
    about: "江阴市's plan while a draft",
    input: (f) => ({ planId: f.plans.jiangyin }),
    allowed: ["county-jiangyin"],
  },
  {
    procedure: "plan.getPlan",
    type: "query",
    about: "海安市's draft plan",
    input: (f) => ({ planId: f.plans.haian }),
    allowed: ["county-haian"],
  },
  {
    procedure: "plan.savePlan",
    type: "mutation",
    about: "江阴市's draft plan",
    input: (f) => ({ planId: f.plans.jiangyin, baseRevision: f.plans.jiangyinRevision, content: completePlanContent("江阴市") }),
    allowed: ["county-jiangyin"],
  },
  {
    procedure: "plan.submitPlan",
    type: "mutation",
    about: "江阴市's complete plan",
    input: (f) => ({ planId: f.plans.jiangyin, revision: f.plans.jiangyinRevision }),
    allowed: ["county-jiangyin"],
  },
  {
    procedure: "plan.getPlan",
    type: "query",
    about: "江阴市's submitted plan",
    input: (f) => ({ planId: f.plans.jiangyin }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "plan.diffPlanVersions",
    type: "query",
    about: "江阴市's submitted plan's versions",
    input: (f) => ({ planId: f.plans.jiangyin, fromVersion: 1, toVersion: 1 }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "plan.reviewPlan",
    type: "mutation",
    about: "recommending 江阴市's submitted plan",
    input: (f) => ({ planId: f.plans.jiangyin, versionNumber: 1, decision: "RECOMMEND", comments: [] }),
    allowed: ["city-wuxi"],
  },
  {
    procedure: "plan.reviewPlan",
    type: "mutation",
    about: "approving 江阴市's recommended plan",
    input: (f) => ({ planId: f.plans.jiangyin, versionNumber: 1, decision: "APPROVE", comments: [] }),
    allowed: ["province"],
  },
  {
    procedure: "plan.requestPlanDocument",
    type: "mutation",
    about: "江阴市's plan as DOCX",
    input: (f) => ({ planId: f.plans.jiangyin, format: "DOCX" }),
    allowed: ["province", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "plan.requestPlanDocument",
    type: "mutation",
    about: "海安市's draft plan as XLSX",
    input: (f) => ({ planId: f.plans.haian, format: "XLSX" }),
    allowed: ["county-haian"],
  },
  {
    // Only the county team generates an enterprise's file 改造信息表 (DOCX), and only for an enterprise on its roster.
    procedure: "enterpriseFile.requestEnterpriseFileDocument",
    type: "mutation",
    about: "ent-jiangyin-1's file as DOCX",
    input: (f) => ({ pilotId: f.pilots.jiangyinOwn }),
    allowed: ["county-jiangyin"],
  },
  {
    // Overseers read a county's generated files as they read its data; enterprises and providers never do.
    procedure: "documents.getExport",
    type: "query",
    about: "江阴市's roster export",
    input: (f) => ({ exportId: f.exports.jiangyin }),
    allowed: ["province", "reviewer", "city-wuxi", "county-jiangyin"],
  },
  {
    procedure: "documents.getExport",
    type: "query",
    about: "海安市's roster export",
    input: (f) => ({ exportId: f.exports.haian }),
    allowed: ["province", "city-nantong", "county-haian"],
  },
];

/** The counties whose exports each actor may read (the province: all). */
const EXPORT_COUNTIES: Partial<Record<Actor, string[] | "all">> = {
  province: "all",
  reviewer: [JIANGYIN],
  "city-wuxi": [JIANGYIN],
  "city-nantong": [HAIAN],
  "county-jiangyin": [JIANGYIN],
  "county-haian": [HAIAN],
  "county-shuyang": [SHUYANG],
};
/** The counties whose plans each actor may read: the same as their exports. */
const PLAN_COUNTIES = EXPORT_COUNTIES;
const OWN_COUNTY: Partial<Record<Actor, string>> = { "county-jiangyin": JIANGYIN, "county-haian": HAIAN, "county-shuyang": SHUYANG };

/** A procedure that takes no tenant id: each actor's answer must hold only its own scope's data. */
interface OwnScopeRow {
  procedure: string;
  type: "query" | "mutation";
  input?: unknown;
  expectFor: (actor: Actor, data: unknown) => void;
}

const countyCodes = (data: unknown) => (data as { code: string }[]).map((county) => county.code);

const OWN_SCOPE_ROWS: OwnScopeRow[] = [
  {
    procedure: "auth.me",
    type: "query",
    expectFor: (actor, data) => expect((data as { user: { username: string } }).user.username).toBe(actor),
  },
  {
    procedure: "geography.listCounties",
    type: "query",
    expectFor: (actor, data) => {
      const codes = countyCodes(data);
      const expected: Partial<Record<Actor, (codes: string[]) => void>> = {
        province: (c) => expect(c).toHaveLength(95),
        reviewer: (c) => expect(c).toEqual([JIANGYIN]),
        "city-wuxi": (c) => expect(c.length === 7 && c.every((code) => code.startsWith("3202"))).toBe(true),
        "city-nantong": (c) => expect(c.length === 7 && c.every((code) => code.startsWith("3206"))).toBe(true),
        "county-jiangyin": (c) => expect(c).toEqual([JIANGYIN]),
        "county-haian": (c) => expect(c).toEqual([HAIAN]),
        "county-shuyang": (c) => expect(c).toEqual([SHUYANG]),
        "ent-jiangyin-1": (c) => expect(c).toEqual([JIANGYIN]),
        "ent-haian-1": (c) => expect(c).toEqual([HAIAN]),
      };
      (expected[actor] ?? ((c: string[]) => expect(c).toEqual([])))(codes);
    },
  },
  {
    procedure: "enterprise.listEnterprises",
    type: "query",
    expectFor: (actor, data) => {
      const counties = [...new Set(((data ?? []) as { countyId: string }[]).map((enterprise) => enterprise.countyId))].sort();
      const expected: Partial<Record<Actor, string[]>> = {
        province: [JIANGYIN, HAIAN, SHUYANG].sort(),
        reviewer: [JIANGYIN],
        "city-wuxi": [JIANGYIN],
        "city-nantong": [HAIAN],
        "county-jiangyin": [JIANGYIN],
        "county-haian": [HAIAN],
        "county-shuyang": [SHUYANG],
        "ent-jiangyin-1": [JIANGYIN],
        "ent-haian-1": [HAIAN],
      };
      // Other test files build pilot counties of their own in this database: the province sees them all, a city
      // those of its own; everyone else none.
      const overseenCity: Partial<Record<Actor, string>> = { "city-wuxi": "3202", "city-nantong": "3206" };
      const others = counties.filter((code) => ![JIANGYIN, HAIAN, SHUYANG].includes(code));
      if (actor !== "province") for (const code of others) expect(cityOf(code)?.code, code).toBe(overseenCity[actor]);
      expect(counties.filter((code) => !others.includes(code))).toEqual(expected[actor] ?? []);
      if (actor.startsWith("ent-")) expect(data).toHaveLength(1);
    },
  },
  {
    procedure: "geography.listBatches",
    type: "query",
    // Batches are province-wide reference data every signed-in user reads.
    expectFor: (_actor, data) => expect((data as { name: string }[]).map((batch) => batch.name)).toEqual(["2025年度"]),
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    expectFor: (actor, data) => {
      const own: Partial<Record<Actor, string>> = {
        "county-jiangyin": JIANGYIN,
        "county-haian": HAIAN,
        "county-shuyang": SHUYANG,
        "ent-jiangyin-1": JIANGYIN,
        "ent-haian-1": HAIAN,
      };
      expect(data === undefined ? undefined : (data as { code: string }).code).toBe(own[actor]);
    },
  },
  {
    procedure: "documents.listExports",
    type: "query",
    expectFor: (actor, data) => {
      const readable = EXPORT_COUNTIES[actor];
      if (!readable) return expect(data).toBeUndefined();
      const exports = data as { id: string; county: { code: string } }[];
      if (readable !== "all") for (const view of exports) expect(readable).toContain(view.county.code);
      const ids = exports.map((view) => view.id);
      if (readable === "all" || readable.includes(JIANGYIN)) expect(ids).toContain(fixtures.exports.jiangyin);
      if (readable === "all" || readable.includes(HAIAN)) expect(ids).toContain(fixtures.exports.haian);
    },
  },
  {
    procedure: "roster.requestRosterExport",
    type: "mutation",
    // Only a county team asks, and always for its own county (the session's, never the client's).
    expectFor: (actor, data) => expect((data as { county: { code: string } } | undefined)?.county.code).toBe(OWN_COUNTY[actor]),
  },
  {
    procedure: "roster.requestRosterExport",
    type: "mutation",
    // Filtered as the roster table is: still only the caller's own county's roster.
    input: { specialised: true, status: "ACTIVE" },
    expectFor: (actor, data) => expect((data as { county: { code: string } } | undefined)?.county.code).toBe(OWN_COUNTY[actor]),
  },
  {
    procedure: "plan.getCurrentPlan",
    type: "query",
    // A county team's own plan only; nobody else has a "current plan" of their own.
    expectFor: (actor, data) => {
      const own = OWN_COUNTY[actor];
      if (!own) return expect(data).toBeUndefined();
      const answer = data as { county: { code: string }; plan: { countyId: string } | null };
      expect(answer.county.code).toBe(own);
      if (answer.plan) expect(answer.plan.countyId).toBe(own);
    },
  },
  {
    procedure: "plan.createPlan",
    type: "mutation",
    // Only a county team starts a plan, and always its own county's (the session's, never the client's).
    expectFor: (actor, data) => expect((data as { countyId: string } | undefined)?.countyId).toBe(OWN_COUNTY[actor]),
  },
  {
    procedure: "plan.listPlans",
    type: "query",
    expectFor: (actor, data) => {
      const readable = PLAN_COUNTIES[actor];
      if (!readable) return expect(data).toBeUndefined();
      const counties = (data as { countyId: string }[]).map((plan) => plan.countyId);
      if (readable !== "all") for (const county of counties) expect(readable).toContain(county);
      // 江阴市's plan has been submitted (and approved) by now; 海安市's is still a draft, which only its county sees.
      if (readable === "all" || readable.includes(JIANGYIN)) expect(counties).toContain(JIANGYIN);
      if (actor === "county-haian") expect(counties).toEqual([HAIAN]);
      else expect(counties).not.toContain(HAIAN);
    },
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    expectFor: (actor, data) => {
      if (!actor.startsWith("provider-")) return expect(data).toBeUndefined();
      const counties = (data as { counties: { code: string }[] }).counties.map((county) => county.code);
      expect(counties).toEqual(actor === "provider-1" ? [JIANGYIN, HAIAN] : [SHUYANG]);
    },
  },
  {
    procedure: "audit.listAuditRecords",
    type: "query",
    input: { pageSize: 100 },
    // 审计日志: the province every county's records, a city its counties', a county its own; nobody else any (403).
    expectFor: (actor, data) => {
      const reads = AUDIT_READS[actor];
      if (!reads) return expect(data).toBeUndefined();
      const records = (data as { records: { countyId: string | null }[] }).records;
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(reads(record.countyId), `${actor} read ${record.countyId}`).toBe(true);
    },
  },
  {
    procedure: "audit.listAuditRecords",
    type: "query",
    // Naming 江阴市 reaches its records only for those who read them anyway.
    input: { countyId: JIANGYIN },
    expectFor: (actor, data) => {
      if (!AUDIT_READS[actor]) return expect(data).toBeUndefined();
      const total = (data as { total: number }).total;
      if (AUDIT_READS[actor]!(JIANGYIN)) expect(total).toBeGreaterThan(0);
      else expect(total).toBe(0);
    },
  },
];

/** Whose audit records each actor reads, by the county they concern (reviewers, enterprises, providers: none). */
const AUDIT_READS: Partial<Record<Actor, (countyId: string | null) => boolean>> = {
  province: () => true,
  "city-wuxi": (countyId) => countyId?.startsWith("3202") ?? false,
  "city-nantong": (countyId) => countyId?.startsWith("3206") ?? false,
  "county-jiangyin": (countyId) => countyId === JIANGYIN,
  "county-haian": (countyId) => countyId === HAIAN,
  "county-shuyang": (countyId) => countyId === SHUYANG,
};

/** Procedures that take no ids and return nothing of a tenant, with the reason. */
const NO_TENANT_DATA: Record<string, string> = {
  "auth.login": "public; answers only the signing-in user's own role",
  "auth.logout": "ends the caller's own session only",
  "auth.changePassword": "changes the caller's own password only; a user id in the input is refused (see below)",
};

let api: RunningApi;
let fixtures: MatrixFixtures;
const clients = new Map<Actor, ApiClient>();

beforeAll(async () => {
  await deletePlansOf([JIANGYIN, HAIAN, SHUYANG]);
  await deleteEnterprisesByCreditCode([MATRIX_CREDIT_CODE]);
  api = await startApi();
  for (const actor of ACTORS) clients.set(actor, await api.client().login(actor));
  const planOf = async (actor: Actor) => {
    const result = await clients.get(actor)!.mutation<{ id: string; version: { revision: number } }>("plan.createPlan");
    if (!result.data) throw new Error(`${actor} could not start a plan: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const jiangyinPlan = await planOf("county-jiangyin");
  const saved = await clients.get("county-jiangyin")!.mutation<{ revision: number }>("plan.savePlan", {
    planId: jiangyinPlan.id,
    baseRevision: jiangyinPlan.version.revision,
    content: completePlanContent("江阴市"),
  });
  if (!saved.data) throw new Error(`could not save 江阴市's plan: ${JSON.stringify(saved.error)}`);
  const plans = { jiangyin: jiangyinPlan.id, jiangyinRevision: saved.data.revision, haian: (await planOf("county-haian")).id };
  const exportOf = async (actor: Actor) => {
    const result = await clients.get(actor)!.mutation<{ id: string }>("roster.requestRosterExport");
    if (!result.data) throw new Error(`${actor} could not request an export: ${JSON.stringify(result.error)}`);
    return result.data.id;
  };
  const base = await loadFixtures();
  await deleteFileSectionsOf(base.enterprises.jiangyinOwn);
  fixtures = {
    ...base,
    exports: { jiangyin: await exportOf("county-jiangyin"), haian: await exportOf("county-haian") },
    plans,
    pilots: { jiangyinOwn: await pilotOf(base.enterprises.jiangyinOwn) },
  };
});
afterAll(async () => {
  await api.close();
  await deletePlansOf([JIANGYIN, HAIAN, SHUYANG]);
  await deleteEnterprisesByCreditCode([MATRIX_CREDIT_CODE]);
  await deleteFileSectionsOf(fixtures.enterprises.jiangyinOwn);
});

const call = (client: ApiClient, type: "query" | "mutation", procedure: string, input?: unknown) =>
  type === "query" ? client.query(procedure, input) : client.mutation(procedure, input);

describe("cross-tenant access matrix", () => {
  it("covers every procedure the API has", () => {
    const covered = new Set([...FOREIGN_ID_ROWS, ...OWN_SCOPE_ROWS].map((row) => row.procedure).concat(Object.keys(NO_TENANT_DATA)));
    expect(Object.keys(appRouter._def.procedures).filter((path) => !covered.has(path))).toEqual([]);
  });

  describe.each(FOREIGN_ID_ROWS)("$procedure on $about", (row) => {
    it.each(EVERYONE)("%s", async (actor) => {
      const result = await call(clients.get(actor)!, row.type, row.procedure, row.input(fixtures));
      const outcome = row.outcomes?.[actor];
      if (row.allowed.includes(actor)) {
        expect(result.status, JSON.stringify(result.error)).toBe(200);
      } else if (outcome) {
        expect(result.status, JSON.stringify(result.error)).toBe(outcome);
      } else {
        expect([403, 404], `${actor} reached ${row.about}`).toContain(result.status);
        expect(result.data).toBeUndefined();
        expect(JSON.stringify(result.error)).not.toMatch(/江阴|海安|沭阳|有限公司/);
      }
    });

    it("refuses a visitor who is not signed in", async () => {
      expect((await call(api.client(), row.type, row.procedure, row.input(fixtures))).status).toBe(401);
    });
  });

  describe.each(OWN_SCOPE_ROWS)("$procedure returns only the caller's own scope", (row) => {
    it.each(EVERYONE)("%s", async (actor) => {
      const result = await call(clients.get(actor)!, row.type, row.procedure, row.input);
      if (result.status !== 200) expect([403, 404]).toContain(result.status);
      row.expectFor(actor, result.data);
    });
  });

  it("does not let anyone name another user when changing a password", async () => {
    const result = await clients.get("county-haian")!.mutation("auth.changePassword", {
      userId: "00000000-0000-4000-8000-000000000000",
      currentPassword: "Demo@2025",
      newPassword: "Another2026x",
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain("userId");
  });
});
