import type { LocalisedIssue } from "@dtpilot/i18n";

/** Error details every client receives: a localised message, the offending field, and never a stack trace. */
export interface ErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  requestId?: string;
  field?: string;
  issues?: LocalisedIssue[];
}
