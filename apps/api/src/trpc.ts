import { requestOriginVerdict, type Principal } from "@dtpilot/domain";
import { AccessRevokedError, withTenant } from "@dtpilot/db";
import { localiseInputIssue, translateError, type ErrorKey, type Locale, type LocalisedIssue } from "@dtpilot/i18n";
import { defineRulesFor, type Action, type SubjectName } from "@dtpilot/permissions";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { RequestContext } from "./context";
import { appError, LocalisableError } from "./errors";

/** Error details every client receives: a localised message, the offending field, and never a stack trace. */
export interface ErrorData {
  code: string;
  httpStatus: number;
  path?: string;
  requestId?: string;
  field?: string;
  issues?: LocalisedIssue[];
}

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
      data.issues = error.cause.issues.map((issue) => localiseInputIssue(locale, issue));
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
 * Every procedure: mutations must come from an allowed origin (a browser on a foreign site cannot post here), or,
 * without an Origin header, from our own client (its header needs a CORS preflight another site cannot pass).
 */
export const publicProcedure = t.procedure.use(({ ctx, type, next }) => {
  if (type === "mutation") {
    const verdict = requestOriginVerdict({ method: "POST", origin: ctx.origin, clientHeader: ctx.clientHeader, allowedOrigins: ctx.config.allowedOrigins });
    if (verdict !== "allowed") throw appError("FORBIDDEN", verdict === "foreignOrigin" ? "auth.foreignOrigin" : "auth.missingOrigin");
  }
  return next();
});

/**
 * Signed in: the session's principal, its rules, and one RLS-scoped transaction for the whole request.
 * `afterCommit` runs work that must only see committed rows (e.g. enqueueing a job that reads the row just
 * written); it runs once the transaction has committed, and its failure fails the request.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
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
  const rules = defineRulesFor(principal);
  const afterCommit: (() => Promise<void>)[] = [];
  const result = await withTenant(ctx.db, principal, async (data) => {
    const result = await next({
      ctx: {
        principal,
        sessionToken: ctx.sessionToken!,
        membershipId: ctx.membershipId!,
        rules,
        data,
        afterCommit: (task: () => Promise<void>) => void afterCommit.push(task),
      },
    });
    // tRPC hands a failed procedure back as a result; throw it so the transaction rolls back.
    if (!result.ok) throw result.error;
    return result;
  }, rules, ctx.grant).catch(async (error: unknown) => {
    throw error instanceof AccessRevokedError ? await endSession() : error;
  });
  for (const task of afterCommit) await task();
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
