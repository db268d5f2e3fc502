/**
 * Statements in an enterprise's file are owned by their author (issue 9), through the API: a linked provider cannot
 * rate itself or a rival in 对所使用数字化服务商及评价, nor rewrite or delete the enterprise's need; it may add its own.
 * The enterprise cannot rewrite a provider's need; the county may, recorded as the county's edit. Every refusal is a
 * 403 naming the item and leaves the stored section as it was; concurrent saves never answer 500.
 */
import { emptyEnterpriseFile, type EnterpriseFile, type NeedItem, type ProviderEvaluation } from "@dtpilot/domain";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FileView } from "./enterprise-file-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { buildWorld } from "../../testing/world";

type SaveAnswer = { ok: true; revision: number; content: unknown } | { ok: false; conflict: { revision: number } };

let api: RunningApi;
let owner: pg.Client;
let pilotEnterpriseId: string;
let provider1: string;
let rival: string;
const clients: Record<string, ApiClient> = {};
const as = (username: string) => clients[username]!;

async function reset() {
  await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
  await owner.query(`update "PilotEnterprise" set "transformationStartedOn" = null where id = $1`, [pilotEnterpriseId]);
}

/** The stored row, read as the owner: what a refusal must leave untouched. */
async function stored(section: "NEEDS" | "RESULTS") {
  const { rows } = await owner.query(`select content, revision from "EnterpriseFileSection" where "pilotEnterpriseId" = $1 and section = $2`, [
    pilotEnterpriseId,
    section,
  ]);
  return rows[0] as { content: unknown; revision: number };
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  const world = await buildWorld();
  pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
  provider1 = world.providers.provider1.id;
  rival = world.providers.provider2.id;
  await reset();
  api = await startApi();
  clients["county-south"] = await api.client().login(world.users["county-south"].username);
  clients["ent-south-1"] = await api.client().login(world.users["ent-south-1"].username);
  clients["provider-1"] = await api.client().login(world.users["provider-1"].username);
  clients["provider-1-en"] = await api.client({ locale: "en" }).login(world.users["provider-1"].username);
  ok(await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-11-01" }));
});
afterAll(async () => {
  await api.close();
  await reset();
  await owner.end();
});

const getFile = (client: ApiClient) => client.query<FileView>("enterpriseFile.getEnterpriseFile", { pilotEnterpriseId });
const save = <S extends "needs" | "results">(client: ApiClient, section: S, baseRevision: number, content: EnterpriseFile[S]) =>
  client.mutation<SaveAnswer>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section, baseRevision, content });
const need = (text: string, author: NeedItem["author"] = "ENTERPRISE"): NeedItem => ({ id: randomUUID(), text, author, providerId: null });
const needs = (...items: NeedItem[]) => ({ ...emptyEnterpriseFile().needs, EQUIPMENT_DATA: items });
const results = (providerEvaluations: ProviderEvaluation[], totalCost: string | null = "80") => ({ ...emptyEnterpriseFile().results, totalCost, providerEvaluations });

const selfEvaluation: ProviderEvaluation = { id: randomUUID(), providerId: "", providerName: "江苏智云", product: "设备联网平台", rating: 3, comment: "按期交付" };
const rivalEvaluation: ProviderEvaluation = { id: randomUUID(), providerId: "", providerName: "对手服务商", product: "质量追溯系统", rating: 4, comment: null };
const enterpriseNeed = need("数控机床联网与数据采集");

describe("statements owned by their author in the enterprise file", () => {
  it("refuses the linked provider rating itself or a rival, adding or deleting an evaluation, and keeps the enterprise's", async () => {
    Object.assign(selfEvaluation, { providerId: provider1 });
    Object.assign(rivalEvaluation, { providerId: rival });
    ok(await save(as("ent-south-1"), "results", 0, results([selfEvaluation, rivalEvaluation])));
    const before = await stored("RESULTS");

    const attempts = [
      [{ ...selfEvaluation, rating: 5 }, rivalEvaluation],
      [selfEvaluation, { ...rivalEvaluation, rating: 1, comment: "差" }],
      [selfEvaluation, rivalEvaluation, { ...selfEvaluation, id: randomUUID(), rating: 5 }],
      [selfEvaluation],
    ];
    for (const evaluations of attempts) {
      const refused = await save(as("provider-1"), "results", 1, results(evaluations));
      expect(refused.status, JSON.stringify(evaluations)).toBe(403);
      expect(refused.error?.message).toContain("对所使用数字化服务商及评价由试点企业填写");
      expect(refused.error?.data.field).toMatch(/^results\.providerEvaluations\.\d$/);
    }
    const english = await save(as("provider-1-en"), "results", 1, results([{ ...selfEvaluation, rating: 5 }, rivalEvaluation]));
    expect(english.error?.message).toBe(
      "对所使用数字化服务商及评价 is the enterprise's to fill in: a provider cannot add, change or delete it (“江苏智云”)",
    );
    expect(english.error?.data.field).toBe("results.providerEvaluations.0");
    expect(await stored("RESULTS")).toEqual(before);

    // The rest of section 三 stays the provider's to write with the enterprise.
    expect(ok(await save(as("provider-1"), "results", 1, results([rivalEvaluation, selfEvaluation], "95")))).toMatchObject({ ok: true, revision: 2 });
    const after = ok(await getFile(as("ent-south-1"))).file.results;
    expect(after.totalCost).toBe("95");
    expect(after.providerEvaluations).toEqual([selfEvaluation, rivalEvaluation]);
  });

  it("refuses the provider rewriting or deleting the enterprise's need, which keeps its text and author", async () => {
    ok(await save(as("ent-south-1"), "needs", 0, needs(enterpriseNeed)));
    const before = await stored("NEEDS");

    const rewritten = await save(as("provider-1"), "needs", 1, needs({ ...enterpriseNeed, text: "改由服务商提供整体方案" }));
    expect(rewritten.status).toBe(403);
    expect(rewritten.error?.message).toBe("「数控机床联网与数据采集」（设备数采方面面临的需求（逐条列出））由他人填写，只能由填写者或试点县（市、区）修改或删除");
    expect(rewritten.error?.data.field).toBe("needs.EQUIPMENT_DATA.0.text");
    // Claiming to be its author changes nothing.
    const claimed = await save(as("provider-1"), "needs", 1, needs({ ...enterpriseNeed, text: "改写", author: "PROVIDER", providerId: provider1 }));
    expect(claimed.status).toBe(403);
    const deleted = await save(as("provider-1-en"), "needs", 1, needs());
    expect(deleted.status).toBe(403);
    expect(deleted.error?.message).toContain("only its author or the county may change or delete it");
    expect(deleted.error?.data.field).toBe("needs.EQUIPMENT_DATA.0");
    expect(await stored("NEEDS")).toEqual(before);
    expect(ok(await getFile(as("county-south"))).file.needs.EQUIPMENT_DATA).toEqual([enterpriseNeed]);
  });

  it("lets the provider add its own need beside the enterprise's, stamped with it as author", async () => {
    const own = need("设备数据采集网关部署", "ENTERPRISE");
    expect(ok(await save(as("provider-1"), "needs", 1, needs(enterpriseNeed, own)))).toMatchObject({ ok: true, revision: 2 });
    const saved = ok(await getFile(as("ent-south-1"))).file.needs.EQUIPMENT_DATA;
    expect(saved).toEqual([enterpriseNeed, { ...own, author: "PROVIDER", providerId: provider1 }]);
  });

  it("refuses the enterprise rewriting or deleting the provider's need", async () => {
    const [, providerNeed] = ok(await getFile(as("ent-south-1"))).file.needs.EQUIPMENT_DATA;
    const before = await stored("NEEDS");
    const rewritten = await save(as("ent-south-1"), "needs", 2, needs(enterpriseNeed, { ...providerNeed!, text: "企业改写" }));
    expect(rewritten.status).toBe(403);
    expect(rewritten.error?.data.field).toBe("needs.EQUIPMENT_DATA.1.text");
    expect((await save(as("ent-south-1"), "needs", 2, needs(enterpriseNeed))).status).toBe(403);
    expect(await stored("NEEDS")).toEqual(before);
  });

  it("lets the county change the provider's need and the enterprise's evaluation, recorded as the county's edit", async () => {
    const [, providerNeed] = ok(await getFile(as("county-south"))).file.needs.EQUIPMENT_DATA;
    ok(await save(as("county-south"), "needs", 2, needs(enterpriseNeed, { ...providerNeed!, text: "网关部署（县核定）" })));
    const savedNeeds = ok(await getFile(as("ent-south-1"))).file.needs.EQUIPMENT_DATA;
    expect(savedNeeds[0]).toEqual(enterpriseNeed);
    expect(savedNeeds[1]).toEqual({ ...providerNeed, text: "网关部署（县核定）", author: "PROVIDER", providerId: provider1, editedBy: "COUNTY" });

    ok(await save(as("county-south"), "results", 2, results([selfEvaluation, { ...rivalEvaluation, comment: "县核实" }], "95")));
    const evaluations = ok(await getFile(as("provider-1"))).file.results.providerEvaluations;
    expect(evaluations).toEqual([selfEvaluation, { ...rivalEvaluation, comment: "县核实", editedBy: "COUNTY" }]);
  });

  it("answers concurrent saves by provider and enterprise from one revision with one save, a 403 or a conflict, never a 500", async () => {
    type Round = (mine: NeedItem, theirs: NeedItem) => [EnterpriseFile["needs"], EnterpriseFile["needs"]];
    const rounds: Round[] = [
      // The provider's forbidden rewrite against the enterprise's own edit.
      (mine, theirs) => [needs({ ...mine, text: "企业自改" }, theirs), needs({ ...mine, text: "服务商改写" }, theirs)],
      // Both adding their own.
      (mine, theirs) => [needs(mine, theirs, need("企业新需求")), needs(mine, theirs, need("服务商新需求", "PROVIDER"))],
    ];
    for (const round of rounds) {
      const base = ok(await getFile(as("ent-south-1")));
      const [mine, theirs] = base.file.needs.EQUIPMENT_DATA;
      const [fromEnterprise, fromProvider] = round(mine!, theirs!);
      const answers = await Promise.all([
        save(as("ent-south-1"), "needs", base.sections.needs.revision, fromEnterprise),
        save(as("provider-1"), "needs", base.sections.needs.revision, fromProvider),
      ]);
      for (const answer of answers) expect([200, 403], JSON.stringify(answer.error)).toContain(answer.status);
      expect(answers.filter((answer) => answer.status === 200 && answer.data?.ok)).toHaveLength(1);
      expect((await stored("NEEDS")).revision).toBe(base.sections.needs.revision + 1);
    }
    const texts = ok(await getFile(as("county-south"))).file.needs.EQUIPMENT_DATA.map((item) => item.text);
    expect(texts).not.toContain("服务商改写");
    expect(texts[0]).toBe("企业自改");
  });
});
