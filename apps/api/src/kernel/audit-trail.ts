/**
 * The audit trail of one mutation (审计记录). Every mutation gets one on its context (`ctx.audit`); a procedure
 * declares what it acted on (`target`), which fields it changed (`changes`) and any detail worth keeping
 * (`details`). The middlewares in trpc.ts write the record: in the request's own transaction when the mutation
 * commits, afterwards when it was refused or failed. Secrets never reach it: values are sanitised centrally here
 * (libs/shared/domain/src/audit).
 */
import {
  AUDIT_SUCCESS,
  auditOrganisationOf,
  boundAuditChanges,
  sanitiseAuditValue,
  summariseAuditInput,
  type AuditChange,
  type AuditValue,
  type Principal,
} from "@dtpilot/domain";
import type { AuditEntry } from "@dtpilot/db";

export class AuditTrail {
  private declaredTarget: { type: string; id: string; countyId?: string | null } | null = null;
  private declaredChanges: AuditChange[] = [];
  private declaredDetails: Record<string, AuditValue> = {};
  private signIn: { userId: string | null; username: string; principal: Principal | null } | null = null;
  /** Set once the success record is in the request's transaction (so nothing else needs writing). */
  recorded = false;

  /**
   * The record the mutation acted on. `countyId`: the county whose data it is, when the caller's own scope does not
   * say (a city's or the province's decision on a county's plan), so that county and its overseers read the record.
   */
  target(type: string, id: string, options: { countyId?: string | null } = {}): void {
    this.declaredTarget = { type, id, ...options };
  }

  /** The fields the mutation changed, before → after (bounded and redacted when written). */
  changes(changes: readonly { field: string; label?: string; before: unknown; after: unknown }[]): void {
    this.declaredChanges = boundAuditChanges(changes);
  }

  /** Further facts kept with the input summary (e.g. the version and revision a save produced). */
  details(values: Record<string, unknown>): void {
    this.declaredDetails = { ...this.declaredDetails, ...(sanitiseAuditValue(values) as Record<string, AuditValue>) };
  }

  /** A sign-in attempt names who tried (as typed) and, when it succeeded, the principal it signed in as. */
  signInAttempt(attempt: { userId: string | null; username: string; principal?: Principal | null }): void {
    this.signIn = { userId: attempt.userId, username: attempt.username, principal: attempt.principal ?? null };
  }

  /** The record of this mutation: who (the sign-in's account, else the session's), what, on which record, how it ended. */
  entry(request: {
    principal: Principal | null;
    procedure: string;
    rawInput: unknown;
    outcome: string;
    requestId: string;
    clientAddress: string;
  }): AuditEntry {
    // A sign-in acts for the account it names, whatever session the browser still had.
    const principal = this.signIn ? this.signIn.principal : request.principal;
    const organisation = principal ? auditOrganisationOf(principal.scope) : null;
    const target = this.declaredTarget;
    return {
      actorId: principal?.userId ?? this.signIn?.userId ?? null,
      username: this.signIn?.username ?? null,
      role: principal?.role ?? null,
      orgKind: organisation?.kind ?? null,
      orgId: organisation?.id ?? null,
      countyId: target?.countyId !== undefined ? target.countyId : (organisation?.countyId ?? null),
      procedure: request.procedure,
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      // A refused or failed attempt changed nothing, whatever it had declared before it stopped.
      changes: request.outcome === AUDIT_SUCCESS ? this.declaredChanges : [],
      input: { ...summariseAuditInput(request.rawInput), ...this.declaredDetails },
      outcome: request.outcome,
      requestId: request.requestId,
      clientAddress: request.clientAddress,
    };
  }
}
