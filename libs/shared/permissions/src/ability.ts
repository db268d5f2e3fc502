/**
 * What each role may do — the one ability definition shared by the API (which enforces it and turns it into
 * Prisma filters) and the front ends (which hide what it forbids), written area by area (./areas) and composed
 * here. Fail-closed: an unknown role, or a scope that does not match the role, gets nothing.
 */
import { createMongoAbility } from "@casl/ability";
import { packRules, unpackRules, type PackRule } from "@casl/ability/extra";
import { isRole, SCOPE_KIND_OF_ROLE, type Principal } from "@dtpilot/domain";
import { auditRules } from "./areas/audit";
import { documentRules } from "./areas/documents";
import { enterpriseFileRules } from "./areas/enterprise-file";
import { geographyRules } from "./areas/geography";
import { identityRules } from "./areas/identity";
import { organisationRules } from "./areas/organisations";
import { planRules } from "./areas/plan";
import { rosterRules } from "./areas/roster";
import { writeRules, type AreaRules } from "./rule-writer";
import type { AppAbility, AppRule } from "./vocabulary";

export { ACTIONS, SUBJECTS, type Action, type SubjectName, type AppAbility, type AppRule } from "./vocabulary";

/** Every area's rules; a new area is one module and one line here. */
const AREAS: readonly AreaRules[] = [
  identityRules,
  geographyRules,
  organisationRules,
  documentRules,
  planRules,
  rosterRules,
  enterpriseFileRules,
  auditRules,
];

export function defineRulesFor(principal: Principal | null | undefined): AppRule[] {
  if (!principal || !isRole(principal.role) || !scopeMatchesRole(principal)) return [];
  return writeRules(principal, AREAS);
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
