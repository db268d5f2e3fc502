import { LANGUAGE_STORAGE_KEY } from "@dtpilot/ui/boot";

/** The outcome of asking `auth.me` once, before any framework is loaded. */
export type SessionProbe = { kind: "signedIn"; me: unknown } | { kind: "signedOut" } | { kind: "unknown" };


declare global {
  interface Window {
    /** The `auth.me` request index.html starts before any script of the app has loaded (null if it failed). */
    __DTPILOT_SESSION__?: Promise<Response | null>;
  }
}

/**
 * GET /trpc/auth.me in tRPC's plain HTTP form — the one index.html started, else asked now. 401 means signed out
 * (the shell's server redirects such a visitor before this page loads; this covers the dev server and a session
 * that ended in between); a 200 carries the (superjson-encoded) answer, which the signed-in app puts in its query
 * cache so it does not ask again. Anything else (API down) is left to the signed-in app, which shows the error with
 * a retry.
 */
export async function probeSession(): Promise<SessionProbe> {
  try {
    const started = window.__DTPILOT_SESSION__;
    window.__DTPILOT_SESSION__ = undefined;
    const language = localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? "zh-CN";
    const response = (await started) ?? (await fetch("/trpc/auth.me", { credentials: "same-origin", headers: { "x-locale": language } }));
    if (response.status === 401) return { kind: "signedOut" };
    if (!response.ok) return { kind: "unknown" };
    const body = (await response.json()) as { result?: { data?: unknown } };
    return body.result?.data ? { kind: "signedIn", me: body.result.data } : { kind: "unknown" };
  } catch {
    return { kind: "unknown" };
  }
}

