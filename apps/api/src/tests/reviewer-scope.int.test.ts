/**
 * Reviewer assignments are per batch (issue 9): a third-party reviewer (第三方机构) reaches the counties the province
 * assigned it for the batch in progress; an assignment for another batch grants nothing.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApi, type ApiClient, type RunningApi } from "../testing/api-harness";
import { buildWorld, type PilotWorld } from "../testing/world";

const PAST_BATCH = "2024年度（测试：评审员指派）";

let api: RunningApi;
let owner: pg.Client;
let world: PilotWorld;
/** The reviewer's assigned county (苏南) and one it is not assigned (苏中). */
let SOUTH: string;
let CENTRAL: string;
let membershipId: string;
let currentBatchId: string;

async function cleanUp() {
  await owner.query(`delete from "ReviewerAssignment" where "countyId" = $1 or "batchId" in (select id from "Batch" where name = $2)`, [CENTRAL, PAST_BATCH]);
  await owner.query(`delete from "Batch" where name = $1`, [PAST_BATCH]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  ({ south: { code: SOUTH }, central: { code: CENTRAL } } = world.counties);
  membershipId = world.users.reviewer.membershipId;
  currentBatchId = world.batch.id;
  await cleanUp();
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  await cleanUp();
  await owner.end();
});

const assign = (countyId: string, batchId: string) =>
  owner.query(`insert into "ReviewerAssignment" (id, "membershipId", "countyId", "batchId") values (gen_random_uuid(), $1, $2, $3)`, [membershipId, countyId, batchId]);
const rosterStatus = async (client: ApiClient, countyId: string) => (await client.query("roster.listRoster", { countyId })).status;

describe("reviewer assignments per batch", () => {
  it("grants nothing for an assignment of another batch, and the county for one of the batch in progress", async () => {
    const past = await owner.query(
      `insert into "Batch" (id, name, "startsOn", "endsOn") values (gen_random_uuid(), $1, '2024-09-01', '2025-10-31') returning id`,
      [PAST_BATCH],
    );
    await assign(CENTRAL, past.rows[0].id);
    const reviewer = await api.client().login(world.users.reviewer.username);
    expect([403, 404]).toContain(await rosterStatus(reviewer, CENTRAL));
    expect(await rosterStatus(reviewer, SOUTH)).toBe(200);

    await assign(CENTRAL, currentBatchId);
    const reassigned = await api.client().login(world.users.reviewer.username);
    expect(await rosterStatus(reassigned, CENTRAL)).toBe(200);
  });
});
