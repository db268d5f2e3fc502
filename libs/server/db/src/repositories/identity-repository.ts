/**
 * Identity reads and writes (users, memberships, reviewer assignments). These tables are not county-owned and
 * have no row-level security: sign-in must read them before any scope exists. Never expose them unfiltered.
 */
import type { Database } from "../client";
import type { Region, Role } from "../generated/prisma/client";
import { accessibleWhere, rows, sql } from "../scoped-sql";
import { withScope, type AccessGrant } from "../tenant-scope";
import type { TenantDb } from "../tenant-db";
import { transactionOf } from "../tenant-transaction";

export function findUserForSignIn(db: Database, username: string) {
  return db.user.findUnique({
    where: { username },
    select: {
      id: true,
      passwordHash: true,
      disabled: true,
      accessVersion: true,
      mustChangePassword: true,
      memberships: {
        orderBy: { createdAt: "asc" },
        take: 1,
        select: {
          id: true,
          role: true,
          cityCode: true,
          countyId: true,
          enterpriseId: true,
          providerId: true,
          reviewerAssignments: { select: { countyId: true, batchId: true }, orderBy: { countyId: "asc" } },
        },
      },
    },
  });
}

export type SignInUser = NonNullable<Awaited<ReturnType<typeof findUserForSignIn>>>;
export type SignInMembership = SignInUser["memberships"][number];

interface OwnProfileRow {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  role: Role | null;
  cityCode: string | null;
  cityName: string | null;
  countyCode: string | null;
  countyName: string | null;
  countyCityName: string | null;
  countyRegion: Region | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  enterpriseCountyId: string | null;
  providerId: string | null;
  providerName: string | null;
}

/**
 * The signed-in user's own profile for the `me` query, with the names of what their membership reaches: the user
 * (enabled, and readable by the handle's rules) with the session's membership, if it still exists. Every request of
 * the shell asks it: one raw read (scoped-sql.ts), shaped as the Prisma read it replaced
 * (`user.findFirst` selecting `memberships: { where: { id } }` and their city, county with city, enterprise, provider).
 */
export async function findOwnProfile(db: TenantDb, userId: string, membershipId: string) {
  const [row] = await rows<OwnProfileRow>(
    db,
    sql`select u.id, u.username, u."displayName", u.locale,
               m.role::text as role, ci.code as "cityCode", ci.name as "cityName",
               co.code as "countyCode", co.name as "countyName", coci.name as "countyCityName", coci.region::text as "countyRegion",
               e.id as "enterpriseId", e.name as "enterpriseName", e."countyId" as "enterpriseCountyId",
               p.id as "providerId", p.name as "providerName"
          from "User" u
          left join "Membership" m on m."userId" = u.id and m.id = ${membershipId}::uuid
          left join "City" ci on ci.code = m."cityCode"
          left join "County" co on co.code = m."countyId"
          left join "City" coci on coci.code = co."cityCode"
          left join "Enterprise" e on e.id = m."enterpriseId"
          left join "Provider" p on p.id = m."providerId"
         where u.id = ${userId}::uuid and not u.disabled and ${accessibleWhere(db, "read", "User", "u")}`,
  );
  if (!row) return null;
  const membership =
    row.role === null
      ? []
      : [
          {
            role: row.role,
            city: row.cityCode === null ? null : { code: row.cityCode, name: row.cityName! },
            county:
              row.countyCode === null ? null : { code: row.countyCode, name: row.countyName!, city: { name: row.countyCityName!, region: row.countyRegion! } },
            enterprise: row.enterpriseId === null ? null : { id: row.enterpriseId, name: row.enterpriseName!, countyId: row.enterpriseCountyId! },
            provider: row.providerId === null ? null : { id: row.providerId, name: row.providerName! },
          },
        ];
  return { id: row.id, username: row.username, displayName: row.displayName, locale: row.locale, memberships: membership };
}

export function findPasswordHash(db: TenantDb, userId: string) {
  return transactionOf(db).user.findFirst({ where: { AND: [{ id: userId }, db.accessible("update", "User")] }, select: { passwordHash: true, username: true, displayName: true } });
}

export async function updatePasswordHash(db: TenantDb, userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await transactionOf(db).user.updateMany({
    where: { AND: [{ id: userId }, db.accessible("update", "User")] },
    data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false },
  });
  return count === 1;
}

/** The user's access version now (a session renewed after its own password change records it). */
export async function findAccessVersion(db: TenantDb, userId: string): Promise<number | null> {
  const user = await transactionOf(db).user.findFirst({ where: { AND: [{ id: userId }, db.accessible("update", "User")] }, select: { accessVersion: true } });
  return user?.accessVersion ?? null;
}

/**
 * The county of an enterprise user's enterprise, read at sign-in under the enterprise's own scope, which RLS lets see
 * only that row; null when there is no such enterprise.
 */
export async function findEnterpriseCountyForSignIn(db: Database, enterpriseId: string): Promise<string | null> {
  const enterprise = await withScope(db, { kind: "enterprise", enterpriseId, countyId: "" }, (tx) =>
    tx.enterprise.findUnique({ where: { id: enterpriseId }, select: { countyId: true } }),
  );
  return enterprise?.countyId ?? null;
}

/** Whether a session's grant still holds, for routes that run no scoped transaction (see `withScope`). */
export async function isAccessCurrent(db: Database, grant: AccessGrant): Promise<boolean> {
  const count = await db.membership.count({
    where: { id: grant.membershipId, user: { id: grant.userId, disabled: false, accessVersion: grant.accessVersion } },
  });
  return count === 1;
}

/*
 * Operators' account changes (tools/users.ts). Each ends the user's sessions at once: the access version the
 * sessions recorded is raised by the database's triggers, so their next request answers 401.
 */

/** Disables (or re-enables) a sign-in. False when no such user. */
export async function setUserDisabled(db: Database, username: string, disabled: boolean): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { username }, data: { disabled } });
  return count === 1;
}

/** Removes a user's membership in `role` (and a reviewer's assignments with it). False when there is none. */
export async function removeMembership(db: Database, username: string, role: Role): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { role, user: { username } }, select: { id: true } });
    if (!membership) return false;
    await tx.reviewerAssignment.deleteMany({ where: { membershipId: membership.id } });
    await tx.membership.delete({ where: { id: membership.id } });
    return true;
  });
}

/** Ends every session of a user without changing anything else (a lost device). False when no such user. */
export async function endSessionsOf(db: Database, username: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { username }, data: { accessVersion: { increment: 1 } } });
  return count === 1;
}

/** The enterprise-user accounts of an enterprise (its sign-in names). */
export function findEnterpriseAccounts(db: TenantDb, enterpriseId: string) {
  return transactionOf(db).membership.findMany({
    where: { role: "ENTERPRISE_USER", enterpriseId },
    select: { user: { select: { username: true, displayName: true, createdAt: true } } },
  });
}

/**
 * Opens an enterprise's account (试点企业账号): a user signing in as `username` with `passwordHash`, member of the
 * enterprise, who must change that initial password at first sign-in. Null when the username is taken. The caller
 * checked that the enterprise is on its roster.
 */
export async function createEnterpriseAccount(
  db: TenantDb,
  data: { enterpriseId: string; username: string; displayName: string; passwordHash: string },
): Promise<{ username: string } | null> {
  const taken = await transactionOf(db).user.findUnique({ where: { username: data.username }, select: { id: true } });
  if (taken) return null;
  const user = await transactionOf(db).user.create({
    data: { username: data.username, displayName: data.displayName, passwordHash: data.passwordHash, mustChangePassword: true },
    select: { id: true, username: true },
  });
  await transactionOf(db).membership.create({ data: { userId: user.id, role: "ENTERPRISE_USER", enterpriseId: data.enterpriseId } });
  return { username: user.username };
}
