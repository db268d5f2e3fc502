/**
 * What the API bench measures: the main procedures of every role, as `procedure@role` cases, and how each finds its
 * input by asking the API as that role (its county from auth.me, a roster entry from the roster list, a plan from
 * the plan list) — so the same cases run on the demo database and on the province-scale one.
 */
import { call, CallError, type CallType } from "./client";

export const ROLES = ["province", "city", "reviewer", "county", "enterprise", "provider"] as const;
export type RoleKey = (typeof ROLES)[number];

/** The demo accounts (README), password Demo@2025. */
export const DEMO_USERS: Record<RoleKey, string> = {
  province: "province",
  city: "city-wuxi",
  reviewer: "reviewer",
  county: "county-jiangyin",
  enterprise: "ent-jiangyin-1",
  provider: "provider-1",
};

/** read: one record; list: a list or a page built from one; mutation: writes (run with a fixed number of requests). */
export type CaseKind = "read" | "list" | "mutation";

export interface BenchCase {
  id: string;
  procedure: string;
  role: RoleKey;
  type: CallType;
  kind: CaseKind;
  input: (world: World) => Promise<unknown>;
  /**
   * A mutation's rows, to delete as the schema owner once measured: statements with $1 = the run's marker (which the
   * case puts in its input), $2 = the signed-in user's id. Only what carries the marker goes.
   */
  cleanup?: string[];
}

/** A case that cannot run on this database (e.g. no plan visible to the role): reported, not measured. */
export class Skip extends Error {}

type Scope =
  | { kind: "province" }
  | { kind: "city" | "reviewer"; countyIds: string[] }
  | { kind: "county"; countyId: string }
  | { kind: "enterprise"; countyId: string; enterpriseId: string }
  | { kind: "provider"; providerId: string };

export interface Me {
  user: { id: string; username: string };
  role: string;
  scope: Scope;
}

interface RosterAnswer {
  county: { code: string };
  entries: { id: string; status: string; completeness: { percentage: number } }[];
  total: number;
}

/** What the roster table asks for first: page 1 of 20, no filter, the roster's order. */
const FIRST_ROSTER_PAGE = { page: 1, pageSize: 20 } as const;
interface PlanSummary {
  id: string;
  countyId: string;
}

/** The signed-in roles and what the cases ask about, found once through the API and remembered. */
export class World {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly apiUrl: string,
    readonly sessions: Map<RoleKey, { cookie: string; me: Me }>,
    /** --county: the county overseers' cases name (else the county account's, else the first in their scope). */
    private readonly preferredCounty: string | undefined,
    /** This run's mark on what its mutations write, so exactly those rows can be removed. */
    readonly marker: string,
  ) {}

  session(role: RoleKey) {
    const session = this.sessions.get(role);
    if (!session) throw new Skip(`no ${role} account signed in`);
    return session;
  }

  query<T>(role: RoleKey, procedure: string, input?: unknown): Promise<T> {
    return call<T>(this.apiUrl, "query", procedure, input, this.session(role).cookie);
  }

  private once<T>(key: string, find: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, find());
    return this.memo.get(key) as Promise<T>;
  }

  /** The county a role's roster and plan cases are about. */
  county(role: RoleKey): Promise<string> {
    return this.once(`county:${role}`, async () => {
      const scope = this.session(role).me.scope;
      if (scope.kind === "county" || scope.kind === "enterprise") return scope.countyId;
      if (scope.kind === "provider") return this.providerCounty();
      const own = this.preferredCounty ?? (this.sessions.has("county") ? await this.county("county") : undefined);
      if (scope.kind === "province") {
        if (own) return own;
        const plans = await this.query<PlanSummary[]>(role, "plan.listPlans");
        if (plans[0]) return plans[0].countyId;
        throw new Skip("province: no county given (--county) and no plan to take one from");
      }
      if (own && scope.countyIds.includes(own)) return own;
      if (!scope.countyIds[0]) throw new Skip(`${role}: no county in scope`);
      return scope.countyIds[0];
    });
  }

  /** The first county the provider serves where it is linked to an enterprise (else the first it serves). */
  private providerCounty(): Promise<string> {
    return this.once("providerCounty", async () => {
      const provider = await this.query<{ counties: { code: string }[] }>("provider", "provider.getProvider");
      if (provider.counties.length === 0) throw new Skip("provider: serves no county");
      for (const county of provider.counties.slice(0, 5)) {
        const roster = await this.roster("provider", { countyId: county.code, ...FIRST_ROSTER_PAGE });
        if (roster.total > 0) return county.code;
      }
      return provider.counties[0]!.code;
    });
  }

  /** A page of the roster as `role` reads it (its own county's unless the input names one). */
  roster(role: RoleKey, input: Record<string, unknown>): Promise<RosterAnswer> {
    return this.once(`roster:${role}:${JSON.stringify(input)}`, () => this.query<RosterAnswer>(role, "roster.listRoster", input));
  }

  /** The input of a roster procedure for `role`: none for a county or enterprise (its own), else the county it names. */
  async rosterInput(role: RoleKey): Promise<{ countyId: string } | undefined> {
    const kind = this.session(role).me.scope.kind;
    return kind === "county" || kind === "enterprise" ? undefined : { countyId: await this.county(role) };
  }

  /** roster.listRoster's input as the roster table first asks: the first page of 20. */
  async rosterPageInput(role: RoleKey): Promise<Record<string, unknown>> {
    return { ...(await this.rosterInput(role)), ...FIRST_ROSTER_PAGE };
  }

  /** A roster entry `role` may open: the most complete file (the fullest answer), first in the roster's order on a tie. */
  pilotEnterprise(role: RoleKey): Promise<string> {
    return this.once(`pilotEnterprise:${role}`, async () => {
      const input = { ...(await this.rosterInput(role)), sort: { key: "completeness", direction: "descend" }, page: 1, pageSize: 10 };
      const [entry] = (await this.roster(role, input)).entries;
      if (!entry) throw new Skip(`${role}: no roster entry visible`);
      return entry.id;
    });
  }

  /** A plan `role` may read: the county's own current plan, or one of the overseer's plans (its county's first). */
  plan(role: RoleKey): Promise<string> {
    return this.once(`plan:${role}`, async () => {
      if (this.session(role).me.scope.kind === "county") {
        const current = await this.query<{ plan: { id: string } | null }>(role, "plan.getCurrentPlan");
        if (!current.plan) throw new Skip(`${role}: no plan for the batch in progress`);
        return current.plan.id;
      }
      const plans = await this.query<PlanSummary[]>(role, "plan.listPlans");
      const county = await this.county(role).catch(() => undefined);
      const plan = plans.find((candidate) => candidate.countyId === county) ?? plans[0];
      if (!plan) throw new Skip(`${role}: no plan visible`);
      return plan.id;
    });
  }
}

const noInput = async () => undefined;

function cases(
  procedure: string,
  type: CallType,
  kind: CaseKind,
  roles: RoleKey[],
  input: (world: World, role: RoleKey) => Promise<unknown>,
  cleanup?: string[],
): BenchCase[] {
  return roles.map((role) => ({ id: `${procedure}@${role}`, procedure, role, type, kind, input: (world: World) => input(world, role), ...(cleanup ? { cleanup } : {}) }));
}

/** Every case, in the order they run; the one mutation last, so its rows never show in the lists measured before. */
export const CASES: BenchCase[] = [
  ...cases("auth.me", "query", "read", [...ROLES], noInput),
  ...cases("roster.listRoster", "query", "list", ["county", "city", "province", "reviewer", "provider"], (world, role) => world.rosterPageInput(role)),
  ...cases("enterpriseFile.getEnterpriseFile", "query", "read", ["county", "enterprise", "provider", "city"], async (world, role) => ({
    pilotEnterpriseId: await world.pilotEnterprise(role),
  })),
  ...cases("plan.getCurrentPlan", "query", "read", ["county"], noInput),
  ...cases("plan.getPlan", "query", "read", ["city", "province", "reviewer"], async (world, role) => ({ planId: await world.plan(role) })),
  ...cases("plan.listPlans", "query", "list", ["province", "city", "reviewer"], noInput),
  ...cases("roster.listRosterChanges", "query", "list", ["city", "province", "county"], (world, role) => world.rosterInput(role)),
  ...cases("documents.listExports", "query", "list", ["county", "city", "province"], noInput),
  // A roster export filtered by a sub-industry nobody has (the run's marker): the same request path as any filter; the
  // filter is kept in the export's parameters and in its audit record's input, which is how the bench finds its rows.
  ...cases("roster.requestRosterExport", "mutation", "mutation", ["county"], async (world) => ({ subIndustries: [world.marker] }), [
    `delete from "ExportFile" where "requestedById" = $2 and parameters -> 'filter' -> 'subIndustries' ->> 0 = $1`,
    `delete from "AuditRecord" where "actorId" = $2 and procedure = 'roster.requestRosterExport' and input -> 'subIndustries' ->> 0 = $1`,
  ]),
];

/** `--procedures`: case ids (`auth.me@county`), procedures (`auth.me`: every role) or roles (`@provider`). */
export function selectCases(filter: string | undefined): BenchCase[] {
  if (!filter) return CASES;
  const wanted = filter
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const selected = CASES.filter((entry) => wanted.some((item) => item === entry.id || item === entry.procedure || item === `@${entry.role}`));
  const unknown = wanted.filter((item) => !CASES.some((entry) => item === entry.id || item === entry.procedure || item === `@${entry.role}`));
  if (unknown.length > 0) throw new Error(`unknown --procedures ${unknown.join(", ")}; known: ${CASES.map((entry) => entry.id).join(", ")}`);
  return selected;
}

export function isCallError(error: unknown): error is CallError {
  return error instanceof CallError;
}
