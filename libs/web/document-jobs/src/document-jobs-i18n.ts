import { registerMessages } from "@dtpilot/ui";
import { useTranslation } from "react-i18next";
import { DOCUMENT_JOBS_NAMESPACE, documentJobsEn, documentJobsZhCN } from "./messages";

registerMessages(DOCUMENT_JOBS_NAMESPACE, { "zh-CN": documentJobsZhCN, en: documentJobsEn });

export function useDocumentJobsTranslation() {
  return useTranslation(DOCUMENT_JOBS_NAMESPACE);
}
