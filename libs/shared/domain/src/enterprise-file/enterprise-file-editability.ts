import type { Role } from "../scope";
import { FILE_SECTION_KEYS, type FileSectionKey, type FileWriter } from "./file-sections";

/**
 * Who may write each section (注1): the enterprise fills 一–三 itself or with its provider; the county fills 四 and
 * keeps the whole file up to date, so it may write every section. 一 is the enterprise's own data: no provider.
 */
export const SECTION_WRITERS: Record<FileSectionKey, readonly FileWriter[]> = {
  basic: ["ENTERPRISE", "COUNTY"],
  needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
  results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
  evaluation: ["COUNTY"],
};

/**
 * Sections written once the transformation project has started (注1: 第一项及第二项…可在确定试点企业后先行填写，
 * 其他内容可在改造后填写). 四 evaluates the transformation, so it waits too.
 */
export const SECTIONS_AFTER_TRANSFORMATION_START: readonly FileSectionKey[] = ["results", "evaluation"];

export type FileEditRefusal =
  | "NOT_A_WRITER"
  | "PROVIDER_NOT_LINKED"
  | "NOT_OWN_ENTERPRISE"
  | "NOT_ON_ROSTER"
  | "BEFORE_TRANSFORMATION";

/** zh-CN explanations shown beside a read-only section. */
export const FILE_EDIT_REFUSAL_LABELS: Record<FileEditRefusal, string> = {
  NOT_A_WRITER: "此项不由您填写：第一至三项由试点企业自行填写或联合数字化服务商共同填写，第四项由试点县（市、区）填写",
  PROVIDER_NOT_LINKED: "仅为该试点企业提供服务的数字化服务商可共同填写",
  NOT_OWN_ENTERPRISE: "只能填写本企业的改造信息表",
  NOT_ON_ROSTER: "该企业不在试点企业改造名单中（或已调出），改造信息表不可修改",
  BEFORE_TRANSFORMATION: "改造项目开始后方可填写第三项、第四项",
};

export interface FileEditContext {
  section: FileSectionKey;
  writer: FileWriter;
  /** The provider is a party to this enterprise's transformation (only read for PROVIDER). */
  linkedToEnterprise: boolean;
  /** The enterprise user belongs to this enterprise (only read for ENTERPRISE). */
  ownEnterprise: boolean;
  /** The enterprise is active on its county's roster (not removed by a change request). */
  onRoster: boolean;
  /** The transformation project has started. */
  transformationStarted: boolean;
}

export type FileEditability = { editable: true } | { editable: false; reason: FileEditRefusal };

/** The checks in order; the first that refuses gives the reason. The county's tenancy is checked by the caller's scope. */
export const FILE_EDIT_CHECKS: readonly { reason: FileEditRefusal; refuses: (context: FileEditContext) => boolean }[] = [
  { reason: "NOT_A_WRITER", refuses: (c) => !SECTION_WRITERS[c.section].includes(c.writer) },
  { reason: "PROVIDER_NOT_LINKED", refuses: (c) => c.writer === "PROVIDER" && !c.linkedToEnterprise },
  { reason: "NOT_OWN_ENTERPRISE", refuses: (c) => c.writer === "ENTERPRISE" && !c.ownEnterprise },
  { reason: "NOT_ON_ROSTER", refuses: (c) => !c.onRoster },
  {
    reason: "BEFORE_TRANSFORMATION",
    refuses: (c) => SECTIONS_AFTER_TRANSFORMATION_START.includes(c.section) && !c.transformationStarted,
  },
];

export function sectionEditability(context: FileEditContext): FileEditability {
  const refusal = FILE_EDIT_CHECKS.find((check) => check.refuses(context));
  return refusal ? { editable: false, reason: refusal.reason } : { editable: true };
}

/** The sections this writer may edit now. */
export function editableSections(context: Omit<FileEditContext, "section">): FileSectionKey[] {
  return FILE_SECTION_KEYS.filter((section) => sectionEditability({ ...context, section }).editable);
}

/** The file writer a role acts as; null (never a writer) for the province, reviewers and cities. */
export function fileWriterOfRole(role: Role): FileWriter | null {
  switch (role) {
    case "ENTERPRISE_USER":
      return "ENTERPRISE";
    case "PROVIDER_USER":
      return "PROVIDER";
    case "COUNTY_ADMIN":
      return "COUNTY";
    default:
      return null;
  }
}
