// Brings the cookie plugin's `request.cookies` typing wherever this file is type-checked.
import type {} from "@fastify/cookie";
import { FIRST_PARTY_CLIENT_HEADER, type Principal } from "@dtpilot/domain";
import type { AccessGrant } from "@dtpilot/db";
import { isLocale, negotiateLocale, type Locale } from "@dtpilot/i18n";
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from "fastify";
import type { TRPCRequestInfo } from "@trpc/server/http";
import type { ApiServices } from "./api-services";
import type { RequestContext } from "./request-context";
import { grantOf, requestSession, SESSION_COOKIE } from "./request-session";
import { DEVICE_COOKIE } from "../modules/identity/trusted-devices";

export type { ApiServices, RequestContext };

declare module "./request-context" {
  /** The server's part of a request's context: declared here, so the router type the web imports does not name it. */
  interface RequestContext extends ApiServices {
    /** The request's logger (carries its request id). */
    log: FastifyBaseLogger;
    ip: string;
    origin: string | undefined;
    /** The first-party client header (see `requestOriginVerdict`). */
    clientHeader: string | string[] | undefined;
    sessionToken: string | undefined;
    /** The signed-in principal from the session cookie; procedures never take a scope from the client. */
    principal: Principal | null;
    membershipId: string | null;
    /** The session's grant, checked against the database by every authenticated procedure. */
    grant: AccessGrant | null;
    /** The session's user still has to replace an initial password (only auth.me / changePassword / logout answer). */
    mustChangePassword: boolean;
    /** The procedure paths of this HTTP request when the client batched calls, else null. */
    batchPaths: string[] | null;
    /** The known-device token the browser holds (see auth/trusted-devices.ts). */
    deviceToken: string | undefined;
    setSessionCookie(token: string): void;
    clearSessionCookie(): void;
    setDeviceCookie(token: string): void;
  }
}

/** The request's language: an explicit `x-locale`, else the browser's Accept-Language (Chinese by default). */
export function localeOf(req: FastifyRequest): Locale {
  const requested = req.headers["x-locale"];
  return isLocale(requested) ? requested : negotiateLocale(req.headers["accept-language"]);
}

export function contextFactory(services: ApiServices) {
  return async ({ req, res, info }: { req: FastifyRequest; res: FastifyReply; info?: TRPCRequestInfo }): Promise<RequestContext> => {
    const current = await requestSession(req, services);
    const session = current?.session ?? null;
    const cookieOptions = {
      path: "/",
      httpOnly: true,
      sameSite: "lax" as const,
      // HTTPS as Fastify sees it (with trustProxy, as the proxy in front says), or forced by SECURE_COOKIES.
      secure: services.config.secureCookies || req.protocol === "https",
    };
    return {
      ...services,
      requestId: req.id,
      log: req.log,
      locale: localeOf(req),
      ip: req.ip,
      origin: req.headers.origin,
      clientHeader: req.headers[FIRST_PARTY_CLIENT_HEADER],
      sessionToken: current?.token,
      principal: session?.principal ?? null,
      membershipId: session?.membershipId ?? null,
      grant: session ? grantOf(session) : null,
      mustChangePassword: session?.mustChangePassword === true,
      batchPaths: info?.isBatchCall ? info.calls.map((call) => call.path) : null,
      deviceToken: req.cookies[DEVICE_COOKIE],
      setSessionCookie: (token) => void res.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: services.config.sessionMaxSeconds }),
      clearSessionCookie: () => void res.clearCookie(SESSION_COOKIE, cookieOptions),
      setDeviceCookie: (token) => void res.setCookie(DEVICE_COOKIE, token, { ...cookieOptions, maxAge: services.config.trustedDeviceSeconds }),
    };
  };
}
