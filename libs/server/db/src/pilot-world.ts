/**
 * Test tenants: a pilot world shaped like the demo (three pilot counties, one per region, with their roster, teams,
 * overseers and providers), built fresh for one test file with names, usernames and credit codes of its own. Each
 * world claims counties no other world pilots, so tests never meet each other's plans, rosters or files; the
 * province (and a city officer, whose city may hold another world's county) do see other worlds.
 */
import { randomBytes, randomInt } from "node:crypto";
import { COUNTIES, cityOf, currentBatch, makeCreditCode, regionOfCounty, type Region, type Role } from "@dtpilot/domain";
import type { Database } from "./client";
import { emptyFileCompletenessColumns } from "./file-completeness";
import { hashPassword } from "./password";

/** The accounts of a world, named after the demo's, by region: 苏南 (south), 苏中 (central), 苏北 (north). */
export type WorldAccount =
  | "province"
  | "reviewer"
  | "city-south"
  | "city-central"
  | "county-south"
  | "county-central"
  | "county-north"
  | "ent-south-1"
  | "ent-central-1"
  | "provider-1"
  | "provider-3";

export type WorldRegion = "south" | "central" | "north";

export interface WorldCounty {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
  /** 集群—细分行业 of its roster and its plan. */
  subIndustry: string;
}

export interface WorldEnterprise {
  id: string;
  name: string;
  creditCode: string;
  /** Its roster entry (PilotEnterprise) in the world's batch. */
  pilotEnterpriseId: string;
}

export interface WorldUser {
  id: string;
  username: string;
  membershipId: string;
}

export interface PilotWorld {
  /** Short and unique: part of every name this world made. */
  tag: string;
  batch: { id: string; name: string; startsOn: Date; endsOn: Date };
  counties: Record<WorldRegion, WorldCounty>;
  /** Each county's roster, in order; the first of south and central have accounts (ent-south-1, ent-central-1). */
  enterprises: Record<WorldRegion, WorldEnterprise[]>;
  /** provider-1 serves south and central and works with ent-south-1; provider-2 south; provider-3 north. */
  providers: Record<"provider1" | "provider2" | "provider3", { id: string; name: string; creditCode: string }>;
  users: Record<WorldAccount, WorldUser>;
}

/** The password of every account a world opens (the demo's; fixtures set it without the password rule). */
export const WORLD_PASSWORD = "Demo@2025";

const REGION_OF: Record<WorldRegion, Region> = { south: "SOUTH", central: "CENTRAL", north: "NORTH" };
const SUB_INDUSTRY: Record<WorldRegion, string> = {
  south: "高端装备—精密机械零部件",
  central: "高端纺织—纺织机械",
  north: "绿色食品—农副食品加工",
};
const ENTERPRISE_NAMES: Record<WorldRegion, string[]> = {
  south: ["精密机械", "纺织科技", "新材料", "特钢制品", "汽车零部件"],
  central: ["纺织机械", "锻压设备", "丝绸", "电梯部件"],
  north: ["花木科技", "木业", "家具制造"],
};

/**
 * The batch in progress today, shared by every world: the current batch is global (a reviewer's assignments follow
 * it), so worlds differ by county, not by batch. An empty database gets one for today's season (September to October
 * of the next year).
 */
export async function ensureCurrentBatch(db: Database, today = new Date()): Promise<PilotWorld["batch"]> {
  const select = { id: true, name: true, startsOn: true, endsOn: true } as const;
  const current = currentBatch(await db.batch.findMany({ select }), today);
  if (current) return current;
  const year = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const name = `${year}年度`;
  return db.batch.upsert({ where: { name }, create: { name, startsOn: new Date(`${year}-09-01`), endsOn: new Date(`${year + 1}-10-31`) }, update: {}, select });
}

/** Makes a county of `region` that pilots in no batch yet this world's pilot county (a unique row decides races). */
async function claimCounty(db: Database, batchId: string, region: WorldRegion): Promise<WorldCounty> {
  for (const county of COUNTIES.filter((candidate) => regionOfCounty(candidate.code) === REGION_OF[region])) {
    if ((await db.pilotCounty.count({ where: { countyId: county.code } })) > 0) continue;
    const claimed = await db.pilotCounty.createMany({ data: [{ batchId, countyId: county.code }], skipDuplicates: true });
    if (claimed.count === 0) continue;
    const city = cityOf(county.code)!;
    return { code: county.code, name: county.name, cityCode: city.code, cityName: city.name, subIndustry: SUB_INDUSTRY[region] };
  }
  throw new Error(`No ${region} county is left to pilot in this test database: each world claims its own.`);
}

/** A credit code no other world uses: 91, the county, MA and a random serial, with its check character. */
function uniqueCreditCode(countyCode: string): string {
  return makeCreditCode(`91${countyCode}MA${String(randomInt(10_000_000)).padStart(7, "0")}`);
}

/** Builds a fresh pilot world, as the owner (bypassing row-level security). */
export async function createPilotWorld(db: Database): Promise<PilotWorld> {
  const tag = randomBytes(3).toString("hex");
  const batch = await ensureCurrentBatch(db);
  const counties = {
    south: await claimCounty(db, batch.id, "south"),
    central: await claimCounty(db, batch.id, "central"),
    north: await claimCounty(db, batch.id, "north"),
  };

  const created: Record<WorldRegion, Omit<WorldEnterprise, "pilotEnterpriseId">[]> = { south: [], central: [], north: [] };
  for (const region of ["south", "central", "north"] as const) {
    for (const kind of ENTERPRISE_NAMES[region]) {
      const county = counties[region];
      const data = { countyId: county.code, name: `${county.name.slice(0, -1)}${kind}${tag}有限公司`, creditCode: uniqueCreditCode(county.code) };
      created[region].push(await db.enterprise.create({ data, select: { id: true, name: true, creditCode: true } }));
    }
  }

  const provider = (name: string, capability: "COMPREHENSIVE" | "INDUSTRY" | "SCENARIO", countyCodes: string[]) =>
    db.provider.create({
      data: {
        name: `${name}${tag}有限公司`,
        creditCode: uniqueCreditCode("320100"),
        capability,
        industry: "INDUSTRIAL_SOFTWARE",
        origin: "LOCAL",
        counties: { create: countyCodes.map((countyId) => ({ countyId })) },
      },
      select: { id: true, name: true, creditCode: true },
    });
  const providers = {
    provider1: await provider("江苏智云工业互联网科技", "COMPREHENSIVE", [counties.south.code, counties.central.code]),
    provider2: await provider("纺织智造服务", "INDUSTRY", [counties.south.code]),
    provider3: await provider("网联算力科技", "SCENARIO", [counties.north.code]),
  };

  const scopes: Record<WorldAccount, { role: Role; cityCode?: string; countyId?: string; enterpriseId?: string; providerId?: string }> = {
    province: { role: "PROVINCE_ADMIN" },
    reviewer: { role: "REVIEWER" },
    "city-south": { role: "CITY_OFFICER", cityCode: counties.south.cityCode },
    "city-central": { role: "CITY_OFFICER", cityCode: counties.central.cityCode },
    "county-south": { role: "COUNTY_ADMIN", countyId: counties.south.code },
    "county-central": { role: "COUNTY_ADMIN", countyId: counties.central.code },
    "county-north": { role: "COUNTY_ADMIN", countyId: counties.north.code },
    "ent-south-1": { role: "ENTERPRISE_USER", enterpriseId: created.south[0]!.id },
    "ent-central-1": { role: "ENTERPRISE_USER", enterpriseId: created.central[0]!.id },
    "provider-1": { role: "PROVIDER_USER", providerId: providers.provider1.id },
    "provider-3": { role: "PROVIDER_USER", providerId: providers.provider3.id },
  };
  // One hash for the world's accounts: scrypt is slow by design, and no test compares two accounts' hashes.
  const passwordHash = await hashPassword(WORLD_PASSWORD);
  const users = {} as Record<WorldAccount, WorldUser>;
  for (const [account, { role, ...scope }] of Object.entries(scopes) as [WorldAccount, (typeof scopes)[WorldAccount]][]) {
    const username = `${account}-${tag}`;
    const user = await db.user.create({
      data: { username, displayName: username, passwordHash, memberships: { create: { role, ...scope } } },
      select: { id: true, memberships: { select: { id: true } } },
    });
    users[account] = { id: user.id, username, membershipId: user.memberships[0]!.id };
  }
  await db.reviewerAssignment.create({ data: { membershipId: users.reviewer.membershipId, countyId: counties.south.code, batchId: batch.id } });

  const enterprises: Record<WorldRegion, WorldEnterprise[]> = { south: [], central: [], north: [] };
  for (const region of ["south", "central", "north"] as const) {
    const county = counties[region];
    for (const [index, enterprise] of created[region].entries()) {
      const pilot = await db.pilotEnterprise.create({
        data: {
          countyId: county.code,
          batchId: batch.id,
          enterpriseId: enterprise.id,
          subIndustry: county.subIndustry,
          scale: index % 2 === 0 ? "ABOVE" : "BELOW",
          specialised: index === 0,
          lastYearRevenue: String(12_000 - index * 1_500),
          addedById: users[`county-${region}`].id,
          ...emptyFileCompletenessColumns({ enterpriseName: enterprise.name, creditCode: enterprise.creditCode, countyId: county.code }),
        },
        select: { id: true },
      });
      enterprises[region].push({ ...enterprise, pilotEnterpriseId: pilot.id });
    }
  }
  await db.enterpriseProviderLink.create({
    data: { countyId: counties.south.code, pilotEnterpriseId: enterprises.south[0]!.pilotEnterpriseId, providerId: providers.provider1.id, linkedById: users["county-south"].id },
  });

  return { tag, batch, counties, enterprises, providers, users };
}
