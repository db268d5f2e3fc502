/**
 * Shared work screens of an implementation plan 实施方案 (read-only view, history, version diff, documents) for the
 * county and province apps.
 * A package of its own, bundled by the apps that use it (so the shared @dtpilot/ui singleton stays small); its
 * imports of @dtpilot/ui reach the page's shared copy, with its tRPC, i18n and ability.
 */
export { RichTextView } from "./RichTextView";
export { PlanReadOnly, type PlanReadOnlyProps } from "./PlanReadOnly";
export { PlanHistory } from "./PlanHistory";
export { PlanVersionDiff, type PlanVersionDiffProps } from "./PlanVersionDiff";
export { PlanDocumentDownloads, type PlanDocumentDownloadsProps, type PlanDocumentFormat } from "./PlanDocumentDownloads";
export { PlanStateTag } from "./PlanStateTag";
export { PlanFieldComments, planCommentsByTarget } from "./PlanComments";
export { PLAN_NAMESPACE, planZhCN, planEn } from "./messages";
export { usePlanTranslation } from "./plan-i18n";
export type { PlanView, PlanComment, PlanEventView, PlanCommentSlot } from "./types";
