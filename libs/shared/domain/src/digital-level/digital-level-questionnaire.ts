/**
 * DigitalLevelQuestionnaire 《中小企业数字化水平评测指标（2024年版）》 (工信厅企业〔2024〕56号), its scored part (reference.md
 * §1.2.1): 数字化基础 50 + 数字化管理 30 + 数字化成效 20 = 100 points. Question and option texts are the reference's,
 * word for word; the reference abridges some of the official wording (its Source C holds the full texts).
 *
 * Option ids are the questionnaire's letters (A = 无 where there is one), so a stored answer reads like the form.
 * Where the form asks for figures (设备数字化率, 联网率, 投入占比 and the four 成效 comparisons), the enterprise gives the
 * figures and the score is computed from them, never chosen.
 */

export const DIGITAL_LEVEL_DIMENSION_IDS = ["FOUNDATION", "MANAGEMENT", "RESULTS"] as const;
export type DigitalLevelDimension = (typeof DIGITAL_LEVEL_DIMENSION_IDS)[number];

export const DIGITAL_LEVEL_DIMENSIONS: Record<DigitalLevelDimension, { label: string; max: number }> = {
  FOUNDATION: { label: "数字化基础", max: 50 },
  MANAGEMENT: { label: "数字化管理", max: 30 },
  RESULTS: { label: "数字化成效", max: 20 },
};

/**
 * The figures the questionnaire asks for. Money in 万元 and energy in 吨标准煤 take up to 4 decimal places (as the
 * roster's revenue does); counts are whole. The maxima only keep out typing accidents: no SME comes near them.
 */
export const DIGITAL_LEVEL_FIGURE_IDS = [
  "productionEquipment",
  "digitalEquipment",
  "networkedEquipment",
  "averageDigitalInvestment",
  "averageRevenue",
  "energyLastYear",
  "energyYearBefore",
  "passRateBefore",
  "passRateAfter",
  "employeesLastYear",
  "employeesYearBefore",
  "revenueLastYear",
  "revenueYearBefore",
  "costLastYear",
  "costYearBefore",
] as const;
export type DigitalLevelFigureId = (typeof DIGITAL_LEVEL_FIGURE_IDS)[number];

export interface DigitalLevelFigure {
  label: string;
  unit: string;
  /** Whole numbers only (台, 人). */
  integer: boolean;
  max: number;
  /** Cannot exceed this other figure (a part of a total). */
  atMost?: DigitalLevelFigureId;
}

const COUNT_MAX = 1_000_000;
/** 1 万亿元. */
const AMOUNT_MAX = 100_000_000;
const ENERGY_MAX = 100_000_000;

const count = (label: string, unit: string, atMost?: DigitalLevelFigureId): DigitalLevelFigure => ({
  label,
  unit,
  integer: true,
  max: COUNT_MAX,
  ...(atMost ? { atMost } : {}),
});
const amount = (label: string): DigitalLevelFigure => ({ label, unit: "万元", integer: false, max: AMOUNT_MAX });
const energy = (label: string): DigitalLevelFigure => ({ label, unit: "吨标准煤", integer: false, max: ENERGY_MAX });
const passRate = (label: string): DigitalLevelFigure => ({ label, unit: "%", integer: false, max: 100 });

export const DIGITAL_LEVEL_FIGURES: Record<DigitalLevelFigureId, DigitalLevelFigure> = {
  productionEquipment: count("总生产设备数量", "台"),
  digitalEquipment: count("数字化生产设备数量", "台", "productionEquipment"),
  networkedEquipment: count("实现联网的生产设备数量", "台", "productionEquipment"),
  // 企业成立不满三年按照实际成立时长计算年均投入 (Source C): averages over the years there are.
  averageDigitalInvestment: { ...amount("近三年年均数字化投入"), unit: "万元/年" },
  averageRevenue: { ...amount("近三年年均营业收入"), unit: "万元/年" },
  energyLastYear: energy("上年综合能源消费量"),
  energyYearBefore: energy("前年综合能源消费量"),
  passRateBefore: passRate("改造前月均产品合格率"),
  passRateAfter: passRate("改造后月均产品合格率"),
  employeesLastYear: count("上年员工人数", "人"),
  employeesYearBefore: count("前年员工人数", "人"),
  revenueLastYear: amount("上年营业收入"),
  revenueYearBefore: amount("前年营业收入"),
  costLastYear: amount("上年成本"),
  costYearBefore: amount("前年成本"),
};

export interface ChoiceOption {
  id: string;
  label: string;
  points: number;
}

/** One share of a figure ratio: the ratio's value is at most `upToPercent` (and above the band before). */
export interface FigureBand {
  label: string;
  upToPercent: number;
  points: number;
}

/** numerator ÷ denominator, or the numerator alone when there is no denominator (a rate given directly). */
export interface FigureMeasure {
  numerator: DigitalLevelFigureId;
  denominator: DigitalLevelFigureId | null;
}

export type FigureChange = "INCREASE" | "FLAT" | "DECREASE";

interface QuestionBase {
  dimension: DigitalLevelDimension;
  /** 二级指标, e.g. 设备系统. */
  group: string;
  /** 三级指标 where the reference names one, e.g. 网络建设. */
  indicator: string | null;
  text: string;
  max: number;
}

export interface SingleChoiceQuestion extends QuestionBase {
  kind: "single";
  options: readonly ChoiceOption[];
}

/**
 * Tick any number of options; each ticked option scores its points, capped at the question's maximum. “无” (the
 * `noneOption`) scores 0 and is ticked alone.
 */
export interface MultiChoiceQuestion extends QuestionBase {
  kind: "multi";
  noneOption: string | null;
  options: readonly ChoiceOption[];
}

/**
 * A ratio computed from the figures, in percent, scored by the band it falls in: the first band whose `upToPercent`
 * it does not exceed; above the last band's bound, the last band. A zero denominator scores the first (lowest) band.
 */
export interface FigureBandQuestion extends QuestionBase {
  kind: "figure-band";
  measure: FigureMeasure & { denominator: DigitalLevelFigureId };
  bands: readonly FigureBand[];
}

/**
 * A measure computed from the figures for two periods and compared: 增加, 持平 (equal) or 降低, each worth its points.
 * A zero denominator in either period scores the lowest option.
 */
export interface FigureChangeQuestion extends QuestionBase {
  kind: "figure-change";
  after: FigureMeasure;
  before: FigureMeasure;
  options: readonly { change: FigureChange; label: string; points: number }[];
}

export type DigitalLevelQuestion = SingleChoiceQuestion | MultiChoiceQuestion | FigureBandQuestion | FigureChangeQuestion;

const each = (points: number, labels: readonly string[]): ChoiceOption[] =>
  labels.map((label, index) => ({ id: String.fromCharCode("B".charCodeAt(0) + index), label, points }));
const none: ChoiceOption = { id: "A", label: "无", points: 0 };

/** [0,10%]=0 … (60,100]=max, in fifths of the question's maximum. */
const percentBands = (max: number): FigureBand[] => [
  { label: "[0,10%]", upToPercent: 10, points: 0 },
  { label: "(10,20]", upToPercent: 20, points: max / 4 },
  { label: "(20,40]", upToPercent: 40, points: max / 2 },
  { label: "(40,60]", upToPercent: 60, points: (max * 3) / 4 },
  { label: "(60,100]", upToPercent: 100, points: max },
];

const changeOptions = (better: "INCREASE" | "DECREASE", max: number): FigureChangeQuestion["options"] => {
  const worse = better === "INCREASE" ? "DECREASE" : "INCREASE";
  const label: Record<FigureChange, string> = { INCREASE: "增加", FLAT: "持平", DECREASE: "降低" };
  return [
    { change: worse, label: label[worse], points: 0 },
    { change: "FLAT", label: label.FLAT, points: max / 2 },
    { change: better, label: label[better], points: max },
  ];
};

export const DIGITAL_LEVEL_QUESTION_IDS = [
  "NETWORK",
  "EQUIPMENT_DIGITISATION",
  "EQUIPMENT_NETWORKING",
  "DATA_COLLECTION",
  "INFORMATION_SYSTEMS",
  "NETWORK_SECURITY",
  "DATA_SECURITY",
  "PLANNING",
  "MANAGEMENT_RULES",
  "TALENT",
  "FUNDING",
  "ENERGY",
  "PASS_RATE",
  "REVENUE_PER_EMPLOYEE",
  "COST_PER_REVENUE",
] as const;
export type DigitalLevelQuestionId = (typeof DIGITAL_LEVEL_QUESTION_IDS)[number];

export const DIGITAL_LEVEL_QUESTIONS = {
  NETWORK: {
    kind: "multi",
    dimension: "FOUNDATION",
    group: "设备系统",
    indicator: "网络建设",
    text: "企业网络建设连接情况",
    max: 8,
    noneOption: "A",
    options: [
      none,
      ...each(2, ["车间工控网络", "应用系统网络(大规模设备/人员/系统互联)", "建设/租用5G工业网络", "网络全面覆盖生产现场且可扩展"]),
    ],
  },
  EQUIPMENT_DIGITISATION: {
    kind: "figure-band",
    dimension: "FOUNDATION",
    group: "设备系统",
    indicator: "设备数字化",
    text: "企业的生产设备数字化率",
    max: 6,
    // 设备数字化率 = 数字化生产设备数量 / 总生产设备数量 × 100%
    measure: { numerator: "digitalEquipment", denominator: "productionEquipment" },
    bands: percentBands(6),
  },
  EQUIPMENT_NETWORKING: {
    kind: "figure-band",
    dimension: "FOUNDATION",
    group: "设备系统",
    indicator: "设备联网",
    text: "企业的生产设备联网率",
    max: 6,
    // 设备联网率 = 实现联网的生产设备数量 / 总生产设备数量 × 100%
    measure: { numerator: "networkedEquipment", denominator: "productionEquipment" },
    bands: percentBands(6),
  },
  DATA_COLLECTION: {
    kind: "multi",
    dimension: "FOUNDATION",
    group: "数据采集",
    indicator: null,
    text: "企业实现数据自动采集的业务环节覆盖范围",
    max: 10,
    noneOption: "A",
    options: [
      none,
      ...each(0.7, [
        "产品设计",
        "工艺设计",
        "营销管理",
        "售后服务",
        "计划排程",
        "生产管控",
        "质量管理",
        "设备管理",
        "安全生产",
        "能耗管理",
        "采购管理",
        "仓储物流",
        "财务管理",
      ]),
      { id: "O", label: "人力资源", points: 0.9 },
    ],
  },
  INFORMATION_SYSTEMS: {
    kind: "single",
    dimension: "FOUNDATION",
    group: "信息系统",
    indicator: null,
    text: "使用本地或云化部署的信息化服务实现业务数字化管理情况",
    max: 10,
    options: [
      none,
      { id: "B", label: "单个业务环节", points: 2.5 },
      { id: "C", label: "多个(≥2)", points: 5 },
      { id: "D", label: "绝大部分(>80%)", points: 7.5 },
      { id: "E", label: "全覆盖", points: 10 },
    ],
  },
  NETWORK_SECURITY: {
    kind: "multi",
    dimension: "FOUNDATION",
    group: "信息安全",
    indicator: null,
    text: "网络安全举措",
    max: 5,
    noneOption: "A",
    options: [
      none,
      ...each(1.25, [
        "管理制度",
        "安全产品及服务(防火墙/网络分区/入侵检测/身份认证)",
        "风险评估",
        "边界访问控制+入侵/恶意代码检测",
      ]),
    ],
  },
  DATA_SECURITY: {
    kind: "multi",
    dimension: "FOUNDATION",
    group: "信息安全",
    indicator: null,
    text: "数据安全举措",
    max: 5,
    noneOption: "A",
    options: [
      none,
      ...each(1.25, ["管理制度", "数据安全产品(加密/备份恢复/脱敏/分级分类)", "风险评估", "数据台账+定期能力核验"]),
    ],
  },
  PLANNING: {
    kind: "single",
    dimension: "MANAGEMENT",
    group: "规划管理",
    indicator: "规划实施",
    text: "对数字化的认识与执行水平",
    max: 7.5,
    options: [
      none,
      { id: "B", label: "主动了解", points: 1.5 },
      { id: "C", label: "制定规划/计划/保障", points: 3 },
      { id: "D", label: "开始单点或多点改造", points: 4.5 },
      { id: "E", label: "业务模式/管理决策改变并取得成效", points: 6 },
      // The reference's two sources disagree on this option; the other reads “能够输出数字化转型成果或经验供同行借鉴”.
      // This is the zjtx questionnaire's (Source C). Check against the official PDF.
      { id: "F", label: "定期组织员工去同行业公司参观交流", points: 7.5 },
    ],
  },
  MANAGEMENT_RULES: {
    kind: "multi",
    dimension: "MANAGEMENT",
    group: "规划管理",
    indicator: "管理机制",
    text: "数字化管理制度",
    max: 7.5,
    noneOption: "A",
    options: [none, ...each(1.875, ["转型实施工作流程", "信息系统建设及运营管理制度", "数据资源管理制度", "创新激励制度"])],
  },
  TALENT: {
    kind: "multi",
    dimension: "MANAGEMENT",
    group: "要素保障",
    indicator: null,
    text: "人才建设",
    max: 7.5,
    noneOption: "A",
    options: [none, ...each(1.5, ["专职/兼职数字化人才", "专门岗位/部门", "定期培训", "绩效及薪酬管理", "梯度培育机制"])],
  },
  FUNDING: {
    kind: "figure-band",
    dimension: "MANAGEMENT",
    group: "要素保障",
    indicator: "资金保障",
    text: "近三年平均数字化投入占营业额比例",
    max: 7.5,
    // 数字化投入占比 = 近三年数字化投入总额 ÷ 近三年营业收入 (reference §6.2); averages give the same ratio.
    measure: { numerator: "averageDigitalInvestment", denominator: "averageRevenue" },
    bands: percentBands(7.5),
  },
  ENERGY: {
    kind: "figure-change",
    dimension: "RESULTS",
    group: "绿色低碳",
    indicator: null,
    text: "改造后每百元营业收入综合能源消费量 vs 改造前",
    max: 7,
    // 每百元营业收入综合能源消费量 = 综合能源消费量 ÷ 营业收入 × 100; the form asks for 上年 and 前年 (Source C),
    // 上年 standing for 改造后. The constant factor does not change the comparison.
    after: { numerator: "energyLastYear", denominator: "revenueLastYear" },
    before: { numerator: "energyYearBefore", denominator: "revenueYearBefore" },
    options: changeOptions("DECREASE", 7),
  },
  PASS_RATE: {
    kind: "figure-change",
    dimension: "RESULTS",
    group: "产品质量",
    indicator: null,
    text: "改造后月均产品合格率 vs 改造前",
    max: 7,
    after: { numerator: "passRateAfter", denominator: null },
    before: { numerator: "passRateBefore", denominator: null },
    options: changeOptions("INCREASE", 7),
  },
  REVENUE_PER_EMPLOYEE: {
    kind: "figure-change",
    dimension: "RESULTS",
    group: "市场效益",
    indicator: null,
    text: "上年度人均营业收入 vs 前年",
    max: 3,
    // 人均营业收入 = 营业收入 ÷ 从业人员人数
    after: { numerator: "revenueLastYear", denominator: "employeesLastYear" },
    before: { numerator: "revenueYearBefore", denominator: "employeesYearBefore" },
    options: changeOptions("INCREASE", 3),
  },
  COST_PER_REVENUE: {
    kind: "figure-change",
    dimension: "RESULTS",
    group: "市场效益",
    indicator: null,
    text: "上年度每百元营业收入中的成本 vs 前年",
    max: 3,
    // 每百元营业收入中的成本 = 成本 ÷ 营业收入 × 100
    after: { numerator: "costLastYear", denominator: "revenueLastYear" },
    before: { numerator: "costYearBefore", denominator: "revenueYearBefore" },
    options: changeOptions("DECREASE", 3),
  },
} as const satisfies Record<DigitalLevelQuestionId, DigitalLevelQuestion>;

export type ChoiceQuestionId = {
  [Id in DigitalLevelQuestionId]: (typeof DIGITAL_LEVEL_QUESTIONS)[Id]["kind"] extends "single" | "multi" ? Id : never;
}[DigitalLevelQuestionId];

export const CHOICE_QUESTION_IDS = DIGITAL_LEVEL_QUESTION_IDS.filter(
  (id): id is ChoiceQuestionId => {
    const { kind } = DIGITAL_LEVEL_QUESTIONS[id];
    return kind === "single" || kind === "multi";
  },
);
