/**
 * `auth.login` in tRPC's plain HTTP form (a POST of the superjson-encoded input to /trpc/auth.login) — the login
 * page's only API call, made without the tRPC client so the page stays small. Messages come back localised.
 */
import { FIRST_PARTY_CLIENT_HEADER, WEB_CLIENT } from "@dtpilot/domain";

export type LoginResult = { ok: true; role: string } | { ok: false; message: string; field?: string };

interface TrpcErrorBody {
  error?: { json?: { message?: string; data?: { field?: string } } };
}
interface TrpcResultBody {
  result?: { data?: { json?: { role?: string } } };
}

export async function requestLogin(username: string, password: string, language: string): Promise<LoginResult> {
  const response = await fetch("/trpc/auth.login", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "x-locale": language, [FIRST_PARTY_CLIENT_HEADER]: WEB_CLIENT },
    body: JSON.stringify({ json: { username, password } }),
  });
  const body = (await response.json().catch(() => ({}))) as TrpcErrorBody & TrpcResultBody;
  const role = body.result?.data?.json?.role;
  if (response.ok && role) return { ok: true, role };
  const error = body.error?.json;
  return {
    ok: false,
    message: error?.message ?? `HTTP ${response.status}`,
    ...(error?.data?.field ? { field: error.data.field } : {}),
  };
}
