/**
 * Starts the real API (Fastify + tRPC) on a free port against the test database and real Redis, and talks to it
 * over HTTP like a browser: a cookie jar per client, superjson payloads, an Origin header.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { expect, inject } from "vitest";
import { loadConfig, type ApiConfig } from "../kernel/config";
import type { ApiServices } from "../kernel/context";
import { buildServer } from "../server";
import { closeServices, createServices } from "../kernel/services";
import type { ErrorData } from "../kernel/trpc";

export const DEMO_PASSWORD = "Demo@2025";
export const WEB_ORIGIN = "http://localhost:4200";

export interface RunningApi {
  url: string;
  services: ApiServices;
  close(): Promise<void>;
  client(options?: { origin?: string | null; ip?: string; locale?: string }): ApiClient;
}

export async function startApi(overrides: Partial<ApiConfig> = {}): Promise<RunningApi> {
  const config: ApiConfig = {
    ...loadConfig(),
    appDatabaseUrl: inject("appDatabaseUrl"),
    logLevel: "silent",
    redisPrefix: `dtpilot-test:${randomUUID()}:`,
    allowedOrigins: [WEB_ORIGIN],
    ...overrides,
  };
  const services = createServices(config);
  const app = await buildServer(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    services,
    async close() {
      const keys = await services.redis.keys(`${config.redisPrefix}*`);
      if (keys.length > 0) await services.redis.del(...keys);
      await app.close();
      await closeServices(services);
    },
    client: (options) => new ApiClient(url, options),
  };
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  data?: T;
  error?: { message: string; code: number; data: ErrorData };
}

/** A call's data, after asserting it answered 200 (the error in the assertion's message otherwise). */
export function ok<T>(result: CallResult<T>): T {
  expect(result.status, JSON.stringify(result.error)).toBe(200);
  return result.data!;
}

export class ApiClient {
  private cookie: string | null = null;
  /** The known-device cookie (dtpilot_device=…), kept like a browser keeps it. */
  deviceCookie: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly options: { origin?: string | null; ip?: string; locale?: string } = {},
  ) {}

  get hasSession() {
    return this.cookie !== null;
  }

  async login(username: string, password = DEMO_PASSWORD) {
    const result = await this.mutation("auth.login", { username, password });
    if (result.error) throw new Error(`login as ${username} failed: ${result.error.message}`);
    return this;
  }

  query<T = unknown>(path: string, input?: unknown) {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.send<T>("GET", `/trpc/${path}${query}`);
  }

  mutation<T = unknown>(path: string, input?: unknown) {
    return this.send<T>("POST", `/trpc/${path}`, JSON.stringify(input === undefined ? {} : superjson.serialize(input)));
  }

  /** A plain HTTP request with this client's cookie (file downloads, the queue dashboard); the body as bytes. */
  async fetch(pathAndQuery: string, init: { method?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.options.locale) headers["accept-language"] = this.options.locale;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, { method: init.method ?? "GET", headers });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** Sends a raw request body or query string, for malformed-payload tests. */
  async raw<T = unknown>(method: "GET" | "POST", pathAndQuery: string, body?: string) {
    return this.send<T>(method, pathAndQuery, body);
  }

  private async send<T>(method: "GET" | "POST", pathAndQuery: string, body?: string): Promise<CallResult<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.options.origin !== null) headers.origin = this.options.origin ?? WEB_ORIGIN;
    if (this.options.locale) headers["accept-language"] = this.options.locale;
    const cookies = [this.cookie, this.deviceCookie].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join("; ");
    const response = await fetch(`${this.baseUrl}${pathAndQuery}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const setDevice = response.headers.getSetCookie().find((value) => value.startsWith("dtpilot_device="));
    if (setDevice) this.deviceCookie = setDevice.split(";")[0]!;
    const setCookie = response.headers.getSetCookie().find((value) => value.startsWith("dtpilot_session="));
    if (setCookie) {
      const pair = setCookie.split(";")[0]!;
      this.cookie = pair === "dtpilot_session=" || /Max-Age=0|Expires=Thu, 01 Jan 1970/.test(setCookie) ? null : pair;
    }
    const payload = (await response.json().catch(() => null)) as
      | { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json: CallResult["error"] } }
      | null;
    return {
      status: response.status,
      headers: response.headers,
      ...(payload?.result ? { data: superjson.deserialize<T>(payload.result.data) } : {}),
      ...(payload?.error ? { error: payload.error.json } : {}),
    };
  }
}
