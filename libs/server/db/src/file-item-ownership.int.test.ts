/**
 * The database's own guard of who owns the statements in an enterprise's file (trigger file_section_ownership):
 * raw SQL as the app role, in the scopes the API sets, so a bug in the API still cannot let a provider rate itself or
 * rewrite the enterprise's needs.
 */
import type { Scope } from "@dtpilot/domain";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOwnerDatabase } from "./owner-client";
import { createPilotWorld } from "./pilot-world";
import { appDatabaseUrl, databaseSettings, ownerDatabaseUrl } from "./settings";
import { rowSecuritySettings } from "./tenant-scope";

let app: pg.Client;
let owner: pg.Client;
let pilotEnterpriseId: string;
let countyId: string;
let enterpriseId: string;
let provider1: string;
let provider2: string;

const ENTERPRISE_NEED = { id: randomUUID(), text: "设备联网", author: "ENTERPRISE", providerId: null };
const COUNTY_NEED = { id: randomUUID(), text: "安全评估", author: "COUNTY", providerId: null, editedBy: null };
let providerNeed: { id: string; text: string; author: string; providerId: string };
let rivalNeed: { id: string; text: string; author: string; providerId: string };
const evaluation = (rating: number) => ({ id: randomUUID(), providerId: null, providerName: "江苏智云", product: "平台", rating, comment: null });
const EVALUATION = evaluation(3);

const needs = (...items: object[]) => ({ EQUIPMENT_DATA: items, INTERCONNECTION: [], DATA_GOVERNANCE: [], AI_APPLICATION: [], NETWORK_DATA_SECURITY: [], OTHER: [] });
const results = (providerEvaluations: object[], totalCost = "10") => ({ totalCost, providerEvaluations, transformationItems: [] });

beforeAll(async () => {
  app = new pg.Client(databaseSettings(appDatabaseUrl()));
  owner = new pg.Client(databaseSettings(ownerDatabaseUrl()));
  await Promise.all([app.connect(), owner.connect()]);
  // ent-south-1's roster entry, linked to provider-1; provider-2, a second provider linked to the same enterprise, whose
  // need provider-1 must not touch either.
  const seeder = createOwnerDatabase();
  try {
    const world = await createPilotWorld(seeder);
    ({ pilotEnterpriseId, id: enterpriseId } = world.enterprises.south[0]!);
    countyId = world.counties.south.code;
    provider1 = world.providers.provider1.id;
    provider2 = world.providers.provider2.id;
    await seeder.enterpriseProviderLink.create({ data: { countyId, pilotEnterpriseId: pilotEnterpriseId, providerId: provider2, linkedById: world.users["county-south"].id } });
  } finally {
    await seeder.$disconnect();
  }
  providerNeed = { id: randomUUID(), text: "数据采集网关", author: "PROVIDER", providerId: provider1 };
  rivalNeed = { id: randomUUID(), text: "质量追溯", author: "PROVIDER", providerId: provider2 };
});
beforeEach(async () => {
  await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
  for (const [section, content] of [
    ["NEEDS", needs(ENTERPRISE_NEED, providerNeed, rivalNeed, COUNTY_NEED)],
    ["RESULTS", results([EVALUATION])],
  ] as const) {
    await owner.query(
      `insert into "EnterpriseFileSection" (id, "countyId", "pilotEnterpriseId", "enterpriseId", section, content, "updatedAt")
       values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
      [countyId, pilotEnterpriseId, enterpriseId, section, JSON.stringify(content)],
    );
  }
});
afterAll(async () => {
  await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
  await Promise.all([app.end(), owner.end()]);
});

/**
 * Writes the section as the app role in `scope`: "ok" (one row updated), "refused" (the trigger's
 * insufficient_privilege), or the row count when the policies admitted none.
 */
async function write(scope: Scope, section: "NEEDS" | "RESULTS", content: object): Promise<"ok" | "refused" | number> {
  await app.query("begin");
  try {
    for (const [name, value] of Object.entries(rowSecuritySettings(scope))) await app.query("select set_config($1, $2, true)", [name, value]);
    const { rowCount } = await app.query(
      `update "EnterpriseFileSection" set content = $3, revision = revision + 1 where "pilotEnterpriseId" = $1 and section = $2`,
      [pilotEnterpriseId, section, JSON.stringify(content)],
    );
    return rowCount === 1 ? "ok" : (rowCount ?? 0);
  } catch (error) {
    if ((error as { code?: string }).code === "42501") return "refused";
    throw error;
  } finally {
    await app.query("rollback");
  }
}

const asProvider1 = (): Scope => ({ kind: "provider", providerId: provider1 });
const asEnterprise = (): Scope => ({ kind: "enterprise", enterpriseId, countyId });
const asCounty = (): Scope => ({ kind: "county", countyId });

describe("ownership of the statements in an enterprise file, in the database", () => {
  it("refuses a provider rating itself, rating a rival, adding or deleting an evaluation of providers", async () => {
    expect(await write(asProvider1(), "RESULTS", results([{ ...EVALUATION, rating: 5 }]))).toBe("refused");
    expect(await write(asProvider1(), "RESULTS", results([EVALUATION, { ...evaluation(1), providerName: "对手服务商" }]))).toBe("refused");
    expect(await write(asProvider1(), "RESULTS", results([]))).toBe("refused");
  });

  it("lets a provider write the rest of section 三 with the evaluations untouched (nulls as absent)", async () => {
    const withoutComment: Partial<typeof EVALUATION> = { ...EVALUATION };
    delete withoutComment.comment;
    expect(await write(asProvider1(), "RESULTS", results([withoutComment], "12"))).toBe("ok");
  });

  it("refuses a provider rewriting, moving or deleting another's need, or adding one in another's name", async () => {
    for (const other of [ENTERPRISE_NEED, rivalNeed, COUNTY_NEED]) {
      const rest = [ENTERPRISE_NEED, providerNeed, rivalNeed, COUNTY_NEED].filter((item) => item !== other);
      expect(await write(asProvider1(), "NEEDS", needs(...rest, { ...other, text: "改写" })), other.text).toBe("refused");
      expect(await write(asProvider1(), "NEEDS", needs(...rest)), other.text).toBe("refused");
      expect(await write(asProvider1(), "NEEDS", { ...needs(...rest), OTHER: [other] }), other.text).toBe("refused");
    }
    const forged = { id: randomUUID(), text: "冒名", author: "ENTERPRISE", providerId: null };
    expect(await write(asProvider1(), "NEEDS", needs(ENTERPRISE_NEED, providerNeed, rivalNeed, COUNTY_NEED, forged))).toBe("refused");
    // Claiming to be the author of the enterprise's need does not make it the provider's.
    const claimed = { ...ENTERPRISE_NEED, author: "PROVIDER", providerId: provider1, text: "改写" };
    expect(await write(asProvider1(), "NEEDS", needs(claimed, providerNeed, rivalNeed, COUNTY_NEED))).toBe("refused");
  });

  it("lets a provider change its own need and add its own, others' untouched and reordered", async () => {
    const own = { id: randomUUID(), text: "边缘计算", author: "PROVIDER", providerId: provider1 };
    expect(await write(asProvider1(), "NEEDS", needs(COUNTY_NEED, rivalNeed, { ...providerNeed, text: "新网关" }, ENTERPRISE_NEED, own))).toBe("ok");
  });

  it("refuses the enterprise rewriting or deleting a provider's or the county's need, and lets it change its own", async () => {
    expect(await write(asEnterprise(), "NEEDS", needs(ENTERPRISE_NEED, { ...providerNeed, text: "改写" }, rivalNeed, COUNTY_NEED))).toBe("refused");
    expect(await write(asEnterprise(), "NEEDS", needs(ENTERPRISE_NEED, providerNeed, rivalNeed))).toBe("refused");
    const own = { id: randomUUID(), text: "主数据", author: "ENTERPRISE", providerId: null };
    expect(await write(asEnterprise(), "NEEDS", needs({ ...ENTERPRISE_NEED, text: "改" }, providerNeed, rivalNeed, COUNTY_NEED, own))).toBe("ok");
    expect(await write(asEnterprise(), "RESULTS", results([{ ...EVALUATION, rating: 4 }]))).toBe("ok");
  });

  it("lets the county, keeper of the whole file, change any item", async () => {
    expect(await write(asCounty(), "NEEDS", needs({ ...providerNeed, text: "县改", editedBy: "COUNTY" }))).toBe("ok");
    expect(await write(asCounty(), "RESULTS", results([{ ...EVALUATION, rating: 2, editedBy: "COUNTY" }]))).toBe("ok");
  });

  it("refuses a provider's first save of a section that carries evaluations or others' needs", async () => {
    await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
    const insert = async (section: string, content: object) => {
      await app.query("begin");
      try {
        for (const [name, value] of Object.entries(rowSecuritySettings(asProvider1()))) await app.query("select set_config($1, $2, true)", [name, value]);
        await app.query(
          `insert into "EnterpriseFileSection" (id, "countyId", "pilotEnterpriseId", "enterpriseId", section, content, "updatedAt")
           values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
          [countyId, pilotEnterpriseId, enterpriseId, section, JSON.stringify(content)],
        );
        return "ok";
      } catch (error) {
        return (error as { code?: string }).code === "42501" ? "refused" : String(error);
      } finally {
        await app.query("rollback");
      }
    };
    expect(await insert("RESULTS", results([evaluation(5)]))).toBe("refused");
    expect(await insert("NEEDS", needs(ENTERPRISE_NEED))).toBe("refused");
    expect(await insert("NEEDS", needs(providerNeed))).toBe("ok");
    expect(await insert("RESULTS", results([]))).toBe("ok");
  });
});
