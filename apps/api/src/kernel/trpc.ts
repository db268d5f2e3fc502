import { AUDIT_SUCCESS, findInputBoundViolation, requestOriginVerdict, type Principal } from "@dtpilot/domain";
import { AccessRevokedError, appendAuditRecord, rulesFor, withTenant, type TenantDb } from "@dtpilot/db";
import { localiseInputIssue, translateError, type ErrorKey, type Locale } from "@dtpilot/i18n";
import type { Action, SubjectName } from "@dtpilot/permissions";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, ZodRealError } from "zod";
import { AuditTrail } from "./audit-trail";
import { asCounty } from "./county-scope";
import type { RequestContext } from "./context";
import type { ErrorData } from "./error-data";
import { appError, conflictFromDatabase, LocalisableError } from "./errors";

export type { ErrorData };

const GENERIC_KEYS: Partial<Record<TRPCError["code"], ErrorKey>> = {
  PARSE_ERROR: "input.malformed",
  BAD_REQUEST: "input.malformed",
  UNAUTHORIZED: "auth.required",
  FORBIDDEN: "access.forbidden",
  NOT_FOUND: "access.notFound",
  TOO_MANY_REQUESTS: "server.rateLimited",
};

const t = initTRPC.context<RequestContext>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error, ctx }) {
    const locale: Locale = ctx?.locale ?? "zh-CN";
    const data: ErrorData = {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      ...(shape.data.path ? { path: shape.data.path } : {}),
      ...(ctx ? { requestId: ctx.requestId } : {}),
    };
    let message: string;
    if (error.cause instanceof ZodError) {
      data.issues = error.cause.issues.map((issue) => localiseInputIssue(locale, issue, shape.data.path));
      data.field = data.issues[0]?.field;
      message = data.issues.map((issue) => issue.message).join("；");
    } else if (error.cause instanceof LocalisableError) {
      message = translateError(locale, error.cause.key, error.cause.params);
      if (error.cause.field) data.field = error.cause.field;
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      message = translateError(locale, "server.internal", { requestId: ctx?.requestId ?? "-" });
    } else {
      message = translateError(locale, GENERIC_KEYS[error.code] ?? "access.forbidden");
    }
    return { message, code: shape.code, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every mutation leaves one audit record (审计记录). A signed-in mutation writes it in its own transaction (below,
 * in authedProcedure), so one that rolls back leaves no success record; this writes the others afterwards: sign-in
 * and logout, and every refused or failed attempt, with its error code as the outcome.
 */
const auditMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  // A procedure that concatenates two builders (e.g. roster.importRoster reads its upload before the transaction) has
  // this middleware twice: the outer trail is the one.
  const outer = (ctx as { audit?: unknown }).audit;
  if (outer instanceof AuditTrail) return next({ ctx: { audit: outer } });
  const audit = new AuditTrail();
  const result = await next({ ctx: { audit } });
  if (type !== "mutation" || (result.ok && audit.recorded)) return result;
  try {
    const entry = audit.entry({
      principal: ctx.principal,
      procedure: path,
      rawInput: await getRawInput().catch(() => undefined),
      outcome: result.ok ? AUDIT_SUCCESS : result.error.code,
      requestId: ctx.requestId,
      clientAddress: ctx.ip,
    });
    await appendAuditRecord(ctx.db, entry);
  } catch (error) {
    // The request's own answer stands; a missing record of an attempt is logged for the operators.
    ctx.log.error({ err: error, path }, "audit record not written");
  }
  return result;
});

/**
 * Every procedure, before its schema runs: no text with characters XML cannot hold (they would break the documents
 * we generate, and PostgreSQL refuses U+0000), no nesting, size or key count beyond INPUT_BOUNDS. A field error like
 * the schema's own, naming the place; nothing is stripped silently.
 */
const boundedInput = t.middleware(async ({ getRawInput, next }) => {
  let input: unknown;
  try {
    input = await getRawInput();
  } catch {
    return next(); // an unreadable payload: the input parser reports it as usual
  }
  const violation = findInputBoundViolation(input);
  if (violation) {
    const { path, problem, maximum } = violation;
    const issue = { code: "custom" as const, path, message: problem, input: undefined, ...(maximum === undefined ? {} : { maximum }) };
    throw new TRPCError({ code: "BAD_REQUEST", message: problem, cause: new ZodRealError([issue]) });
  }
  return next();
});

/**
 * A batch is refused whole when it is too large or holds an `auth.*` call (its calls run in parallel: a batch of
 * sign-ins would be many password guesses in one request).
 */
const boundedBatch = t.middleware(({ ctx, next }) => {
  if (ctx.batchPaths) {
    if (ctx.batchPaths.some((path) => path.startsWith("auth."))) throw appError("BAD_REQUEST", "auth.batchRefused");
    if (ctx.batchPaths.length > ctx.config.maxBatchSize) {
      throw appError("BAD_REQUEST", "request.batchTooLarge", { params: { max: ctx.config.maxBatchSize } });
    }
  }
  return next();
});

/** What a session that must still replace its initial password may call. */
const BEFORE_PASSWORD_CHANGE = new Set(["auth.me", "auth.changePassword", "auth.logout"]);

/**
 * Every procedure: its mutation is audited (first, so refusals are recorded); mutations must come from an allowed
 * origin (a browser on a foreign site cannot post here), or, without an Origin header, from our own client (its header
 * needs a CORS preflight another site cannot pass); a batch within bounds; and its raw input is bounded before its
 * schema runs.
 */
export const publicProcedure = t.procedure.use(auditMutations).use(({ ctx, type, next }) => {
  if (type === "mutation") {
    const verdict = requestOriginVerdict({ method: "POST", origin: ctx.origin, clientHeader: ctx.clientHeader, allowedOrigins: ctx.config.allowedOrigins });
    if (verdict !== "allowed") throw appError("FORBIDDEN", verdict === "foreignOrigin" ? "auth.foreignOrigin" : "auth.missingOrigin");
  }
  return next();
}).use(boundedBatch).use(boundedInput);


/** What work after the commit may do besides the services: act as a county's team, as jobs do (county-scope.ts). */
export interface Committed {
  asCounty: <T>(job: { countyId: string; requestedById: string }, work: (tenant: TenantDb) => Promise<T>) => Promise<T>;
}

/**
 * Signed in: the session's principal, its rules, and one RLS-scoped transaction for the whole request (`ctx.data`,
 * the tenant handle; the unscoped client is withheld from the procedure); a mutation's audit record is written last
 * in that transaction.
 * `afterCommit` runs work that must only see committed rows (e.g. enqueueing a job that reads the row just
 * written); it runs once the transaction has committed, and its failure fails the request.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, type, path, getRawInput, next }) => {
  const principal: Principal | null = ctx.principal;
  if (!principal || !ctx.sessionToken || !ctx.membershipId) throw appError("UNAUTHORIZED", "auth.required");
  const sessionToken = ctx.sessionToken;
  // A user disabled, a membership removed or changed, a password changed: the session ends at its next request.
  const endSession = async () => {
    await ctx.sessions.destroy(sessionToken);
    ctx.clearSessionCookie();
    return appError("UNAUTHORIZED", "auth.expired");
  };
  if (!ctx.grant) throw await endSession();
  if (ctx.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(path)) throw appError("FORBIDDEN", "auth.mustChangePassword");
  // Built once per principal and shared by its requests (rulesFor), with the ability and filters derived from them.
  const rules = rulesFor(principal);
  const afterCommit: ((committed: Committed) => Promise<void>)[] = [];
  const result = await withTenant(ctx.db, principal, async (data) => {
    const result = await next({
      ctx: {
        principal,
        sessionToken: ctx.sessionToken!,
        membershipId: ctx.membershipId!,
        rules,
        data,
        db: undefined,
        afterCommit: (task: (committed: Committed) => Promise<void>) => void afterCommit.push(task),
      },
    });
    // tRPC hands a failed procedure back as a result; throw it so the transaction rolls back.
    if (!result.ok) throw result.error;
    if (type === "mutation") {
      const entry = ctx.audit.entry({
        principal,
        procedure: path,
        rawInput: await getRawInput(),
        outcome: AUDIT_SUCCESS,
        requestId: ctx.requestId,
        clientAddress: ctx.ip,
      });
      await appendAuditRecord(data, entry);
      ctx.audit.recorded = true;
    }
    return result;
  }, rules, ctx.grant).catch(async (error: unknown) => {
    if (error instanceof AccessRevokedError) throw await endSession();
    throw conflictFromDatabase(error) ?? error;
  });
  const committed: Committed = { asCounty: (job, work) => asCounty(ctx.db, job, work) };
  for (const task of afterCommit) await task(committed);
  return result;
});

/** Signed in and allowed `action` on some `subject` by the ability (record-level checks happen in repositories). */
export function procedureAllowedTo(action: Action, subject: SubjectName) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!ctx.data.can(action, subject)) throw appError("FORBIDDEN", "access.forbidden");
    return next();
  });
}

export { TRPCError };
