import { currentLanguage, registerMessages } from "@dtpilot/ui";
import { useTranslation } from "react-i18next";
import { planEn, planZhCN, PLAN_NAMESPACE } from "./messages";

registerMessages(PLAN_NAMESPACE, { "zh-CN": planZhCN, en: planEn });

/** `useTranslation("plan")`: the plan screens' labels; apps use it to show a state or a version outside the screens. */
export function usePlanTranslation() {
  return useTranslation(PLAN_NAMESPACE);
}

/** The reader's language, for dates. */
export const planLanguage = () => currentLanguage();
