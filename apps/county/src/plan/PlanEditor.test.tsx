import { emptyPlanContent, planTableLabelSequence, type ImplementationPlanContent } from "@dtpilot/domain";
import { TRPCProvider, type AppTRPCClient } from "@dtpilot/data-access";
import { i18n, registerMessages } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { countyEn } from "../locales/en";
import { countyZhCN } from "../locales/zh-CN";
import { planBackupKey } from "./plan-autosave";
import { PlanEditor } from "./PlanEditor";
import type { PlanComment, PlanView } from "./plan-types";

const PLAN_ID = "00000000-0000-4000-8000-000000000001";
const ROW = "dataTable.clusters.0.subIndustries.0";

beforeAll(async () => {
  registerMessages("county", { "zh-CN": countyZhCN, en: countyEn });
  await i18n.changeLanguage("zh-CN");
});

function comment(target: string, body: string): PlanComment {
  return {
    id: `c-${target}`,
    target,
    body,
    versionNumber: 1,
    createdAt: new Date("2026-03-02T02:30:00Z"),
    author: { displayName: "无锡市审核员" },
    event: "RETURN",
    actorRole: "CITY_OFFICER",
  } as PlanComment;
}

function planView(content: ImplementationPlanContent, comments: PlanComment[] = []): PlanView {
  return {
    id: PLAN_ID,
    countyId: "320281",
    state: comments.length ? "RETURNED_BY_CITY" : "DRAFT",
    currentVersion: 2,
    county: { code: "320281", name: "江阴市", city: { code: "3202", name: "无锡市", region: "SOUTH" } },
    batch: { id: "b1", name: "2026年度", startsOn: new Date("2026-01-01T00:00:00Z"), endsOn: new Date("2026-12-31T00:00:00Z") },
    version: { number: 2, revision: 1, content, current: true, updatedAt: new Date("2026-03-02T03:00:00Z"), submittedAt: null },
    versions: [{ number: 1 }, { number: 2 }],
    events: [],
    comments,
    rosterMinimum: 100,
    editable: true,
    allowedEvents: ["SUBMIT"],
  } as unknown as PlanView;
}

function renderEditor(plan: PlanView) {
  const savePlan = vi.fn(async (input: { baseRevision: number }) => ({ revision: input.baseRevision + 1, updatedAt: new Date() }));
  const client = { plan: { savePlan: { mutate: savePlan }, submitPlan: { mutate: vi.fn() } } } as unknown as AppTRPCClient;
  render(
    <TRPCProvider trpcClient={client} queryClient={new QueryClient()}>
      <PlanEditor plan={plan} header={(extra) => <div>{extra}</div>} extraTabs={[]} onSubmitted={() => undefined} onReload={() => undefined} />
    </TRPCProvider>,
  );
  return { savePlan };
}

const field = (path: string) => screen.getByTestId(`plan-field-${path}`) as HTMLInputElement;

// jsdom lays out Ant Design slowly: a form this size takes seconds to render there (milliseconds in a browser).
describe("the plan editor", { timeout: 30_000 }, () => {
  it("lays the data table out in the domain's layout: its labels in order, a merged heading once", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    const labels = [...document.querySelectorAll("[data-plan-label]")].map((element) => element.textContent);
    expect(labels).toEqual(planTableLabelSequence());
  });

  it("labels every data-table input with the guide's words and computes B and the shares as the county types", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    expect(field(`${ROW}.targets.plannedCloud`).getAttribute("aria-label")).toBe("拟上云用云中小企业数量（家）（数值D）");
    expect(field(`${ROW}.industrialChain1650`).getAttribute("aria-label")).toBe("所属“1650”产业体系集群及产业链名称");
    expect(screen.getByLabelText("五、其他材料")).toBeTruthy();

    fireEvent.change(field(`${ROW}.base.smeTotal`), { target: { value: "300" } });
    fireEvent.change(field(`${ROW}.base.aboveScaleSmeTotal`), { target: { value: "100" } });
    fireEvent.change(field(`${ROW}.targets.plannedAboveScale`), { target: { value: "60" } });
    fireEvent.change(field(`${ROW}.targets.plannedBelowScale`), { target: { value: "20" } });
    fireEvent.change(field(`${ROW}.targets.plannedCloud`), { target: { value: "10" } });
    expect(screen.getByTestId("plan-computed-0-0-plannedTotal").textContent).toBe("80");
    expect(screen.getByTestId("plan-computed-0-0-cloudShare").textContent).toBe("12.5%");
    expect(screen.getByTestId("plan-computed-0-0-specialisedShare").textContent).toBe("—");
    expect(screen.getByTestId("plan-regional-minimum").textContent).toContain("苏南地区原则上不少于 100 家");
  });

  it("shows the cover's county and recommending bureau as the platform knows them, not as fields to type", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    for (const [path, value] of [
      ["cover.countyName", "江阴市"],
      ["cover.recommendingCity", "无锡市工业和信息化局"],
    ]) {
      expect(field(path!).tagName, path).not.toBe("INPUT");
      expect(field(path!).textContent, path).toBe(value);
    }
    expect(screen.queryByLabelText("申报县（市、区）（盖章）")).toBeNull();
    expect(field("cover.contact").tagName).toBe("INPUT");
  });

  it("shows a bad value's error under its field and blocks submitting", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    fireEvent.change(field(`${ROW}.base.smeTotal`), { target: { value: "-3" } });
    expect(screen.getByTestId(`plan-error-${ROW}.base.smeTotal`).textContent).toBe("须为非负整数");
    fireEvent.change(field(`${ROW}.targets.plannedAboveScale`), { target: { value: "5" } });
    expect(screen.getByTestId(`plan-error-${ROW}.targets.plannedAboveScale`).textContent).toBe(
      "不能超过“试点行业规上工业中小企业总数（家）”（0）",
    );
    expect((screen.getByTestId("plan-submit") as HTMLButtonElement).disabled).toBe(true);
  });

  it("counts the 200-character texts in characters and goes past the limit without cutting", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    const path = "dataTable.chainTransformationMode";
    fireEvent.change(field(path), { target: { value: "链".repeat(201) } });
    expect(screen.getByTestId(`plan-count-${path}`).textContent).toBe("201/200");
    expect(field(path).value).toHaveLength(201);
    expect(screen.getByTestId(`plan-error-${path}`).textContent).toBe("不能超过 200 字（当前 201 字）");
  });

  it("shows a reviewer's comment beside its field and in the summary", () => {
    renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局"), [comment(`${ROW}.targets.plannedCloud`, "上云目标偏低")]));
    const cell = field(`${ROW}.targets.plannedCloud`).closest(`[data-plan-path="${ROW}.targets.plannedCloud"]`) as HTMLElement;
    expect(within(cell).getByTestId("plan-comment").textContent).toContain("上云目标偏低");
    expect(screen.getByTestId("plan-comments-summary").textContent).toContain("上云目标偏低");
  });

  it("autosaves a second after the last change and backs the change up in the browser first", async () => {
    const { savePlan } = renderEditor(planView(emptyPlanContent("江阴市", "无锡市工业和信息化局")));
    fireEvent.change(field("cover.contact"), { target: { value: "张三 0510-12345678" } });
    expect(localStorage.getItem(planBackupKey(null, PLAN_ID, 2))).toContain("张三");
    expect(screen.getByTestId("plan-save-status").getAttribute("data-status")).toBe("dirty");
    await waitFor(() => expect(savePlan).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(savePlan.mock.calls[0]?.[0]).toMatchObject({ planId: PLAN_ID, baseRevision: 1 });
    await waitFor(() => expect(screen.getByTestId("plan-save-status").getAttribute("data-status")).toBe("saved"));
    expect(localStorage.getItem(planBackupKey(null, PLAN_ID, 2))).toBeNull();
  });

  it("restores unsaved edits left in the browser on the revision the server still has", () => {
    const server = emptyPlanContent("江阴市", "无锡市工业和信息化局");
    const typed = { ...server, cover: { ...server.cover, contact: "李四" } };
    localStorage.setItem(planBackupKey(null, PLAN_ID, 2), JSON.stringify({ content: typed, baseRevision: 1, savedAt: new Date().toISOString() }));
    renderEditor(planView(server));
    expect(field("cover.contact").value).toBe("李四");
    expect(screen.getByTestId("plan-backup-notice").getAttribute("data-kind")).toBe("restored");
  });
});
