import type { Principal } from "@dtpilot/domain";
import { withTenant } from "@dtpilot/db";
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
 * Every procedure: mutations must come from an allowed origin (a browser on a foreign site cannot post here), and a
 * batch is refused whole when it is too large or holds an `auth.*` call (its calls run in parallel: a batch of
 * sign-ins would be many password guesses in one request).
 */
export const publicProcedure = t.procedure.use(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.origin !== undefined && !ctx.config.allowedOrigins.includes(ctx.origin)) {
    throw appError("FORBIDDEN", "auth.foreignOrigin");
  }
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
 * Signed in: the session's principal, its rules, and one RLS-scoped transaction for the whole request.
 * `afterCommit` runs work that must only see committed rows (e.g. enqueueing a job that reads the row just
 * written); it runs once the transaction has committed, and its failure fails the request.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, path, next }) => {
  const principal: Principal | null = ctx.principal;
  if (!principal || !ctx.sessionToken || !ctx.membershipId) throw appError("UNAUTHORIZED", "auth.required");
  if (ctx.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(path)) throw appError("FORBIDDEN", "auth.mustChangePassword");
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
  }, rules);
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
