/**
 * What every roster procedure starts from: the county (the caller's own, or one an overseer names), the batch in
 * progress, whether the roster is frozen, and the sub-industries of the county's plan.
 */
import { findCountyProfile, findCurrentPlanContent, listBatches, lockPlanOfCounty, providerServesCounty, type TenantDb } from "@dtpilot/db";
import { cityByCode, countyByCode, currentBatch, isPlanVisibleTo, subIndustryDisplayName } from "@dtpilot/domain";
import { appError, notFound } from "../../kernel/errors";
import { parseStoredContent } from "../plan/plan-view";

/**
 * The county as the caller may know it: its profile where the caller reads counties; for a provider, the geography of
 * a county it serves (its own ProviderCounty rows), with no batches of the county's own.
 */
async function countyFor(db: TenantDb, countyId: string) {
  const scope = db.scope;
  if (scope.kind !== "provider") return findCountyProfile(db, countyId);
  const serves = await providerServesCounty(db, scope.providerId, countyId);
  const county = serves ? countyByCode(countyId) : undefined;
  const city = county ? cityByCode(county.cityCode) : undefined;
  return county && city ? { code: county.code, name: county.name, city, batches: [] } : null;
}

/**
 * `forWrite`: the caller will change the roster on what it reads here (frozen or not, the plan's sub-industries), so
 * the plan is locked first and stays as read until the request commits (an approval waits, or is seen).
 * The plan's state and content are the county's own until its first submission (the one draft-visibility rule,
 * isPlanVisibleTo): before that, others see the roster as if there were no plan yet.
 */
export async function rosterContext(db: TenantDb, countyId?: string, options: { forWrite?: boolean } = {}) {
  const scope = db.scope;
  const county = countyId ?? (scope.kind === "county" || scope.kind === "enterprise" ? scope.countyId : undefined);
  const profile = county ? await countyFor(db, county) : null;
  if (!profile) throw notFound();
  // The county's own batches where the caller may see them; a provider or an enterprise sees the province's batches.
  const batch = currentBatch(profile.batches.length > 0 ? profile.batches : await listBatches(db), new Date());
  if (!batch) throw appError("BAD_REQUEST", "plan.noBatch");
  const where = { countyId: profile.code, batchId: batch.id };
  if (options.forWrite) await lockPlanOfCounty(db, where);
  const stored = await findCurrentPlanContent(db, where);
  const plan = stored && isPlanVisibleTo(stored.state, scope.kind) ? stored : null;
  const dataTable = plan ? parseStoredContent(plan.content).dataTable : null;
  const subIndustries = dataTable
    ? dataTable.clusters.flatMap((cluster) => cluster.subIndustries.filter((row) => row.name.trim()).map((row) => subIndustryDisplayName(cluster, row)))
    : [];
  return {
    county: { code: profile.code, name: profile.name, city: { code: profile.city.code, name: profile.city.name, region: profile.city.region } },
    batch,
    where,
    // Frozen once the plan is approved: from then on the roster changes only by change request.
    frozen: plan?.state === "APPROVED",
    planState: plan?.state ?? null,
    dataTable,
    subIndustries,
  };
}

export type RosterContext = Awaited<ReturnType<typeof rosterContext>>;
