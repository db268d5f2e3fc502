import pg from "pg";
import { inject } from "vitest";

/** Ids of seeded demo records, read as the owner so the tests can name other tenants' records. */
export interface Fixtures {
  enterprises: { jiangyinOwn: string; jiangyinOther: string; haian: string; shuyang: string };
  providers: { provider1: string; provider3: string };
}

export async function loadFixtures(): Promise<Fixtures> {
  const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  try {
    const enterpriseOf = async (username: string) =>
      (await owner.query(`select m."enterpriseId" as id from "Membership" m join "User" u on u.id = m."userId" where u.username = $1`, [username])).rows[0].id as string;
    const providerOf = async (username: string) =>
      (await owner.query(`select m."providerId" as id from "Membership" m join "User" u on u.id = m."userId" where u.username = $1`, [username])).rows[0].id as string;
    const firstEnterpriseIn = async (countyId: string, except: string) =>
      (await owner.query(`select id from "Enterprise" where "countyId" = $1 and id <> $2 order by name limit 1`, [countyId, except])).rows[0].id as string;
    const jiangyinOwn = await enterpriseOf("ent-jiangyin-1");
    return {
      enterprises: {
        jiangyinOwn,
        jiangyinOther: await firstEnterpriseIn("320281", jiangyinOwn),
        haian: await enterpriseOf("ent-haian-1"),
        shuyang: await firstEnterpriseIn("321322", "00000000-0000-0000-0000-000000000000"),
      },
      providers: { provider1: await providerOf("provider-1"), provider3: await providerOf("provider-3") },
    };
  } finally {
    await owner.end();
  }
}
