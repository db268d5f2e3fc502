import type { ExportFileSummary } from "@dtpilot/db";
import { isErrorKey, translateError, type Locale } from "@dtpilot/i18n";

/** An export as the API answers it: the failure reason in the caller's language, never the bytes. */
export function toExportView(summary: ExportFileSummary, locale: Locale) {
  const { errorKey, parameters, ...rest } = summary;
  return {
    ...rest,
    parameters: (parameters ?? {}) as Record<string, unknown>,
    error: rest.status === "FAILED" ? translateError(locale, errorKey && isErrorKey(errorKey) ? errorKey : "export.failed.unexpected") : null,
  };
}

export type ExportView = ReturnType<typeof toExportView>;
