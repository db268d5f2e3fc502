/**
 * First sign-in with an initial password (试点企业账号 opened by the county): nothing but 修改初始密码 until it is
 * replaced by one the password rule allows.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let owner: pg.Client;
let pilotEnterpriseId: string;
let creditCode: string;

async function removeAccount() {
  await owner.query(`delete from "Membership" where "userId" in (select id from "User" where username = $1)`, [creditCode]);
  await owner.query(`delete from "User" where username = $1`, [creditCode]);
}

beforeAll(async () => {
  world = await buildWorld();
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  // A 苏南 enterprise on the roster without an account yet.
  ({ pilotEnterpriseId, creditCode } = world.enterprises.south[1]!);
  await removeAccount();
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  await removeAccount();
  await owner.end();
});

describe("first sign-in with an initial password", () => {
  it("allows only me, changing the password and signing out until the initial password is replaced", async () => {
    const county = await api.client().login(user("county-south"));
    const opened = ok(await county.mutation<{ username: string; initialPassword: string }>("roster.createEnterpriseAccount", { pilotEnterpriseId }));
    expect(opened.username).toBe(creditCode);

    const enterprise = api.client();
    const signedIn = ok(await enterprise.mutation<{ mustChangePassword: boolean }>("auth.login", { username: creditCode, password: opened.initialPassword }));
    expect(signedIn.mustChangePassword).toBe(true);
    expect(ok(await enterprise.query<{ mustChangePassword: boolean }>("auth.me")).mustChangePassword).toBe(true);

    const blocked = await enterprise.query("roster.listRoster");
    expect(blocked.status).toBe(403);
    expect(blocked.error?.message).toBe("请先修改初始密码");
    const english = await api.client({ locale: "en" }).login(creditCode, opened.initialPassword);
    expect((await english.query("roster.listRoster")).error?.message).toBe("Please change your initial password first");
    // Plain HTTP routes treat the session as not signed in yet.
    expect((await enterprise.fetch("/files/roster-import-template")).status).toBe(401);

    // The new password follows the rule: not the credit code, not a common one.
    const own = await enterprise.mutation("auth.changePassword", { currentPassword: opened.initialPassword, newPassword: `${creditCode}!` });
    expect(own.error).toMatchObject({ message: "新密码：不能包含用户名、企业信用代码或账号名称", data: { field: "newPassword" } });
    const common = await enterprise.mutation("auth.changePassword", { currentPassword: opened.initialPassword, newPassword: "iloveyou123" });
    expect(common.error).toMatchObject({ message: "新密码：过于常见，容易被猜中，请换一个", data: { field: "newPassword" } });
    expect((await enterprise.query("roster.listRoster")).status).toBe(403);

    ok(await enterprise.mutation("auth.changePassword", { currentPassword: opened.initialPassword, newPassword: "Huashi-Looms-2026" }));
    expect(ok(await enterprise.query<{ mustChangePassword: boolean }>("auth.me")).mustChangePassword).toBe(false);
    expect(ok(await enterprise.query<{ entries: unknown[] }>("roster.listRoster")).entries).toHaveLength(1);
    // The mark is gone from the account, not only from this session; the other session ended with the change.
    const later: ApiClient = await api.client().login(creditCode, "Huashi-Looms-2026");
    expect(ok(await later.query<{ mustChangePassword: boolean }>("auth.me")).mustChangePassword).toBe(false);
    expect((await english.query("auth.me")).status).toBe(401);
  });

  it("keeps accounts opened without an initial password signing in without the mark", async () => {
    const demo = await api.client().login(user("ent-south-1"));
    expect(ok(await demo.query<{ mustChangePassword: boolean }>("auth.me")).mustChangePassword).toBe(false);
  });
});
