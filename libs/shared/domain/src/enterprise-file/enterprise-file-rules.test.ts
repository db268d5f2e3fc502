import { describe, expect, it } from "vitest";
import { makeCreditCode } from "../credit-code";
import { ROLES } from "../scope";
import type {
  BasicInfoSection,
  EnterpriseFile,
  EvaluationSection,
  FileSectionKey,
  FileWriter,
  NeedItem,
  NeedsSection,
  QuantitativeIndicator,
  ResultsSection,
} from "./enterprise-file";
import { emptyEnterpriseFile, enterpriseFileSchema, FILE_SECTION_KEYS, FILE_WRITERS } from "./enterprise-file";
import type { FileEditContext, FileEditRefusal } from "./enterprise-file-rules";
import {
  editableSections,
  FILE_EDIT_REFUSAL_LABELS,
  FILE_VALIDATION_MESSAGE_KEYS,
  fileCompleteness,
  fileWriterOfRole,
  mergeSectionEdits,
  sectionCompleteness,
  sectionEditability,
  SECTION_WRITERS,
  validateEnterpriseFile,
  validateFileSection,
} from "./enterprise-file-rules";

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const CREDIT_CODE = makeCreditCode("91320281MA1Q2W3E4");

function fullBasic(): BasicInfoSection {
  return {
    enterpriseName: "江阴某某机械有限公司",
    cityAndCounty: "无锡市江阴市",
    registeredAddress: "江阴市澄江街道某某路1号",
    creditCode: CREDIT_CODE,
    contactPerson: "张三",
    contactInfo: "13800000000",
    profile: "主营精密零部件加工。",
    nature: "PRIVATE",
    size: "SMALL",
    scale: "ABOVE",
    qualityStatus: "SPECIALISED",
    subIndustry: "汽车零部件及配件制造",
    lastYearRevenue: "12345.6789",
    lastYearProfit: "-20.5",
    lastYearRevenuePerEmployee: "85.2",
    digitalInvestmentTotal: "300",
  };
}

const need = (n: number, text: string, author: FileWriter = "ENTERPRISE"): NeedItem => ({
  id: uid(n),
  text,
  author,
  providerId: author === "PROVIDER" ? "provider-1" : null,
});

const indicator = (n: number, fields: Partial<QuantitativeIndicator> = {}): QuantitativeIndicator => ({
  id: uid(n),
  kpi: "EQUIPMENT_NETWORKING_RATE",
  unit: null,
  before: "35",
  after: "80",
  ...fields,
});

function fullResults(): ResultsSection {
  const results = emptyEnterpriseFile().results;
  return {
    ...results,
    transformationItems: [{ id: uid(10), text: "部署MES系统，实现生产过程数据采集" }],
    cloud: { usage: "HYBRID", detail: "ERP上公有云，MES本地部署" },
    period: { start: "2025-09-01", end: "2026-09-01" },
    totalCost: "120.5",
    digitalLevel: { before: "L1", after: "L2" },
    indicators: { ...results.indicators, EQUIPMENT_DATA: [indicator(11)] },
    providerEvaluations: [
      { id: uid(12), providerId: "provider-1", providerName: "某某科技", product: "轻量化MES", rating: 5, comment: "响应及时" },
    ],
  };
}

function evaluation(fields: Partial<EvaluationSection>): EvaluationSection {
  return { ...emptyEnterpriseFile().evaluation, ...fields };
}

function fullFile(): EnterpriseFile {
  const file = emptyEnterpriseFile();
  return {
    basic: fullBasic(),
    needs: { ...file.needs, EQUIPMENT_DATA: [need(1, "老旧设备无数据接口")] },
    results: fullResults(),
    evaluation: evaluation({ evaluationConducted: true, evaluationPassed: true, isSample: false }),
  };
}

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

describe("who may edit which section when", () => {
  it("gives section 一 to the enterprise and the county, 二 and 三 to all three writers, 四 to the county", () => {
    expect(SECTION_WRITERS).toEqual({
      basic: ["ENTERPRISE", "COUNTY"],
      needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      evaluation: ["COUNTY"],
    });
  });

  const FLAGS = ["linkedToEnterprise", "ownEnterprise", "onRoster", "transformationStarted"] as const;
  const contexts: FileEditContext[] = FILE_SECTION_KEYS.flatMap((section) =>
    FILE_WRITERS.flatMap((writer) =>
      Array.from({ length: 2 ** FLAGS.length }, (_, bits) => {
        const flags = Object.fromEntries(FLAGS.map((flag, i) => [flag, (bits & (1 << i)) !== 0]));
        return { section, writer, ...flags } as FileEditContext;
      }),
    ),
  );

  /** The rules restated: a writer of the section, who is party to this enterprise, while it is on the roster, in time. */
  function expected(c: FileEditContext): FileEditRefusal | null {
    const writers: Record<FileSectionKey, FileWriter[]> = {
      basic: ["ENTERPRISE", "COUNTY"],
      needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      evaluation: ["COUNTY"],
    };
    if (!writers[c.section].includes(c.writer)) return "NOT_A_WRITER";
    if (c.writer === "PROVIDER" && !c.linkedToEnterprise) return "PROVIDER_NOT_LINKED";
    if (c.writer === "ENTERPRISE" && !c.ownEnterprise) return "NOT_OWN_ENTERPRISE";
    if (!c.onRoster) return "NOT_ON_ROSTER";
    if ((c.section === "results" || c.section === "evaluation") && !c.transformationStarted) {
      return "BEFORE_TRANSFORMATION";
    }
    return null;
  }

  it("decides every section × writer × flag combination by the rules", () => {
    expect(contexts).toHaveLength(4 * 3 * 16);
    for (const context of contexts) {
      const reason = expected(context);
      expect(sectionEditability(context), JSON.stringify(context)).toEqual(
        reason === null ? { editable: true } : { editable: false, reason },
      );
    }
  });

  it("lets the enterprise and its provider fill 一 and 二 as soon as it is on the roster, 三 once the project started", () => {
    const enterprise = { writer: "ENTERPRISE", linkedToEnterprise: false, ownEnterprise: true, onRoster: true } as const;
    expect(editableSections({ ...enterprise, transformationStarted: false })).toEqual(["basic", "needs"]);
    expect(editableSections({ ...enterprise, transformationStarted: true })).toEqual(["basic", "needs", "results"]);
    const provider = { writer: "PROVIDER", linkedToEnterprise: true, ownEnterprise: false, onRoster: true } as const;
    expect(editableSections({ ...provider, transformationStarted: false })).toEqual(["needs"]);
    expect(editableSections({ ...provider, transformationStarted: true })).toEqual(["needs", "results"]);
    const county = { writer: "COUNTY", linkedToEnterprise: false, ownEnterprise: false, onRoster: true } as const;
    expect(editableSections({ ...county, transformationStarted: true })).toEqual([...FILE_SECTION_KEYS]);
  });

  it("never lets a provider touch section 一 nor anyone but the county touch 四, whatever the flags", () => {
    for (const context of contexts) {
      if (context.section === "basic" && context.writer === "PROVIDER") {
        expect(sectionEditability(context)).toEqual({ editable: false, reason: "NOT_A_WRITER" });
      }
      if (context.section === "evaluation" && context.writer !== "COUNTY") {
        expect(sectionEditability(context)).toEqual({ editable: false, reason: "NOT_A_WRITER" });
      }
    }
  });

  it("freezes the file of an enterprise removed from the roster, for the county too", () => {
    for (const context of contexts.filter((c) => !c.onRoster)) {
      expect(sectionEditability(context).editable).toBe(false);
    }
  });

  it("explains every refusal in Chinese", () => {
    for (const label of Object.values(FILE_EDIT_REFUSAL_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(FILE_EDIT_REFUSAL_LABELS)).toHaveLength(5);
    expect(FILE_EDIT_REFUSAL_LABELS.BEFORE_TRANSFORMATION).toContain("改造项目开始后方可填写第三项");
  });

  it("maps roles to writers and leaves every other role without one", () => {
    const writers = Object.fromEntries(ROLES.map((role) => [role, fileWriterOfRole(role)]));
    expect(writers).toEqual({
      PROVINCE_ADMIN: null,
      REVIEWER: null,
      CITY_OFFICER: null,
      COUNTY_ADMIN: "COUNTY",
      ENTERPRISE_USER: "ENTERPRISE",
      PROVIDER_USER: "PROVIDER",
    });
  });
});

describe("mergeSectionEdits", () => {
  const needs = (fields: Partial<NeedsSection>): NeedsSection => ({ ...emptyEnterpriseFile().needs, ...fields });
  const a = need(1, "设备无数据接口");
  const b = need(2, "数据采集靠人工抄表", "PROVIDER");
  const c = need(3, "缺少设备联网方案");

  it("returns the base when nobody changed anything", () => {
    const base = fullFile();
    expect(mergeSectionEdits(base, structuredClone(base), structuredClone(base))).toEqual({ merged: base, conflicts: [] });
  });

  it("keeps the needs both writers added, theirs (saved first) before mine", () => {
    const base = needs({ EQUIPMENT_DATA: [a] });
    const mine = needs({ EQUIPMENT_DATA: [a, b] });
    const theirs = needs({ EQUIPMENT_DATA: [a, c] });
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: needs({ EQUIPMENT_DATA: [a, c, b] }),
      conflicts: [],
    });
  });

  it("keeps additions in different directions", () => {
    const base = needs({});
    const merged = mergeSectionEdits(base, needs({ DATA_GOVERNANCE: [b] }), needs({ AI_APPLICATION: [c] }));
    expect(merged).toEqual({ merged: needs({ DATA_GOVERNANCE: [b], AI_APPLICATION: [c] }), conflicts: [] });
  });

  it("takes an edit the other side did not touch, while keeping the other side's own edits", () => {
    const base = needs({ EQUIPMENT_DATA: [a, b] });
    const aEdited = { ...a, text: "部分老旧设备无数据接口" };
    const bEdited = { ...b, text: "能耗数据靠人工抄表" };
    expect(
      mergeSectionEdits(base, needs({ EQUIPMENT_DATA: [aEdited, b] }), needs({ EQUIPMENT_DATA: [a, bEdited] })),
    ).toEqual({ merged: needs({ EQUIPMENT_DATA: [aEdited, bEdited] }), conflicts: [] });
  });

  it("accepts the same edit made on both sides", () => {
    const base = needs({ OTHER: [a] });
    const edited = needs({ OTHER: [{ ...a, text: "同样的修改" }] });
    expect(mergeSectionEdits(base, edited, structuredClone(edited))).toEqual({ merged: edited, conflicts: [] });
  });

  it("lists a conflict when both edited the same need differently, keeping the saved version in place", () => {
    const base = needs({ EQUIPMENT_DATA: [a] });
    const mine = needs({ EQUIPMENT_DATA: [{ ...a, text: "企业的说法" }] });
    const theirs = needs({ EQUIPMENT_DATA: [{ ...a, text: "服务商的说法" }] });
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: theirs,
      conflicts: [
        {
          path: ["EQUIPMENT_DATA", a.id],
          kind: "BOTH_CHANGED",
          mine: mine.EQUIPMENT_DATA[0],
          theirs: theirs.EQUIPMENT_DATA[0],
        },
      ],
    });
  });

  it("deletes a need one side removed and the other left alone", () => {
    const base = needs({ OTHER: [a, b] });
    expect(mergeSectionEdits(base, needs({ OTHER: [b] }), base)).toEqual({ merged: needs({ OTHER: [b] }), conflicts: [] });
    expect(mergeSectionEdits(base, base, needs({ OTHER: [a] }))).toEqual({ merged: needs({ OTHER: [a] }), conflicts: [] });
    expect(mergeSectionEdits(base, needs({ OTHER: [b] }), needs({ OTHER: [b] }))).toEqual({
      merged: needs({ OTHER: [b] }),
      conflicts: [],
    });
  });

  it("keeps a need one side edited while the other deleted it, and lists the conflict", () => {
    const base = needs({ OTHER: [a, b] });
    const aEdited = { ...a, text: "补充：含注塑机" };
    const deletedByMine = mergeSectionEdits(base, needs({ OTHER: [b] }), needs({ OTHER: [aEdited, b] }));
    expect(deletedByMine).toEqual({
      merged: needs({ OTHER: [aEdited, b] }),
      conflicts: [{ path: ["OTHER", a.id], kind: "DELETED_BY_MINE", mine: null, theirs: aEdited }],
    });
    const deletedByTheirs = mergeSectionEdits(base, needs({ OTHER: [aEdited, b] }), needs({ OTHER: [b] }));
    expect(deletedByTheirs).toEqual({
      merged: needs({ OTHER: [aEdited, b] }),
      conflicts: [{ path: ["OTHER", a.id], kind: "DELETED_BY_THEIRS", mine: aEdited, theirs: null }],
    });
  });

  it("keeps one side's new order and puts the other side's additions after their predecessor", () => {
    const d = need(4, "数据无统一编码");
    const base = needs({ OTHER: [a, b, c] });
    const mine = needs({ OTHER: [c, a, b] });
    const theirs = needs({ OTHER: [a, d, b, c] });
    expect(mergeSectionEdits(base, mine, theirs).merged.OTHER).toEqual([c, a, d, b]);
    // An item added at the top stays at the top.
    expect(mergeSectionEdits(base, needs({ OTHER: [d, a, b, c] }), base).merged.OTHER).toEqual([d, a, b, c]);
  });

  it("merges scalar fields one by one: one side's change is taken, different changes conflict", () => {
    const base = fullBasic();
    const mine = { ...base, contactPerson: "李四", registeredAddress: "新地址", nature: "MIXED" as const };
    const theirs = { ...base, contactInfo: "0510-12345678", registeredAddress: "另一个地址", nature: "MIXED" as const };
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: { ...base, contactPerson: "李四", contactInfo: "0510-12345678", registeredAddress: "另一个地址", nature: "MIXED" },
      conflicts: [{ path: ["registeredAddress"], kind: "BOTH_CHANGED", mine: "新地址", theirs: "另一个地址" }],
    });
  });

  it("merges section 三's nested values and lists independently", () => {
    const base = emptyEnterpriseFile().results;
    const mine: ResultsSection = {
      ...base,
      period: { start: "2025-09-01", end: null },
      indicators: { ...base.indicators, EQUIPMENT_DATA: [indicator(1)] },
      totalCost: "100",
    };
    const theirs: ResultsSection = {
      ...base,
      period: { start: null, end: "2026-09-01" },
      indicators: { ...base.indicators, EQUIPMENT_DATA: [indicator(2, { kpi: "OEE" })], COST_REDUCTION: [indicator(3)] },
      transformationItems: [{ id: uid(4), text: "上线WMS" }],
      totalCost: "120",
    };
    const { merged, conflicts } = mergeSectionEdits(base, mine, theirs);
    expect(merged.period).toEqual({ start: "2025-09-01", end: "2026-09-01" });
    expect(merged.indicators.EQUIPMENT_DATA.map((i) => i.id)).toEqual([uid(2), uid(1)]);
    expect(merged.indicators.COST_REDUCTION).toEqual([indicator(3)]);
    expect(merged.transformationItems).toEqual(theirs.transformationItems);
    expect(merged.totalCost).toBe("120");
    expect(conflicts).toEqual([{ path: ["totalCost"], kind: "BOTH_CHANGED", mine: "100", theirs: "120" }]);
    expect(enterpriseFileSchema.shape.results.safeParse(merged).success).toBe(true);
  });

  it("loses nobody's work: every item either side added or changed is in the merge", () => {
    const base = needs({ OTHER: [a, b, c] });
    const variants: NeedItem[][] = [
      [a, b, c],
      [a, b],
      [{ ...a, text: "改A" }, b, c],
      [a, b, c, need(10, "新增一")],
      [c, { ...b, text: "改B" }],
      [need(11, "新增二"), b, { ...c, text: "改C" }],
    ];
    for (const mineList of variants) {
      for (const theirsList of variants) {
        const { merged } = mergeSectionEdits(base, needs({ OTHER: mineList }), needs({ OTHER: theirsList }));
        const kept = merged.OTHER;
        for (const item of [...mineList, ...theirsList]) {
          const inBase = base.OTHER.find((original) => original.id === item.id);
          const changedOrAdded = !inBase || inBase.text !== item.text;
          if (changedOrAdded) expect(kept.some((k) => k.id === item.id), JSON.stringify({ mineList, theirsList })).toBe(true);
        }
        expect(new Set(kept.map((k) => k.id)).size).toBe(kept.length);
      }
    }
  });
});
