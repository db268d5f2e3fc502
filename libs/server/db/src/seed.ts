/**
 * Reference data and the demo seed (both idempotent). The reference data is the whole geography (cities and counties),
 * which every database needs, tests' included. The demo seed adds the 2025年度 batch, three pilot counties (one per region) with a
 * few enterprises each, three providers and one demo account per role. Runs as the owner (bypasses RLS).
 * Existing rows are kept: re-running never resets a password someone changed.
 */
import { CITIES, COUNTIES, makeCreditCode, type Role } from "@dtpilot/domain";
import type { Database } from "./client";
import { emptyFileCompletenessColumns } from "./file-completeness";
import type { ProviderCapability, ProviderIndustry, ProviderOrigin } from "./generated/prisma/client";
import { hashPassword } from "./password";

/**
 * The demo accounts' shared password — a demonstration only: it is shorter than the password rule allows (the seed
 * is the one place that sets a password without the rule) and must never be used for a real account.
 */
export const DEMO_PASSWORD = "Demo@2025";
export const DEMO_BATCH = { name: "2025年度", startsOn: "2025-09-01", endsOn: "2026-10-31" } as const;
export const DEMO_PILOT_COUNTIES = { jiangyin: "320281", haian: "320685", shuyang: "321322" } as const;

const DEMO_ENTERPRISES: Record<string, string[]> = {
  [DEMO_PILOT_COUNTIES.jiangyin]: [
    "江阴澄江精密机械有限公司",
    "江阴华士纺织科技有限公司",
    "江阴周庄新材料有限公司",
    "江阴临港特钢制品有限公司",
    "江阴申港汽车零部件有限公司",
  ],
  [DEMO_PILOT_COUNTIES.haian]: [
    "海安城东纺织机械有限公司",
    "海安曲塘锻压设备有限公司",
    "海安李堡丝绸有限公司",
    "海安南莫电梯部件有限公司",
  ],
  [DEMO_PILOT_COUNTIES.shuyang]: ["沭阳花木科技有限公司", "沭阳胡集木业有限公司", "沭阳华冲家具制造有限公司"],
};

interface DemoProvider {
  name: string;
  capability: ProviderCapability;
  industry: ProviderIndustry;
  origin: ProviderOrigin;
  counties: string[];
}

const DEMO_PROVIDERS: DemoProvider[] = [
  {
    name: "江苏智云工业互联网科技有限公司",
    capability: "COMPREHENSIVE",
    industry: "INDUSTRIAL_SOFTWARE",
    origin: "LOCAL",
    counties: [DEMO_PILOT_COUNTIES.jiangyin, DEMO_PILOT_COUNTIES.haian],
  },
  {
    name: "无锡纺织智造服务有限公司",
    capability: "INDUSTRY",
    industry: "SMART_EQUIPMENT",
    origin: "LOCAL",
    counties: [DEMO_PILOT_COUNTIES.jiangyin],
  },
  {
    name: "南京网联算力科技有限公司",
    capability: "SCENARIO",
    industry: "NETWORK_COMPUTING",
    origin: "EXTERNAL",
    counties: [DEMO_PILOT_COUNTIES.shuyang],
  },
];

/** Each pilot county's demo sub-industry (“集群—细分行业”) and its team's account. */
const DEMO_SUB_INDUSTRIES: Record<string, string> = {
  [DEMO_PILOT_COUNTIES.jiangyin]: "高端装备—精密机械零部件",
  [DEMO_PILOT_COUNTIES.haian]: "高端纺织—纺织机械",
  [DEMO_PILOT_COUNTIES.shuyang]: "绿色食品—农副食品加工",
};
const DEMO_COUNTY_ADMIN: Record<string, string> = {
  [DEMO_PILOT_COUNTIES.jiangyin]: "county-jiangyin",
  [DEMO_PILOT_COUNTIES.haian]: "county-haian",
  [DEMO_PILOT_COUNTIES.shuyang]: "county-shuyang",
};

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  description: string;
}

/** The demo accounts, in the order `npm start` prints them. All use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "province", displayName: "省工信厅管理员", role: "PROVINCE_ADMIN", description: "省工信厅（全省）" },
  { username: "reviewer", displayName: "第三方评价机构", role: "REVIEWER", description: "第三方机构（江阴市）" },
  { username: "city-wuxi", displayName: "无锡市工信局", role: "CITY_OFFICER", description: "设区市（无锡市）" },
  { username: "county-jiangyin", displayName: "江阴市工信局", role: "COUNTY_ADMIN", description: "试点县（江阴市，苏南）" },
  { username: "county-haian", displayName: "海安市工信局", role: "COUNTY_ADMIN", description: "试点县（海安市，苏中）" },
  { username: "county-shuyang", displayName: "沭阳县工信局", role: "COUNTY_ADMIN", description: "试点县（沭阳县，苏北）" },
  { username: "ent-jiangyin-1", displayName: "江阴澄江精密机械", role: "ENTERPRISE_USER", description: "试点企业（江阴市）" },
  { username: "ent-haian-1", displayName: "海安城东纺织机械", role: "ENTERPRISE_USER", description: "试点企业（海安市）" },
  { username: "provider-1", displayName: "江苏智云", role: "PROVIDER_USER", description: "数字化服务商（江阴市、海安市）" },
  { username: "provider-3", displayName: "南京网联算力", role: "PROVIDER_USER", description: "数字化服务商（沭阳县）" },
  { username: "city-nantong", displayName: "南通市工信局", role: "CITY_OFFICER", description: "设区市（南通市）" },
];

/** A demo credit code: 91 (工商, 企业) + the county's division code + a serial, with its check character. */
function demoCreditCode(countyCode: string, serial: number): string {
  return makeCreditCode(`91${countyCode}MA${String(serial).padStart(7, "0")}`);
}

/** The geography every database needs: Jiangsu's cities and counties, from the domain's reference lists. */
export async function seedReferenceData(db: Database): Promise<void> {
  for (const city of CITIES) {
    await db.city.upsert({ where: { code: city.code }, create: city, update: { name: city.name, region: city.region } });
  }
  for (const county of COUNTIES) {
    const data = { name: county.name, kind: county.kind, cityCode: county.cityCode };
    await db.county.upsert({ where: { code: county.code }, create: { code: county.code, ...data }, update: data });
  }
}

/** The reference data, then the demo's batch, pilot counties, enterprises, providers and accounts. */
export async function seedDemo(db: Database): Promise<{ counties: number; enterprises: number; users: number }> {
  await seedReferenceData(db);

  const batch = await db.batch.upsert({
    where: { name: DEMO_BATCH.name },
    create: { name: DEMO_BATCH.name, startsOn: new Date(DEMO_BATCH.startsOn), endsOn: new Date(DEMO_BATCH.endsOn) },
    update: {},
  });
  for (const countyId of Object.values(DEMO_PILOT_COUNTIES)) {
    await db.pilotCounty.upsert({
      where: { batchId_countyId: { batchId: batch.id, countyId } },
      create: { batchId: batch.id, countyId },
      update: {},
    });
  }

  const enterpriseIds: Record<string, string> = {};
  const creditCodes: Record<string, string> = {};
  let serial = 1;
  for (const [countyId, names] of Object.entries(DEMO_ENTERPRISES)) {
    for (const name of names) {
      const creditCode = demoCreditCode(countyId, serial++);
      const enterprise = await db.enterprise.upsert({ where: { creditCode }, create: { countyId, name, creditCode }, update: {} });
      enterpriseIds[name] = enterprise.id;
      creditCodes[name] = enterprise.creditCode;
    }
  }

  const providerIds: string[] = [];
  for (const [index, { counties, ...provider }] of DEMO_PROVIDERS.entries()) {
    const creditCode = demoCreditCode("320100", 900 + index);
    const saved = await db.provider.upsert({ where: { creditCode }, create: { ...provider, creditCode }, update: {} });
    providerIds.push(saved.id);
    for (const countyId of counties) {
      await db.providerCounty.upsert({
        where: { providerId_countyId: { providerId: saved.id, countyId } },
        create: { providerId: saved.id, countyId },
        update: {},
      });
    }
  }

  const scopeOf: Record<string, { cityCode?: string; countyId?: string; enterpriseId?: string; providerId?: string }> = {
    "city-wuxi": { cityCode: "3202" },
    "city-nantong": { cityCode: "3206" },
    "county-jiangyin": { countyId: DEMO_PILOT_COUNTIES.jiangyin },
    "county-haian": { countyId: DEMO_PILOT_COUNTIES.haian },
    "county-shuyang": { countyId: DEMO_PILOT_COUNTIES.shuyang },
    "ent-jiangyin-1": { enterpriseId: enterpriseIds["江阴澄江精密机械有限公司"] },
    "ent-haian-1": { enterpriseId: enterpriseIds["海安城东纺织机械有限公司"] },
    "provider-1": { providerId: providerIds[0] },
    "provider-3": { providerId: providerIds[2] },
  };
  // Earlier seeds gave every demo user one hash (one salt): identical hashes are that untouched demo password, so
  // give each its own salt now. A changed password has its own hash and is left alone.
  const demoUsers = await db.user.findMany({ where: { username: { in: DEMO_ACCOUNTS.map((account) => account.username) } } });
  for (const user of demoUsers) {
    if (demoUsers.some((other) => other.id !== user.id && other.passwordHash === user.passwordHash)) {
      await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } });
    }
  }
  for (const account of DEMO_ACCOUNTS) {
    // Hashed per user: each demo user gets its own salt, so one cracked hash reveals nothing about the others.
    const user = await db.user.upsert({
      where: { username: account.username },
      create: { username: account.username, displayName: account.displayName, passwordHash: await hashPassword(DEMO_PASSWORD) },
      update: {},
    });
    const membership = await db.membership.upsert({
      where: { userId_role: { userId: user.id, role: account.role } },
      create: { userId: user.id, role: account.role, ...scopeOf[account.username] },
      update: {},
    });
    if (account.role === "REVIEWER") {
      await db.reviewerAssignment.upsert({
        where: {
          membershipId_countyId_batchId: { membershipId: membership.id, countyId: DEMO_PILOT_COUNTIES.jiangyin, batchId: batch.id },
        },
        create: { membershipId: membership.id, countyId: DEMO_PILOT_COUNTIES.jiangyin, batchId: batch.id },
        update: {},
      });
    }
  }

  // The roster (试点企业改造名单) of the 2025 batch: every demo enterprise of a pilot county, in its county's cluster;
  // provider-1 works with ent-jiangyin-1's enterprise.
  for (const [countyId, names] of Object.entries(DEMO_ENTERPRISES)) {
    const countyAdmin = await db.user.findUniqueOrThrow({ where: { username: DEMO_COUNTY_ADMIN[countyId]! } });
    for (const [index, name] of names.entries()) {
      const enterpriseId = enterpriseIds[name]!;
      const pilot = await db.pilotEnterprise.upsert({
        where: { batchId_enterpriseId: { batchId: batch.id, enterpriseId } },
        create: {
          countyId,
          batchId: batch.id,
          enterpriseId,
          subIndustry: DEMO_SUB_INDUSTRIES[countyId]!,
          scale: index % 2 === 0 ? "ABOVE" : "BELOW",
          specialised: index === 0,
          lastYearRevenue: String(12_000 - index * 1_500),
          addedById: countyAdmin.id,
          ...emptyFileCompletenessColumns({ enterpriseName: name, creditCode: creditCodes[name]!, countyId }),
        },
        update: {},
      });
      if (name === "江阴澄江精密机械有限公司") {
        await db.enterpriseProviderLink.upsert({
          where: { pilotEnterpriseId_providerId: { pilotEnterpriseId: pilot.id, providerId: providerIds[0]! } },
          create: { countyId, pilotEnterpriseId: pilot.id, providerId: providerIds[0]!, linkedById: countyAdmin.id },
          update: {},
        });
      }
    }
  }

  return {
    counties: await db.county.count(),
    enterprises: await db.enterprise.count(),
    users: await db.user.count(),
  };
}
