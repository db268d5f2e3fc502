/**
 * Reviewer assignments are per batch (issue 9): a third-party reviewer (第三方机构) reaches the counties the province
 * assigned it for the batch in progress; an assignment for another batch grants nothing.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startApi, type ApiClient, type RunningApi } from "../testing/api-harness";

const JIANGYIN = "320281";
const HAIAN = "320685";
const PAST_BATCH = "2024年度（测试：评审员指派）";

let api: RunningApi;
let owner: pg.Client;
let membershipId: string;
let currentBatchId: string;

async function cleanUp() {
  await owner.query(`delete from "ReviewerAssignment" where "countyId" = $1 or "batchId" in (select id from "Batch" where name = $2)`, [HAIAN, PAST_BATCH]);
  await owner.query(`delete from "Batch" where name = $1`, [PAST_BATCH]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  membershipId = (await owner.query(`select m.id from "Membership" m join "User" u on u.id = m."userId" where u.username = 'reviewer'`)).rows[0].id;
  currentBatchId = (await owner.query(`select "batchId" from "ReviewerAssignment" where "membershipId" = $1 and "countyId" = $2`, [membershipId, JIANGYIN])).rows[0]
    .batchId;
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
    await assign(HAIAN, past.rows[0].id);
    const reviewer = await api.client().login("reviewer");
    expect([403, 404]).toContain(await rosterStatus(reviewer, HAIAN));
    expect(await rosterStatus(reviewer, JIANGYIN)).toBe(200);

    await assign(HAIAN, currentBatchId);
    const reassigned = await api.client().login("reviewer");
    expect(await rosterStatus(reassigned, HAIAN)).toBe(200);
  });
});
