/** 试点企业 app labels (namespace "enterprise"), following the guide's 附2 改造信息表 headings. */
export const enterpriseZhCN = {
  nav: { profile: "企业基本情况", file: "一企一档" },
  profile: {
    title: "企业基本情况",
    name: "企业名称",
    creditCode: "企业信用代码",
    location: "所属城市及县区",
    region: "所属区域",
  },
  file: {
    title: "一企一档（改造信息表）",
    notOnRoster: "本企业尚未列入试点企业改造名单，暂无改造信息表",
  },
} as const;
