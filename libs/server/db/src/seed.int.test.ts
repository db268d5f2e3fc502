/** The demo seed (`npm start`), loaded into the test database here only: other tests build their own tenants. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerDatabase } from "./owner-client";
import { DEMO_ACCOUNTS, seedDemo } from "./seed";

const owner = createOwnerDatabase();
beforeAll(() => seedDemo(owner));
afterAll(() => owner.$disconnect());

describe("seeded demo users", () => {
  it("have a salt of their own each", async () => {
    const usernames = ["province", "reviewer", "city-wuxi", "city-nantong", "county-jiangyin", "county-haian", "county-shuyang", "provider-1", "provider-3"];
    expect(DEMO_ACCOUNTS.map((account) => account.username)).toEqual(expect.arrayContaining(usernames));
    const rows = await owner.user.findMany({ where: { username: { in: usernames } }, select: { passwordHash: true } });
    expect(rows).toHaveLength(9);
    const salts = rows.map((row) => row.passwordHash.split("$")[4]);
    expect(new Set(salts).size).toBe(9);
  });
});
