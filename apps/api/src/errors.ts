import type { ErrorKey } from "@dtpilot/i18n";
import { TRPCError } from "@trpc/server";

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]["code"];

/** What the error formatter needs to localise an error: a message key, its parameters and the offending field. */
export class LocalisableError extends Error {
  constructor(
    readonly key: ErrorKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(key);
  }
}

/** A typed API error whose message the client receives in its own language. */
export function appError(code: ErrorCode, key: ErrorKey, options: { params?: Record<string, string | number>; field?: string } = {}) {
  return new TRPCError({ code, message: key, cause: new LocalisableError(key, options.params, options.field) });
}

/** Out of scope and missing look the same, so ids from other tenants reveal nothing. */
export const notFound = () => appError("NOT_FOUND", "access.notFound");
export const forbidden = () => appError("FORBIDDEN", "access.forbidden");
