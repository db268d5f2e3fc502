import {
  DIRECTION_NEED_LABELS,
  DIRECTIONS,
  emptyEnterpriseFile,
  FILE_FIELD_LABELS,
  FILE_SECTION_KEYS,
  FILE_SECTION_NOTES,
  FILE_SECTION_TITLES,
  FILE_TEMPLATE_NOTES,
  OUTCOME_AREA_RESULT_LABELS,
  OUTCOME_AREAS,
  type EnterpriseFile,
} from "@dtpilot/domain";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  buildEnterpriseFileDocx,
  checkboxes,
  enterpriseFileFileName,
  evaluationLine,
  indicatorLine,
  ratingStars,
  type EnterpriseFileDocumentInput,
} from "./enterprise-file-document";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const PROVIDER_ID = id(900);

/** A file as 江阴澄江精密机械 and its provider would have filled it after the transformation. */
function realisticFile(): EnterpriseFile {
  const file = emptyEnterpriseFile();
  file.basic = {
    ...file.basic,
    enterpriseName: "江阴澄江精密机械有限公司",
    cityAndCounty: "无锡市江阴市",
    registeredAddress: "江阴市澄江街道长山大道88号",
    creditCode: "91320281MA0000001X",
    contactPerson: "王工",
    contactInfo: "0510-86000001",
    profile: "主营精密机械零部件加工，拥有数控机床120台。\n产品配套汽车及工程机械行业。",
    nature: "PRIVATE",
    size: "MEDIUM",
    scale: "ABOVE",
    qualityStatus: "SPECIALISED",
    subIndustry: "高端装备—精密机械零部件",
    lastYearRevenue: "12000",
    lastYearProfit: "-35.5",
    lastYearRevenuePerEmployee: "48.2",
    digitalInvestmentTotal: "360",
  };
  file.needs.EQUIPMENT_DATA = [
    { id: id(1), text: "数控机床运行数据无法自动采集", author: "ENTERPRISE", providerId: null },
    { id: id(2), text: "  ", author: "ENTERPRISE", providerId: null },
    { id: id(3), text: "能耗数据靠人工抄表", author: "PROVIDER", providerId: PROVIDER_ID },
  ];
  file.needs.DATA_GOVERNANCE = [{ id: id(4), text: "各系统物料编码不统一", author: "COUNTY", providerId: null }];
  file.results = {
    ...file.results,
    transformationItems: [
      { id: id(10), text: "部署MES系统，覆盖机加工车间" },
      { id: id(11), text: "120台数控机床联网并采集运行数据" },
    ],
    cloud: { usage: "HYBRID", detail: "生产数据本地部署，办公系统上公有云" },
    period: { start: "2025-10-01", end: "2026-06-30" },
    totalCost: "280",
    digitalLevel: { before: "NONE", after: "L2" },
    indicators: {
      ...file.results.indicators,
      EQUIPMENT_DATA: [
        { id: id(20), kpi: "KEY_PROCESS_NC_RATE", unit: null, before: "62", after: "75" },
        { id: id(21), kpi: "设备点检电子化率", unit: "%", before: null, after: "90" },
      ],
      COST_REDUCTION: [{ id: id(22), kpi: "INVENTORY_TURNOVER", unit: null, before: "4.2", after: "5.1" }],
    },
    providerEvaluations: [
      { id: id(30), providerId: PROVIDER_ID, providerName: null, product: "智云MES", rating: 4, comment: "响应及时" },
    ],
  };
  file.evaluation = { evaluationConducted: true, evaluationPassed: false, notPassedReason: "改造后指标未达预期", isSample: true, sampleReason: "行业内可复制" };
  return file;
}

const input: EnterpriseFileDocumentInput = {
  countyName: "江阴市",
  batchName: "2025年度",
  entry: {
    enterprise: { id: id(100), name: "江阴澄江精密机械有限公司", creditCode: "91320281MA0000001X" },
    subIndustry: "高端装备—精密机械零部件",
    scale: "ABOVE",
    contactName: "王工",
    contactPhone: "0510-86000001",
    providers: [{ id: PROVIDER_ID, name: "江苏智云工业互联网科技有限公司" }],
  },
  file: realisticFile(),
  completeness: { percentage: 100, complete: true },
  generatedAt: new Date("2026-07-01T02:00:00Z"),
};

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** The text of an XML fragment: the contents of its <w:t> elements, in order. */
function textOf(xml: string): string {
  return decodeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""));
}

async function documentXml(documentInput: EnterpriseFileDocumentInput): Promise<string> {
  const zip = await JSZip.loadAsync(await buildEnterpriseFileDocx(documentInput));
  return zip.file("word/document.xml")!.async("string");
}

/** Each paragraph's text, outside and inside the table. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]));
}

/** The table's rows as cell texts (each cell's paragraphs joined by "|"), and each row's width in grid columns. */
function tableRows(xml: string) {
  const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => {
    const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => tc[0]);
    return {
      cells: cells.map((tc) => paragraphTexts(tc).join("|")),
      gridWidth: cells.reduce((sum, tc) => sum + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1), 0),
    };
  });
}

describe("enterprise file document (附2)", () => {
  it("names the county and the enterprise in its file name, without path separators", () => {
    expect(enterpriseFileFileName("江阴市", "江阴澄江精密机械有限公司")).toBe("江阴市_江阴澄江精密机械有限公司_改造信息表.docx");
    expect(enterpriseFileFileName("江阴市", "A/B 精密\\机械")).toBe("江阴市_A-B精密-机械_改造信息表.docx");
  });

  it("prints choices as the template's boxes with the chosen one ticked, ratings as stars and indicators before → after", () => {
    expect(checkboxes(["STATE_OWNED", "PRIVATE"] as const, { STATE_OWNED: "国有", PRIVATE: "民营" }, "PRIVATE")).toBe("□国有　　☑民营");
    expect(checkboxes(["STATE_OWNED", "PRIVATE"] as const, { STATE_OWNED: "国有", PRIVATE: "民营" }, null)).toBe("□国有　　□民营");
    expect(ratingStars(4)).toBe("★★★★☆");
    expect(ratingStars(null)).toBe("");
    expect(ratingStars(9)).toBe("★★★★★");
    expect(indicatorLine({ id: id(1), kpi: "KEY_PROCESS_NC_RATE", unit: null, before: "62", after: "75" })).toBe("关键工序数控化率（%）：62 → 75");
    expect(indicatorLine({ id: id(1), kpi: "自定义指标", unit: null, before: null, after: "3" })).toBe("自定义指标： → 3");
    expect(indicatorLine({ id: id(1), kpi: null, unit: null, before: null, after: null })).toBeNull();
    const providers = [{ id: PROVIDER_ID, name: "江苏智云" }];
    expect(evaluationLine({ id: id(2), providerId: PROVIDER_ID, providerName: null, product: "MES", rating: 5, comment: null }, providers)).toBe(
      "江苏智云 — MES — ★★★★★",
    );
  });

  it("lays the file out like 附2: the title, every section, ticked choices, numbered needs, indicators, ratings and the notes", async () => {
    const xml = await documentXml(input);
    const paragraphs = paragraphTexts(xml);
    const all = paragraphs.join("\n");

    expect(paragraphs[0]).toBe("江阴市数字化转型试点企业改造信息表");
    expect(paragraphs[1]).toContain("试点批次：2025年度");
    expect(paragraphs[1]).toContain("档案完整度：100%");
    expect(paragraphs[1]).toContain("生成时间：2026年7月1日");
    for (const section of FILE_SECTION_KEYS) expect(all).toContain(FILE_SECTION_TITLES[section] + FILE_SECTION_NOTES[section]);

    expect(all).toContain("□国有　　☑民营　　□外资　　□混合所有制　　□其他");
    expect(all).toContain("☑中型企业　　□小型企业　　□微型企业");
    expect(all).toContain("☑规模以上企业　　□规模以下企业");
    expect(paragraphs).toEqual(expect.arrayContaining(["□无", "□创新型中小企业", "☑专精特新中小企业"]));
    expect(all).toContain("□公有云　　□私有云：　　☑混合云：生产数据本地部署，办公系统上公有云　　□未上");

    // A blank need is left out, so the numbers run on.
    expect(paragraphs).toEqual(expect.arrayContaining(["1. 数控机床运行数据无法自动采集", "2. 能耗数据靠人工抄表", "1. 各系统物料编码不统一"]));
    expect(all).not.toContain("3. 能耗");
    expect(paragraphs).toEqual(expect.arrayContaining(["1. 部署MES系统，覆盖机加工车间", "2. 120台数控机床联网并采集运行数据"]));
    expect(paragraphs).toContain("1. 关键工序数控化率（%）：62 → 75");
    expect(paragraphs).toContain("2. 设备点检电子化率（%）： → 90");
    expect(paragraphs).toContain("1. 库存周转率（次/年）：4.2 → 5.1");
    expect(paragraphs).toContain("1. 江苏智云工业互联网科技有限公司 — 智云MES — ★★★★☆ — 响应及时");
    expect(all).toContain("2025年10月1日 至 2026年6月30日");
    expect(all).toContain("-35.5");

    FILE_TEMPLATE_NOTES.forEach((note, index) => expect(paragraphs).toContain(`${index + 1}.${note}`));
    expect(paragraphs).toContain("注：");
    expect(all).not.toMatch(/null|undefined|NaN/);
  });

  it("keeps every row as wide as the table, with the template's labels and merged cells", async () => {
    const rows = tableRows(await documentXml(input));
    for (const row of rows) expect(row.gridWidth, row.cells.join(" / ")).toBe(8);
    const rowStarting = (label: string) => rows.find((row) => row.cells[0] === label);

    expect(rowStarting(FILE_FIELD_LABELS.enterpriseName)?.cells).toEqual([
      "企业名称",
      "江阴澄江精密机械有限公司",
      "所属城市及县区",
      "无锡市江阴市",
    ]);
    expect(rowStarting(FILE_FIELD_LABELS.profile)?.cells[1]).toBe("主营精密机械零部件加工，拥有数控机床120台。|产品配套汽车及工程机械行业。");
    // 二: the group label on the first row (merged down), then one row per direction.
    const firstNeed = rows.findIndex((row) => row.cells[0] === FILE_FIELD_LABELS.needs);
    expect(rows[firstNeed]!.cells[1]).toBe(DIRECTION_NEED_LABELS.EQUIPMENT_DATA);
    DIRECTIONS.slice(1).forEach((direction, index) => expect(rows[firstNeed + 1 + index]!.cells).toContain(DIRECTION_NEED_LABELS[direction]));
    // 三: the sub-table header, the level row and one row per outcome area.
    const stage = rows.findIndex((row) => row.cells[0] === FILE_FIELD_LABELS.outcomes);
    expect(rows[stage]!.cells.slice(1)).toEqual(["改造阶段", "改造前", "改造后"]);
    expect(rows[stage + 1]!.cells).toContain(FILE_FIELD_LABELS.digitalLevel);
    expect(rows[stage + 1]!.cells).toEqual(expect.arrayContaining(["未定级", "二级"]));
    OUTCOME_AREAS.forEach((area, index) => expect(rows[stage + 2 + index]!.cells).toContain(OUTCOME_AREA_RESULT_LABELS[area]));
    // 四: the answers, then the reason asked for.
    expect(rowStarting(FILE_FIELD_LABELS.evaluationConducted)?.cells[1]).toBe("是");
    expect(rowStarting(FILE_FIELD_LABELS.evaluationPassed)?.cells[1]).toBe("否|改造后指标未达预期");
    expect(rowStarting(FILE_FIELD_LABELS.isSample)?.cells[1]).toBe("是|行业内可复制");
  });

  it("prints an empty file blank, with the roster's values where the file leaves the roster's fields empty", async () => {
    const xml = await documentXml({ ...input, file: emptyEnterpriseFile(), completeness: { percentage: 0, complete: false } });
    const rows = tableRows(xml);
    const all = paragraphTexts(xml).join("\n");
    expect(all).not.toMatch(/null|undefined|NaN|→|★/);
    expect(all).toContain("□国有　　□民营　　□外资　　□混合所有制　　□其他");
    expect(all).toContain("☑规模以上企业　　□规模以下企业");
    expect(rows.find((row) => row.cells[0] === "企业名称")?.cells).toEqual(["企业名称", "江阴澄江精密机械有限公司", "所属城市及县区", ""]);
    expect(rows.find((row) => row.cells[0] === FILE_FIELD_LABELS.subIndustry)?.cells[1]).toBe("高端装备—精密机械零部件");
    expect(rows.find((row) => row.cells[0] === FILE_FIELD_LABELS.period)?.cells[1]).toBe("");
    expect(rows.find((row) => row.cells[0] === FILE_FIELD_LABELS.evaluationPassed)?.cells[1]).toBe("");
  });

  it("is an A4 portrait page in Chinese fonts, the table bordered", async () => {
    const zip = await JSZip.loadAsync(await buildEnterpriseFileDocx(input));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:tblBorders>[\s\S]*<w:insideV w:val="single"/);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="宋体"');
  });
});
