import { describe, expect, it } from "vitest";
import { emptyPlanSubIndustry, PLAN_BASE_COUNT_FIELDS, PLAN_FIELD_LABELS, PLAN_TARGET_FIELDS } from "./plan-data-table";
import {
  clusterSpan,
  PLAN_TABLE_ROWS,
  planRowLabelCells,
  planTableColumns,
  planTableLabelSequence,
} from "./plan-data-table-layout";

const L = PLAN_FIELD_LABELS;

describe("the 主要数据表 layout", () => {
  it("lists the template's labels top to bottom, a merged heading once, then section 二's indicators and the texts", () => {
    expect(planTableLabelSequence()).toEqual([
      L.countyName,
      L.clusterName,
      L.subIndustryName,
      L.industrialChain1650,
      L.baseYearData,
      L.industrialOutputValue,
      L.smeTotal,
      L.aboveScaleSmeTotal,
      L.specialisedSmeTotal,
      L.targetData,
      L.plannedEnterprises,
      L.plannedAboveScale,
      L.plannedBelowScale,
      L.plannedTotal,
      L.plannedSpecialised,
      L.ratio,
      "=数值C/数值A *100%",
      L.plannedCloud,
      L.ratio,
      "=数值D/数值B *100%",
      L.plannedInitialLevel,
      L.ratio,
      "=数值E/数值B *100%",
      L.plannedBenchmarks,
      "（如先进级、卓越级、领航级智能工厂以及国家智能制造标准应用试点项目等）",
      L.ratio,
      "=数值F/数值B *100%",
      L.plannedSolutions,
      L.plannedProviderPool,
      L.plannedReplication,
      L.plannedPromotionCentres,
      L.plannedAboveScaleStandardLevel,
      L.aboveScaleStandardLevelShare,
      L.plannedBelowScaleInitialLevel,
      L.plannedChainModes,
      L.chainTransformationMode,
      L.distinctivePractices,
    ]);
  });

  it("has a row for every typed count, in the fields' order, and derives only 数值B and the shares", () => {
    const counts = PLAN_TABLE_ROWS.flatMap((row) => (row.kind === "count" ? [`${row.part}.${row.field}`] : []));
    expect(counts).toEqual([
      ...PLAN_BASE_COUNT_FIELDS.map((field) => `base.${field}`),
      ...PLAN_TARGET_FIELDS.map((field) => `targets.${field}`),
    ]);
    const derived = PLAN_TABLE_ROWS.filter((row) => row.kind === "plannedTotal" || row.kind === "share");
    expect(derived.map((row) => (row.kind === "share" ? row.share : row.kind))).toEqual([
      "plannedTotal",
      "specialisedShare",
      "cloudShare",
      "initialLevelShare",
      "benchmarkShare",
      "aboveScaleStandardLevelShare",
    ]);
    expect(PLAN_TABLE_ROWS.filter((row) => row.goals).map((row) => row.label)).toEqual([
      L.plannedAboveScaleStandardLevel,
      L.aboveScaleStandardLevelShare,
      L.plannedBelowScaleInitialLevel,
      L.plannedChainModes,
    ]);
  });

  it("merges each block heading down its rows and 拟改造企业 down the two 拟改造 rows", () => {
    const first = (kind: string) => PLAN_TABLE_ROWS.findIndex((row) => row.kind === kind);
    expect(planRowLabelCells(first("countyName"))).toEqual([{ column: "label", across: 3, down: 1, lines: [L.countyName] }]);
    const base = first("industrialOutputValue");
    expect(planRowLabelCells(base)[0]).toEqual({ column: "block", across: 1, down: 4, lines: [L.baseYearData] });
    expect(planRowLabelCells(base + 1).map((cell) => cell.column)).toEqual(["label"]);
    const target = base + 4;
    expect(planRowLabelCells(target)).toEqual([
      { column: "block", across: 1, down: PLAN_TABLE_ROWS.length - target, lines: [L.targetData] },
      { column: "group", across: 1, down: 2, lines: [L.plannedEnterprises] },
      { column: "label", across: 1, down: 1, lines: [L.plannedAboveScale] },
    ]);
    expect(planRowLabelCells(first("plannedTotal"))).toEqual([{ column: "label", across: 2, down: 1, lines: [L.plannedTotal] }]);
    expect(planRowLabelCells(first("share"))).toEqual([
      { column: "group", across: 1, down: 1, lines: [L.ratio] },
      { column: "label", across: 1, down: 1, lines: ["=数值C/数值A *100%"] },
    ]);
  });

  it("gives one column per sub-industry under its cluster, then 合计, whose cluster name spans its sub-industries", () => {
    const table = {
      countyName: "江阴市",
      clusters: [
        { name: "集群甲", subIndustries: [emptyPlanSubIndustry("一"), emptyPlanSubIndustry("二")] },
        { name: "集群乙", subIndustries: [emptyPlanSubIndustry("三")] },
      ],
      chainTransformationMode: "",
      distinctivePractices: "",
    };
    table.clusters[0]!.subIndustries[1]!.targets.plannedAboveScale = 4;
    const columns = planTableColumns(table);
    expect(columns.map((column) => column.heading)).toEqual(["集群甲—一", "集群甲—二", "集群乙—三", "合计"]);
    expect(columns.map((column) => [column.clusterIndex, column.subIndustryIndex])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [null, null],
    ]);
    expect(columns.map((_, index) => clusterSpan(columns, index))).toEqual([2, 0, 1, 1]);
    expect(columns[3]!.counts.plannedAboveScale).toBe(4);
    expect(columns[1]!.computed.plannedTotal).toBe(4);
  });
});
