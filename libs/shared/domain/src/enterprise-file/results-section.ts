/** 三、数字化改造情况及成效: what was done, when, at what cost, its measured outcomes and the providers' evaluation. */
import { z } from "zod";
import { COUNTY_EDIT } from "./file-sections";
import { ID_MAX_CHARS, itemId, itemList, nullableDate, nullableDecimal, nullableName, nullableText, UNIT_MAX_CHARS } from "./file-schema-parts";
import { FILE_TEXT_MAX_CHARS } from "./file-values";
import { DIRECTION_LABELS, type Direction } from "./needs-section";

export const CLOUD_USAGES = ["PUBLIC", "PRIVATE", "HYBRID", "NONE"] as const;
/** 云应用情况 */
export type CloudUsage = (typeof CLOUD_USAGES)[number];
export const CLOUD_USAGE_LABELS: Record<CloudUsage, string> = {
  PUBLIC: "公有云",
  PRIVATE: "私有云",
  HYBRID: "混合云",
  NONE: "未上",
};
/** The template prints “私有云：” and “混合云：” with a colon: these two ask for a detail. */
export const CLOUD_USAGES_WITH_DETAIL: readonly CloudUsage[] = ["PRIVATE", "HYBRID"];

/**
 * DigitalLevel 中小企业数字化水平等级 per 《中小企业数字化水平评测指标（2024年版）》: 一级–四级, plus NONE for an
 * enterprise without a level (not assessed, or below 一级) — common before the transformation.
 */
export const DIGITAL_LEVELS = ["NONE", "L1", "L2", "L3", "L4"] as const;
export type DigitalLevel = (typeof DIGITAL_LEVELS)[number];
export const DIGITAL_LEVEL_LABELS: Record<DigitalLevel, string> = {
  NONE: "未定级",
  L1: "一级",
  L2: "二级",
  L3: "三级",
  L4: "四级",
};
/**
 * Names the guide's 初始级 / 规范级 most likely stand for (一级 / 二级). Only one public tool names the 2024 levels
 * (初始级, 规范级, 集成级, 协同级); not yet checked against the official text, so show them only beside 一级–四级.
 */
export const DIGITAL_LEVEL_GUIDE_NAMES: Record<Exclude<DigitalLevel, "NONE">, string> = {
  L1: "初始级",
  L2: "规范级",
  L3: "集成级",
  L4: "协同级",
};

/** Whether `level` is `minimum` or higher (拟达到数字化水平初始级及以上 is `digitalLevelAtLeast(level, "L1")`). */
export function digitalLevelAtLeast(level: DigitalLevel | null, minimum: DigitalLevel): boolean {
  return level !== null && DIGITAL_LEVELS.indexOf(level) >= DIGITAL_LEVELS.indexOf(minimum);
}

/** The outcome rows of 数字化改造成效: the five directions (not 其他), then 降本 and 增效. */
export const OUTCOME_AREAS = [
  "EQUIPMENT_DATA",
  "INTERCONNECTION",
  "DATA_GOVERNANCE",
  "AI_APPLICATION",
  "NETWORK_DATA_SECURITY",
  "COST_REDUCTION",
  "EFFICIENCY",
] as const satisfies readonly (Exclude<Direction, "OTHER"> | "COST_REDUCTION" | "EFFICIENCY")[];
export type OutcomeArea = (typeof OUTCOME_AREAS)[number];

export const OUTCOME_AREA_LABELS: Record<OutcomeArea, string> = {
  EQUIPMENT_DATA: DIRECTION_LABELS.EQUIPMENT_DATA,
  INTERCONNECTION: DIRECTION_LABELS.INTERCONNECTION,
  DATA_GOVERNANCE: DIRECTION_LABELS.DATA_GOVERNANCE,
  AI_APPLICATION: DIRECTION_LABELS.AI_APPLICATION,
  NETWORK_DATA_SECURITY: DIRECTION_LABELS.NETWORK_DATA_SECURITY,
  COST_REDUCTION: "降本",
  EFFICIENCY: "增效",
};

/** Row labels of 数字化改造成效, word for word (the first says 改造成效, the others 成效). */
export const OUTCOME_AREA_RESULT_LABELS: Record<OutcomeArea, string> = {
  EQUIPMENT_DATA: "设备数采方面改造成效（请尽量用若干定量指标描述）",
  INTERCONNECTION: "要素互联互通方面成效（请尽量用若干定量指标描述）",
  DATA_GOVERNANCE: "数据治理方面成效（请尽量用若干定量指标描述）",
  AI_APPLICATION: "人工智能赋能应用方面成效（请尽量用若干定量指标描述）",
  NETWORK_DATA_SECURITY: "网络和数据安全方面成效（请尽量用若干定量指标描述）",
  COST_REDUCTION: "降本方面成效（请尽量用若干定量指标描述）",
  EFFICIENCY: "增效方面成效（请尽量用若干定量指标描述）",
};

/** One item of 数字化改造内容介绍 (若有多项，请逐项列出。). */
export const textItemSchema = z.strictObject({
  id: itemId,
  text: z.string().max(FILE_TEXT_MAX_CHARS).default(""),
});
export type TextItem = z.output<typeof textItemSchema>;

/**
 * A quantitative indicator (定量指标) before (改造前) and after (改造后) the transformation.
 * `kpi` is a KPI_CATALOGUE key, or else the indicator's own name; `unit` is for own indicators (a catalogue KPI has
 * its own unit, see `indicatorUnit`).
 */
export const quantitativeIndicatorSchema = z.strictObject({
  id: itemId,
  kpi: nullableName,
  unit: z.string().max(UNIT_MAX_CHARS).nullable().default(null),
  before: nullableDecimal,
  after: nullableDecimal,
});
export type QuantitativeIndicator = z.output<typeof quantitativeIndicatorSchema>;

/** One line of 对所使用数字化服务商及评价 (若使用多个数字化服务商及多项产品，请逐项列出。). */
export const providerEvaluationSchema = z.strictObject({
  id: itemId,
  /** The provider on the platform, when it is registered. */
  providerId: z.string().max(ID_MAX_CHARS).nullable().default(null),
  /** The provider's name as shown (also for one not on the platform). */
  providerName: nullableName,
  /** The product or solution used. */
  product: nullableName,
  /** 1 (poor) – 5 (excellent). Any finite number in a draft; validation reports a rating outside 1–5. */
  rating: z.number().finite().nullable().default(null),
  comment: nullableText,
  /** Set when the county changed the enterprise's evaluation (item-ownership.ts). */
  editedBy: z.literal(COUNTY_EDIT).optional(),
});
export type ProviderEvaluation = z.output<typeof providerEvaluationSchema>;

const indicatorList = itemList(quantitativeIndicatorSchema);

/** 三、数字化改造情况及成效 */
export const resultsSectionSchema = z.strictObject({
  /** 数字化改造内容介绍 */
  transformationItems: itemList(textItemSchema),
  /** 云应用情况, with the detail after “私有云：” / “混合云：” */
  cloud: z
    .strictObject({ usage: z.enum(CLOUD_USAGES).nullable().default(null), detail: nullableText })
    .prefault({}),
  /** 改造项目起止时间, ISO dates YYYY-MM-DD */
  period: z.strictObject({ start: nullableDate, end: nullableDate }).prefault({}),
  /** 改造总花费（万元） */
  totalCost: nullableDecimal,
  /** 中小企业数字化水平等级 改造前 / 改造后 */
  digitalLevel: z
    .strictObject({
      before: z.enum(DIGITAL_LEVELS).nullable().default(null),
      after: z.enum(DIGITAL_LEVELS).nullable().default(null),
    })
    .prefault({}),
  /** 数字化改造成效 per outcome area */
  indicators: z
    .strictObject({
      EQUIPMENT_DATA: indicatorList,
      INTERCONNECTION: indicatorList,
      DATA_GOVERNANCE: indicatorList,
      AI_APPLICATION: indicatorList,
      NETWORK_DATA_SECURITY: indicatorList,
      COST_REDUCTION: indicatorList,
      EFFICIENCY: indicatorList,
    })
    .prefault({}),
  /** 对所使用数字化服务商及评价 */
  providerEvaluations: itemList(providerEvaluationSchema),
});
export type ResultsSection = z.output<typeof resultsSectionSchema>;

export function emptyResultsSection(): ResultsSection {
  return resultsSectionSchema.parse({});
}
