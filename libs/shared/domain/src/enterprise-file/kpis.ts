import { compareFileDecimals } from "./file-values";
import type { OutcomeArea, QuantitativeIndicator } from "./results-section";

/**
 * The KPI catalogue (定量指标) offered for 数字化改造成效 in section 三 of 附2. 注2 names the first nine (数字化类指标 and
 * 效益类指标); the others come from 《中小企业数字化水平评测指标（2024年版）》 (its 成效 and 基础 questions), so an
 * enterprise's before/after values line up with its level assessment. Definitions follow reference.md §1.2 and §6.2;
 * where no official formula was found the usual one is given (marked “common practice” below).
 */

export const KPI_KEYS = [
  "KEY_PROCESS_NC_RATE",
  "EQUIPMENT_NETWORKING_RATE",
  "DIGITAL_DESIGN_TOOL_COVERAGE",
  "DIGITAL_TRAINING_HEADCOUNT",
  "MONTHLY_PASS_RATE",
  "INVENTORY_TURNOVER",
  "PLAN_ACHIEVEMENT_RATE",
  "ON_TIME_DELIVERY_RATE",
  "CAPACITY_UTILISATION",
  "EQUIPMENT_DIGITISATION_RATE",
  "AUTO_DATA_COLLECTION_SCOPE",
  "NETWORK_SECURITY_MEASURES",
  "DATA_SECURITY_MEASURES",
  "OEE",
  "ENERGY_PER_HUNDRED_YUAN_REVENUE",
  "COST_PER_HUNDRED_YUAN_REVENUE",
  "REVENUE_PER_EMPLOYEE",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

/** 注2's two kinds: 数字化类指标 and 效益类指标. */
export type KpiKind = "DIGITAL" | "BENEFIT";
export const KPI_KIND_LABELS: Record<KpiKind, string> = {
  DIGITAL: "数字化类指标",
  BENEFIT: "效益类指标",
};

export interface KpiDefinition {
  /** zh-CN name; for the KPIs 注2 names, its words. */
  label: string;
  unit: string;
  /** One line: how the value is obtained. */
  definition: string;
  kind: KpiKind;
  /** The outcome rows (方向, 降本, 增效) where the KPI is suggested first; any row may still use it. */
  areas: readonly OutcomeArea[];
  /** Which way is an improvement. */
  better: "HIGHER" | "LOWER";
  /** Upper bound of a valid value (rates that cannot pass 100%, counts of a fixed list); values are never negative. */
  max?: number;
  /** Counted in whole units (人, 项, 个). */
  integer?: boolean;
  /** Named in 附2 注2. */
  namedInTemplate: boolean;
}

export const KPI_CATALOGUE: Record<KpiKey, KpiDefinition> = {
  KEY_PROCESS_NC_RATE: {
    label: "关键工序数控化率",
    unit: "%",
    // Common practice (两化融合); no official formula found.
    definition: "关键工序中实现数控化（或过程控制系统覆盖）的工序（设备）数 ÷ 关键工序（设备）总数 × 100%",
    kind: "DIGITAL",
    areas: ["EQUIPMENT_DATA"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: true,
  },
  EQUIPMENT_NETWORKING_RATE: {
    label: "生产设备联网率",
    unit: "%",
    definition: "实现联网的生产设备数量 ÷ 生产设备总数量 × 100%",
    kind: "DIGITAL",
    areas: ["EQUIPMENT_DATA", "INTERCONNECTION"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: true,
  },
  DIGITAL_DESIGN_TOOL_COVERAGE: {
    label: "产品数字化研发设计工具覆盖率",
    unit: "%",
    // Common practice at enterprise level; no official formula found.
    definition: "应用数字化研发设计工具（CAD、CAE等）的研发设计人员（或任务）数 ÷ 研发设计人员（或任务）总数 × 100%",
    kind: "DIGITAL",
    areas: ["INTERCONNECTION", "EFFICIENCY"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: true,
  },
  DIGITAL_TRAINING_HEADCOUNT: {
    label: "数字化培训覆盖人数",
    unit: "人",
    definition: "参加数字化转型应知应会培训（企业管理人员及一线人员）的员工人数",
    kind: "DIGITAL",
    areas: ["EFFICIENCY"],
    better: "HIGHER",
    integer: true,
    namedInTemplate: true,
  },
  MONTHLY_PASS_RATE: {
    label: "月度平均产品合格率",
    unit: "%",
    definition: "各月合格品数 ÷ 检验（生产）总数 × 100% 的月度平均值",
    kind: "BENEFIT",
    // AI vision inspection is the 2024 indicators' top level of 质量管理.
    areas: ["EFFICIENCY", "AI_APPLICATION"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: true,
  },
  INVENTORY_TURNOVER: {
    label: "库存周转率",
    unit: "次/年",
    definition: "年度营业成本 ÷ 平均存货余额（平均存货 =（期初存货 + 期末存货）÷ 2）",
    kind: "BENEFIT",
    areas: ["COST_REDUCTION", "EFFICIENCY"],
    better: "HIGHER",
    namedInTemplate: true,
  },
  PLAN_ACHIEVEMENT_RATE: {
    label: "生产计划达成率",
    unit: "%",
    definition: "实际完成计划量（或按期完成工单数）÷ 计划量（或计划工单数）× 100%",
    kind: "BENEFIT",
    // AI scheduling and dynamic rescheduling is the 2024 indicators' top level of 计划排程.
    areas: ["EFFICIENCY", "AI_APPLICATION"],
    better: "HIGHER",
    namedInTemplate: true,
  },
  ON_TIME_DELIVERY_RATE: {
    label: "准时交货率",
    unit: "%",
    definition: "按期交付订单（批次）数 ÷ 应交付订单（批次）数 × 100%",
    kind: "BENEFIT",
    areas: ["EFFICIENCY"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: true,
  },
  CAPACITY_UTILISATION: {
    label: "产能利用率",
    unit: "%",
    // May pass 100% with overtime, so no upper bound.
    definition: "实际产出 ÷ 设计（有效）产能 × 100%",
    kind: "BENEFIT",
    areas: ["EFFICIENCY", "COST_REDUCTION"],
    better: "HIGHER",
    namedInTemplate: true,
  },
  EQUIPMENT_DIGITISATION_RATE: {
    label: "生产设备数字化率",
    unit: "%",
    definition:
      "数字化生产设备数量 ÷ 生产设备总数量 × 100%（数字化设备指具备数字接口、可联网的设备，加装PLC、传感器等改造的设备也计入）",
    kind: "DIGITAL",
    areas: ["EQUIPMENT_DATA"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: false,
  },
  AUTO_DATA_COLLECTION_SCOPE: {
    label: "实现数据自动采集的业务环节数",
    unit: "个",
    definition:
      "2024年版评测指标所列14个业务环节（产品设计、工艺设计、营销管理、售后服务、计划排程、生产管控、质量管理、设备管理、安全生产、能耗管理、采购管理、仓储物流、财务管理、人力资源）中实现数据自动采集的个数",
    kind: "DIGITAL",
    areas: ["EQUIPMENT_DATA", "DATA_GOVERNANCE"],
    better: "HIGHER",
    max: 14,
    integer: true,
    namedInTemplate: false,
  },
  NETWORK_SECURITY_MEASURES: {
    label: "已落实的网络安全举措数",
    unit: "项",
    definition:
      "2024年版评测指标所列4项网络安全举措（管理制度；安全产品及服务；风险评估；边界访问控制及入侵、恶意代码检测）中已落实的项数",
    kind: "DIGITAL",
    areas: ["NETWORK_DATA_SECURITY"],
    better: "HIGHER",
    max: 4,
    integer: true,
    namedInTemplate: false,
  },
  DATA_SECURITY_MEASURES: {
    label: "已落实的数据安全举措数",
    unit: "项",
    definition:
      "2024年版评测指标所列4项数据安全举措（管理制度；数据安全产品；风险评估；数据台账及定期能力核验）中已落实的项数",
    kind: "DIGITAL",
    areas: ["NETWORK_DATA_SECURITY", "DATA_GOVERNANCE"],
    better: "HIGHER",
    max: 4,
    integer: true,
    namedInTemplate: false,
  },
  OEE: {
    label: "设备综合效率（OEE）",
    unit: "%",
    definition: "时间开动率（可用率）× 性能开动率 × 合格品率 × 100%",
    kind: "BENEFIT",
    areas: ["EQUIPMENT_DATA", "EFFICIENCY"],
    better: "HIGHER",
    max: 100,
    namedInTemplate: false,
  },
  ENERGY_PER_HUNDRED_YUAN_REVENUE: {
    label: "每百元营业收入综合能源消费量",
    // 千克 rather than 吨: per 百元 a ton-based value would round to 0 at four decimals.
    unit: "千克标准煤",
    definition:
      "综合能源消费量 ÷ 营业收入 × 100（综合能源消费量按国家统计局《能源报表统计制度》205-1、205-2表计算）",
    kind: "BENEFIT",
    areas: ["COST_REDUCTION"],
    better: "LOWER",
    namedInTemplate: false,
  },
  COST_PER_HUNDRED_YUAN_REVENUE: {
    label: "每百元营业收入中的成本",
    unit: "元",
    definition: "成本 ÷ 营业收入 × 100",
    kind: "BENEFIT",
    areas: ["COST_REDUCTION"],
    better: "LOWER",
    namedInTemplate: false,
  },
  REVENUE_PER_EMPLOYEE: {
    label: "人均营业收入",
    unit: "万元",
    definition: "营业收入 ÷ 从业人员平均人数",
    kind: "BENEFIT",
    areas: ["EFFICIENCY"],
    better: "HIGHER",
    namedInTemplate: false,
  },
};

export function isKpiKey(value: unknown): value is KpiKey {
  return typeof value === "string" && (KPI_KEYS as readonly string[]).includes(value);
}

/** The KPIs suggested for an outcome row, in catalogue order. */
export function kpisForArea(area: OutcomeArea): KpiKey[] {
  return KPI_KEYS.filter((key) => KPI_CATALOGUE[key].areas.includes(area));
}

/** The indicator's name: the catalogue label, or the enterprise's own name; null when none is given. */
export function indicatorName(indicator: Pick<QuantitativeIndicator, "kpi">): string | null {
  if (isKpiKey(indicator.kpi)) return KPI_CATALOGUE[indicator.kpi].label;
  const own = indicator.kpi?.trim() ?? "";
  return own === "" ? null : own;
}

/** The indicator's unit: the catalogue's for a catalogue KPI, else the one typed in (null when none). */
export function indicatorUnit(indicator: Pick<QuantitativeIndicator, "kpi" | "unit">): string | null {
  if (isKpiKey(indicator.kpi)) return KPI_CATALOGUE[indicator.kpi].unit;
  const own = indicator.unit?.trim() ?? "";
  return own === "" ? null : own;
}

export interface IndicatorTrend {
  change: "INCREASED" | "DECREASED" | "UNCHANGED";
  /** Whether the change is an improvement: null for the enterprise's own indicators, whose good direction is unknown. */
  improved: boolean | null;
}

/** How the value moved from 改造前 to 改造后; null unless both are valid decimals. */
export function indicatorTrend(indicator: Pick<QuantitativeIndicator, "kpi" | "before" | "after">): IndicatorTrend | null {
  const order = compareFileDecimals(indicator.after, indicator.before);
  if (order === null) return null;
  const change = order > 0 ? "INCREASED" : order < 0 ? "DECREASED" : "UNCHANGED";
  if (!isKpiKey(indicator.kpi)) return { change, improved: null };
  const better = KPI_CATALOGUE[indicator.kpi].better;
  const improved = (better === "HIGHER" && order > 0) || (better === "LOWER" && order < 0);
  return { change, improved };
}
