import { AccessRevokedError, isAccessCurrent, withTenant, type AccessGrant, type TenantDb } from "@dtpilot/db";
import type { FastifyRequest } from "fastify";
import type { ApiServices } from "./api-services";
import type { Session } from "./session-store";

export const SESSION_COOKIE = "dtpilot_session";

/** The live session behind a request's cookie, with its token; null when there is none or it has ended. */
export async function requestSession(
  request: FastifyRequest,
  services: Pick<ApiServices, "sessions">,
): Promise<{ token: string; session: Session } | null> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await services.sessions.touch(token) : null;
  return token && session ? { token, session } : null;
}

/** What the session was granted at sign-in, checked on every request; null for a session from before access versions. */
export function grantOf(session: Session): AccessGrant | null {
  return Number.isInteger(session.accessVersion)
    ? { userId: session.principal.userId, membershipId: session.membershipId, accessVersion: session.accessVersion }
    : null;
}

/** A plain HTTP route's answer when the session's grant no longer holds: the session is ended, 401 `auth.expired`. */
export const ACCESS_REVOKED = "revoked" as const;

/**
 * A plain HTTP route's work as the session's principal, in one scoped transaction whose first statement also checks
 * the session's grant (like every tRPC procedure). ACCESS_REVOKED, with the session ended, when it no longer holds.
 */
export async function withSessionTenant<T>(
  services: Pick<ApiServices, "db" | "sessions">,
  current: { token: string; session: Session },
  work: (tenant: TenantDb) => Promise<T>,
): Promise<T | typeof ACCESS_REVOKED> {
  const grant = grantOf(current.session);
  const result = grant
    ? await withTenant(services.db, current.session.principal, work, undefined, grant).catch((error: unknown) => {
        if (error instanceof AccessRevokedError) return ACCESS_REVOKED;
        throw error;
      })
    : ACCESS_REVOKED;
  if (result === ACCESS_REVOKED) await services.sessions.destroy(current.token);
  return result;
}

/** Whether the session's grant still holds, for routes that run no scoped transaction; ends the session when not. */
export async function isSessionCurrent(services: Pick<ApiServices, "db" | "sessions">, current: { token: string; session: Session }): Promise<boolean> {
  const grant = grantOf(current.session);
  const live = grant ? await isAccessCurrent(services.db, grant) : false;
  if (!live) await services.sessions.destroy(current.token);
  return live;
}

/**
 * A plain HTTP route's session, as `requestSession`; one that must first replace its initial password counts as none
 * here: downloads and the dashboard wait until it has.
 */
export async function routeSession(
  request: FastifyRequest,
  services: Pick<ApiServices, "sessions">,
): Promise<{ token: string; session: Session } | null> {
  const current = await requestSession(request, services);
  return current?.session.mustChangePassword ? null : current;
}
