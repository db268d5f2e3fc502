import type { RosterChangeRecord } from "@dtpilot/db";
import { pilotEnterpriseInputSchema } from "@dtpilot/domain";

/** A change request as the apps show it: the addition read back through its schema, the removed entry by its enterprise. */
export function toRosterChangeView(change: RosterChangeRecord) {
  const { removedPilotEnterprise, ...rest } = change;
  const addition = change.addition ? pilotEnterpriseInputSchema.safeParse(change.addition) : null;
  return { ...rest, addition: addition?.success ? addition.data : null, removedEnterprise: removedPilotEnterprise?.enterprise ?? null };
}
