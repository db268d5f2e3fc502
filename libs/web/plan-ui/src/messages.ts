import { PLAN_DATA_TABLE_TITLE } from "@dtpilot/domain";
import { en, zhCN } from "@dtpilot/i18n";
import type { MessagesLike } from "@dtpilot/ui";

/** i18n namespace of the shared plan components. */
export const PLAN_NAMESPACE = "plan";

/** The workflow's states and events as @dtpilot/i18n names them, for the API's refusals and documents too. */
const WORKFLOW_ZH = zhCN.workflows.IMPLEMENTATION_PLAN;
const WORKFLOW_EN = en.workflows.IMPLEMENTATION_PLAN;

/** Labels of the shared plan components (added to the page by plan-i18n.ts); Chinese in the guide's words. */
export const planZhCN = {
  states: WORKFLOW_ZH.states,
  events: WORKFLOW_ZH.events,
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
  states: WORKFLOW_EN.states,
  events: WORKFLOW_EN.events,
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
