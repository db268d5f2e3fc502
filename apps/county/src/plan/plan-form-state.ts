/**
 * The plan form's state changes and lookups, as pure functions: the form keeps one ImplementationPlanContent and
 * replaces it through these, so a change never mutates what React rendered, and the rules stay in @dtpilot/domain.
 */
import {
  emptyPlanSubIndustry,
  PLAN_CLUSTERS_MAX,
  planPathString,
  type ImplementationPlanContent,
  type PlanBaseCountField,
  type PlanCluster,
  type PlanCover,
  type PlanDataTable,
  type PlanFieldError,
  type PlanSectionKey,
  type PlanSubIndustry,
  type PlanTargetField,
  type RichText,
} from "@dtpilot/domain";

export function withCover(content: ImplementationPlanContent, field: keyof PlanCover, value: string): ImplementationPlanContent {
  return { ...content, cover: { ...content.cover, [field]: value } };
}

export function withSection(content: ImplementationPlanContent, key: PlanSectionKey, doc: RichText): ImplementationPlanContent {
  return { ...content, sections: { ...content.sections, [key]: doc } };
}

export function withDataTable(
  content: ImplementationPlanContent,
  change: (table: PlanDataTable) => PlanDataTable,
): ImplementationPlanContent {
  return { ...content, dataTable: change(content.dataTable) };
}

function withCluster(table: PlanDataTable, clusterIndex: number, change: (cluster: PlanCluster) => PlanCluster): PlanDataTable {
  return { ...table, clusters: table.clusters.map((cluster, index) => (index === clusterIndex ? change(cluster) : cluster)) };
}

export function withClusterName(table: PlanDataTable, clusterIndex: number, name: string): PlanDataTable {
  return withCluster(table, clusterIndex, (cluster) => ({ ...cluster, name }));
}

export function withSubIndustry(
  table: PlanDataTable,
  clusterIndex: number,
  subIndustryIndex: number,
  change: (row: PlanSubIndustry) => PlanSubIndustry,
): PlanDataTable {
  return withCluster(table, clusterIndex, (cluster) => ({
    ...cluster,
    subIndustries: cluster.subIndustries.map((row, index) => (index === subIndustryIndex ? change(row) : row)),
  }));
}

export function withBaseCount(row: PlanSubIndustry, field: PlanBaseCountField, value: number): PlanSubIndustry {
  return { ...row, base: { ...row.base, [field]: value } };
}

export function withTarget(row: PlanSubIndustry, field: PlanTargetField, value: number): PlanSubIndustry {
  return { ...row, targets: { ...row.targets, [field]: value } };
}

/** A second 特色产业集群 with one empty sub-industry; the table holds at most PLAN_CLUSTERS_MAX. */
export function addCluster(table: PlanDataTable): PlanDataTable {
  if (table.clusters.length >= PLAN_CLUSTERS_MAX) return table;
  return { ...table, clusters: [...table.clusters, { name: "", subIndustries: [emptyPlanSubIndustry()] }] };
}

/** Removes a cluster, never the last one (a plan covers at least one). */
export function removeCluster(table: PlanDataTable, clusterIndex: number): PlanDataTable {
  if (table.clusters.length <= 1) return table;
  return { ...table, clusters: table.clusters.filter((_, index) => index !== clusterIndex) };
}

export function addSubIndustry(table: PlanDataTable, clusterIndex: number): PlanDataTable {
  return withCluster(table, clusterIndex, (cluster) => ({ ...cluster, subIndustries: [...cluster.subIndustries, emptyPlanSubIndustry()] }));
}

/** Removes a sub-industry, never a cluster's last one. */
export function removeSubIndustry(table: PlanDataTable, clusterIndex: number, subIndustryIndex: number): PlanDataTable {
  return withCluster(table, clusterIndex, (cluster) =>
    cluster.subIndustries.length <= 1
      ? cluster
      : { ...cluster, subIndustries: cluster.subIndustries.filter((_, index) => index !== subIndustryIndex) },
  );
}

/** Path of a data-table field as comments and test ids name it: "dataTable.clusters.0.subIndustries.1.targets.plannedCloud". */
export function dataTablePath(...path: (string | number)[]): string {
  return planPathString(["dataTable", ...path]);
}

export function subIndustryPath(clusterIndex: number, subIndustryIndex: number, ...rest: string[]): string {
  return dataTablePath("clusters", clusterIndex, "subIndustries", subIndustryIndex, ...rest);
}

/** The data table's field errors keyed by their content path (the table's own paths prefixed with "dataTable"). */
export function errorsByPath(errors: readonly PlanFieldError[]): ReadonlyMap<string, PlanFieldError[]> {
  const byPath = new Map<string, PlanFieldError[]>();
  for (const error of errors) {
    const path = dataTablePath(...error.path);
    byPath.set(path, [...(byPath.get(path) ?? []), error]);
  }
  return byPath;
}

/** What a reviewer's comment needs for the form to show it beside its field. */
export interface PlanCommentLike {
  id: string;
  target: string;
  createdAt: Date | string;
}

/** Comments grouped by the path they target, newest first within each group. */
export function commentsByTarget<C extends PlanCommentLike>(comments: readonly C[]): ReadonlyMap<string, C[]> {
  const byTarget = new Map<string, C[]>();
  for (const comment of newestFirst(comments)) byTarget.set(comment.target, [...(byTarget.get(comment.target) ?? []), comment]);
  return byTarget;
}

export function newestFirst<C extends PlanCommentLike>(comments: readonly C[]): C[] {
  return [...comments].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id.localeCompare(a.id));
}

/**
 * What a count (家/个) input holds while the county types: "" is 0 (an emptied field), a plain number — even a
 * negative or fractional one, so the table's validation can say what is wrong with it — is that number, and
 * anything else (a lone "-", letters) is undefined: the form keeps the last number and shows the input as invalid.
 */
export function parseCountText(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return 0;
  if (!/^-?\d+(\.\d*)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A wall-clock time HH:mm:ss in China Standard Time (the province's time), for “已保存 14:03:12”. */
export function formatClock(value: Date | string): string {
  return new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(new Date(value));
}
