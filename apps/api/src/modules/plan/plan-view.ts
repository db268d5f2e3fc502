/**
 * A plan as the API answers it: the viewed version's content with its computed totals and ratios, its field errors
 * and submission blockers (so every app shows the same ones), the history, the comments, and what the caller may do.
 */
import { findPlan, findPlanOfCounty, findPlanVersion, lockPlan, type PlanRecord, type TenantDb } from "@dtpilot/db";
import {
  availableEvents,
  computePlan,
  implementationPlanContentSchema,
  isEditableBy,
  isPlanVisibleTo,
  PLAN_WORKFLOW,
  ROSTER_MINIMUM_BY_REGION,
  submissionBlockers,
  validatePlanDataTable,
  withDerivedPlanFields,
  type ImplementationPlanContent,
} from "@dtpilot/domain";
import { notFound } from "../../kernel/errors";
import type { RecordLoader } from "../../kernel/record-procedure";

/** Stored content went through the same schema when it was written; a row that no longer fits is a server bug. */
export function parseStoredContent(content: unknown): ImplementationPlanContent {
  return implementationPlanContentSchema.parse(content);
}

/**
 * A version's content as the plan shows and prints it: stored content with the fields the platform knows (the county,
 * its recommending bureau) derived from the plan's county, whatever was stored there.
 */
export function planContentOf(plan: PlanOfCounty, stored: unknown): ImplementationPlanContent {
  return withPlanCounty(plan, parseStoredContent(stored));
}

type PlanOfCounty = { county: { name: string; city: { name: string } } };

/** Content (typed or stored) with the plan's own county and recommending bureau in place. */
export function withPlanCounty(plan: PlanOfCounty, content: ImplementationPlanContent): ImplementationPlanContent {
  return withDerivedPlanFields(content, { name: plan.county.name, cityName: plan.county.city.name });
}

/**
 * The plan, or null when it is out of the caller's scope or not yet theirs to see (a draft before its first
 * submission, for anyone but the county): the cases look the same.
 */
export async function findVisiblePlan(db: TenantDb, planId: string): Promise<PlanRecord | null> {
  const plan = await findPlan(db, planId);
  return plan && isPlanVisibleTo(plan.state, db.scope.kind) ? plan : null;
}

/** The plan as findVisiblePlan reads it, or not found. */
export async function loadPlan(db: TenantDb, planId: string): Promise<PlanRecord> {
  const plan = await findVisiblePlan(db, planId);
  if (!plan) throw notFound();
  return plan;
}

/** A county's plan for a batch as loadPlan reads it; null when the county has none (in the caller's scope). */
export async function loadPlanOfCounty(db: TenantDb, where: { countyId: string; batchId: string }): Promise<PlanRecord | null> {
  const plan = await findPlanOfCounty(db, where);
  if (plan && !isPlanVisibleTo(plan.state, db.scope.kind)) throw notFound();
  return plan;
}

/** The plan named by `planId`, for procedures on one plan (recordProcedure). */
export const visiblePlan: RecordLoader<PlanRecord, "planId"> = { key: "planId", auditType: "ImplementationPlan", find: findVisiblePlan };

/**
 * The plan for a write: locked first (lockPlan), so a concurrent write waits and this one reads the committed result,
 * then read as visiblePlan.
 */
export const lockedPlan: RecordLoader<PlanRecord, "planId"> = {
  ...visiblePlan,
  find: async (db, planId) => {
    await lockPlan(db, planId);
    return findVisiblePlan(db, planId);
  },
};

/** What the caller may do with the plan now: the workflow's events for the caller, narrowed by its ability on the county. */
export function planActions(db: TenantDb, plan: Pick<PlanRecord, "state" | "countyId">) {
  const principal = db.principal;
  const reviews = db.can("review", "ImplementationPlan", { countyId: plan.countyId });
  const edits = db.can("update", "ImplementationPlan", { countyId: plan.countyId });
  const allowedEvents = availableEvents(PLAN_WORKFLOW, plan.state, principal, { countyId: plan.countyId }).filter((event) =>
    event === "SUBMIT" ? edits : reviews,
  );
  return { editable: edits && isEditableBy(plan.state, principal.role), allowedEvents };
}

export async function planView(db: TenantDb, plan: PlanRecord, versionNumber = plan.currentVersion) {
  const version = await findPlanVersion(db, plan.id, versionNumber);
  if (!version) throw notFound();
  const content = planContentOf(plan, version.content);
  const { versions, events: history, ...summary } = plan;
  const region = plan.county.city.region;
  return {
    ...summary,
    version: { ...version, content, current: version.number === plan.currentVersion },
    versions,
    events: history,
    /** Every comment on every version, oldest first; each names the version and the field (path) it concerns. */
    comments: history.flatMap((event) =>
      event.comments.map((comment) => ({ ...comment, event: event.kind, actorRole: event.actorRole })),
    ),
    computed: computePlan(content.dataTable),
    fieldErrors: validatePlanDataTable(content.dataTable),
    submissionBlockers: submissionBlockers(content.dataTable, region),
    rosterMinimum: ROSTER_MINIMUM_BY_REGION[region],
    ...planActions(db, plan),
  };
}

export type PlanView = Awaited<ReturnType<typeof planView>>;
