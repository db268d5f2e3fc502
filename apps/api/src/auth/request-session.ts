import type { FastifyRequest } from "fastify";
import type { ApiServices } from "../context";
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

/**
 * The live session of a plain HTTP route (the tRPC context uses `requestSession` too). A session that must first
 * replace its initial password counts as none here: downloads and the dashboard wait until it has.
 */
export async function sessionOf(request: FastifyRequest, services: Pick<ApiServices, "sessions">): Promise<Session | null> {
  const session = (await requestSession(request, services))?.session ?? null;
  return session?.mustChangePassword ? null : session;
}
