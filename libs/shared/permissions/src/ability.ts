/**
 * What each role may do — the one ability definition shared by the API (which enforces it and turns it into
 * Prisma filters) and the front ends (which hide what it forbids). Fail-closed: an unknown role gets nothing.
 *
 * Conditions are flat equalities only ({ countyId: "320281" }), which read the same to CASL's Mongo-style
 * interpreter in the browser and to @casl/prisma on the server; a scope with several counties gets one rule each.
 */
import { createMongoAbility, type MongoAbility, type RawRuleOf } from "@casl/ability";
import { packRules, unpackRules, type PackRule } from "@casl/ability/extra";
import { isRole, SCOPE_KIND_OF_ROLE, type Principal } from "@dtpilot/domain";

/** `review`: act on a county's submission as its overseer (a city's 推荐/退回, the province's 批准/退回). */
export const ACTIONS = ["manage", "read", "create", "update", "delete", "review"] as const;
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

type Equality = Record<string, string>;

export function defineRulesFor(principal: Principal | null | undefined): AppRule[] {
  if (!principal || !isRole(principal.role) || !scopeMatchesRole(principal)) return [];
  const rules: AppRule[] = [];
  const allow = (action: Action | Action[], subject: SubjectName, conditions?: Equality) =>
    rules.push(conditions ? { action, subject, conditions } : { action, subject });
  const perCounty = (action: Action | Action[], subject: SubjectName, field: string, countyIds: readonly string[]) =>
    countyIds.forEach((countyId) => allow(action, subject, { [field]: countyId }));
  // The documents of a county's plan, which its reviewers (city, province) may also ask for.
  const PLAN_DOCUMENT_KINDS = ["PLAN_DATA_TABLE_XLSX", "PLAN_DOCX"] as const;
  // The roster (试点企业改造名单), its files, provider links and change requests: read by those who oversee the county.
  const ROSTER_SUBJECTS = ["PilotEnterprise", "EnterpriseFileSection", "EnterpriseProviderLink", "RosterChangeRequest"] as const;

  allow(["read", "update"], "User", { id: principal.userId });
  allow("read", "Batch");

  const scope = principal.scope;
  switch (scope.kind) {
    case "province":
      for (const subject of ["County", "PilotCounty", "Enterprise", "Provider", "ProviderCounty"] as const) allow("read", subject);
      allow(["create", "update", "delete"], "Batch");
      allow(["create", "update", "delete"], "PilotCounty");
      // Overseers read (and download) the files their counties generated, as they read those counties' data.
      allow("read", "ExportFile");
      allow("read", "QueueDashboard");
      // Implementation plans: the province approves or returns what the cities recommended.
      allow(["read", "review"], "ImplementationPlan");
      for (const kind of PLAN_DOCUMENT_KINDS) allow("create", "ExportFile", { kind });
      for (const subject of ROSTER_SUBJECTS) allow("read", subject);
      // 审计日志: every county's records.
      allow("read", "AuditRecord");
      break;
    case "reviewer":
    case "city":
      perCounty("read", "County", "code", scope.countyIds);
      for (const subject of ["PilotCounty", "Enterprise", "ProviderCounty", "ExportFile", "ImplementationPlan", ...ROSTER_SUBJECTS] as const) {
        perCounty("read", subject, "countyId", scope.countyIds);
      }
      allow("read", "Provider");
      if (scope.kind === "city") {
        // 审计日志: the records of its own counties. A reviewer reads none.
        perCounty("read", "AuditRecord", "countyId", scope.countyIds);
        // A city recommends or returns its own counties' plans, and may ask for their documents.
        perCounty("review", "ImplementationPlan", "countyId", scope.countyIds);
        // Once the plan is approved, the roster changes only with the city's consent (备案同意).
        perCounty("review", "RosterChangeRequest", "countyId", scope.countyIds);
        for (const countyId of scope.countyIds) {
          for (const kind of PLAN_DOCUMENT_KINDS) allow("create", "ExportFile", { countyId, kind });
        }
      }
      break;
    case "county":
      allow("read", "County", { code: scope.countyId });
      allow("read", "PilotCounty", { countyId: scope.countyId });
      allow(["read", "create", "update", "delete"], "Enterprise", { countyId: scope.countyId });
      allow(["read", "create", "delete"], "ProviderCounty", { countyId: scope.countyId });
      // Only the county's own team asks for its files; its background jobs then fill them in, in the county's name.
      allow(["read", "create", "update"], "ExportFile", { countyId: scope.countyId });
      allow("read", "Provider");
      // The county writes its own plan and submits it; it never reviews one.
      allow(["read", "create", "update"], "ImplementationPlan", { countyId: scope.countyId });
      // The roster and every section of its enterprises' files; which section may be written when is the domain's
      // rule (enterprise-file-editability.ts).
      allow(["read", "create", "update"], "PilotEnterprise", { countyId: scope.countyId });
      allow(["read", "create", "update"], "EnterpriseFileSection", { countyId: scope.countyId });
      allow(["read", "create", "delete"], "EnterpriseProviderLink", { countyId: scope.countyId });
      allow(["read", "create"], "RosterChangeRequest", { countyId: scope.countyId });
      // 审计日志: the records of its own county's data (its overseers' decisions on it included).
      allow("read", "AuditRecord", { countyId: scope.countyId });
      break;
    case "enterprise":
      allow("read", "County", { code: scope.countyId });
      allow("read", "Enterprise", { id: scope.enterpriseId });
      // Its own place on the roster and its own file (sections 一–三; the domain decides which and when).
      allow("read", "PilotEnterprise", { enterpriseId: scope.enterpriseId });
      allow(["read", "create", "update"], "EnterpriseFileSection", { enterpriseId: scope.enterpriseId });
      break;
    case "provider":
      allow(["read", "update"], "Provider", { id: scope.providerId });
      allow("read", "ProviderCounty", { providerId: scope.providerId });
      allow("read", "EnterpriseProviderLink", { providerId: scope.providerId });
      // The enterprises it is linked to, and sections 二 and 三 of their files. A link is not a flat condition: the
      // repositories filter by the provider's links, and row-level security admits linked rows only.
      allow("read", "PilotEnterprise");
      allow(["read", "create", "update"], "EnterpriseFileSection");
      break;
  }
  return rules;
}

export function createAppAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export function defineAbilityFor(principal: Principal | null | undefined): AppAbility {
  return createAppAbility(defineRulesFor(principal));
}

/** Compact form of the rules for the `me` query; the UI unpacks them with `unpackAppRules`. */
export function packAppRules(rules: AppRule[]): PackRule<AppRule>[] {
  return packRules(rules);
}

export function unpackAppRules(packed: PackRule<AppRule>[]): AppRule[] {
  return unpackRules(packed) as AppRule[];
}

function scopeMatchesRole(principal: Principal): boolean {
  return SCOPE_KIND_OF_ROLE[principal.role] === principal.scope?.kind;
}
