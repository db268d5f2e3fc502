import { addRosterEntry, appendWorkflowEvent, findRosterChange, lockPlanOfCounty, moveRosterChange, removeRosterEntry } from "@dtpilot/db";
import { rosterEntryInputSchema } from "@dtpilot/domain";
import { appError, forbidden, notFound } from "../../errors";
import { toRosterChangeView } from "../../roster/change-view";
import { enrolmentRefused } from "../../roster/enrolment-refusal";
import { authedProcedure } from "../../trpc";
import { decideRosterChangeInput } from "./roster.types";

/**
 * The county's city approves (备案同意) or refuses a roster change; a refusal says why. An approval takes effect at
 * once, in the same transaction: the enterprise joins or leaves the roster (a removed one keeps its file).
 */
export const decideRosterChange = authedProcedure.input(decideRosterChangeInput).mutation(async ({ ctx, input }) => {
  const change = await findRosterChange(ctx.data, input.requestId);
  if (!change) throw notFound();
  if (!ctx.data.can("review", "RosterChangeRequest", { countyId: change.countyId })) throw forbidden();
  ctx.audit.target("RosterChangeRequest", change.id, { countyId: change.countyId });
  // The county's plan first, as every roster and plan write locks it: decisions of one county's changes run one at a
  // time, each seeing the roster as the previous one left it; the decision itself is recorded only while pending.
  await lockPlanOfCounty(ctx.data, { countyId: change.countyId, batchId: change.batchId });
  if (change.status !== "PENDING") throw appError("CONFLICT", "roster.change.decided");
  const approved = input.decision === "APPROVE";
  if (!approved && !input.comment) throw appError("BAD_REQUEST", "roster.change.reasonRequired", { field: "comment" });
  const to = approved ? "APPROVED" : "REFUSED";
  if (!(await moveRosterChange(ctx.data, { requestId: change.id, countyId: change.countyId, from: "PENDING", to }))) {
    throw appError("CONFLICT", "roster.change.decided");
  }
  await appendWorkflowEvent(ctx.data, {
    countyId: change.countyId,
    subjectKind: "ROSTER_CHANGE_REQUEST",
    subjectId: change.id,
    event: input.decision,
    from: "PENDING",
    to,
    actor: { userId: ctx.principal.userId, role: ctx.principal.role },
    comment: input.comment || null,
  });
  if (approved) {
    const where = { countyId: change.countyId, batchId: change.batchId };
    if (change.removedPilotId) await removeRosterEntry(ctx.data, { countyId: change.countyId, pilotId: change.removedPilotId });
    if (change.addition) {
      const entry = rosterEntryInputSchema.parse(change.addition);
      const added = await addRosterEntry(ctx.data, { ...where, entry, addedById: change.requestedBy.id });
      if (!added.ok) throw enrolmentRefused(added.reason, entry.creditCode);
    }
  }
  ctx.audit.changes([
    { field: "status", before: change.status, after: approved ? "APPROVED" : "REFUSED" },
    ...(input.comment ? [{ field: "comment", before: null, after: input.comment }] : []),
  ]);
  return toRosterChangeView((await findRosterChange(ctx.data, change.id))!);
});
