/**
 * The cross-tenant matrix: every procedure, called by a user of every scope, must leak nothing outside that scope.
 * A new procedure joins by adding a row below; the completeness test fails until it does.
 */
import { cityOf, COUNTIES, makeCreditCode } from "@dtpilot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../router";
import { startApi, type ApiClient, type RunningApi } from "../testing/api-harness";
import { completePlanContent, deleteEnterprisesByCreditCode, deletePlansOf } from "../testing/plan-fixtures";
import { buildWorld, type PilotWorld, type WorldAccount } from "../testing/world";

const ACTORS = [
  "province",
  "reviewer",
  "city-south",
  "city-central",
  "county-south",
  "county-central",
  "county-north",
  "ent-south-1",
  "ent-central-1",
  "provider-1",
  "provider-3",
] as const satisfies readonly WorldAccount[];
type Actor = (typeof ACTORS)[number];
const EVERYONE: readonly Actor[] = ACTORS;

let world: PilotWorld;
/** The world's pilot counties (苏南, 苏中, 苏北) and the cities of the first two. */
let SOUTH: string;
let CENTRAL: string;
let NORTH: string;
let SOUTH_CITY: string;
let CENTRAL_CITY: string;
/** What an error refused to a foreign actor must never name: the world's counties, or any enterprise. */
let LEAK: RegExp;

/**
 * The world's records, plus one roster export each for the 苏南 and 苏中 counties (requested by their county teams),
 * and their implementation plans: the 苏南 county's complete and ready to submit (saved at `southRevision`), the 苏中
 * county's a new draft.
 */
interface MatrixFixtures {
  enterprises: { southOwn: string; southOther: string; north: string };
  providers: { provider1: string; provider3: string };
  exports: { south: string; central: string };
  plans: { south: string; southRevision: number; central: string };
  /** ent-south-1's place on the roster (linked to provider-1). */
  pilots: { southOwn: string };
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

/** Credit codes the roster rows enrol in the 苏南 county (removed again after the run). */
const matrixCreditCode = () => makeCreditCode(`91${SOUTH}MA0000880`);

const FOREIGN_ID_ROWS: ForeignIdRow[] = [
  // The roster: overseers read the county's; an enterprise its own entry; a provider the enterprises it is linked to
  // (provider-1 serves both the 苏南 and the 苏中 county). Only the county's own team adds or imports.
  {
    procedure: "roster.listRoster",
    type: "query",
    about: "the 苏南 county's roster",
    input: () => ({ countyId: SOUTH }),
    allowed: ["province", "reviewer", "city-south", "county-south", "ent-south-1", "provider-1"],
  },
  {
    procedure: "roster.listRoster",
    type: "query",
    about: "a page of the 苏南 county's roster, filtered and sorted",
    input: () => ({ countyId: SOUTH, filter: { status: "ACTIVE", subIndustries: ["高端装备—精密机械零部件"] }, sort: { key: "name", direction: "ascend" }, page: 1, pageSize: 100 }),
    allowed: ["province", "reviewer", "city-south", "county-south", "ent-south-1", "provider-1"],
  },
  {
    procedure: "roster.listRoster",
    type: "query",
    about: "the 苏中 county's roster",
    input: () => ({ countyId: CENTRAL }),
    allowed: ["province", "city-central", "county-central", "ent-central-1", "provider-1"],
  },
  {
    procedure: "roster.addPilotEnterprise",
    type: "mutation",
    about: "an enterprise for the 苏南 county's roster",
    input: () => ({
      entry: { name: "矩阵测试企业", creditCode: matrixCreditCode(), subIndustry: "高端装备—精密机械零部件", scale: "ABOVE", specialised: false, lastYearRevenue: "1" },
    }),
    allowed: ["county-south"],
    // Their own rosters, whose plans name no such sub-industry.
    outcomes: { "county-central": 400, "county-north": 400 },
  },
  // The file 改造信息表: read with the roster; section 一 written by the enterprise and its county (a second writer
  // starting from the same revision gets the first one's version back, not an error).
  {
    procedure: "enterpriseFile.getEnterpriseFile",
    type: "query",
    about: "ent-south-1's file",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn }),
    allowed: ["province", "reviewer", "city-south", "county-south", "ent-south-1", "provider-1"],
  },
  {
    procedure: "enterpriseFile.saveEnterpriseFileSection",
    type: "mutation",
    about: "section 一 of ent-south-1's file",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn, section: "basic", baseRevision: 0, content: {} }),
    allowed: ["county-south", "ent-south-1"],
  },
  {
    procedure: "roster.linkProvider",
    type: "mutation",
    about: "linking provider-1 to ent-south-1",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn, providerId: f.providers.provider1 }),
    allowed: ["county-south"],
  },
  {
    procedure: "roster.setTransformationStart",
    type: "mutation",
    about: "ent-south-1's project start",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn, startedOn: null }),
    allowed: ["county-south"],
  },
  {
    procedure: "provider.listProviders",
    type: "query",
    about: "the providers serving the 苏南 county",
    input: () => ({ countyId: SOUTH }),
    // Those who read the county: its own team and its overseers. Providers do not list their rivals.
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "roster.listRosterChanges",
    type: "query",
    about: "the 苏南 county's roster changes",
    input: () => ({ countyId: SOUTH }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "roster.listRosterChanges",
    type: "query",
    about: "a filtered page of the 苏南 county's roster changes",
    // A filter or a page reaches no further than the list itself.
    input: () => ({ countyId: SOUTH, status: "PENDING", kind: "REMOVE", page: 3, pageSize: 10 }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "roster.requestRosterChange",
    type: "mutation",
    about: "a roster change",
    input: () => ({
      kind: "ADD",
      reason: "矩阵测试",
      addition: { name: "矩阵测试企业", creditCode: matrixCreditCode(), subIndustry: "高端装备—精密机械零部件", scale: "ABOVE", specialised: false, lastYearRevenue: "1" },
    }),
    allowed: [],
    // Each county team reaches its own roster, which is not frozen (its plan is not approved): 409.
    outcomes: { "county-south": 409, "county-central": 409, "county-north": 409 },
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
    about: "ent-south-1's account",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn }),
    allowed: [],
    // The county may open it, but it exists already.
    outcomes: { "county-south": 409 },
  },
  {
    procedure: "roster.importRoster",
    type: "mutation",
    about: "an import file",
    input: () => ({ file: Buffer.from("not a workbook").toString("base64") }),
    allowed: [],
    // A county team gets as far as its own file, which is not a workbook.
    outcomes: { "county-south": 400, "county-central": 400, "county-north": 400 },
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    about: "the 苏南 county's profile",
    input: () => ({ countyId: SOUTH }),
    allowed: ["province", "reviewer", "city-south", "county-south", "ent-south-1"],
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    about: "the 苏中 county's profile",
    input: () => ({ countyId: CENTRAL }),
    allowed: ["province", "city-central", "county-central", "ent-central-1"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "ent-south-1's own enterprise",
    input: (f) => ({ enterpriseId: f.enterprises.southOwn }),
    allowed: ["province", "reviewer", "city-south", "county-south", "ent-south-1"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "another enterprise of the 苏南 county",
    input: (f) => ({ enterpriseId: f.enterprises.southOther }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "enterprise.getEnterprise",
    type: "query",
    about: "an enterprise of the 苏北 county",
    input: (f) => ({ enterpriseId: f.enterprises.north }),
    allowed: ["province", "county-north"],
  },
  {
    procedure: "enterprise.listEnterprises",
    type: "query",
    about: "the 苏南 county's enterprises",
    input: () => ({ countyId: SOUTH }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "enterprise.listEnterprises",
    type: "query",
    about: "the 苏中 county's enterprises",
    input: () => ({ countyId: CENTRAL }),
    allowed: ["province", "city-central", "county-central"],
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    about: "provider-1's organisation",
    input: (f) => ({ providerId: f.providers.provider1 }),
    allowed: ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "county-north", "provider-1"],
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    about: "provider-3's organisation",
    input: (f) => ({ providerId: f.providers.provider3 }),
    allowed: ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "county-north", "provider-3"],
  },
  // Implementation plans: the county and those who oversee it read it; the rows below then walk the 苏南 county's plan through
  // the workflow (save → submit → recommend → approve), each step allowed to exactly one actor.
  {
    // A draft is the county's own until it is first submitted.
    procedure: "plan.getPlan",
    type: "query",
    about: "the 苏南 county's plan while a draft",
    input: (f) => ({ planId: f.plans.south }),
    allowed: ["county-south"],
  },
  {
    procedure: "plan.getPlan",
    type: "query",
    about: "the 苏中 county's draft plan",
    input: (f) => ({ planId: f.plans.central }),
    allowed: ["county-central"],
  },
  {
    procedure: "plan.savePlan",
    type: "mutation",
    about: "the 苏南 county's draft plan",
    input: (f) => ({ planId: f.plans.south, baseRevision: f.plans.southRevision, content: completePlanContent(world.counties.south.name) }),
    allowed: ["county-south"],
  },
  {
    procedure: "plan.submitPlan",
    type: "mutation",
    about: "the 苏南 county's complete plan",
    input: (f) => ({ planId: f.plans.south, revision: f.plans.southRevision }),
    allowed: ["county-south"],
  },
  {
    procedure: "plan.getPlan",
    type: "query",
    about: "the 苏南 county's submitted plan",
    input: (f) => ({ planId: f.plans.south }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "plan.diffPlanVersions",
    type: "query",
    about: "the 苏南 county's submitted plan's versions",
    input: (f) => ({ planId: f.plans.south, fromVersion: 1, toVersion: 1 }),
    allowed: ["province", "reviewer", "city-south", "county-south"],
  },
  {
    procedure: "plan.reviewPlan",
    type: "mutation",
    about: "recommending the 苏南 county's submitted plan",
    input: (f) => ({ planId: f.plans.south, versionNumber: 1, decision: "RECOMMEND", comments: [] }),
    allowed: ["city-south"],
  },
  {
    procedure: "plan.reviewPlan",
    type: "mutation",
    about: "approving the 苏南 county's recommended plan",
    input: (f) => ({ planId: f.plans.south, versionNumber: 1, decision: "APPROVE", comments: [] }),
    allowed: ["province"],
  },
  {
    procedure: "plan.requestPlanDocument",
    type: "mutation",
    about: "the 苏南 county's plan as DOCX",
    input: (f) => ({ planId: f.plans.south, format: "DOCX" }),
    allowed: ["province", "city-south", "county-south"],
  },
  {
    procedure: "plan.requestPlanDocument",
    type: "mutation",
    about: "the 苏中 county's draft plan as XLSX",
    input: (f) => ({ planId: f.plans.central, format: "XLSX" }),
    allowed: ["county-central"],
  },
  {
    // Only the county team generates an enterprise's file 改造信息表 (DOCX), and only for an enterprise on its roster.
    procedure: "enterpriseFile.requestEnterpriseFileDocument",
    type: "mutation",
    about: "ent-south-1's file as DOCX",
    input: (f) => ({ pilotEnterpriseId: f.pilots.southOwn }),
    allowed: ["county-south"],
  },
  {
    // A county's generated files are its team's working papers (a draft's export holds what it has not submitted):
    // only the county reads them; overseers read the files they asked for themselves; enterprises and providers none.
    procedure: "documents.getExport",
    type: "query",
    about: "the 苏南 county's roster export",
    input: (f) => ({ exportId: f.exports.south }),
    allowed: ["county-south"],
  },
  {
    procedure: "documents.getExport",
    type: "query",
    about: "the 苏中 county's roster export",
    input: (f) => ({ exportId: f.exports.central }),
    allowed: ["county-central"],
  },
];

/** The counties whose exports each actor may read (the province: all). */
function exportCountiesOf(actor: Actor): string[] | "all" | undefined {
  const readable: Partial<Record<Actor, string[] | "all">> = {
    province: "all",
    reviewer: [SOUTH],
    "city-south": [SOUTH],
    "city-central": [CENTRAL],
    "county-south": [SOUTH],
    "county-central": [CENTRAL],
    "county-north": [NORTH],
  };
  return readable[actor];
}
/**
 * Whether the actor may read a county's exports or plans: those it reads in this world, and, for a city, the counties
 * of its city that other test files pilot in this database.
 */
function mayRead(actor: Actor, readable: string[], countyCode: string): boolean {
  if (readable.includes(countyCode)) return true;
  const city: Partial<Record<Actor, string>> = { "city-south": SOUTH_CITY, "city-central": CENTRAL_CITY };
  return city[actor] !== undefined && cityOf(countyCode)?.code === city[actor] && ![SOUTH, CENTRAL, NORTH].includes(countyCode);
}
/** The counties whose plans each actor may read: the same as their exports. */
const planCountiesOf = exportCountiesOf;
function ownCountyOf(actor: Actor): string | undefined {
  const own: Partial<Record<Actor, string>> = { "county-south": SOUTH, "county-central": CENTRAL, "county-north": NORTH };
  return own[actor];
}

/** A procedure that takes no tenant id: each actor's answer must hold only its own scope's data. */
interface OwnScopeRow {
  procedure: string;
  type: "query" | "mutation";
  /** Read when the row runs: the world's ids exist only then. */
  input?: () => unknown;
  expectFor: (actor: Actor, data: unknown) => void;
}

const countyCodes = (data: unknown) => (data as { code: string }[]).map((county) => county.code);

const OWN_SCOPE_ROWS: OwnScopeRow[] = [
  {
    procedure: "auth.me",
    type: "query",
    expectFor: (actor, data) => expect((data as { user: { username: string } }).user.username).toBe(world.users[actor].username),
  },
  {
    procedure: "geography.listCounties",
    type: "query",
    expectFor: (actor, data) => {
      const codes = countyCodes(data);
      const expected: Partial<Record<Actor, (codes: string[]) => void>> = {
        province: (c) => expect(c).toHaveLength(95),
        reviewer: (c) => expect(c).toEqual([SOUTH]),
        "city-south": (c) => expect(c.length === countiesOfCity(SOUTH_CITY) && c.every((code) => code.startsWith(SOUTH_CITY))).toBe(true),
        "city-central": (c) => expect(c.length === countiesOfCity(CENTRAL_CITY) && c.every((code) => code.startsWith(CENTRAL_CITY))).toBe(true),
        "county-south": (c) => expect(c).toEqual([SOUTH]),
        "county-central": (c) => expect(c).toEqual([CENTRAL]),
        "county-north": (c) => expect(c).toEqual([NORTH]),
        "ent-south-1": (c) => expect(c).toEqual([SOUTH]),
        "ent-central-1": (c) => expect(c).toEqual([CENTRAL]),
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
        province: [SOUTH, CENTRAL, NORTH].sort(),
        reviewer: [SOUTH],
        "city-south": [SOUTH],
        "city-central": [CENTRAL],
        "county-south": [SOUTH],
        "county-central": [CENTRAL],
        "county-north": [NORTH],
        "ent-south-1": [SOUTH],
        "ent-central-1": [CENTRAL],
      };
      // Other test files build pilot counties of their own in this database: the province sees them all, a city
      // those of its own; everyone else none.
      const overseenCity: Partial<Record<Actor, string>> = { "city-south": SOUTH_CITY, "city-central": CENTRAL_CITY };
      const others = counties.filter((code) => ![SOUTH, CENTRAL, NORTH].includes(code));
      if (actor !== "province") for (const code of others) expect(cityOf(code)?.code, code).toBe(overseenCity[actor]);
      expect(counties.filter((code) => !others.includes(code))).toEqual(expected[actor] ?? []);
      if (actor.startsWith("ent-")) expect(data).toHaveLength(1);
    },
  },
  {
    procedure: "geography.listBatches",
    type: "query",
    // Batches are province-wide reference data every signed-in user reads.
    expectFor: (_actor, data) => expect((data as { name: string }[]).map((batch) => batch.name)).toEqual([world.batch.name]),
  },
  {
    procedure: "geography.getCounty",
    type: "query",
    expectFor: (actor, data) => {
      const own: Partial<Record<Actor, string>> = {
        "county-south": SOUTH,
        "county-central": CENTRAL,
        "county-north": NORTH,
        "ent-south-1": SOUTH,
        "ent-central-1": CENTRAL,
      };
      expect(data === undefined ? undefined : (data as { code: string }).code).toBe(own[actor]);
    },
  },
  ...[undefined, { kind: "ROSTER_XLSX", pageSize: 100 }, { status: "FAILED", page: 2, pageSize: 10 }].map((input) => ({
    procedure: "documents.listExports",
    type: "query" as const,
    // Filters and pages narrow the caller's own exports and never widen them.
    input: () => input,
    expectFor: (actor: Actor, data: unknown) => {
      const readable = exportCountiesOf(actor);
      if (!readable) return expect(data).toBeUndefined();
      const page = data as { items: { id: string; requestedBy: { displayName: string }; county: { code: string } }[]; total: number };
      const exports = page.items;
      if (readable !== "all") for (const view of exports) expect(mayRead(actor, readable, view.county.code), `${actor} read ${view.county.code}`).toBe(true);
      expect(page.total).toBeGreaterThanOrEqual(exports.length);
      if (input?.status) return;
      const ids = exports.map((view) => view.id);
      // The county's own files only to its team; an overseer's list holds none of them.
      const own = ownCountyOf(actor);
      expect(ids.includes(fixtures.exports.south)).toBe(own === SOUTH);
      expect(ids.includes(fixtures.exports.central)).toBe(own === CENTRAL);
    },
  })),
  {
    procedure: "roster.listRosterChanges",
    type: "query",
    // Without a county: the caller's own county's changes; only a county team has one (overseers name the county).
    input: () => ({ status: "PENDING" }),
    expectFor: (actor, data) => expect((data as { county: { code: string } } | undefined)?.county.code).toBe(ownCountyOf(actor)),
  },
  {
    procedure: "roster.requestRosterExport",
    type: "mutation",
    // Only a county team asks, and always for its own county (the session's, never the client's).
    expectFor: (actor, data) => expect((data as { county: { code: string } } | undefined)?.county.code).toBe(ownCountyOf(actor)),
  },
  {
    procedure: "roster.requestRosterExport",
    type: "mutation",
    // Filtered as the roster table is: still only the caller's own county's roster.
    input: () => ({ specialised: true, status: "ACTIVE", subIndustries: ["高端装备—精密机械零部件"] }),
    expectFor: (actor, data) => expect((data as { county: { code: string } } | undefined)?.county.code).toBe(ownCountyOf(actor)),
  },
  {
    procedure: "plan.getCurrentPlan",
    type: "query",
    // A county team's own plan only; nobody else has a "current plan" of their own.
    expectFor: (actor, data) => {
      const own = ownCountyOf(actor);
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
    expectFor: (actor, data) => expect((data as { countyId: string } | undefined)?.countyId).toBe(ownCountyOf(actor)),
  },
  {
    procedure: "plan.listPlans",
    type: "query",
    expectFor: (actor, data) => {
      const readable = planCountiesOf(actor);
      if (!readable) return expect(data).toBeUndefined();
      const counties = (data as { countyId: string }[]).map((plan) => plan.countyId);
      if (readable !== "all") for (const county of counties) expect(mayRead(actor, readable, county), `${actor} read ${county}`).toBe(true);
      // The 苏南 county's plan has been submitted (and approved) by now; the 苏中 county's is still a draft, which only its county sees.
      if (readable === "all" || readable.includes(SOUTH)) expect(counties).toContain(SOUTH);
      if (actor === "county-central") expect(counties).toEqual([CENTRAL]);
      else expect(counties).not.toContain(CENTRAL);
    },
  },
  {
    procedure: "provider.getProvider",
    type: "query",
    expectFor: (actor, data) => {
      if (!actor.startsWith("provider-")) return expect(data).toBeUndefined();
      const counties = (data as { counties: { code: string }[] }).counties.map((county) => county.code);
      expect(counties).toEqual(actor === "provider-1" ? [SOUTH, CENTRAL].sort() : [NORTH]);
    },
  },
  {
    procedure: "audit.listAuditRecords",
    type: "query",
    input: () => ({ pageSize: 100 }),
    // 审计日志: the province every county's records, a city its counties', a county its own; nobody else any (403).
    expectFor: (actor, data) => {
      const reads = auditReadsOf(actor);
      if (!reads) return expect(data).toBeUndefined();
      const records = (data as { records: { countyId: string | null }[] }).records;
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(reads(record.countyId), `${actor} read ${record.countyId}`).toBe(true);
    },
  },
  {
    procedure: "audit.listAuditRecords",
    type: "query",
    // Naming the 苏南 county reaches its records only for those who read them anyway.
    input: () => ({ countyId: SOUTH }),
    expectFor: (actor, data) => {
      const reads = auditReadsOf(actor);
      if (!reads) return expect(data).toBeUndefined();
      const total = (data as { total: number }).total;
      if (reads(SOUTH)) expect(total).toBeGreaterThan(0);
      else expect(total).toBe(0);
    },
  },
];

/** Whose audit records each actor reads, by the county they concern (reviewers, enterprises, providers: none). */
function auditReadsOf(actor: Actor): ((countyId: string | null) => boolean) | undefined {
  const reads: Partial<Record<Actor, (countyId: string | null) => boolean>> = {
    province: () => true,
    "city-south": (countyId) => countyId?.startsWith(SOUTH_CITY) ?? false,
    "city-central": (countyId) => countyId?.startsWith(CENTRAL_CITY) ?? false,
    "county-south": (countyId) => countyId === SOUTH,
    "county-central": (countyId) => countyId === CENTRAL,
    "county-north": (countyId) => countyId === NORTH,
  };
  return reads[actor];
}

/** How many counties a city has (its officer lists them all). */
const countiesOfCity = (cityCode: string) => COUNTIES.filter((county) => county.cityCode === cityCode).length;

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
  world = await buildWorld();
  ({ south: { code: SOUTH, cityCode: SOUTH_CITY }, central: { code: CENTRAL, cityCode: CENTRAL_CITY }, north: { code: NORTH } } = world.counties);
  const { south, central, north } = world.counties;
  LEAK = new RegExp([south, central, north].map((county) => county.name.slice(0, -1)).concat("有限公司").join("|"));
  await deletePlansOf([SOUTH, CENTRAL, NORTH]);
  await deleteEnterprisesByCreditCode([matrixCreditCode()]);
  api = await startApi();
  for (const actor of ACTORS) clients.set(actor, await api.client().login(world.users[actor].username));
  const planOf = async (actor: Actor) => {
    const result = await clients.get(actor)!.mutation<{ id: string; version: { revision: number } }>("plan.createPlan");
    if (!result.data) throw new Error(`${actor} could not start a plan: ${JSON.stringify(result.error)}`);
    return result.data;
  };
  const southPlan = await planOf("county-south");
  const saved = await clients.get("county-south")!.mutation<{ revision: number }>("plan.savePlan", {
    planId: southPlan.id,
    baseRevision: southPlan.version.revision,
    content: completePlanContent(south.name),
  });
  if (!saved.data) throw new Error(`could not save the 苏南 county's plan: ${JSON.stringify(saved.error)}`);
  const plans = { south: southPlan.id, southRevision: saved.data.revision, central: (await planOf("county-central")).id };
  const exportOf = async (actor: Actor) => {
    const result = await clients.get(actor)!.mutation<{ id: string }>("roster.requestRosterExport");
    if (!result.data) throw new Error(`${actor} could not request an export: ${JSON.stringify(result.error)}`);
    return result.data.id;
  };
  fixtures = {
    enterprises: { southOwn: world.enterprises.south[0]!.id, southOther: world.enterprises.south[1]!.id, north: world.enterprises.north[0]!.id },
    providers: { provider1: world.providers.provider1.id, provider3: world.providers.provider3.id },
    exports: { south: await exportOf("county-south"), central: await exportOf("county-central") },
    plans,
    pilots: { southOwn: world.enterprises.south[0]!.pilotEnterpriseId },
  };
});
afterAll(async () => {
  await api.close();
  await deletePlansOf([SOUTH, CENTRAL, NORTH]);
  await deleteEnterprisesByCreditCode([matrixCreditCode()]);
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
        expect(JSON.stringify(result.error)).not.toMatch(LEAK);
      }
    });

    it("refuses a visitor who is not signed in", async () => {
      expect((await call(api.client(), row.type, row.procedure, row.input(fixtures))).status).toBe(401);
    });
  });

  describe.each(OWN_SCOPE_ROWS)("$procedure returns only the caller's own scope", (row) => {
    it.each(EVERYONE)("%s", async (actor) => {
      const result = await call(clients.get(actor)!, row.type, row.procedure, row.input?.());
      if (result.status !== 200) expect([403, 404]).toContain(result.status);
      row.expectFor(actor, result.data);
    });
  });

  it("does not let anyone name another user when changing a password", async () => {
    const result = await clients.get("county-central")!.mutation("auth.changePassword", {
      userId: "00000000-0000-4000-8000-000000000000",
      currentPassword: "Demo@2025",
      newPassword: "Another2026x",
    });
    expect(result.status).toBe(400);
    expect(result.error?.message).toContain("userId");
  });
});
