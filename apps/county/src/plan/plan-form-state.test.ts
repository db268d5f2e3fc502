import { emptyPlanContent, PLAN_CLUSTERS_MAX, type PlanFieldError } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import {
  addCluster,
  addSubIndustry,
  commentsByTarget,
  errorsByPath,
  formatClock,
  parseCountText,
  removeCluster,
  removeSubIndustry,
  subIndustryPath,
  withBaseCount,
  withSubIndustry,
  withTarget,
} from "./plan-form-state";

const table = emptyPlanContent("江阴市", "无锡市工业和信息化局").dataTable;

describe("parseCountText", () => {
  it("reads an emptied field as 0", () => {
    expect(parseCountText("")).toBe(0);
    expect(parseCountText("  ")).toBe(0);
  });

  it("keeps negative and fractional numbers so validation can name the error", () => {
    expect(parseCountText("12")).toBe(12);
    expect(parseCountText("-3")).toBe(-3);
    expect(parseCountText("1.5")).toBe(1.5);
    expect(parseCountText("2.")).toBe(2);
  });

  it("refuses text that is not a number", () => {
    expect(parseCountText("-")).toBeUndefined();
    expect(parseCountText("abc")).toBeUndefined();
    expect(parseCountText("1e3")).toBeUndefined();
  });
});

describe("clusters and sub-industries", () => {
  it("adds clusters up to the maximum and never removes the last one", () => {
    let next = table;
    for (let i = 0; i < PLAN_CLUSTERS_MAX + 2; i += 1) next = addCluster(next);
    expect(next.clusters).toHaveLength(PLAN_CLUSTERS_MAX);
    next = removeCluster(removeCluster(next, 0), 0);
    expect(next.clusters).toHaveLength(1);
  });

  it("adds and removes sub-industries of one cluster, keeping at least one", () => {
    const two = addSubIndustry(table, 0);
    expect(two.clusters[0]?.subIndustries).toHaveLength(2);
    expect(removeSubIndustry(removeSubIndustry(two, 0, 1), 0, 0).clusters[0]?.subIndustries).toHaveLength(1);
  });

  it("changes one count of one sub-industry without touching the original", () => {
    const next = withSubIndustry(table, 0, 0, (row) => withTarget(withBaseCount(row, "smeTotal", 40), "plannedCloud", 7));
    expect(next.clusters[0]?.subIndustries[0]?.base.smeTotal).toBe(40);
    expect(next.clusters[0]?.subIndustries[0]?.targets.plannedCloud).toBe(7);
    expect(table.clusters[0]?.subIndustries[0]?.base.smeTotal).toBe(0);
  });
});

describe("errorsByPath", () => {
  it("keys the table's errors by their dotted content path", () => {
    const errors: PlanFieldError[] = [
      { key: "plan.count.notNonNegativeInteger", path: ["clusters", 0, "subIndustries", 1, "targets", "plannedCloud"], params: {} },
      { key: "plan.text.tooLong", path: ["distinctivePractices"], params: { limit: 200, length: 201 } },
    ];
    const byPath = errorsByPath(errors);
    expect(byPath.get(subIndustryPath(0, 1, "targets", "plannedCloud"))?.[0]?.key).toBe("plan.count.notNonNegativeInteger");
    expect(byPath.get("dataTable.distinctivePractices")?.[0]?.key).toBe("plan.text.tooLong");
  });
});

describe("commentsByTarget", () => {
  it("groups comments by their field, newest first", () => {
    const byTarget = commentsByTarget([
      { id: "a", target: "sections.goals", createdAt: new Date("2026-03-01T08:00:00Z") },
      { id: "b", target: "sections.goals", createdAt: new Date("2026-03-05T08:00:00Z") },
      { id: "c", target: "cover.contact", createdAt: new Date("2026-03-02T08:00:00Z") },
    ]);
    expect(byTarget.get("sections.goals")?.map((comment) => comment.id)).toEqual(["b", "a"]);
    expect(byTarget.get("cover.contact")).toHaveLength(1);
  });
});

describe("formatClock", () => {
  it("shows the time of day in China Standard Time", () => {
    expect(formatClock(new Date("2026-03-01T06:03:09Z"))).toBe("14:03:09");
  });
});
