/**
 * The layout of 实施方案主要数据表 (附1), defined once: the county's form, the read-only view, the XLSX and the DOCX all
 * render these rows, in this order, with these labels and merges. The template is a vertical form — labels on the
 * left in up to three columns (block heading, group, label), one value column per sub-industry (细分行业) and a 合计
 * column. 数值B and the shares (占比) are derived, never typed.
 */
import type { PlanBaseCountField, PlanDataTable, PlanTargetField } from "./plan-data-table";
import { PLAN_BENCHMARK_NOTE, PLAN_FIELD_LABELS, PLAN_RATIO_FORMULAS, subIndustryDisplayName } from "./plan-data-table";
import { computePlan, type PlanComputed } from "./plan-ratios";

export type PlanCountField = PlanBaseCountField | PlanTargetField;
export type PlanShareKey = Exclude<keyof PlanComputed, "plannedTotal">;

/** The two left-hand headings that span several rows, like the template's merged cells. */
export type PlanTableBlock = "baseYearData" | "targetData";

/** The label group of the two 拟改造 rows, merged down them like the template's 拟改造企业. */
export type PlanTableGroup = "plannedEnterprises";

/**
 * A row of the table. Labels sit in three columns: the block heading (基准年数据…, 目标数据), a group heading
 * (拟改造企业) or 占比, and the label itself or, beside 占比, the template's formula text. A row without a block spans
 * all three label columns.
 * `goals` marks the rows the table itself does not list but section 二 试点工作目标 of 附1 asks for.
 */
export type PlanTableRow = { label: string; block?: PlanTableBlock; goals?: true } & (
  | { kind: "countyName" | "clusterName" | "subIndustryName" | "industrialChain1650" }
  /** Typed per sub-industry, a decimal in 亿元; summed exactly in 合计. */
  | { kind: "industrialOutputValue" }
  /** Typed per sub-industry (`part` says where in it), summed in 合计. */
  | ({ kind: "count"; group?: PlanTableGroup; note?: string } & (
      | { part: "base"; field: PlanBaseCountField }
      | { part: "targets"; field: PlanTargetField }
    ))
  /** Derived: 数值B = 拟改造规上 + 拟改造规下. */
  | { kind: "plannedTotal" }
  /** Derived: numerator / denominator as a percentage. */
  | {
      kind: "share";
      share: PlanShareKey;
      numerator: PlanCountField;
      denominator: PlanCountField | "plannedTotal";
      /** The template's formula as printed beside 占比; only the four template shares have one. */
      formulaText?: string;
    }
);

const LABELS = PLAN_FIELD_LABELS;

function baseRow(field: PlanBaseCountField): PlanTableRow {
  return { kind: "count", field, part: "base", label: LABELS[field], block: "baseYearData" };
}

function targetRow(field: PlanTargetField, extra: { group?: PlanTableGroup; note?: string; goals?: true } = {}): PlanTableRow {
  return { kind: "count", field, part: "targets", label: LABELS[field], block: "targetData", ...extra };
}

/** The template's rows top to bottom, then section 二's three indicators (and a share) that it asks for besides. */
export const PLAN_TABLE_ROWS: readonly PlanTableRow[] = [
  { kind: "countyName", label: LABELS.countyName },
  { kind: "clusterName", label: LABELS.clusterName },
  { kind: "subIndustryName", label: LABELS.subIndustryName },
  { kind: "industrialChain1650", label: LABELS.industrialChain1650 },
  { kind: "industrialOutputValue", label: LABELS.industrialOutputValue, block: "baseYearData" },
  baseRow("smeTotal"),
  baseRow("aboveScaleSmeTotal"),
  baseRow("specialisedSmeTotal"),
  targetRow("plannedAboveScale", { group: "plannedEnterprises" }),
  targetRow("plannedBelowScale", { group: "plannedEnterprises" }),
  { kind: "plannedTotal", label: LABELS.plannedTotal, block: "targetData" },
  targetRow("plannedSpecialised"),
  {
    kind: "share",
    share: "specialisedShare",
    numerator: "plannedSpecialised",
    denominator: "specialisedSmeTotal",
    formulaText: PLAN_RATIO_FORMULAS.specialised,
    label: LABELS.ratio,
    block: "targetData",
  },
  targetRow("plannedCloud"),
  {
    kind: "share",
    share: "cloudShare",
    numerator: "plannedCloud",
    denominator: "plannedTotal",
    formulaText: PLAN_RATIO_FORMULAS.cloud,
    label: LABELS.ratio,
    block: "targetData",
  },
  targetRow("plannedInitialLevel"),
  {
    kind: "share",
    share: "initialLevelShare",
    numerator: "plannedInitialLevel",
    denominator: "plannedTotal",
    formulaText: PLAN_RATIO_FORMULAS.initialLevel,
    label: LABELS.ratio,
    block: "targetData",
  },
  targetRow("plannedBenchmarks", { note: PLAN_BENCHMARK_NOTE }),
  {
    kind: "share",
    share: "benchmarkShare",
    numerator: "plannedBenchmarks",
    denominator: "plannedTotal",
    formulaText: PLAN_RATIO_FORMULAS.benchmarks,
    label: LABELS.ratio,
    block: "targetData",
  },
  targetRow("plannedSolutions"),
  targetRow("plannedProviderPool"),
  targetRow("plannedReplication"),
  targetRow("plannedPromotionCentres"),
  targetRow("plannedAboveScaleStandardLevel", { goals: true }),
  {
    kind: "share",
    share: "aboveScaleStandardLevelShare",
    numerator: "plannedAboveScaleStandardLevel",
    denominator: "aboveScaleSmeTotal",
    label: LABELS.aboveScaleStandardLevelShare,
    block: "targetData",
    goals: true,
  },
  targetRow("plannedBelowScaleInitialLevel", { goals: true }),
  targetRow("plannedChainModes", { goals: true }),
];

/** The two texts of at most 200 characters, each a label followed by the county's text across the value columns. */
export const PLAN_TABLE_TEXT_ROWS = [
  { field: "chainTransformationMode", label: LABELS.chainTransformationMode },
  { field: "distinctivePractices", label: LABELS.distinctivePractices },
] as const satisfies readonly { field: keyof PlanDataTable; label: string }[];

/** A row's text for the group column: 拟改造企业, 占比, or nothing (the label then spans both columns). */
export function planRowGroupLabel(row: PlanTableRow): string | undefined {
  if (row.kind === "count" && row.group) return LABELS[row.group];
  if (row.kind === "share" && row.formulaText) return row.label;
  return undefined;
}

/** A row's text for the label column: the label (with the template's note), or, beside 占比, its formula text. */
export function planRowLabelLines(row: PlanTableRow): string[] {
  if (row.kind === "share" && row.formulaText) return [row.formulaText];
  if (row.kind === "count" && row.note) return [row.label, row.note];
  return [row.label];
}

/**
 * How many rows, from `index` down, share the row's value of `key`: 0 when the row above already shares it
 * (so its cell is covered by a merge), 1 when the row has no such value.
 */
export function spanDown<T>(items: readonly T[], index: number, key: (item: T) => string | undefined): number {
  const value = key(items[index]!);
  if (value === undefined) return 1;
  if (index > 0 && key(items[index - 1]!) === value) return 0;
  let end = index + 1;
  while (end < items.length && key(items[end]!) === value) end += 1;
  return end - index;
}

/** The label cells of row `index` left to right, each with how many rows it spans down; covered cells are left out. */
export interface PlanRowLabelCell {
  column: "block" | "group" | "label";
  /** Label columns it spans across: 3 for a row without a block, 2 for a label without a group. */
  across: number;
  /** Rows it spans down (the template's merged block and group headings). */
  down: number;
  lines: string[];
}

export function planRowLabelCells(index: number): PlanRowLabelCell[] {
  const row = PLAN_TABLE_ROWS[index]!;
  if (!row.block) return [{ column: "label", across: 3, down: 1, lines: [row.label] }];
  const cells: PlanRowLabelCell[] = [];
  const blockSpan = spanDown(PLAN_TABLE_ROWS, index, (item) => item.block);
  if (blockSpan > 0) cells.push({ column: "block", across: 1, down: blockSpan, lines: [LABELS[row.block]] });
  const group = planRowGroupLabel(row);
  if (group === undefined) {
    cells.push({ column: "label", across: 2, down: 1, lines: planRowLabelLines(row) });
  } else {
    const groupSpan = spanDown(PLAN_TABLE_ROWS, index, planRowGroupLabel);
    if (groupSpan > 0) cells.push({ column: "group", across: 1, down: groupSpan, lines: [group] });
    cells.push({ column: "label", across: 1, down: 1, lines: planRowLabelLines(row) });
  }
  return cells;
}

/** Every label line of the table in reading order (left to right, top to bottom, a merged cell once), texts last. */
export function planTableLabelSequence(): string[] {
  return [
    ...PLAN_TABLE_ROWS.flatMap((_, index) => planRowLabelCells(index).flatMap((cell) => cell.lines)),
    ...PLAN_TABLE_TEXT_ROWS.map((row) => row.label),
  ];
}

/** A value column: one sub-industry, or the totals (合计) of all of them. */
export interface PlanTableColumn {
  /** The sub-industry's cluster and its place in it; null for the totals column. */
  clusterIndex: number | null;
  subIndustryIndex: number | null;
  clusterName: string;
  /** “集群—细分行业”, or 合计. */
  heading: string;
  /** The sub-industry's own name; empty for the totals column. */
  subIndustryName: string;
  industrialChain1650: string;
  /** 工业总产值（亿元） as typed, or the exact sum; the sum is null when some value is not a valid decimal. */
  industrialOutputValue: string | null;
  counts: Record<PlanCountField, number>;
  computed: PlanComputed;
}

export const PLAN_TOTALS_HEADING = "合计";

/** Each sub-industry in the template's order, then the totals, always (so the layout never depends on the count). */
export function planTableColumns(table: PlanDataTable): PlanTableColumn[] {
  const computation = computePlan(table);
  const columns: PlanTableColumn[] = computation.subIndustries.map(({ clusterIndex, subIndustryIndex, computed }) => {
    const cluster = table.clusters[clusterIndex]!;
    const row = cluster.subIndustries[subIndustryIndex]!;
    return {
      clusterIndex,
      subIndustryIndex,
      clusterName: cluster.name,
      heading: subIndustryDisplayName(cluster, row),
      subIndustryName: row.name,
      industrialChain1650: row.industrialChain1650,
      industrialOutputValue: row.base.industrialOutputValue,
      counts: { ...row.base, ...row.targets },
      computed,
    };
  });
  const { industrialOutputValue, ...totalCounts } = computation.totals;
  columns.push({
    clusterIndex: null,
    subIndustryIndex: null,
    clusterName: "",
    heading: PLAN_TOTALS_HEADING,
    subIndustryName: "",
    industrialChain1650: "",
    industrialOutputValue,
    counts: totalCounts,
    computed: computation.totalComputed,
  });
  return columns;
}

/** The value columns a cluster's name spans: 0 for a column covered by the merge, 1 for the totals column. */
export function clusterSpan(columns: readonly PlanTableColumn[], index: number): number {
  return spanDown(columns, index, (column) => (column.clusterIndex === null ? undefined : String(column.clusterIndex)));
}
