import { describe, expect, it } from "vitest";
import type { BasicInfoSection } from "./basic-info-section";
import { emptyEnterpriseFile } from "./enterprise-file";
import type { QuantitativeIndicator } from "./results-section";
import { CREDIT_CODE, evaluation, fullBasic, fullFile, fullResults, indicator } from "./enterprise-file-test-fixtures";
import { FILE_VALIDATION_MESSAGE_KEYS, validateEnterpriseFile, validateFileSection } from "./enterprise-file-validation";

describe("validateFileSection", () => {
  it("finds nothing wrong with a complete file or an empty one", () => {
    expect(validateEnterpriseFile(fullFile())).toEqual([]);
    expect(validateEnterpriseFile(emptyEnterpriseFile())).toEqual([]);
  });

  it("counts 企业基本情况 in characters and reports more than 500", () => {
    const at = (profile: string) => validateFileSection("basic", { ...fullBasic(), profile });
    expect(at("字".repeat(500))).toEqual([]);
    // An emoji is one character even though it takes two UTF-16 units.
    expect(at("字".repeat(499) + "😀")).toEqual([]);
    expect(at("字".repeat(501))).toEqual([
      { key: "file.text.tooLong", path: ["profile"], params: { limit: 500, length: 501 } },
    ]);
  });

  it("checks the credit code's check character, forgiving case and surrounding spaces", () => {
    expect(validateFileSection("basic", { ...fullBasic(), creditCode: ` ${CREDIT_CODE.toLowerCase()} ` })).toEqual([]);
    const wrong = CREDIT_CODE.slice(0, 17) + (CREDIT_CODE.endsWith("0") ? "1" : "0");
    expect(validateFileSection("basic", { ...fullBasic(), creditCode: wrong })).toEqual([
      { key: "file.creditCode.invalid", path: ["creditCode"], params: {} },
    ]);
  });

  it("takes amounts in 万元 with up to 4 decimals, negative only for 上年度年利润", () => {
    const at = (fields: Partial<BasicInfoSection>) => validateFileSection("basic", { ...fullBasic(), ...fields });
    expect(at({ lastYearProfit: "-0.0001", lastYearRevenue: "0", digitalInvestmentTotal: "" })).toEqual([]);
    expect(at({ lastYearRevenue: "-1", lastYearRevenuePerEmployee: "1.23456", lastYearProfit: "1e3" })).toEqual([
      { key: "file.decimal.invalid", path: ["lastYearRevenue"], params: { maxDecimals: 4 } },
      { key: "file.decimal.invalidSigned", path: ["lastYearProfit"], params: { maxDecimals: 4 } },
      { key: "file.decimal.invalid", path: ["lastYearRevenuePerEmployee"], params: { maxDecimals: 4 } },
    ]);
  });

  it("reports a malformed date and a period that ends before it starts", () => {
    const at = (start: string | null, end: string | null) =>
      validateFileSection("results", { ...fullResults(), period: { start, end } });
    expect(at("2025-09-01", "2025-09-01")).toEqual([]);
    expect(at("2025-09-01", null)).toEqual([]);
    expect(at("2025-09-02", "2025-09-01")).toEqual([
      { key: "file.period.endBeforeStart", path: ["period", "end"], params: {} },
    ]);
    expect(at("2025-02-30", "九月")).toEqual([
      { key: "file.date.invalid", path: ["period", "start"], params: {} },
      { key: "file.date.invalid", path: ["period", "end"], params: {} },
    ]);
  });

  it("takes 改造总花费 as a non-negative amount", () => {
    expect(validateFileSection("results", { ...fullResults(), totalCost: "-5" })).toEqual([
      { key: "file.decimal.invalid", path: ["totalCost"], params: { maxDecimals: 4 } },
    ]);
  });

  it("checks indicator values against the catalogue KPI's bounds", () => {
    const at = (...indicators: QuantitativeIndicator[]) => {
      const results = fullResults();
      return validateFileSection("results", { ...results, indicators: { ...results.indicators, EFFICIENCY: indicators } });
    };
    expect(at(indicator(1, { before: "0", after: "100" }))).toEqual([]);
    expect(
      at(
        indicator(1, { before: "-1", after: "100.0001" }),
        indicator(2, { kpi: "DIGITAL_TRAINING_HEADCOUNT", before: "12.5", after: "40" }),
        indicator(3, { kpi: "NETWORK_SECURITY_MEASURES", before: "1", after: "5" }),
        indicator(4, { kpi: "CAPACITY_UTILISATION", before: "95", after: "110" }),
      ),
    ).toEqual([
      { key: "file.indicator.negative", path: ["indicators", "EFFICIENCY", 0, "before"], params: {} },
      { key: "file.indicator.aboveMaximum", path: ["indicators", "EFFICIENCY", 0, "after"], params: { max: 100 } },
      { key: "file.indicator.notInteger", path: ["indicators", "EFFICIENCY", 1, "before"], params: {} },
      { key: "file.indicator.aboveMaximum", path: ["indicators", "EFFICIENCY", 2, "after"], params: { max: 4 } },
    ]);
  });

  it("lets the enterprise's own indicators go negative but not be malformed or nameless", () => {
    const results = fullResults();
    const errors = validateFileSection("results", {
      ...results,
      indicators: {
        ...results.indicators,
        COST_REDUCTION: [
          indicator(1, { kpi: "利润增长率", unit: "%", before: "-3.5", after: "4" }),
          indicator(2, { kpi: "  ", before: "1", after: "2" }),
          indicator(3, { kpi: "订单交付周期", before: "三十", after: null }),
          indicator(4, { kpi: null, unit: null, before: null, after: null }),
        ],
      },
    });
    expect(errors).toEqual([
      { key: "file.indicator.nameRequired", path: ["indicators", "COST_REDUCTION", 1, "kpi"], params: {} },
      { key: "file.decimal.invalidSigned", path: ["indicators", "COST_REDUCTION", 2, "before"], params: { maxDecimals: 4 } },
    ]);
  });

  it("rates providers with whole numbers from 1 to 5 and names the provider rated", () => {
    const at = (rating: number | null, providerName: string | null = "某某科技", providerId: string | null = null) => {
      const results = fullResults();
      const line = { ...results.providerEvaluations[0]!, rating, providerName, providerId };
      return validateFileSection("results", { ...results, providerEvaluations: [line] });
    };
    for (const rating of [1, 3, 5, null]) expect(at(rating)).toEqual([]);
    for (const rating of [0, 6, 4.5, -1]) {
      expect(at(rating)).toEqual([
        { key: "file.rating.outOfRange", path: ["providerEvaluations", 0, "rating"], params: { min: 1, max: 5 } },
      ]);
    }
    expect(at(4, " ", "provider-1")).toEqual([]);
    expect(at(4, " ", null)).toEqual([
      { key: "file.providerEvaluation.providerRequired", path: ["providerEvaluations", 0, "providerName"], params: {} },
    ]);
  });

  it("asks for a reason when the evaluation is not passed or the enterprise becomes a sample", () => {
    expect(validateFileSection("evaluation", evaluation({ evaluationConducted: true, evaluationPassed: false }))).toEqual([
      { key: "file.reason.required", path: ["notPassedReason"], params: {} },
    ]);
    expect(
      validateFileSection(
        "evaluation",
        evaluation({ evaluationConducted: true, evaluationPassed: false, notPassedReason: "成效指标未达标" }),
      ),
    ).toEqual([]);
    expect(validateFileSection("evaluation", evaluation({ isSample: true, sampleReason: "  " }))).toEqual([
      { key: "file.reason.required", path: ["sampleReason"], params: {} },
    ]);
    expect(validateFileSection("evaluation", evaluation({ isSample: true, sampleReason: "改造成效显著，可复制推广" }))).toEqual(
      [],
    );
  });

  it("refuses a pass or fail before the evaluation has been carried out", () => {
    for (const evaluationConducted of [false, null]) {
      expect(validateFileSection("evaluation", evaluation({ evaluationConducted, evaluationPassed: false }))).toEqual([
        { key: "file.evaluation.notConducted", path: ["evaluationPassed"], params: {} },
      ]);
    }
  });

  it("prefixes a whole file's errors with their section", () => {
    const file = fullFile();
    file.results.totalCost = "x";
    file.evaluation.isSample = true;
    expect(validateEnterpriseFile(file).map((error) => error.path)).toEqual([
      ["results", "totalCost"],
      ["evaluation", "sampleReason"],
    ]);
  });

  it("uses only message keys it declares", () => {
    const file = fullFile();
    Object.assign(file.basic, { profile: "字".repeat(501), creditCode: "X", lastYearRevenue: "-1", lastYearProfit: "x" });
    file.results.period = { start: "2025-09-02", end: "2025-09-01" };
    file.results.indicators.EFFICIENCY = [indicator(1, { kpi: null }), indicator(2, { before: "-1", after: "x" })];
    file.evaluation = evaluation({ evaluationPassed: false, isSample: true });
    const used = new Set(validateEnterpriseFile(file).map((error) => error.key));
    expect(used.size).toBeGreaterThan(8);
    for (const key of used) expect(FILE_VALIDATION_MESSAGE_KEYS).toContain(key);
  });
});
