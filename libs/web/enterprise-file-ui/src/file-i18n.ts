import { registerMessages } from "@dtpilot/ui";
import { useTranslation } from "react-i18next";
import { fileEn, fileZhCN, FILE_NAMESPACE } from "./file-messages";

registerMessages(FILE_NAMESPACE, { "zh-CN": fileZhCN, en: fileEn });

/** `useTranslation("enterpriseFile")`: the file editor's own labels. */
export function useFileTranslation() {
  return useTranslation(FILE_NAMESPACE);
}

/** The editor's translate function. */
export type FileT = ReturnType<typeof useFileTranslation>["t"];
