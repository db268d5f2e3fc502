/**
 * The app role's view of the loaded rows. The rows were written as the owner (who bypasses row-level security), so
 * this checks that the app reads them as its own writes: connected as dtpilot_app, with the transaction-local settings
 * the API sets for a scope (rowSecuritySettings, as withScope sets them), every county-owned table shows a county user
 * exactly its county's rows, a city its counties', an enterprise user its own enterprise's, a provider the entries it
 * is linked to, and a transaction without a scope nothing. And through the API's own repository (listPilotEnterprises,
 * the tenant handle with the principal's CASL rules): a county's roster read by its team is exactly its entries, and
 * another county's is empty. Expected counts are read as the owner, from the database itself.
 */
import { createAppDatabase, listPilotEnterprises, rowSecuritySettings, withTenant } from "@dtpilot/db";
import { FILE_COMPLETENESS_VERSION, type Principal, type Scope } from "@dtpilot/domain";
import pg from "pg";
import type { ScaleDatabase } from "./database";

export interface TenancyCheck {
  check: string;
  ok: boolean;
  detail: string;
}

/** Someone whose view is checked, with the rows the owner says they should see. */
export interface TenancySubject {
  label: string;
  principal: Principal;
}

/** County-owned tables and how each reads its county. */
const COUNTY_TABLES = [
  "PilotCounty",
  "Enterprise",
  "ProviderCounty",
  "ImplementationPlan",
  "PlanVersion",
  "PlanComment",
  "PilotEnterprise",
  "EnterpriseProviderLink",
  "EnterpriseFileSection",
  "RosterChangeRequest",
  "WorkflowEvent",
  "ExportFile",
] as const;

async function count(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<number> {
  const result = await client.query<{ n: string }>(sql, params);
  return Number(result.rows[0]!.n);
}

/** Runs `work` as the app role inside one transaction carrying `scope`'s settings (null: none set). */
async function asApp<T>(app: pg.Client, scope: Scope | null, work: () => Promise<T>): Promise<T> {
  await app.query("BEGIN");
  try {
    if (scope) {
      const settings = Object.entries(rowSecuritySettings(scope));
      await app.query("select set_config(name, value, true) from unnest($1::text[], $2::text[]) as s(name, value)", [
        settings.map(([name]) => name),
        settings.map(([, value]) => value),
      ]);
    }
    return await work();
  } finally {
    await app.query("ROLLBACK");
  }
}

/**
 * Every query is limited to the rows of a few counties — the subject's own and the sample's others — through the
 * tables' countyId indexes, so the checks cost the same at national scale; within those rows the policies decide.
 */
export async function verifyTenancy(database: ScaleDatabase, batchId: string, subjects: readonly TenancySubject[]): Promise<TenancyCheck[]> {
  const checks: TenancyCheck[] = [];
  const expect = (check: string, actual: number, expected: number) =>
    checks.push({ check, ok: actual === expected, detail: `${actual} rows, expected ${expected}` });
  const sampleCounties = [
    ...new Set(
      subjects.flatMap(({ principal: { scope } }) =>
        scope.kind === "county" ? [scope.countyId] : scope.kind === "enterprise" ? [scope.countyId] : scope.kind === "city" ? [...scope.countyIds] : [],
      ),
    ),
  ];

  const owner = new pg.Client({ connectionString: database.ownerUrl });
  const app = new pg.Client({ connectionString: database.appUrl });
  await owner.connect();
  await app.connect();
  try {
    const role = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
    checks.push({
      check: "app role is neither superuser nor BYPASSRLS",
      ok: role.rows[0]?.rolsuper === false && role.rows[0]?.rolbypassrls === false,
      detail: JSON.stringify(role.rows[0]),
    });
    for (const table of COUNTY_TABLES) {
      const inSample = `select count(*) as n from "${table}" where "countyId" = any($1)`;
      const stored = await count(owner, inSample, [sampleCounties]);
      const visible = await asApp(app, null, () => count(app, inSample, [sampleCounties]));
      checks.push({ check: `no scope: ${table}`, ok: visible === 0, detail: `${visible} of the sample counties' ${stored} rows` });
    }

    for (const { label, principal } of subjects) {
      const scope = principal.scope;
      if (scope.kind === "county" || scope.kind === "city") {
        const own = scope.kind === "county" ? [scope.countyId] : [...scope.countyIds];
        const candidates = [...new Set([...own, ...sampleCounties])];
        for (const table of COUNTY_TABLES) {
          const expected = await count(owner, `select count(*) as n from "${table}" where "countyId" = any($1)`, [own]);
          const [visible, foreign] = await asApp(app, scope, async () => [
            await count(app, `select count(*) as n from "${table}" where "countyId" = any($1)`, [candidates]),
            await count(app, `select count(*) as n from "${table}" where "countyId" = any($1) and not ("countyId" = any($2))`, [candidates, own]),
          ]);
          expect(`${label}: ${table} visible`, visible, expected);
          expect(`${label}: ${table} of other counties`, foreign, 0);
        }
      } else if (scope.kind === "enterprise") {
        for (const table of ["PilotEnterprise", "EnterpriseFileSection"] as const) {
          const expected = await count(owner, `select count(*) as n from "${table}" where "countyId" = $1 and "enterpriseId" = $2::uuid`, [
            scope.countyId,
            scope.enterpriseId,
          ]);
          const visible = await asApp(app, scope, () => count(app, `select count(*) as n from "${table}" where "countyId" = any($1)`, [sampleCounties]));
          expect(`${label}: ${table} (its own only)`, visible, expected);
        }
        const enterprises = await asApp(app, scope, () => count(app, `select count(*) as n from "Enterprise" where "countyId" = any($1)`, [sampleCounties]));
        expect(`${label}: Enterprise (its own only)`, enterprises, 1);
      } else if (scope.kind === "provider") {
        const served = (await owner.query<{ county: string }>(`select "countyId" as county from "ProviderCounty" where "providerId" = $1::uuid`, [scope.providerId])).rows.map(
          (row) => row.county,
        );
        const candidates = [...new Set([...served, ...sampleCounties])];
        const linked = `select l."pilotEnterpriseId" from "EnterpriseProviderLink" l where l."providerId" = $1::uuid`;
        expect(
          `${label}: PilotEnterprise (linked only)`,
          await asApp(app, scope, () => count(app, `select count(*) as n from "PilotEnterprise" where "countyId" = any($1)`, [candidates])),
          await count(owner, `select count(*) as n from "PilotEnterprise" where id in (${linked})`, [scope.providerId]),
        );
        expect(
          `${label}: EnterpriseFileSection (linked only)`,
          await asApp(app, scope, () => count(app, `select count(*) as n from "EnterpriseFileSection" where "countyId" = any($1)`, [candidates])),
          await count(owner, `select count(*) as n from "EnterpriseFileSection" where "pilotEnterpriseId" in (${linked})`, [scope.providerId]),
        );
      }
    }

    // Through the API's repository: the team's own roster, and nothing of a neighbour's.
    const appDb = createAppDatabase({ url: database.appUrl, poolSize: 2 });
    try {
      const countySubjects = subjects.filter((subject) => subject.principal.scope.kind === "county");
      for (const [index, { label, principal }] of countySubjects.entries()) {
        const countyId = (principal.scope as Extract<Scope, { kind: "county" }>).countyId;
        const expected = await count(owner, `select count(*) as n from "PilotEnterprise" where "countyId" = $1 and "batchId" = $2::uuid`, [countyId, batchId]);
        const entries = await withTenant(appDb, principal, (tenant) => listPilotEnterprises(tenant, { countyId, batchId }));
        expect(`${label}: listPilotEnterprises (own county)`, entries.length, expected);
        checks.push({
          check: `${label}: listPilotEnterprises returns only its county's entries, their files' completeness current`,
          ok: entries.every((entry) => entry.countyId === countyId && entry.fileCompletenessVersion === FILE_COMPLETENESS_VERSION),
          detail: `${entries.filter((entry) => entry.countyId !== countyId).length} foreign`,
        });
        const other = countySubjects[(index + 1) % countySubjects.length]!;
        const otherCounty = (other.principal.scope as Extract<Scope, { kind: "county" }>).countyId;
        if (otherCounty !== countyId) {
          const foreign = await withTenant(appDb, principal, (tenant) => listPilotEnterprises(tenant, { countyId: otherCounty, batchId }));
          expect(`${label}: listPilotEnterprises of ${other.label}`, foreign.length, 0);
        }
      }
    } finally {
      await appDb.$disconnect();
    }
  } finally {
    await owner.end();
    await app.end();
  }
  return checks;
}
