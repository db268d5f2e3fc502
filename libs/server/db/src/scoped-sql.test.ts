import type { Principal } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import { accessibleWhere, utcDate } from "./scoped-sql";
import { TenantDb } from "./tenant-db";
import type { ScopedTransaction } from "./tenant-scope";

// No query runs here: the conditions are built from the rules alone.
const noTransaction = {} as ScopedTransaction;
const providerId = "00000000-0000-4000-8000-000000000001";
const enterpriseId = "00000000-0000-4000-8000-00000000000a";
const handle = (principal: Principal) => new TenantDb(noTransaction, principal);
const province = handle({ userId: "u-p", role: "PROVINCE_ADMIN", scope: { kind: "province" } });
const city = handle({ userId: "u-c", role: "CITY_OFFICER", scope: { kind: "city", cityId: "3202", countyIds: ["320281", "320282"] } });
const county = handle({ userId: "u-k", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: "320281" } });
const enterprise = handle({ userId: "u-e", role: "ENTERPRISE_USER", scope: { kind: "enterprise", enterpriseId, countyId: "320281" } });
const provider = handle({ userId: "u-v", role: "PROVIDER_USER", scope: { kind: "provider", providerId } });

const render = (condition: ReturnType<typeof accessibleWhere>) => ({ text: condition.text.replace(/\s+/g, " ").trim(), values: condition.values });

describe("accessibleWhere: the tenant handle's filter as SQL", () => {
  it("is true for an unconditional rule and false without any", () => {
    expect(render(accessibleWhere(province, "read", "ImplementationPlan", "p"))).toEqual({ text: "true", values: [] });
    expect(render(accessibleWhere(provider, "read", "ImplementationPlan", "p"))).toEqual({ text: "false", values: [] });
    expect(render(accessibleWhere(county, "review", "ImplementationPlan", "p"))).toEqual({ text: "false", values: [] });
  });

  it("reads the rules' county as one list parameter, one county or many", () => {
    expect(render(accessibleWhere(county, "read", "ImplementationPlan", "p"))).toEqual({ text: 'p."countyId" = any($1)', values: [["320281"]] });
    // CASL lists the rules last written first; the order of the list does not matter.
    expect(render(accessibleWhere(city, "read", "ImplementationPlan", "p"))).toEqual({ text: 'p."countyId" = any($1)', values: [["320282", "320281"]] });
    expect(render(accessibleWhere(city, "read", "County", "co"))).toEqual({ text: 'co."code" = any($1)', values: [["320282", "320281"]] });
  });

  it("narrows a user to their own account and an enterprise to its own organisation", () => {
    expect(render(accessibleWhere(enterprise, "read", "User", "u"))).toEqual({ text: 'u."id" = any($1)', values: [["u-e"]] });
    expect(render(accessibleWhere(enterprise, "read", "PilotEnterprise", "pe"))).toEqual({ text: 'pe."enterpriseId" = any($1)', values: [[enterpriseId]] });
  });

  it("writes rules on several fields as alternatives of equalities", () => {
    // A city reads its counties' files only when it asked for them itself: { countyId, requestedById } per county.
    expect(render(accessibleWhere(city, "read", "ExportFile", "x"))).toEqual({
      text: '((x."countyId" = $1 and x."requestedById" = $2) or (x."countyId" = $3 and x."requestedById" = $4))',
      values: ["320282", "u-c", "320281", "u-c"],
    });
  });

  it("keeps a provider to the pilot enterprises it is linked to, and to their files", () => {
    const linked = (column: string) => ({
      text: `(true and exists (select 1 from "EnterpriseProviderLink" link where link."pilotEnterpriseId" = ${column} and link."providerId" = $1::uuid))`,
      values: [providerId],
    });
    expect(render(accessibleWhere(provider, "read", "PilotEnterprise", "pe"))).toEqual(linked('pe."id"'));
    expect(render(accessibleWhere(provider, "read", "EnterpriseFileSection", "s"))).toEqual(linked('s."pilotEnterpriseId"'));
    expect(render(accessibleWhere(county, "read", "PilotEnterprise", "pe")).text).not.toContain("EnterpriseProviderLink");
  });

  it("refuses an alias or field that is not a plain name", () => {
    expect(() => accessibleWhere(county, "read", "ImplementationPlan", 'p"; drop table x; --')).toThrow(/not a column/);
  });
});

describe("utcDate", () => {
  it("reads PostgreSQL's timestamps (text or JSON) and dates as UTC, as Prisma does", () => {
    expect(utcDate("2026-10-02 09:30:00.5")).toEqual(new Date("2026-10-02T09:30:00.500Z"));
    expect(utcDate("2026-10-02T09:30:00.123")).toEqual(new Date("2026-10-02T09:30:00.123Z"));
    expect(utcDate("2026-10-02T09:30:00")).toEqual(new Date("2026-10-02T09:30:00.000Z"));
    expect(utcDate("2026-09-15")).toEqual(new Date("2026-09-15T00:00:00.000Z"));
  });
});
