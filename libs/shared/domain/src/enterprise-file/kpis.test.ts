import { describe, expect, it } from "vitest";
import { FILE_TEMPLATE_NOTES } from "./file-sections";
import { OUTCOME_AREAS } from "./results-section";
import { indicatorName, indicatorTrend, indicatorUnit, isKpiKey, KPI_CATALOGUE, KPI_KEYS, kpisForArea } from "./kpis";

describe("KPI catalogue", () => {
  it("offers every indicator 注2 names, under its words", () => {
    const named = [
      "关键工序数控化率",
      "生产设备联网率",
      "产品数字化研发设计工具覆盖率",
      "数字化培训覆盖人数",
      "月度平均产品合格率",
      "库存周转率",
      "生产计划达成率",
      "准时交货率",
      "产能利用率",
    ];
    const inTemplate = KPI_KEYS.filter((key) => KPI_CATALOGUE[key].namedInTemplate).map((key) => KPI_CATALOGUE[key].label);
    expect(inTemplate).toEqual(named);
    for (const label of named) expect(FILE_TEMPLATE_NOTES[1]).toContain(label);
  });

  it("sorts 注2's indicators into its 数字化类 and 效益类", () => {
    expect(KPI_CATALOGUE.EQUIPMENT_NETWORKING_RATE.kind).toBe("DIGITAL");
    expect(KPI_CATALOGUE.DIGITAL_TRAINING_HEADCOUNT.kind).toBe("DIGITAL");
    expect(KPI_CATALOGUE.ON_TIME_DELIVERY_RATE.kind).toBe("BENEFIT");
  });

  it("gives each KPI a unit, a definition and at least one suggested row", () => {
    for (const key of KPI_KEYS) {
      const kpi = KPI_CATALOGUE[key];
      expect(kpi.unit, key).toMatch(/\S/);
      expect(kpi.definition, key).toMatch(/\S/);
      expect(kpi.areas.length, key).toBeGreaterThan(0);
    }
    expect(KPI_CATALOGUE.DIGITAL_TRAINING_HEADCOUNT.unit).toBe("人");
    expect(KPI_CATALOGUE.INVENTORY_TURNOVER.unit).toBe("次/年");
    expect(KPI_CATALOGUE.REVENUE_PER_EMPLOYEE.unit).toBe("万元");
  });

  it("suggests at least one KPI for every outcome row", () => {
    for (const area of OUTCOME_AREAS) expect(kpisForArea(area).length, area).toBeGreaterThan(0);
    expect(kpisForArea("COST_REDUCTION")).toContain("ENERGY_PER_HUNDRED_YUAN_REVENUE");
    expect(kpisForArea("EQUIPMENT_DATA")).toContain("EQUIPMENT_NETWORKING_RATE");
  });

  it("knows catalogue keys from the enterprise's own names", () => {
    expect(isKpiKey("OEE")).toBe(true);
    expect(isKpiKey("生产设备联网率")).toBe(false);
    expect(isKpiKey(null)).toBe(false);
  });
});

describe("indicators", () => {
  it("take name and unit from the catalogue, or from what the enterprise typed", () => {
    expect(indicatorName({ kpi: "EQUIPMENT_NETWORKING_RATE" })).toBe("生产设备联网率");
    expect(indicatorUnit({ kpi: "EQUIPMENT_NETWORKING_RATE", unit: "台" })).toBe("%");
    expect(indicatorName({ kpi: " 订单交付周期 " })).toBe("订单交付周期");
    expect(indicatorUnit({ kpi: "订单交付周期", unit: "天" })).toBe("天");
    expect(indicatorName({ kpi: "  " })).toBeNull();
    expect(indicatorUnit({ kpi: "订单交付周期", unit: null })).toBeNull();
  });

  it("call a change an improvement by the KPI's good direction", () => {
    expect(indicatorTrend({ kpi: "EQUIPMENT_NETWORKING_RATE", before: "35", after: "80.5" })).toEqual({
      change: "INCREASED",
      improved: true,
    });
    expect(indicatorTrend({ kpi: "COST_PER_HUNDRED_YUAN_REVENUE", before: "82", after: "78.3" })).toEqual({
      change: "DECREASED",
      improved: true,
    });
    expect(indicatorTrend({ kpi: "ENERGY_PER_HUNDRED_YUAN_REVENUE", before: "1.2", after: "1.5" })).toEqual({
      change: "INCREASED",
      improved: false,
    });
    expect(indicatorTrend({ kpi: "MONTHLY_PASS_RATE", before: "98.0", after: "98" })).toEqual({
      change: "UNCHANGED",
      improved: false,
    });
  });

  it("leave the good direction of the enterprise's own indicators open, and need both values", () => {
    expect(indicatorTrend({ kpi: "订单交付周期", before: "30", after: "20" })).toEqual({
      change: "DECREASED",
      improved: null,
    });
    expect(indicatorTrend({ kpi: "OEE", before: "60", after: null })).toBeNull();
    expect(indicatorTrend({ kpi: "OEE", before: "六十", after: "70" })).toBeNull();
  });
});
