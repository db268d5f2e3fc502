/** The prose of a county's plan 实施方案 (附1 sections 一–五), written from the county's own figures. */
import type { RichText, RichTextBlock } from "@dtpilot/domain";
import type { Random } from "../random";

export interface PlanFacts {
  countyName: string;
  cityName: string;
  /** “集群—细分行业” of each row. */
  subIndustries: readonly string[];
  clusterNames: readonly string[];
  plannedTotal: number;
  plannedAboveScale: number;
  plannedBelowScale: number;
  plannedSpecialised: number;
  plannedCloud: number;
  smeTotal: number;
  aboveScaleSmeTotal: number;
  outputValue: string;
  providerPool: number;
}

const paragraph = (text: string): RichTextBlock => ({ type: "paragraph", content: [{ type: "text", text }] });
const heading = (text: string): RichTextBlock => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const bullets = (items: readonly string[]): RichTextBlock => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});
const ordered = (items: readonly string[]): RichTextBlock => ({
  type: "orderedList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});
const doc = (...content: RichTextBlock[]): RichText => ({ type: "doc", content });

export function foundationText(random: Random, facts: PlanFacts): RichText {
  const clusters = facts.clusterNames.join("、");
  return doc(
    heading("（一）县域中小企业及特色产业发展基本情况"),
    paragraph(
      `${facts.countyName}现有工业中小企业${facts.smeTotal}家，其中规上工业中小企业${facts.aboveScaleSmeTotal}家。` +
        `${clusters}是本地特色（主导）产业，试点行业上年度工业总产值${facts.outputValue}亿元，形成了较为完整的产业链配套体系。`,
    ),
    heading("（二）所申报特色产业集群及细分行业基础"),
    paragraph(
      `所申报细分行业为${facts.subIndustries.join("、")}。近年来本地累计培育省级智能制造示范车间${random.int(3, 18)}个、` +
        `星级上云企业${random.int(40, 260)}家，中小企业智改数转网联相关试点示范项目${random.int(5, 40)}个。`,
    ),
    heading("（三）规上工业中小企业数字化转型现状"),
    paragraph(
      `经摸底诊断，细分行业规上工业中小企业中约${random.int(20, 45)}%已应用ERP等经营管理系统，` +
        `生产设备联网率平均约${random.int(15, 40)}%，数据采集和业务协同仍以人工为主，数字化转型需求迫切。`,
    ),
  );
}

export function goalsText(random: Random, facts: PlanFacts): RichText {
  return doc(
    paragraph(`围绕${facts.subIndustries.join("、")}，分行业明确试点工作总体绩效目标如下：`),
    bullets([
      `被改造企业总数量${facts.plannedTotal}家，其中规上工业中小企业${facts.plannedAboveScale}家、规下工业中小企业${facts.plannedBelowScale}家，专精特新中小企业${facts.plannedSpecialised}家；`,
      `上云用云中小企业${facts.plannedCloud}家；`,
      `打造“小快轻准灵”解决方案${random.int(5, 20)}个，引培服务商${facts.providerPool}家；`,
      `建设数字化转型促进中心${random.int(1, 2)}家，打造“链式”转型模式${random.int(1, 3)}个；`,
      `试点结束后带动本地${random.int(100, 400)}家中小企业复制推广数字化改造。`,
    ]),
  );
}

export function implementationText(random: Random, facts: PlanFacts): RichText {
  return doc(
    heading("（一）实施路径"),
    paragraph(`分行业推进${facts.subIndustries.join("、")}试点企业数字化改造，计划改造企业${facts.plannedTotal}家。`),
    ordered([
      "诊断评估：组织服务商对试点企业开展“一企一策”数字化诊断，形成改造方案和需求清单。",
      "分类改造：规上企业重点推进设备数采、要素互联互通和数据治理，规下企业推广轻量化、低成本的“小快轻准灵”产品和解决方案。",
      "验收评价：按照任务书约定组织验收，开展绩效自评价，总结推广典型案例。",
    ]),
    heading("（二）分阶段工作任务"),
    bullets([
      "2025年9月—10月：完成实施方案编制、试点企业遴选和服务商资源池组建；",
      "2025年11月—2026年6月：全面推进试点企业数字化改造，按月调度进度；",
      "2026年7月—10月：组织验收和绩效评价，总结提炼典型模式。",
    ]),
    heading("（三）推进机制"),
    paragraph(
      `成立由分管县领导任组长的试点工作领导小组，工信部门牵头，财政、发改等部门协同，建立“周调度、月通报”机制；` +
        `计划探索“服务商+金融机构+园区”联动的创新机制，后续推动本地未改造企业${random.int(30, 60)}%以上实施数字化转型。`,
    ),
  );
}

export function safeguardsText(random: Random, facts: PlanFacts): RichText {
  return doc(
    bullets([
      `政策保障：出台${facts.countyName}中小企业数字化转型专项扶持政策，对完成改造的企业给予奖补。`,
      `资金保障：县级财政安排配套资金${random.int(1_000, 6_000)}万元，与省级试点资金统筹使用。`,
      "人才保障：联合本地高校和职业院校开展数字化人才培训，每家试点企业培养数字化专员不少于1名。",
      `服务保障：遴选${facts.providerPool}家数字化服务商组建县级服务商资源池，实行服务质量评价和动态调整。`,
    ]),
  );
}

export function otherMaterialsText(facts: PlanFacts): RichText {
  return doc(
    paragraph(`附件1：${facts.countyName}试点中小企业名单（企业名称、企业信用代码、上年度主营业务收入、是否为专精特新中小企业等）`),
    paragraph(`附件2：${facts.countyName}中小企业数字化转型工作有关证明材料`),
  );
}

export function chainModeText(facts: PlanFacts): string {
  return `支持${facts.clusterNames[0] ?? "本地"}产业链链主企业开放数据接口，带动上下游配套中小企业同步实施订单、质量和物流协同改造，形成“链主牵引、配套跟进”的链式转型模式。`;
}

export function distinctivePracticesText(facts: PlanFacts): string {
  return `${facts.countyName}建立“诊断—改造—评价—推广”闭环服务机制，推行服务商“揭榜挂帅”和改造成效“后补助”，以样板企业现场会带动同行业企业复制推广。`;
}
