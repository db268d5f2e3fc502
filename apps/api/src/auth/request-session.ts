import type { FastifyRequest } from "fastify";
import { SESSION_COOKIE, type ApiServices } from "../context";
import type { Session } from "./session-store";

/** The live session behind a plain HTTP route's cookie (the tRPC context does the same for procedures). */
export async function sessionOf(request: FastifyRequest, services: Pick<ApiServices, "sessions">): Promise<Session | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? services.sessions.touch(token) : null;
}
