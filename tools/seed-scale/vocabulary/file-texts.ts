/** The statements enterprises, providers and counties write in a file 改造信息表 (附2), by direction and topic. */
import type { Direction, OutcomeArea } from "@dtpilot/domain";

export const NEEDS_BY_DIRECTION: Record<Direction, readonly string[]> = {
  EQUIPMENT_DATA: [
    "车间老旧设备无数据接口，需加装传感器和数据采集网关，实时采集设备运行状态",
    "关键设备运行参数依靠人工点检记录，需实现自动采集和异常报警",
    "数控设备品牌多、通讯协议不统一，设备数据难以汇聚到统一平台",
    "能耗数据按月人工抄表，需对主要用能设备实施分项计量",
    "设备故障停机后才维修，需基于运行数据开展预测性维护",
  ],
  INTERCONNECTION: [
    "ERP与生产现场数据割裂，需打通计划、生产、仓储和财务数据",
    "与上下游客户的订单、交期协同依靠电话和邮件，需实现线上协同",
    "研发图纸和工艺文件靠纸质流转，需建设产品数据管理系统",
    "仓库出入库依靠手工台账，需与生产工单联动实现扫码出入库",
    "质量检验数据停留在纸质记录，需与生产批次关联实现全程追溯",
  ],
  DATA_GOVERNANCE: [
    "物料编码不统一、一物多码，需建立主数据标准和编码规则",
    "生产、质量数据分散在多个表格中，缺少统一的数据看板",
    "缺少数据管理制度和专人负责，数据口径不一致",
    "经营数据统计靠人工汇总，时效性差，需建设经营分析驾驶舱",
  ],
  AI_APPLICATION: [
    "产品外观缺陷依靠人工目检，漏检率高，需引入机器视觉质检",
    "排产依赖计划员经验，插单频繁，需智能排产提升准时交付",
    "工艺参数调整依靠老师傅经验，需基于数据优化关键工序参数",
    "客户询价和报价响应慢，需借助大模型辅助生成报价和技术方案",
  ],
  NETWORK_DATA_SECURITY: [
    "车间网络与办公网络未隔离，存在病毒传播风险，需部署工业防火墙",
    "核心图纸和工艺数据缺少备份和权限分级管理",
    "缺少网络安全管理制度和应急预案",
    "远程运维通道无访问控制，需建设安全接入和审计能力",
  ],
  OTHER: [
    "缺乏懂数字化的专业人才，需开展员工数字化技能培训",
    "企业管理层对数字化转型路径不清晰，需开展诊断咨询",
    "改造资金压力较大，希望用好试点专项资金和金融支持政策",
  ],
};

/** 数字化改造内容介绍, with {n} for a count. */
export const TRANSFORMATION_ITEMS: readonly { text: string; direction: OutcomeArea }[] = [
  { text: "部署轻量化MES系统，实现工单派发、扫码报工和质量追溯，覆盖{n}条产线", direction: "INTERCONNECTION" },
  { text: "建设设备物联网平台，接入数控设备{n}台，实时采集运行状态、产量和能耗", direction: "EQUIPMENT_DATA" },
  { text: "上线云ERP，打通采购、销售、库存和财务业务数据", direction: "INTERCONNECTION" },
  { text: "部署AI视觉质检系统，覆盖{n}道关键工序的外观缺陷检测", direction: "AI_APPLICATION" },
  { text: "上线APS智能排产系统，实现订单交期评估和动态排程", direction: "AI_APPLICATION" },
  { text: "建设WMS仓储管理系统，实现扫码出入库和库位管理", direction: "INTERCONNECTION" },
  { text: "建设能源管理系统，对{n}台主要用能设备实施分项计量", direction: "COST_REDUCTION" },
  { text: "建立主数据标准，完成物料、客户、供应商编码清洗，建设经营分析看板", direction: "DATA_GOVERNANCE" },
  { text: "部署工业防火墙、终端安全和数据备份系统，制定网络安全管理制度", direction: "NETWORK_DATA_SECURITY" },
  { text: "部署PLM系统，实现图纸、BOM和工艺文件的电子化管理", direction: "INTERCONNECTION" },
];

/** Products of providers' 小快轻准 solutions. */
export const PRODUCTS = [
  "轻量化MES",
  "设备物联网平台",
  "云ERP",
  "AI视觉质检系统",
  "APS智能排产",
  "WMS仓储管理系统",
  "能源管理系统",
  "工业防火墙及数据备份服务",
  "QMS质量管理系统",
  "数字化车间整体解决方案",
  "PLM产品数据管理",
] as const;

export const EVALUATION_COMMENTS = [
  "响应及时，实施人员专业，系统上线后运行稳定",
  "方案贴合企业实际，培训到位，售后服务较好",
  "交付基本按期，个别功能需二次开发，整体满意",
  "产品轻量化、上手快，投入产出比较高",
  "实施周期略长，后期优化响应及时",
] as const;

export const CLOUD_DETAILS = {
  PRIVATE: ["MES、WMS部署在企业自建机房", "核心生产系统部署于本地私有云"],
  HYBRID: ["ERP上公有云，MES本地部署", "办公和经营系统上云，生产系统本地部署"],
} as const;

export const NOT_PASSED_REASONS = [
  "改造内容与任务书约定不一致，部分系统尚未上线运行",
  "改造后数字化水平未达到初始级，需继续整改",
  "改造投入凭证不全，无法核实实际投入",
] as const;

export const SAMPLE_REASONS = [
  "改造成效显著，关键指标提升明显，具备在同行业复制推广的条件",
  "采用“小快轻准灵”解决方案，投入少、见效快，可作为同类企业样板",
  "带动上下游配套企业协同改造，形成“链式”转型示范",
] as const;

export const ROSTER_CHANGE_REASONS = {
  ADD: ["企业主动申请参加试点，改造意愿强、基础较好", "补充同细分行业规上企业，优化试点企业结构"],
  REMOVE: ["企业生产经营出现困难，暂停数字化改造计划", "企业已迁出本县（市、区）", "企业因自身原因申请退出试点"],
  REPLACE: ["原试点企业经营困难退出，以同细分行业企业替换", "原试点企业已被并购，改由改造意愿强的企业参加"],
} as const;

export const ROSTER_REFUSAL_REASONS = [
  "替换企业不属于所申报细分行业，请核实后重新提交",
  "调整理由不充分，请补充企业情况说明",
  "拟增加企业规模与名单结构要求不符，请重新遴选",
] as const;
