import {
  emptyEnterpriseFile,
  FILE_EDIT_REFUSAL_LABELS,
  fileCompleteness,
  type EnterpriseFile,
  type FileEditRefusal,
  type FileSectionKey,
  type NeedsSection,
} from "@dtpilot/domain";
import { AppProviders } from "@dtpilot/app-root";
import { i18n } from "@dtpilot/ui";
import { stubTRPCClient } from "@dtpilot/data-access/testing";
import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { EnterpriseFileEditor } from "./EnterpriseFileEditor";
import { fileBackupKey } from "./section-autosave";
import type { FileView } from "./file-types";

const PILOT_ID = "00000000-0000-4000-8000-000000000010";
const PROVIDER_ID = "00000000-0000-4000-8000-000000000020";
const SAVED_NEED = "00000000-0000-4000-8000-000000000031";
const THEIR_NEED = "00000000-0000-4000-8000-000000000032";

beforeAll(async () => {
  await i18n.changeLanguage("zh-CN");
});

type SectionSetup = { revision: number; refusal?: FileEditRefusal };

/** The parts of `enterpriseFile.getEnterpriseFile`'s answer the editor reads: entry, file, each section's revision and editability. */
function fileView(file: EnterpriseFile, setup: Partial<Record<FileSectionKey, SectionSetup>>): FileView {
  const section = (key: FileSectionKey) => {
    const { revision = 0, refusal } = setup[key] ?? {};
    return {
      revision,
      updatedAt: revision > 0 ? new Date("2026-03-02T02:30:00Z") : null,
      updatedBy: revision > 0 ? "江阴精工" : null,
      editable: refusal === undefined,
      reason: refusal ?? null,
      reasonText: refusal ? FILE_EDIT_REFUSAL_LABELS[refusal] : null,
      errors: [],
    };
  };
  return {
    entry: {
      id: PILOT_ID,
      countyId: "320281",
      subIndustry: "智能装备—数控机床",
      enterprise: { id: "e1", name: "江阴精工机械有限公司", creditCode: "91320281MA1X2Y3Z4B" },
      providers: [{ id: PROVIDER_ID, name: "无锡智造科技有限公司" }],
    },
    file,
    sections: { basic: section("basic"), needs: section("needs"), results: section("results"), evaluation: section("evaluation") },
    completeness: fileCompleteness(file),
  } as unknown as FileView;
}

function baseFile(): EnterpriseFile {
  const file = emptyEnterpriseFile();
  file.basic = { ...file.basic, enterpriseName: "江阴精工机械有限公司", creditCode: "91320281MA1X2Y3Z4B", cityAndCounty: "无锡市江阴市" };
  return file;
}

type Handlers = Record<string, (input: unknown) => unknown>;
type Call = { path: string; input: unknown };

/** A tRPC client answering from `handlers` by procedure path, as the API would. */
function renderEditor(handlers: Handlers, queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })) {
  const { client, calls: recorded } = stubTRPCClient(handlers);
  render(
    <AppProviders queryClient={queryClient} trpcClient={client}>
      <EnterpriseFileEditor pilotEnterpriseId={PILOT_ID} writer="ENTERPRISE" />
    </AppProviders>,
  );
  return recorded;
}

const saves = (calls: Call[]) =>
  calls.filter((call) => call.path === "enterpriseFile.saveEnterpriseFileSection").map((call) => call.input as { baseRevision: number; section: string; content: unknown });

describe("the enterprise file editor", { timeout: 30_000 }, () => {
  it("says who may edit each section now, and why a closed one is closed", async () => {
    const view = fileView(baseFile(), {
      results: { revision: 0, refusal: "BEFORE_TRANSFORMATION" },
      evaluation: { revision: 0, refusal: "NOT_A_WRITER" },
    });
    renderEditor({ "enterpriseFile.getEnterpriseFile": () => view });

    const evaluation = await screen.findByTestId("file-section-status-evaluation");
    expect(evaluation.getAttribute("data-editable")).toBe("false");
    expect(evaluation.textContent).toContain(FILE_EDIT_REFUSAL_LABELS.NOT_A_WRITER);
    expect(screen.getByTestId("file-section-status-results").textContent).toContain("改造项目开始后方可填写第三项、第四项");
    expect(screen.queryByTestId("file-save-evaluation")).toBeNull();
    expect(screen.queryByTestId("file-add-results.transformationItems")).toBeNull();

    const basic = screen.getByTestId("file-section-status-basic");
    expect(basic.getAttribute("data-editable")).toBe("true");
    expect(basic.textContent).toBe("可编辑");
    expect(within(screen.getByTestId("file-section-basic")).getByText("一、基本情况")).toBeTruthy();
    expect(screen.getByTestId("file-title").textContent).toBe("江阴市数字化转型试点企业改造信息表");
    // The roster's fields are shown, never typed.
    expect(screen.getByTestId("file-field-basic.enterpriseName").getAttribute("data-readonly")).toBe("true");
    expect(screen.getByTestId("file-completeness").getAttribute("data-percentage")).toBe(String(fileCompleteness(baseFile()).percentage));
  });

  it("lays out 三 with the cloud detail, the period and each indicator's trend", async () => {
    const file = baseFile();
    file.results.cloud = { usage: "PRIVATE", detail: null };
    file.results.period = { start: "2026-03-01", end: "2026-02-01" };
    file.results.indicators.EQUIPMENT_DATA = [
      { id: SAVED_NEED, kpi: "EQUIPMENT_NETWORKING_RATE", unit: null, before: "35", after: "80" },
      { id: THEIR_NEED, kpi: "自研指标", unit: "次", before: "5", after: "3" },
    ];
    file.results.providerEvaluations = [
      { id: "00000000-0000-4000-8000-000000000041", providerId: PROVIDER_ID, providerName: "无锡智造科技有限公司", product: "设备物联平台", rating: 7, comment: null },
    ];
    renderEditor({ "enterpriseFile.getEnterpriseFile": () => fileView(file, { results: { revision: 2 } }) });

    expect(await screen.findByTestId("file-field-results.cloud.detail")).toBeTruthy();
    const start = screen.getByTestId("file-field-results.period.start");
    expect((start.tagName === "INPUT" ? start : start.querySelector("input"))?.getAttribute("value")).toBe("2026-03-01");
    expect(screen.getByTestId("file-error-results.period.end").textContent).toBe("结束时间不能早于开始时间");
    expect(screen.getByTestId("file-indicator-trend-EQUIPMENT_DATA-0").textContent).toContain("上升（改善）");
    expect(screen.getByTestId("file-indicator-trend-EQUIPMENT_DATA-1").getAttribute("data-improved")).toBe("null");
    expect((screen.getByTestId("file-field-results.indicators.EQUIPMENT_DATA.1.kpiName") as HTMLInputElement).value).toBe("自研指标");
    expect(screen.getByTestId("file-error-results.providerEvaluations.0.rating").textContent).toBe("评价须为 1–5 的整数");
    expect(screen.getByTestId("file-section-writers-results").textContent).toBe("填写方：企业、服务商、县（市、区）");
  });

  it("counts 企业基本情况 in characters and marks more than 500 as an error while typing", async () => {
    renderEditor({ "enterpriseFile.getEnterpriseFile": () => fileView(baseFile(), {}) });
    const profile = await screen.findByTestId("file-field-basic.profile");
    fireEvent.change(profile, { target: { value: "𠀀".repeat(501) } });
    expect(screen.getByTestId("file-profile-count").textContent).toBe("501/500");
    expect(screen.getByTestId("file-error-basic.profile").textContent).toBe("不能超过 500 字（当前 501 字）");
    expect(screen.getByTestId("file-save-status-basic").getAttribute("data-status")).toBe("dirty");
    // What was typed is kept in the browser until it is saved.
    expect(localStorage.getItem(fileBackupKey(null, PILOT_ID, "basic"))).toContain("𠀀");
  });

  it("marks every page of the roster stale once a section is saved: the roster shows the completeness stored with it", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const rosterPage = [["roster", "listRoster"], { input: { page: 2, pageSize: 20 }, type: "query" }];
    queryClient.setQueryData(rosterPage, { entries: [] });
    renderEditor(
      {
        "enterpriseFile.getEnterpriseFile": () => fileView(baseFile(), {}),
        "enterpriseFile.saveEnterpriseFileSection": (input) => ({ ok: true, revision: 1, updatedAt: new Date(), content: (input as { content: unknown }).content, errors: [] }),
      },
      queryClient,
    );
    fireEvent.change(await screen.findByTestId("file-field-basic.profile"), { target: { value: "精密零部件" } });
    expect(queryClient.getQueryState(rosterPage)?.isInvalidated).toBe(false);
    fireEvent.click(screen.getByTestId("file-save-basic"));
    await waitFor(() => expect(screen.getByTestId("file-save-status-basic").getAttribute("data-status")).toBe("saved"));
    expect(queryClient.getQueryState(rosterPage)?.isInvalidated).toBe(true);
  });

  it("merges a provider's save that touched other items and saves both writers' needs", async () => {
    const file = baseFile();
    file.needs.EQUIPMENT_DATA = [{ id: SAVED_NEED, text: "设备数据无法自动采集", author: "ENTERPRISE", providerId: null }];
    const theirs: NeedsSection = {
      ...file.needs,
      INTERCONNECTION: [{ id: THEIR_NEED, text: "ERP与MES未打通", author: "PROVIDER", providerId: PROVIDER_ID }],
    };
    let attempt = 0;
    const calls = renderEditor({
      "enterpriseFile.getEnterpriseFile": () => fileView(file, { needs: { revision: 1 } }),
      "enterpriseFile.saveEnterpriseFileSection": (input) => {
        attempt += 1;
        const { content } = input as { content: NeedsSection };
        return attempt === 1
          ? { ok: false, conflict: { revision: 2, content: theirs, updatedAt: new Date("2026-03-03T01:00:00Z"), updatedBy: "无锡智造科技有限公司" } }
          : { ok: true, revision: 3, updatedAt: new Date(), content, errors: [] };
      },
    });

    fireEvent.click(await screen.findByTestId("file-need-add-EQUIPMENT_DATA"));
    fireEvent.change(screen.getByTestId("file-need-EQUIPMENT_DATA-1"), { target: { value: "关键设备加装传感器" } });
    fireEvent.click(screen.getByTestId("file-save-needs"));

    const merged = await screen.findByTestId("file-merged-needs");
    expect(merged.textContent).toMatch(/^无锡智造科技有限公司 已于 .+ 保存了此项，已合并双方的修改$/);
    await waitFor(() => expect(screen.getByTestId("file-save-status-needs").getAttribute("data-status")).toBe("saved"));

    const [first, second] = saves(calls);
    expect(first?.baseRevision).toBe(1);
    expect(second?.baseRevision).toBe(2);
    const content = second?.content as NeedsSection;
    expect(content.INTERCONNECTION.map((item) => item.text)).toEqual(["ERP与MES未打通"]);
    expect(content.EQUIPMENT_DATA.map((item) => item.text)).toEqual(["设备数据无法自动采集", "关键设备加装传感器"]);
    expect(content.EQUIPMENT_DATA[1]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(screen.queryByTestId("file-merge-needs")).toBeNull();
    expect(localStorage.getItem(fileBackupKey(null, PILOT_ID, "needs"))).toBeNull();
  });

  it("shows a provider others' needs and the enterprise's evaluations read-only, with their author", async () => {
    const file = baseFile();
    file.needs.EQUIPMENT_DATA = [
      { id: SAVED_NEED, text: "设备数据无法自动采集", author: "ENTERPRISE", providerId: null, editedBy: "COUNTY" },
      { id: THEIR_NEED, text: "数据采集网关部署", author: "PROVIDER", providerId: PROVIDER_ID },
    ];
    file.results.providerEvaluations = [
      { id: THEIR_NEED, providerId: PROVIDER_ID, providerName: "无锡智造科技有限公司", product: "设备联网平台", rating: 3, comment: null },
    ];
    const view = { ...fileView(file, { needs: { revision: 1 }, results: { revision: 1 } }), editor: { writer: "PROVIDER", providerId: PROVIDER_ID } };
    renderEditor({ "enterpriseFile.getEnterpriseFile": () => view });

    const theirs = await screen.findByTestId("file-need-EQUIPMENT_DATA-0");
    expect(theirs.tagName).not.toBe("TEXTAREA");
    expect(screen.queryByTestId("file-need-remove-EQUIPMENT_DATA-0")).toBeNull();
    expect(screen.getByTestId("file-need-item-EQUIPMENT_DATA-0").textContent).toContain("企业");
    expect(screen.getByTestId("file-need-edited-by").textContent).toBe("县（市、区）已修改");
    // Its own need stays editable.
    expect(screen.getByTestId("file-need-EQUIPMENT_DATA-1").tagName).toBe("TEXTAREA");
    expect(screen.getByTestId("file-need-remove-EQUIPMENT_DATA-1")).toBeTruthy();

    expect(screen.getByTestId("file-provider-evaluations-enterprise-only").textContent).toBe("由试点企业填写，数字化服务商只能查看");
    expect(screen.queryByTestId("file-add-results.providerEvaluations")).toBeNull();
    expect(screen.queryByTestId("file-remove-results.providerEvaluations.0")).toBeNull();
    // The rest of 三 stays the provider's to write.
    expect(screen.getByTestId("file-add-results.transformationItems")).toBeTruthy();
  });

  it("shows the merge view when both changed the same field, and saves the writer's choice", async () => {
    const file = baseFile();
    file.basic.profile = "主营数控机床零部件";
    const theirs = { ...file.basic, profile: "主营数控机床零部件，年产值1.2亿元" };
    let attempt = 0;
    const calls = renderEditor({
      "enterpriseFile.getEnterpriseFile": () => fileView(file, { basic: { revision: 4 } }),
      "enterpriseFile.saveEnterpriseFileSection": (input) => {
        attempt += 1;
        const { content } = input as { content: EnterpriseFile["basic"] };
        return attempt === 1
          ? { ok: false, conflict: { revision: 5, content: theirs, updatedAt: new Date("2026-03-03T01:00:00Z"), updatedBy: "江阴市工信局" } }
          : { ok: true, revision: 6, updatedAt: new Date(), content, errors: [] };
      },
    });

    fireEvent.change(await screen.findByTestId("file-field-basic.profile"), { target: { value: "主营数控机床零部件及整机装配" } });
    fireEvent.change(screen.getByTestId("file-field-basic.contactPerson"), { target: { value: "王五" } });
    fireEvent.click(screen.getByTestId("file-save-basic"));

    const mergeView = await screen.findByTestId("file-merge-basic");
    expect(mergeView.textContent).toContain("江阴市工信局 已于");
    const conflict = within(mergeView).getByTestId("file-merge-conflict-basic-0");
    expect(conflict.getAttribute("data-path")).toBe("profile");
    expect(conflict.textContent).toContain("企业基本情况");
    expect(within(conflict).getByTestId("file-merge-mine-basic-0").textContent).toBe("主营数控机床零部件及整机装配");
    expect(within(conflict).getByTestId("file-merge-theirs-basic-0").textContent).toBe("主营数控机床零部件，年产值1.2亿元");
    expect(screen.getByTestId("file-save-status-basic").getAttribute("data-status")).toBe("conflict");
    expect(saves(calls)).toHaveLength(1);

    fireEvent.click(within(conflict).getByLabelText("保留我的"));
    fireEvent.click(within(mergeView).getByTestId("file-merge-apply-basic"));
    await waitFor(() => expect(saves(calls)).toHaveLength(2));
    const second = saves(calls)[1]!;
    expect(second.baseRevision).toBe(5);
    expect(second.content).toMatchObject({ profile: "主营数控机床零部件及整机装配", contactPerson: "王五" });
    await waitFor(() => expect(screen.queryByTestId("file-merge-basic")).toBeNull());
  });
});
