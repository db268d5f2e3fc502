/**
 * EnterpriseFile 一企一档 / 改造信息表 (附2 数字化转型试点企业改造信息表): one pilot enterprise's file, in the template's four
 * sections (one file each: basic-info-section.ts, needs-section.ts, results-section.ts, evaluation-section.ts). The
 * schemas accept drafts (any field may be missing or empty) and check shape only; enterprise-file-validation.ts reports
 * field errors, enterprise-file-completeness.ts what is still missing, enterprise-file-editability.ts who may edit
 * which section when. Types are the schemas' output, never written beside them.
 *
 * Labels are the template's words. The template mixes half- and full-width parentheses (“(万元)”, “（逐条列出）”),
 * which is typesetting noise of the Word file; labels here use full-width “（）” throughout, as 附1 does.
 */
import { z } from "zod";
import { applyRosterFields, basicInfoSectionSchema, type BasicInfoField, type RosterField } from "./basic-info-section";
import { evaluationSectionSchema, type EvaluationSection } from "./evaluation-section";
import type { FileSectionKey } from "./file-sections";
import { needsSectionSchema } from "./needs-section";
import { resultsSectionSchema } from "./results-section";

/** The schema of each section's content, for saving one section at a time. */
export const FILE_SECTION_SCHEMAS = {
  basic: basicInfoSectionSchema.prefault({}),
  needs: needsSectionSchema.prefault({}),
  results: resultsSectionSchema.prefault({}),
  evaluation: evaluationSectionSchema.prefault({}),
} as const satisfies Record<FileSectionKey, z.ZodType>;

/** A whole file; missing sections and fields come out empty. */
export const enterpriseFileSchema = z.strictObject(FILE_SECTION_SCHEMAS);
export type EnterpriseFile = z.output<typeof enterpriseFileSchema>;

/** A new file: every field empty, every list empty. */
export function emptyEnterpriseFile(): EnterpriseFile {
  return enterpriseFileSchema.parse({});
}

/** How the database names each section (one stored row per section saved). */
export const STORED_FILE_SECTIONS = { basic: "BASIC", needs: "NEEDS", results: "RESULTS", evaluation: "EVALUATION" } as const satisfies Record<
  FileSectionKey,
  string
>;
export type StoredFileSection = (typeof STORED_FILE_SECTIONS)[FileSectionKey];
const KEY_OF_STORED_SECTION = Object.fromEntries(Object.entries(STORED_FILE_SECTIONS).map(([key, stored]) => [stored, key])) as Record<
  StoredFileSection,
  FileSectionKey
>;

/** The file as saved so far: each stored section read through its schema (one that does not parse counts as empty), the others empty. */
export function fileFromStoredSections(sections: readonly { section: StoredFileSection; content: unknown }[]): EnterpriseFile {
  const file = emptyEnterpriseFile();
  for (const stored of sections) {
    const key = KEY_OF_STORED_SECTION[stored.section];
    const parsed = FILE_SECTION_SCHEMAS[key].safeParse(stored.content);
    if (parsed.success) (file as Record<FileSectionKey, unknown>)[key] = parsed.data;
  }
  return file;
}

/** The file as a reader sees it: section 一 with the roster's fields (rosterFieldsOf), which the file shows and never stores as typed. */
export function fileWithRosterFields(file: EnterpriseFile, roster: Record<RosterField, string>): EnterpriseFile {
  return { ...file, basic: applyRosterFields(file.basic, roster) };
}

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
