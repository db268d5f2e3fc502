import type { RosterChangeRecord } from "@dtpilot/db";
import { pilotEnterpriseInputSchema } from "@dtpilot/domain";

/** A change request as the apps show it: the addition read back through its schema. */
export function toRosterChangeView(change: RosterChangeRecord) {
  const addition = change.addition ? pilotEnterpriseInputSchema.safeParse(change.addition) : null;
  return { ...change, addition: addition?.success ? addition.data : null };
}
