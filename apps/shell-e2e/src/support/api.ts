import { request, type APIRequestContext } from "@playwright/test";
import { PASSWORD, SHELL_URL } from "./env";

/** A signed-in API client (through the shell's same-origin proxy), for facts the tests compare the UI with. */
export async function apiAs(username: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: SHELL_URL, extraHTTPHeaders: { origin: SHELL_URL } });
  const response = await api.post("/trpc/auth.login", { data: { json: { username, password: PASSWORD } } });
  if (!response.ok()) throw new Error(`login as ${username} failed: ${response.status()} ${await response.text()}`);
  return api;
}

/** A tRPC query in its plain HTTP form; returns the superjson `json` part of the answer. */
export async function query<T>(api: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await api.get(`/trpc/${path}${search}`);
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

export interface EnterpriseRow {
  id: string;
  name: string;
  creditCode: string;
  countyId: string;
}

/** A tRPC mutation in its plain HTTP form; returns the superjson `json` part of the answer. */
export async function mutate<T>(api: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const response = await api.post(`/trpc/${path}`, { data: { json: input ?? {} } });
  if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}
