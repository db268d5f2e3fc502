/** Names of people, places and organisations, drawn from the seed. Made up: no real enterprise or person. */
import type { Random } from "../random";

const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
  "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "顾",
] as const;

const GIVEN = [
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
  "刚", "桂英", "建华", "建国", "志强", "晓东", "海燕", "红梅", "国平", "文杰", "雪梅", "立新", "卫东", "春华", "俊杰", "欣怡",
  "子涵", "浩然", "宇航", "思远", "嘉怡", "晨阳", "一鸣", "振宇", "佳琪", "梦琪", "雨轩", "博文", "天宇", "雅琴",
] as const;

/** Two-character 字号 of made-up enterprises. */
const BRANDS = [
  "澄江", "华士", "申港", "恒力", "瑞丰", "宏达", "金源", "海德", "天成", "永盛", "鑫隆", "博远", "长青", "和信", "嘉禾", "盛泰",
  "中联", "新阳", "东升", "华威", "利达", "凯瑞", "锦程", "宝丰", "润泽", "德信", "晶华", "远航", "开元", "汇通", "安泰", "万邦",
  "诚信", "卓越", "精诚", "荣盛", "联创", "正大", "恒通", "昌隆", "国泰", "明辉", "信达", "龙腾", "腾飞", "协和", "光明", "富康",
  "兴业", "友邦", "宏图", "飞跃", "同力", "旭日", "华鼎", "祥和", "鼎盛", "百川", "九州", "通达", "天润", "中恒", "美达", "亚太",
  "思源", "立信", "众诚", "伟业", "恒瑞", "科瑞", "普华", "康达", "金鹰", "银河", "海星", "星辰", "大洋", "长江", "太湖", "运河",
] as const;

const ROADS = ["人民路", "建设路", "工业园路", "长江路", "黄河路", "科技大道", "创业路", "新华路", "振兴路", "滨江路", "开发大道", "富民路"] as const;
const TOWNS = ["经济开发区", "高新技术产业开发区", "城东街道", "城西街道", "工业集中区", "临港产业园", "科创园", "城南街道"] as const;

/** Suffixes of made-up digital service providers. */
const PROVIDER_SUFFIXES = [
  "工业互联网科技有限公司",
  "智能制造技术有限公司",
  "信息技术有限公司",
  "数字科技有限公司",
  "软件股份有限公司",
  "网络科技有限公司",
  "自动化系统有限公司",
  "云计算服务有限公司",
  "数据科技有限公司",
] as const;
const PROVIDER_BRANDS = ["智云", "数联", "云帆", "工联", "智造", "慧通", "星网", "数智", "云启", "天工", "鲲鹏", "易联", "瑞数", "优算", "启明"] as const;

const REVIEWER_NAMES = [
  "江苏正信工程咨询有限公司",
  "江苏省中小企业发展研究会",
  "南京融智管理咨询有限公司",
  "苏州衡达评估咨询有限公司",
  "江苏中评信息技术评估有限公司",
  "无锡方圆项目管理咨询有限公司",
] as const;

export function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

export function mobilePhone(random: Random): string {
  return `1${random.pick(["3", "5", "8", "9", "7"])}${random.digits(9)}`;
}

/** A landline with the city's area code: "0510-86123456". */
export function landline(random: Random, areaCode: string): string {
  return `${areaCode}-${random.int(5, 8)}${random.digits(7)}`;
}

export function brand(random: Random): string {
  return random.pick(BRANDS);
}

export function address(random: Random, cityName: string, countyName: string): string {
  return `江苏省${cityName}${countyName}${random.pick(TOWNS)}${random.pick(ROADS)}${random.int(1, 388)}号`;
}

export function providerName(random: Random, placeShort: string): string {
  return `${placeShort}${random.pick(PROVIDER_BRANDS)}${random.pick(PROVIDER_SUFFIXES)}`;
}

export function reviewerName(index: number): string {
  const base = REVIEWER_NAMES[index % REVIEWER_NAMES.length]!;
  return index < REVIEWER_NAMES.length ? base : base.replace("有限公司", `（第${Math.floor(index / REVIEWER_NAMES.length) + 1}分部）`);
}

/** A place's short form in names: 江阴市 → 江阴, 鼓楼区 → 鼓楼, but 沛县 stays 沛县. */
export function shortPlaceName(name: string): string {
  const stripped = name.replace(/(市|区|县)$/, "");
  return [...stripped].length >= 2 ? stripped : name;
}
