import { PLAN_WORKFLOW } from "./plan/plan-workflow";
import { ROSTER_CHANGE_WORKFLOW } from "./roster/roster-change-workflow";

/** Every declared workflow by the subject kind its events are logged under; a new workflow is added here. */
export const WORKFLOWS = {
  IMPLEMENTATION_PLAN: PLAN_WORKFLOW,
  ROSTER_CHANGE_REQUEST: ROSTER_CHANGE_WORKFLOW,
} as const;

export type WorkflowSubjectKind = keyof typeof WORKFLOWS;
