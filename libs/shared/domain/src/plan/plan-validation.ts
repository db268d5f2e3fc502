import type { Region } from "../region";
import { REGION_NAMES, ROSTER_MINIMUM_BY_REGION } from "../region";
import type { PlanBaseCountField, PlanDataTable, PlanSubIndustry, PlanTargetField } from "./plan-data-table";
import { charCount, PLAN_BASE_COUNT_FIELDS, PLAN_TARGET_FIELDS, PLAN_TEXT_MAX_CHARS } from "./plan-data-table";
import { PLAN_DECIMAL_PATTERN, plannedTotal, planTotals } from "./plan-ratios";

/** Where an issue sits, as property names and array indexes from the table root (like a zod issue path). */
export type PlanFieldPath = readonly (string | number)[];

export type PlanValidationMessageKey =
  | "plan.count.notNonNegativeInteger"
  | "plan.decimal.invalid"
  | "plan.target.exceedsBase"
  | "plan.text.tooLong";

/**
 * A field-level error: it blocks saving that value as valid and is shown on the field at `path`.
 * For `plan.target.exceedsBase`, `params.limitField` names the field whose value is the bound.
 */
export interface PlanFieldError {
  key: PlanValidationMessageKey;
  path: PlanFieldPath;
  params: Record<string, string | number>;
}

type CountField = PlanBaseCountField | PlanTargetField | "plannedTotal";

/**
 * A cross-field rule: `field` of a sub-industry may not exceed `limitField` of the same sub-industry.
 * `plannedTotal` is B = 拟改造规上 + 拟改造规下; a rule on B reports on 拟改造规下, the field the county last
 * fills in, because B itself is computed.
 */
export interface PlanUpperBoundRule {
  field: CountField;
  limitField: CountField;
  reportOn: PlanBaseCountField | PlanTargetField;
}

export const PLAN_UPPER_BOUND_RULES: readonly PlanUpperBoundRule[] = [
  // Base year: 规上 enterprises are among the sub-industry's 工业中小企业.
  { field: "aboveScaleSmeTotal", limitField: "smeTotal", reportOn: "aboveScaleSmeTotal" },
  // Base year: A (专精特新) are among the sub-industry's 工业中小企业.
  { field: "specialisedSmeTotal", limitField: "smeTotal", reportOn: "specialisedSmeTotal" },
  // 拟改造规上 are drawn from the sub-industry's 规上工业中小企业.
  { field: "plannedAboveScale", limitField: "aboveScaleSmeTotal", reportOn: "plannedAboveScale" },
  // B (拟改造规上 + 拟改造规下) are drawn from the sub-industry's 工业中小企业.
  { field: "plannedTotal", limitField: "smeTotal", reportOn: "plannedBelowScale" },
  // C ≤ A: the 专精特新 among the renovated are drawn from the sub-industry's 专精特新 (C/A ≤ 100%).
  { field: "plannedSpecialised", limitField: "specialisedSmeTotal", reportOn: "plannedSpecialised" },
  // C ≤ B: C counts enterprises among the renovated (拟改造企业中).
  { field: "plannedSpecialised", limitField: "plannedTotal", reportOn: "plannedSpecialised" },
  // D ≤ B, E ≤ B, F ≤ B: shares of the renovated enterprises (占比 = X/B ≤ 100%).
  { field: "plannedCloud", limitField: "plannedTotal", reportOn: "plannedCloud" },
  { field: "plannedInitialLevel", limitField: "plannedTotal", reportOn: "plannedInitialLevel" },
  { field: "plannedBenchmarks", limitField: "plannedTotal", reportOn: "plannedBenchmarks" },
  // Section 二: 规上 reaching 规范级（二级） are renovated 规上 enterprises, so ≤ 拟改造规上 (and thereby ≤ 规上总数).
  {
    field: "plannedAboveScaleStandardLevel",
    limitField: "plannedAboveScale",
    reportOn: "plannedAboveScaleStandardLevel",
  },
  // Section 二: 规下 reaching 初始级（一级） are renovated 规下 enterprises, so ≤ 拟改造规下.
  { field: "plannedBelowScaleInitialLevel", limitField: "plannedBelowScale", reportOn: "plannedBelowScaleInitialLevel" },
];

function isNonNegativeInteger(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function valueOf(row: PlanSubIndustry, field: CountField): number {
  if (field === "plannedTotal") return plannedTotal(row.targets);
  return field in row.base ? row.base[field as PlanBaseCountField] : row.targets[field as PlanTargetField];
}

function sectionOf(field: PlanBaseCountField | PlanTargetField): "base" | "targets" {
  return (PLAN_BASE_COUNT_FIELDS as readonly string[]).includes(field) ? "base" : "targets";
}

/** Field-level errors of one sub-industry row; paths are relative to the row. */
export function validatePlanSubIndustry(row: PlanSubIndustry): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  const invalid = new Set<string>();

  // 工业总产值（亿元）: a non-negative decimal with up to 4 places.
  if (!PLAN_DECIMAL_PATTERN.test(row.base.industrialOutputValue.trim())) {
    errors.push({ key: "plan.decimal.invalid", path: ["base", "industrialOutputValue"], params: { maxDecimals: 4 } });
  }

  // Every count (家/个) is a non-negative integer.
  for (const field of PLAN_BASE_COUNT_FIELDS) {
    if (!isNonNegativeInteger(row.base[field])) {
      invalid.add(field);
      errors.push({ key: "plan.count.notNonNegativeInteger", path: ["base", field], params: {} });
    }
  }
  for (const field of PLAN_TARGET_FIELDS) {
    if (!isNonNegativeInteger(row.targets[field])) {
      invalid.add(field);
      errors.push({ key: "plan.count.notNonNegativeInteger", path: ["targets", field], params: {} });
    }
  }

  // Cross-field bounds, checked only where both sides are valid counts (one error per bad value is enough).
  const isValid = (field: CountField) =>
    field === "plannedTotal"
      ? !invalid.has("plannedAboveScale") && !invalid.has("plannedBelowScale")
      : !invalid.has(field);
  for (const rule of PLAN_UPPER_BOUND_RULES) {
    if (!isValid(rule.field) || !isValid(rule.limitField)) continue;
    const limit = valueOf(row, rule.limitField);
    if (valueOf(row, rule.field) > limit) {
      errors.push({
        key: "plan.target.exceedsBase",
        path: [sectionOf(rule.reportOn), rule.reportOn],
        params: { field: rule.field, limitField: rule.limitField, limit },
      });
    }
  }
  return errors;
}

/** Every field-level error of the table. Saving a draft with errors is the caller's choice; submitting is not. */
export function validatePlanDataTable(table: PlanDataTable): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  table.clusters.forEach((cluster, clusterIndex) => {
    cluster.subIndustries.forEach((row, subIndustryIndex) => {
      for (const error of validatePlanSubIndustry(row)) {
        errors.push({ ...error, path: ["clusters", clusterIndex, "subIndustries", subIndustryIndex, ...error.path] });
      }
    });
  });
  // “链式”转型模式 and 特色做法及模式: 不超过200字, counted in characters (code points).
  for (const field of ["chainTransformationMode", "distinctivePractices"] as const) {
    const length = charCount(table[field]);
    if (length > PLAN_TEXT_MAX_CHARS) {
      errors.push({ key: "plan.text.tooLong", path: [field], params: { limit: PLAN_TEXT_MAX_CHARS, length } });
    }
  }
  return errors;
}

export type PlanSubmissionBlockerKey = "plan.submission.belowRegionalMinimum";

/** Something that lets the plan be saved but not submitted to the city. */
export interface PlanSubmissionBlocker {
  key: PlanSubmissionBlockerKey;
  path: PlanFieldPath;
  params: { minimum: number; region: string; plannedTotal: number };
}

/**
 * Blockers on submission, not on saving: the total B (拟改造企业合计, over all sub-industries) below the regional
 * minimum (原则上苏南地区不少于100家，苏中地区不少于80家，苏北地区不少于50家). `params.region` is the region's name (苏南…).
 */
export function submissionBlockers(table: Pick<PlanDataTable, "clusters">, region: Region): PlanSubmissionBlocker[] {
  const totals = planTotals(table);
  const total = plannedTotal(totals);
  const minimum = ROSTER_MINIMUM_BY_REGION[region];
  if (total >= minimum) return [];
  return [
    {
      key: "plan.submission.belowRegionalMinimum",
      path: ["totals", "plannedTotal"],
      params: { minimum, region: REGION_NAMES[region], plannedTotal: total },
    },
  ];
}
