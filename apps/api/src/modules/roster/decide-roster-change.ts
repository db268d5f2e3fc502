import { addPilotEnterprise, findRosterChange, lockPlanOfCounty, moveRosterChange, removePilotEnterprise } from "@dtpilot/db";
import { ROSTER_CHANGE_WORKFLOW, pilotEnterpriseInputSchema } from "@dtpilot/domain";
import { appError, notFound } from "../../kernel/errors";
import { transitionProcedure } from "../../kernel/workflow-transition";
import { toRosterChangeView } from "./change-view";
import { enrolmentRefused } from "./enrolment-refusal";
import { decideRosterChangeInput, decideRosterChangeOutput } from "./roster.types";

/**
 * The county's city approves (备案同意) or refuses a roster change; a refusal says why. An approval takes effect at
 * once, in the same transaction: the enterprise joins or leaves the roster (a removed one keeps its file).
 */
export const decideRosterChange = transitionProcedure({
  workflow: ROSTER_CHANGE_WORKFLOW,
  input: decideRosterChangeInput,
  event: (input) => input.decision,
  load: async (ctx, input) => {
    const change = await findRosterChange(ctx.data, input.requestId);
    if (!change) throw notFound();
    return change;
  },
  subject: (change) => ({ id: change.id, countyId: change.countyId, state: change.status }),
  auditTarget: "RosterChangeRequest",
  auditStateField: "status",
  ability: { action: "review", subject: "RosterChangeRequest" },
  // The county's plan first, as every roster and plan write locks it: decisions of one county's changes run one at a
  // time, each seeing the roster as the previous one left it; the decision itself is recorded only while pending.
  prepare: (ctx, change) => lockPlanOfCounty(ctx.data, { countyId: change.countyId, batchId: change.batchId }),
  guardContext: (_ctx, _change, input) => ({ step: "decision" as const, comment: input.comment ?? null }),
  apply: async (ctx, { loaded: change, from, to }) => {
    if (!(await moveRosterChange(ctx.data, { requestId: change.id, countyId: change.countyId, from: from!, to }))) return null;
    if (to === "APPROVED") {
      const where = { countyId: change.countyId, batchId: change.batchId };
      // Approving the removal of an enterprise already off the roster (a second request for it) changes nothing: refuse it.
      if (change.removedPilotEnterpriseId && !(await removePilotEnterprise(ctx.data, { countyId: change.countyId, pilotEnterpriseId: change.removedPilotEnterpriseId }))) {
        throw appError("CONFLICT", "roster.change.notOnRoster");
      }
      if (change.addition) {
        const entry = pilotEnterpriseInputSchema.parse(change.addition);
        const added = await addPilotEnterprise(ctx.data, { ...where, entry, addedById: change.requestedBy.id });
        if (!added.ok) throw enrolmentRefused(added.reason, entry.creditCode);
      }
    }
    return change.id;
  },
  stale: () => appError("CONFLICT", "roster.change.decided"),
  comment: (input) => input.comment,
  audit: ({ input }) => ({ changes: input.comment ? [{ field: "comment", before: null, after: input.comment }] : [] }),
  outputSchema: decideRosterChangeOutput,
  output: async (ctx, requestId) => toRosterChangeView((await findRosterChange(ctx.data, requestId))!),
});
