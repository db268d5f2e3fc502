/**
 * 特色产业集群 and their 细分行业 a county may declare in its plan, with the words the generated enterprises' names
 * use and the “1650” chain each belongs to (the domain's INDUSTRIAL_CLUSTERS_1650 / INDUSTRIAL_CHAINS_1650).
 */
import { INDUSTRIAL_CHAINS_1650, type INDUSTRIAL_CLUSTERS_1650 } from "@dtpilot/domain";

type Cluster1650 = (typeof INDUSTRIAL_CLUSTERS_1650)[number];

export interface SubIndustrySpec {
  name: string;
  /** Words that end an enterprise's name in this sub-industry (…精密机械有限公司). */
  nameWords: readonly string[];
  /** What its enterprises make, for profiles. */
  products: readonly string[];
}

export interface ClusterSpec {
  /** The cluster as the plan names it (列入国家和省中小企业特色产业集群的名称), before the county's name. */
  name: string;
  cluster1650: Cluster1650;
  subIndustries: readonly SubIndustrySpec[];
}

export const CLUSTERS: readonly ClusterSpec[] = [
  {
    name: "高端装备",
    cluster1650: "高端装备",
    subIndustries: [
      { name: "精密机械零部件", nameWords: ["精密机械", "精工机械", "传动部件", "机械制造"], products: ["精密轴承", "齿轮箱", "液压件", "精密铸件"] },
      { name: "数控机床", nameWords: ["数控机床", "机床制造", "数控设备"], products: ["数控车床", "加工中心", "数控磨床"] },
      { name: "智能基础零部件", nameWords: ["智能部件", "基础件", "紧固件"], products: ["伺服电机", "减速器", "高强度紧固件"] },
    ],
  },
  {
    name: "高端纺织",
    cluster1650: "高端纺织",
    subIndustries: [
      { name: "纺织机械", nameWords: ["纺织机械", "纺机", "织造设备"], products: ["喷气织机", "经编机", "络筒机"] },
      { name: "功能性面料", nameWords: ["纺织科技", "面料", "织造"], products: ["功能性面料", "家纺面料", "产业用纺织品"] },
      { name: "品牌服装", nameWords: ["服饰", "服装", "制衣"], products: ["男装", "羽绒服", "职业装"] },
    ],
  },
  {
    name: "汽车及零部件",
    cluster1650: "汽车及零部件",
    subIndustries: [
      { name: "汽车零部件", nameWords: ["汽车部件", "汽车零部件", "车辆配件"], products: ["制动系统", "汽车线束", "冲压件"] },
      { name: "新能源汽车电驱系统", nameWords: ["电驱科技", "电机", "动力系统"], products: ["驱动电机", "电控系统", "减速总成"] },
    ],
  },
  {
    name: "新型电力装备",
    cluster1650: "新型电力（新能源）装备",
    subIndustries: [
      { name: "输变电设备", nameWords: ["电气", "电力设备", "输变电"], products: ["变压器", "开关柜", "电力金具"] },
      { name: "光伏组件", nameWords: ["光伏科技", "新能源", "光电"], products: ["光伏组件", "逆变器", "光伏支架"] },
    ],
  },
  {
    name: "前沿新材料",
    cluster1650: "前沿新材料",
    subIndustries: [
      { name: "先进碳材料", nameWords: ["碳材料", "新材料", "碳纤维"], products: ["碳纤维复合材料", "石墨烯导热膜", "碳碳复合材料"] },
      { name: "电子化学品", nameWords: ["电子材料", "化学科技", "新材料"], products: ["电子级氢氟酸", "光刻胶配套试剂", "电子氟材料"] },
    ],
  },
  {
    name: "生物医药和医疗器械",
    cluster1650: "生物医药和新型医疗器械",
    subIndustries: [
      { name: "医疗器械", nameWords: ["医疗器械", "医疗科技", "生物医学"], products: ["一次性医用耗材", "康复器械", "体外诊断试剂"] },
      { name: "化学原料药", nameWords: ["药业", "制药", "医药化工"], products: ["原料药", "医药中间体"] },
    ],
  },
  {
    name: "绿色食品",
    cluster1650: "绿色食品",
    subIndustries: [
      { name: "农副食品加工", nameWords: ["食品", "农产品加工", "粮油"], products: ["大米", "食用油", "预制菜"] },
      { name: "休闲食品", nameWords: ["食品科技", "食品"], products: ["烘焙食品", "坚果炒货", "糖果"] },
    ],
  },
  {
    name: "工程机械",
    cluster1650: "工程机械",
    subIndustries: [
      { name: "工程机械零部件", nameWords: ["工程机械", "重工", "机械配件"], products: ["液压油缸", "回转支承", "履带总成"] },
      { name: "起重机械", nameWords: ["起重设备", "重工机械"], products: ["塔式起重机", "随车起重机"] },
    ],
  },
  {
    name: "节能环保",
    cluster1650: "节能环保",
    subIndustries: [{ name: "环保装备", nameWords: ["环保科技", "环境工程", "环保设备"], products: ["除尘设备", "污水处理设备", "脱硫脱硝设备"] }],
  },
  {
    name: "优特钢",
    cluster1650: "优特钢",
    subIndustries: [{ name: "特钢制品", nameWords: ["特钢", "金属制品", "钢管"], products: ["精密钢管", "合金钢棒材", "不锈钢丝"] }],
  },
  {
    name: "绿色石化",
    cluster1650: "绿色石化",
    subIndustries: [{ name: "精细化工", nameWords: ["化工", "精细化学", "新材料"], products: ["涂料", "表面活性剂", "塑料助剂"] }],
  },
  {
    name: "集成电路",
    cluster1650: "集成电路",
    subIndustries: [{ name: "集成电路封装测试", nameWords: ["微电子", "半导体", "电子科技"], products: ["芯片封装", "测试服务", "引线框架"] }],
  },
  {
    name: "物联网",
    cluster1650: "物联网",
    subIndustries: [{ name: "物联网传感器", nameWords: ["传感科技", "物联科技", "智能感知"], products: ["压力传感器", "温湿度传感器", "RFID标签"] }],
  },
  {
    name: "海工装备和高技术船舶",
    cluster1650: "海工装备和高技术船舶",
    subIndustries: [{ name: "船舶配套", nameWords: ["船舶配件", "船用设备", "海洋工程"], products: ["船用阀门", "舱口盖", "船用电缆"] }],
  },
];

/** 所属“1650”产业体系集群及产业链名称: the cluster's chain when the province names one, else the cluster. */
export function industrialChain1650Of(cluster: ClusterSpec, preferChain: boolean): string {
  const chain = INDUSTRIAL_CHAINS_1650.find((entry) => entry.cluster === cluster.cluster1650);
  return preferChain && chain ? `${cluster.cluster1650}集群—${chain.chain}产业链` : `${cluster.cluster1650}集群`;
}
