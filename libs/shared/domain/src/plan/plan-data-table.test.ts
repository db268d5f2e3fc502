import { describe, expect, it } from "vitest";
import {
  charCount,
  emptyPlanSubIndustry,
  PLAN_FIELD_LABELS,
  PLAN_TARGET_FIELDS,
  planDataTableSchema,
  subIndustryDisplayName,
} from "./plan-data-table";

const table = (clusterCount: number, subIndustriesPerCluster = 1) => ({
  countyName: "江阴市",
  clusters: Array.from({ length: clusterCount }, (_, i) => ({
    name: `集群${i}`,
    subIndustries: Array.from({ length: subIndustriesPerCluster }, () => emptyPlanSubIndustry("汽车零部件及配件制造")),
  })),
  chainTransformationMode: "",
  distinctivePractices: "",
});

describe("plan data table", () => {
  it("writes a sub-industry as “集群—细分行业” with an em dash", () => {
    expect(subIndustryDisplayName({ name: " 汽车制造业 " }, { name: "汽车零部件及配件制造" })).toBe(
      "汽车制造业—汽车零部件及配件制造",
    );
  });

  it("accepts one or two clusters, each with at least one sub-industry", () => {
    expect(planDataTableSchema.safeParse(table(1)).success).toBe(true);
    expect(planDataTableSchema.safeParse(table(2, 3)).success).toBe(true);
    expect(planDataTableSchema.safeParse(table(0)).success).toBe(false);
    expect(planDataTableSchema.safeParse(table(3)).success).toBe(false);
    expect(planDataTableSchema.safeParse(table(1, 0)).success).toBe(false);
  });

  it("accepts a draft with negative or fractional counts, leaving them to validation", () => {
    const draft = table(1);
    draft.clusters[0]!.subIndustries[0]!.targets.plannedCloud = -1.5;
    expect(planDataTableSchema.safeParse(draft).success).toBe(true);
  });

  it("refuses counts that are not finite numbers", () => {
    const draft = table(1);
    draft.clusters[0]!.subIndustries[0]!.targets.plannedCloud = Number.NaN;
    expect(planDataTableSchema.safeParse(draft).success).toBe(false);
  });

  it("labels every target field and the computed total with the guide's wording", () => {
    for (const field of PLAN_TARGET_FIELDS) expect(PLAN_FIELD_LABELS[field]).toMatch(/\S/);
    expect(PLAN_FIELD_LABELS.plannedTotal).toBe("合计（家）（数值B）");
    expect(PLAN_FIELD_LABELS.specialisedSmeTotal).toBe("试点行业专精特新中小企业数量（家）（数值A）");
    expect(PLAN_FIELD_LABELS.industrialChain1650).toBe("所属“1650”产业体系集群及产业链名称");
  });

  it("counts characters as code points, so a CJK character or an emoji is one", () => {
    expect(charCount("链式转型")).toBe(4);
    expect(charCount("😀a中")).toBe(3);
    expect("😀".length).toBe(2);
  });
});
