import { describe, expect, it } from "vitest";
import { TenantDb } from "./tenant-db";
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
