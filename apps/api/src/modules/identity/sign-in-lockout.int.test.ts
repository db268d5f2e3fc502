/**
 * Sign-in lock-out against the real API, Redis and PostgreSQL: batched and parallel guessing, progressive delays,
 * known devices, and client addresses behind the shell's proxy (tools/serve/serve-static.mjs, started as a process).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiConfig } from "../../kernel/config";
import { DEMO_PASSWORD, startApi, WEB_ORIGIN, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
beforeAll(async () => {
  world = await buildWorld();
});

const started: RunningApi[] = [];
async function apiWith(lockout: Partial<ApiConfig["lockout"]>, overrides: Partial<ApiConfig> = {}) {
  const api = await startApi({
    lockout: { maxFailuresPerAccount: 5, maxFailuresPerIp: 100, windowSeconds: 60, lockSeconds: 60, accountDelaySeconds: 60, ...lockout },
    ...overrides,
  });
  started.push(api);
  return api;
}
afterAll(async () => {
  for (const api of started) await api.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP request carrying `calls` as a tRPC batch (`?batch=1`), the way httpBatchLink sends it. */
async function batch(api: RunningApi, paths: string[], inputs: unknown[], method: "GET" | "POST" = "POST") {
  const body = JSON.stringify(Object.fromEntries(inputs.map((input, index) => [String(index), superjson.serialize(input)])));
  const query = method === "GET" ? `&input=${encodeURIComponent(body)}` : "";
  const response = await fetch(`${api.url}/trpc/${paths.join(",")}?batch=1${query}`, {
    method,
    headers: { "content-type": "application/json", origin: WEB_ORIGIN },
    ...(method === "POST" ? { body } : {}),
  });
  const raw = await response.text();
  if (!raw.startsWith("[")) throw new Error(`${response.status} ${raw}`);
  const answers = JSON.parse(raw) as { error?: { json: { message: string; data: { httpStatus: number } } } }[];
  return answers.map((answer) => ({ status: answer.error?.json.data.httpStatus ?? 200, message: answer.error?.json.message }));
}

const statuses = (results: { status: number }[]) =>
  results.reduce<Record<number, number>>((counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe("guessing many passwords at once", () => {
  it("refuses a batch of sign-ins whole: none of its 20 passwords is tried", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 5 });
    // Nine fit even in the 100-character path Fastify allowed before.
    const nine = await batch(api, Array(9).fill("auth.login"), Array.from({ length: 9 }, (_, index) => ({ username: user("county-central"), password: `try-${index}` })));
    expect(statuses(nine)).toEqual({ 400: 9 });
    const guesses = Array.from({ length: 20 }, (_, index) => ({ username: user("county-central"), password: `guess-${index}` }));
    const results = await batch(api, Array(20).fill("auth.login"), guesses);
    expect(results).toHaveLength(20);
    expect(statuses(results)).toEqual({ 400: 20 });
    expect(results[0]!.message).toBe("账号类请求（登录、退出、修改密码、当前用户）不能与其他请求合并批量发送，请逐个发送");
    expect(await api.services.throttle.failures("account", user("county-central"))).toBe(0);
    // Even a batch of one sign-in, or one mixed into other calls, is refused.
    expect(statuses(await batch(api, ["auth.login"], [{ username: user("county-central"), password: DEMO_PASSWORD }]))).toEqual({ 400: 1 });
    expect(statuses(await batch(api, ["auth.me", "roster.listRoster"], [undefined, undefined], "GET"))).toEqual({ 400: 2 });
  });

  it("refuses a batch of more than 10 calls with a localised reason, and answers one of 10", async () => {
    const api = await apiWith({});
    const tooMany = await batch(api, Array(11).fill("roster.listRoster"), Array(11).fill(undefined), "GET");
    expect(statuses(tooMany)).toEqual({ 400: 11 });
    expect(tooMany[0]!.message).toBe("一次批量请求最多包含 10 个调用");
    // Ten pass the batch guard (and then need a session, like any call).
    expect(statuses(await batch(api, Array(10).fill("roster.listRoster"), Array(10).fill(undefined), "GET"))).toEqual({ 401: 10 });
  });

  it("tries at most the limit of 20 parallel sign-ins to one account, and counts every password tried", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 5 });
    const attacker = api.client();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => attacker.mutation("auth.login", { username: user("county-central"), password: `guess-${index}` })),
    );
    // 401: the password was checked (and wrong); 429: refused before checking it.
    expect(statuses(results)).toEqual({ 401: 5, 429: 15 });
    expect(await api.services.throttle.failures("account", user("county-central"))).toBe(5);
    expect(await api.services.throttle.failures("ip", "127.0.0.1")).toBe(5);
  });
});

describe("account lock-out", () => {
  it("makes each further attempt wait longer, and lets the owner in once the wait is over", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 2, accountDelaySeconds: 1, lockSeconds: 8, windowSeconds: 30 });
    const stranger = api.client();
    const guess = () => stranger.mutation("auth.login", { username: user("county-north"), password: "wrong-guess" });
    expect((await guess()).status).toBe(401);
    expect((await guess()).status).toBe(401);
    const first = await guess();
    expect(first.status).toBe(429);
    expect(first.error?.message).toBe("登录失败次数过多，请 1 秒后再试");
    await sleep(1100);
    expect((await guess()).status).toBe(401);
    const second = await guess();
    expect(second.error?.message).toBe("登录失败次数过多，请 2 秒后再试");
    await sleep(2100);
    expect((await guess()).status).toBe(401);
    expect((await guess()).error?.message).toBe("登录失败次数过多，请 4 秒后再试");
    // Even the right password waits…
    expect((await api.client().mutation("auth.login", { username: user("county-north"), password: DEMO_PASSWORD })).status).toBe(429);
    await sleep(4100);
    // …until the delay expires; success forgets the failures.
    expect((await api.client().mutation("auth.login", { username: user("county-north"), password: DEMO_PASSWORD })).status).toBe(200);
    expect(await api.services.throttle.failures("account", user("county-north"))).toBe(0);
  });

  it("forgets failures after the window", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 2, accountDelaySeconds: 1, lockSeconds: 1, windowSeconds: 1 });
    const stranger = api.client();
    for (let i = 0; i < 2; i++) await stranger.mutation("auth.login", { username: user("county-north"), password: "wrong-guess" });
    expect(await api.services.throttle.failures("account", user("county-north"))).toBe(2);
    await sleep(2100);
    expect(await api.services.throttle.failures("account", user("county-north"))).toBe(0);
    expect((await stranger.mutation("auth.login", { username: user("county-north"), password: "wrong-guess" })).status).toBe(401);
  });

  it("locks the account for a stranger but not for its owner on a device they signed in on before", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 3, accountDelaySeconds: 600, lockSeconds: 600 });
    const laptop = await api.client().login(user("ent-south-1"));
    expect(laptop.deviceCookie).toMatch(/^dtpilot_device=[\w-]{40,}$/);
    await laptop.mutation("auth.logout");

    const stranger = api.client();
    for (let i = 0; i < 3; i++) {
      expect((await stranger.mutation("auth.login", { username: user("ent-south-1"), password: `guess-${i}` })).status).toBe(401);
    }
    const locked = await stranger.mutation("auth.login", { username: user("ent-south-1"), password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.error?.message).toBe("登录失败次数过多，账号已暂时锁定，请 10 分钟后再试");
    // A new browser of the owner is an unknown device too…
    expect((await api.client().mutation("auth.login", { username: user("ent-south-1"), password: DEMO_PASSWORD })).status).toBe(429);
    // …but the laptop the owner signed in on before still gets in.
    const back = await laptop.mutation<{ role: string }>("auth.login", { username: user("ent-south-1"), password: DEMO_PASSWORD });
    expect(back.status).toBe(200);
    expect((await laptop.query("auth.me")).status).toBe(200);

    // A known device's own failures are still counted, for that device (and its address).
    await laptop.mutation("auth.logout");
    for (let i = 0; i < 3; i++) {
      expect((await laptop.mutation("auth.login", { username: user("ent-south-1"), password: `typo-${i}` })).status).toBe(401);
    }
    expect((await laptop.mutation("auth.login", { username: user("ent-south-1"), password: DEMO_PASSWORD })).status).toBe(429);
    // A device token known for another account is no key to this one.
    const other = await api.client().login(user("county-south"));
    const borrowed = api.client();
    borrowed.deviceCookie = other.deviceCookie;
    expect((await borrowed.mutation("auth.login", { username: user("ent-south-1"), password: DEMO_PASSWORD })).status).toBe(429);
  });
});

describe("client addresses behind the shell's proxy", () => {
  let shell: ChildProcess | undefined;
  afterAll(() => {
    shell?.kill();
  });

  /** Starts tools/serve/serve-static.mjs in front of the API, as `npm start` does. */
  async function startShellProxy(api: RunningApi): Promise<number> {
    const free = http.createServer();
    await new Promise<void>((resolve) => free.listen(0, "127.0.0.1", resolve));
    const port = (free.address() as AddressInfo).port;
    await new Promise((resolve) => free.close(resolve));
    const serve = path.resolve(import.meta.dirname, "../../../../../tools/serve/serve-static.mjs");
    shell = spawn(process.execPath, [serve, "--app", "shell", "--port", String(port), "--dir", mkdtempSync(path.join(tmpdir(), "shell-"))], {
      env: { ...process.env, API_URL: api.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      shell!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("serving") && resolve());
      shell!.once("exit", (code) => reject(new Error(`serve-static.mjs exited with ${code}`)));
    });
    return port;
  }

  /** A sign-in through the proxy from a given loopback address (127.0.0.0/8 is all this machine's). */
  function signInVia(port: number, from: string, password: string, extraHeaders: Record<string, string> = {}) {
    return new Promise<{ status: number; message?: string }>((resolve, reject) => {
      const body = JSON.stringify(superjson.serialize({ username: user("province"), password }));
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          localAddress: from,
          method: "POST",
          path: "/trpc/auth.login",
          headers: { "content-type": "application/json", origin: WEB_ORIGIN, ...extraHeaders },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => {
            const payload = JSON.parse(text) as { error?: { json: { message: string } } };
            resolve({ status: response.statusCode ?? 0, ...(payload.error ? { message: payload.error.json.message } : {}) });
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  it("counts each client by its own address, and a client cannot claim another address", async () => {
    const api = await apiWith({ maxFailuresPerAccount: 100, maxFailuresPerIp: 3 });
    const port = await startShellProxy(api);
    for (let i = 0; i < 3; i++) expect((await signInVia(port, "127.0.0.2", `guess-${i}`)).status).toBe(401);
    expect(await api.services.throttle.failures("ip", "127.0.0.2")).toBe(3);
    expect(await api.services.throttle.failures("ip", "127.0.0.1")).toBe(0);

    const blocked = await signInVia(port, "127.0.0.2", DEMO_PASSWORD);
    expect(blocked).toEqual({ status: 429, message: "该地址登录失败次数过多，请 1 分钟后再试" });
    // Another browser behind the same proxy is not blocked by the first one's failures.
    expect((await signInVia(port, "127.0.0.3", DEMO_PASSWORD)).status).toBe(200);
    // Sending its own X-Forwarded-For does not move the blocked client to a fresh address.
    expect((await signInVia(port, "127.0.0.2", DEMO_PASSWORD, { "x-forwarded-for": "203.0.113.9" })).status).toBe(429);
    expect(await api.services.throttle.failures("ip", "203.0.113.9")).toBe(0);
    // Nor can a client put its failures on someone else's address.
    for (let i = 0; i < 3; i++) await signInVia(port, "127.0.0.4", `guess-${i}`, { "x-forwarded-for": "127.0.0.3" });
    expect((await signInVia(port, "127.0.0.3", DEMO_PASSWORD)).status).toBe(200);
  });
});
