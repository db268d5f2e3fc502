/**
 * Identity reads and writes (users, memberships, reviewer assignments). These tables are not county-owned and
 * have no row-level security: sign-in must read them before any scope exists. Never expose them unfiltered.
 */
import type { Database } from "../client";
import type { TenantDb } from "../tenant-db";

export function findUserForSignIn(db: Database, username: string) {
  return db.user.findUnique({
    where: { username },
    select: {
      id: true,
      passwordHash: true,
      disabled: true,
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
          reviewerAssignments: { select: { countyId: true }, orderBy: { countyId: "asc" } },
        },
      },
    },
  });
}

export type SignInUser = NonNullable<Awaited<ReturnType<typeof findUserForSignIn>>>;
export type SignInMembership = SignInUser["memberships"][number];

/** The signed-in user's own profile for the `me` query, with the names of what their membership reaches. */
export function findOwnProfile(db: TenantDb, userId: string, membershipId: string) {
  return db.tx.user.findFirst({
    where: { AND: [{ id: userId, disabled: false }, db.accessible("read", "User")] },
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
  });
}

export function findPasswordHash(db: TenantDb, userId: string) {
  return db.tx.user.findFirst({ where: { AND: [{ id: userId }, db.accessible("update", "User")] }, select: { passwordHash: true } });
}

export async function updatePasswordHash(db: TenantDb, userId: string, passwordHash: string): Promise<boolean> {
  const { count } = await db.tx.user.updateMany({
    where: { AND: [{ id: userId }, db.accessible("update", "User")] },
    data: { passwordHash, passwordChangedAt: new Date() },
  });
  return count === 1;
}
