/**
 * The Jiangsu “1650” industrial system (16个先进制造业集群 + 50条重点产业链): the options offered for
 * 所属“1650”产业体系集群及产业链名称. The province has not published the 50 chains as one list (reference.md §3),
 * so this is the 16 clusters and the chains named in public documents; the form also accepts free text.
 */
export const INDUSTRIAL_CLUSTERS_1650 = [
  "新型电力（新能源）装备",
  "工程机械",
  "物联网",
  "前沿新材料",
  "生物医药和新型医疗器械",
  "高端纺织",
  "集成电路",
  "海工装备和高技术船舶",
  "高端装备",
  "节能环保",
  "核心信息技术",
  "汽车及零部件",
  "新型显示",
  "绿色石化",
  "优特钢",
  "绿色食品",
] as const;

/** The 10 chains the province brings to 卓越提升 (产业强链“531”), under the cluster each belongs to. */
export const INDUSTRIAL_CHAINS_1650: readonly { cluster: (typeof INDUSTRIAL_CLUSTERS_1650)[number]; chain: string }[] = [
  { cluster: "新型电力（新能源）装备", chain: "特高压设备" },
  { cluster: "工程机械", chain: "起重机" },
  { cluster: "物联网", chain: "车联网" },
  { cluster: "高端纺织", chain: "品牌服装" },
  { cluster: "前沿新材料", chain: "先进碳材料" },
  { cluster: "生物医药和新型医疗器械", chain: "生物医药" },
  { cluster: "集成电路", chain: "集成电路" },
  { cluster: "海工装备和高技术船舶", chain: "高技术船舶" },
  { cluster: "高端装备", chain: "轨道交通装备" },
  { cluster: "核心信息技术", chain: "“大数据+”" },
];

/** The options as the form offers them: “集群” alone, and “集群—产业链” for each named chain. */
export function industrialSystem1650Options(): string[] {
  const options: string[] = [];
  for (const cluster of INDUSTRIAL_CLUSTERS_1650) {
    options.push(`${cluster}集群`);
    for (const entry of INDUSTRIAL_CHAINS_1650) {
      if (entry.cluster === cluster) options.push(`${cluster}集群—${entry.chain}产业链`);
    }
  }
  return options;
}
