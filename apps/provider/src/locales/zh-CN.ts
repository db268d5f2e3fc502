/** 数字化服务商 app labels (namespace "provider"), following the guide's wording for providers. */
export const providerZhCN = {
  nav: { profile: "服务商信息" },
  profile: {
    title: "服务商信息",
    name: "服务商名称",
    creditCode: "统一社会信用代码",
    capability: "服务能力",
    industry: "行业属性",
    origin: "培育引进方式",
  },
  capabilities: { COMPREHENSIVE: "综合型", INDUSTRY: "行业型", SCENARIO: "场景型" },
  industries: { SMART_EQUIPMENT: "智能装备", INDUSTRIAL_SOFTWARE: "工业软件", NETWORK_COMPUTING: "网络及算力基础设施" },
  origins: { LOCAL: "本地培育", EXTERNAL: "外地引入" },
  counties: {
    title: "服务的试点县（市、区）",
    name: "县（市、区）",
    city: "所属设区市",
    region: "所属区域",
    count: "共 {{count}} 个",
  },
} as const;
