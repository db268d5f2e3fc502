import { isValidCreditCode } from "../credit-code";
import { charCount } from "../plan/plan-data-table";
import type { Role } from "../scope";
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

export type MergeConflictKind = "BOTH_CHANGED" | "DELETED_BY_MINE" | "DELETED_BY_THEIRS";

/**
 * Two edits that cannot both stand. `path` uses property names and, inside lists, item ids (indexes differ between
 * versions). A deleted item is null on the side that deleted it.
 */
export interface MergeConflict {
  path: readonly string[];
  kind: MergeConflictKind;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
}

type Item = { id: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isItemList(value: unknown): value is Item[] {
  return Array.isArray(value) && value.every((entry) => isPlainObject(entry) && typeof entry.id === "string");
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((entry, index) => deepEqual(entry, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** Ids of `side` that are also in `base`, in `side`'s order, compared with their order in `base`. */
function reordered(base: readonly Item[], side: readonly Item[]): boolean {
  const baseIds = new Set(base.map((item) => item.id));
  const sideIds = new Set(side.map((item) => item.id));
  const common = side.map((item) => item.id).filter((id) => baseIds.has(id));
  const baseOrder = base.map((item) => item.id).filter((id) => sideIds.has(id));
  return !deepEqual(common, baseOrder);
}

function mergeItemLists(
  base: readonly Item[],
  mine: readonly Item[],
  theirs: readonly Item[],
  path: readonly string[],
  conflicts: MergeConflict[],
): Item[] {
  const byId = (items: readonly Item[]) => new Map(items.map((item) => [item.id, item]));
  const [baseById, mineById, theirsById] = [byId(base), byId(mine), byId(theirs)];
  const kept = new Map<string, Item>();

  for (const id of new Set([...baseById.keys(), ...mineById.keys(), ...theirsById.keys()])) {
    const [b, m, t] = [baseById.get(id), mineById.get(id), theirsById.get(id)];
    const at = [...path, id];
    if (m && t) {
      const mineChanged = !deepEqual(b, m);
      const theirsChanged = !deepEqual(b, t);
      if (mineChanged && theirsChanged && !deepEqual(m, t)) {
        conflicts.push({ path: at, kind: "BOTH_CHANGED", mine: m, theirs: t });
        kept.set(id, t);
      } else {
        kept.set(id, mineChanged ? m : t);
      }
    } else if (m) {
      // Absent from theirs: added by mine, or deleted by theirs.
      if (!b) kept.set(id, m);
      else if (!deepEqual(b, m)) {
        conflicts.push({ path: at, kind: "DELETED_BY_THEIRS", mine: m, theirs: null });
        kept.set(id, m);
      }
    } else if (t) {
      if (!b) kept.set(id, t);
      else if (!deepEqual(b, t)) {
        conflicts.push({ path: at, kind: "DELETED_BY_MINE", mine: null, theirs: t });
        kept.set(id, t);
      }
    }
  }

  // Order: the side that reordered (theirs when both did) sets the skeleton; the other side's items go in after their
  // predecessor on that side, behind any items the skeleton side added there.
  const mineFirst = !reordered(base, theirs) && reordered(base, mine);
  const [skeleton, other] = mineFirst ? [mine, theirs] : [theirs, mine];
  const baseIds = new Set(baseById.keys());
  const otherIds = new Set(other.map((item) => item.id));
  const order = skeleton.map((item) => item.id).filter((id) => kept.has(id));
  let anchor = -1;
  for (const { id } of other) {
    if (!kept.has(id)) continue;
    const at = order.indexOf(id);
    if (at >= 0) {
      anchor = at;
      continue;
    }
    let insertAt = anchor + 1;
    while (insertAt < order.length && !baseIds.has(order[insertAt]!) && !otherIds.has(order[insertAt]!)) insertAt++;
    order.splice(insertAt, 0, id);
    anchor = insertAt;
  }
  return order.map((id) => kept.get(id)!);
}

function mergeValue(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: readonly string[],
  conflicts: MergeConflict[],
): unknown {
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (deepEqual(base, theirs)) return mine;
  // Both sides changed this value, differently: look inside lists of items and objects before calling it a conflict.
  if (isItemList(base) && isItemList(mine) && isItemList(theirs)) {
    return mergeItemLists(base, mine, theirs, path, conflicts);
  }
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      merged[key] = mergeValue(base[key], mine[key], theirs[key], [...path, key], conflicts);
    }
    return merged;
  }
  conflicts.push({ path, kind: "BOTH_CHANGED", mine, theirs });
  return theirs;
}

/**
 * Three-way merge of a section edited concurrently: `base` is the version both started from, `theirs` the version
 * saved since, `mine` the edit being saved. Lists of items merge by id: both sides' new items are kept; an item one
 * side changed takes that change; an item both changed differently, or one side deleted while the other changed it,
 * is a conflict. Any other value: one side's change is taken; different changes on both sides are a conflict.
 * At a conflict `merged` holds theirs (already saved), except that a changed item is kept rather than deleted, so
 * nobody's work disappears before the writer has resolved the conflict.
 */
export function mergeSectionEdits<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts) as T;
  return { merged, conflicts };
}
