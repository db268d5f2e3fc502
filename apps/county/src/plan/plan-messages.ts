/** Validation messages of the plan form in the reader's language, from the shared error catalogue. */
import { PLAN_FIELD_LABELS, type PlanFieldError, type PlanFieldKey, type PlanSubmissionBlocker } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import type { Language } from "@dtpilot/ui";

function isPlanFieldKey(value: string): value is PlanFieldKey {
  return value in PLAN_FIELD_LABELS;
}

/** A field error's message; for an upper bound it names the bounding field in the guide's words (合计（家）（数值B） for B). */
export function fieldErrorMessage(language: Language, error: PlanFieldError): string {
  if (error.key === "plan.target.exceedsBase") {
    const limitField = String(error.params.limitField ?? "");
    const limitLabel = isPlanFieldKey(limitField) ? PLAN_FIELD_LABELS[limitField] : limitField;
    return translateError(language, error.key, { ...error.params, limitLabel });
  }
  return translateError(language, error.key, error.params);
}

/** A submission blocker's message; `regionName` is the region in the reader's language (the domain gives 苏南…). */
export function blockerMessage(language: Language, blocker: PlanSubmissionBlocker, regionName: string): string {
  return translateError(language, blocker.key, { ...blocker.params, region: regionName });
}
