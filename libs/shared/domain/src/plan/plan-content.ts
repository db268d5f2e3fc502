import { z } from "zod";
import type { PlanDataTable, PlanSubIndustry } from "./plan-data-table";
import {
  PLAN_BASE_COUNT_FIELDS,
  PLAN_FIELD_LABELS,
  PLAN_TARGET_FIELDS,
  emptyPlanSubIndustry,
  planDataTableSchema,
  subIndustryDisplayName,
} from "./plan-data-table";
import { emptyRichText, richTextPlainText, richTextSchema, type RichText } from "./rich-text";

/**
 * ImplementationPlanContent 实施方案 (附1): what a county writes — the cover, sections 一–五, and the 主要数据表.
 * One content per plan version; the workflow (plan-workflow.ts) decides who may change it and when.
 */

/** Cover 封面 of 附1. 细分行业 is not typed: it is the data table's sub-industries written “集群—细分行业”. */
export interface PlanCover {
  /** 申报县（市、区）（盖章） */
  countyName: string;
  /** 推荐设区市工信局（盖章） */
  recommendingCity: string;
  /** 联系人及电话 */
  contact: string;
}

export const PLAN_COVER_FIELDS = ["countyName", "recommendingCity", "contact"] as const satisfies readonly (keyof PlanCover)[];

export const PLAN_COVER_LABELS: Record<keyof PlanCover | "subIndustries", string> = {
  countyName: "申报县（市、区）（盖章）",
  recommendingCity: "推荐设区市工信局（盖章）",
  subIndustries: "细分行业",
  contact: "联系人及电话",
};

export const PLAN_SECTION_KEYS = ["foundation", "goals", "implementation", "safeguards", "otherMaterials"] as const;
export type PlanSectionKey = (typeof PLAN_SECTION_KEYS)[number];

/** Section headings of 附1, word for word. */
export const PLAN_SECTION_TITLES: Record<PlanSectionKey, string> = {
  foundation: "一、试点工作基础",
  goals: "二、试点工作目标",
  implementation: "三、主要实施内容",
  safeguards: "四、相关保障措施",
  otherMaterials: "五、其他材料",
};

/** What the template asks each section to say (shown as guidance beside the editor), word for word from 附1. */
export const PLAN_SECTION_GUIDANCE: Record<PlanSectionKey, string> = {
  foundation:
    "（一）概括介绍县（市、区）中小企业、特色（主导）产业发展的基本情况。\n（二）分别简述所申报特色产业集群及细分行业的基础、优势、特色，包括中小企业智改数转网联相关试点示范项目情况。\n（三）分别简述所申报细分行业规上工业中小企业数量及数字化转型现状。",
  goals:
    "结合所申报的细分行业，以列表形式、分行业明确试点工作的总体绩效目标，确保目标可考核，必须包含但不限于以下指标：被改造企业总数量、被改造规上工业中小企业数量、被改造专精特新中小企业数量、被改造规下工业中小企业数量，规上工业中小企业数字化水平达到规范级（或智能制造能力成熟度达到二级）及以上的数量和在该细分行业占比、规下工业中小企业数字化水平达到初始级（或智能制造能力成熟度达到一级）及以上数量、上云用云中小企业数量、打造“小快轻准灵”（小型化、快捷化、轻量化、精准化、有效性）解决方案数量、引培服务商数量、复制推广目标、中小企业智改数转网联标杆能力提升目标、数字化转型促进中心建设目标、打造“链式”转型模式数量、具有创新性或者地方特色的典型做法及模式等。",
  implementation:
    "分行业详细阐述具体实施内容、实施路径、分阶段工作任务、推进机制等，明确做什么、怎么做、谁来做、完成的时间节点等。阐述计划探索的创新性机制举措，后续本地区未改造企业实施数字化转型的计划举措。",
  safeguards: "支持试点工作的保障措施储备情况，包括但不限于政策保障、资金保障、人才保障、服务保障等。",
  otherMaterials:
    "试点中小企业名单（企业名称、企业信用代码、上年度主营业务收入，是否为专精特新中小企业等）， 以及能够体现申报主体开展中小企业数字化转型工作能力的有关证明材料。",
};

/** The plan's title: “2025年江苏省中小企业数字化转型县（市、区）试点实施方案”. */
export function planTitle(batchYear: string | number): string {
  return `${batchYear}年江苏省中小企业数字化转型县（市、区）试点实施方案`;
}

export const PLAN_DATA_TABLE_TITLE = "实施方案主要数据表";

export interface ImplementationPlanContent {
  cover: PlanCover;
  sections: Record<PlanSectionKey, RichText>;
  dataTable: PlanDataTable;
}

const COVER_TEXT_MAX = 200;

export const planCoverSchema = z
  .object({
    countyName: z.string().max(COVER_TEXT_MAX),
    recommendingCity: z.string().max(COVER_TEXT_MAX),
    contact: z.string().max(COVER_TEXT_MAX),
  })
  .strict();

/** The shape of a plan's content (a draft may be incomplete; plan-validation.ts reports field errors). */
export const implementationPlanContentSchema = z
  .object({
    cover: planCoverSchema,
    sections: z
      .object({
        foundation: richTextSchema,
        goals: richTextSchema,
        implementation: richTextSchema,
        safeguards: richTextSchema,
        otherMaterials: richTextSchema,
      })
      .strict(),
    dataTable: planDataTableSchema,
  })
  .strict();

/** A new plan: the county and its city on the cover, one cluster with one empty sub-industry, empty sections. */
export function emptyPlanContent(countyName: string, recommendingCity: string): ImplementationPlanContent {
  return {
    cover: { countyName, recommendingCity, contact: "" },
    sections: {
      foundation: emptyRichText(),
      goals: emptyRichText(),
      implementation: emptyRichText(),
      safeguards: emptyRichText(),
      otherMaterials: emptyRichText(),
    },
    dataTable: {
      countyName,
      clusters: [{ name: "", subIndustries: [emptyPlanSubIndustry()] }],
      chainTransformationMode: "",
      distinctivePractices: "",
    },
  };
}

/**
 * Cover fields the platform knows and the county does not type: 申报县（市、区） is the plan's county, 推荐设区市工信局
 * its city's bureau. The county only types 联系人及电话.
 */
export const PLAN_DERIVED_COVER_FIELDS = ["countyName", "recommendingCity"] as const satisfies readonly (keyof PlanCover)[];

/** 推荐设区市工信局: the industry and IT bureau of the county's city. */
export function recommendingBureauOf(cityName: string): string {
  return `${cityName}工业和信息化局`;
}

/** The plan's county as the platform knows it: the values of the derived fields. */
export interface PlanCounty {
  name: string;
  cityName: string;
}

/**
 * The content with the fields the platform knows put in place (the cover's county and recommending bureau, the data
 * table's county): whatever was typed or stored there is replaced, so a plan never names another county or city.
 */
export function withDerivedPlanFields(content: ImplementationPlanContent, county: PlanCounty): ImplementationPlanContent {
  return {
    ...content,
    cover: { ...content.cover, countyName: county.name, recommendingCity: recommendingBureauOf(county.cityName) },
    dataTable: { ...content.dataTable, countyName: county.name },
  };
}

/** The cover's 细分行业 line: every sub-industry as “集群—细分行业”, separated by “；”. */
export function planSubIndustriesLine(table: Pick<PlanDataTable, "clusters">): string {
  return table.clusters
    .flatMap((cluster) => cluster.subIndustries.map((row) => subIndustryDisplayName(cluster, row)))
    .join("；");
}

/**
 * One labelled value of a plan, at a path written with dots ("dataTable.clusters.0.subIndustries.1.targets.plannedCloud").
 * The same path names a field in comments (so the county sees a comment beside its field) and in version diffs.
 */
export interface PlanFieldValue {
  path: string;
  /** Where it is, in the guide's words: “五、其他材料”, “智能装备—数控机床 · 拟上云用云中小企业数量（家）（数值D）”. */
  label: string;
  value: string;
}

function rowLabel(table: PlanDataTable, clusterIndex: number, row: PlanSubIndustry): string {
  const cluster = table.clusters[clusterIndex];
  return cluster ? subIndustryDisplayName(cluster, row) : row.name;
}

/** Every value of the plan as labelled, path-addressed text, in the template's order. */
export function planFieldValues(content: ImplementationPlanContent): PlanFieldValue[] {
  const values: PlanFieldValue[] = [];
  for (const field of PLAN_COVER_FIELDS) {
    values.push({ path: `cover.${field}`, label: PLAN_COVER_LABELS[field], value: content.cover[field] });
  }
  for (const key of PLAN_SECTION_KEYS) {
    values.push({ path: `sections.${key}`, label: PLAN_SECTION_TITLES[key], value: richTextPlainText(content.sections[key]) });
  }
  const table = content.dataTable;
  table.clusters.forEach((cluster, clusterIndex) => {
    const clusterPath = `dataTable.clusters.${clusterIndex}`;
    values.push({ path: `${clusterPath}.name`, label: PLAN_FIELD_LABELS.clusterName, value: cluster.name });
    cluster.subIndustries.forEach((row, rowIndex) => {
      const rowPath = `${clusterPath}.subIndustries.${rowIndex}`;
      const prefix = `${rowLabel(table, clusterIndex, row)} · `;
      values.push({ path: `${rowPath}.name`, label: `${cluster.name} · ${PLAN_FIELD_LABELS.subIndustryName}`, value: row.name });
      values.push({ path: `${rowPath}.industrialChain1650`, label: prefix + PLAN_FIELD_LABELS.industrialChain1650, value: row.industrialChain1650 });
      values.push({ path: `${rowPath}.base.industrialOutputValue`, label: prefix + PLAN_FIELD_LABELS.industrialOutputValue, value: row.base.industrialOutputValue });
      for (const field of PLAN_BASE_COUNT_FIELDS) {
        values.push({ path: `${rowPath}.base.${field}`, label: prefix + PLAN_FIELD_LABELS[field], value: String(row.base[field]) });
      }
      for (const field of PLAN_TARGET_FIELDS) {
        values.push({ path: `${rowPath}.targets.${field}`, label: prefix + PLAN_FIELD_LABELS[field], value: String(row.targets[field]) });
      }
    });
  });
  values.push({ path: "dataTable.chainTransformationMode", label: "“链式”转型模式", value: table.chainTransformationMode });
  values.push({ path: "dataTable.distinctivePractices", label: "特色做法及模式", value: table.distinctivePractices });
  return values;
}

/** A value that differs between two versions; `before`/`after` are null where the field exists on one side only. */
export interface PlanChange {
  path: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** What changed from `before` to `after`, field by field, in the template's order (removed fields last). */
export function diffPlanContent(before: ImplementationPlanContent, after: ImplementationPlanContent): PlanChange[] {
  const old = new Map(planFieldValues(before).map((entry) => [entry.path, entry]));
  const changes: PlanChange[] = [];
  const seen = new Set<string>();
  for (const entry of planFieldValues(after)) {
    seen.add(entry.path);
    const previous = old.get(entry.path);
    if (!previous) changes.push({ path: entry.path, label: entry.label, before: null, after: entry.value });
    else if (previous.value !== entry.value) changes.push({ path: entry.path, label: entry.label, before: previous.value, after: entry.value });
  }
  for (const [path, entry] of old) {
    if (!seen.has(path)) changes.push({ path, label: entry.label, before: entry.value, after: null });
  }
  return changes;
}

/** A comment on the whole plan rather than on one field or section. */
export const PLAN_COMMENT_GENERAL = "general";

/**
 * Where a reviewer's comment may point: the whole plan, a section, or any field of `content` (a path of
 * planFieldValues), or the table's computed totals row ("dataTable.totals").
 */
export function isPlanCommentTarget(content: ImplementationPlanContent, target: string): boolean {
  if (target === PLAN_COMMENT_GENERAL || target === "dataTable.totals") return true;
  return planFieldValues(content).some((entry) => entry.path === target);
}

/** The label of a comment target, for lists of comments away from the form. */
export function planCommentTargetLabel(content: ImplementationPlanContent, target: string): string {
  if (target === PLAN_COMMENT_GENERAL) return "总体意见";
  if (target === "dataTable.totals") return `${PLAN_DATA_TABLE_TITLE} · 合计`;
  return planFieldValues(content).find((entry) => entry.path === target)?.label ?? target;
}

/** A field path as the dotted string used in comments and diffs: ["dataTable", "clusters", 0] → "dataTable.clusters.0". */
export function planPathString(path: readonly (string | number)[]): string {
  return path.join(".");
}
