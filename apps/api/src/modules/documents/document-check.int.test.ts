/**
 * Every generated document is checked before it is stored, against the real PostgreSQL, Redis and worker: text
 * stored before the character rule (written here by the owner, past the API) is stripped when the document is
 * written, and a file that does not open fails the export with its reason instead of being stored as SUCCEEDED.
 */
import JSZip from "jszip";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { documentProblem } from "./document-check";
import { DOCUMENT_HANDLERS } from "./document-registry";
import type { ExportView } from "./export-view";
import { startApi, type ApiClient, type RunningApi } from "../../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../../testing/world";
import { brokenDocx, documentsWith } from "../../testing/test-documents";
import { startWorkerInProcess } from "../../testing/worker-harness";

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let owner: pg.Client;
let county: ApiClient;
let enterpriseId: string;
let enterpriseName: string;
let pilotEnterpriseId: string;

beforeAll(async () => {
  world = await buildWorld();
  api = await startApi();
  owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  ({ pilotEnterpriseId, id: enterpriseId, name: enterpriseName } = world.enterprises.central[0]!);
  county = await api.client().login(user("county-central"));
});
afterAll(async () => {
  await owner.query(`update "Enterprise" set name = $2 where id = $1`, [enterpriseId, enterpriseName]);
  await owner.end();
  await api.close();
});

async function exportWhenDone(exportId: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const result = await county.query<ExportView>("documents.getExport", { exportId });
    if (result.data?.status === "SUCCEEDED" || result.data?.status === "FAILED") return result.data;
    if (Date.now() > deadline) throw new Error(`export ${exportId} still ${result.data?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("documents checked before they are stored", () => {
  it("writes a DOCX that opens from a stored name holding U+FFFE and U+0001, the characters stripped", async () => {
    await owner.query(`update "Enterprise" set name = $2 where id = $1`, [enterpriseId, `${enterpriseName}\uFFFE\u0001（旧数据）`]);
    const worker = await startWorkerInProcess(api);
    try {
      const requested = await county.mutation<ExportView>("enterpriseFile.requestEnterpriseFileDocument", { pilotEnterpriseId });
      expect(requested.status, JSON.stringify(requested.error)).toBe(200);
      expect(await exportWhenDone(requested.data!.id)).toMatchObject({ status: "SUCCEEDED", error: null });
      const file = await county.fetch(`/files/exports/${requested.data!.id}`);
      expect(file.status).toBe(200);
      expect(await documentProblem(file.body, "DOCX")).toBeNull();
      const xml = await (await JSZip.loadAsync(file.body)).file("word/document.xml")!.async("string");
      expect(xml).toContain(`${enterpriseName}（旧数据）`);
    } finally {
      await worker.close();
      await owner.query(`update "Enterprise" set name = $2 where id = $1`, [enterpriseId, enterpriseName]);
    }
  });

  it("fails the export at once with a localised reason when the built file does not open, and stores nothing", async () => {
    // A builder that writes broken XML: a character XML cannot hold inside the main part.
    const worker = await startWorkerInProcess(api, { documents: documentsWith({ ENTERPRISE_FILE_DOCX: brokenDocx(DOCUMENT_HANDLERS.ENTERPRISE_FILE_DOCX) }) });
    try {
      const requested = await county.mutation<ExportView>("enterpriseFile.requestEnterpriseFileDocument", { pilotEnterpriseId });
      const failed = await exportWhenDone(requested.data!.id);
      expect(failed).toMatchObject({
        status: "FAILED",
        attempts: 1,
        sizeBytes: null,
        error: "生成的文件校验未通过（无法打开），未予保存，请重新发起导出或联系管理员",
      });
      const english = await api.client({ locale: "en" }).login(user("county-central"));
      expect((await english.query<ExportView>("documents.getExport", { exportId: requested.data!.id })).data!.error).toMatch(/^The generated file failed its check/);
      expect((await county.fetch(`/files/exports/${requested.data!.id}`)).status).toBe(409);
      const { rows } = await owner.query(`select content is null as empty from "ExportFile" where id = $1`, [requested.data!.id]);
      expect(rows[0].empty).toBe(true);
    } finally {
      await worker.close();
    }
  });
});
