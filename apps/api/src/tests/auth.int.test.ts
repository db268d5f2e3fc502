import { hashPassword } from "@dtpilot/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, startApi, WEB_ORIGIN, type RunningApi } from "../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../testing/world";

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let owner: pg.Client;
beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  api = await startApi({ lockout: { maxFailuresPerAccount: 3, maxFailuresPerIp: 100, windowSeconds: 60, lockSeconds: 60, accountDelaySeconds: 60 } });
});
afterAll(async () => {
  await api.close();
  await owner.end();
});

describe("sign-in", () => {
  it("signs in with the demo password, sets an httpOnly SameSite cookie and answers me", async () => {
    const browser = api.client();
    const result = await browser.mutation("auth.login", { username: user("county-south"), password: "Demo@2025" });
    expect(result.status).toBe(200);
    const cookie = result.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/dtpilot_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await browser.query<{ role: string; scope: unknown; county: { name: string }; rules: unknown[] }>("auth.me");
    expect(me.data).toMatchObject({ role: "COUNTY_ADMIN", scope: { kind: "county", countyId: world.counties.south.code }, county: { name: world.counties.south.name } });
    expect(me.data!.rules.length).toBeGreaterThan(0);
  });

  it("refuses a wrong password with a localised message naming the field, and sets no cookie", async () => {
    const browser = api.client();
    const zh = await browser.mutation("auth.login", { username: user("county-central"), password: "nope" });
    expect(zh.status).toBe(401);
    expect(zh.error).toMatchObject({ message: "用户名或密码错误", data: { code: "UNAUTHORIZED", field: "password" } });
    expect(browser.hasSession).toBe(false);
    const en = await api.client({ locale: "en-US,en;q=0.9" }).mutation("auth.login", { username: "nobody", password: "nope" });
    expect(en.error?.message).toBe("Wrong username or password");
  });

  it("treats me without a session as unauthorised", async () => {
    const result = await api.client().query("auth.me");
    expect(result.status).toBe(401);
    expect(result.error?.message).toBe("请先登录");
  });

  it("ends the session on logout", async () => {
    const browser = await api.client().login(user("county-central"));
    expect((await browser.query("auth.me")).status).toBe(200);
    const stolenCookie = browser["cookie"];
    expect((await browser.mutation("auth.logout")).status).toBe(200);
    expect((await browser.query("auth.me")).status).toBe(401);
    // The old token is dead on the server, not only forgotten by the browser.
    const replay = api.client();
    replay["cookie"] = stolenCookie;
    expect((await replay.query("auth.me")).status).toBe(401);
  });
});

describe("lock-out", () => {
  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    const browser = api.client();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await browser.mutation("auth.login", { username: user("county-north"), password: "wrong" })).status).toBe(401);
    }
    const locked = await browser.mutation("auth.login", { username: user("county-north"), password: "Demo@2025" });
    expect(locked.status).toBe(429);
    expect(locked.error?.message).toMatch(/账号已暂时锁定.*1 分钟/);
    // Other accounts are not affected.
    expect((await api.client().mutation("auth.login", { username: user("county-central"), password: "Demo@2025" })).status).toBe(200);
  });

  it("blocks an address after repeated failures across accounts", async () => {
    const strict = await startApi({ lockout: { maxFailuresPerAccount: 100, maxFailuresPerIp: 4, windowSeconds: 60, lockSeconds: 60, accountDelaySeconds: 60 } });
    try {
      const browser = strict.client();
      for (const username of ["a1", "a2", "a3", "a4"]) {
        await browser.mutation("auth.login", { username, password: "wrong" });
      }
      const blocked = await browser.mutation("auth.login", { username: user("province"), password: "Demo@2025" });
      expect(blocked.status).toBe(429);
      expect(blocked.error?.message).toMatch(/该地址登录失败次数过多/);
    } finally {
      await strict.close();
    }
  });
});

describe("session expiry", () => {
  it("expires a session after the idle period", async () => {
    const short = await startApi({ sessionIdleSeconds: 1 });
    try {
      const browser = await short.client().login(user("province"));
      expect((await browser.query("auth.me")).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await browser.query("auth.me")).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it("expires a session at its absolute age even while it is in use", async () => {
    const short = await startApi({ sessionIdleSeconds: 60, sessionMaxSeconds: 2 });
    try {
      const browser = await short.client().login(user("province"));
      for (let i = 0; i < 2; i++) {
        expect((await browser.query("auth.me")).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 800));
      }
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await browser.query("auth.me")).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe("password change", () => {
  it("needs the current password, rejects weak ones by field, and ends the user's other sessions", async () => {
    const laptop = await api.client().login(user("ent-central-1"));
    const phone = await api.client().login(user("ent-central-1"));

    const wrong = await laptop.mutation("auth.changePassword", { currentPassword: "guess", newPassword: "Better2026x" });
    expect(wrong.error).toMatchObject({ message: "当前密码不正确", data: { field: "currentPassword" } });

    const weak = await laptop.mutation("auth.changePassword", { currentPassword: "Demo@2025", newPassword: "short" });
    expect(weak.status).toBe(400);
    expect(weak.error).toMatchObject({ message: "新密码：长度不能少于 10 个字符", data: { field: "newPassword" } });
    const refusals = {
      Password1234: "新密码：过于常见，容易被猜中，请换一个",
      qwertyuiop: "新密码：过于常见，容易被猜中，请换一个",
      [`${user("ent-central-1").toUpperCase()}-secret`]: "新密码：不能包含用户名、企业信用代码或账号名称",
      "7777777777": "新密码：不能是重复或连续的字符（如 aaaaaa、123456、qwerty）",
    };
    for (const [newPassword, message] of Object.entries(refusals)) {
      const refused = await laptop.mutation("auth.changePassword", { currentPassword: "Demo@2025", newPassword });
      expect(refused.error, newPassword).toMatchObject({ message, data: { field: "newPassword" } });
    }
    const english = await api.client({ locale: "en" }).login(user("ent-central-1"));
    expect((await english.mutation("auth.changePassword", { currentPassword: "Demo@2025", newPassword: "Password1234" })).error?.message).toBe(
      "New password: is too common and easy to guess, please choose another",
    );

    const changed = await laptop.mutation("auth.changePassword", { currentPassword: "Demo@2025", newPassword: "Better2026x" });
    expect(changed.status).toBe(200);
    expect((await laptop.query("auth.me")).status).toBe(200);
    expect((await phone.query("auth.me")).status).toBe(401);

    expect((await api.client().mutation("auth.login", { username: user("ent-central-1"), password: "Demo@2025" })).status).toBe(401);
    await api.client().login(user("ent-central-1"), "Better2026x");
    // The demo password is shorter than the rule allows: put it back the way the seed sets it.
    await owner.query(`update "User" set "passwordHash" = $1 where username = $2`, [await hashPassword(DEMO_PASSWORD), user("ent-central-1")]);
  });
});

describe("request guards", () => {
  it("rejects a mutation from a foreign origin", async () => {
    const evil = api.client({ origin: "https://evil.example" });
    const result = await evil.mutation("auth.login", { username: user("province"), password: "Demo@2025" });
    expect(result.status).toBe(403);
    expect(result.error?.message).toBe("请求来源不被允许");
    expect(evil.hasSession).toBe(false);
  });

  it("sends security headers and a request id, and allows credentials only for the web origin", async () => {
    const result = await api.client().query("auth.me");
    expect(result.headers.get("x-content-type-options")).toBe("nosniff");
    expect(result.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(result.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(result.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    const foreign = await api.client({ origin: "https://evil.example" }).query("auth.me");
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("reports PostgreSQL and Redis health", async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
  });
});

describe("requests without an Origin header", () => {
  const login = (headers: Record<string, string>) =>
    fetch(`${api.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ json: { username: user("province"), password: "Demo@2025" } }),
    });

  it("refuses a mutation that names no origin, in the caller's language, and signs nobody in", async () => {
    const zh = await login({});
    expect(zh.status).toBe(403);
    expect(zh.headers.getSetCookie()).toEqual([]);
    expect(((await zh.json()) as { error: { json: { message: string } } }).error.json.message).toBe(
      "请求未带来源（Origin 请求头），已拒绝；请通过本系统网页操作",
    );
    const en = await login({ "accept-language": "en" });
    expect(((await en.json()) as { error: { json: { message: string } } }).error.json.message).toMatch(/names no origin \(Origin header\)/);
    expect((await login({ "x-dtpilot-client": "curl" })).status).toBe(403);
  });

  it("accepts it from our own web client, which sends its header, and still refuses a foreign origin with it", async () => {
    const ours = await login({ "x-dtpilot-client": "web" });
    expect(ours.status).toBe(200);
    expect(ours.headers.getSetCookie().join()).toMatch(/dtpilot_session=/);
    expect((await login({ "x-dtpilot-client": "web", origin: "https://evil.example" })).status).toBe(403);
    expect((await login({ origin: WEB_ORIGIN })).status).toBe(200);
  });

  it("lets queries through without one (reads change nothing)", async () => {
    const browser = await api.client().login(user("county-central"));
    const noOrigin = api.client({ origin: null });
    noOrigin["cookie"] = browser["cookie"];
    expect((await noOrigin.query("auth.me")).status).toBe(200);
  });

  it("refuses state-changing requests to the plain HTTP routes without an origin or from a foreign one", async () => {
    const province = await api.client().login(user("province"));
    for (const path of ["/files/exports/00000000-0000-0000-0000-000000000000", "/admin/queues/api/queues/documents/pause"]) {
      const missing = await province.fetch(path, { method: "PUT" });
      expect(missing.status, path).toBe(403);
      expect(JSON.parse(missing.body.toString()).message).toBe("请求未带来源（Origin 请求头），已拒绝；请通过本系统网页操作");
      const foreign = await province.fetch(path, { method: "POST", headers: { origin: "https://evil.example" } });
      expect(foreign.status, path).toBe(403);
      expect(JSON.parse(foreign.body.toString()).message).toBe("请求来源不被允许");
    }
  });
});

describe("the session cookie over HTTPS", () => {
  it("is marked Secure when SECURE_COOKIES says the site is served over HTTPS, and not on plain local HTTP", async () => {
    expect((await api.client().mutation("auth.login", { username: user("province"), password: "Demo@2025" })).headers.getSetCookie().join()).not.toMatch(/Secure/);
    const secure = await startApi({ secureCookies: true });
    try {
      const result = await secure.client().mutation("auth.login", { username: user("province"), password: "Demo@2025" });
      expect(result.headers.getSetCookie().join()).toMatch(/dtpilot_session=[^;]+;.*Secure/);
    } finally {
      await secure.close();
    }
  });
});
