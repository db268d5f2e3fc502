/**
 * The enterprise file 改造信息表 (附2) through the API: each section's writers allowed and everyone else refused
 * (another county's enterprise, a provider not linked, a city), section 三/四 closed until the project starts, and
 * concurrent writers of one section never losing each other's work.
 */
import { emptyEnterpriseFile, mergeSectionEdits, type NeedsSection } from "@dtpilot/domain";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FileView } from "./enterprise-file-view";
import { type ApiClient, ok, type RunningApi, startApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";

type SaveAnswer =
  | { ok: true; revision: number; content: unknown; errors: unknown[] }
  | { ok: false; conflict: { revision: number; content: NeedsSection; updatedBy: string | null } };

let api: RunningApi;
let owner: pg.Client;
let world: PilotWorld;
let pilotEnterpriseId: string;
let providerId3: string;
const clients: Partial<Record<WorldAccount, ApiClient>> = {};
const as = (account: WorldAccount) => clients[account]!;

async function reset() {
  await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotEnterpriseId]);
  await owner.query(`update "PilotEnterprise" set "transformationStartedOn" = null where id = $1`, [pilotEnterpriseId]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  world = await buildWorld();
  pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
  providerId3 = world.providers.provider3.id;
  await reset();
  api = await startApi();
  for (const account of ["province", "reviewer", "city-south", "city-central", "county-south", "county-central", "ent-south-1", "ent-central-1", "provider-1", "provider-3"] as const) {
    clients[account] = await api.client().login(world.users[account].username);
  }
});
afterAll(async () => {
  await api.close();
  await reset();
  await owner.end();
});

const getFile = (client: ApiClient) => client.query<FileView>("enterpriseFile.getEnterpriseFile", { pilotEnterpriseId });
const save = (client: ApiClient, section: string, baseRevision: number, content: unknown) =>
  client.mutation<SaveAnswer>("enterpriseFile.saveEnterpriseFileSection", { pilotEnterpriseId, section, baseRevision, content });
const need = (text: string) => ({ id: randomUUID(), text, author: "ENTERPRISE" as const, providerId: null });

describe("the enterprise file", () => {
  it("tells the enterprise which sections it may fill now, and why not the others", async () => {
    const file = ok(await getFile(as("ent-south-1")));
    const { name: enterpriseName } = world.enterprises.south[0]!;
    const { cityName, name: countyName } = world.counties.south;
    expect(file.file.basic).toMatchObject({ enterpriseName, cityAndCounty: `${cityName}${countyName}` });
    expect(file.sections.basic).toMatchObject({ editable: true, revision: 0 });
    expect(file.sections.needs.editable).toBe(true);
    expect(file.sections.results).toMatchObject({ editable: false, reason: "BEFORE_TRANSFORMATION" });
    expect(file.sections.evaluation).toMatchObject({ editable: false, reason: "NOT_A_WRITER" });
    expect(file.sections.results.reasonText).toContain("改造项目开始后");
  });

  it("saves section 一 from the enterprise, keeping the roster's own values whatever is sent", async () => {
    const basic = { ...emptyEnterpriseFile().basic, enterpriseName: "冒名企业", registeredAddress: "江阴市澄江街道1号", profile: "精密零部件。", nature: "PRIVATE" };
    const saved = ok(await save(as("ent-south-1"), "basic", 0, basic));
    expect(saved).toMatchObject({ ok: true, revision: 1 });
    const file = ok(await getFile(as("county-south")));
    expect(file.file.basic).toMatchObject({ enterpriseName: world.enterprises.south[0]!.name, registeredAddress: "江阴市澄江街道1号", nature: "PRIVATE" });
    expect(file.sections.basic.updatedBy).toBe(world.users["ent-south-1"].username);
  });

  it("refuses every writer outside the file: another county's enterprise, an unlinked provider, cities, the province", async () => {
    for (const account of ["ent-central-1", "provider-3", "county-central", "city-central"] as const) {
      expect([403, 404], account).toContain((await getFile(as(account))).status);
      expect([403, 404], account).toContain((await save(as(account), "needs", 0, emptyEnterpriseFile().needs)).status);
    }
    for (const account of ["city-south", "province", "reviewer"] as const) {
      expect(ok(await getFile(as(account))).sections.needs.editable, account).toBe(false);
      expect((await save(as(account), "needs", 0, emptyEnterpriseFile().needs)).status, account).toBe(403);
    }
    // The linked provider may not write section 一, nor the enterprise section 四.
    expect((await save(as("provider-1"), "basic", 1, emptyEnterpriseFile().basic)).status).toBe(403);
    expect((await save(as("ent-south-1"), "evaluation", 0, emptyEnterpriseFile().evaluation)).status).toBe(403);
  });

  it("lets the enterprise and its provider write needs at the same time without losing either's", async () => {
    const enterpriseBase = ok(await getFile(as("ent-south-1")));
    const providerBase = ok(await getFile(as("provider-1")));
    expect(providerBase.sections.needs).toMatchObject({ editable: true, revision: 0 });

    const fromProvider = { ...providerBase.file.needs, EQUIPMENT_DATA: [need("数控机床联网与数据采集")] };
    expect(ok(await save(as("provider-1"), "needs", 0, fromProvider))).toMatchObject({ ok: true, revision: 1 });

    // The enterprise started from revision 0 too: its save is refused with the provider's version, nothing lost.
    const mine = { ...enterpriseBase.file.needs, DATA_GOVERNANCE: [need("建立主数据管理")] };
    const refused = ok(await save(as("ent-south-1"), "needs", 0, mine));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.conflict.revision).toBe(1);
    expect(refused.conflict.content.EQUIPMENT_DATA[0]).toMatchObject({ text: "数控机床联网与数据采集", author: "PROVIDER" });
    expect(refused.conflict.updatedBy).toBe(world.users["provider-1"].username);

    const { merged, conflicts } = mergeSectionEdits(enterpriseBase.file.needs, mine, refused.conflict.content);
    expect(conflicts).toEqual([]);
    expect(ok(await save(as("ent-south-1"), "needs", refused.conflict.revision, merged))).toMatchObject({ ok: true, revision: 2 });
    const both = ok(await getFile(as("county-south"))).file.needs;
    expect(both.EQUIPMENT_DATA.map((item) => [item.text, item.author])).toEqual([["数控机床联网与数据采集", "PROVIDER"]]);
    expect(both.DATA_GOVERNANCE.map((item) => [item.text, item.author])).toEqual([["建立主数据管理", "ENTERPRISE"]]);
  });

  it("opens sections 三 and 四 once the county records the project's start; 四 stays the county's", async () => {
    expect((await save(as("county-south"), "evaluation", 0, emptyEnterpriseFile().evaluation)).status).toBe(403);
    for (const account of ["ent-south-1", "provider-1", "city-south", "county-central"] as const) {
      expect([403, 404], account).toContain((await as(account).mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-11-01" })).status);
    }
    ok(await as("county-south").mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn: "2025-11-01" }));
    const evaluation = { ...emptyEnterpriseFile().evaluation, evaluationConducted: false };
    expect(ok(await save(as("county-south"), "evaluation", 0, evaluation))).toMatchObject({ ok: true, revision: 1 });
    expect(ok(await getFile(as("provider-1"))).sections.results.editable).toBe(true);
    expect((await save(as("ent-south-1"), "evaluation", 1, evaluation)).status).toBe(403);
  });

  it("links a provider only to enterprises of counties it serves, and only by the county", async () => {
    const refused = await as("county-south").mutation("roster.linkProvider", { pilotEnterpriseId, providerId: providerId3 });
    expect(refused.status).toBe(400);
    expect(refused.error?.data.field).toBe("providerId");
    for (const account of ["city-south", "province", "ent-south-1", "provider-1"] as const) {
      expect([403, 404], account).toContain((await as(account).mutation("roster.linkProvider", { pilotEnterpriseId, providerId: providerId3 })).status);
    }
  });
});
