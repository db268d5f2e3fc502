import {
  emptyPlanContent,
  PLAN_FIELD_LABELS,
  PLAN_RATIO_FORMULAS,
  planTableLabelSequence,
  type ImplementationPlanContent,
  type RichText,
} from "@dtpilot/domain";
import { render, screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "@dtpilot/ui";
import { PlanReadOnly, RichTextView, type PlanComment, type PlanView } from "./index";

beforeAll(async () => {
  await i18n.changeLanguage("zh-CN");
});

const CLOUD_PATH = "dataTable.clusters.0.subIndustries.0.targets.plannedCloud";

function planContent(): ImplementationPlanContent {
  const content = emptyPlanContent("江阴市", "无锡市工业和信息化局");
  const cluster = content.dataTable.clusters[0]!;
  const row = cluster.subIndustries[0]!;
  cluster.name = "智能装备";
  row.name = "数控机床";
  row.base.specialisedSmeTotal = 8; // A
  row.targets.plannedSpecialised = 3; // C: C/A = 37.5%
  row.targets.plannedCloud = 5; // D over B = 0: no share
  content.cover.contact = "张三 0510-12345678";
  return content;
}

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

/** The parts of a plan view the read-only screen reads; the rest of the API's answer does not matter here. */
function planView(content: ImplementationPlanContent, comments: PlanComment[]): PlanView {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    state: "RETURNED_BY_CITY",
    currentVersion: 2,
    version: { number: 2, revision: 1, content, current: true, updatedAt: new Date(), submittedAt: null, updatedBy: { displayName: "江阴" } },
    versions: [],
    events: [],
    comments,
  } as unknown as PlanView;
}

describe("the rich-text view", () => {
  const doc: RichText = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "总体目标" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "加粗", marks: [{ type: "bold" }] },
          { type: "text", text: "斜体下划线", marks: [{ type: "italic" }, { type: "underline" }] },
          { type: "hardBreak" },
          { type: "text", text: "<b>x</b>" },
        ],
      },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "要点一" }] }] }] },
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "步骤三" }] }] }],
      },
    ],
  };

  it("renders headings, marks and lists as elements", () => {
    const { container } = render(<RichTextView doc={doc} />);
    expect(container.querySelector("h4")?.textContent).toBe("总体目标");
    expect(container.querySelector("strong")?.textContent).toBe("加粗");
    expect(container.querySelector("em > u")?.textContent).toBe("斜体下划线");
    expect(container.querySelector("p br")).not.toBeNull();
    expect(container.querySelector("ul > li")?.textContent).toBe("要点一");
    expect(container.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(container.querySelector("ol > li")?.textContent).toBe("步骤三");
  });

  it("shows markup typed as text literally instead of rendering it", () => {
    const { container } = render(<RichTextView doc={doc} />);
    expect(screen.getByText("<b>x</b>", { exact: false })).toBeTruthy();
    expect(container.querySelectorAll("b")).toHaveLength(0);
  });
});

describe("the read-only plan", () => {
  it("shows the guide's labels, the computed shares and the comment beside its field", () => {
    render(<PlanReadOnly plan={planView(planContent(), [comment(CLOUD_PATH, "上云用云数量偏低，请核实")])} />);

    expect(screen.getByText("一、试点工作基础")).toBeTruthy();
    expect(screen.getByText("细分行业")).toBeTruthy();
    expect(screen.getByText("张三 0510-12345678")).toBeTruthy();
    expect(screen.getByText(PLAN_FIELD_LABELS.plannedCloud)).toBeTruthy();
    expect(screen.getAllByText("智能装备—数控机床").length).toBeGreaterThan(0);
    expect(screen.getByText(PLAN_RATIO_FORMULAS.specialised)).toBeTruthy();

    const grid = screen.getByTestId("plan-data-table-grid");
    // C/A = 3/8, in the sub-industry's column and in 合计.
    expect(within(grid).getAllByText("37.5%")).toHaveLength(2);
    // D/B with B = 0: a dash, never NaN.
    expect(within(grid).getAllByText("—").length).toBeGreaterThan(0);
    expect(grid.textContent).not.toMatch(/NaN|Infinity/);

    const field = screen.getByTestId(`plan-field-${CLOUD_PATH}`);
    expect(within(field).getByText("5")).toBeTruthy();
    expect(within(field).getByText("上云用云数量偏低，请核实")).toBeTruthy();
    expect(within(field).getByText(/无锡市审核员（设区市工信主管部门）· 第1版/)).toBeTruthy();
  });

  it("lists the data table's labels in the domain's layout order, a merged heading once", () => {
    const { container } = render(<PlanReadOnly plan={planView(planContent(), [])} />);
    const table = screen.getByTestId("plan-data-table");
    const labels = [...table.querySelectorAll("[data-plan-label]")].map((element) => element.textContent);
    expect(labels).toEqual(planTableLabelSequence());
    expect(container.querySelectorAll("[data-plan-label]")).toHaveLength(labels.length);
  });

  it("puts what the reviewer screen adds beside each field and section", () => {
    const targets: string[] = [];
    render(
      <PlanReadOnly
        plan={planView(planContent(), [])}
        commentSlot={(target) => {
          targets.push(target);
          return <button>{`意见 ${target}`}</button>;
        }}
      />,
    );
    expect(screen.getByRole("button", { name: "意见 sections.goals" })).toBeTruthy();
    expect(screen.getByRole("button", { name: `意见 ${CLOUD_PATH}` })).toBeTruthy();
    expect(screen.getByRole("button", { name: "意见 cover.contact" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "意见 dataTable.totals" })).toBeTruthy();
    expect(targets).toContain("dataTable.chainTransformationMode");
  });
});
