import { createRosterChange, creditCodesRegisteredElsewhere, enrolledCreditCodes, findRosterChange, findPilotEnterprise } from "@dtpilot/db";
import { ROSTER_CHANGE_WORKFLOW } from "@dtpilot/domain";
import { appError, forbidden } from "../../kernel/errors";
import { transitionProcedure } from "../../kernel/workflow-transition";
import { toRosterChangeView } from "./change-view";
import { enrolmentRefused } from "./enrolment-refusal";
import { rosterContext } from "./roster-context";
import { requestRosterChangeInput, requestRosterChangeOutput } from "./roster.types";

/**
 * Once the roster is frozen (the plan approved), the county asks its city to add, remove or replace an enterprise,
 * with a reason. Before that the county edits its roster directly, so a request is refused (the workflow's guard).
 */
export const requestRosterChange = transitionProcedure({
  workflow: ROSTER_CHANGE_WORKFLOW,
  input: requestRosterChangeInput,
  event: () => "REQUEST" as const,
  load: async (ctx) => {
    // Only a county team has a roster of its own to ask about.
    if (ctx.principal.scope.kind !== "county") throw forbidden();
    return rosterContext(ctx.data, undefined, { forWrite: true });
  },
  subject: (context) => ({ id: null, countyId: context.county.code, state: null }),
  auditTarget: "RosterChangeRequest",
  ability: { action: "create", subject: "RosterChangeRequest" },
  guardContext: (_ctx, context, input) => ({
    step: "request" as const,
    frozen: context.frozen,
    kind: input.kind,
    hasAddition: input.addition !== undefined,
    hasRemoval: input.removedPilotEnterpriseId !== undefined,
  }),
  apply: async (ctx, { loaded: context, input }) => {
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
    if (input.removedPilotEnterpriseId) {
      const removed = await findPilotEnterprise(ctx.data, input.removedPilotEnterpriseId);
      if (!removed || removed.countyId !== context.county.code || removed.status !== "ACTIVE") {
        throw appError("BAD_REQUEST", "roster.change.notOnRoster", { field: "removedPilotEnterpriseId" });
      }
    }
    const created = await createRosterChange(ctx.data, {
      ...context.where,
      kind: input.kind,
      reason: input.reason,
      addition: input.addition ?? null,
      removedPilotEnterpriseId: input.removedPilotEnterpriseId ?? null,
      requestedById: ctx.principal.userId,
    });
    return created.id;
  },
  // A new request cannot have moved: nothing else writes it before this transaction commits.
  stale: () => appError("CONFLICT", "server.conflict"),
  audit: ({ input }) => ({
    changes: [
      { field: "kind", before: null, after: input.kind },
      { field: "reason", before: null, after: input.reason },
      ...Object.entries(input.addition ?? {}).map(([field, after]) => ({ field: `addition.${field}`, before: null, after })),
      ...(input.removedPilotEnterpriseId ? [{ field: "removedPilotEnterpriseId", before: null, after: input.removedPilotEnterpriseId }] : []),
    ],
  }),
  outputSchema: requestRosterChangeOutput,
  output: async (ctx, requestId) => toRosterChangeView((await findRosterChange(ctx.data, requestId))!),
});
