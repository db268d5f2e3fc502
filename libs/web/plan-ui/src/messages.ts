import { PLAN_DATA_TABLE_TITLE, PLAN_STATE_LABELS } from "@dtpilot/domain";
import type { MessagesLike } from "@dtpilot/ui";

/** i18n namespace of the shared plan components. */
export const PLAN_NAMESPACE = "plan";

/** Labels of the shared plan components (added to the page by plan-i18n.ts); Chinese in the guide's words (状态 from the workflow's own labels). */
export const planZhCN = {
  states: {
    DRAFT: PLAN_STATE_LABELS.DRAFT,
    SUBMITTED: PLAN_STATE_LABELS.SUBMITTED,
    RETURNED_BY_CITY: PLAN_STATE_LABELS.RETURNED_BY_CITY,
    RECOMMENDED: PLAN_STATE_LABELS.RECOMMENDED,
    RETURNED_BY_PROVINCE: PLAN_STATE_LABELS.RETURNED_BY_PROVINCE,
    APPROVED: PLAN_STATE_LABELS.APPROVED,
  },
  events: { SUBMIT: "提交", RETURN: "退回修改", RECOMMEND: "推荐", APPROVE: "批准" },
  version: "第{{number}}版",
  empty: "（未填写）",
  readOnly: {
    cover: "封面",
    dataTable: PLAN_DATA_TABLE_TITLE,
    item: "项目",
    total: "合计",
    generalComments: "总体意见",
    formula: "计算公式",
  },
  comments: {
    title: "审核意见",
    meta: "{{author}}（{{role}}）· {{version}} · {{time}}",
    count: "{{count}} 条意见",
  },
  history: {
    title: "审核记录",
    none: "暂无审核记录",
    transition: "{{from}} → {{to}}",
    actor: "{{name}}（{{role}}）",
  },
  diff: {
    from: "对比版本",
    to: "当前版本",
    field: "字段",
    before: "修改前",
    after: "修改后",
    same: "两个版本内容相同",
    absent: "（无）",
    count: "共 {{count}} 处修改",
  },
  downloads: {
    XLSX: "下载主要数据表（XLSX）",
    DOCX: "下载实施方案（DOCX）",
  },
} as const;

export const planEn: MessagesLike<typeof planZhCN> = {
  states: {
    DRAFT: "Draft",
    SUBMITTED: "Submitted to the city",
    RETURNED_BY_CITY: "Returned by the city",
    RECOMMENDED: "Recommended by the city",
    RETURNED_BY_PROVINCE: "Returned by the province",
    APPROVED: "Approved by the province",
  },
  events: { SUBMIT: "Submitted", RETURN: "Returned for revision", RECOMMEND: "Recommended", APPROVE: "Approved" },
  version: "Version {{number}}",
  empty: "(not filled in)",
  readOnly: {
    cover: "Cover",
    dataTable: "Main data table",
    item: "Item",
    total: "Total",
    generalComments: "General comments",
    formula: "Formula",
  },
  comments: {
    title: "Review comments",
    meta: "{{author}} ({{role}}) · {{version}} · {{time}}",
    count: "{{count}} comments",
  },
  history: {
    title: "Review history",
    none: "No review history yet",
    transition: "{{from}} → {{to}}",
    actor: "{{name}} ({{role}})",
  },
  diff: {
    from: "Compare version",
    to: "With version",
    field: "Field",
    before: "Before",
    after: "After",
    same: "The two versions are identical",
    absent: "(none)",
    count: "{{count}} changes",
  },
  downloads: {
    XLSX: "Download the main data table (XLSX)",
    DOCX: "Download the implementation plan (DOCX)",
  },
};
