/** Province-level app labels (namespace "province"): 省工信厅, 设区市 and 第三方机构 oversee the counties in scope. */
export const provinceZhCN = {
  nav: { counties: "试点县（市、区）" },
  counties: {
    title: "试点县（市、区）",
    currentBatch: "当前试点批次",
    noBatch: "暂无试点批次",
    visible: "县（市、区）数量",
    inBatch: "列入本批次试点",
    unit: "个",
    regionSummary: "{{count}} 个县（市、区），其中本批次试点 {{pilots}} 个",
    legendInBatch: "本批次试点县（市、区）",
    legendOther: "其他县（市、区）",
    none: "无可查看的县（市、区）",
  },
} as const;
