import { addRosterEntry, decideRosterChange as decide, findRosterChange, lockPlanOfCounty, removeRosterEntry } from "@dtpilot/db";
import { rosterEntryInputSchema } from "@dtpilot/domain";
import { appError, forbidden, notFound } from "../../kernel/errors";
import { toRosterChangeView } from "./change-view";
import { enrolmentRefused } from "./enrolment-refusal";
import { authedProcedure } from "../../kernel/trpc";
import { decideRosterChangeInput, decideRosterChangeOutput } from "./roster.types";

/**
 * The county's city approves (备案同意) or refuses a roster change; a refusal says why. An approval takes effect at
 * once, in the same transaction: the enterprise joins or leaves the roster (a removed one keeps its file).
 */
export const decideRosterChange = authedProcedure.input(decideRosterChangeInput).output(decideRosterChangeOutput).mutation(async ({ ctx, input }) => {
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
  if (!(await decide(ctx.data, { requestId: change.id, approved, comment: input.comment ?? null, decidedById: ctx.principal.userId }))) {
    throw appError("CONFLICT", "roster.change.decided");
  }
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
