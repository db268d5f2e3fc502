/**
 * A plan as the API answers it: the viewed version's content with its computed totals and ratios, its field errors
 * and submission blockers (so every app shows the same ones), the history, the comments, and what the caller may do.
 */
import { findPlan, findPlanVersion, type PlanRecord, type TenantDb } from "@dtpilot/db";
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
  type Principal,
} from "@dtpilot/domain";
import { notFound } from "../../kernel/errors";

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
 * The plan, or not found when it is out of the caller's scope or not yet theirs to see (a draft before its first
 * submission, for anyone but the county): the cases look the same.
 */
export async function loadPlan(db: TenantDb, principal: Principal, planId: string): Promise<PlanRecord> {
  const plan = await findPlan(db, planId);
  if (!plan || !isPlanVisibleTo(plan.state, principal.scope.kind)) throw notFound();
  return plan;
}

/** What the caller may do with the plan now: the workflow's events for the caller, narrowed by its ability on the county. */
export function planActions(db: TenantDb, principal: Principal, plan: Pick<PlanRecord, "state" | "countyId">) {
  const reviews = db.can("review", "ImplementationPlan", { countyId: plan.countyId });
  const edits = db.can("update", "ImplementationPlan", { countyId: plan.countyId });
  const allowedEvents = availableEvents(PLAN_WORKFLOW, plan.state, principal, { countyId: plan.countyId }).filter((event) =>
    event === "SUBMIT" ? edits : reviews,
  );
  return { editable: edits && isEditableBy(plan.state, principal.role), allowedEvents };
}

export async function planView(db: TenantDb, principal: Principal, plan: PlanRecord, versionNumber = plan.currentVersion) {
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
    ...planActions(db, principal, plan),
  };
}

export type PlanView = Awaited<ReturnType<typeof planView>>;
