import type { Principal, Scope } from "@dtpilot/domain";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppDatabase, type Database } from "./client";
import { PrismaClient } from "./generated/prisma/client";
import { createOwnerDatabase } from "./owner-client";
import { createPilotWorld, type PilotWorld } from "./pilot-world";
import { rows, sql } from "./scoped-sql";
import { appDatabaseUrl, databaseSettings } from "./settings";
import { withTenant, type TenantDb } from "./tenant-db";
import { AccessRevokedError, withScope, type AccessGrant } from "./tenant-scope";
import { connectionOf } from "./tenant-transaction";

/** One connection: whatever a request leaves on it, the next one meets. */
const db = createAppDatabase({ poolSize: 1 });
let world: PilotWorld;
let county: Principal;
let grant: AccessGrant;

beforeAll(async () => {
  const owner = createOwnerDatabase();
  try {
    world = await createPilotWorld(owner);
  } finally {
    await owner.$disconnect();
  }
  const user = world.users["county-south"];
  county = { userId: user.id, role: "COUNTY_ADMIN", scope: { kind: "county", countyId: world.counties.south.code } };
  const { accessVersion } = await createOwnerDatabase().user.findUniqueOrThrow({ where: { id: user.id }, select: { accessVersion: true } });
  grant = { userId: user.id, membershipId: user.membershipId, accessVersion };
});
afterAll(() => db.$disconnect());

interface Settings {
  kind: string | null;
  counties: string | null;
}

/**
 * What the handle's transaction carries, read on its own connection (the settings are transaction-local: a read
 * outside the transaction would find none).
 */
async function settingsOf(tenant: TenantDb): Promise<Settings> {
  const [row] = await rows<Settings>(tenant, sql`select current_setting('app.scope_kind', true) as kind, current_setting('app.county_ids', true) as counties`);
  return row!;
}

/** The scope the pool's connection holds outside any request (none, if the transaction ended). */
async function leftOnConnection(client: Database = db) {
  const [row] = await client.$queryRaw<{ kind: string | null; enterprises: number }[]>`
    select nullif(current_setting('app.scope_kind', true), '') as kind, (select count(*)::int from "Enterprise") as enterprises`;
  return row;
}

describe("a scoped transaction's connection", () => {
  it("opens with the scope set and the grant checked by the BEGIN itself, and serves raw reads in that transaction", async () => {
    const seen = await withTenant(
      db,
      county,
      async (tenant) => ({ connected: connectionOf(tenant) !== undefined, settings: await settingsOf(tenant) }),
      undefined,
      grant,
    );
    expect(seen).toEqual({ connected: true, settings: { kind: "county", counties: world.counties.south.code } });
    expect(await leftOnConnection()).toEqual({ kind: null, enterprises: 0 });
  });

  it("ends the request when the session's grant no longer holds, before its work runs", async () => {
    let ran = false;
    await expect(
      withTenant(db, county, async () => void (ran = true), undefined, { ...grant, accessVersion: grant.accessVersion + 1 }),
    ).rejects.toBeInstanceOf(AccessRevokedError);
    await expect(withTenant(db, county, async () => void (ran = true), undefined, { ...grant, membershipId: world.users["county-north"].membershipId })).rejects.toBeInstanceOf(
      AccessRevokedError,
    );
    expect(ran).toBe(false);
    expect(await leftOnConnection()).toEqual({ kind: null, enterprises: 0 });
  });

  it("cannot be used once the work is over: a handle kept past its request reads nothing", async () => {
    const kept = await withTenant(db, county, async (tenant) => tenant);
    await expect(settingsOf(kept)).rejects.toThrow(/scoped transaction is over/);
  });

  it("rolls back when the work fails, and the connection serves the next scope cleanly", async () => {
    await expect(
      withTenant(db, county, async (tenant) => {
        await rows(tenant, sql`select 1/0 as never`);
      }),
    ).rejects.toThrow(/division by zero/);
    const province: Principal = { userId: world.users.province.id, role: "PROVINCE_ADMIN", scope: { kind: "province" } };
    expect(await withTenant(db, province, settingsOf)).toMatchObject({ kind: "province", counties: "" });
    expect(await leftOnConnection()).toEqual({ kind: null, enterprises: 0 });
  });

  it("keeps concurrent requests, waiting for a pooled connection, each in its own scope", async () => {
    const pooled = createAppDatabase({ poolSize: 3 });
    try {
      const counties = [world.counties.south.code, world.counties.central.code, world.counties.north.code];
      const seen = await Promise.all(
        Array.from({ length: 30 }, (_, index) => {
          const countyId = counties[index % 3]!;
          const principal: Principal = { userId: county.userId, role: "COUNTY_ADMIN", scope: { kind: "county", countyId } };
          return withTenant(pooled, principal, async (tenant) => ({ expected: countyId, seen: (await settingsOf(tenant)).counties }));
        }),
      );
      for (const { expected, seen: actual } of seen) expect(actual).toBe(expected);
    } finally {
      await pooled.$disconnect();
    }
  });

  it("gives a scope opened inside another request's work its own transaction and settings", async () => {
    const pooled = createAppDatabase({ poolSize: 2 });
    try {
      const north: Principal = { ...county, scope: { kind: "county", countyId: world.counties.north.code } };
      const seen = await withTenant(pooled, county, async (outer) => {
        const inner = await withTenant(pooled, north, settingsOf);
        return { outer: (await settingsOf(outer)).counties, inner: inner.counties };
      });
      expect(seen).toEqual({ outer: world.counties.south.code, inner: world.counties.north.code });
    } finally {
      await pooled.$disconnect();
    }
  });

  it("still sets the scope, as the transaction's first statement, on a client whose pool is not the library's", async () => {
    const plain: Database = new PrismaClient({ adapter: new PrismaPg({ ...databaseSettings(appDatabaseUrl()), max: 1 }) });
    try {
      const scope: Scope = { kind: "county", countyId: world.counties.central.code };
      const enterprises = await withScope(plain, scope, (tx) => tx.enterprise.findMany({ select: { countyId: true } }), grant);
      expect(enterprises.length).toBeGreaterThan(0);
      expect(new Set(enterprises.map((enterprise) => enterprise.countyId))).toEqual(new Set([world.counties.central.code]));
      await expect(withScope(plain, scope, async () => "ran", { ...grant, accessVersion: -1 })).rejects.toBeInstanceOf(AccessRevokedError);
      // Raw reads need the library's pool; on this client they refuse rather than read outside the transaction.
      await expect(withTenant(plain, county, settingsOf)).rejects.toThrow(/needs a transaction opened by withScope/);
      expect(await leftOnConnection(plain)).toEqual({ kind: null, enterprises: 0 });
    } finally {
      await plain.$disconnect();
    }
  });
});
