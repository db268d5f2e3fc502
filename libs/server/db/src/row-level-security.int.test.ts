import { countiesOfCity, type Scope } from "@dtpilot/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerDatabase } from "./owner-client";
import { createPilotWorld } from "./pilot-world";
import { appDatabaseUrl, databaseSettings, ownerDatabaseUrl } from "./settings";
import { rowSecuritySettings } from "./tenant-scope";

/** This file's pilot counties (苏南, 苏中, 苏北), their cities, and another county of the 苏南 one's city. */
let SOUTH: string;
let CENTRAL: string;
let NORTH: string;
let SOUTH_CITY: string;
let CENTRAL_CITY: string;
let SOUTH_NEIGHBOUR: string;
/** A provider of this world linked to no enterprise. */
let UNLINKED_PROVIDER: string;
const COUNTY_TABLES = ["PilotCounty", "Enterprise", "ProviderCounty", "ExportFile", "PilotEnterprise", "EnterpriseProviderLink", "WorkflowEvent"] as const;
/** Tables that name a county without belonging to it; each needs a reason to be here. */
const IDENTITY_TABLES_NAMING_A_COUNTY: Record<string, string> = {
  ReviewerAssignment: "the province's assignment of a reviewer to a county; identity data read at sign-in",
};

let app: pg.Client;
let owner: pg.Client;

/** The world has no files yet; one export per pilot county, written as the owner, gives the policies rows to hide. */
const EXPORT_FIXTURE = "rls-fixture.xlsx";
/** Nor plans: one per pilot county, each with its submission in the workflow event log, written as the owner. */
const planFixtureCounties = () => [SOUTH, CENTRAL, NORTH];

beforeAll(async () => {
  const seeder = createOwnerDatabase();
  try {
    const { counties, providers } = await createPilotWorld(seeder);
    UNLINKED_PROVIDER = providers.provider3.id;
    ({ south: { code: SOUTH, cityCode: SOUTH_CITY }, central: { code: CENTRAL, cityCode: CENTRAL_CITY }, north: { code: NORTH } } = counties);
    SOUTH_NEIGHBOUR = countiesOfCity(SOUTH_CITY).find((county) => county.code !== SOUTH)!.code;
  } finally {
    await seeder.$disconnect();
  }
  app = new pg.Client(databaseSettings(appDatabaseUrl()));
  owner = new pg.Client(databaseSettings(ownerDatabaseUrl()));
  await Promise.all([app.connect(), owner.connect()]);
  await owner.query(
    `insert into "ExportFile" (id, "countyId", kind, parameters, "fileName", "requestedById", "updatedAt")
     select gen_random_uuid(), c, 'ROSTER_XLSX', '{}', $2, (select id from "User" order by username limit 1), now()
     from unnest($1::text[]) as c`,
    [[SOUTH, CENTRAL, NORTH], EXPORT_FIXTURE],
  );
  await owner.query(
    `insert into "ImplementationPlan" (id, "countyId", "batchId", state, "updatedAt")
     select gen_random_uuid(), p."countyId", p."batchId", 'SUBMITTED', now() from "PilotCounty" p where p."countyId" = any($1)`,
    [planFixtureCounties()],
  );
  await owner.query(
    `insert into "WorkflowEvent" (id, "countyId", "subjectKind", "subjectId", event, "fromState", "toState", "actorId", "actorRole", version)
     select gen_random_uuid(), p."countyId", 'IMPLEMENTATION_PLAN', p.id, 'SUBMIT', 'DRAFT', 'SUBMITTED',
            (select id from "User" order by username limit 1), 'COUNTY_ADMIN', 1
     from "ImplementationPlan" p where p."countyId" = any($1)`,
    [planFixtureCounties()],
  );
});
afterAll(async () => {
  await owner.query(`delete from "WorkflowEvent" where "countyId" = any($1)`, [planFixtureCounties()]);
  await owner.query(`delete from "ImplementationPlan" where "countyId" = any($1)`, [planFixtureCounties()]);
  await owner.query(`delete from "ExportFile" where "fileName" = $1`, [EXPORT_FIXTURE]);
  await Promise.all([app.end(), owner.end()]);
});

/** Runs raw SQL as the app role inside one transaction carrying `scope` (or no scope at all). */
async function asApp<T>(scope: Scope | null, work: (client: pg.Client) => Promise<T>): Promise<T> {
  await app.query("begin");
  try {
    if (scope) {
      for (const [name, value] of Object.entries(rowSecuritySettings(scope))) {
        await app.query("select set_config($1, $2, true)", [name, value]);
      }
    }
    return await work(app);
  } finally {
    await app.query("rollback");
  }
}

/** The counties of this file's world whose rows `scope` sees in `table` (other files' worlds share the database). */
const countyIdsOf = async (scope: Scope | null, table: string) =>
  asApp(scope, async (client) =>
    (await client.query(`select distinct "countyId" from "${table}" where "countyId" = any($1) order by 1`, [[SOUTH, CENTRAL, NORTH]])).rows.map((r) => r.countyId),
  );

async function ids(table: string, where: string) {
  return (await owner.query(`select id from "${table}" where ${where}`)).rows.map((row) => row.id as string);
}

describe("row-level security", () => {
  it("connects the application as a role that is neither superuser nor BYPASSRLS", async () => {
    const { rows } = await app.query("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it("enables and forces RLS on every table whose rows belong to a county (non-null county id)", async () => {
    const { rows } = await owner.query(`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'countyId' and a.attnotnull and not a.attisdropped
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace and c.relname <> ALL ($1) order by 1`, [
      Object.keys(IDENTITY_TABLES_NAMING_A_COUNTY),
    ]);
    expect(rows.map((row) => row.relname)).toEqual(expect.arrayContaining([...COUNTY_TABLES]));
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it.each(COUNTY_TABLES)("returns no %s rows when no scope is set", async (table) => {
    expect(await countyIdsOf(null, table)).toEqual([]);
    expect((await owner.query(`select count(*)::int as n from "${table}"`)).rows[0].n).toBeGreaterThan(0);
  });

  it("shows a county only its own rows, even when the query names another county", async () => {
    const central: Scope = { kind: "county", countyId: CENTRAL };
    expect(await countyIdsOf(central, "Enterprise")).toEqual([CENTRAL]);
    const foreign = await asApp(central, async (client) => (await client.query(`select * from "Enterprise" where "countyId" = $1`, [SOUTH])).rowCount);
    expect(foreign).toBe(0);
  });

  it("refuses to write another county's rows", async () => {
    const central: Scope = { kind: "county", countyId: CENTRAL };
    await expect(
      asApp(central, (client) =>
        client.query(`insert into "Enterprise" (id, "countyId", name, "creditCode", "updatedAt") values (gen_random_uuid(), $1, 'x', 'X', now())`, [SOUTH]),
      ),
    ).rejects.toThrow(/row-level security/);
    const [southEnterprise] = await ids("Enterprise", `"countyId" = '${SOUTH}'`);
    const updated = await asApp(central, async (client) => (await client.query(`update "Enterprise" set name = 'hijacked' where id = $1`, [southEnterprise])).rowCount);
    expect(updated).toBe(0);
  });

  it("lets the province read every county and a city only its own", async () => {
    expect(await countyIdsOf({ kind: "province" }, "Enterprise")).toEqual([SOUTH, CENTRAL, NORTH].sort());
    const centralCity: Scope = { kind: "city", cityId: CENTRAL_CITY, countyIds: countiesOfCity(CENTRAL_CITY).map((county) => county.code) };
    expect(await countyIdsOf(centralCity, "Enterprise")).toEqual([CENTRAL]);
  });

  it("lets a reviewer read only its assigned counties", async () => {
    expect(await countyIdsOf({ kind: "reviewer", countyIds: [SOUTH] }, "PilotCounty")).toEqual([SOUTH]);
  });

  it("shows an enterprise only its own organisation and a provider only its own county links", async () => {
    const [enterpriseId] = await ids("Enterprise", `"countyId" = '${SOUTH}' order by name limit 1`);
    const seen = await asApp({ kind: "enterprise", enterpriseId: enterpriseId!, countyId: SOUTH }, async (client) =>
      (await client.query(`select id from "Enterprise"`)).rows.map((row) => row.id),
    );
    expect(seen).toEqual([enterpriseId]);
    const [providerId] = await ids("ProviderCounty", `"countyId" = '${NORTH}'`).then(async () =>
      (await owner.query(`select "providerId" as id from "ProviderCounty" where "countyId" = $1`, [NORTH])).rows.map((r) => r.id),
    );
    expect(await countyIdsOf({ kind: "provider", providerId: providerId! }, "ProviderCounty")).toEqual([NORTH]);
    expect(await countyIdsOf({ kind: "provider", providerId: providerId! }, "Enterprise")).toEqual([]);
  });

  it("shows generated files to their county and its overseers, never to an enterprise or a provider", async () => {
    expect(await countyIdsOf({ kind: "county", countyId: CENTRAL }, "ExportFile")).toEqual([CENTRAL]);
    expect(await countyIdsOf({ kind: "province" }, "ExportFile")).toEqual([SOUTH, CENTRAL, NORTH].sort());
    expect(await countyIdsOf({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH, SOUTH_NEIGHBOUR] }, "ExportFile")).toEqual([SOUTH]);
    expect(await countyIdsOf({ kind: "reviewer", countyIds: [SOUTH] }, "ExportFile")).toEqual([SOUTH]);
    const [enterpriseId] = await ids("Enterprise", `"countyId" = '${SOUTH}' order by name limit 1`);
    expect(await countyIdsOf({ kind: "enterprise", enterpriseId: enterpriseId!, countyId: SOUTH }, "ExportFile")).toEqual([]);
    const [providerId] = await ids("Provider", "true order by name limit 1");
    expect(await countyIdsOf({ kind: "provider", providerId: providerId! }, "ExportFile")).toEqual([]);
  });

  it("lets only the county itself write its generated files; overseers read but cannot change them", async () => {
    const [centralExport] = await ids("ExportFile", `"countyId" = '${CENTRAL}' and "fileName" = '${EXPORT_FIXTURE}'`);
    const setProgress = (scope: Scope) =>
      asApp(scope, async (client) => (await client.query(`update "ExportFile" set progress = 50 where id = $1`, [centralExport])).rowCount);
    expect(await setProgress({ kind: "province" })).toBe(0);
    expect(await setProgress({ kind: "city", cityId: CENTRAL_CITY, countyIds: [CENTRAL] })).toBe(0);
    expect(await setProgress({ kind: "county", countyId: SOUTH })).toBe(0);
    expect(await setProgress({ kind: "county", countyId: CENTRAL })).toBe(1);
    await expect(
      asApp({ kind: "province" }, (client) =>
        client.query(
          `insert into "ExportFile" (id, "countyId", kind, parameters, "fileName", "requestedById", "updatedAt")
           values (gen_random_uuid(), $1, 'ROSTER_XLSX', '{}', 'x.xlsx', (select id from "User" limit 1), now())`,
          [CENTRAL],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("refuses a succeeded export without its bytes, and a failed one without a reason", async () => {
    const [southExport] = await ids("ExportFile", `"countyId" = '${SOUTH}' and "fileName" = '${EXPORT_FIXTURE}'`);
    const county: Scope = { kind: "county", countyId: SOUTH };
    await expect(asApp(county, (client) => client.query(`update "ExportFile" set status = 'SUCCEEDED' where id = $1`, [southExport]))).rejects.toThrow(
      /export_file_succeeded_has_content/,
    );
    await expect(asApp(county, (client) => client.query(`update "ExportFile" set status = 'FAILED' where id = $1`, [southExport]))).rejects.toThrow(
      /export_file_failed_has_reason/,
    );
  });

  describe("the roster and the enterprise files (一企一档)", () => {
    /** ent-south-1's enterprise (linked to provider-1), another enterprise of its county, and a provider linked to neither. */
    async function parties() {
      const own = (await owner.query(
        `select p.id as pilot, p."enterpriseId" as enterprise, l."providerId" as provider
         from "PilotEnterprise" p join "EnterpriseProviderLink" l on l."pilotEnterpriseId" = p.id where p."countyId" = $1`,
        [SOUTH],
      )).rows[0] as { pilot: string; enterprise: string; provider: string };
      const other = (await owner.query(
        `select id as pilot, "enterpriseId" as enterprise from "PilotEnterprise" where "countyId" = $1 and id <> $2 limit 1`,
        [SOUTH, own.pilot],
      )).rows[0] as { pilot: string; enterprise: string };
      return { own, other, stranger: UNLINKED_PROVIDER };
    }
    const writeSection = (scope: Scope, pilot: { pilot: string; enterprise: string }, section: string) =>
      asApp(scope, (client) =>
        client.query(
          `insert into "EnterpriseFileSection" (id, "countyId", "pilotEnterpriseId", "enterpriseId", section, content, "updatedAt")
           values (gen_random_uuid(), $1, $2, $3, $4, '{}', now())`,
          [SOUTH, pilot.pilot, pilot.enterprise, section],
        ),
      );

    it("shows an enterprise its own roster entry only, and a provider only the enterprises it is linked to", async () => {
      const { own, other, stranger } = await parties();
      const pilotsSeenBy = (scope: Scope) => asApp(scope, async (client) => (await client.query(`select id from "PilotEnterprise"`)).rows.map((r) => r.id));
      expect(await pilotsSeenBy({ kind: "enterprise", enterpriseId: own.enterprise, countyId: SOUTH })).toEqual([own.pilot]);
      expect(await pilotsSeenBy({ kind: "provider", providerId: own.provider })).toEqual([own.pilot]);
      expect(await pilotsSeenBy({ kind: "provider", providerId: stranger })).toEqual([]);
      expect(await pilotsSeenBy({ kind: "enterprise", enterpriseId: other.enterprise, countyId: SOUTH })).toEqual([other.pilot]);
    });

    it("lets each writer write only its sections of files it may reach", async () => {
      const { own, other, stranger } = await parties();
      const enterprise: Scope = { kind: "enterprise", enterpriseId: own.enterprise, countyId: SOUTH };
      const provider: Scope = { kind: "provider", providerId: own.provider };
      await expect(writeSection(enterprise, own, "BASIC")).resolves.toBeTruthy();
      await expect(writeSection(enterprise, own, "EVALUATION")).rejects.toThrow(/row-level security/);
      await expect(writeSection(enterprise, other, "BASIC")).rejects.toThrow(/row-level security/);
      await expect(writeSection(provider, own, "NEEDS")).resolves.toBeTruthy();
      await expect(writeSection(provider, own, "BASIC")).rejects.toThrow(/row-level security/);
      await expect(writeSection({ kind: "provider", providerId: stranger }, own, "NEEDS")).rejects.toThrow(/row-level security/);
      await expect(writeSection({ kind: "county", countyId: SOUTH }, own, "EVALUATION")).resolves.toBeTruthy();
      await expect(writeSection({ kind: "county", countyId: CENTRAL }, own, "EVALUATION")).rejects.toThrow(/row-level security/);
      await expect(writeSection({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH] }, own, "EVALUATION")).rejects.toThrow(/row-level security/);
      await expect(writeSection({ kind: "province" }, own, "EVALUATION")).rejects.toThrow(/row-level security/);
    });

    it("lets the county's own city, and no one else but the county, change the roster", async () => {
      const { other } = await parties();
      const remove = (scope: Scope) =>
        asApp(scope, async (client) => (await client.query(`update "PilotEnterprise" set status = 'REMOVED' where id = $1`, [other.pilot])).rowCount);
      expect(await remove({ kind: "city", cityId: CENTRAL_CITY, countyIds: [CENTRAL] })).toBe(0);
      expect(await remove({ kind: "province" })).toBe(0);
      expect(await remove({ kind: "reviewer", countyIds: [SOUTH] })).toBe(0);
      expect(await remove({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH] })).toBe(1);
      expect(await remove({ kind: "county", countyId: SOUTH })).toBe(1);
    });
  });

  it("keeps no scope on the pooled connection after the transaction ends", async () => {
    await countyIdsOf({ kind: "province" }, "Enterprise");
    expect((await app.query(`select count(*)::int as n from "Enterprise"`)).rows[0].n).toBe(0);
    expect((await app.query(`select current_setting('app.scope_kind', true) as kind`)).rows[0].kind || null).toBeNull();
  });
});

describe("workflow events (one log for every workflow)", () => {
  const planOf = async (county: string) => (await ids("ImplementationPlan", `"countyId" = '${county}'`))[0]!;
  const append = (scope: Scope | null, event: { countyId: string; subjectId: string; subjectKind?: string }) =>
    asApp(scope, (client) =>
      client.query(
        `insert into "WorkflowEvent" (id, "countyId", "subjectKind", "subjectId", event, "fromState", "toState", "actorId", "actorRole")
         values (gen_random_uuid(), $1, $2, $3, 'RETURN', 'SUBMITTED', 'RETURNED_BY_CITY', (select id from "User" order by username limit 1), 'CITY_OFFICER')`,
        [event.countyId, event.subjectKind ?? "IMPLEMENTATION_PLAN", event.subjectId],
      ),
    );
  const southCity = (): Scope => ({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH, SOUTH_NEIGHBOUR] });

  it("shows a county its own events, a city its counties', the province all, and enterprises and providers none", async () => {
    expect(await countyIdsOf({ kind: "county", countyId: CENTRAL }, "WorkflowEvent")).toEqual([CENTRAL]);
    expect(await countyIdsOf(southCity(), "WorkflowEvent")).toEqual([SOUTH]);
    expect(await countyIdsOf({ kind: "province" }, "WorkflowEvent")).toEqual(planFixtureCounties().sort());
    expect(await countyIdsOf({ kind: "reviewer", countyIds: [NORTH] }, "WorkflowEvent")).toEqual([NORTH]);
    const [enterpriseId] = await ids("Enterprise", `"countyId" = '${SOUTH}' order by name limit 1`);
    expect(await countyIdsOf({ kind: "enterprise", enterpriseId: enterpriseId!, countyId: SOUTH }, "WorkflowEvent")).toEqual([]);
    expect(await countyIdsOf({ kind: "provider", providerId: UNLINKED_PROVIDER }, "WorkflowEvent")).toEqual([]);
  });

  it("lets the county and those who decide on its plan append its events, and no one else", async () => {
    const southPlan = await planOf(SOUTH);
    const event = { countyId: SOUTH, subjectId: southPlan };
    await expect(append({ kind: "county", countyId: SOUTH }, event)).resolves.toMatchObject({ rowCount: 1 });
    await expect(append(southCity(), event)).resolves.toMatchObject({ rowCount: 1 });
    await expect(append({ kind: "province" }, event)).resolves.toMatchObject({ rowCount: 1 });
    for (const scope of [
      { kind: "county", countyId: CENTRAL },
      { kind: "city", cityId: CENTRAL_CITY, countyIds: [CENTRAL] },
      { kind: "reviewer", countyIds: [SOUTH] },
      null,
    ] satisfies (Scope | null)[]) {
      await expect(append(scope, event)).rejects.toThrow(/row-level security/);
    }
  });

  it("refuses an event naming a subject of another county, even under the writer's own county", async () => {
    const centralPlan = await planOf(CENTRAL);
    await expect(append({ kind: "county", countyId: SOUTH }, { countyId: SOUTH, subjectId: centralPlan })).rejects.toThrow(/outside county/);
    await expect(append({ kind: "county", countyId: SOUTH }, { countyId: SOUTH, subjectId: centralPlan, subjectKind: "ROSTER_CHANGE_REQUEST" })).rejects.toThrow(
      /outside county/,
    );
  });

  it("lets only the county's city log a roster change's decision", async () => {
    const [pilot] = await ids("PilotEnterprise", `"countyId" = '${SOUTH}' order by id limit 1`);
    const [request] = (
      await owner.query(
        `insert into "RosterChangeRequest" (id, "countyId", "batchId", kind, reason, "removedPilotId", "requestedById")
         select gen_random_uuid(), "countyId", "batchId", 'REMOVE', 'rls fixture', id, "addedById" from "PilotEnterprise" where id = $1 returning id`,
        [pilot],
      )
    ).rows.map((row) => row.id as string);
    try {
      const decision = { countyId: SOUTH, subjectId: request!, subjectKind: "ROSTER_CHANGE_REQUEST" };
      await expect(append(southCity(), decision)).resolves.toMatchObject({ rowCount: 1 });
      await expect(append({ kind: "province" }, decision)).rejects.toThrow(/row-level security/);
    } finally {
      await owner.query(`delete from "RosterChangeRequest" where id = $1`, [request]);
    }
  });

  it.each([
    ["UPDATE", `update "WorkflowEvent" set "toState" = 'APPROVED'`],
    ["DELETE", `delete from "WorkflowEvent"`],
    ["TRUNCATE", `truncate "WorkflowEvent"`],
  ])("refuses the app role any %s, whatever its scope", async (_statement, sql) => {
    for (const scope of [null, { kind: "province" }, { kind: "county", countyId: SOUTH }, southCity()] satisfies (Scope | null)[]) {
      await expect(asApp(scope, (client) => client.query(sql))).rejects.toThrow(/permission denied/);
    }
  });
});

describe("audit records (审计记录)", () => {
  const MARK = "rls.auditFixture";
  const insertAs = (scope: Scope | null, countyId: string | null) =>
    asApp(scope, (client) =>
      client.query(`insert into "AuditRecord" (id, "countyId", procedure, outcome) values (gen_random_uuid(), $1, $2, 'SUCCESS')`, [countyId, MARK]),
    );
  const visibleCounties = (scope: Scope | null) =>
    asApp(scope, async (client) =>
      (await client.query(`select "countyId" from "AuditRecord" where procedure = $1 order by "countyId" nulls last`, [MARK])).rows.map((row) => row.countyId),
    );

  beforeAll(async () => {
    await owner.query(
      `insert into "AuditRecord" (id, "countyId", procedure, outcome) select gen_random_uuid(), c, $2, 'SUCCESS' from unnest($1::text[]) as c`,
      [[SOUTH, CENTRAL, null], MARK],
    );
  });
  afterAll(async () => {
    await owner.query(`delete from "AuditRecord" where procedure = $1`, [MARK]);
  });

  it("lets the app role append a record in any scope, and with none (a sign-in)", async () => {
    await expect(insertAs(null, null)).resolves.toMatchObject({ rowCount: 1 });
    await expect(insertAs({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH] }, SOUTH)).resolves.toMatchObject({ rowCount: 1 });
  });

  it.each([
    ["UPDATE", `update "AuditRecord" set outcome = 'FORGED' where procedure = '${MARK}'`],
    ["DELETE", `delete from "AuditRecord" where procedure = '${MARK}'`],
    ["TRUNCATE", `truncate "AuditRecord"`],
  ])("refuses the app role any %s, whatever its scope", async (_statement, sql) => {
    for (const scope of [null, { kind: "province" }, { kind: "county", countyId: SOUTH }] satisfies (Scope | null)[]) {
      await expect(asApp(scope, (client) => client.query(sql))).rejects.toThrow(/permission denied/);
    }
    expect((await owner.query(`select count(*)::int as n from "AuditRecord" where procedure = $1 and outcome = 'SUCCESS'`, [MARK])).rows[0].n).toBe(3);
  });

  it("shows the province every record, a city its counties', a county its own, and nobody else any", async () => {
    expect(await visibleCounties({ kind: "province" })).toEqual([SOUTH, CENTRAL, null]);
    expect(await visibleCounties({ kind: "city", cityId: SOUTH_CITY, countyIds: [SOUTH, SOUTH_NEIGHBOUR] })).toEqual([SOUTH]);
    expect(await visibleCounties({ kind: "county", countyId: CENTRAL })).toEqual([CENTRAL]);
    expect(await visibleCounties({ kind: "county", countyId: NORTH })).toEqual([]);
    expect(await visibleCounties({ kind: "reviewer", countyIds: [SOUTH] })).toEqual([]);
    expect(await visibleCounties({ kind: "enterprise", enterpriseId: "00000000-0000-4000-8000-000000000001", countyId: SOUTH })).toEqual([]);
    expect(await visibleCounties({ kind: "provider", providerId: "00000000-0000-4000-8000-000000000002" })).toEqual([]);
    expect(await visibleCounties(null)).toEqual([]);
  });
});
