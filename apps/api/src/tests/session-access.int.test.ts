/**
 * A session lives only while what it was granted holds: every request (tRPC query or mutation, file download, the
 * queue dashboard) checks the user's access version in the statement that sets its scope. Each test signs in its own
 * throwaway users, so disabling them never disturbs the accounts other tests use.
 */
import { randomUUID } from "node:crypto";
import { endSessionsOf, hashPassword, removeMembership, setUserDisabled, type Database } from "@dtpilot/db";
import { createOwnerDatabase } from "@dtpilot/db/admin";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QUEUE_DASHBOARD_PATH } from "../modules/admin/queue-dashboard";
import { DEMO_PASSWORD, startApi, type ApiClient, type RunningApi } from "../testing/api-harness";
import { buildWorld } from "../testing/world";

/** A pilot county and another (苏南, 苏中) of this file's world. */
let SOUTH: string;
let CENTRAL: string;

let api: RunningApi;
let owner: Database;
let passwordHash: string;
const created: string[] = [];

beforeAll(async () => {
  ({ south: { code: SOUTH }, central: { code: CENTRAL } } = (await buildWorld()).counties);
  api = await startApi();
  owner = createOwnerDatabase({ url: inject("ownerDatabaseUrl") });
  passwordHash = await hashPassword(DEMO_PASSWORD);
});
afterAll(async () => {
  await owner.reviewerAssignment.deleteMany({ where: { membership: { user: { username: { in: created } } } } });
  await owner.membership.deleteMany({ where: { user: { username: { in: created } } } });
  await owner.user.deleteMany({ where: { username: { in: created } } });
  await owner.$disconnect();
  await api.close();
});

/** A new user with one membership (the 苏南 county's team unless told), signed in. */
async function signedInUser(membership: { role: "COUNTY_ADMIN"; countyId: string } | { role: "PROVINCE_ADMIN" } = { role: "COUNTY_ADMIN", countyId: SOUTH }) {
  const username = `session-test-${randomUUID().slice(0, 8)}`;
  created.push(username);
  await owner.user.create({ data: { username, displayName: username, passwordHash, memberships: { create: membership } } });
  const client = await api.client().login(username);
  return { username, client };
}

/** Three sessions of one user (a first 401 ends the session it was sent with, so each kind of request gets its own). */
async function sessionsOf(username: string) {
  return Promise.all([0, 1, 2].map(() => api.client().login(username)));
}

/** A query, a mutation and a file download, each with its own session of the user. */
async function statuses([forQuery, forMutation, forDownload]: ApiClient[]) {
  const query = await forQuery!.query("auth.me");
  // A wrong current password: 400 while the session is live, so a 401 can only mean the session ended.
  const mutation = await forMutation!.mutation("auth.changePassword", { currentPassword: "wrong", newPassword: "Another2026x" });
  const download = await forDownload!.fetch("/files/roster-import-template");
  return { query, mutation, download };
}

function expectExpired(result: Awaited<ReturnType<typeof statuses>>) {
  expect(result.query.status).toBe(401);
  expect(result.query.error?.message).toBe("登录已过期，请重新登录");
  expect(result.mutation.status).toBe(401);
  expect(result.mutation.error?.message).toBe("登录已过期，请重新登录");
  expect(result.download.status).toBe(401);
  expect(JSON.parse(result.download.body.toString()).message).toBe("登录已过期，请重新登录");
}

describe("sessions checked on every request", () => {
  it("ends a disabled user's sessions at the next query, mutation and download; other users carry on", async () => {
    const { username, client } = await signedInUser();
    const colleague = await signedInUser();
    const sessions = await sessionsOf(username);
    const before = await statuses(sessions);
    expect(before.query.status).toBe(200);
    expect(before.mutation.status).toBe(400);
    expect(before.download.status).not.toBe(401);

    expect(await setUserDisabled(owner, username, true)).toBe(true);
    expectExpired(await statuses(sessions));
    // The session is ended on the server and the browser is told to forget it; the user cannot sign in again.
    const stolenCookie = client["cookie"];
    expect((await client.query("auth.me")).headers.getSetCookie().join()).toMatch(/dtpilot_session=;/);
    expect(client.hasSession).toBe(false);
    const replay = api.client();
    replay["cookie"] = stolenCookie;
    expect((await replay.query("auth.me")).error?.message).toBe("请先登录");
    expect((await api.client().mutation("auth.login", { username, password: DEMO_PASSWORD })).status).toBe(401);

    expect((await colleague.client.query("auth.me")).status).toBe(200);
    expect((await colleague.client.mutation("auth.changePassword", { currentPassword: "wrong", newPassword: "Another2026x" })).status).toBe(400);
  });

  it("catches a user disabled directly in SQL, not only through the application", async () => {
    const { username, client } = await signedInUser();
    const sessions = await sessionsOf(username);
    expect((await client.query("auth.me")).status).toBe(200);
    await owner.$executeRaw`update "User" set disabled = true where username = ${username}`;
    expectExpired(await statuses(sessions));
  });

  it("ends the session when its membership is removed", async () => {
    const { username, client } = await signedInUser();
    const sessions = await sessionsOf(username);
    expect((await client.query("auth.me")).status).toBe(200);
    expect(await removeMembership(owner, username, "COUNTY_ADMIN")).toBe(true);
    expectExpired(await statuses(sessions));
  });

  it("ends the session when the membership's role or scope changes", async () => {
    const { username, client } = await signedInUser();
    const other = await signedInUser();
    const sessions = await sessionsOf(username);
    expect((await client.query("auth.me")).status).toBe(200);
    // Still a county team, but of the 苏中 county: the session's scope (the 苏南 one) is no longer what the user holds.
    await owner.$executeRaw`update "Membership" set "countyId" = ${CENTRAL} where "userId" = (select id from "User" where username = ${username})`;
    expectExpired(await statuses(sessions));
    expect((await other.client.query("auth.me")).status).toBe(200);

    const promoted = await signedInUser();
    await owner.$executeRaw`update "Membership" set role = 'PROVINCE_ADMIN', "countyId" = null where "userId" = (select id from "User" where username = ${promoted.username})`;
    expect((await promoted.client.query("auth.me")).status).toBe(401);
  });

  it("ends every session of a user on the operator's request, and after a password change all but the changing one", async () => {
    const laptop = await signedInUser();
    const phone = api.client();
    await phone.login(laptop.username);
    expect(await endSessionsOf(owner, laptop.username)).toBe(true);
    expect((await laptop.client.query("auth.me")).status).toBe(401);
    expect((await phone.query("auth.me")).status).toBe(401);

    const desk = await api.client().login(laptop.username);
    const tablet = await api.client().login(laptop.username);
    expect((await desk.mutation("auth.changePassword", { currentPassword: DEMO_PASSWORD, newPassword: "Another2026x" })).status).toBe(200);
    expect((await desk.query("auth.me")).status).toBe(200);
    expect((await desk.mutation("auth.changePassword", { currentPassword: "wrong", newPassword: "Third2026x" })).status).toBe(400);
    expect((await tablet.query("auth.me")).status).toBe(401);
  });

  it("ends a disabled operator's session on the queue dashboard too", async () => {
    const { username, client } = await signedInUser({ role: "PROVINCE_ADMIN" });
    expect((await client.fetch(`${QUEUE_DASHBOARD_PATH}/api/queues`)).status).toBe(200);
    await setUserDisabled(owner, username, true);
    const refused = await client.fetch(`${QUEUE_DASHBOARD_PATH}/api/queues`);
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body.toString()).message).toBe("登录已过期，请重新登录");
  });
});
