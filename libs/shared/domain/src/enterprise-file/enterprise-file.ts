import { z } from "zod";
import { PLAN_DECIMAL_PATTERN } from "../plan/plan-ratios";
import { ENTERPRISE_SCALES, type EnterpriseScale } from "../roster/roster-entry";

/**
 * EnterpriseFile 一企一档 / 改造信息表 (附2 数字化转型试点企业改造信息表): one pilot enterprise's file, in the template's four
 * sections. The schemas accept drafts (any field may be missing or empty) and check shape only;
 * enterprise-file-rules.ts reports field errors, completeness and who may edit which section when.
 *
 * Labels are the template's words. The template mixes half- and full-width parentheses (“(万元)”, “（逐条列出）”),
 * which is typesetting noise of the Word file; labels here use full-width “（）” throughout, as 附1 does.
 */

// ————————————————————————————————————————————————————————————— sections

export const FILE_SECTION_KEYS = ["basic", "needs", "results", "evaluation"] as const;
export type FileSectionKey = (typeof FILE_SECTION_KEYS)[number];

/** Section headings of 附2 without their parenthesised note (see FILE_SECTION_NOTES). */
export const FILE_SECTION_TITLES: Record<FileSectionKey, string> = {
  basic: "一、基本情况",
  needs: "二、数字化改造需求",
  results: "三、数字化改造情况及成效",
  evaluation: "四、绩效评价",
};

/** The note after each heading: who fills the section, and for 一 when. */
export const FILE_SECTION_NOTES: Record<FileSectionKey, string> = {
  basic: "（试点企业改造前填写）",
  needs: "（试点企业与数字化服务商共同填写）",
  results: "（试点企业与数字化服务商共同填写）",
  evaluation: "（试点县（市、区）填写）",
};

/** A heading as the template prints it: “一、基本情况（试点企业改造前填写）”. */
export function fileSectionHeading(section: FileSectionKey): string {
  return FILE_SECTION_TITLES[section] + FILE_SECTION_NOTES[section];
}

/** The form's title, “XX县（市、区）数字化转型试点企业改造信息表” with the county's name for XX县（市、区）. */
export function enterpriseFileTitle(countyName: string): string {
  return `${countyName.trim()}数字化转型试点企业改造信息表`;
}

/** The notes 注1–注3 under the template, word for word. */
export const FILE_TEMPLATE_NOTES = [
  "试点县（市、区）及时组织试点企业自行填写或联合数字化服务商共同填写表中第一至三项内容；试点县（市、区）负责填写第四项内容，并负责整个档案表的跟踪和更新维护。第一项及第二项改造前指标数量内容可在确定试点企业后先行填写，其他内容可在改造后填写；",
  "数字化改造成效定量指标可包括如关键工序数控化率、生产设备联网率、产品数字化研发设计工具覆盖率、数字化培训覆盖人数等数字化类指标，以及月度平均产品合格率、库存周转率、生产计划达成率、准时交货率、产能利用率等效益类指标；",
  "试点企业和县（市、区）绩效自评价报告模板，可参考出台的中小企业数字化转型县（市、区）试点绩效评价管理办法文件。",
] as const;

/**
 * Who writes in a file: the pilot enterprise (试点企业), its digital service provider (数字化服务商), the county (试点县（市、区）).
 * Also the author of a need item: the county may add needs too, since it keeps the whole file up to date.
 */
export const FILE_WRITERS = ["ENTERPRISE", "PROVIDER", "COUNTY"] as const;
export type FileWriter = (typeof FILE_WRITERS)[number];

/** The mark of an item the county changed on another writer's behalf (item-ownership.ts). */
export const COUNTY_EDIT = "COUNTY";
export type CountyEdit = typeof COUNTY_EDIT;

// ————————————————————————————————————————————————————————————— limits and values

/** One-line fields: names, contacts, 所属细分行业, product and KPI names. */
export const FILE_NAME_MAX_CHARS = 100;
/** Multi-line fields: need and content items, cloud detail, comments, reasons. */
export const FILE_TEXT_MAX_CHARS = 2_000;
/** 企业基本情况（500字以内）: validation reports more than 500 characters. */
export const FILE_PROFILE_MAX_CHARS = 500;
/** A longer 企业基本情况 is still saved (the count shows red) up to this guard, so a pasted draft is not lost. */
export const FILE_PROFILE_GUARD_CHARS = 5_000;
/** Items per list (per direction, per outcome area, content items, provider evaluations). */
export const FILE_LIST_MAX_ITEMS = 100;
/** 万元 with up to 4 decimals is whole 元. */
export const FILE_DECIMAL_MAX_PLACES = 4;
const DECIMAL_GUARD_CHARS = 40;
const ID_MAX_CHARS = 64;
const UNIT_MAX_CHARS = 20;
const DATE_GUARD_CHARS = 32;

/** A non-negative amount or value: digits with up to 4 decimals, no sign, grouping or exponent. */
export const FILE_DECIMAL_PATTERN = PLAN_DECIMAL_PATTERN;
/** As FILE_DECIMAL_PATTERN, with an optional minus sign (上年度年利润 may be a loss). */
export const FILE_SIGNED_DECIMAL_PATTERN = /^-?\d+(\.\d{1,4})?$/;

/** Empty means not filled: null, undefined, or only whitespace. */
export function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === "";
}

const SCALE = 10n ** BigInt(FILE_DECIMAL_MAX_PLACES);

/** A (signed) decimal string as an exact integer in units of 10⁻⁴; null when blank or malformed. */
export function parseFileDecimal(value: string | null | undefined): bigint | null {
  const trimmed = value?.trim() ?? "";
  if (!FILE_SIGNED_DECIMAL_PATTERN.test(trimmed)) return null;
  const negative = trimmed.startsWith("-");
  const [whole = "0", fraction = ""] = trimmed.replace("-", "").split(".");
  const units = BigInt(whole) * SCALE + BigInt(fraction.padEnd(FILE_DECIMAL_MAX_PLACES, "0"));
  return negative ? -units : units;
}

/** -1, 0 or 1 comparing two decimal strings exactly; null when either is blank or malformed. */
export function compareFileDecimals(a: string | null | undefined, b: string | null | undefined): -1 | 0 | 1 | null {
  const left = parseFileDecimal(a);
  const right = parseFileDecimal(b);
  if (left === null || right === null) return null;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A calendar date written YYYY-MM-DD that exists (no 2月30日). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// ————————————————————————————————————————————————————————————— 一、基本情况

export const ENTERPRISE_NATURES = ["STATE_OWNED", "PRIVATE", "FOREIGN", "MIXED", "OTHER"] as const;
/** 企业性质 */
export type EnterpriseNature = (typeof ENTERPRISE_NATURES)[number];
export const ENTERPRISE_NATURE_LABELS: Record<EnterpriseNature, string> = {
  STATE_OWNED: "国有",
  PRIVATE: "民营",
  FOREIGN: "外资",
  MIXED: "混合所有制",
  OTHER: "其他",
};

export const ENTERPRISE_SIZES = ["MEDIUM", "SMALL", "MICRO"] as const;
/** 企业规模, first row: 中型 / 小型 / 微型. */
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, string> = {
  MEDIUM: "中型企业",
  SMALL: "小型企业",
  MICRO: "微型企业",
};

/** 企业规模, second row: 规模以上 / 规模以下 — the roster's EnterpriseScale (规上 / 规下), in 附2's words. */
export const SCALE_CATEGORY_LABELS: Record<EnterpriseScale, string> = {
  ABOVE: "规模以上企业",
  BELOW: "规模以下企业",
};

export const QUALITY_SME_STATUSES = ["NONE", "INNOVATIVE", "SPECIALISED"] as const;
/**
 * 优质中小企业情况: one choice, the highest tier reached (专精特新 enterprises are also 创新型; a 专精特新“小巨人”
 * is recorded as 专精特新, the template having no box for it).
 */
export type QualitySmeStatus = (typeof QUALITY_SME_STATUSES)[number];
export const QUALITY_SME_STATUS_LABELS: Record<QualitySmeStatus, string> = {
  NONE: "无",
  INNOVATIVE: "创新型中小企业",
  SPECIALISED: "专精特新中小企业",
};

/** 一、基本情况 (filled before the transformation). Amounts are 万元 as decimal strings; empty is null or "". */
export interface BasicInfoSection {
  /** 企业名称 (from the roster) */
  enterpriseName: string | null;
  /** 所属城市及县区 (from the roster) */
  cityAndCounty: string | null;
  /** 注册地址 */
  registeredAddress: string | null;
  /** 企业信用代码: the 18-character 统一社会信用代码 (from the roster) */
  creditCode: string | null;
  /** 联系人 */
  contactPerson: string | null;
  /** 联系方式 */
  contactInfo: string | null;
  /** 企业基本情况（500字以内）, counted in characters (code points) */
  profile: string | null;
  /** 企业性质 */
  nature: EnterpriseNature | null;
  /** 企业规模: 中型 / 小型 / 微型 */
  size: EnterpriseSize | null;
  /** 企业规模: 规模以上 / 规模以下 */
  scale: EnterpriseScale | null;
  /** 优质中小企业情况 */
  qualityStatus: QualitySmeStatus | null;
  /** 所属细分行业 */
  subIndustry: string | null;
  /** 上年度营业收入（万元） */
  lastYearRevenue: string | null;
  /** 上年度年利润（万元）: negative for a loss */
  lastYearProfit: string | null;
  /** 上年度人均营业收入（万元） */
  lastYearRevenuePerEmployee: string | null;
  /** 数字化转型已投入总额（万元） */
  digitalInvestmentTotal: string | null;
}

export type BasicInfoField = keyof BasicInfoSection;

/** Every field of section 一 in the template's order. */
export const BASIC_FIELDS = [
  "enterpriseName",
  "cityAndCounty",
  "registeredAddress",
  "creditCode",
  "contactPerson",
  "contactInfo",
  "profile",
  "nature",
  "size",
  "scale",
  "qualityStatus",
  "subIndustry",
  "lastYearRevenue",
  "lastYearProfit",
  "lastYearRevenuePerEmployee",
  "digitalInvestmentTotal",
] as const satisfies readonly BasicInfoField[];

/** Fields the roster (试点企业改造名单) owns: read-only in the file, copied from the roster by `applyRosterFields`. */
export const BASIC_FIELDS_FROM_ROSTER = [
  "enterpriseName",
  "creditCode",
  "cityAndCounty",
] as const satisfies readonly BasicInfoField[];
export type RosterField = (typeof BASIC_FIELDS_FROM_ROSTER)[number];

/** The amounts (万元) of section 一; only 上年度年利润 may be negative. */
export const BASIC_AMOUNT_FIELDS = [
  "lastYearRevenue",
  "lastYearProfit",
  "lastYearRevenuePerEmployee",
  "digitalInvestmentTotal",
] as const satisfies readonly BasicInfoField[];
export const BASIC_SIGNED_AMOUNT_FIELDS: readonly BasicInfoField[] = ["lastYearProfit"];

/** Section 一 with the roster's values in the roster's fields, whatever a writer sent. */
export function applyRosterFields(basic: BasicInfoSection, roster: Record<RosterField, string>): BasicInfoSection {
  const { enterpriseName, creditCode, cityAndCounty } = roster;
  return { ...basic, enterpriseName, creditCode, cityAndCounty };
}

// ————————————————————————————————————————————————————————————— directions and 二、数字化改造需求

export const DIRECTIONS = [
  "EQUIPMENT_DATA",
  "INTERCONNECTION",
  "DATA_GOVERNANCE",
  "AI_APPLICATION",
  "NETWORK_DATA_SECURITY",
  "OTHER",
] as const;
/** Direction 改造方向 */
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  EQUIPMENT_DATA: "设备数采",
  INTERCONNECTION: "要素互联互通",
  DATA_GOVERNANCE: "数据治理",
  AI_APPLICATION: "人工智能赋能应用",
  NETWORK_DATA_SECURITY: "网络和数据安全",
  OTHER: "其他",
};

/** Row labels of section 二, under 试点企业面临的各类数字化需求. */
export const DIRECTION_NEED_LABELS: Record<Direction, string> = {
  EQUIPMENT_DATA: "设备数采方面面临的需求（逐条列出）",
  INTERCONNECTION: "要素互联互通面临的需求（逐条列出）",
  DATA_GOVERNANCE: "数据治理面临的需求（逐条列出）",
  AI_APPLICATION: "人工智能赋能应用面临的需求（逐条列出）",
  NETWORK_DATA_SECURITY: "网络和数据安全面临的需求（逐条列出）",
  OTHER: "其他需求（逐条列出）",
};

/** One need, one line of the template (逐条列出). `id` is a client-generated UUID, the key of concurrent merges. */
export interface NeedItem {
  id: string;
  text: string;
  /** Who wrote it. */
  author: FileWriter;
  /** The provider that wrote it, when `author` is PROVIDER. */
  providerId: string | null;
  /** Set when the county (试点县, keeping the whole file up to date) last changed another writer's item. */
  editedBy?: CountyEdit;
}

/** 二、数字化改造需求: the needs per direction. */
export type NeedsSection = Record<Direction, NeedItem[]>;

// ————————————————————————————————————————————————————————————— 三、数字化改造情况及成效

/** One item of 数字化改造内容介绍 (若有多项，请逐项列出。). */
export interface TextItem {
  id: string;
  text: string;
}

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

/**
 * A quantitative indicator (定量指标) before (改造前) and after (改造后) the transformation.
 * `kpi` is a KPI_CATALOGUE key, or else the indicator's own name; `unit` is for own indicators (a catalogue KPI has
 * its own unit, see `indicatorUnit`).
 */
export interface QuantitativeIndicator {
  id: string;
  kpi: string | null;
  unit: string | null;
  before: string | null;
  after: string | null;
}

/** One line of 对所使用数字化服务商及评价 (若使用多个数字化服务商及多项产品，请逐项列出。). */
export interface ProviderEvaluation {
  id: string;
  /** The provider on the platform, when it is registered. */
  providerId: string | null;
  /** The provider's name as shown (also for one not on the platform). */
  providerName: string | null;
  /** The product or solution used. */
  product: string | null;
  /** 1 (poor) – 5 (excellent). */
  rating: number | null;
  comment: string | null;
  /** Set when the county changed the enterprise's evaluation (item-ownership.ts). */
  editedBy?: CountyEdit;
}

/** 三、数字化改造情况及成效 */
export interface ResultsSection {
  /** 数字化改造内容介绍 */
  transformationItems: TextItem[];
  /** 云应用情况, with the detail after “私有云：” / “混合云：” */
  cloud: { usage: CloudUsage | null; detail: string | null };
  /** 改造项目起止时间, ISO dates YYYY-MM-DD */
  period: { start: string | null; end: string | null };
  /** 改造总花费（万元） */
  totalCost: string | null;
  /** 中小企业数字化水平等级 改造前 / 改造后 */
  digitalLevel: { before: DigitalLevel | null; after: DigitalLevel | null };
  /** 数字化改造成效 per outcome area */
  indicators: Record<OutcomeArea, QuantitativeIndicator[]>;
  /** 对所使用数字化服务商及评价 */
  providerEvaluations: ProviderEvaluation[];
}

// ————————————————————————————————————————————————————————————— 四、绩效评价

/** 四、绩效评价 (the county's). Yes/no answers are null until answered. */
export interface EvaluationSection {
  /** 是否已开展绩效评价 */
  evaluationConducted: boolean | null;
  /** 绩效评价是否通过 */
  evaluationPassed: boolean | null;
  /** 若未通过，请说明理由 */
  notPassedReason: string | null;
  /** 是否将该企业作为样板 */
  isSample: boolean | null;
  /** 若是，请说明理由 */
  sampleReason: string | null;
}

export interface EnterpriseFile {
  basic: BasicInfoSection;
  needs: NeedsSection;
  results: ResultsSection;
  evaluation: EvaluationSection;
}

// ————————————————————————————————————————————————————————————— labels

export type FileFieldKey =
  | BasicInfoField
  | "needs"
  | "transformationItems"
  | "cloud"
  | "period"
  | "totalCost"
  | "outcomes"
  | "stage"
  | "before"
  | "after"
  | "digitalLevel"
  | "providerEvaluations"
  | keyof EvaluationSection;

/** zh-CN labels, word for word from 附2 (line breaks removed, parentheses full-width). */
export const FILE_FIELD_LABELS: Record<FileFieldKey, string> = {
  enterpriseName: "企业名称",
  cityAndCounty: "所属城市及县区",
  registeredAddress: "注册地址",
  creditCode: "企业信用代码",
  contactPerson: "联系人",
  contactInfo: "联系方式",
  profile: "企业基本情况",
  nature: "企业性质",
  // The template's 企业规模 spans two rows of boxes; both rows carry its label.
  size: "企业规模",
  scale: "企业规模",
  qualityStatus: "优质中小企业情况",
  subIndustry: "所属细分行业",
  lastYearRevenue: "上年度营业收入（万元）",
  lastYearProfit: "上年度年利润（万元）",
  lastYearRevenuePerEmployee: "上年度人均营业收入（万元）",
  digitalInvestmentTotal: "数字化转型已投入总额（万元）",
  needs: "试点企业面临的各类数字化需求",
  transformationItems: "数字化改造内容介绍",
  cloud: "云应用情况",
  period: "改造项目起止时间",
  totalCost: "改造总花费（万元）",
  outcomes: "数字化改造成效（根据实际改造内容可选填）",
  stage: "改造阶段",
  before: "改造前",
  after: "改造后",
  digitalLevel: "中小企业数字化水平等级",
  providerEvaluations: "对所使用数字化服务商及评价",
  evaluationConducted: "是否已开展绩效评价",
  evaluationPassed: "绩效评价是否通过（若未通过，请说明理由）",
  notPassedReason: "若未通过，请说明理由",
  isSample: "是否将该企业作为样板（若是，请说明理由）",
  sampleReason: "若是，请说明理由",
};

/** The template's hints written in the value cell. */
export const FILE_FIELD_HINTS: Partial<Record<FileFieldKey, string>> = {
  profile: "（500字以内）",
  transformationItems: "若有多项，请逐项列出。",
  providerEvaluations: "若使用多个数字化服务商及多项产品，请逐项列出。",
};

// ————————————————————————————————————————————————————————————— schemas

const nullableName = z.string().max(FILE_NAME_MAX_CHARS).nullable().default(null);
const nullableText = z.string().max(FILE_TEXT_MAX_CHARS).nullable().default(null);
const nullableDecimal = z.string().max(DECIMAL_GUARD_CHARS).nullable().default(null);
const nullableDate = z.string().max(DATE_GUARD_CHARS).nullable().default(null);
const nullableBoolean = z.boolean().nullable().default(null);
const itemId = z.uuid();

/** A list of items with unique ids (the merge key), at most FILE_LIST_MAX_ITEMS. */
function itemList<T extends z.ZodType<{ id: string }>>(item: T) {
  return z
    .array(item)
    .max(FILE_LIST_MAX_ITEMS)
    .refine((items) => new Set(items.map((entry) => entry.id)).size === items.length, {
      message: "file.item.duplicateId",
    })
    .default([]);
}

export const basicInfoSectionSchema = z.strictObject({
  enterpriseName: nullableName,
  cityAndCounty: nullableName,
  registeredAddress: nullableName,
  creditCode: nullableName,
  contactPerson: nullableName,
  contactInfo: nullableName,
  profile: z.string().max(FILE_PROFILE_GUARD_CHARS).nullable().default(null),
  nature: z.enum(ENTERPRISE_NATURES).nullable().default(null),
  size: z.enum(ENTERPRISE_SIZES).nullable().default(null),
  scale: z.enum(ENTERPRISE_SCALES).nullable().default(null),
  qualityStatus: z.enum(QUALITY_SME_STATUSES).nullable().default(null),
  subIndustry: nullableName,
  lastYearRevenue: nullableDecimal,
  lastYearProfit: nullableDecimal,
  lastYearRevenuePerEmployee: nullableDecimal,
  digitalInvestmentTotal: nullableDecimal,
});

export const needItemSchema = z.strictObject({
  id: itemId,
  text: z.string().max(FILE_TEXT_MAX_CHARS).default(""),
  author: z.enum(FILE_WRITERS),
  providerId: z.string().max(ID_MAX_CHARS).nullable().default(null),
  // Absent unless set, so an item saved before the mark existed compares equal to itself (also in the database).
  editedBy: z.literal(COUNTY_EDIT).optional(),
});

const needList = itemList(needItemSchema);

export const needsSectionSchema = z.strictObject({
  EQUIPMENT_DATA: needList,
  INTERCONNECTION: needList,
  DATA_GOVERNANCE: needList,
  AI_APPLICATION: needList,
  NETWORK_DATA_SECURITY: needList,
  OTHER: needList,
});

export const textItemSchema = z.strictObject({
  id: itemId,
  text: z.string().max(FILE_TEXT_MAX_CHARS).default(""),
});

export const quantitativeIndicatorSchema = z.strictObject({
  id: itemId,
  kpi: nullableName,
  unit: z.string().max(UNIT_MAX_CHARS).nullable().default(null),
  before: nullableDecimal,
  after: nullableDecimal,
});

export const providerEvaluationSchema = z.strictObject({
  id: itemId,
  providerId: z.string().max(ID_MAX_CHARS).nullable().default(null),
  providerName: nullableName,
  product: nullableName,
  // Any finite number in a draft; validation reports a rating outside 1–5.
  rating: z.number().finite().nullable().default(null),
  comment: nullableText,
  editedBy: z.literal(COUNTY_EDIT).optional(),
});

const indicatorList = itemList(quantitativeIndicatorSchema);

export const resultsSectionSchema = z.strictObject({
  transformationItems: itemList(textItemSchema),
  cloud: z
    .strictObject({ usage: z.enum(CLOUD_USAGES).nullable().default(null), detail: nullableText })
    .prefault({}),
  period: z.strictObject({ start: nullableDate, end: nullableDate }).prefault({}),
  totalCost: nullableDecimal,
  digitalLevel: z
    .strictObject({
      before: z.enum(DIGITAL_LEVELS).nullable().default(null),
      after: z.enum(DIGITAL_LEVELS).nullable().default(null),
    })
    .prefault({}),
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
  providerEvaluations: itemList(providerEvaluationSchema),
});

export const evaluationSectionSchema = z.strictObject({
  evaluationConducted: nullableBoolean,
  evaluationPassed: nullableBoolean,
  notPassedReason: nullableText,
  isSample: nullableBoolean,
  sampleReason: nullableText,
});

/** The schema of each section's content, for saving one section at a time. */
export const FILE_SECTION_SCHEMAS = {
  basic: basicInfoSectionSchema.prefault({}),
  needs: needsSectionSchema.prefault({}),
  results: resultsSectionSchema.prefault({}),
  evaluation: evaluationSectionSchema.prefault({}),
} as const satisfies Record<FileSectionKey, z.ZodType>;

/** A whole file; missing sections and fields come out empty. */
export const enterpriseFileSchema = z.strictObject(FILE_SECTION_SCHEMAS);

// ————————————————————————————————————————————————————————————— empty values

export function emptyBasicInfoSection(): BasicInfoSection {
  return basicInfoSectionSchema.parse({});
}

export function emptyNeedsSection(): NeedsSection {
  return needsSectionSchema.parse({});
}

export function emptyResultsSection(): ResultsSection {
  return resultsSectionSchema.parse({});
}

export function emptyEvaluationSection(): EvaluationSection {
  return evaluationSectionSchema.parse({});
}

/** A new file: every field empty, every list empty. */
export function emptyEnterpriseFile(): EnterpriseFile {
  return enterpriseFileSchema.parse({});
}
