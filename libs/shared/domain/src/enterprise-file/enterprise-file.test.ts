import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import { applyRosterFields, BASIC_FIELDS, BASIC_FIELDS_FROM_ROSTER, type BasicInfoSection, basicInfoSectionSchema } from "./basic-info-section";
import { emptyEnterpriseFile, type EnterpriseFile, enterpriseFileSchema, FILE_FIELD_LABELS, FILE_SECTION_SCHEMAS } from "./enterprise-file";
import { type EvaluationSection, evaluationSectionSchema } from "./evaluation-section";
import { enterpriseFileTitle, FILE_SECTION_KEYS, FILE_SECTION_TITLES, FILE_TEMPLATE_NOTES, fileSectionHeading } from "./file-sections";
import { compareFileDecimals, FILE_LIST_MAX_ITEMS, isBlank, isIsoDate, parseFileDecimal } from "./file-values";
import { DIRECTION_LABELS, DIRECTION_NEED_LABELS, DIRECTIONS, type NeedsSection, needsSectionSchema } from "./needs-section";
import { DIGITAL_LEVEL_LABELS, digitalLevelAtLeast, OUTCOME_AREA_RESULT_LABELS, OUTCOME_AREAS, type ResultsSection, resultsSectionSchema } from "./results-section";
// The folder's public surface, as libs/shared/domain/src/index.ts will re-export it.
import * as enterpriseFileModule from "./index";

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("the file's shape", () => {
  it("has the template's four sections with its headings and notes", () => {
    expect(FILE_SECTION_KEYS).toEqual(["basic", "needs", "results", "evaluation"]);
    expect(Object.values(FILE_SECTION_TITLES)).toEqual([
      "一、基本情况",
      "二、数字化改造需求",
      "三、数字化改造情况及成效",
      "四、绩效评价",
    ]);
    expect(fileSectionHeading("basic")).toBe("一、基本情况（试点企业改造前填写）");
    expect(fileSectionHeading("evaluation")).toBe("四、绩效评价（试点县（市、区）填写）");
    expect(enterpriseFileTitle(" 江阴市 ")).toBe("江阴市数字化转型试点企业改造信息表");
  });

  it("keeps the template's notes 注1–注3 word for word", () => {
    expect(FILE_TEMPLATE_NOTES).toHaveLength(3);
    expect(FILE_TEMPLATE_NOTES[0]).toContain("其他内容可在改造后填写");
    expect(FILE_TEMPLATE_NOTES[1]).toContain("产品数字化研发设计工具覆盖率");
  });

  it("labels every field with the template's words", () => {
    expect(FILE_FIELD_LABELS.lastYearRevenue).toBe("上年度营业收入（万元）");
    expect(FILE_FIELD_LABELS.evaluationPassed).toBe("绩效评价是否通过（若未通过，请说明理由）");
    expect(FILE_FIELD_LABELS.isSample).toBe("是否将该企业作为样板（若是，请说明理由）");
    for (const field of BASIC_FIELDS) expect(FILE_FIELD_LABELS[field]).toMatch(/\S/);
    // Labels use full-width parentheses only.
    for (const label of [
      ...Object.values(FILE_FIELD_LABELS),
      ...Object.values(DIRECTION_NEED_LABELS),
      ...Object.values(OUTCOME_AREA_RESULT_LABELS),
    ]) {
      expect(label).not.toMatch(/[()]/);
    }
  });

  it("names six directions, and the outcome rows are the first five plus 降本 and 增效", () => {
    expect(DIRECTIONS.map((direction) => DIRECTION_LABELS[direction])).toEqual([
      "设备数采",
      "要素互联互通",
      "数据治理",
      "人工智能赋能应用",
      "网络和数据安全",
      "其他",
    ]);
    expect(DIRECTION_NEED_LABELS.EQUIPMENT_DATA).toBe("设备数采方面面临的需求（逐条列出）");
    expect(DIRECTION_NEED_LABELS.OTHER).toBe("其他需求（逐条列出）");
    expect(OUTCOME_AREAS).toEqual([...DIRECTIONS.filter((d) => d !== "OTHER"), "COST_REDUCTION", "EFFICIENCY"]);
    expect(OUTCOME_AREA_RESULT_LABELS.COST_REDUCTION).toBe("降本方面成效（请尽量用若干定量指标描述）");
  });

  it("marks the roster's fields of section 一 and copies them from the roster", () => {
    expect(BASIC_FIELDS_FROM_ROSTER).toEqual(["enterpriseName", "creditCode", "cityAndCounty"]);
    const basic = { ...emptyEnterpriseFile().basic, enterpriseName: "改过的名字", contactPerson: "张三" };
    const roster = { enterpriseName: "江阴某某机械有限公司", creditCode: "91320281MA1XXXXXX0", cityAndCounty: "无锡市江阴市" };
    expect(applyRosterFields(basic, roster)).toEqual({ ...basic, ...roster });
  });

  it("uses the 2024 edition's four levels and compares them", () => {
    expect(DIGITAL_LEVEL_LABELS).toEqual({ NONE: "未定级", L1: "一级", L2: "二级", L3: "三级", L4: "四级" });
    expect(digitalLevelAtLeast("L2", "L1")).toBe(true);
    expect(digitalLevelAtLeast("L1", "L1")).toBe(true);
    expect(digitalLevelAtLeast("NONE", "L1")).toBe(false);
    expect(digitalLevelAtLeast(null, "NONE")).toBe(false);
  });

  it("has output types that are exactly the documented interfaces", () => {
    expectTypeOf<z.output<typeof enterpriseFileSchema>>().toEqualTypeOf<EnterpriseFile>();
    expectTypeOf<z.output<typeof basicInfoSectionSchema>>().toEqualTypeOf<BasicInfoSection>();
    expectTypeOf<z.output<typeof needsSectionSchema>>().toEqualTypeOf<NeedsSection>();
    expectTypeOf<z.output<typeof resultsSectionSchema>>().toEqualTypeOf<ResultsSection>();
    expectTypeOf<z.output<typeof evaluationSectionSchema>>().toEqualTypeOf<EvaluationSection>();
  });

  it("is re-exported by the folder's index", () => {
    expect(enterpriseFileModule.emptyEnterpriseFile).toBe(emptyEnterpriseFile);
    expect(enterpriseFileModule.KPI_CATALOGUE).toBeDefined();
    expect(enterpriseFileModule.mergeSectionEdits).toBeTypeOf("function");
    // The schemas' building blocks stay inside the folder.
    expect(Object.keys(enterpriseFileModule)).not.toContain("itemList");
  });
});

describe("draft schemas", () => {
  it("give an empty file with every field null and every list empty", () => {
    const file = emptyEnterpriseFile();
    expect(Object.values(file.basic).every((value) => value === null)).toBe(true);
    expect(Object.values(file.needs).every((items) => items.length === 0)).toBe(true);
    expect(file.results.cloud).toEqual({ usage: null, detail: null });
    expect(file.results.period).toEqual({ start: null, end: null });
    expect(Object.keys(file.results.indicators)).toEqual([...OUTCOME_AREAS]);
    expect(file.evaluation).toEqual({
      evaluationConducted: null,
      evaluationPassed: null,
      notPassedReason: null,
      isSample: null,
      sampleReason: null,
    });
  });

  it("accept a partial draft and fill in what is missing", () => {
    const parsed = enterpriseFileSchema.parse({
      basic: { enterpriseName: "江阴某某机械有限公司", lastYearProfit: "-12.5" },
      needs: { DATA_GOVERNANCE: [{ id: uid(1), text: "数据分散在多个系统", author: "PROVIDER", providerId: "p1" }] },
      results: { period: { start: "2025-09-01" } },
    });
    expect(parsed.basic.lastYearProfit).toBe("-12.5");
    expect(parsed.basic.contactPerson).toBeNull();
    expect(parsed.needs.DATA_GOVERNANCE).toHaveLength(1);
    expect(parsed.needs.EQUIPMENT_DATA).toEqual([]);
    expect(parsed.results.period).toEqual({ start: "2025-09-01", end: null });
    expect(parsed.evaluation.isSample).toBeNull();
  });

  it("accept values validation will report: malformed amounts, dates, ratings, a long profile", () => {
    const parsed = enterpriseFileSchema.safeParse({
      basic: { lastYearRevenue: "1,000", profile: "字".repeat(800) },
      results: {
        period: { start: "2025-13-01", end: "2025-01-01" },
        providerEvaluations: [{ id: uid(2), rating: 9 }],
      },
    });
    expect(parsed.success).toBe(true);
  });

  it("refuse unknown keys at every level", () => {
    expect(enterpriseFileSchema.safeParse({ extra: 1 }).success).toBe(false);
    expect(basicInfoSectionSchema.safeParse({ nickname: "x" }).success).toBe(false);
    expect(resultsSectionSchema.safeParse({ cloud: { usage: "PUBLIC", provider: "x" } }).success).toBe(false);
    expect(needsSectionSchema.safeParse({ MARKETING: [] }).success).toBe(false);
    expect(evaluationSectionSchema.safeParse({ evaluationPassed: true, reviewer: "x" }).success).toBe(false);
    expect(
      needsSectionSchema.safeParse({ OTHER: [{ id: uid(1), text: "", author: "ENTERPRISE", note: "x" }] }).success,
    ).toBe(false);
  });

  it("refuse values outside the template's choices", () => {
    expect(basicInfoSectionSchema.safeParse({ nature: "COLLECTIVE" }).success).toBe(false);
    expect(basicInfoSectionSchema.safeParse({ size: "LARGE" }).success).toBe(false);
    expect(resultsSectionSchema.safeParse({ digitalLevel: { before: "L5" } }).success).toBe(false);
    expect(resultsSectionSchema.safeParse({ cloud: { usage: "EDGE" } }).success).toBe(false);
    expect(needsSectionSchema.safeParse({ OTHER: [{ id: uid(1), text: "", author: "CITY" }] }).success).toBe(false);
  });

  it("enforce the hard length guards: names 100, texts 2000, 企业基本情况 5000, lists 100 items", () => {
    expect(basicInfoSectionSchema.safeParse({ enterpriseName: "名".repeat(100) }).success).toBe(true);
    expect(basicInfoSectionSchema.safeParse({ enterpriseName: "名".repeat(101) }).success).toBe(false);
    expect(basicInfoSectionSchema.safeParse({ profile: "字".repeat(5000) }).success).toBe(true);
    expect(basicInfoSectionSchema.safeParse({ profile: "字".repeat(5001) }).success).toBe(false);
    const need = (n: number, text = "需求") => ({ id: uid(n), text, author: "ENTERPRISE" });
    expect(needsSectionSchema.safeParse({ OTHER: [need(1, "字".repeat(2000))] }).success).toBe(true);
    expect(needsSectionSchema.safeParse({ OTHER: [need(1, "字".repeat(2001))] }).success).toBe(false);
    const list = (count: number) => Array.from({ length: count }, (_, i) => need(i + 1));
    expect(needsSectionSchema.safeParse({ OTHER: list(FILE_LIST_MAX_ITEMS) }).success).toBe(true);
    expect(needsSectionSchema.safeParse({ OTHER: list(FILE_LIST_MAX_ITEMS + 1) }).success).toBe(false);
  });

  it("need item ids that are UUIDs and unique within a list", () => {
    expect(needsSectionSchema.safeParse({ OTHER: [{ id: "1", text: "", author: "ENTERPRISE" }] }).success).toBe(false);
    const duplicate = needsSectionSchema.safeParse({
      OTHER: [
        { id: uid(1), text: "a", author: "ENTERPRISE" },
        { id: uid(1), text: "b", author: "PROVIDER" },
      ],
    });
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.message).toBe("file.item.duplicateId");
    expect(enterpriseFileModule.FILE_VALIDATION_MESSAGE_KEYS).toContain("file.item.duplicateId");
  });

  it("parse each section on its own, an absent section coming out empty", () => {
    expect(FILE_SECTION_SCHEMAS.results.parse(undefined)).toEqual(emptyEnterpriseFile().results);
    expect(FILE_SECTION_SCHEMAS.evaluation.parse({ isSample: true }).isSample).toBe(true);
  });
});

describe("value helpers", () => {
  it("treat null, undefined and whitespace as blank", () => {
    expect([null, undefined, "", "  "].map(isBlank)).toEqual([true, true, true, true]);
    expect(isBlank("0")).toBe(false);
  });

  it("parse decimals exactly, with a sign, to 4 places", () => {
    expect(parseFileDecimal("12.3456")).toBe(123456n);
    expect(parseFileDecimal(" -0.5 ")).toBe(-5000n);
    expect(parseFileDecimal("7")).toBe(70000n);
    for (const bad of ["", null, "1.23456", "1e3", "+1", "1,000", "abc", "--1"]) {
      expect(parseFileDecimal(bad)).toBeNull();
    }
    expect(compareFileDecimals("0.1", "0.10")).toBe(0);
    expect(compareFileDecimals("-2", "1")).toBe(-1);
    expect(compareFileDecimals("1", "x")).toBeNull();
  });

  it("accept only calendar dates written YYYY-MM-DD", () => {
    expect(isIsoDate("2025-09-01")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    for (const bad of ["2025-02-29", "2025-13-01", "2025-9-1", "2025/09/01", "20250901", ""]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
});
