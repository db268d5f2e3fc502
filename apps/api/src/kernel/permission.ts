import type { Action, SubjectName } from "@dtpilot/permissions";

/** An ability a procedure builder checks on the county or record it narrows to: `can("update", "PilotEnterprise")`. */
export interface Permission {
  action: Action;
  subject: SubjectName;
}

export function can(action: Action, subject: SubjectName): Permission {
  return { action, subject };
}
