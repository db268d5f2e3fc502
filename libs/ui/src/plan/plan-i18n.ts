import type { i18n as I18n } from "i18next";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n";
import { planEn, planZhCN, PLAN_NAMESPACE } from "./messages";

/**
 * Adds the plan screens' labels to the page's i18n instance, once. This entry cannot call registerMessages: see
 * plan-api.ts for why it never imports "@dtpilot/ui" at runtime; the instance comes from react-i18next (a shared
 * singleton), that is the shell's.
 */
export function ensurePlanMessages(i18n: I18n): void {
  if (i18n.hasResourceBundle("zh-CN", PLAN_NAMESPACE)) return;
  i18n.addResourceBundle("zh-CN", PLAN_NAMESPACE, planZhCN, true, true);
  i18n.addResourceBundle("en", PLAN_NAMESPACE, planEn, true, true);
}

/** `useTranslation("plan")` with the plan labels in place; apps use it to show a state or a version outside the screens. */
export function usePlanTranslation() {
  const { i18n } = useTranslation();
  ensurePlanMessages(i18n);
  return useTranslation(PLAN_NAMESPACE);
}

/** The reader's language, for dates (the page's languages are zh-CN and en). */
export function planLanguage(i18n: Pick<I18n, "language">): Language {
  return i18n.language === "en" ? "en" : "zh-CN";
}
