/**
 * Malformed payloads to every procedure get a 400-class error with a localised message naming the field, never a
 * 500. The procedure list comes from the router, so a new procedure is covered without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPlanContent } from "@dtpilot/domain";
import { appRouter } from "../router";
import { startApi, type ApiClient, type RunningApi } from "../testing/api-harness";
import { buildWorld, type PilotWorld, type WorldAccount } from "../testing/world";

type ProcedureType = "query" | "mutation";
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>).map(
  ([path, procedure]) => ({ path, type: procedure._def.type }),
);

/** For procedures with fields: one input with a wrongly typed field, and the field the error must name. */
const WRONG_FIELD: Record<string, { input: unknown; field: string; label: string }> = {
  "auth.login": { input: { username: 123, password: "x" }, field: "username", label: "用户名" },
  "auth.changePassword": { input: { currentPassword: "Demo@2025", newPassword: ["x"] }, field: "newPassword", label: "新密码" },
  "geography.getCounty": { input: { countyId: "not-a-county" }, field: "countyId", label: "县（市、区）" },
  "enterprise.getEnterprise": { input: { enterpriseId: "42" }, field: "enterpriseId", label: "企业" },
  "enterprise.listEnterprises": { input: { countyId: 320281 }, field: "countyId", label: "县（市、区）" },
  "provider.getProvider": { input: { providerId: "nope" }, field: "providerId", label: "数字化服务商" },
  "documents.getExport": { input: { exportId: "42" }, field: "exportId", label: "导出文件" },
  "plan.requestPlanDocument": { input: { planId: "42", format: "XLSX" }, field: "planId", label: "实施方案" },
  "enterpriseFile.requestEnterpriseFileDocument": { input: { pilotEnterpriseId: "42" }, field: "pilotEnterpriseId", label: "试点企业" },
  "roster.requestRosterExport": { input: { specialised: "是" }, field: "specialised", label: "是否为专精特新中小企业" },
  "roster.listRoster": { input: { countyId: 320281 }, field: "countyId", label: "县（市、区）" },
  "roster.addPilotEnterprise": {
    input: { entry: { name: "企业", creditCode: "91350100M000100Y43", subIndustry: "x", scale: "ABOVE", specialised: "是", lastYearRevenue: "1" } },
    field: "entry.specialised",
    label: "是否为专精特新中小企业",
  },
  "roster.linkProvider": { input: { pilotEnterpriseId: "00000000-0000-4000-8000-000000000000", providerId: "x" }, field: "providerId", label: "数字化服务商" },
  "roster.setTransformationStart": {
    input: { pilotEnterpriseId: "00000000-0000-4000-8000-000000000000", startedOn: "2025-13-40" },
    field: "startedOn",
    label: "改造项目开始日期",
  },
  "enterpriseFile.getEnterpriseFile": { input: { pilotEnterpriseId: 7 }, field: "pilotEnterpriseId", label: "试点企业" },
  "enterpriseFile.saveEnterpriseFileSection": {
    input: { pilotEnterpriseId: "00000000-0000-4000-8000-000000000000", section: "basic", baseRevision: -1, content: {} },
    field: "baseRevision",
    label: "保存基准",
  },
  "provider.listProviders": { input: { countyId: true }, field: "countyId", label: "县（市、区）" },
  "roster.listRosterChanges": { input: { countyId: [] }, field: "countyId", label: "县（市、区）" },
  "documents.listExports": { input: { status: "DONE" }, field: "status", label: "导出状态" },
  "roster.requestRosterChange": { input: { kind: "SWAP", reason: "x" }, field: "kind", label: "调整类型" },
  "roster.decideRosterChange": { input: { requestId: "00000000-0000-4000-8000-000000000000", decision: "MAYBE" }, field: "decision", label: "审核意见" },
  "roster.createEnterpriseAccount": { input: { pilotEnterpriseId: "nope" }, field: "pilotEnterpriseId", label: "试点企业" },
  "roster.importRoster": { input: { file: 42 }, field: "file", label: "导入文件" },
  "plan.getPlan": { input: { planId: "00000000-0000-4000-8000-000000000000", versionNumber: "2" }, field: "versionNumber", label: "版本" },
  "plan.listPlans": { input: { states: ["LOST"] }, field: "states.0", label: "状态" },
  "plan.savePlan": { input: { planId: "00000000-0000-4000-8000-000000000000", baseRevision: 1, content: "全文" }, field: "content", label: "实施方案内容" },
  "plan.submitPlan": { input: { planId: "00000000-0000-4000-8000-000000000000", revision: -1 }, field: "revision", label: "保存基准" },
  "plan.reviewPlan": {
    input: { planId: "00000000-0000-4000-8000-000000000000", versionNumber: 1, decision: "APPROVE", comments: [{ target: "general", body: 5 }] },
    field: "comments.0.body",
    label: "意见内容",
  },
  "plan.diffPlanVersions": { input: { planId: "00000000-0000-4000-8000-000000000000", fromVersion: 0, toVersion: 1 }, field: "fromVersion", label: "对比版本" },
  "audit.listAuditRecords": { input: { pageSize: "20" }, field: "pageSize", label: "每页条数" },
};

let api: RunningApi;
let world: PilotWorld;
const user = (account: WorldAccount) => world.users[account].username;
let browser: ApiClient;

beforeAll(async () => {
  world = await buildWorld();
  api = await startApi();
  browser = await api.client().login(user("province"));
});
afterAll(() => api.close());

function send(type: ProcedureType, path: string, input: unknown) {
  return type === "query" ? browser.query(path, input) : browser.mutation(path, input);
}

function expectClientError(result: { status: number; error?: { message: string } }) {
  expect(result.status).toBeGreaterThanOrEqual(400);
  expect(result.status).toBeLessThan(500);
  expect(result.error?.message).toBeTruthy();
  expect(JSON.stringify(result.error)).not.toMatch(/\bat .+\.ts:\d+|stack/i);
}

describe.each(PROCEDURES)("$path with malformed input", ({ path, type }) => {
  it("refuses unknown fields and names them", async () => {
    const result = await send(type, path, { bogusField: 1 });
    expectClientError(result);
    expect(result.error?.message).toContain("bogusField");
  });

  it("refuses a payload of the wrong shape", async () => {
    expectClientError(await send(type, path, "just a string"));
    expectClientError(await send(type, path, [1, 2, 3]));
  });

  it("refuses a body or query that is not JSON", async () => {
    const result =
      type === "query" ? await browser.raw("GET", `/trpc/${path}?input=%7Bnot-json`) : await browser.raw("POST", `/trpc/${path}`, "{not-json");
    expectClientError(result);
  });

  it("refuses a broken superjson envelope", async () => {
    const envelope = JSON.stringify({ json: { a: 1 }, meta: { values: { a: ["nonsense-type"] } } });
    const result =
      type === "query"
        ? await browser.raw("GET", `/trpc/${path}?input=${encodeURIComponent(envelope)}`)
        : await browser.raw("POST", `/trpc/${path}`, envelope);
    expectClientError(result);
  });
});

const typeOf = (path: string) => PROCEDURES.find((procedure) => procedure.path === path)!.type;

describe.each(Object.entries(WRONG_FIELD))("%s with a wrongly typed field", (path, wrongField) => {
  it("names the field in Chinese, and in English when asked", async () => {
    const result = await send(typeOf(path), path, wrongField.input);
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe(wrongField.field);
    expect(result.error?.message).toContain(wrongField.label);
    const english = await api.client({ locale: "en" }).login(user("province"));
    const en = typeOf(path) === "query" ? await english.query(path, wrongField.input) : await english.mutation(path, wrongField.input);
    expect(en.error?.data.field).toBe(wrongField.field);
    expect(en.error?.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

it("has a wrongly-typed-field example for every procedure that takes fields", () => {
  const withoutFields = new Set([
    "auth.logout",
    "auth.me",
    "geography.listBatches",
    "geography.listCounties",
    "plan.getCurrentPlan",
    "plan.createPlan",
  ]);
  expect(PROCEDURES.map((p) => p.path).filter((path) => !withoutFields.has(path) && !WRONG_FIELD[path])).toEqual([]);
});

describe("hostile text and deep trees", () => {
  const planId = "00000000-0000-4000-8000-000000000000";
  const lists = (levels: number) => {
    let block: unknown = { type: "paragraph", content: [{ type: "text", text: "最里层" }] };
    for (let level = 0; level < levels; level++) block = { type: "bulletList", content: [{ type: "listItem", content: [block] }] };
    return { type: "doc", content: [block] };
  };
  const planContent = (goals: unknown, countyName = "江阴市") => {
    const content = emptyPlanContent(countyName, "无锡市工业和信息化局");
    return { ...content, sections: { ...content.sections, goals } };
  };

  it("refuses U+0000 in a field with a 400 naming it (it reached PostgreSQL and answered 500)", async () => {
    const result = await api.client().mutation("auth.login", { username: "province\u0000", password: "Demo@2025" });
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe("username");
    expect(result.error?.message).toBe("用户名：含有无法保存的控制字符或非法字符（如 U+0000、U+FFFE），请删除后重试");
    const english = await api.client({ locale: "en" }).mutation("auth.login", { username: "province\u0000", password: "Demo@2025" });
    expect(english.error?.message).toMatch(/^Username: contains a control or invalid character/);
  });

  it("refuses characters XML cannot hold anywhere in the input, by their path, in batched calls too", async () => {
    const result = await browser.mutation("plan.savePlan", { planId, baseRevision: 1, content: planContent(lists(1), "江阴\uFFFE市") });
    expect(result.status).toBe(400);
    expect(result.error?.data.field).toBe("content.cover.countyName");
    const batched = await browser.raw(
      "GET",
      `/trpc/geography.getCounty,geography.getCounty?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { countyId: "320281" } }, 1: { json: { countyId: "3202\u000B81" } } }))}`,
    );
    expect(batched.status).toBe(207);
  });

  it("refuses a rich text tree nested past the bound as a 400 naming the section, never a stack overflow", async () => {
    const ninth = await browser.mutation("plan.savePlan", { planId, baseRevision: 1, content: planContent(lists(9)) });
    expect(ninth.status).toBe(400);
    expect(ninth.error?.data.field).toBe("content.sections.goals");
    expect(ninth.error?.message).toBe("二、试点工作目标：列表嵌套过深，最多 8 层");
    // 5,000 levels (300 KB): sent as raw JSON, as a hostile client would; the client library itself recurses.
    const body = `{"json":{"planId":"${planId}","baseRevision":1,"content":{"cover":{},"sections":{"goals":${JSON.stringify(lists(0)).replace(
      '"content":[',
      `"content":[${'{"type":"bulletList","content":[{"type":"listItem","content":['.repeat(5000)}`,
    )}${"]}]}".repeat(5000)}}}}}`;
    const deep = await browser.raw("POST", "/trpc/plan.savePlan", body);
    expect(deep.status).toBe(400);
    expect(deep.error?.data.field).toMatch(/^content\.sections\.goals\.content\.0\.content\.0\./);
    expect(deep.error?.message).toMatch(/嵌套层级过深，最多 64 层$/);
  });
});

describe("dates outside what the platform can mean", () => {
  it("refuses year 0 and the far future for a transformation start with a 400 naming the field (year 0 answered 500)", async () => {
    const county = await api.client().login(user("county-south"));
    const pilotEnterpriseId = world.enterprises.south[0]!.pilotEnterpriseId;
    for (const startedOn of ["0000-01-01", "0000-12-31", "9999-12-31"]) {
      const result = await county.mutation("roster.setTransformationStart", { pilotEnterpriseId, startedOn });
      expect(result.status, startedOn).toBe(400);
      expect(result.error?.data.field).toBe("startedOn");
      expect(result.error?.message).toContain("日期应在 2000 年至 2099 年之间");
    }
  });

  it("refuses an audit filter beyond what PostgreSQL stores with a 400 (it answered 500)", async () => {
    for (const from of [new Date("0000-01-01T00:00:00Z"), new Date("+275760-09-13T00:00:00Z"), new Date("-000001-01-01T00:00:00Z")]) {
      const result = await browser.query("audit.listAuditRecords", { from });
      expect(result.status, from.toISOString()).toBe(400);
      expect(result.error?.data.field).toBe("from");
    }
    expect((await browser.query("audit.listAuditRecords", { from: new Date("2026-01-01T00:00:00Z") })).status).toBe(200);
  });
});

it("counts a list's bound in items, not characters", async () => {
  const result = await browser.query("plan.listPlans", { states: Array.from({ length: 20 }, () => "DRAFT") });
  expect(result.status).toBe(400);
  expect(result.error?.data.field).toBe("states");
  expect(result.error?.message).toMatch(/不能超过 \d+ 项/);
  expect(result.error?.message).not.toContain("个字符");
});
