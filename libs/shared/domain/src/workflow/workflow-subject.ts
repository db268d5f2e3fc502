import type { Scope } from "../scope";

/**
 * What a workflow's subject belongs to, as far as scope is concerned: its county, and for subjects with parties
 * (a task book: 乙方 enterprise, 丙方 provider) those parties' organisations.
 */
export interface WorkflowSubject {
  countyId: string;
  enterpriseId?: string;
  providerIds?: readonly string[];
}

/** Whether a scope reaches the subject: its county (or all of them), or its own organisation as a party. */
export function scopeReachesSubject(scope: Scope, subject: WorkflowSubject): boolean {
  switch (scope.kind) {
    case "province":
      return true;
    case "reviewer":
    case "city":
      return scope.countyIds.includes(subject.countyId);
    case "county":
      return scope.countyId === subject.countyId;
    case "enterprise":
      return scope.countyId === subject.countyId && scope.enterpriseId === subject.enterpriseId;
    case "provider":
      return subject.providerIds?.includes(scope.providerId) ?? false;
  }
}
