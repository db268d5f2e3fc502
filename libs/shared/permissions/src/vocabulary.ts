import type { MongoAbility, RawRuleOf } from "@casl/ability";

/**
 * `review`: act on a county's submission as its overseer (a city's 推荐/退回, the province's 批准/退回).
 * `recover`: find a county's unfinished background work whose job was lost, to enqueue it again (operations, not content).
 */
export const ACTIONS = ["manage", "read", "create", "update", "delete", "review", "recover"] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  "Batch",
  "County",
  "PilotCounty",
  "Enterprise",
  "Provider",
  "ProviderCounty",
  "User",
  "ExportFile",
  "QueueDashboard",
  "ImplementationPlan",
  "PilotEnterprise",
  "EnterpriseFileSection",
  "EnterpriseProviderLink",
  "RosterChangeRequest",
  "AuditRecord",
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

export type AppAbility = MongoAbility<[Action, SubjectName | Record<string, unknown>]>;
export type AppRule = RawRuleOf<AppAbility>;
