import { describe, expect, it } from "vitest";
import { PLAN_FIELD_LABELS } from "./plan-data-table";
import {
  diffPlanContent,
  emptyPlanContent,
  implementationPlanContentSchema,
  isPlanCommentTarget,
  planCommentTargetLabel,
  planFieldValues,
  planSubIndustriesLine,
  withDerivedPlanFields,
  type ImplementationPlanContent,
} from "./plan-content";
import { emptyPlanSubIndustry } from "./plan-data-table";
import { mayEverFire, PLAN_EVENTS } from "./plan-workflow";
import { richTextFromPlain, richTextPlainText, richTextSchema, type RichText } from "./rich-text";
import { industrialSystem1650Options } from "./industrial-system-1650";

function twoClusterPlan(): ImplementationPlanContent {
  const content = emptyPlanContent("江阴市", "无锡市工业和信息化局");
  content.dataTable.clusters = [
    { name: "高端装备", subIndustries: [{ ...emptyPlanSubIndustry("数控机床") }, { ...emptyPlanSubIndustry("工业机器人") }] },
    { name: "新材料", subIndustries: [{ ...emptyPlanSubIndustry("特种合金") }] },
  ];
  return content;
}

describe("plan content", () => {
  it("writes the cover's 细分行业 as “集群—细分行业”, one per sub-industry", () => {
    expect(planSubIndustriesLine(twoClusterPlan().dataTable)).toBe("高端装备—数控机床；高端装备—工业机器人；新材料—特种合金");
  });

  it("puts the plan's own county and its city's bureau on the cover and in the table, whatever was typed there", () => {
    const typed = twoClusterPlan();
    typed.cover = { countyName: "海安市", recommendingCity: "南通市工业和信息化局", contact: "张三" };
    typed.dataTable.countyName = "海安市";
    const derived = withDerivedPlanFields(typed, { name: "江阴市", cityName: "无锡市" });
    expect(derived.cover).toEqual({ countyName: "江阴市", recommendingCity: "无锡市工业和信息化局", contact: "张三" });
    expect(derived.dataTable.countyName).toBe("江阴市");
    expect(derived.dataTable.clusters).toBe(typed.dataTable.clusters);
    expect(typed.cover.countyName).toBe("海安市");
  });

  it("accepts a new plan and refuses unknown fields and more than two clusters", () => {
    const content = twoClusterPlan();
    expect(implementationPlanContentSchema.safeParse(content).success).toBe(true);
    expect(implementationPlanContentSchema.safeParse({ ...content, extra: 1 }).success).toBe(false);
    const three = { ...content, dataTable: { ...content.dataTable, clusters: [...content.dataTable.clusters, content.dataTable.clusters[0]!] } };
    expect(implementationPlanContentSchema.safeParse(three).success).toBe(false);
  });

  it("labels every field with the guide's words and a path comments and diffs share", () => {
    const values = planFieldValues(twoClusterPlan());
    const cloud = values.find((value) => value.path === "dataTable.clusters.1.subIndustries.0.targets.plannedCloud");
    expect(cloud).toEqual({
      path: "dataTable.clusters.1.subIndustries.0.targets.plannedCloud",
      label: `新材料—特种合金 · ${PLAN_FIELD_LABELS.plannedCloud}`,
      value: "0",
    });
    expect(new Set(values.map((value) => value.path)).size).toBe(values.length);
  });

  it("finds exactly the fields that changed between versions, including added and removed rows", () => {
    const before = twoClusterPlan();
    const after = structuredClone(before);
    after.dataTable.clusters[0]!.subIndustries[0]!.targets.plannedCloud = 12;
    after.sections.goals = richTextFromPlain("新增目标");
    after.dataTable.clusters[1]!.subIndustries = [];
    const changes = diffPlanContent(before, after);
    expect(changes.map((change) => [change.path, change.before, change.after])).toEqual([
      ["sections.goals", "", "新增目标"],
      ["dataTable.clusters.0.subIndustries.0.targets.plannedCloud", "0", "12"],
      ...planFieldValues(before)
        .filter((value) => value.path.startsWith("dataTable.clusters.1.subIndustries.0."))
        .map((value) => [value.path, value.value, null]),
    ]);
    expect(diffPlanContent(before, structuredClone(before))).toEqual([]);
  });

  it("lets comments point at the whole plan, a section, a field or the totals, and nothing else", () => {
    const content = twoClusterPlan();
    for (const target of ["general", "sections.safeguards", "cover.contact", "dataTable.totals", "dataTable.clusters.0.name"]) {
      expect(isPlanCommentTarget(content, target), target).toBe(true);
    }
    for (const target of ["sections.unknown", "dataTable.clusters.5.name", "", "__proto__"]) expect(isPlanCommentTarget(content, target), target).toBe(false);
    expect(planCommentTargetLabel(content, "sections.safeguards")).toBe("四、相关保障措施");
    expect(planCommentTargetLabel(content, "general")).toBe("总体意见");
  });
});

describe("rich text", () => {
  const doc: RichText = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "（一）基本情况" }] },
      { type: "paragraph", content: [{ type: "text", text: "加粗", marks: [{ type: "bold" }] }, { type: "hardBreak" }, { type: "text", text: "换行" }] },
      { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "第一步" }] }] }] },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "要点" }] }] }] },
    ],
  };

  it("reads as plain text with numbered and bulleted lines", () => {
    expect(richTextPlainText(doc)).toBe("（一）基本情况\n加粗\n换行\n1. 第一步\n• 要点");
  });

  it("accepts what the editor writes, dropping attributes and marks it does not use", () => {
    const fromEditor = {
      type: "doc",
      content: [{ type: "paragraph", attrs: { textAlign: "left" }, content: [{ type: "text", text: "x", marks: [{ type: "bold", attrs: {} }] }] }],
    };
    expect(richTextSchema.parse(fromEditor)).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }] }] }] });
  });

  it("refuses nodes a plan does not use (no raw HTML, no images, no links)", () => {
    for (const type of ["html", "image", "codeBlock"]) {
      expect(richTextSchema.safeParse({ type: "doc", content: [{ type, content: [] }] }).success, type).toBe(false);
    }
    expect(richTextSchema.safeParse({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link" }] }] }] }).success).toBe(false);
  });

  it("refuses a section longer than 50,000 characters", () => {
    expect(richTextSchema.safeParse(richTextFromPlain("字".repeat(50_000))).success).toBe(true);
    expect(richTextSchema.safeParse(richTextFromPlain("字".repeat(50_001))).success).toBe(false);
  });
});

describe("workflow roles", () => {
  it("knows which steps a role can ever take", () => {
    expect(PLAN_EVENTS.filter((event) => mayEverFire(event, "COUNTY_ADMIN"))).toEqual(["SUBMIT"]);
    expect(PLAN_EVENTS.filter((event) => mayEverFire(event, "CITY_OFFICER"))).toEqual(["RETURN", "RECOMMEND"]);
    expect(PLAN_EVENTS.filter((event) => mayEverFire(event, "PROVINCE_ADMIN"))).toEqual(["RETURN", "APPROVE"]);
    for (const role of ["REVIEWER", "ENTERPRISE_USER", "PROVIDER_USER"] as const) {
      expect(PLAN_EVENTS.filter((event) => mayEverFire(event, role))).toEqual([]);
    }
  });
});

describe("“1650” options", () => {
  it("offers the 16 clusters and the named chains under their cluster", () => {
    const options = industrialSystem1650Options();
    expect(options.filter((option) => option.endsWith("集群"))).toHaveLength(16);
    expect(options).toContain("工程机械集群—起重机产业链");
    expect(new Set(options).size).toBe(options.length);
  });
});

describe("who sees a plan", () => {
  it("keeps a draft the county's own until it is first submitted", async () => {
    const { isPlanVisibleTo, planStatesVisibleTo, PLAN_STATES } = await import("./plan-workflow");
    expect(isPlanVisibleTo("DRAFT", "county")).toBe(true);
    for (const kind of ["province", "city", "reviewer", "enterprise", "provider"] as const) {
      expect(isPlanVisibleTo("DRAFT", kind)).toBe(false);
      expect(planStatesVisibleTo(kind)).toEqual(PLAN_STATES.filter((state) => state !== "DRAFT"));
    }
    expect(isPlanVisibleTo("RETURNED_BY_CITY", "city")).toBe(true);
  });
});
