/** Why an export failed, as the county reads it. */
import type { ErrorKey } from "@dtpilot/i18n";

/** A failure whose reason the county sees, as a message key of @dtpilot/i18n. */
export class ExportFailure extends Error {
  constructor(
    readonly key: ErrorKey,
    detail: string,
  ) {
    super(`${key}: ${detail}`);
    this.name = "ExportFailure";
  }
}

const STALLED_TOO_OFTEN = /stalled more than allowable limit/;

export function failureKeyOf(error: unknown): ErrorKey {
  if (error instanceof ExportFailure) return error.key;
  if (error instanceof Error && STALLED_TOO_OFTEN.test(error.message)) return "export.failed.stalled";
  return "export.failed.unexpected";
}
