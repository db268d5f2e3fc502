import { isValidCreditCode } from "../credit-code";
import { charCount } from "../plan/plan-data-table";
import { BASIC_AMOUNT_FIELDS, BASIC_SIGNED_AMOUNT_FIELDS, type BasicInfoSection } from "./basic-info-section";
import type { EnterpriseFile } from "./enterprise-file";
import type { EvaluationSection } from "./evaluation-section";
import { FILE_SECTION_KEYS, type FileSectionKey } from "./file-sections";
import { FILE_DECIMAL_MAX_PLACES, FILE_DECIMAL_PATTERN, FILE_PROFILE_MAX_CHARS, FILE_SIGNED_DECIMAL_PATTERN, isBlank, isIsoDate, parseFileDecimal } from "./file-values";
import { OUTCOME_AREAS, type QuantitativeIndicator, type ResultsSection } from "./results-section";
import { isKpiKey, KPI_CATALOGUE } from "./kpis";

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
