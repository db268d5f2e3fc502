/** A minimal tRPC-over-HTTP client for the bench: sign-in (once per role), queries and mutations with a session cookie. */
import type { HttpTarget } from "./load";

export const SESSION_COOKIE = "dtpilot_session";
/** A mutation without an Origin header says it comes from our own client (FIRST_PARTY_CLIENT_HEADER in @dtpilot/domain). */
const CLIENT_HEADERS = { "x-dtpilot-client": "web" };

export type CallType = "query" | "mutation";

/** The HTTP request of one tRPC call (superjson envelope; no batching). */
export function callTarget(apiUrl: string, type: CallType, procedure: string, input: unknown, cookie: string): HttpTarget {
  if (type === "query") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return { url: `${apiUrl}/trpc/${procedure}${query}`, method: "GET", headers: { cookie } };
  }
  return {
    url: `${apiUrl}/trpc/${procedure}`,
    method: "POST",
    headers: { cookie, "content-type": "application/json", ...CLIENT_HEADERS },
    body: JSON.stringify({ json: input ?? null }),
  };
}

export class CallError extends Error {
  constructor(
    readonly procedure: string,
    readonly status: number,
    body: string,
  ) {
    super(`${procedure}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

export async function call<T>(apiUrl: string, type: CallType, procedure: string, input: unknown, cookie: string): Promise<T> {
  const target = callTarget(apiUrl, type, procedure, input, cookie);
  const response = await fetch(target.url, { method: target.method, headers: target.headers, ...(target.body === undefined ? {} : { body: target.body }) });
  const text = await response.text();
  if (response.status !== 200) throw new CallError(procedure, response.status, text);
  return (JSON.parse(text) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * One sign-in attempt, never retried: five failures lock an account (modules/identity/sign-in-throttle.ts).
 * Returns the session cookie (`name=value`).
 */
export async function login(apiUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...CLIENT_HEADERS },
    body: JSON.stringify({ json: { username, password } }),
  });
  const body = await response.text();
  if (response.status !== 200) throw new CallError(`auth.login as ${username}`, response.status, body);
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`auth.login as ${username} answered 200 without a ${SESSION_COOKIE} cookie`);
  const answer = (JSON.parse(body) as { result: { data: { json: { mustChangePassword: boolean } } } }).result.data.json;
  if (answer.mustChangePassword) throw new Error(`${username} must replace its initial password first: sign in once in the app, or pick another account`);
  return session;
}
