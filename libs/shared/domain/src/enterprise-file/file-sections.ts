/** The parts of 附2 every section shares: its four sections, their headings and notes, and who writes in it. */

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
