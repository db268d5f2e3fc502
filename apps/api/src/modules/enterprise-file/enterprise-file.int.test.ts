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

type SaveAnswer =
  | { ok: true; revision: number; content: unknown; errors: unknown[] }
  | { ok: false; conflict: { revision: number; content: NeedsSection; updatedBy: string | null } };

let api: RunningApi;
let owner: pg.Client;
let pilotId: string;
let providerId3: string;
const clients: Record<string, ApiClient> = {};
const as = (username: string) => clients[username]!;

async function reset() {
  await owner.query(`delete from "EnterpriseFileSection" where "pilotEnterpriseId" = $1`, [pilotId]);
  await owner.query(`update "PilotEnterprise" set "transformationStartedOn" = null where id = $1`, [pilotId]);
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  pilotId = (
    await owner.query(
      `select p.id from "PilotEnterprise" p join "Membership" m on m."enterpriseId" = p."enterpriseId" join "User" u on u.id = m."userId" where u.username = 'ent-jiangyin-1'`,
    )
  ).rows[0].id;
  providerId3 = (await owner.query(`select m."providerId" as id from "Membership" m join "User" u on u.id = m."userId" where u.username = 'provider-3'`)).rows[0].id;
  await reset();
  api = await startApi();
  for (const username of ["province", "reviewer", "city-wuxi", "city-nantong", "county-jiangyin", "county-haian", "ent-jiangyin-1", "ent-haian-1", "provider-1", "provider-3"]) {
    clients[username] = await api.client().login(username);
  }
});
afterAll(async () => {
  await api.close();
  await reset();
  await owner.end();
});

const getFile = (client: ApiClient) => client.query<FileView>("enterpriseFile.getEnterpriseFile", { pilotId });
const save = (client: ApiClient, section: string, baseRevision: number, content: unknown) =>
  client.mutation<SaveAnswer>("enterpriseFile.saveEnterpriseFileSection", { pilotId, section, baseRevision, content });
const need = (text: string) => ({ id: randomUUID(), text, author: "ENTERPRISE" as const, providerId: null });

describe("the enterprise file", () => {
  it("tells the enterprise which sections it may fill now, and why not the others", async () => {
    const file = ok(await getFile(as("ent-jiangyin-1")));
    expect(file.file.basic).toMatchObject({ enterpriseName: "江阴澄江精密机械有限公司", cityAndCounty: "无锡市江阴市" });
    expect(file.sections.basic).toMatchObject({ editable: true, revision: 0 });
    expect(file.sections.needs.editable).toBe(true);
    expect(file.sections.results).toMatchObject({ editable: false, reason: "BEFORE_TRANSFORMATION" });
    expect(file.sections.evaluation).toMatchObject({ editable: false, reason: "NOT_A_WRITER" });
    expect(file.sections.results.reasonText).toContain("改造项目开始后");
  });

  it("saves section 一 from the enterprise, keeping the roster's own values whatever is sent", async () => {
    const basic = { ...emptyEnterpriseFile().basic, enterpriseName: "冒名企业", registeredAddress: "江阴市澄江街道1号", profile: "精密零部件。", nature: "PRIVATE" };
    const saved = ok(await save(as("ent-jiangyin-1"), "basic", 0, basic));
    expect(saved).toMatchObject({ ok: true, revision: 1 });
    const file = ok(await getFile(as("county-jiangyin")));
    expect(file.file.basic).toMatchObject({ enterpriseName: "江阴澄江精密机械有限公司", registeredAddress: "江阴市澄江街道1号", nature: "PRIVATE" });
    expect(file.sections.basic.updatedBy).toBe("江阴澄江精密机械");
  });

  it("refuses every writer outside the file: another county's enterprise, an unlinked provider, cities, the province", async () => {
    for (const username of ["ent-haian-1", "provider-3", "county-haian", "city-nantong"]) {
      expect([403, 404], username).toContain((await getFile(as(username))).status);
      expect([403, 404], username).toContain((await save(as(username), "needs", 0, emptyEnterpriseFile().needs)).status);
    }
    for (const username of ["city-wuxi", "province", "reviewer"]) {
      expect(ok(await getFile(as(username))).sections.needs.editable, username).toBe(false);
      expect((await save(as(username), "needs", 0, emptyEnterpriseFile().needs)).status, username).toBe(403);
    }
    // The linked provider may not write section 一, nor the enterprise section 四.
    expect((await save(as("provider-1"), "basic", 1, emptyEnterpriseFile().basic)).status).toBe(403);
    expect((await save(as("ent-jiangyin-1"), "evaluation", 0, emptyEnterpriseFile().evaluation)).status).toBe(403);
  });

  it("lets the enterprise and its provider write needs at the same time without losing either's", async () => {
    const enterpriseBase = ok(await getFile(as("ent-jiangyin-1")));
    const providerBase = ok(await getFile(as("provider-1")));
    expect(providerBase.sections.needs).toMatchObject({ editable: true, revision: 0 });

    const fromProvider = { ...providerBase.file.needs, EQUIPMENT_DATA: [need("数控机床联网与数据采集")] };
    expect(ok(await save(as("provider-1"), "needs", 0, fromProvider))).toMatchObject({ ok: true, revision: 1 });

    // The enterprise started from revision 0 too: its save is refused with the provider's version, nothing lost.
    const mine = { ...enterpriseBase.file.needs, DATA_GOVERNANCE: [need("建立主数据管理")] };
    const refused = ok(await save(as("ent-jiangyin-1"), "needs", 0, mine));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.conflict.revision).toBe(1);
    expect(refused.conflict.content.EQUIPMENT_DATA[0]).toMatchObject({ text: "数控机床联网与数据采集", author: "PROVIDER" });
    expect(refused.conflict.updatedBy).toBe("江苏智云");

    const { merged, conflicts } = mergeSectionEdits(enterpriseBase.file.needs, mine, refused.conflict.content);
    expect(conflicts).toEqual([]);
    expect(ok(await save(as("ent-jiangyin-1"), "needs", refused.conflict.revision, merged))).toMatchObject({ ok: true, revision: 2 });
    const both = ok(await getFile(as("county-jiangyin"))).file.needs;
    expect(both.EQUIPMENT_DATA.map((item) => [item.text, item.author])).toEqual([["数控机床联网与数据采集", "PROVIDER"]]);
    expect(both.DATA_GOVERNANCE.map((item) => [item.text, item.author])).toEqual([["建立主数据管理", "ENTERPRISE"]]);
  });

  it("opens sections 三 and 四 once the county records the project's start; 四 stays the county's", async () => {
    expect((await save(as("county-jiangyin"), "evaluation", 0, emptyEnterpriseFile().evaluation)).status).toBe(403);
    for (const username of ["ent-jiangyin-1", "provider-1", "city-wuxi", "county-haian"]) {
      expect([403, 404], username).toContain((await as(username).mutation("roster.setTransformationStart", { pilotId, startedOn: "2025-11-01" })).status);
    }
    ok(await as("county-jiangyin").mutation("roster.setTransformationStart", { pilotId, startedOn: "2025-11-01" }));
    const evaluation = { ...emptyEnterpriseFile().evaluation, evaluationConducted: false };
    expect(ok(await save(as("county-jiangyin"), "evaluation", 0, evaluation))).toMatchObject({ ok: true, revision: 1 });
    expect(ok(await getFile(as("provider-1"))).sections.results.editable).toBe(true);
    expect((await save(as("ent-jiangyin-1"), "evaluation", 1, evaluation)).status).toBe(403);
  });

  it("links a provider only to enterprises of counties it serves, and only by the county", async () => {
    const refused = await as("county-jiangyin").mutation("roster.linkProvider", { pilotId, providerId: providerId3 });
    expect(refused.status).toBe(400);
    expect(refused.error?.data.field).toBe("providerId");
    for (const username of ["city-wuxi", "province", "ent-jiangyin-1", "provider-1"]) {
      expect([403, 404], username).toContain((await as(username).mutation("roster.linkProvider", { pilotId, providerId: providerId3 })).status);
    }
  });
});
