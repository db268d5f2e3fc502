import type { FastifyReply, FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { contextFactory, type ApiServices } from "./context";

/** The cookie options the context sets the session cookie with, for a request that arrived as `protocol`. */
async function sessionCookieOptions(protocol: "http" | "https", secureCookies: boolean) {
  const set: Record<string, unknown>[] = [];
  const services = { config: { ...loadConfig(), secureCookies } } as ApiServices;
  const request = { protocol, cookies: {}, headers: {}, id: "request-1", log: {}, ip: "127.0.0.1" } as unknown as FastifyRequest;
  const reply = { setCookie: (_name: string, _value: string, options: Record<string, unknown>) => void set.push(options) } as unknown as FastifyReply;
  const context = await contextFactory(services)({ req: request, res: reply });
  context.setSessionCookie("token");
  return set[0]!;
}

describe("the session cookie", () => {
  it("is Secure whenever the request came over HTTPS (directly, or as a trusted proxy says)", async () => {
    expect(await sessionCookieOptions("https", false)).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("is Secure on plain HTTP only when SECURE_COOKIES says so", async () => {
    expect(await sessionCookieOptions("http", false)).toMatchObject({ secure: false });
    expect(await sessionCookieOptions("http", true)).toMatchObject({ secure: true });
  });
});
