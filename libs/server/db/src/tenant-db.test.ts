import { describe, expect, it } from "vitest";
import { rulesFor, TenantDb } from "./tenant-db";
import type { ScopedTransaction } from "./tenant-scope";

// No query runs here: the filters are plain objects, built before any transaction is used.
const noTransaction = {} as ScopedTransaction;
const providerId = "00000000-0000-4000-8000-000000000001";
const provider = new TenantDb(noTransaction, { userId: "u", role: "PROVIDER_USER", scope: { kind: "provider", providerId } });
const county = new TenantDb(noTransaction, { userId: "u", role: "COUNTY_ADMIN", scope: { kind: "county", countyId: "320281" } });

describe("TenantDb's filters", () => {
  it("narrow a provider to the pilot enterprises it is linked to, and to their files", () => {
    const linked = { providerLinks: { some: { providerId } } };

    expect(JSON.stringify(provider.accessible("read", "PilotEnterprise"))).toContain(JSON.stringify(linked));
    expect(JSON.stringify(provider.accessible("read", "EnterpriseFileSection"))).toContain(JSON.stringify({ pilotEnterprise: linked }));
  });

  it("add no link condition for anyone else", () => {
    expect(JSON.stringify(county.accessible("read", "PilotEnterprise"))).not.toContain("providerLinks");
  });

  it("carry the principal, so repositories read the scope from the handle", () => {
    expect(provider.scope).toEqual({ kind: "provider", providerId });
  });
});

describe("a principal's rules", () => {
  const principal = { userId: "u", role: "COUNTY_ADMIN" as const, scope: { kind: "county" as const, countyId: "320281" } };

  it("are built once per principal and shared, frozen, by its requests", () => {
    const rules = rulesFor(principal);
    expect(rulesFor({ ...principal, scope: { ...principal.scope } })).toBe(rules);
    expect(Object.isFrozen(rules) && Object.isFrozen(rules[0])).toBe(true);
    expect(() => (rules as unknown[]).push({})).toThrow();
  });

  it("differ for another user, role or scope", () => {
    const rules = rulesFor(principal);
    expect(rulesFor({ ...principal, userId: "v" })).not.toBe(rules);
    expect(rulesFor({ ...principal, scope: { kind: "county", countyId: "320685" } })).not.toBe(rules);
    expect(JSON.stringify(rulesFor({ ...principal, scope: { kind: "county", countyId: "320685" } }))).toContain("320685");
  });

  it("give handles on them the same filters, which cannot be changed in place", () => {
    const first = new TenantDb(noTransaction, principal, rulesFor(principal)).accessible("read", "Enterprise");
    const second = new TenantDb(noTransaction, principal, rulesFor(principal)).accessible("read", "Enterprise");
    expect(second).toBe(first);
    expect(first).toEqual({ OR: [{ countyId: "320281" }] });
    expect(Object.isFrozen(first)).toBe(true);
  });
});

