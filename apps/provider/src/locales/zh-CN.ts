/** 数字化服务商 app labels (namespace "provider"), following the guide's wording for providers. */
export const providerZhCN = {
  nav: { profile: "服务商信息", enterprises: "服务企业" },
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
  enterprises: {
    title: "服务企业",
    name: "企业名称",
    county: "所属城市及县区",
    subIndustry: "所属细分行业",
    completeness: "档案完整度",
    removed: "已调出名单",
    empty: "暂无服务的试点企业",
    count: "共 {{count}} 家",
    countyFailed: "{{county}}的试点企业名单暂时无法读取：{{message}}",
    truncated: "{{county}}共有 {{total}} 家服务企业，此处列出按名称排序的前 {{shown}} 家",
  },
  file: {
    title: "改造信息表",
    back: "返回服务企业",
  },
} as const;
