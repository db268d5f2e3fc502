/**
 * A run: the database cloned from the migrated template, the shared rows (synthetic geography, the batch, the
 * overseers, the provider pool), then the counties a chunk at a time — generated, then loaded with COPY in one
 * transaction per chunk — then ANALYZE, the size, the checksums and the app role's view (verify.ts).
 */
import { hashPassword } from "@dtpilot/db";
import { DEMO_PASSWORD } from "@dtpilot/db/admin";
import type { Principal } from "@dtpilot/domain";
import pg from "pg";
import { overallChecksum, tableChecksums } from "./checksums";
import { databaseSize, prepareScaleDatabase, type ScaleDatabase } from "./database";
import { generateCounty, type CountySummary } from "./generators/county";
import { addBatch, addSyntheticGeography, citiesOf, scaleCounties } from "./generators/geography";
import { addOverseers } from "./generators/overseers";
import { addProviderPool, type ProviderRecord } from "./generators/providers";
import { streamOf, type ScaleRun } from "./generators/run-context";
import { loadRows } from "./load";
import { PROFILES, type ScaleOptions } from "./options";
import { RowSet } from "./rows";
import type { TableKey } from "./tables";
import { verifyTenancy, type TenancyCheck, type TenancySubject } from "./verify";

/** Every generated account signs in with the demo password (hashed once per run). */
export const SCALE_PASSWORD = DEMO_PASSWORD;

export interface DemoAccount {
  role: string;
  username: string;
  scope: string;
}

export interface ScaleResult {
  database: ScaleDatabase;
  batchId: string;
  counties: number;
  rows: Record<string, number>;
  validatedFiles: number;
  prepareMs: number;
  generateMs: number;
  loadMs: number;
  /** Checksums and the tenancy checks. */
  checkMs: number;
  totalMs: number;
  sizeBytes: number;
  checksums: Record<string, string> | null;
  checksum: string | null;
  tenancy: TenancyCheck[] | null;
  accounts: DemoAccount[];
}

/** How many counties are kept whole in memory after loading, for the demo accounts and the tenancy checks. */
const KEPT_COUNTIES = 3;

export async function generateScaleDataset(options: ScaleOptions, log: (line: string) => void = () => {}): Promise<ScaleResult> {
  const started = performance.now();
  const profile = PROFILES[options.scale];
  const database = await prepareScaleDatabase(options.database, log);
  const prepareMs = performance.now() - started;

  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  // A crash loses only this regenerated database: no need to wait for every commit's flush.
  await client.query("SET synchronous_commit = off");
  const loaded = new Map<TableKey, number>();
  let generateMs = 0;
  let loadMs = 0;
  const timed = async <T>(work: () => Promise<T> | T, add: (ms: number) => void): Promise<T> => {
    const from = performance.now();
    try {
      return await work();
    } finally {
      add(performance.now() - from);
    }
  };
  const generating = (ms: number) => (generateMs += ms);
  const loading = (ms: number) => (loadMs += ms);

  try {
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const counties = scaleCounties(profile.countyCount, options.counties);
    const cities = citiesOf(counties);

    const shared = new RowSet();
    const run: ScaleRun = await timed(() => {
      addSyntheticGeography(shared, counties);
      const batch = addBatch(shared, streamOf({ options }, "batch"));
      const overseers = addOverseers(shared, streamOf({ options }, "overseers"), {
        passwordHash,
        batch,
        cities,
        counties,
        provinceAdmins: profile.provinceAdmins,
        cityOfficersPerCity: profile.cityOfficersPerCity,
        countiesPerReviewer: profile.countiesPerReviewer,
      });
      const providers = addProviderPool(shared, streamOf({ options }, "providers"), {
        cities,
        providersPerCity: profile.providersPerCity,
        wideProviders: profile.wideProviders,
        passwordHash,
      });
      const providersByCity = new Map<string, ProviderRecord[]>();
      for (const provider of providers) {
        if (provider.cityCode) providersByCity.set(provider.cityCode, [...(providersByCity.get(provider.cityCode) ?? []), provider]);
      }
      return {
        options,
        profile,
        passwordHash,
        batch,
        counties,
        cities,
        ...overseers,
        providers,
        providersByCity,
        wideProviders: providers.filter((provider) => provider.cityCode === null),
      };
    }, generating);
    await timed(() => loadRows(client, shared, loaded), loading);
    log(`shared rows loaded: ${run.providers.length} providers, ${run.reviewers.length} reviewers, ${cities.length} cities`);

    const kept: CountySummary[] = [];
    let validatedFiles = 0;
    const chunkSize = options.chunkCounties || profile.chunkCounties;
    // Chunk N is loaded (PostgreSQL working on the other core) while chunk N+1 is generated: each county ends by
    // yielding to the event loop, which streams the COPY data meanwhile.
    let loadingChunk: Promise<unknown> = Promise.resolve();
    for (let first = 0; first < counties.length; first += chunkSize) {
      const rows = new RowSet();
      const chunk = counties.slice(first, first + chunkSize);
      await timed(async () => {
        for (const [offset, county] of chunk.entries()) {
          const summary = await generateCounty(run, county, first + offset, rows);
          validatedFiles += summary.validatedFiles;
          if (kept.length < KEPT_COUNTIES) kept.push(summary);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }, generating);
      await loadingChunk;
      loadingChunk = timed(() => loadRows(client, rows, loaded), loading).then(() =>
        log(`counties ${first + chunk.length}/${counties.length} loaded (${Math.round(performance.now() - started)} ms)`),
      );
      // Awaited before the next load or at the end; until then a failure must not count as unhandled.
      loadingChunk.catch(() => undefined);
    }
    await loadingChunk;
    await timed(() => client.query("ANALYZE"), loading);

    const sizeBytes = await databaseSize(client);
    const checking = performance.now();
    const checksums = options.checksums ? await tableChecksums(client) : null;
    const subjects = tenancySubjects(run, kept);
    const tenancy = options.verify ? await verifyTenancy(database, run.batch.id, subjects) : null;
    return {
      database,
      batchId: run.batch.id,
      counties: counties.length,
      rows: Object.fromEntries([...loaded.entries()].map(([table, count]) => [table, count])),
      validatedFiles,
      prepareMs,
      generateMs,
      loadMs,
      checkMs: performance.now() - checking,
      totalMs: performance.now() - started,
      sizeBytes,
      checksums,
      checksum: checksums ? overallChecksum(checksums) : null,
      tenancy,
      accounts: demoAccounts(run, kept),
    };
  } finally {
    await client.end();
  }
}

/** Whose views verify.ts checks: each kept county's team, its city, an enterprise user there and a linked provider. */
function tenancySubjects(run: ScaleRun, kept: readonly CountySummary[]): TenancySubject[] {
  const subjects: TenancySubject[] = [];
  const principal = (account: { userId: string; role: Principal["role"]; scope: Principal["scope"] }): Principal => ({
    userId: account.userId,
    role: account.role,
    scope: account.scope,
  });
  for (const { county, team, pilots } of kept) {
    subjects.push({ label: `county ${county.name}`, principal: principal(team[0]!) });
    const officer = run.cityOfficers.get(county.city.code)?.[0];
    if (officer) subjects.push({ label: `city ${county.city.name}`, principal: principal(officer) });
    const withAccount = pilots.find((pilot) => pilot.account !== null);
    if (withAccount) subjects.push({ label: `enterprise ${withAccount.entry.name}`, principal: principal(withAccount.account!) });
    const provider = pilots.find((pilot) => pilot.providers.length > 0)?.providers[0];
    if (provider) subjects.push({ label: `provider ${provider.name}`, principal: principal(provider.accounts[0]!) });
  }
  return subjects;
}

/** A few accounts per role for benches and manual checks, all with SCALE_PASSWORD. */
function demoAccounts(run: ScaleRun, kept: readonly CountySummary[]): DemoAccount[] {
  const accounts: DemoAccount[] = [];
  for (const admin of run.provinceAdmins.slice(0, 1)) accounts.push({ role: admin.role, username: admin.username, scope: "全省" });
  const reviewer = run.reviewers[0];
  if (reviewer) accounts.push({ role: "REVIEWER", username: reviewer.account.username, scope: `${reviewer.countyIds.length} counties assigned for ${run.batch.name}` });
  for (const { county, team, pilots } of kept) {
    const officer = run.cityOfficers.get(county.city.code)?.[0];
    if (officer && !accounts.some((account) => account.username === officer.username)) {
      accounts.push({ role: "CITY_OFFICER", username: officer.username, scope: county.city.name });
    }
    accounts.push({ role: "COUNTY_ADMIN", username: team[0]!.username, scope: `${county.name}（${pilots.filter((pilot) => pilot.status === "ACTIVE").length} entries）` });
    const enterprise = pilots.find((pilot) => pilot.account !== null && !pilot.account.mustChangePassword && pilot.status === "ACTIVE");
    if (enterprise) accounts.push({ role: "ENTERPRISE_USER", username: enterprise.account!.username, scope: `${enterprise.entry.name}（${county.name}）` });
    const provider = pilots.find((pilot) => pilot.providers.length > 0)?.providers[0];
    if (provider && !accounts.some((account) => account.username === provider.accounts[0]!.username)) {
      accounts.push({ role: "PROVIDER_USER", username: provider.accounts[0]!.username, scope: `${provider.name}（linked in ${county.name}）` });
    }
  }
  return accounts;
}
