import { defineRulesFor } from "@dtpilot/permissions";
import { afterAll, describe, expect, it } from "vitest";
import { createAppDatabase } from "./client";
import { TenantDb } from "./tenant-db";
import { withScope } from "./tenant-scope";

const db = createAppDatabase();
afterAll(() => db.$disconnect());

describe("TenantDb", () => {
  it("matches nothing for a model the principal has no rule for, even combined with other conditions", async () => {
    const provider = { userId: "u", role: "PROVIDER_USER" as const, scope: { kind: "provider" as const, providerId: "00000000-0000-4000-8000-000000000001" } };
    const count = await withScope(db, provider.scope, (tx) => {
      const tenant = new TenantDb(tx, provider, defineRulesFor(provider));
      return tx.county.count({ where: { AND: [{ code: "320281" }, tenant.accessible("read", "County")] } });
    });
    expect(count).toBe(0);
  });

  it("filters by the rules' conditions on top of row-level security", async () => {
    const county = { userId: "u", role: "COUNTY_ADMIN" as const, scope: { kind: "county" as const, countyId: "320281" } };
    const counties = await withScope(db, county.scope, (tx) =>
      tx.county.findMany({ where: new TenantDb(tx, county, defineRulesFor(county)).accessible("read", "County"), select: { code: true } }),
    );
    expect(counties).toEqual([{ code: "320281" }]);
  });
});
