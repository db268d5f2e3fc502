import { describe, expect, it } from "vitest";
import type { PlanDataTable, PlanSubIndustry } from "./plan-data-table";
import { emptyPlanSubIndustry } from "./plan-data-table";
import { computePlan, computeSubIndustry, formatRatio, planRatio, planTotals, sumDecimals } from "./plan-ratios";

function row(base: Partial<PlanSubIndustry["base"]>, targets: Partial<PlanSubIndustry["targets"]>): PlanSubIndustry {
  const empty = emptyPlanSubIndustry("细分行业");
  return { ...empty, base: { ...empty.base, ...base }, targets: { ...empty.targets, ...targets } };
}

describe("formatRatio", () => {
  it("shows a percentage with one decimal", () => {
    expect(formatRatio(planRatio(1, 4))).toBe("25.0%");
    expect(formatRatio(planRatio(1, 3))).toBe("33.3%");
    expect(formatRatio(planRatio(2, 3))).toBe("66.7%");
    expect(formatRatio(planRatio(3, 3))).toBe("100.0%");
    expect(formatRatio(planRatio(0, 7))).toBe("0.0%");
  });

  it("rounds exact halves up", () => {
    expect(formatRatio(planRatio(1, 8))).toBe("12.5%");
    expect(formatRatio(planRatio(1, 16))).toBe("6.3%"); // 6.25%
    expect(formatRatio(planRatio(1, 2000))).toBe("0.1%"); // 0.05%
    expect(formatRatio(planRatio(1, 2001))).toBe("0.0%");
    expect(formatRatio(planRatio(123, 1000))).toBe("12.3%");
  });

  it("shows “—” when the denominator is 0, never NaN or Infinity", () => {
    expect(formatRatio(planRatio(0, 0))).toBe("—");
    expect(formatRatio(planRatio(5, 0))).toBe("—");
    expect(planRatio(5, 0).value).toBeNull();
    expect(formatRatio(planRatio(Number.NaN, 3))).toBe("—");
    expect(formatRatio({ numerator: 1, denominator: 0, value: Number.POSITIVE_INFINITY })).toBe("—");
  });
});

describe("computeSubIndustry", () => {
  it("computes B as 规上 plus 规下 and the shares C/A, D/B, E/B, F/B and 规范级 of 规上总数", () => {
    const computed = computeSubIndustry(
      row(
        { smeTotal: 500, aboveScaleSmeTotal: 200, specialisedSmeTotal: 40 },
        {
          plannedAboveScale: 60,
          plannedBelowScale: 40,
          plannedSpecialised: 10,
          plannedCloud: 80,
          plannedInitialLevel: 90,
          plannedBenchmarks: 3,
          plannedAboveScaleStandardLevel: 30,
        },
      ),
    );
    expect(computed.plannedTotal).toBe(100);
    expect(formatRatio(computed.specialisedShare)).toBe("25.0%");
    expect(formatRatio(computed.cloudShare)).toBe("80.0%");
    expect(formatRatio(computed.initialLevelShare)).toBe("90.0%");
    expect(formatRatio(computed.benchmarkShare)).toBe("3.0%");
    expect(formatRatio(computed.aboveScaleStandardLevelShare)).toBe("15.0%");
  });

  it("shows every ratio as “—” on an empty row", () => {
    const computed = computeSubIndustry(emptyPlanSubIndustry());
    expect(computed.plannedTotal).toBe(0);
    for (const ratio of [
      computed.specialisedShare,
      computed.cloudShare,
      computed.initialLevelShare,
      computed.benchmarkShare,
      computed.aboveScaleStandardLevelShare,
    ]) {
      expect(formatRatio(ratio)).toBe("—");
    }
  });
});

describe("computePlan", () => {
  const table: Pick<PlanDataTable, "clusters"> = {
    clusters: [
      {
        name: "集群一",
        subIndustries: [
          row(
            { industrialOutputValue: "12.5", smeTotal: 100, aboveScaleSmeTotal: 50, specialisedSmeTotal: 10 },
            { plannedAboveScale: 20, plannedBelowScale: 10, plannedSpecialised: 5, plannedCloud: 30 },
          ),
          row({ industrialOutputValue: "0.0001", specialisedSmeTotal: 0 }, { plannedBelowScale: 5 }),
        ],
      },
      {
        name: "集群二",
        subIndustries: [
          row(
            { industrialOutputValue: "7.4999", smeTotal: 80, aboveScaleSmeTotal: 30, specialisedSmeTotal: 5 },
            { plannedAboveScale: 15, plannedBelowScale: 20, plannedSpecialised: 1, plannedCloud: 0 },
          ),
        ],
      },
    ],
  };

  it("computes per sub-industry, and ratios of the totals from the summed counts", () => {
    const plan = computePlan(table);
    expect(plan.subIndustries.map((s) => [s.clusterIndex, s.subIndustryIndex, s.computed.plannedTotal])).toEqual([
      [0, 0, 30],
      [0, 1, 5],
      [1, 0, 35],
    ]);
    expect(formatRatio(plan.subIndustries[1]!.computed.specialisedShare)).toBe("—");
    expect(plan.totals.plannedAboveScale).toBe(35);
    expect(plan.totals.plannedBelowScale).toBe(35);
    expect(plan.totalComputed.plannedTotal).toBe(70);
    expect(formatRatio(plan.totalComputed.specialisedShare)).toBe("40.0%"); // 6 / 15
    expect(formatRatio(plan.totalComputed.cloudShare)).toBe("42.9%"); // 30 / 70
  });

  it("sums 工业总产值 exactly as decimals", () => {
    expect(planTotals(table).industrialOutputValue).toBe("20");
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["1.5", "abc"])).toBeNull();
  });
});
