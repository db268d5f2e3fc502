import { describe, expect, it } from "vitest";
import { rosterFieldsOf } from "./basic-info-section";
import { emptyEnterpriseFile, fileFromStoredSections, fileWithRosterFields } from "./enterprise-file";
import type { EvaluationSection } from "./evaluation-section";
import { FILE_SECTION_KEYS } from "./file-sections";
import type { NeedsSection } from "./needs-section";
import type { ResultsSection } from "./results-section";
import { evaluation, fullBasic, fullFile, fullResults, indicator, need } from "./enterprise-file-test-fixtures";
import {
  FILE_COMPLETENESS_VERSION,
  fileCompleteness,
  fileCompletenessSummary,
  fileCompletenessSummarySchema,
  sectionCompleteness,
} from "./enterprise-file-completeness";

describe("completeness", () => {
  it("counts an empty file as nothing filled", () => {
    const completeness = fileCompleteness(emptyEnterpriseFile());
    expect(completeness.sections.basic).toMatchObject({ filled: 0, required: 16, complete: false });
    expect(completeness.sections.needs).toEqual({ filled: 0, required: 1, complete: false, missing: ["needItems"] });
    expect(completeness.sections.results.missing).toEqual([
      "transformationItems",
      "cloud",
      "period",
      "totalCost",
      "digitalLevelBefore",
      "digitalLevelAfter",
      "indicators",
      "providerEvaluations",
    ]);
    expect(completeness.sections.evaluation).toEqual({
      filled: 0,
      required: 1,
      complete: false,
      missing: ["evaluationConducted"],
    });
    expect(completeness).toMatchObject({ filled: 0, required: 26, percentage: 0, complete: false });
  });

  it("counts a complete file as 100%", () => {
    const completeness = fileCompleteness(fullFile());
    for (const section of FILE_SECTION_KEYS) expect(completeness.sections[section].complete, section).toBe(true);
    expect(completeness).toMatchObject({ percentage: 100, complete: true });
  });

  it("rounds the overall percentage down, so 100 means complete", () => {
    const file = fullFile();
    file.basic.contactInfo = " ";
    const completeness = fileCompleteness(file);
    expect(completeness.sections.basic).toMatchObject({ filled: 15, required: 16, missing: ["contactInfo"] });
    // 16 + 1 + 8 + 3 (是否已开展, 是否通过, 是否样板) required; 27 / 28 = 96.4%.
    expect(completeness).toMatchObject({ filled: 27, required: 28, percentage: 96, complete: false });
  });

  it("counts a false or zero answer in section 一 as filled", () => {
    const basic = { ...fullBasic(), lastYearProfit: "0", qualityStatus: "NONE" as const };
    expect(sectionCompleteness("basic", basic).complete).toBe(true);
  });

  it("completes section 二 with one written need in any direction; blank lines do not count", () => {
    const needs: NeedsSection = { ...emptyEnterpriseFile().needs, OTHER: [need(1, "  ")] };
    expect(sectionCompleteness("needs", needs).complete).toBe(false);
    needs.NETWORK_DATA_SECURITY = [need(2, "缺少数据备份", "PROVIDER")];
    expect(sectionCompleteness("needs", needs)).toEqual({ filled: 1, required: 1, complete: true, missing: [] });
  });

  it("asks for the detail after 私有云：/混合云： but not after 公有云/未上", () => {
    const at = (usage: ResultsSection["cloud"]["usage"], detail: string | null) =>
      sectionCompleteness("results", { ...fullResults(), cloud: { usage, detail } }).missing;
    expect(at("PRIVATE", null)).toEqual(["cloud"]);
    expect(at("HYBRID", "")).toEqual(["cloud"]);
    expect(at("PRIVATE", "自建机房")).toEqual([]);
    expect(at("PUBLIC", null)).toEqual([]);
    expect(at("NONE", null)).toEqual([]);
    expect(at(null, "自建机房")).toEqual(["cloud"]);
  });

  it("needs both ends of the period, both levels, a named indicator with both values and a rated provider", () => {
    const results = fullResults();
    const at = (fields: Partial<ResultsSection>) => sectionCompleteness("results", { ...results, ...fields }).missing;
    expect(at({ period: { start: "2025-09-01", end: null } })).toEqual(["period"]);
    expect(at({ digitalLevel: { before: "NONE", after: null } })).toEqual(["digitalLevelAfter"]);
    expect(
      at({ indicators: { ...results.indicators, EQUIPMENT_DATA: [indicator(1, { after: null }), indicator(2, { kpi: "" })] } }),
    ).toEqual(["indicators"]);
    expect(at({ providerEvaluations: [{ ...results.providerEvaluations[0]!, rating: null }] })).toEqual([
      "providerEvaluations",
    ]);
    expect(
      at({ providerEvaluations: [{ ...results.providerEvaluations[0]!, providerId: null, providerName: "外地服务商" }] }),
    ).toEqual([]);
  });

  it("asks for 是否通过 and 是否样板 only once the evaluation was carried out, and for reasons where the template does", () => {
    const at = (fields: Partial<EvaluationSection>) => sectionCompleteness("evaluation", evaluation(fields));
    expect(at({ evaluationConducted: false })).toEqual({ filled: 1, required: 1, complete: true, missing: [] });
    expect(at({ evaluationConducted: true })).toMatchObject({
      filled: 1,
      required: 3,
      missing: ["evaluationPassed", "isSample"],
    });
    expect(at({ evaluationConducted: true, evaluationPassed: false, isSample: true })).toMatchObject({
      filled: 3,
      required: 5,
      missing: ["notPassedReason", "sampleReason"],
    });
    expect(
      at({ evaluationConducted: true, evaluationPassed: false, notPassedReason: "未达标", isSample: true, sampleReason: "典型" }),
    ).toMatchObject({ complete: true });
  });
});

describe("the stored summary of completeness", () => {
  it("keeps fileCompleteness' percentage, verdict and each section's counts, without the open requirements", () => {
    for (const file of [emptyEnterpriseFile(), fullFile(), { ...fullFile(), evaluation: emptyEnterpriseFile().evaluation }]) {
      const full = fileCompleteness(file);
      const summary = fileCompletenessSummary(file);
      expect(summary.percentage).toBe(full.percentage);
      expect(summary.complete).toBe(full.complete);
      for (const key of FILE_SECTION_KEYS) {
        const { complete, filled, required } = full.sections[key];
        expect(summary.sections[key]).toEqual({ complete, filled, required });
      }
      // What the roster stores reads back through its schema unchanged.
      expect(fileCompletenessSummarySchema.parse(JSON.parse(JSON.stringify(summary)))).toEqual(summary);
    }
  });

  it("reads a file from its stored sections: parsed through their schemas, missing or unreadable ones empty", () => {
    const full = fullFile();
    const file = fileFromStoredSections([
      { section: "BASIC", content: full.basic },
      { section: "RESULTS", content: full.results },
      { section: "EVALUATION", content: { evaluationConducted: "not a boolean" } },
    ]);
    expect(file.basic).toEqual(full.basic);
    expect(file.results).toEqual(full.results);
    expect(file.needs).toEqual(emptyEnterpriseFile().needs);
    expect(file.evaluation).toEqual(emptyEnterpriseFile().evaluation);
    expect(fileCompletenessSummary(fileFromStoredSections([])).percentage).toBe(0);
  });

  it("counts the roster's fields of section 一 (shown, never typed) in a stored file nobody saved yet", () => {
    const roster = rosterFieldsOf({ enterpriseName: "江阴澄江精密机械有限公司", creditCode: "91320281MA1XXXXX0X", countyId: "320281" });
    expect(roster).toEqual({ enterpriseName: "江阴澄江精密机械有限公司", creditCode: "91320281MA1XXXXX0X", cityAndCounty: "无锡市江阴市" });
    const summary = fileCompletenessSummary(fileWithRosterFields(fileFromStoredSections([]), roster));
    expect(summary.sections.basic).toEqual({ filled: 3, required: 16, complete: false });
    expect(summary.percentage).toBeGreaterThan(0);
  });

  it("has a positive version, which a change of the rules bumps", () => {
    expect(Number.isInteger(FILE_COMPLETENESS_VERSION) && FILE_COMPLETENESS_VERSION > 0).toBe(true);
  });
});
