import { countiesAssignedForCurrentBatch, countiesOfCity, type Principal, type Scope } from "@dtpilot/domain";
import { type Database, findEnterpriseCountyForSignIn, listBatchPeriodsForSignIn, type SignInMembership } from "@dtpilot/db";

/**
 * The acting principal of a membership: its role and the scope it reaches, resolved once at sign-in and kept in
 * the session. Returns null for a membership that is incomplete (fail closed).
 */
export async function resolvePrincipal(db: Database, userId: string, membership: SignInMembership): Promise<Principal | null> {
  const scope = await resolveScope(db, membership);
  return scope ? { userId, role: membership.role, scope } : null;
}

async function resolveScope(db: Database, membership: SignInMembership): Promise<Scope | null> {
  switch (membership.role) {
    case "PROVINCE_ADMIN":
      return { kind: "province" };
    case "REVIEWER":
      // Assignments are per batch: only those for the batch in progress count.
      return {
        kind: "reviewer",
        countyIds: countiesAssignedForCurrentBatch(membership.reviewerAssignments, await listBatchPeriodsForSignIn(db), new Date()),
      };
    case "CITY_OFFICER":
      return membership.cityCode
        ? { kind: "city", cityId: membership.cityCode, countyIds: countiesOfCity(membership.cityCode).map((county) => county.code) }
        : null;
    case "COUNTY_ADMIN":
      return membership.countyId ? { kind: "county", countyId: membership.countyId } : null;
    case "ENTERPRISE_USER": {
      const enterpriseId = membership.enterpriseId;
      if (!enterpriseId) return null;
      const countyId = await findEnterpriseCountyForSignIn(db, enterpriseId);
      return countyId !== null ? { kind: "enterprise", enterpriseId, countyId } : null;
    }
    case "PROVIDER_USER":
      return membership.providerId ? { kind: "provider", providerId: membership.providerId } : null;
    default:
      return null;
  }
}
