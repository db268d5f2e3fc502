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

/** PostgreSQL's serialization failure, deadlock and unique violation, and Prisma's codes for them. */
const CONFLICT_CODES = new Set(["40001", "40P01", "23505", "P2002", "P2034"]);

function databaseErrorCodes(error: unknown, depth = 0): string[] {
  if (depth > 6 || typeof error !== "object" || error === null) return [];
  const record = error as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const own = [record.code, record.originalCode].filter((code): code is string => typeof code === "string");
  return [...own, ...databaseErrorCodes(record.cause, depth + 1), ...databaseErrorCodes(record.meta?.driverAdapterError, depth + 1)];
}

/** Prisma's "unable to start a transaction in the given time": no pooled connection came free within its wait. */
const BUSY_CODES = new Set(["P2028"]);

/** PostgreSQL's insufficient_privilege: a row-level security policy or an ownership trigger refused the write. */
const REFUSED_CODES = new Set(["42501"]);

/**
 * A backstop for what no rule in the API foresaw: PostgreSQL refusing a write because a concurrent one won (deadlock,
 * serialization failure, unique violation) answers 409 with a reason, and one the database's own policies refuse
 * (RLS, the file's ownership trigger) answers 403, and a request that found no free connection in time 503 "busy" —
 * never 500. The transaction was rolled back (or never began).
 */
export function conflictFromDatabase(error: unknown): TRPCError | null {
  const codes = databaseErrorCodes(error);
  if (codes.some((code) => CONFLICT_CODES.has(code))) return appError("CONFLICT", "server.conflict");
  if (codes.some((code) => REFUSED_CODES.has(code))) return forbidden();
  if (codes.some((code) => BUSY_CODES.has(code))) return appError("SERVICE_UNAVAILABLE", "server.busy");
  return null;
}
