/** 一、基本情况: the enterprise's own data, filled before the transformation. */
import { z } from "zod";
import { cityByCode, countyByCode } from "../geography";
import { ENTERPRISE_SCALES } from "../roster/pilot-enterprise";
import type { EnterpriseScale } from "../roster/pilot-enterprise";
import { nullableDecimal, nullableName } from "./file-schema-parts";
import { FILE_PROFILE_GUARD_CHARS } from "./file-values";

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
export const basicInfoSectionSchema = z.strictObject({
  /** 企业名称 (from the roster) */
  enterpriseName: nullableName,
  /** 所属城市及县区 (from the roster) */
  cityAndCounty: nullableName,
  /** 注册地址 */
  registeredAddress: nullableName,
  /** 企业信用代码: the 18-character 统一社会信用代码 (from the roster) */
  creditCode: nullableName,
  /** 联系人 */
  contactPerson: nullableName,
  /** 联系方式 */
  contactInfo: nullableName,
  /** 企业基本情况（500字以内）, counted in characters (code points) */
  profile: z.string().max(FILE_PROFILE_GUARD_CHARS).nullable().default(null),
  /** 企业性质 */
  nature: z.enum(ENTERPRISE_NATURES).nullable().default(null),
  /** 企业规模: 中型 / 小型 / 微型 */
  size: z.enum(ENTERPRISE_SIZES).nullable().default(null),
  /** 企业规模: 规模以上 / 规模以下 */
  scale: z.enum(ENTERPRISE_SCALES).nullable().default(null),
  /** 优质中小企业情况 */
  qualityStatus: z.enum(QUALITY_SME_STATUSES).nullable().default(null),
  /** 所属细分行业 */
  subIndustry: nullableName,
  /** 上年度营业收入（万元） */
  lastYearRevenue: nullableDecimal,
  /** 上年度年利润（万元）: negative for a loss */
  lastYearProfit: nullableDecimal,
  /** 上年度人均营业收入（万元） */
  lastYearRevenuePerEmployee: nullableDecimal,
  /** 数字化转型已投入总额（万元） */
  digitalInvestmentTotal: nullableDecimal,
});
export type BasicInfoSection = z.output<typeof basicInfoSectionSchema>;

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

/** What the roster knows of an entry that section 一 shows: its enterprise's name and credit code, and its county. */
export interface RosterEntryFields {
  enterpriseName: string;
  creditCode: string;
  countyId: string;
}

/** The roster's values of section 一 (企业名称, 企业信用代码, 所属城市及县区): shown, never typed, so always filled. */
export function rosterFieldsOf(entry: RosterEntryFields): Record<RosterField, string> {
  const county = countyByCode(entry.countyId);
  const city = county ? cityByCode(county.cityCode) : undefined;
  return { enterpriseName: entry.enterpriseName, creditCode: entry.creditCode, cityAndCounty: `${city?.name ?? ""}${county?.name ?? ""}` };
}

export function emptyBasicInfoSection(): BasicInfoSection {
  return basicInfoSectionSchema.parse({});
}
