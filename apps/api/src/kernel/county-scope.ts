import { withTenant, type Database, type TenantDb } from "@dtpilot/db";
import type { Principal } from "@dtpilot/domain";

/**
 * Runs `work` as the county's own team, whose file the job writes (whoever asked for it): one transaction scoped to that county
 * (row-level security, through the app role) and the county team's CASL rules. A job never reads or writes
 * outside the county that asked for it.
 */
export function asCounty<T>(db: Database, job: { countyId: string; requestedById: string }, work: (tenant: TenantDb) => Promise<T>): Promise<T> {
  const principal: Principal = { userId: job.requestedById, role: "COUNTY_ADMIN", scope: { kind: "county", countyId: job.countyId } };
  return withTenant(db, principal, work);
}
