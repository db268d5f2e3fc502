import { z } from "zod";
import { creditCodeSchema } from "../credit-code";
import { PLAN_NAME_MAX_CHARS } from "../plan/plan-data-table";
import { PLAN_DECIMAL_PATTERN } from "../plan/plan-ratios";

/**
 * PilotEnterprise 试点企业改造名单 (guide §二.1; 附1 五、其他材料: “试点中小企业名单（企业名称、企业信用代码、上年度主营业务收入，
 * 是否为专精特新中小企业等）”): one enterprise a county puts on its pilot roster for a batch, typed in a form or
 * imported from the XLSX template (roster-import.ts).
 */

export const ENTERPRISE_SCALES = ["ABOVE", "BELOW"] as const;
/** 规上 (规模以上工业中小企业) or 规下 (规模以下). */
export type EnterpriseScale = (typeof ENTERPRISE_SCALES)[number];

/** Short labels, as the plan's data table writes them (拟改造规上/规下). */
export const ENTERPRISE_SCALE_LABELS: Record<EnterpriseScale, string> = { ABOVE: "规上", BELOW: "规下" };
/** Long labels, as 附2 改造信息表 writes them. */
export const ENTERPRISE_SCALE_FULL_LABELS: Record<EnterpriseScale, string> = { ABOVE: "规模以上", BELOW: "规模以下" };

export interface PilotEnterpriseInput {
  /** 企业名称 */
  name: string;
  /** 企业信用代码: 18 characters, upper case, check character valid. */
  creditCode: string;
  /** 所属细分行业, written “集群—细分行业” exactly as the plan's data table names it (`subIndustryDisplayName`). */
  subIndustry: string;
  /** 企业规模（规上/规下） */
  scale: EnterpriseScale;
  /** 是否为专精特新中小企业 */
  specialised: boolean;
  /** 上年度主营业务收入（万元）: a non-negative decimal string, up to 4 decimal places. */
  lastYearRevenue: string;
  /** 联系人 */
  contactName?: string;
  /** 联系方式 */
  contactPhone?: string;
}

export const ROSTER_NAME_MAX_CHARS = 100;
/** 联系人 and 联系方式 are free text (a phone, a mobile, an e-mail); this only guards the length. */
export const ROSTER_CONTACT_MAX_CHARS = 50;
/** “集群—细分行业”: two plan names and the separator. */
export const ROSTER_SUB_INDUSTRY_MAX_CHARS = PLAN_NAME_MAX_CHARS * 2 + 1;

/** An optional text: trimmed, and left out when blank. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** One entry as a form submits it. Imports run roster-import.ts first, which yields values this schema accepts. */
export const pilotEnterpriseInputSchema = z
  .object({
    name: z.string().trim().min(1).max(ROSTER_NAME_MAX_CHARS),
    creditCode: creditCodeSchema,
    subIndustry: z.string().trim().min(1).max(ROSTER_SUB_INDUSTRY_MAX_CHARS),
    scale: z.enum(ENTERPRISE_SCALES),
    specialised: z.boolean(),
    lastYearRevenue: z.string().trim().regex(PLAN_DECIMAL_PATTERN),
    contactName: optionalText(ROSTER_CONTACT_MAX_CHARS),
    contactPhone: optionalText(ROSTER_CONTACT_MAX_CHARS),
  })
  .strict();

export const ROSTER_COLUMN_KEYS = [
  "serial",
  "name",
  "creditCode",
  "subIndustry",
  "scale",
  "specialised",
  "lastYearRevenue",
  "contactName",
  "contactPhone",
] as const;
/** A column of the import template and of the roster export; "serial" (序号) is not part of an entry. */
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

export interface RosterColumn {
  key: RosterColumnKey;
  /** zh-CN header, word for word: the guide's field name plus, where the cell takes a fixed set, the choices. */
  label: string;
  required: boolean;
  /** The first example row's value. */
  example: string;
}

/** 序号 of the template's example rows; the importer skips rows so marked. */
export const ROSTER_EXAMPLE_SERIAL = "示例";

/**
 * The template's two example rows. The credit codes are made up (valid check characters, no real enterprise);
 * the template replaces 所属细分行业 with the county's own sub-industries when the plan has them.
 */
export const ROSTER_EXAMPLE_ROWS: readonly Readonly<Record<RosterColumnKey, string>>[] = [
  {
    serial: ROSTER_EXAMPLE_SERIAL,
    name: "江苏某某精密机械有限公司",
    creditCode: "91320281MA1Q2X3Y49",
    subIndustry: "高端装备—数控机床",
    scale: "规上",
    specialised: "是",
    lastYearRevenue: "12345.67",
    contactName: "张三",
    contactPhone: "13800000000",
  },
  {
    serial: ROSTER_EXAMPLE_SERIAL,
    name: "某某五金制品厂",
    creditCode: "91320281MA7H8J9K0M",
    subIndustry: "高端装备—数控机床",
    scale: "规下",
    specialised: "否",
    lastYearRevenue: "860",
    contactName: "李四",
    contactPhone: "0510-86000000",
  },
];

const LABELS: Record<RosterColumnKey, string> = {
  serial: "序号",
  name: "企业名称",
  creditCode: "企业信用代码",
  subIndustry: "所属细分行业",
  scale: "企业规模（规上/规下）",
  specialised: "是否为专精特新中小企业（是/否）",
  lastYearRevenue: "上年度主营业务收入（万元）",
  contactName: "联系人",
  contactPhone: "联系方式",
};

const REQUIRED: ReadonlySet<RosterColumnKey> = new Set([
  "name",
  "creditCode",
  "subIndustry",
  "scale",
  "specialised",
  "lastYearRevenue",
]);

/** The template's columns in import and export order. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = ROSTER_COLUMN_KEYS.map((key) => ({
  key,
  label: LABELS[key],
  required: REQUIRED.has(key),
  example: ROSTER_EXAMPLE_ROWS[0]?.[key] ?? "",
}));

export const ROSTER_REQUIRED_COLUMN_KEYS: readonly RosterColumnKey[] = ROSTER_COLUMN_KEYS.filter((key) => REQUIRED.has(key));
