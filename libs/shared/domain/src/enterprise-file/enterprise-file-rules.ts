import { isValidCreditCode } from "../credit-code";
import { charCount } from "../plan/plan-data-table";
import type { Role } from "../scope";
import { threeWayMerge, type MergeResult } from "../merge/three-way-merge";
import type {
  BasicInfoSection,
  EnterpriseFile,
  EvaluationSection,
  FileSectionKey,
  FileWriter,
  QuantitativeIndicator,
  ResultsSection,
} from "./enterprise-file";
import {
  BASIC_AMOUNT_FIELDS,
  BASIC_FIELDS,
  BASIC_SIGNED_AMOUNT_FIELDS,
  CLOUD_USAGES_WITH_DETAIL,
  DIRECTIONS,
  FILE_DECIMAL_MAX_PLACES,
  FILE_DECIMAL_PATTERN,
  FILE_PROFILE_MAX_CHARS,
  FILE_SECTION_KEYS,
  FILE_SIGNED_DECIMAL_PATTERN,
  isBlank,
  isIsoDate,
  OUTCOME_AREAS,
  parseFileDecimal,
} from "./enterprise-file";
import { isKpiKey, KPI_CATALOGUE } from "./kpis";

// ————————————————————————————————————————————————————————————— validation

/** Where an issue sits: property names and array indexes from the section's root (like a zod issue path). */
export type FileFieldPath = readonly (string | number)[];

/**
 * Every message key the file's rules and schemas use, with its params:
 * - file.text.tooLong {limit, length}: 企业基本情况 over 500 characters.
 * - file.decimal.invalid {maxDecimals}: not a non-negative decimal with up to 4 places.
 * - file.decimal.invalidSigned {maxDecimals}: not a decimal with up to 4 places (上年度年利润, indicator values).
 * - file.creditCode.invalid {}: not a valid 统一社会信用代码.
 * - file.date.invalid {}: not a calendar date YYYY-MM-DD.
 * - file.period.endBeforeStart {}: 改造项目起止时间 ends before it starts (on the end).
 * - file.reason.required {}: 未通过 or 作为样板 without its reason (on the reason).
 * - file.evaluation.notConducted {}: 绩效评价是否通过 answered though 是否已开展绩效评价 is not 是.
 * - file.rating.outOfRange {min, max}: a provider rating that is not a whole number from 1 to 5.
 * - file.indicator.nameRequired {}: an indicator with values but no KPI or name (on kpi).
 * - file.indicator.negative {}: a negative value of a catalogue KPI.
 * - file.indicator.aboveMaximum {max}: a catalogue KPI value above its bound (a rate above 100%).
 * - file.indicator.notInteger {}: a fractional value of a KPI counted in whole units (人, 项, 个).
 * - file.providerEvaluation.providerRequired {}: an evaluation line without a provider (on providerName).
 * - file.item.duplicateId {}: the schema's refusal of a list with two items of one id.
 */
export const FILE_VALIDATION_MESSAGE_KEYS = [
  "file.text.tooLong",
  "file.decimal.invalid",
  "file.decimal.invalidSigned",
  "file.creditCode.invalid",
  "file.date.invalid",
  "file.period.endBeforeStart",
  "file.reason.required",
  "file.evaluation.notConducted",
  "file.rating.outOfRange",
  "file.indicator.nameRequired",
  "file.indicator.negative",
  "file.indicator.aboveMaximum",
  "file.indicator.notInteger",
  "file.providerEvaluation.providerRequired",
  "file.item.duplicateId",
] as const;
export type FileValidationMessageKey = (typeof FILE_VALIDATION_MESSAGE_KEYS)[number];

/** A field-level error, shown on the field at `path` (relative to the section). Drafts may be saved with errors. */
export interface FileFieldError {
  key: FileValidationMessageKey;
  path: FileFieldPath;
  params: Record<string, string | number>;
}

export const PROVIDER_RATING_MIN = 1;
export const PROVIDER_RATING_MAX = 5;

const DECIMAL_PARAMS = { maxDecimals: FILE_DECIMAL_MAX_PLACES };

function validateBasic(basic: BasicInfoSection): FileFieldError[] {
  const errors: FileFieldError[] = [];
  if (basic.profile !== null) {
    const length = charCount(basic.profile);
    if (length > FILE_PROFILE_MAX_CHARS) {
      errors.push({ key: "file.text.tooLong", path: ["profile"], params: { limit: FILE_PROFILE_MAX_CHARS, length } });
    }
  }
  if (!isBlank(basic.creditCode) && !isValidCreditCode((basic.creditCode ?? "").trim().toUpperCase())) {
    errors.push({ key: "file.creditCode.invalid", path: ["creditCode"], params: {} });
  }
  for (const field of BASIC_AMOUNT_FIELDS) {
    const value = basic[field];
    if (value === null || isBlank(value)) continue;
    const signed = BASIC_SIGNED_AMOUNT_FIELDS.includes(field);
    if (!(signed ? FILE_SIGNED_DECIMAL_PATTERN : FILE_DECIMAL_PATTERN).test(value.trim())) {
      const key = signed ? "file.decimal.invalidSigned" : "file.decimal.invalid";
      errors.push({ key, path: [field], params: DECIMAL_PARAMS });
    }
  }
  return errors;
}

function validateIndicatorValue(
  indicator: QuantitativeIndicator,
  field: "before" | "after",
  path: FileFieldPath,
): FileFieldError | null {
  const value = indicator[field];
  if (value === null || isBlank(value)) return null;
  const at = [...path, field];
  const units = parseFileDecimal(value);
  if (units === null) return { key: "file.decimal.invalidSigned", path: at, params: DECIMAL_PARAMS };
  if (!isKpiKey(indicator.kpi)) return null;
  const kpi = KPI_CATALOGUE[indicator.kpi];
  const scale = 10n ** BigInt(FILE_DECIMAL_MAX_PLACES);
  if (units < 0n) return { key: "file.indicator.negative", path: at, params: {} };
  if (kpi.integer && units % scale !== 0n) return { key: "file.indicator.notInteger", path: at, params: {} };
  if (kpi.max !== undefined && units > BigInt(kpi.max) * scale) {
    return { key: "file.indicator.aboveMaximum", path: at, params: { max: kpi.max } };
  }
  return null;
}

function validateResults(results: ResultsSection): FileFieldError[] {
  const errors: FileFieldError[] = [];

  const { start, end } = results.period;
  const startValid = start !== null && isIsoDate(start.trim());
  const endValid = end !== null && isIsoDate(end.trim());
  if (!isBlank(start) && !startValid) errors.push({ key: "file.date.invalid", path: ["period", "start"], params: {} });
  if (!isBlank(end) && !endValid) errors.push({ key: "file.date.invalid", path: ["period", "end"], params: {} });
  // ISO dates compare as strings.
  if (startValid && endValid && end.trim() < start.trim()) {
    errors.push({ key: "file.period.endBeforeStart", path: ["period", "end"], params: {} });
  }

  if (!isBlank(results.totalCost) && !FILE_DECIMAL_PATTERN.test((results.totalCost ?? "").trim())) {
    errors.push({ key: "file.decimal.invalid", path: ["totalCost"], params: DECIMAL_PARAMS });
  }

  for (const area of OUTCOME_AREAS) {
    results.indicators[area].forEach((indicator, index) => {
      const path = ["indicators", area, index];
      const hasValues = !isBlank(indicator.before) || !isBlank(indicator.after) || !isBlank(indicator.unit);
      if (isBlank(indicator.kpi) && hasValues) {
        errors.push({ key: "file.indicator.nameRequired", path: [...path, "kpi"], params: {} });
      }
      for (const field of ["before", "after"] as const) {
        const error = validateIndicatorValue(indicator, field, path);
        if (error) errors.push(error);
      }
    });
  }

  results.providerEvaluations.forEach((evaluation, index) => {
    const path = ["providerEvaluations", index];
    const { rating } = evaluation;
    if (rating !== null && !(Number.isInteger(rating) && rating >= PROVIDER_RATING_MIN && rating <= PROVIDER_RATING_MAX)) {
      errors.push({
        key: "file.rating.outOfRange",
        path: [...path, "rating"],
        params: { min: PROVIDER_RATING_MIN, max: PROVIDER_RATING_MAX },
      });
    }
    const hasContent = rating !== null || !isBlank(evaluation.product) || !isBlank(evaluation.comment);
    if (hasContent && isBlank(evaluation.providerId) && isBlank(evaluation.providerName)) {
      errors.push({ key: "file.providerEvaluation.providerRequired", path: [...path, "providerName"], params: {} });
    }
  });
  return errors;
}

function validateEvaluation(evaluation: EvaluationSection): FileFieldError[] {
  const errors: FileFieldError[] = [];
  if (evaluation.evaluationPassed !== null && evaluation.evaluationConducted !== true) {
    errors.push({ key: "file.evaluation.notConducted", path: ["evaluationPassed"], params: {} });
  } else if (evaluation.evaluationPassed === false && isBlank(evaluation.notPassedReason)) {
    errors.push({ key: "file.reason.required", path: ["notPassedReason"], params: {} });
  }
  if (evaluation.isSample === true && isBlank(evaluation.sampleReason)) {
    errors.push({ key: "file.reason.required", path: ["sampleReason"], params: {} });
  }
  return errors;
}

const SECTION_VALIDATORS: { [S in FileSectionKey]: (content: EnterpriseFile[S]) => FileFieldError[] } = {
  basic: validateBasic,
  // Needs are free text whose lengths and ids the schema already guards.
  needs: () => [],
  results: validateResults,
  evaluation: validateEvaluation,
};

/** Field-level errors of one section (paths relative to the section). Empty fields are never errors here. */
export function validateFileSection<S extends FileSectionKey>(section: S, content: EnterpriseFile[S]): FileFieldError[] {
  return SECTION_VALIDATORS[section](content);
}

/** Every field-level error of a file, paths starting with the section key. */
export function validateEnterpriseFile(file: EnterpriseFile): FileFieldError[] {
  return FILE_SECTION_KEYS.flatMap((section) =>
    validateFileSection(section, file[section]).map((error) => ({ ...error, path: [section, ...error.path] })),
  );
}

// ————————————————————————————————————————————————————————————— completeness

/** What a section needs before it counts as complete. `applies` (default: always) makes a requirement conditional. */
export interface FileRequirement<C> {
  key: string;
  applies?: (content: C) => boolean;
  filled: (content: C) => boolean;
}

const hasText = (items: readonly { text: string }[]) => items.some((item) => !isBlank(item.text));

/**
 * The requirements per section, as a table. 一: every field of the template. 二: at least one need in any direction.
 * 三 (其余“根据实际改造内容可选填”): 改造内容, 云应用情况 (with its detail after 私有云：/混合云：), 起止时间, 总花费,
 * level before and after, at least one indicator with a name and both values, at least one provider evaluation with a
 * provider and a rating. 四: 是否已开展; if 是, 是否通过 (reason if 否) and 是否样板 (reason if 是).
 * Completeness counts what is filled in; whether it is valid is validation's business.
 */
export const FILE_REQUIREMENTS: { [S in FileSectionKey]: readonly FileRequirement<EnterpriseFile[S]>[] } = {
  basic: BASIC_FIELDS.map((field) => ({
    key: field,
    filled: (basic: BasicInfoSection) => {
      const value = basic[field];
      return typeof value === "string" ? !isBlank(value) : value !== null;
    },
  })),
  needs: [{ key: "needItems", filled: (needs) => DIRECTIONS.some((direction) => hasText(needs[direction])) }],
  results: [
    { key: "transformationItems", filled: (results) => hasText(results.transformationItems) },
    {
      key: "cloud",
      filled: ({ cloud }) =>
        cloud.usage !== null && (!CLOUD_USAGES_WITH_DETAIL.includes(cloud.usage) || !isBlank(cloud.detail)),
    },
    { key: "period", filled: ({ period }) => !isBlank(period.start) && !isBlank(period.end) },
    { key: "totalCost", filled: (results) => !isBlank(results.totalCost) },
    { key: "digitalLevelBefore", filled: (results) => results.digitalLevel.before !== null },
    { key: "digitalLevelAfter", filled: (results) => results.digitalLevel.after !== null },
    {
      key: "indicators",
      filled: (results) =>
        OUTCOME_AREAS.some((area) =>
          results.indicators[area].some(
            (indicator) => !isBlank(indicator.kpi) && !isBlank(indicator.before) && !isBlank(indicator.after),
          ),
        ),
    },
    {
      key: "providerEvaluations",
      filled: (results) =>
        results.providerEvaluations.some(
          (evaluation) =>
            (!isBlank(evaluation.providerId) || !isBlank(evaluation.providerName)) && evaluation.rating !== null,
        ),
    },
  ],
  evaluation: [
    { key: "evaluationConducted", filled: (evaluation) => evaluation.evaluationConducted !== null },
    {
      key: "evaluationPassed",
      applies: (evaluation) => evaluation.evaluationConducted === true,
      filled: (evaluation) => evaluation.evaluationPassed !== null,
    },
    {
      key: "notPassedReason",
      applies: (evaluation) => evaluation.evaluationConducted === true && evaluation.evaluationPassed === false,
      filled: (evaluation) => !isBlank(evaluation.notPassedReason),
    },
    {
      key: "isSample",
      applies: (evaluation) => evaluation.evaluationConducted === true,
      filled: (evaluation) => evaluation.isSample !== null,
    },
    {
      key: "sampleReason",
      applies: (evaluation) => evaluation.evaluationConducted === true && evaluation.isSample === true,
      filled: (evaluation) => !isBlank(evaluation.sampleReason),
    },
  ],
};

export interface SectionCompleteness {
  filled: number;
  required: number;
  complete: boolean;
  /** Keys of the requirements still open, in table order. */
  missing: string[];
}

export function sectionCompleteness<S extends FileSectionKey>(section: S, content: EnterpriseFile[S]): SectionCompleteness {
  const requirements: readonly FileRequirement<EnterpriseFile[S]>[] = FILE_REQUIREMENTS[section];
  const applicable = requirements.filter((requirement) => requirement.applies?.(content) ?? true);
  const missing = applicable.filter((requirement) => !requirement.filled(content)).map((requirement) => requirement.key);
  const required = applicable.length;
  const filled = required - missing.length;
  return { filled, required, complete: missing.length === 0, missing };
}

export interface FileCompleteness {
  sections: Record<FileSectionKey, SectionCompleteness>;
  filled: number;
  required: number;
  /** filled / required over all sections as a whole percentage, rounded down: 100 only when every section is complete. */
  percentage: number;
  complete: boolean;
}

export function fileCompleteness(file: EnterpriseFile): FileCompleteness {
  const sections = {
    basic: sectionCompleteness("basic", file.basic),
    needs: sectionCompleteness("needs", file.needs),
    results: sectionCompleteness("results", file.results),
    evaluation: sectionCompleteness("evaluation", file.evaluation),
  };
  const all = Object.values(sections);
  const filled = all.reduce((sum, section) => sum + section.filled, 0);
  const required = all.reduce((sum, section) => sum + section.required, 0);
  const percentage = required === 0 ? 100 : Math.floor((filled * 100) / required);
  return { sections, filled, required, percentage, complete: filled === required };
}

// ————————————————————————————————————————————————————————————— who may edit which section when

/**
 * Who may write each section (注1): the enterprise fills 一–三 itself or with its provider; the county fills 四 and
 * keeps the whole file up to date, so it may write every section. 一 is the enterprise's own data: no provider.
 */
export const SECTION_WRITERS: Record<FileSectionKey, readonly FileWriter[]> = {
  basic: ["ENTERPRISE", "COUNTY"],
  needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
  results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
  evaluation: ["COUNTY"],
};

/**
 * Sections written once the transformation project has started (注1: 第一项及第二项…可在确定试点企业后先行填写，
 * 其他内容可在改造后填写). 四 evaluates the transformation, so it waits too.
 */
export const SECTIONS_AFTER_TRANSFORMATION_START: readonly FileSectionKey[] = ["results", "evaluation"];

export type FileEditRefusal =
  | "NOT_A_WRITER"
  | "PROVIDER_NOT_LINKED"
  | "NOT_OWN_ENTERPRISE"
  | "NOT_ON_ROSTER"
  | "BEFORE_TRANSFORMATION";

/** zh-CN explanations shown beside a read-only section. */
export const FILE_EDIT_REFUSAL_LABELS: Record<FileEditRefusal, string> = {
  NOT_A_WRITER: "此项不由您填写：第一至三项由试点企业自行填写或联合数字化服务商共同填写，第四项由试点县（市、区）填写",
  PROVIDER_NOT_LINKED: "仅为该试点企业提供服务的数字化服务商可共同填写",
  NOT_OWN_ENTERPRISE: "只能填写本企业的改造信息表",
  NOT_ON_ROSTER: "该企业不在试点企业改造名单中（或已调出），改造信息表不可修改",
  BEFORE_TRANSFORMATION: "改造项目开始后方可填写第三项、第四项",
};

export interface FileEditContext {
  section: FileSectionKey;
  writer: FileWriter;
  /** The provider is a party to this enterprise's transformation (only read for PROVIDER). */
  linkedToEnterprise: boolean;
  /** The enterprise user belongs to this enterprise (only read for ENTERPRISE). */
  ownEnterprise: boolean;
  /** The enterprise is active on its county's roster (not removed by a change request). */
  onRoster: boolean;
  /** The transformation project has started. */
  transformationStarted: boolean;
}

export type FileEditability = { editable: true } | { editable: false; reason: FileEditRefusal };

/** The checks in order; the first that refuses gives the reason. The county's tenancy is checked by the caller's scope. */
export const FILE_EDIT_CHECKS: readonly { reason: FileEditRefusal; refuses: (context: FileEditContext) => boolean }[] = [
  { reason: "NOT_A_WRITER", refuses: (c) => !SECTION_WRITERS[c.section].includes(c.writer) },
  { reason: "PROVIDER_NOT_LINKED", refuses: (c) => c.writer === "PROVIDER" && !c.linkedToEnterprise },
  { reason: "NOT_OWN_ENTERPRISE", refuses: (c) => c.writer === "ENTERPRISE" && !c.ownEnterprise },
  { reason: "NOT_ON_ROSTER", refuses: (c) => !c.onRoster },
  {
    reason: "BEFORE_TRANSFORMATION",
    refuses: (c) => SECTIONS_AFTER_TRANSFORMATION_START.includes(c.section) && !c.transformationStarted,
  },
];

export function sectionEditability(context: FileEditContext): FileEditability {
  const refusal = FILE_EDIT_CHECKS.find((check) => check.refuses(context));
  return refusal ? { editable: false, reason: refusal.reason } : { editable: true };
}

/** The sections this writer may edit now. */
export function editableSections(context: Omit<FileEditContext, "section">): FileSectionKey[] {
  return FILE_SECTION_KEYS.filter((section) => sectionEditability({ ...context, section }).editable);
}

/** The file writer a role acts as; null (never a writer) for the province, reviewers and cities. */
export function fileWriterOfRole(role: Role): FileWriter | null {
  switch (role) {
    case "ENTERPRISE_USER":
      return "ENTERPRISE";
    case "PROVIDER_USER":
      return "PROVIDER";
    case "COUNTY_ADMIN":
      return "COUNTY";
    default:
      return null;
  }
}

// ————————————————————————————————————————————————————————————— concurrent edits

/**
 * Three-way merge of a section edited concurrently (`base` both started from, `mine` being saved, `theirs` saved
 * since): the platform's one merge rule (threeWayMerge) — needs, indicators and evaluations merge item by item by id.
 */
export function mergeSectionEdits<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  return threeWayMerge(base, mine, theirs);
}
