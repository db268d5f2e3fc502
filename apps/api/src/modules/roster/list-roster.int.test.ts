/**
 * roster.listRoster paged, filtered and sorted in SQL, against the real database: a roster of 30 entries (the world's
 * 5 and 25 more with varied names, revenues — some missing —, sub-industries, scales, statuses and files); every
 * filter, each sort in both directions against the order the county app used to compute itself, totals, pages past
 * the end, bounds; each entry's stored completeness equal to the domain's fileCompleteness of its file, after the
 * backfill and after saves (two sections saved at once included); the export applying the same filter; and who sees
 * what (another county, an unlinked provider, a city outside its scope).
 */
import { backfillFileCompleteness, createOwnerDatabase, type BackfillResult } from "@dtpilot/db/admin";
import {
  emptyEnterpriseFile,
  FILE_COMPLETENESS_VERSION,
  fileCompleteness,
  fileCompletenessSummary,
  fileFromStoredSections,
  makeCreditCode,
  STORED_FILE_SECTIONS,
  type EnterpriseFile,
  type FileSectionKey,
  type RosterFilter,
  type RosterSort,
  type StoredFileSection,
} from "@dtpilot/domain";
import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROSTER_SHEET_NAME } from "./roster-document";
import type { PilotEnterpriseView } from "./roster-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { completeEnterpriseFile, storedSection } from "../../testing/file-fixtures";
import { startWorkerInProcess } from "../../testing/worker-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

type Entry = PilotEnterpriseView & { completeness: { percentage: number; complete: boolean; sections: Record<FileSectionKey, unknown> } };
type Roster = {
  entries: Entry[];
  total: number;
  page: number;
  pageSize: number | null;
  subIndustriesInUse: string[];
  counts: { aboveScale: number; belowScale: number; specialised: number; total: number };
};

let world: PilotWorld;
let SOUTH: string;
let api: RunningApi;
let owner: pg.Client;
/** The added entries' completeness before the backfill (none computed), and what the backfill reported, twice. */
let uncomputed: number;
let backfilled: BackfillResult;
let backfilledAgain: BackfillResult;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;

/** The 25 entries added to the world's 苏南 roster: names that test pinyin and numeric order. */
const NAMES = [
  "企业9号", "企业10号", "企业1号", "阿里机械", "重庆精工", "长安汽配", "北京精密", "Zeta科技", "alpha智造", "厦门贸易",
  "曾氏五金", "单于纺织", "企业2号", "中华制造", "爱迪电气", "波士精工", "蔡司光学", "大华机电", "鄂尔机械", "福田汽配",
  "广汽配套", "海尔部件", "金风叶片", "凯盛材料", "联想电子",
];
const SUB_INDUSTRIES = ["", "高端装备—数控机床", "新材料—特种钢"];
const code = (k: number) => makeCreditCode(`91${SOUTH}MA${String(800 + k).padStart(7, "0")}`);
/** Which file each added entry has: complete, 二 only, 二 and 四, part of 一, nothing. */
const FILE_KINDS = ["complete", "needs", "needsAndEvaluation", "someBasic", "none"] as const;

function fileOf(kind: (typeof FILE_KINDS)[number], names: { enterpriseName: string; creditCode: string; cityAndCounty: string }): Partial<EnterpriseFile> {
  const complete = completeEnterpriseFile(names);
  switch (kind) {
    case "complete":
      return complete;
    case "needs":
      return { needs: complete.needs };
    case "needsAndEvaluation":
      return { needs: complete.needs, evaluation: complete.evaluation };
    case "someBasic":
      return { basic: { ...emptyEnterpriseFile().basic, ...names, profile: "生产零部件。" } };
    case "none":
      return {};
  }
}

/** Adds the 25 entries as the owner, with their files, and their completeness left uncomputed (version 0) for the backfill. */
async function addEntries() {
  const south = world.counties.south;
  SUB_INDUSTRIES[0] = south.subIndustry;
  const base = Date.now() + 60_000;
  for (const [k, name] of NAMES.entries()) {
    const enterpriseName = `${name}${world.tag}`;
    const { rows } = await owner.query<{ id: string }>(
      `insert into "Enterprise" (id, "countyId", name, "creditCode", "updatedAt") values (gen_random_uuid(), $1, $2, $3, now()) returning id`,
      [SOUTH, enterpriseName, code(k)],
    );
    const enterpriseId = rows[0]!.id;
    const removed = k === 5 || k === 13;
    const { rows: pilots } = await owner.query<{ id: string }>(
      `insert into "PilotEnterprise" (id, "countyId", "batchId", "enterpriseId", "subIndustry", scale, specialised, "lastYearRevenue", status,
         "addedById", "createdAt", "updatedAt", "removedAt", "filePercentage", "fileComplete", "fileCompleteness", "fileCompletenessVersion")
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, 0, false, '{}', 0) returning id`,
      [
        SOUTH,
        world.batch.id,
        enterpriseId,
        SUB_INDUSTRIES[k % 3],
        k % 2 === 0 ? "ABOVE" : "BELOW",
        k % 4 === 1,
        // Missing for some, ties for others.
        k % 6 === 2 ? null : String(((k * 7) % 5) * 1000 + 100),
        removed ? "REMOVED" : "ACTIVE",
        world.users["county-south"].id,
        new Date(base + k * 1000),
        removed ? new Date(base + 100_000) : null,
      ],
    );
    const file = fileOf(FILE_KINDS[k % FILE_KINDS.length]!, { enterpriseName, creditCode: code(k), cityAndCounty: `${south.cityName}${south.name}` });
    for (const [key, content] of Object.entries(file) as [FileSectionKey, EnterpriseFile[FileSectionKey]][]) {
      await owner.query(
        `insert into "EnterpriseFileSection" (id, "countyId", "pilotEnterpriseId", "enterpriseId", section, content, "updatedAt")
         values (gen_random_uuid(), $1, $2, $3, $4, $5, now())`,
        [SOUTH, pilots[0]!.id, enterpriseId, STORED_FILE_SECTIONS[key], JSON.stringify(storedSection(key, content as never))],
      );
    }
  }
}

/** Each entry's file as stored, read as the domain reads it. */
async function storedFiles(): Promise<Map<string, EnterpriseFile>> {
  const { rows } = await owner.query<{ id: string; section: StoredFileSection | null; content: unknown }>(
    `select p.id, s.section, s.content from "PilotEnterprise" p left join "EnterpriseFileSection" s on s."pilotEnterpriseId" = p.id where p."countyId" = $1`,
    [SOUTH],
  );
  const sections = new Map<string, { section: StoredFileSection; content: unknown }[]>();
  for (const row of rows) {
    const list = sections.get(row.id) ?? [];
    if (row.section) list.push({ section: row.section, content: row.content });
    sections.set(row.id, list);
  }
  return new Map([...sections].map(([id, stored]) => [id, fileFromStoredSections(stored)]));
}

async function expectStoredCompletenessOfEveryFile(entries: readonly Entry[]) {
  const files = await storedFiles();
  for (const entry of entries) {
    expect(entry.completeness, entry.enterprise.name).toEqual(fileCompletenessSummary(files.get(entry.id)!));
  }
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  SOUTH = world.counties.south.code;
  await addEntries();
  const { rows } = await owner.query<{ n: number }>(`select count(*)::int as n from "PilotEnterprise" where "countyId" = $1 and "fileCompletenessVersion" = 0`, [SOUTH]);
  uncomputed = rows[0]!.n;
  const ownerDb = createOwnerDatabase({ url: inject("ownerDatabaseUrl") });
  try {
    backfilled = await backfillFileCompleteness(ownerDb, { batchSize: 7 });
    backfilledAgain = await backfillFileCompleteness(ownerDb);
  } finally {
    await ownerDb.$disconnect();
  }
  api = await startApi();
  for (const account of ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "provider-1", "provider-3"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api?.close();
  await owner?.end();
});

const list = (client: ApiClient, input?: Record<string, unknown>) => client.query<Roster>("roster.listRoster", input);
/** The whole roster in its own order, as a call naming nothing but the county answers it. */
const whole = async () => ok(await list(as("county-south"))).entries;
/** Every page of a listing, one after the other. */
async function allPages(client: ApiClient, input: Record<string, unknown>, pageSize = 10): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let page = 1; ; page++) {
    const answer = ok(await list(client, { ...input, page, pageSize }));
    entries.push(...answer.entries);
    if (answer.entries.length < pageSize) return entries;
  }
}

/** The order the county app computed itself before paging (roster-filters.ts then): the oracle for SQL's. */
const collator = new Intl.Collator("zh-CN", { numeric: true });
function oracleSort(entries: readonly Entry[], sort: RosterSort): Entry[] {
  const sign = sort.direction === "ascend" ? 1 : -1;
  const revenue = (entry: Entry) => (entry.lastYearRevenue === null ? null : Number(entry.lastYearRevenue));
  const compare = (a: Entry, b: Entry) => {
    switch (sort.key) {
      case "name":
        return collator.compare(a.enterprise.name, b.enterprise.name);
      case "revenue":
        return revenue(a) === null || revenue(b) === null ? 0 : revenue(a)! - revenue(b)!;
      case "completeness":
        return a.completeness.percentage - b.completeness.percentage;
    }
  };
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (sort.key === "revenue") {
        const missing = Number(revenue(a.entry) === null) - Number(revenue(b.entry) === null);
        if (missing !== 0) return missing;
      }
      return sign * compare(a.entry, b.entry) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

function oracleFilter(entries: readonly Entry[], filter: RosterFilter): Entry[] {
  return entries.filter(
    (entry) =>
      (!filter.subIndustries?.length || filter.subIndustries.includes(entry.subIndustry)) &&
      (filter.scale === undefined || entry.scale === filter.scale) &&
      (filter.specialised === undefined || entry.specialised === filter.specialised) &&
      (filter.complete === undefined || entry.completeness.complete === filter.complete) &&
      (filter.status === undefined || entry.status === filter.status),
  );
}

const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);

describe("stored completeness", () => {
  it("is computed by the backfill (beforeAll) for entries without it, through the domain, and is then the file's completeness", async () => {
    expect(uncomputed).toBe(NAMES.length);
    expect(backfilled.updated).toBeGreaterThanOrEqual(NAMES.length);
    expect(backfilled.batches).toBeGreaterThanOrEqual(4);
    // Nothing left to do: a second run changes nothing.
    expect(backfilledAgain).toEqual({ updated: 0, batches: 0 });
    const { rows } = await owner.query<{ version: number }>(`select distinct "fileCompletenessVersion" as version from "PilotEnterprise" where "countyId" = $1`, [SOUTH]);
    expect(rows).toEqual([{ version: FILE_COMPLETENESS_VERSION }]);

    const entries = await whole();
    expect(entries).toHaveLength(30);
    await expectStoredCompletenessOfEveryFile(entries);
    const complete = entries.filter((entry) => entry.completeness.complete);
    expect(complete.length).toBeGreaterThan(0);
    expect(complete.every((entry) => entry.completeness.percentage === 100)).toBe(true);
    expect(new Set(entries.map((entry) => entry.completeness.percentage)).size).toBeGreaterThanOrEqual(4);
  });

  it("is stored with every save of a section, by the enterprise, its provider and the county, and matches the file", async () => {
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    const full = completeEnterpriseFile({ enterpriseName: world.enterprises.south[0]!.name, creditCode: world.enterprises.south[0]!.creditCode, cityAndCounty: "" });
    const save = (account: WorldAccount, section: FileSectionKey, content: unknown, baseRevision = 0) =>
      as(account).mutation<{ ok: boolean; revision: number }>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section, baseRevision, content });
    const stored = async () => ok(await list(as("county-south"), { filter: { subIndustries: [world.counties.south.subIndustry] }, pageSize: 100 })).entries.find((entry) => entry.id === pilotEnterpriseId)!;

    expect((await stored()).completeness.percentage).toBe(0);
    expect(ok(await save("ent-south-1", "basic", full.basic)).ok).toBe(true);
    const afterBasic = await stored();
    expect(afterBasic.completeness.sections.basic).toEqual({ complete: true, filled: 16, required: 16 });
    await expectStoredCompletenessOfEveryFile([afterBasic]);

    expect(ok(await save("provider-1", "needs", { ...full.needs, EQUIPMENT_DATA: [{ ...full.needs.EQUIPMENT_DATA[0]!, author: "PROVIDER" }] })).ok).toBe(true);
    ok(await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-11-01" }));
    expect(ok(await save("county-south", "evaluation", full.evaluation)).ok).toBe(true);
    const afterThree = await stored();
    expect(afterThree.completeness).toMatchObject({ complete: false });
    expect(afterThree.completeness.sections.needs).toEqual({ complete: true, filled: 1, required: 1 });
    expect(afterThree.completeness.sections.evaluation).toEqual({ complete: true, filled: 1, required: 1 });
    await expectStoredCompletenessOfEveryFile([afterThree]);

    // The last section makes the file complete; the memo says so, and the file's own view agrees.
    expect(ok(await save("provider-1", "results", { ...full.results, providerEvaluations: [] })).ok).toBe(true);
    expect(ok(await save("ent-south-1", "results", full.results, 1)).ok).toBe(true);
    const done = await stored();
    expect(done.completeness).toMatchObject({ percentage: 100, complete: true });
    const view = ok(await as("county-south").query<{ completeness: { percentage: number; complete: boolean } }>("enterpriseFile.getEnterpriseFile", { pilotEnterpriseId }));
    expect(view.completeness).toMatchObject({ percentage: 100, complete: true });
    expect(fileCompleteness((await storedFiles()).get(pilotEnterpriseId)!).complete).toBe(true);
  });

  it("sums both of two sections saved at once by different writers (the entry is locked for the save)", async () => {
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    const full = completeEnterpriseFile({ enterpriseName: world.enterprises.south[0]!.name, creditCode: world.enterprises.south[0]!.creditCode, cityAndCounty: "" });
    for (let run = 0; run < 8; run++) {
      await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1 and section in ('BASIC', 'NEEDS')`, [pilotEnterpriseId]);
      const answers = await Promise.all([
        as("ent-south-1").mutation<{ ok: boolean }>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section: "basic", baseRevision: 0, content: full.basic }),
        as("provider-1").mutation<{ ok: boolean }>("enterpriseFile.saveEnterpriseFileSection", {
          pilotEnterpriseId,
          section: "needs",
          baseRevision: 0,
          content: { ...full.needs, EQUIPMENT_DATA: [{ ...full.needs.EQUIPMENT_DATA[0]!, author: "PROVIDER" }] },
        }),
      ]);
      expect(answers.map((answer) => answer.data?.ok), `run ${run}`).toEqual([true, true]);
      const entry = ok(await list(as("county-south"))).entries.find((candidate) => candidate.id === pilotEnterpriseId)!;
      expect(entry.completeness.sections.basic, `run ${run}`).toMatchObject({ complete: true });
      expect(entry.completeness.sections.needs, `run ${run}`).toMatchObject({ complete: true });
      await expectStoredCompletenessOfEveryFile([entry]);
    }
  }, 60_000);
});

describe("the roster's pages", () => {
  it("answers the first page of 20 by default once paging is asked for, with the total, and pages beyond the end empty", async () => {
    const all = await whole();
    const first = ok(await list(as("county-south"), { page: 1 }));
    expect(first).toMatchObject({ total: 30, page: 1, pageSize: 20 });
    expect(ids(first.entries)).toEqual(ids(all.slice(0, 20)));
    const second = ok(await list(as("county-south"), { page: 2 }));
    expect(ids(second.entries)).toEqual(ids(all.slice(20)));
    expect(second.total).toBe(30);
    const beyond = ok(await list(as("county-south"), { page: 4, pageSize: 10 }));
    expect(beyond).toMatchObject({ entries: [], total: 30, page: 4, pageSize: 10 });
    expect(ok(await list(as("county-south"), { page: 99_999, pageSize: 100 }))).toMatchObject({ entries: [], total: 30 });
    // Each size the table offers; the pages together are the roster, each entry once.
    for (const pageSize of [10, 20, 50, 100]) expect(ids(await allPages(as("county-south"), {}, pageSize)), String(pageSize)).toEqual(ids(all));
  });

  it("answers a call naming only the county as before paging: the whole roster, in its own order", async () => {
    const answer = ok(await list(as("province"), { countyId: SOUTH }));
    expect(answer).toMatchObject({ total: 30, page: 1, pageSize: null });
    expect(answer.entries).toHaveLength(30);
    expect(ids(answer.entries)).toEqual(ids(await whole()));
  });

  it("filters by every filter, alone and together, with totals over the whole roster", async () => {
    const all = await whole();
    const filters: RosterFilter[] = [
      { subIndustries: [SUB_INDUSTRIES[1]!] },
      { subIndustries: [SUB_INDUSTRIES[1]!, SUB_INDUSTRIES[2]!] },
      { subIndustries: [] },
      { subIndustries: ["不存在的行业"] },
      { scale: "ABOVE" },
      { scale: "BELOW" },
      { specialised: true },
      { specialised: false },
      { complete: true },
      { complete: false },
      { status: "ACTIVE" },
      { status: "REMOVED" },
      { subIndustries: [SUB_INDUSTRIES[0]!], scale: "ABOVE", complete: false, status: "ACTIVE" },
    ];
    for (const filter of filters) {
      const expected = oracleFilter(all, filter);
      const first = ok(await list(as("county-south"), { filter, pageSize: 10 }));
      expect(first.total, JSON.stringify(filter)).toBe(expected.length);
      expect(ids(await allPages(as("county-south"), { filter })), JSON.stringify(filter)).toEqual(ids(expected));
    }
    // The filters select something each way (the data is varied enough to tell).
    expect(oracleFilter(all, { complete: true }).length).toBeGreaterThan(0);
    expect(oracleFilter(all, { status: "REMOVED" })).toHaveLength(2);
    expect(oracleFilter(all, { subIndustries: [SUB_INDUSTRIES[1]!] }).length).toBeGreaterThan(0);
  });

  it("sorts by name (pinyin, numbers by value), revenue (missing last either way) and completeness, both directions, ties in roster order", async () => {
    const all = await whole();
    expect(all.filter((entry) => entry.lastYearRevenue === null).length).toBeGreaterThan(1);
    for (const key of ["name", "revenue", "completeness"] as const) {
      for (const direction of ["ascend", "descend"] as const) {
        const sort = { key, direction };
        const expected = oracleSort(all, sort);
        expect(ids(await allPages(as("county-south"), { sort }, 10)).map((id) => all.find((entry) => entry.id === id)!.enterprise.name), `${key} ${direction}`).toEqual(
          expected.map((entry) => entry.enterprise.name),
        );
        expect(ids(await allPages(as("county-south"), { sort }, 10)), `${key} ${direction}`).toEqual(ids(expected));
      }
    }
    const byName = ok(await list(as("county-south"), { sort: { key: "name", direction: "ascend" }, pageSize: 100 })).entries.map((entry) => entry.enterprise.name);
    const position = (name: string) => byName.indexOf(`${name}${world.tag}`);
    expect(position("企业2号")).toBeLessThan(position("企业10号"));
    expect(position("阿里机械")).toBeLessThan(position("北京精密"));
    expect(position("重庆精工")).toBeLessThan(position("中华制造"));
    expect(position("Zeta科技")).toBeGreaterThan(position("联想电子"));
    const byRevenue = ok(await list(as("county-south"), { sort: { key: "revenue", direction: "descend" }, pageSize: 100 })).entries;
    expect(byRevenue.at(-1)!.lastYearRevenue).toBeNull();
    expect(byRevenue[0]!.lastYearRevenue).toBe("12000");
  });

  it("filters, sorts and pages together", async () => {
    const all = await whole();
    const filter: RosterFilter = { status: "ACTIVE", scale: "BELOW" };
    const sort: RosterSort = { key: "revenue", direction: "ascend" };
    const expected = oracleSort(oracleFilter(all, filter), sort);
    const second = ok(await list(as("county-south"), { filter, sort, page: 2, pageSize: 10 }));
    expect(second.total).toBe(expected.length);
    expect(ids(second.entries)).toEqual(ids(expected.slice(10, 20)));
  });

  it("counts every entry on the roster by category and names the sub-industries in use, whatever the page or filter", async () => {
    const all = await whole();
    const active = all.filter((entry) => entry.status === "ACTIVE");
    const expected = {
      aboveScale: active.filter((entry) => entry.scale === "ABOVE").length,
      belowScale: active.filter((entry) => entry.scale === "BELOW").length,
      specialised: active.filter((entry) => entry.specialised).length,
      total: active.length,
    };
    for (const input of [{}, { page: 3, pageSize: 10 }, { filter: { status: "REMOVED" } }, { filter: { subIndustries: ["不存在的行业"] } }]) {
      const answer = ok(await list(as("county-south"), input));
      expect(answer.counts, JSON.stringify(input)).toEqual(expected);
      expect(answer.subIndustriesInUse, JSON.stringify(input)).toEqual([...new Set(all.map((entry) => entry.subIndustry))]);
    }
    expect(expected.total).toBe(28);
  });

  it("refuses inputs out of bounds, naming the field in the reader's language", async () => {
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ filter: { subIndustries: Array.from({ length: 51 }, (_, index) => `行业${index}`) } }, "filter.subIndustries", "所属细分行业：不能超过 50 项"],
      [{ filter: { subIndustries: ["长".repeat(300)] } }, "filter.subIndustries.0", "所属细分行业"],
      [{ pageSize: 15 }, "pageSize", "每页条数：取值不在允许范围内"],
      [{ pageSize: 1000 }, "pageSize", "每页条数"],
      [{ page: 0 }, "page", "页码：不能小于 1"],
      [{ page: 1.5 }, "page", "页码"],
      [{ sort: { key: "creditCode", direction: "ascend" } }, "sort.key", "排序依据"],
      [{ sort: { key: "name", direction: "up" } }, "sort.direction", "排序方向"],
      [{ filter: { subIndustry: "高端装备—数控机床" } }, "filter", "包含无法识别的字段"],
      [{ filter: { status: "DELETED" } }, "filter.status", "名单状态"],
    ];
    for (const [input, field, message] of refusals) {
      const answer = await list(as("county-south"), input);
      expect(answer.status, JSON.stringify(input)).toBe(400);
      expect(answer.error?.data.field, JSON.stringify(input)).toBe(field);
      expect(answer.error?.message, JSON.stringify(input)).toContain(message);
    }
    const english = await api.client({ locale: "en" }).login(world.users["county-south"].username);
    const answer = await list(english, { pageSize: 15 });
    expect(answer.error?.data.field).toBe("pageSize");
    expect(answer.error?.message).toContain("Page size");
  });
});

describe("who sees which entries", () => {
  it("refuses another county's team, a city outside its scope and a provider not serving the county; answers the county's city", async () => {
    for (const account of ["county-central", "city-central", "provider-3"] as const) {
      for (const input of [{ countyId: SOUTH }, { countyId: SOUTH, page: 1, pageSize: 100 }, { countyId: SOUTH, filter: { status: "ACTIVE" }, sort: { key: "name", direction: "ascend" } }]) {
        const answer = await list(as(account), input);
        expect([403, 404], `${account} ${JSON.stringify(input)}`).toContain(answer.status);
        expect(JSON.stringify(answer)).not.toContain(world.tag);
      }
    }
    expect(ok(await list(as("city-south"), { countyId: SOUTH, page: 1, pageSize: 10 })).total).toBe(30);
    expect(ok(await list(as("province"), { countyId: SOUTH, page: 3, pageSize: 10 })).entries).toHaveLength(10);
  });

  it("shows a linked provider only its own enterprises — in pages, totals, counts and sub-industries — and an enterprise only its row", async () => {
    const linked = world.enterprises.south[0]!;
    for (const input of [{ countyId: SOUTH }, { countyId: SOUTH, page: 1, pageSize: 100 }, { countyId: SOUTH, sort: { key: "completeness", direction: "descend" }, filter: { status: "ACTIVE" } }]) {
      const answer = ok(await list(as("provider-1"), input));
      expect(answer.entries.map((entry) => entry.id), JSON.stringify(input)).toEqual([linked.pilotEnterpriseId]);
      expect(answer.total).toBe(1);
      expect(answer.counts.total).toBe(1);
      expect(answer.subIndustriesInUse).toEqual([world.counties.south.subIndustry]);
    }
    expect(ok(await list(as("provider-1"), { countyId: SOUTH, page: 2, pageSize: 10 }))).toMatchObject({ entries: [], total: 1 });
    expect(ok(await list(as("provider-1"), { countyId: SOUTH, filter: { subIndustries: [SUB_INDUSTRIES[1]!] } }))).toMatchObject({ entries: [], total: 0 });

    const own = ok(await list(as("ent-south-1"), { page: 1, pageSize: 100 }));
    expect(own.entries.map((entry) => entry.id)).toEqual([linked.pilotEnterpriseId]);
    expect(own).toMatchObject({ total: 1, counts: { total: 1 } });
    // Naming its county changes nothing for the enterprise; naming another is refused.
    expect(ok(await list(as("ent-south-1"), { countyId: SOUTH, page: 1 })).total).toBe(1);
    expect([403, 404]).toContain((await list(as("ent-south-1"), { countyId: world.counties.central.code, page: 1 })).status);
  });
});

describe("the roster export", () => {
  it("applies the list's filter the same way: the file lists exactly the entries the list pages through", async () => {
    const filter: RosterFilter = { subIndustries: [SUB_INDUSTRIES[1]!, SUB_INDUSTRIES[2]!], scale: "ABOVE" };
    const listed = await allPages(as("county-south"), { filter });
    expect(listed.length).toBeGreaterThan(0);

    const worker = await startWorkerInProcess(api);
    try {
      const requested = ok(await as("county-south").mutation<{ id: string; parameters: unknown }>("roster.requestRosterExport", filter));
      expect(requested.parameters).toMatchObject({ filter });
      const deadline = Date.now() + 30_000;
      for (;;) {
        const status = ok(await as("county-south").query<{ status: string }>("documents.getExport", { exportId: requested.id })).status;
        if (status === "SUCCEEDED") break;
        expect(status).not.toBe("FAILED");
        expect(Date.now()).toBeLessThan(deadline);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const file = await as("county-south").fetch(`/files/exports/${requested.id}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
      const codes: string[] = [];
      workbook.getWorksheet(ROSTER_SHEET_NAME)!.eachRow((row, number) => void (number > 2 && codes.push(String(row.getCell(3).value))));
      expect(codes).toEqual(listed.map((entry) => entry.enterprise.creditCode));
    } finally {
      await worker.close();
    }
  });

  it("refuses the export's filter out of bounds as the list does", async () => {
    const tooMany = await as("county-south").mutation("roster.requestRosterExport", { subIndustries: Array.from({ length: 51 }, (_, index) => `行业${index}`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error?.data.field).toBe("subIndustries");
    expect((await as("county-south").mutation("roster.requestRosterExport", { subIndustry: "高端装备—数控机床" })).status).toBe(400);
  });
});
