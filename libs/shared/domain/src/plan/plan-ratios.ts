import type { PlanBaseCountField, PlanDataTable, PlanSubIndustry, PlanTargetField } from "./plan-data-table";
import { PLAN_BASE_COUNT_FIELDS, PLAN_TARGET_FIELDS } from "./plan-data-table";

/** A computed share (占比): numerator over denominator. Never typed in; `value` is null when the denominator is 0. */
export interface PlanRatio {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when the denominator is 0 (or either side is not a finite number). */
  value: number | null;
}

export function planRatio(numerator: number, denominator: number): PlanRatio {
  const defined = Number.isFinite(numerator) && Number.isFinite(denominator) && denominator !== 0;
  return { numerator, denominator, value: defined ? numerator / denominator : null };
}

/** Shown instead of a percentage when the denominator is 0. */
export const RATIO_UNDEFINED = "—";

/**
 * A ratio as a percentage with one decimal, rounded half away from zero: 1/8 → "12.5%", 1/3 → "33.3%", 2/3 → "66.7%".
 * "—" when the denominator is 0; never "NaN%" or "Infinity%".
 */
export function formatRatio(ratio: PlanRatio): string {
  if (ratio.value === null || !Number.isFinite(ratio.value)) return RATIO_UNDEFINED;
  // Per-mille, rounded; computed from numerator × 1000 / denominator so exact halves stay exact halves.
  const raw = (ratio.numerator * 1000) / ratio.denominator;
  const perMille = Math.sign(raw) * Math.round(Math.abs(raw));
  if (!Number.isFinite(perMille)) return RATIO_UNDEFINED;
  const sign = perMille < 0 ? "-" : "";
  const abs = Math.abs(perMille);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}%`;
}

/** The computed values of one sub-industry (or of the totals). */
export interface PlanComputed {
  /** 合计（家）（数值B） = 拟改造规上 + 拟改造规下 */
  plannedTotal: number;
  /** C/A */
  specialisedShare: PlanRatio;
  /** D/B */
  cloudShare: PlanRatio;
  /** E/B */
  initialLevelShare: PlanRatio;
  /** F/B */
  benchmarkShare: PlanRatio;
  /** 规上达到规范级（或二级）及以上的数量 / 试点行业规上工业中小企业总数 (“在该细分行业占比”) */
  aboveScaleStandardLevelShare: PlanRatio;
}

type Counts = Record<PlanBaseCountField, number> & Record<PlanTargetField, number>;

function countsOf(subIndustry: PlanSubIndustry): Counts {
  return { ...subIndustry.base, ...subIndustry.targets };
}

/** B = 拟改造规上 + 拟改造规下. */
export function plannedTotal(targets: Pick<PlanSubIndustry["targets"], "plannedAboveScale" | "plannedBelowScale">) {
  return targets.plannedAboveScale + targets.plannedBelowScale;
}

function computeFromCounts(counts: Counts): PlanComputed {
  const b = plannedTotal(counts);
  return {
    plannedTotal: b,
    specialisedShare: planRatio(counts.plannedSpecialised, counts.specialisedSmeTotal),
    cloudShare: planRatio(counts.plannedCloud, b),
    initialLevelShare: planRatio(counts.plannedInitialLevel, b),
    benchmarkShare: planRatio(counts.plannedBenchmarks, b),
    aboveScaleStandardLevelShare: planRatio(counts.plannedAboveScaleStandardLevel, counts.aboveScaleSmeTotal),
  };
}

/** B and the ratios of one sub-industry. */
export function computeSubIndustry(subIndustry: PlanSubIndustry): PlanComputed {
  return computeFromCounts(countsOf(subIndustry));
}

/** Sum of every count over all sub-industries of all clusters, plus the summed 工业总产值 as a decimal string. */
export interface PlanTotals extends Counts {
  /** Sum of 试点行业工业总产值（亿元）; null when any row's value is not a valid decimal. */
  industrialOutputValue: string | null;
}

export function planTotals(table: Pick<PlanDataTable, "clusters">): PlanTotals {
  const rows = table.clusters.flatMap((cluster) => cluster.subIndustries);
  const sums = {} as Counts;
  for (const field of [...PLAN_BASE_COUNT_FIELDS, ...PLAN_TARGET_FIELDS]) {
    sums[field] = rows.reduce((sum, row) => sum + countsOf(row)[field], 0);
  }
  return { ...sums, industrialOutputValue: sumDecimals(rows.map((row) => row.base.industrialOutputValue)) };
}

/** Sub-industry rows (cluster index, sub-industry index, computed values) and the totals' computed values. */
export interface PlanComputation {
  subIndustries: { clusterIndex: number; subIndustryIndex: number; computed: PlanComputed }[];
  totals: PlanTotals;
  totalComputed: PlanComputed;
}

export function computePlan(table: Pick<PlanDataTable, "clusters">): PlanComputation {
  const subIndustries = table.clusters.flatMap((cluster, clusterIndex) =>
    cluster.subIndustries.map((row, subIndustryIndex) => ({
      clusterIndex,
      subIndustryIndex,
      computed: computeSubIndustry(row),
    })),
  );
  const totals = planTotals(table);
  return { subIndustries, totals, totalComputed: computeFromCounts(totals) };
}

/** Up to 4 decimal places (1 万元 in 亿元), non-negative, no sign or exponent. */
export const PLAN_DECIMAL_PATTERN = /^\d+(\.\d{1,4})?$/;
const DECIMAL_PLACES = 4;

/** Exact sum of non-negative decimal strings (up to 4 places); null when any is malformed. */
export function sumDecimals(values: readonly string[]): string | null {
  let total = 0n;
  for (const value of values) {
    const trimmed = value.trim();
    if (!PLAN_DECIMAL_PATTERN.test(trimmed)) return null;
    const [whole = "0", fraction = ""] = trimmed.split(".");
    total += BigInt(whole + fraction.padEnd(DECIMAL_PLACES, "0"));
  }
  const digits = total.toString().padStart(DECIMAL_PLACES + 1, "0");
  const whole = digits.slice(0, -DECIMAL_PLACES);
  const fraction = digits.slice(-DECIMAL_PLACES).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
