/**
 * The raw reads of the hot procedures (scoped-sql.ts) against the Prisma reads they replaced: for every kind of
 * principal of a pilot world — the county's own team, another county's, its city, a city outside its scope, the
 * province, a reviewer, its enterprise, another county's enterprise, a linked provider and one not linked — each raw
 * read answers exactly what the Prisma read answers (the reference below is the replaced code), and what is outside
 * the principal's scope reads as missing.
 */
import { countiesOfCity, type Principal } from "@dtpilot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppDatabase } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { createOwnerDatabase } from "./owner-client";
import { createPilotWorld, type PilotWorld, type WorldAccount } from "./pilot-world";
import { findCountyBatches } from "./repositories/county-repository";
import { findEnterpriseFile, findFileSections, isLinkedProvider } from "./repositories/enterprise-file-repository";
import { findOwnProfile } from "./repositories/identity-repository";
import { findPlan, findPlanIdForCounty, findPlanOfCounty, findPlanVersion, listPlans } from "./repositories/plan-repository";
import { findPilotEnterprise } from "./repositories/roster-repository";
import { withTenant, type TenantDb } from "./tenant-db";
import { transactionOf } from "./tenant-transaction";

const db = createAppDatabase({ poolSize: 2 });
let world: PilotWorld;
let plans: { south: string; central: string };
/** ent-south-1's roster entry (linked to provider-1, with two file sections) and the 苏北 county's first. */
let files: { south: string; north: string };

const ACCOUNTS = [
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
type Account = (typeof ACCOUNTS)[number];

function principalOf(account: Account): Principal {
  const userId = world.users[account].id;
  const { south, central, north } = world.counties;
  const city = (cityCode: string) => ({ kind: "city" as const, cityId: cityCode, countyIds: countiesOfCity(cityCode).map((county) => county.code) });
  switch (account) {
    case "province":
      return { userId, role: "PROVINCE_ADMIN", scope: { kind: "province" } };
    case "reviewer":
      return { userId, role: "REVIEWER", scope: { kind: "reviewer", countyIds: [south.code] } };
    case "city-south":
      return { userId, role: "CITY_OFFICER", scope: city(south.cityCode) };
    case "city-central":
      return { userId, role: "CITY_OFFICER", scope: city(central.cityCode) };
    case "county-south":
    case "county-central":
    case "county-north": {
      const countyId = { "county-south": south, "county-central": central, "county-north": north }[account].code;
      return { userId, role: "COUNTY_ADMIN", scope: { kind: "county", countyId } };
    }
    case "ent-south-1":
      return { userId, role: "ENTERPRISE_USER", scope: { kind: "enterprise", enterpriseId: world.enterprises.south[0]!.id, countyId: south.code } };
    case "ent-central-1":
      return { userId, role: "ENTERPRISE_USER", scope: { kind: "enterprise", enterpriseId: world.enterprises.central[0]!.id, countyId: central.code } };
    case "provider-1":
      return { userId, role: "PROVIDER_USER", scope: { kind: "provider", providerId: world.providers.provider1.id } };
    case "provider-3":
      return { userId, role: "PROVIDER_USER", scope: { kind: "provider", providerId: world.providers.provider3.id } };
  }
}

const as = <T>(account: Account, work: (tenant: TenantDb) => Promise<T>) => withTenant(db, principalOf(account), work);

beforeAll(async () => {
  const owner = createOwnerDatabase();
  try {
    world = await createPilotWorld(owner);
    const { south, central } = world.counties;
    const countyUser = world.users["county-south"].id;
    const cityUser = world.users["city-south"].id;
    // The 苏南 county's plan: submitted, returned by its city with two comments (given at one instant), at version 2.
    const plan = await owner.implementationPlan.create({
      data: { countyId: south.code, batchId: world.batch.id, state: "RETURNED_BY_CITY", currentVersion: 2 },
      select: { id: true },
    });
    await owner.planVersion.create({ data: { countyId: south.code, planId: plan.id, number: 1, content: { version: 1 }, updatedById: countyUser, submittedAt: new Date() } });
    await owner.planVersion.create({ data: { countyId: south.code, planId: plan.id, number: 2, content: { version: 2, 名称: "实施方案" }, updatedById: cityUser } });
    const event = (data: { event: string; fromState: string; toState: string; actorId: string; actorRole: "COUNTY_ADMIN" | "CITY_OFFICER"; at: string }) =>
      owner.workflowEvent.create({
        data: { countyId: south.code, subjectKind: "IMPLEMENTATION_PLAN", subjectId: plan.id, version: 1, createdAt: new Date(data.at), ...data, at: undefined },
        select: { id: true },
      });
    await event({ event: "SUBMIT", fromState: "DRAFT", toState: "SUBMITTED", actorId: countyUser, actorRole: "COUNTY_ADMIN", at: "2026-10-01T08:00:00.123Z" });
    const returned = await event({ event: "RETURN", fromState: "SUBMITTED", toState: "RETURNED_BY_CITY", actorId: cityUser, actorRole: "CITY_OFFICER", at: "2026-10-02T09:30:00Z" });
    const at = new Date("2026-10-02T09:30:00.500Z");
    await owner.planComment.createMany({
      data: [
        { countyId: south.code, planId: plan.id, eventId: returned.id, versionNumber: 1, target: "general", body: "请补充目标", position: 0, authorId: cityUser, createdAt: at },
        { countyId: south.code, planId: plan.id, eventId: returned.id, versionNumber: 1, target: "dataTable", body: "数据有误", position: 1, authorId: cityUser, createdAt: at },
      ],
    });
    // The 苏中 county's: a draft nobody else may see yet.
    const draft = await owner.implementationPlan.create({ data: { countyId: central.code, batchId: world.batch.id }, select: { id: true } });
    await owner.planVersion.create({ data: { countyId: central.code, planId: draft.id, number: 1, content: {}, updatedById: world.users["county-central"].id } });
    plans = { south: plan.id, central: draft.id };

    // ent-south-1's file: section 一 saved by the enterprise, 四 by nobody in particular; its project started.
    const entry = world.enterprises.south[0]!;
    await owner.pilotEnterprise.update({ where: { id: entry.pilotEnterpriseId }, data: { transformationStartedOn: new Date("2026-09-15") } });
    for (const [section, content, updatedById] of [
      ["BASIC", { enterpriseName: "x", registeredCapital: 1.5 }, world.users["ent-south-1"].id],
      ["EVALUATION", { rating: "GOOD" }, null],
    ] as const) {
      await owner.enterpriseFileSection.create({
        data: { countyId: south.code, pilotEnterpriseId: entry.pilotEnterpriseId, enterpriseId: entry.id, section, content, updatedById, revision: 3 },
      });
    }
    files = { south: entry.pilotEnterpriseId, north: world.enterprises.north[0]!.pilotEnterpriseId };
  } finally {
    await owner.$disconnect();
  }
});
afterAll(() => db.$disconnect());

/* The Prisma reads the raw reads replaced, as they were (reference). */

const PLAN_SUMMARY = {
  id: true,
  countyId: true,
  batchId: true,
  state: true,
  currentVersion: true,
  createdAt: true,
  updatedAt: true,
  county: { select: { code: true, name: true, city: { select: { code: true, name: true, region: true } } } },
  batch: { select: { id: true, name: true, startsOn: true, endsOn: true } },
} as const satisfies Prisma.ImplementationPlanSelect;

const VERSION_META = {
  number: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  updatedBy: { select: { displayName: true } },
} as const satisfies Prisma.PlanVersionSelect;

const prismaRead = {
  ownProfile: (tenant: TenantDb, userId: string, membershipId: string) =>
    transactionOf(tenant).user.findFirst({
      where: { AND: [{ id: userId, disabled: false }, tenant.accessible("read", "User")] },
      select: {
        id: true,
        username: true,
        displayName: true,
        locale: true,
        memberships: {
          where: { id: membershipId },
          select: {
            role: true,
            city: { select: { code: true, name: true } },
            county: { select: { code: true, name: true, city: { select: { name: true, region: true } } } },
            enterprise: { select: { id: true, name: true, countyId: true } },
            provider: { select: { id: true, name: true } },
          },
        },
      },
    }),
  listPlans: (tenant: TenantDb, states?: ("RETURNED_BY_CITY" | "DRAFT")[]) =>
    transactionOf(tenant).implementationPlan.findMany({
      where: { AND: [states ? { state: { in: states } } : {}, tenant.accessible("read", "ImplementationPlan")] },
      select: PLAN_SUMMARY,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    }),
  plan: async (tenant: TenantDb, planId: string) => {
    const plan = await transactionOf(tenant).implementationPlan.findFirst({
      where: { AND: [{ id: planId }, tenant.accessible("read", "ImplementationPlan")] },
      select: { ...PLAN_SUMMARY, versions: { select: VERSION_META, orderBy: { number: "asc" } } },
    });
    if (!plan) return null;
    const events = await transactionOf(tenant).workflowEvent.findMany({
      where: { subjectKind: "IMPLEMENTATION_PLAN", subjectId: plan.id, countyId: plan.countyId },
      select: {
        id: true,
        version: true,
        event: true,
        fromState: true,
        toState: true,
        actorRole: true,
        createdAt: true,
        actor: { select: { displayName: true } },
        planComments: {
          select: { id: true, target: true, body: true, versionNumber: true, createdAt: true, author: { select: { displayName: true } } },
          orderBy: [{ createdAt: "asc" }, { position: "asc" }],
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    return {
      ...plan,
      events: events.map(({ version, event, planComments, ...rest }) => ({ ...rest, versionNumber: version, kind: event, comments: planComments })),
    };
  },
  planIdForCounty: (tenant: TenantDb, countyId: string) =>
    transactionOf(tenant).implementationPlan.findFirst({
      where: { AND: [{ countyId, batchId: world.batch.id }, tenant.accessible("read", "ImplementationPlan")] },
      select: { id: true },
    }),
  planVersion: (tenant: TenantDb, planId: string, versionNumber: number) =>
    transactionOf(tenant).planVersion.findFirst({
      where: { planId, number: versionNumber, plan: tenant.accessible("read", "ImplementationPlan") },
      select: { ...VERSION_META, content: true },
    }),
  countyBatches: async (tenant: TenantDb, countyCode: string) => {
    const county = await transactionOf(tenant).county.findFirst({
      where: { AND: [{ code: countyCode }, tenant.accessible("read", "County")] },
      select: {
        code: true,
        name: true,
        kind: true,
        city: { select: { code: true, name: true, region: true } },
        pilots: {
          where: tenant.accessible("read", "PilotCounty"),
          select: { batch: { select: { id: true, name: true, startsOn: true, endsOn: true } } },
          orderBy: { batch: { startsOn: "desc" } },
        },
      },
    });
    if (!county) return null;
    const { pilots, ...profile } = county;
    return { ...profile, batches: pilots.map((pilot) => pilot.batch) };
  },
  enterpriseFile: async (tenant: TenantDb, pilotEnterpriseId: string) => {
    const entry = await findPilotEnterprise(tenant, pilotEnterpriseId);
    if (!entry) return null;
    return { entry, sections: await findFileSections(tenant, entry.id), linkedToCaller: await isLinkedProvider(tenant, entry.id) };
  },
};

/** A plan record with its events in the reference's terms (the raw read's events are PlanEventRecords). */
const comparablePlan = (plan: Awaited<ReturnType<typeof findPlan>>) =>
  plan && { ...plan, events: plan.events.map(({ versionNumber, kind, ...rest }) => ({ ...rest, versionNumber, kind })) };

/** Sections in one order (neither read orders them). */
const bySection = <T extends { section: string }>(sections: T[]) => [...sections].sort((a, b) => a.section.localeCompare(b.section));
const comparableFile = (file: { entry: object; sections: { section: string }[]; linkedToCaller: boolean } | null) => file && { ...file, sections: bySection(file.sections) };

describe.each(ACCOUNTS)("raw reads as %s", (account) => {
  it("read the own profile as Prisma did, and nobody else's", async () => {
    const { id, membershipId } = world.users[account];
    await as(account, async (tenant) => {
      const raw = await findOwnProfile(tenant, id, membershipId);
      expect(raw).toEqual(await prismaRead.ownProfile(tenant, id, membershipId));
      expect(raw?.memberships).toHaveLength(1);
      // Another user's id, or another user's membership, reads as no profile / no membership.
      const other = world.users[account === "province" ? "reviewer" : "province"];
      expect(await findOwnProfile(tenant, other.id, other.membershipId)).toBeNull();
      expect((await findOwnProfile(tenant, id, other.membershipId))?.memberships).toEqual([]);
    });
  });

  it("list the plans as Prisma did, with or without a state filter", async () => {
    await as(account, async (tenant) => {
      const raw = await listPlans(tenant, {});
      expect(raw).toEqual(await prismaRead.listPlans(tenant));
      expect(await listPlans(tenant, { states: ["RETURNED_BY_CITY"] })).toEqual(await prismaRead.listPlans(tenant, ["RETURNED_BY_CITY"]));
      expect(await listPlans(tenant, { states: ["DRAFT"], batchId: world.batch.id })).toEqual(await prismaRead.listPlans(tenant, ["DRAFT"]));
    });
  });

  it("read a plan, its versions, events and comments as Prisma did", async () => {
    await as(account, async (tenant) => {
      for (const planId of [plans.south, plans.central]) {
        expect(comparablePlan(await findPlan(tenant, planId))).toEqual(await prismaRead.plan(tenant, planId));
        for (const number of [1, 2, 3]) expect(await findPlanVersion(tenant, planId, number)).toEqual(await prismaRead.planVersion(tenant, planId, number));
      }
      for (const county of Object.values(world.counties)) {
        const id = await prismaRead.planIdForCounty(tenant, county.code);
        expect(await findPlanIdForCounty(tenant, county.code, world.batch.id)).toEqual(id);
        const ofCounty = await findPlanOfCounty(tenant, { countyId: county.code, batchId: world.batch.id });
        expect(ofCounty?.id ?? null).toEqual(id?.id ?? null);
        if (id) expect(ofCounty).toEqual(await findPlan(tenant, id.id));
        expect(await findCountyBatches(tenant, county.code)).toEqual(await prismaRead.countyBatches(tenant, county.code));
      }
    });
  });

  it("read an enterprise's file with its roster entry as Prisma did", async () => {
    await as(account, async (tenant) => {
      for (const pilotEnterpriseId of [files.south, files.north]) {
        const raw = await findEnterpriseFile(tenant, pilotEnterpriseId);
        expect(comparableFile(raw && { entry: raw.entry, sections: raw.sections, linkedToCaller: raw.linkedToCaller })).toEqual(
          comparableFile(await prismaRead.enterpriseFile(tenant, pilotEnterpriseId)),
        );
        if (raw) expect({ id: raw.id, countyId: raw.countyId }).toEqual({ id: raw.entry.id, countyId: raw.entry.countyId });
      }
    });
  });
});

describe("raw reads across tenants", () => {
  it("show the 苏南 county's returned plan to its county, its city, the province and its reviewer only", async () => {
    const readers: Account[] = [];
    for (const account of ACCOUNTS) if (await as(account, (tenant) => findPlan(tenant, plans.south))) readers.push(account);
    expect(readers.sort()).toEqual(["city-south", "county-south", "province", "reviewer"]);
    // A city outside its scope, another county and a provider not even linked read neither the plan nor its versions.
    for (const account of ["city-central", "county-central", "provider-3"] as const) {
      expect(await as(account, (tenant) => findPlanVersion(tenant, plans.south, 2))).toBeNull();
      expect((await as(account, (tenant) => listPlans(tenant, {}))).map((plan) => plan.id)).not.toContain(plans.south);
    }
  });

  it("show ent-south-1's file to its county, city, province, reviewer, the enterprise and its linked provider only", async () => {
    const readers: Account[] = [];
    for (const account of ACCOUNTS) if (await as(account, (tenant) => findEnterpriseFile(tenant, files.south))) readers.push(account);
    expect(readers.sort()).toEqual(["city-south", "county-south", "ent-south-1", "provider-1", "province", "reviewer"]);
    const asLinked = await as("provider-1", (tenant) => findEnterpriseFile(tenant, files.south));
    expect(asLinked?.linkedToCaller).toBe(true);
    expect(asLinked?.sections.map((section) => section.section).sort()).toEqual(["BASIC", "EVALUATION"]);
    expect(asLinked?.entry.lastYearRevenue?.toString()).toBe("12000");
  });

  it("show a county's batches to those who read the county only", async () => {
    const south = world.counties.south.code;
    expect((await as("county-south", (tenant) => findCountyBatches(tenant, south)))?.batches.map((batch) => batch.id)).toEqual([world.batch.id]);
    for (const account of ["county-central", "city-central", "provider-1", "ent-central-1"] as const) {
      expect(await as(account, (tenant) => findCountyBatches(tenant, south))).toBeNull();
    }
  });
});
