import { createRosterChange, creditCodesRegisteredElsewhere, enrolledCreditCodes, findRosterEntry } from "@dtpilot/db";
import { appError, forbidden } from "../../kernel/errors";
import { toRosterChangeView } from "./change-view";
import { enrolmentRefused } from "./enrolment-refusal";
import { rosterContext } from "./roster-context";
import { authedProcedure } from "../../kernel/trpc";
import { requestRosterChangeInput, requestRosterChangeOutput } from "./roster.types";

/**
 * Once the roster is frozen (the plan approved), the county asks its city to add, remove or replace an enterprise,
 * with a reason. Before that the county edits its roster directly, so a request is refused.
 */
export const requestRosterChange = authedProcedure.input(requestRosterChangeInput).output(requestRosterChangeOutput).mutation(async ({ ctx, input }) => {
  const scope = ctx.principal.scope;
  if (scope.kind !== "county" || !ctx.data.can("create", "RosterChangeRequest", { countyId: scope.countyId })) throw forbidden();
  const context = await rosterContext(ctx.data, undefined, { forWrite: true });
  if (!context.frozen) throw appError("CONFLICT", "roster.change.notFrozen");

  const adds = input.kind !== "REMOVE";
  const removes = input.kind !== "ADD";
  if (adds !== (input.addition !== undefined)) throw appError("BAD_REQUEST", "roster.change.additionRequired", { field: "addition" });
  if (removes !== (input.removedPilotId !== undefined)) throw appError("BAD_REQUEST", "roster.change.removalRequired", { field: "removedPilotId" });
  if (input.addition) {
    if (!context.subIndustries.includes(input.addition.subIndustry)) {
      throw appError("BAD_REQUEST", "roster.subIndustry.unknown", {
        params: { value: input.addition.subIndustry, allowed: context.subIndustries.join("、") },
        field: "addition.subIndustry",
      });
    }
    // Refused now, as direct enrolment refuses it, rather than when the city approves.
    const [elsewhere] = await creditCodesRegisteredElsewhere(ctx.data, context.county.code, [input.addition.creditCode]);
    if (elsewhere) throw enrolmentRefused("REGISTERED_ELSEWHERE", elsewhere, "addition.creditCode");
    if ((await enrolledCreditCodes(ctx.data, context.where)).has(input.addition.creditCode)) {
      throw appError("CONFLICT", "roster.creditCode.enrolled", { field: "addition.creditCode" });
    }
  }
  if (input.removedPilotId) {
    const removed = await findRosterEntry(ctx.data, input.removedPilotId);
    if (!removed || removed.countyId !== context.county.code || removed.status !== "ACTIVE") {
      throw appError("BAD_REQUEST", "roster.change.notOnRoster", { field: "removedPilotId" });
    }
  }
  const created = await createRosterChange(ctx.data, {
    ...context.where,
    kind: input.kind,
    reason: input.reason,
    addition: input.addition ?? null,
    removedPilotId: input.removedPilotId ?? null,
    requestedById: ctx.principal.userId,
  });
  ctx.audit.target("RosterChangeRequest", created.id, { countyId: created.countyId });
  ctx.audit.changes([
    { field: "kind", before: null, after: input.kind },
    { field: "reason", before: null, after: input.reason },
    ...Object.entries(input.addition ?? {}).map(([field, after]) => ({ field: `addition.${field}`, before: null, after })),
    ...(input.removedPilotId ? [{ field: "removedPilotId", before: null, after: input.removedPilotId }] : []),
  ]);
  return toRosterChangeView(created);
});
