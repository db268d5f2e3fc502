import { DEFAULT_REFUSAL_KEYS, type TransitionRefusal, type Workflow } from "@dtpilot/domain";
import { isErrorKey, workflowStateLabel, workflowSubjectLabel, type Locale } from "@dtpilot/i18n";
import type { TRPCError } from "@trpc/server";
import { appError } from "./errors";

/**
 * A workflow's refusal as the caller reads it: a role that never takes the step or a subject out of its scope is
 * forbidden (403); a step the subject's state does not allow now is a conflict (409), naming the state in the
 * caller's language; a guard's refusal is a bad request (400) when the caller can fix what it sent, else a conflict.
 */
export function transitionRefusalError<State extends string, Event extends string, Context>(
  workflow: Workflow<State, Event, Context>,
  refusal: TransitionRefusal<State>,
  locale: Locale,
): TRPCError {
  if (refusal.kind === "GUARD") {
    const { key, params, field, cause } = refusal;
    if (!isErrorKey(key)) throw new Error(`${workflow.subject}: a guard refused with ${key}, which has no message`);
    return appError(cause === "INPUT" ? "BAD_REQUEST" : "CONFLICT", key, { ...(params ? { params } : {}), ...(field ? { field } : {}) });
  }
  const key = workflow.refusalKeys?.[refusal.kind] ?? DEFAULT_REFUSAL_KEYS[refusal.kind];
  if (!isErrorKey(key)) throw new Error(`${workflow.subject}: refusal ${refusal.kind} names ${key}, which has no message`);
  const subject = workflowSubjectLabel(locale, workflow.subject);
  if (refusal.kind !== "WRONG_STATE") return appError("FORBIDDEN", key, { params: { subject } });
  const state = refusal.state === null ? "" : workflowStateLabel(locale, workflow.subject, refusal.state);
  return appError("CONFLICT", key, { params: { subject, state } });
}
