import { describe, expect, it } from "vitest";
import { REGIONS } from "../region";
import type { PlanDataTable, PlanSubIndustry } from "./plan-data-table";
import { emptyPlanSubIndustry } from "./plan-data-table";
import { submissionBlockers, validatePlanDataTable, validatePlanSubIndustry } from "./plan-validation";

/** A consistent row: every bound holds with room to spare. */
function validRow(): PlanSubIndustry {
  const empty = emptyPlanSubIndustry("汽车零部件及配件制造");
  return {
    ...empty,
    base: { industrialOutputValue: "123.4567", smeTotal: 300, aboveScaleSmeTotal: 120, specialisedSmeTotal: 30 },
    targets: {
      ...empty.targets,
      plannedAboveScale: 60,
      plannedBelowScale: 40,
      plannedSpecialised: 20,
      plannedCloud: 80,
      plannedInitialLevel: 90,
      plannedBenchmarks: 5,
      plannedSolutions: 10,
      plannedProviderPool: 15,
      plannedReplication: 200,
      plannedPromotionCentres: 1,
      plannedAboveScaleStandardLevel: 30,
      plannedBelowScaleInitialLevel: 20,
      plannedChainModes: 2,
    },
  };
}

function withRow(base: Partial<PlanSubIndustry["base"]>, targets: Partial<PlanSubIndustry["targets"]>) {
  const row = validRow();
  return { ...row, base: { ...row.base, ...base }, targets: { ...row.targets, ...targets } };
}

function table(rows: PlanSubIndustry[], texts: Partial<PlanDataTable> = {}): PlanDataTable {
  return {
    countyName: "江阴市",
    clusters: [{ name: "汽车制造业", subIndustries: rows }],
    chainTransformationMode: "",
    distinctivePractices: "",
    ...texts,
  };
}

describe("validatePlanSubIndustry", () => {
  it("finds nothing wrong with a consistent row or an empty one", () => {
    expect(validatePlanSubIndustry(validRow())).toEqual([]);
    expect(validatePlanSubIndustry(emptyPlanSubIndustry())).toEqual([]);
  });

  it("refuses negative and fractional counts on the field", () => {
    const errors = validatePlanSubIndustry(withRow({ smeTotal: -1 }, { plannedCloud: 2.5, plannedChainModes: -0.5 }));
    expect(errors.filter((e) => e.key === "plan.count.notNonNegativeInteger").map((e) => e.path)).toEqual([
      ["base", "smeTotal"],
      ["targets", "plannedCloud"],
      ["targets", "plannedChainModes"],
    ]);
  });

  it("does not stack a bound error on a count that is already invalid", () => {
    const errors = validatePlanSubIndustry(withRow({ specialisedSmeTotal: -3 }, {}));
    expect(errors).toEqual([
      { key: "plan.count.notNonNegativeInteger", path: ["base", "specialisedSmeTotal"], params: {} },
    ]);
  });

  it("accepts 工业总产值 as a decimal with up to four places and refuses anything else", () => {
    for (const value of ["0", "12", "12.3", "12.3456", " 7.5 "]) {
      expect(validatePlanSubIndustry(withRow({ industrialOutputValue: value }, {}))).toEqual([]);
    }
    for (const value of ["", "-1", "1.23456", "1e3", "abc", "1,000"]) {
      expect(validatePlanSubIndustry(withRow({ industrialOutputValue: value }, {}))).toEqual([
        { key: "plan.decimal.invalid", path: ["base", "industrialOutputValue"], params: { maxDecimals: 4 } },
      ]);
    }
  });

  // Each cross-field rule: the value at the bound passes, one above fails with the error on the reported field.
  const boundCases: {
    rule: string;
    atBound: [Partial<PlanSubIndustry["base"]>, Partial<PlanSubIndustry["targets"]>];
    aboveBound: [Partial<PlanSubIndustry["base"]>, Partial<PlanSubIndustry["targets"]>];
    path: [string, string];
    params: { field: string; limitField: string; limit: number };
  }[] = [
    {
      rule: "规上总数 ≤ 工业中小企业总数",
      atBound: [{ aboveScaleSmeTotal: 300 }, {}],
      aboveBound: [{ aboveScaleSmeTotal: 301 }, {}],
      path: ["base", "aboveScaleSmeTotal"],
      params: { field: "aboveScaleSmeTotal", limitField: "smeTotal", limit: 300 },
    },
    {
      rule: "A ≤ 工业中小企业总数",
      atBound: [{ specialisedSmeTotal: 300 }, { plannedSpecialised: 0 }],
      aboveBound: [{ specialisedSmeTotal: 301 }, { plannedSpecialised: 0 }],
      path: ["base", "specialisedSmeTotal"],
      params: { field: "specialisedSmeTotal", limitField: "smeTotal", limit: 300 },
    },
    {
      rule: "拟改造规上 ≤ 规上总数",
      atBound: [{}, { plannedAboveScale: 120 }],
      aboveBound: [{}, { plannedAboveScale: 121 }],
      path: ["targets", "plannedAboveScale"],
      params: { field: "plannedAboveScale", limitField: "aboveScaleSmeTotal", limit: 120 },
    },
    {
      rule: "B = 拟改造规上 + 拟改造规下 ≤ 工业中小企业总数, shown on 拟改造规下",
      atBound: [{}, { plannedBelowScale: 240 }],
      aboveBound: [{}, { plannedBelowScale: 241 }],
      path: ["targets", "plannedBelowScale"],
      params: { field: "plannedTotal", limitField: "smeTotal", limit: 300 },
    },
    {
      rule: "C ≤ A",
      atBound: [{}, { plannedSpecialised: 30 }],
      aboveBound: [{}, { plannedSpecialised: 31 }],
      path: ["targets", "plannedSpecialised"],
      params: { field: "plannedSpecialised", limitField: "specialisedSmeTotal", limit: 30 },
    },
    {
      rule: "C ≤ B",
      atBound: [{ specialisedSmeTotal: 200 }, { plannedSpecialised: 100 }],
      aboveBound: [{ specialisedSmeTotal: 200 }, { plannedSpecialised: 101 }],
      path: ["targets", "plannedSpecialised"],
      params: { field: "plannedSpecialised", limitField: "plannedTotal", limit: 100 },
    },
    {
      rule: "D ≤ B",
      atBound: [{}, { plannedCloud: 100 }],
      aboveBound: [{}, { plannedCloud: 101 }],
      path: ["targets", "plannedCloud"],
      params: { field: "plannedCloud", limitField: "plannedTotal", limit: 100 },
    },
    {
      rule: "E ≤ B",
      atBound: [{}, { plannedInitialLevel: 100 }],
      aboveBound: [{}, { plannedInitialLevel: 101 }],
      path: ["targets", "plannedInitialLevel"],
      params: { field: "plannedInitialLevel", limitField: "plannedTotal", limit: 100 },
    },
    {
      rule: "F ≤ B",
      atBound: [{}, { plannedBenchmarks: 100 }],
      aboveBound: [{}, { plannedBenchmarks: 101 }],
      path: ["targets", "plannedBenchmarks"],
      params: { field: "plannedBenchmarks", limitField: "plannedTotal", limit: 100 },
    },
    {
      rule: "规上达到规范级 ≤ 拟改造规上",
      atBound: [{}, { plannedAboveScaleStandardLevel: 60 }],
      aboveBound: [{}, { plannedAboveScaleStandardLevel: 61 }],
      path: ["targets", "plannedAboveScaleStandardLevel"],
      params: { field: "plannedAboveScaleStandardLevel", limitField: "plannedAboveScale", limit: 60 },
    },
    {
      rule: "规下达到初始级 ≤ 拟改造规下",
      atBound: [{}, { plannedBelowScaleInitialLevel: 40 }],
      aboveBound: [{}, { plannedBelowScaleInitialLevel: 41 }],
      path: ["targets", "plannedBelowScaleInitialLevel"],
      params: { field: "plannedBelowScaleInitialLevel", limitField: "plannedBelowScale", limit: 40 },
    },
  ];

  for (const c of boundCases) {
    it(`enforces ${c.rule}, with the error on that field`, () => {
      expect(validatePlanSubIndustry(withRow(...c.atBound))).toEqual([]);
      expect(validatePlanSubIndustry(withRow(...c.aboveBound))).toEqual([
        { key: "plan.target.exceedsBase", path: c.path, params: c.params },
      ]);
    });
  }
});

describe("validatePlanDataTable", () => {
  it("prefixes row errors with the cluster and sub-industry path", () => {
    const plan: PlanDataTable = {
      ...table([validRow()]),
      clusters: [
        { name: "集群一", subIndustries: [validRow()] },
        { name: "集群二", subIndustries: [validRow(), withRow({}, { plannedCloud: -1 })] },
      ],
    };
    expect(validatePlanDataTable(plan).map((e) => e.path)).toEqual([
      ["clusters", 1, "subIndustries", 1, "targets", "plannedCloud"],
    ]);
  });

  it("accepts 200 characters of 链式 and 特色做法 text, counting CJK characters and emoji as one each", () => {
    const cjk = "链".repeat(200);
    const mixed = "😀".repeat(100) + "特".repeat(100); // 300 UTF-16 units, 200 characters
    expect(mixed.length).toBe(300);
    expect(validatePlanDataTable(table([validRow()], { chainTransformationMode: cjk, distinctivePractices: mixed })))
      .toEqual([]);
  });

  it("refuses 201 characters on the field that is too long, naming the limit and the length", () => {
    const tooLong = "😀".repeat(101) + "特".repeat(100);
    expect(validatePlanDataTable(table([validRow()], { distinctivePractices: tooLong }))).toEqual([
      { key: "plan.text.tooLong", path: ["distinctivePractices"], params: { limit: 200, length: 201 } },
    ]);
    expect(validatePlanDataTable(table([validRow()], { chainTransformationMode: "链".repeat(201) }))).toEqual([
      { key: "plan.text.tooLong", path: ["chainTransformationMode"], params: { limit: 200, length: 201 } },
    ]);
  });
});

describe("submissionBlockers", () => {
  const expected = { SOUTH: [100, "苏南"], CENTRAL: [80, "苏中"], NORTH: [50, "苏北"] } as const;

  for (const region of REGIONS) {
    const [minimum, name] = expected[region];

    it(`blocks submission in ${name} when B totals below ${minimum}, naming the minimum and the region`, () => {
      // Two sub-industries whose B add up to one short of the minimum.
      const rows = [
        withRow({}, { plannedAboveScale: 10, plannedBelowScale: 10 }),
        withRow({}, { plannedAboveScale: 0, plannedBelowScale: minimum - 21 }),
      ];
      expect(submissionBlockers(table(rows), region)).toEqual([
        {
          key: "plan.submission.belowRegionalMinimum",
          path: ["totals", "plannedTotal"],
          params: { minimum, region: name, plannedTotal: minimum - 1 },
        },
      ]);
    });

    it(`lets a plan in ${name} with B totalling exactly ${minimum} be submitted`, () => {
      const rows = [
        withRow({}, { plannedAboveScale: 10, plannedBelowScale: 10 }),
        withRow({}, { plannedAboveScale: 0, plannedBelowScale: minimum - 20 }),
      ];
      expect(submissionBlockers(table(rows), region)).toEqual([]);
    });
  }

  it("does not turn a total below the minimum into a field error, so the plan can still be saved", () => {
    const plan = table([
      withRow(
        {},
        {
          plannedAboveScale: 1,
          plannedBelowScale: 0,
          plannedSpecialised: 1,
          plannedCloud: 1,
          plannedInitialLevel: 1,
          plannedBenchmarks: 1,
          plannedAboveScaleStandardLevel: 1,
          plannedBelowScaleInitialLevel: 0,
        },
      ),
    ]);
    expect(validatePlanDataTable(plan)).toEqual([]);
    expect(submissionBlockers(plan, "NORTH")).toHaveLength(1);
  });
});
