/** The operators' queue dashboard (bull-board) at /admin/queues: the province only, read-only. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QUEUE_DASHBOARD_PATH } from "./queue-dashboard";
import { startApi, WEB_ORIGIN, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;

beforeAll(async () => {
  world = await buildWorld();
  api = await startApi();
});
afterAll(() => api.close());

const json = (body: Buffer) => JSON.parse(body.toString()) as Record<string, unknown>;

describe("queue dashboard", () => {
  it("asks a visitor who is not signed in to sign in, for the page, its API and its assets", async () => {
    for (const path of [QUEUE_DASHBOARD_PATH, `${QUEUE_DASHBOARD_PATH}/api/queues`, `${QUEUE_DASHBOARD_PATH}/static/favicon-32x32.png`]) {
      const response = await api.client().fetch(path);
      expect(response.status, path).toBe(401);
      expect(json(response.body).message).toBe("请先登录");
    }
  });

  it.each(["county-south", "city-south", "reviewer", "ent-south-1", "provider-1"] as const)("refuses %s with 403", async (actor) => {
    const client = await api.client().login(user(actor));
    for (const path of [QUEUE_DASHBOARD_PATH, `${QUEUE_DASHBOARD_PATH}/api/queues`]) {
      const response = await client.fetch(path);
      expect(response.status, path).toBe(403);
      expect(response.body.toString()).not.toContain("documents");
    }
  });

  it("shows the province the dashboard, its assets and the documents queue with its export jobs", async () => {
    const county = await api.client().login(user("county-south"));
    const requested = await county.mutation<{ id: string }>("roster.requestRosterExport");
    const province = await api.client().login(user("province"));

    const page = await province.fetch(QUEUE_DASHBOARD_PATH);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = page.body.toString();
    expect(html).toContain(`<base href="${QUEUE_DASHBOARD_PATH}/" />`);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");

    const script = html.match(/<script defer src="([^"]+)"/)![1]!;
    const asset = await province.fetch(`${QUEUE_DASHBOARD_PATH}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);

    const queues = await province.fetch(`${QUEUE_DASHBOARD_PATH}/api/queues?activeQueue=documents&status=waiting`);
    expect(queues.status).toBe(200);
    const documents = (json(queues.body).queues as { name: string; readOnlyMode: boolean; jobs: { id: string; name: string }[] }[]).find(
      (queue) => queue.name === "documents",
    );
    expect(documents).toMatchObject({ readOnlyMode: true });
    expect(documents!.jobs).toContainEqual(expect.objectContaining({ id: requested.data!.id, name: "roster-export" }));
    await api.services.jobs.queue("documents").remove(requested.data!.id);
  });

  it("is read-only: even the province, from its own web origin, cannot pause, resume, retry, clean, promote, add or remove", async () => {
    const province = await api.client().login(user("province"));
    const queue = api.services.jobs.queue("documents");
    const job = await queue.add("roster-export", { exportId: "00000000-0000-0000-0000-000000000000" } as never, { delay: 60_000 });
    const actions: [string, string][] = [
      ["PUT", "/api/queues/pause"],
      ["PUT", "/api/queues/resume"],
      ["PUT", "/api/queues/documents/pause"],
      ["PUT", "/api/queues/documents/resume"],
      ["PUT", "/api/queues/documents/retry/failed"],
      ["PUT", "/api/queues/documents/clean/delayed"],
      ["PUT", "/api/queues/documents/promote"],
      ["PUT", "/api/queues/documents/empty"],
      ["PUT", "/api/queues/documents/obliterate"],
      ["POST", "/api/queues/documents/add"],
      ["PUT", `/api/queues/documents/${job.id}/promote`],
      ["PUT", `/api/queues/documents/${job.id}/clean`],
      ["PATCH", `/api/queues/documents/${job.id}/update-data`],
    ];
    try {
      for (const [method, path] of actions) {
        const response = await province.fetch(`${QUEUE_DASHBOARD_PATH}${path}`, { method, headers: { origin: WEB_ORIGIN } });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(json(response.body).message).toBe("后台任务看板只供查看，不能在此暂停、恢复、重试、清理或删除任务");
      }
      // No such route in bull-board at all.
      expect((await province.fetch(`${QUEUE_DASHBOARD_PATH}/api/queues/documents/${job.id}`, { method: "DELETE", headers: { origin: WEB_ORIGIN } })).status).toBe(404);
      expect(await queue.isPaused()).toBe(false);
      expect(await queue.getJobState(job.id!)).toBe("delayed");
    } finally {
      await job.remove();
    }
  });

  it("refuses a state-changing call from another site before anything else", async () => {
    const province = await api.client().login(user("province"));
    const foreign = await province.fetch(`${QUEUE_DASHBOARD_PATH}/api/queues/documents/pause`, { method: "PUT", headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(json(foreign.body).message).toBe("请求来源不被允许");
    expect(await api.services.jobs.queue("documents").isPaused()).toBe(false);
  });
});
