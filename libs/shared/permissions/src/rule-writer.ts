import type { Principal } from "@dtpilot/domain";
import type { Action, AppRule, SubjectName } from "./vocabulary";

/**
 * Conditions are flat equalities only ({ countyId: "320281" }), which read the same to CASL's Mongo-style
 * interpreter in the browser and to @casl/prisma on the server; a scope with several counties gets one rule each.
 */
type Equality = Record<string, string>;

/** What an area's rules are written with. */
export interface RuleWriter {
  allow(action: Action | Action[], subject: SubjectName, conditions?: Equality): void;
  /** One rule per county: `{ [field]: countyId }`. */
  perCounty(action: Action | Action[], subject: SubjectName, field: string, countyIds: readonly string[]): void;
}

/** One area's part of the ability: what a principal (already checked to hold a valid role and scope) may do there. */
export type AreaRules = (principal: Principal, rules: RuleWriter) => void;

export function writeRules(principal: Principal, areas: readonly AreaRules[]): AppRule[] {
  const rules: AppRule[] = [];
  const writer: RuleWriter = {
    allow: (action, subject, conditions) => void rules.push(conditions ? { action, subject, conditions } : { action, subject }),
    perCounty: (action, subject, field, countyIds) => countyIds.forEach((countyId) => writer.allow(action, subject, { [field]: countyId })),
  };
  for (const area of areas) area(principal, writer);
  return rules;
}
