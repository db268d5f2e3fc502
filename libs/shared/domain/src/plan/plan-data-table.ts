import { z } from "zod";

/**
 * PlanDataTable 实施方案主要数据表 (附1): the main data table of a county's implementation plan.
 * Identity fields, base-year data (基准年数据（截止上年度）) and targets (目标数据) are kept per
 * sub-industry (细分行业, the guide's 分行业); totals and ratios are computed (see plan-ratios.ts), never typed.
 * The schema accepts drafts: it checks shape only, and plan-validation.ts reports field-level errors.
 */

/** Longest allowed “链式”转型模式 and 特色做法及模式 texts, in characters (不超过200字). */
export const PLAN_TEXT_MAX_CHARS = 200;

/** A county's plan covers one or two 特色产业集群. */
export const PLAN_CLUSTERS_MIN = 1;
export const PLAN_CLUSTERS_MAX = 2;

/** Separator between cluster and sub-industry in “特色产业集群—细分行业” (an em dash, as in the guide). */
export const CLUSTER_SUB_INDUSTRY_SEPARATOR = "—";

/** Base-year data of one sub-industry, 基准年数据（截止上年度）. */
export interface PlanBaseYearData {
  /** 试点行业工业总产值（亿元）: a non-negative decimal string, up to 4 decimal places (1 万元). */
  industrialOutputValue: string;
  /** 试点行业工业中小企业总数（家） */
  smeTotal: number;
  /** 试点行业规上工业中小企业总数（家） */
  aboveScaleSmeTotal: number;
  /** 试点行业专精特新中小企业数量（家）（数值A） */
  specialisedSmeTotal: number;
}

/** Targets of one sub-industry, 目标数据. B (合计) is computed from the two 拟改造 counts. */
export interface PlanTargets {
  /** 拟改造规上工业中小企业数量（家） */
  plannedAboveScale: number;
  /** 拟改造规下工业中小企业数量（家） */
  plannedBelowScale: number;
  /** 拟改造企业中专精特新中小企业数量（家）（数值C） */
  plannedSpecialised: number;
  /** 拟上云用云中小企业数量（家）（数值D） */
  plannedCloud: number;
  /** 拟达到数字化水平初始级（或智能制造能力成熟度一级）及以上试点企业数量（家）（数值E） */
  plannedInitialLevel: number;
  /** 实施期内拟打造中小企业智改数转网联标杆数量（家）（数值F） */
  plannedBenchmarks: number;
  /** 拟打造应用“小快轻准灵”解决方案数量（个） */
  plannedSolutions: number;
  /** 拟构建县区本级服务商资源池数量（家） */
  plannedProviderPool: number;
  /** 拟复制推广中小企业数量（家） */
  plannedReplication: number;
  /** 拟建设数字化转型促进中心（家） */
  plannedPromotionCentres: number;
  /** Section 二: 规上工业中小企业数字化水平达到规范级（或智能制造能力成熟度达到二级）及以上的数量 */
  plannedAboveScaleStandardLevel: number;
  /** Section 二: 规下工业中小企业数字化水平达到初始级（或智能制造能力成熟度达到一级）及以上数量 */
  plannedBelowScaleInitialLevel: number;
  /** Section 二: 打造“链式”转型模式数量 */
  plannedChainModes: number;
}

/** SubIndustry 细分行业 of a cluster, with its own base-year data and targets. */
export interface PlanSubIndustry {
  /** The sub-industry's own name; shown as “集群—细分行业” by `subIndustryDisplayName`. */
  name: string;
  /** 所属“1650”产业体系集群及产业链名称 */
  industrialChain1650: string;
  base: PlanBaseYearData;
  targets: PlanTargets;
}

/** Cluster 特色产业集群: 列入国家和省中小企业特色产业集群的名称 and its sub-industries (at least one). */
export interface PlanCluster {
  name: string;
  subIndustries: PlanSubIndustry[];
}

export interface PlanDataTable {
  /** 申报试点县（市、区）名称 */
  countyName: string;
  clusters: PlanCluster[];
  /** “链式”转型模式 (不超过200字) */
  chainTransformationMode: string;
  /** 特色做法及模式 (不超过200字) */
  distinctivePractices: string;
}

export type PlanBaseCountField = Exclude<keyof PlanBaseYearData, "industrialOutputValue">;
export type PlanTargetField = keyof PlanTargets;

export const PLAN_BASE_COUNT_FIELDS = [
  "smeTotal",
  "aboveScaleSmeTotal",
  "specialisedSmeTotal",
] as const satisfies readonly PlanBaseCountField[];

export const PLAN_TARGET_FIELDS = [
  "plannedAboveScale",
  "plannedBelowScale",
  "plannedSpecialised",
  "plannedCloud",
  "plannedInitialLevel",
  "plannedBenchmarks",
  "plannedSolutions",
  "plannedProviderPool",
  "plannedReplication",
  "plannedPromotionCentres",
  "plannedAboveScaleStandardLevel",
  "plannedBelowScaleInitialLevel",
  "plannedChainModes",
] as const satisfies readonly PlanTargetField[];

/** Every labelled item of the table: input fields, computed totals and ratios, section headings. */
export type PlanFieldKey =
  | "countyName"
  | "clusterName"
  | "subIndustryName"
  | "industrialChain1650"
  | "baseYearData"
  | "industrialOutputValue"
  | PlanBaseCountField
  | "targetData"
  | "plannedEnterprises"
  | PlanTargetField
  | "plannedTotal"
  | "ratio"
  | "aboveScaleStandardLevelShare"
  | "chainTransformationMode"
  | "distinctivePractices";

/**
 * zh-CN labels, word for word from 附1 实施方案主要数据表 (line breaks of the template removed); the three
 * section 二 indicators and their share quote section 二 试点工作目标 of 附1, which the table itself does not list.
 */
export const PLAN_FIELD_LABELS: Record<PlanFieldKey, string> = {
  countyName: "申报试点县（市、区）名称",
  clusterName: "列入国家和省中小企业特色产业集群的名称",
  subIndustryName: "申报试点的特色产业集群及细分行业名称",
  industrialChain1650: "所属“1650”产业体系集群及产业链名称",
  baseYearData: "基准年数据（截止上年度）",
  industrialOutputValue: "试点行业工业总产值（亿元）",
  smeTotal: "试点行业工业中小企业总数（家）",
  aboveScaleSmeTotal: "试点行业规上工业中小企业总数（家）",
  specialisedSmeTotal: "试点行业专精特新中小企业数量（家）（数值A）",
  targetData: "目标数据",
  plannedEnterprises: "拟改造企业",
  plannedAboveScale: "拟改造规上工业中小企业数量（家）",
  plannedBelowScale: "拟改造规下工业中小企业数量（家）",
  plannedTotal: "合计（家）（数值B）",
  plannedSpecialised: "拟改造企业中专精特新中小企业数量（家）（数值C）",
  plannedCloud: "拟上云用云中小企业数量（家）（数值D）",
  plannedInitialLevel: "拟达到数字化水平初始级（或智能制造能力成熟度一级）及以上试点企业数量（家）（数值E）",
  plannedBenchmarks: "实施期内拟打造中小企业智改数转网联标杆数量（家）（数值F）",
  plannedSolutions: "拟打造应用“小快轻准灵”解决方案数量（个）",
  plannedProviderPool: "拟构建县区本级服务商资源池数量（家）",
  plannedReplication: "拟复制推广中小企业数量（家）",
  plannedPromotionCentres: "拟建设数字化转型促进中心（家）",
  ratio: "占比",
  plannedAboveScaleStandardLevel:
    "规上工业中小企业数字化水平达到规范级（或智能制造能力成熟度达到二级）及以上的数量",
  aboveScaleStandardLevelShare: "在该细分行业占比",
  plannedBelowScaleInitialLevel: "规下工业中小企业数字化水平达到初始级（或智能制造能力成熟度达到一级）及以上数量",
  plannedChainModes: "打造“链式”转型模式数量",
  chainTransformationMode:
    "“链式”转型模式：描述围绕拟改造行业支持链主企业、龙头企业深度参与产业链上下游企业数字化协同改造。（不超过200字）",
  distinctivePractices:
    "特色做法及模式：描述试点县（市、区）拟在推动中小企业数字化转型工作中创新性或地方特色的典型做法及模式。（不超过200字）",
};

/** The note under 数值F in the template. */
export const PLAN_BENCHMARK_NOTE = "（如先进级、卓越级、领航级智能工厂以及国家智能制造标准应用试点项目等）";

/** The ratio formulas as the template prints them beside 占比. */
export const PLAN_RATIO_FORMULAS = {
  specialised: "=数值C/数值A *100%",
  cloud: "=数值D/数值B *100%",
  initialLevel: "=数值E/数值B *100%",
  benchmarks: "=数值F/数值B *100%",
} as const;

/** A sub-industry as the guide writes it: “特色产业集群—细分行业”. */
export function subIndustryDisplayName(cluster: Pick<PlanCluster, "name">, subIndustry: Pick<PlanSubIndustry, "name">) {
  return `${cluster.name.trim()}${CLUSTER_SUB_INDUSTRY_SEPARATOR}${subIndustry.name.trim()}`;
}

/** Length of a text in characters (code points): a CJK character or an emoji counts as one. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Longest cluster, sub-industry and “1650” names, in characters. */
export const PLAN_NAME_MAX_CHARS = 100;
/**
 * The two 200-character texts may be saved longer (the count shows red and submission waits), up to this guard,
 * so a county that pastes a draft loses nothing.
 */
const TEXT_GUARD_CHARS = 5_000;
const name = z.string().max(PLAN_NAME_MAX_CHARS);

/** Counts are plain numbers in the draft; plan-validation.ts requires non-negative integers. */
const count = z.number().finite();

export const planBaseYearDataSchema = z.object({
  industrialOutputValue: z.string().max(40),
  smeTotal: count,
  aboveScaleSmeTotal: count,
  specialisedSmeTotal: count,
});

export const planTargetsSchema = z.object({
  plannedAboveScale: count,
  plannedBelowScale: count,
  plannedSpecialised: count,
  plannedCloud: count,
  plannedInitialLevel: count,
  plannedBenchmarks: count,
  plannedSolutions: count,
  plannedProviderPool: count,
  plannedReplication: count,
  plannedPromotionCentres: count,
  plannedAboveScaleStandardLevel: count,
  plannedBelowScaleInitialLevel: count,
  plannedChainModes: count,
});

export const planSubIndustrySchema = z.object({
  name,
  industrialChain1650: z.string().max(PLAN_NAME_MAX_CHARS),
  base: planBaseYearDataSchema,
  targets: planTargetsSchema,
});

export const planClusterSchema = z.object({
  name,
  subIndustries: z.array(planSubIndustrySchema).min(1).max(20),
});

export const planDataTableSchema = z.object({
  countyName: z.string().max(PLAN_NAME_MAX_CHARS),
  clusters: z.array(planClusterSchema).min(PLAN_CLUSTERS_MIN).max(PLAN_CLUSTERS_MAX),
  chainTransformationMode: z.string().max(TEXT_GUARD_CHARS),
  distinctivePractices: z.string().max(TEXT_GUARD_CHARS),
});

/** An empty sub-industry row, every count 0, for a new form. */
export function emptyPlanSubIndustry(name = ""): PlanSubIndustry {
  const targets = Object.fromEntries(PLAN_TARGET_FIELDS.map((field) => [field, 0])) as Record<PlanTargetField, number>;
  return {
    name,
    industrialChain1650: "",
    base: { industrialOutputValue: "0", smeTotal: 0, aboveScaleSmeTotal: 0, specialisedSmeTotal: 0 },
    targets,
  };
}
