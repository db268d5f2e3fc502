import {
  PLAN_BENCHMARK_NOTE,
  PLAN_COVER_LABELS,
  PLAN_FIELD_LABELS,
  PLAN_RATIO_FORMULAS,
  PLAN_SECTION_TITLES,
  emptyRichText,
  planSubIndustriesLine,
  planTableLabelSequence,
  planTitle,
  type ImplementationPlanContent,
  type PlanSubIndustry,
  type PlanTargets,
} from "@dtpilot/domain";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import {
  PLAN_DATA_TABLE_SHEET_NAME,
  buildPlanDataTableWorkbook,
  planDataTableFileName,
  type PlanDocumentInput,
} from "./plan-data-table-workbook";
import { EMPTY_SECTION_TEXT, buildPlanDocx, planDocumentFileName } from "./plan-document";
import { workbookBytes } from "../roster/roster-document";

function subIndustry(
  name: string,
  industrialOutputValue: string,
  base: { smeTotal: number; aboveScaleSmeTotal: number; specialisedSmeTotal: number },
  targets: Partial<PlanTargets>,
): PlanSubIndustry {
  return {
    name,
    industrialChain1650: "新材料产业集群—先进金属材料产业链",
    base: { industrialOutputValue, ...base },
    targets: {
      plannedAboveScale: 0,
      plannedBelowScale: 0,
      plannedSpecialised: 0,
      plannedCloud: 0,
      plannedInitialLevel: 0,
      plannedBenchmarks: 0,
      plannedSolutions: 0,
      plannedProviderPool: 0,
      plannedReplication: 0,
      plannedPromotionCentres: 0,
      plannedAboveScaleStandardLevel: 0,
      plannedBelowScaleInitialLevel: 0,
      plannedChainModes: 0,
      ...targets,
    },
  };
}

const CHAIN_TEXT = `依托链主企业兴澄特钢，带动上下游${"配套企业协同改造".repeat(20)}。`;
const PRACTICES_TEXT = "建立“揭榜挂帅”服务商遴选机制，按细分行业打包推广成熟解决方案。";

/**
 * Column D 高性能金属材料: A=8, C=3 → 37.5%; B=10+6=16, D=8 → 50.0%, E=12 → 75.0%, F=2 → 12.5%; 规范级 10/40 → 25.0%.
 * Column E 化工新材料: B=0, so D/B, E/B and F/B are undefined ("—"); A=5, C=1 → 20.0%.
 * Column F 化纤: A=6, C=2 → 33.3%; B=12+8=20, D=15 → 75.0%.
 * Totals: A=19, C=6 → 31.6%; B=36, D=23 → 63.9%; 工业总产值 125.5+80.1234+200 = 405.6234.
 */
function planContent(): ImplementationPlanContent {
  return {
    cover: { countyName: "江阴市", recommendingCity: "无锡市工业和信息化局", contact: "张三 0510-86801234" },
    sections: {
      foundation: {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "（一）基本情况" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "江阴市现有工业中小企业" },
              { type: "text", text: "4200余家", marks: [{ type: "bold" }] },
              { type: "text", text: "，特色产业集群优势明显。" },
              { type: "hardBreak" },
              { type: "text", text: "其中规上企业1200家。", marks: [{ type: "italic" }, { type: "underline" }] },
            ],
          },
        ],
      },
      goals: {
        type: "doc",
        content: [
          {
            type: "orderedList",
            content: [
              { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "改造规上企业22家" }] }] },
              {
                type: "listItem",
                content: [
                  { type: "paragraph", content: [{ type: "text", text: "改造规下企业14家" }] },
                  { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "其中化纤行业8家" }] }] }] },
                ],
              },
            ],
          },
        ],
      },
      implementation: {
        type: "doc",
        content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "分行业组织诊断" }] }] }] }],
      },
      safeguards: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "设立专项资金。" }] }] },
      otherMaterials: emptyRichText(),
    },
    dataTable: {
      countyName: "江阴市",
      clusters: [
        {
          name: "江阴市高性能合金材料产业集群",
          subIndustries: [
            subIndustry(
              "高性能金属材料",
              "125.5",
              { smeTotal: 120, aboveScaleSmeTotal: 40, specialisedSmeTotal: 8 },
              {
                plannedAboveScale: 10,
                plannedBelowScale: 6,
                plannedSpecialised: 3,
                plannedCloud: 8,
                plannedInitialLevel: 12,
                plannedBenchmarks: 2,
                plannedSolutions: 4,
                plannedProviderPool: 5,
                plannedReplication: 30,
                plannedPromotionCentres: 1,
                plannedAboveScaleStandardLevel: 10,
                plannedBelowScaleInitialLevel: 6,
                plannedChainModes: 1,
              },
            ),
            subIndustry("化工新材料", "80.1234", { smeTotal: 60, aboveScaleSmeTotal: 0, specialisedSmeTotal: 5 }, { plannedSpecialised: 1, plannedSolutions: 1 }),
          ],
        },
        {
          name: "江阴市纺织服装产业集群",
          subIndustries: [
            subIndustry(
              "化纤",
              "200",
              { smeTotal: 90, aboveScaleSmeTotal: 30, specialisedSmeTotal: 6 },
              { plannedAboveScale: 12, plannedBelowScale: 8, plannedSpecialised: 2, plannedCloud: 15, plannedInitialLevel: 10, plannedBenchmarks: 1, plannedSolutions: 2 },
            ),
          ],
        },
      ],
      chainTransformationMode: CHAIN_TEXT,
      distinctivePractices: PRACTICES_TEXT,
    },
  };
}

const input: PlanDocumentInput = {
  countyName: "江阴市",
  batchName: "2025年度",
  batchYear: 2025,
  versionNumber: 3,
  stateLabel: "省工信厅已批准",
  content: planContent(),
  // 20:00 UTC is already the next day in China.
  generatedAt: new Date("2025-09-30T20:00:00Z"),
};

async function rereadWorkbook(documentInput: PlanDocumentInput) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await workbookBytes(await buildPlanDataTableWorkbook(documentInput))).buffer);
  return workbook.getWorksheet(PLAN_DATA_TABLE_SHEET_NAME)!;
}

/** The row whose label (in column A, B or C) is exactly `label`; the `nth` one when it repeats (占比). */
function rowWithLabel(sheet: ExcelJS.Worksheet, label: string, nth = 0): ExcelJS.Row {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    const labels = [1, 2, 3].map((column) => row.getCell(column));
    // A merged label is read once, from its master cell.
    if (labels.some((cell) => cell.master === cell && cell.value === label)) rows.push(row);
  });
  const row = rows[nth];
  if (!row) throw new Error(`no row labelled ${label} (#${nth})`);
  return row;
}

/** Read through `formula`/`result`: exceljs's `cell.value` drops a falsy result, so a cached 0 would read as missing. */
function formulaOf(cell: ExcelJS.Cell) {
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  return { formula: cell.formula, result: cell.result };
}

describe("implementation plan file names", () => {
  it("name the county and the batch", () => {
    expect(planDataTableFileName("江阴市", "2025年度")).toBe("江阴市实施方案主要数据表（2025年度）.xlsx");
    expect(planDataTableFileName("江阴市", undefined)).toBe("江阴市实施方案主要数据表.xlsx");
    expect(planDocumentFileName("江阴市", "2025年度")).toBe("江阴市中小企业数字化转型试点实施方案（2025年度）.docx");
    expect(planDocumentFileName("江阴市", undefined)).toBe("江阴市中小企业数字化转型试点实施方案.docx");
  });
});

describe("implementation plan data table workbook", () => {
  it("titles the sheet and names the county, batch, version, state and China's date of generation", async () => {
    const sheet = await rereadWorkbook(input);
    expect(sheet.getCell("A1").value).toBe("实施方案主要数据表");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getCell("G1").master.address).toBe("A1");
    expect(sheet.getCell("A2").value).toBe("江阴市　2025年度　（第3版，省工信厅已批准）　生成于2025年10月1日");
  });

  it("prints every label of the template word for word, with the ratio formulas as text beside 占比", async () => {
    const sheet = await rereadWorkbook(input);
    const labels = new Set<string>();
    sheet.eachRow((row) => [1, 2, 3].forEach((column) => labels.add(String(row.getCell(column).value ?? ""))));
    const { ratio, plannedBenchmarks, ...rest } = PLAN_FIELD_LABELS;
    for (const label of Object.values(rest)) expect(labels, label).toContain(label);
    expect(labels).toContain(ratio);
    expect(labels).toContain(`${plannedBenchmarks}\n${PLAN_BENCHMARK_NOTE}`);
    for (const formula of Object.values(PLAN_RATIO_FORMULAS)) expect(labels).toContain(formula);
    // The formula text is text, never a live formula.
    expect(rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 0).getCell(3).value).toBe("=数值C/数值A *100%");
  });

  it("lists the labels of the domain's layout in its order, a merged label once", async () => {
    const sheet = await rereadWorkbook(input);
    const labels: string[] = [];
    // Rows 1 and 2 are the title and the subtitle.
    sheet.eachRow((row) => {
      if (row.number < 3) return;
      for (const column of [1, 2, 3]) {
        const cell = row.getCell(column);
        if (cell.master === cell && cell.value) labels.push(...String(cell.value).split("\n"));
      }
    });
    expect(labels).toEqual(planTableLabelSequence());
  });

  it("merges the block headings down their rows and a cluster's name across its sub-industries", async () => {
    const sheet = await rereadWorkbook(input);
    const base = rowWithLabel(sheet, PLAN_FIELD_LABELS.baseYearData);
    expect(base.getCell(1).isMerged).toBe(true);
    expect(rowWithLabel(sheet, PLAN_FIELD_LABELS.industrialOutputValue).number).toBe(base.number);
    // The four base-year rows share the heading's cell; the first target row does not.
    expect(rowWithLabel(sheet, PLAN_FIELD_LABELS.specialisedSmeTotal).getCell(1).master.address).toBe(`A${base.number}`);
    const target = rowWithLabel(sheet, PLAN_FIELD_LABELS.targetData);
    expect(target.number).toBe(base.number + 4);
    expect(rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedChainModes).getCell(1).master.address).toBe(`A${target.number}`);
    const planned = rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedEnterprises);
    expect(planned.getCell(3).value).toBe(PLAN_FIELD_LABELS.plannedAboveScale);
    expect(sheet.getRow(planned.number + 1).getCell(2).master.address).toBe(`B${planned.number}`);
    expect(sheet.getRow(planned.number + 1).getCell(3).value).toBe(PLAN_FIELD_LABELS.plannedBelowScale);

    const clusters = rowWithLabel(sheet, PLAN_FIELD_LABELS.clusterName);
    expect(clusters.getCell(4).value).toBe("江阴市高性能合金材料产业集群");
    expect(clusters.getCell(5).master.address).toBe(clusters.getCell(4).address);
    expect(clusters.getCell(6).value).toBe("江阴市纺织服装产业集群");
    expect(clusters.getCell(6).master.address).toBe(clusters.getCell(6).address);
    const county = rowWithLabel(sheet, PLAN_FIELD_LABELS.countyName);
    expect(county.getCell(4).value).toBe("江阴市");
    expect(county.getCell(7).master.address).toBe(county.getCell(4).address);
    expect((rowWithLabel(sheet, PLAN_FIELD_LABELS.subIndustryName).values as unknown[]).slice(4)).toEqual([
      "江阴市高性能合金材料产业集群—高性能金属材料",
      "江阴市高性能合金材料产业集群—化工新材料",
      "江阴市纺织服装产业集群—化纤",
      "合计",
    ]);
  });

  it("writes B and the shares as formulas whose cached results are the app's figures", async () => {
    const sheet = await rereadWorkbook(input);
    const above = rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedAboveScale).number;
    const below = above + 1;
    const total = rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedTotal);
    expect(formulaOf(total.getCell(4))).toEqual({ formula: `D${above}+D${below}`, result: 16 });
    expect(formulaOf(total.getCell(5)).result).toBe(0);
    expect(formulaOf(total.getCell(6)).result).toBe(20);

    const a = rowWithLabel(sheet, PLAN_FIELD_LABELS.specialisedSmeTotal).number;
    const c = rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedSpecialised).number;
    const specialisedShare = rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 0);
    expect(specialisedShare.number).toBe(c + 1);
    expect(formulaOf(specialisedShare.getCell(4))).toEqual({ formula: `IF(D${a}=0,"—",D${c}/D${a})`, result: 0.375 });
    expect(specialisedShare.getCell(4).numFmt).toBe("0.0%");

    const cloudShare = rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 1);
    expect(cloudShare.getCell(3).value).toBe(PLAN_RATIO_FORMULAS.cloud);
    expect(formulaOf(cloudShare.getCell(4))).toEqual({ formula: `IF(D${total.number}=0,"—",D${cloudShare.number - 1}/D${total.number})`, result: 0.5 });
    // B = 0: the share is undefined, and says so rather than dividing by zero.
    expect(formulaOf(cloudShare.getCell(5)).result).toBe("—");
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 3).getCell(4)).result).toBe(0.125);
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.aboveScaleStandardLevelShare).getCell(4)).result).toBe(0.25);
  });

  it("sums every count into the 合计 column and totals 工业总产值 exactly", async () => {
    const sheet = await rereadWorkbook(input);
    const a = rowWithLabel(sheet, PLAN_FIELD_LABELS.specialisedSmeTotal);
    expect(formulaOf(a.getCell(7))).toEqual({ formula: `SUM(D${a.number}:F${a.number})`, result: 19 });
    expect(a.getCell(7).numFmt).toBe("0");
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedTotal).getCell(7)).result).toBe(36);
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.plannedSolutions).getCell(7)).result).toBe(7);
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 0).getCell(7)).result).toBeCloseTo(6 / 19, 12);
    expect(formulaOf(rowWithLabel(sheet, PLAN_FIELD_LABELS.ratio, 1).getCell(7)).result).toBeCloseTo(23 / 36, 12);

    const output = rowWithLabel(sheet, PLAN_FIELD_LABELS.industrialOutputValue);
    expect((output.values as unknown[]).slice(4, 7)).toEqual([125.5, 80.1234, 200]);
    expect(output.getCell(4).numFmt).toBe("0.0000");
    expect(formulaOf(output.getCell(7))).toEqual({ formula: `SUM(D${output.number}:F${output.number})`, result: 405.6234 });
  });

  it("writes the two 200-character texts across the value columns, wrapped", async () => {
    const sheet = await rereadWorkbook(input);
    const chain = rowWithLabel(sheet, PLAN_FIELD_LABELS.chainTransformationMode);
    expect(chain.getCell(4).value).toBe(CHAIN_TEXT);
    expect(chain.getCell(7).master.address).toBe(chain.getCell(4).address);
    expect(chain.getCell(4).alignment).toMatchObject({ wrapText: true });
    expect(chain.height).toBeGreaterThan(40);
    expect(rowWithLabel(sheet, PLAN_FIELD_LABELS.distinctivePractices).getCell(4).value).toBe(PRACTICES_TEXT);
    expect(sheet.rowCount).toBe(rowWithLabel(sheet, PLAN_FIELD_LABELS.distinctivePractices).number);
  });

  it("freezes the labels and the column headings and prints on A4 landscape, one page wide", async () => {
    const sheet = await rereadWorkbook(input);
    const headings = rowWithLabel(sheet, PLAN_FIELD_LABELS.subIndustryName).number;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: headings });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it("keeps a 合计 column even for a single sub-industry, and shows a malformed 工业总产值 as typed without a total", async () => {
    const content = planContent();
    const [first] = content.dataTable.clusters;
    const single = { ...first!, subIndustries: [{ ...first!.subIndustries[0]!, base: { ...first!.subIndustries[0]!.base, industrialOutputValue: "约125" } }] };
    const sheet = await rereadWorkbook({ ...input, content: { ...content, dataTable: { ...content.dataTable, clusters: [single] } } });
    expect((rowWithLabel(sheet, PLAN_FIELD_LABELS.subIndustryName).values as unknown[]).slice(4)).toEqual([
      "江阴市高性能合金材料产业集群—高性能金属材料",
      "合计",
    ]);
    const output = rowWithLabel(sheet, PLAN_FIELD_LABELS.industrialOutputValue);
    expect(output.getCell(4).value).toBe("约125");
    expect(output.getCell(5).value).toBe("—");
  });
});

/** word/document.xml of a generated plan. */
async function documentXml(documentInput: PlanDocumentInput): Promise<string> {
  const zip = await JSZip.loadAsync(await buildPlanDocx(documentInput));
  return zip.file("word/document.xml")!.async("string");
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** The text of an XML fragment: the contents of its <w:t> elements, in order. */
function textOf(xml: string): string {
  return decodeXml([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(""));
}

/** Each paragraph's text, outside and inside tables. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => textOf(match[0]));
}

/** The appendix table as rows of cell texts, and each row's width in grid columns (a merged cell counts its span). */
function tableRows(xml: string) {
  const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)![0];
  return [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => {
    const cells = [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => tc[0]);
    return {
      texts: cells.map(textOf),
      gridWidth: cells.reduce((sum, tc) => sum + Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1), 0),
    };
  });
}

describe("implementation plan document", () => {
  it("opens with the title, the version and the cover lines", async () => {
    const xml = await documentXml(input);
    const text = textOf(xml);
    expect(text).toContain(planTitle(2025));
    expect(text).toContain("（第3版，省工信厅已批准）");
    const paragraphs = paragraphTexts(xml);
    expect(paragraphs).toContain(`${PLAN_COVER_LABELS.countyName}：江阴市`);
    expect(paragraphs).toContain(`${PLAN_COVER_LABELS.recommendingCity}：无锡市工业和信息化局`);
    expect(paragraphs).toContain(
      "细分行业：江阴市高性能合金材料产业集群—高性能金属材料；江阴市高性能合金材料产业集群—化工新材料；江阴市纺织服装产业集群—化纤",
    );
    expect(paragraphs).toContain(`${PLAN_COVER_LABELS.subIndustries}：${planSubIndustriesLine(input.content.dataTable)}`);
    expect(paragraphs).toContain(`${PLAN_COVER_LABELS.contact}：张三 0510-86801234`);
  });

  it("titles the plan without a year when the batch has none", async () => {
    const text = textOf(await documentXml({ ...input, batchYear: undefined }));
    expect(text).toContain("江苏省中小企业数字化转型县（市、区）试点实施方案");
    expect(text).not.toContain("年江苏省");
  });

  it("writes sections 一–五 as Heading 1 with the county's rich text, marks and lists", async () => {
    const xml = await documentXml(input);
    const paragraphs = paragraphTexts(xml);
    for (const title of Object.values(PLAN_SECTION_TITLES)) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>[\\s\\S]{0,400}?<w:t[^>]*>${title}</w:t>`));
    }
    expect(paragraphs).toContain("江阴市现有工业中小企业4200余家，特色产业集群优势明显。其中规上企业1200家。");
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]{0,400}?（一）基本情况/);
    // Bold is on the marked run only.
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/>(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>4200余家<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:r><w:t[^>]*>江阴市现有工业中小企业<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}<w:u w:val="single"\/>[\s\S]{0,100}?其中规上企业1200家/);
    expect(xml).toMatch(/<w:br\/>/);
    expect(paragraphs).toContain("1. 改造规上企业22家");
    expect(paragraphs).toContain("2. 改造规下企业14家");
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>[\s\S]{0,300}?其中化纤行业8家/);
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/>[\s\S]{0,300}?分行业组织诊断/);
    // 五、其他材料 was left empty.
    const otherMaterials = paragraphs.indexOf(PLAN_SECTION_TITLES.otherMaterials);
    expect(paragraphs[otherMaterials + 1]).toBe(EMPTY_SECTION_TEXT);
  });

  it("appends the data table with the template's labels, percentages and a dash for an undefined share", async () => {
    const xml = await documentXml(input);
    expect(paragraphTexts(xml)).toContain("附：实施方案主要数据表");
    const rows = tableRows(xml);
    // Three label columns and four value columns, on every row, whatever the merges.
    for (const row of rows) expect(row.gridWidth).toBe(7);
    const find = (label: string, nth = 0) => {
      const matches = rows.filter((row) => row.texts.includes(label));
      expect(matches.length, label).toBeGreaterThan(nth);
      return matches[nth]!.texts;
    };
    const tableText = rows.flatMap((row) => row.texts);
    for (const label of Object.values(PLAN_FIELD_LABELS)) {
      expect(tableText.some((text) => text.startsWith(label)), label).toBe(true);
    }
    expect(find(PLAN_FIELD_LABELS.countyName)).toEqual([PLAN_FIELD_LABELS.countyName, "江阴市"]);
    expect(find(PLAN_FIELD_LABELS.clusterName)).toEqual([PLAN_FIELD_LABELS.clusterName, "江阴市高性能合金材料产业集群", "江阴市纺织服装产业集群", ""]);
    expect(find(PLAN_FIELD_LABELS.subIndustryName).slice(-1)).toEqual(["合计"]);
    // Row of the block heading: the heading, then the label, then the values.
    expect(find(PLAN_FIELD_LABELS.baseYearData)).toEqual([
      PLAN_FIELD_LABELS.baseYearData,
      PLAN_FIELD_LABELS.industrialOutputValue,
      "125.5",
      "80.1234",
      "200",
      "405.6234",
    ]);
    expect(find(PLAN_FIELD_LABELS.plannedTotal).slice(-4)).toEqual(["16", "0", "20", "36"]);
    expect(find(PLAN_RATIO_FORMULAS.specialised)).toEqual(["", PLAN_FIELD_LABELS.ratio, PLAN_RATIO_FORMULAS.specialised, "37.5%", "20.0%", "33.3%", "31.6%"]);
    expect(find(PLAN_RATIO_FORMULAS.cloud).slice(-4)).toEqual(["50.0%", "—", "75.0%", "63.9%"]);
    expect(find(PLAN_FIELD_LABELS.aboveScaleStandardLevelShare).slice(-4)).toEqual(["25.0%", "—", "0.0%", "14.3%"]);
    expect(find(PLAN_FIELD_LABELS.chainTransformationMode)).toEqual([PLAN_FIELD_LABELS.chainTransformationMode, CHAIN_TEXT]);
    expect(find(PLAN_FIELD_LABELS.distinctivePractices)).toEqual([PLAN_FIELD_LABELS.distinctivePractices, PRACTICES_TEXT]);
  });

  it("lists the labels of the domain's layout in its order, a merged label once", async () => {
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(await documentXml(input))![0];
    const labels = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].flatMap((row) => {
      // The label cells fill the first three grid columns; a cell merged down is empty on the rows it covers.
      let grid = 0;
      return [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].flatMap((tc) => {
        if (grid >= 3) return [];
        grid += Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc[0])?.[1] ?? 1);
        return paragraphTexts(tc[0]).filter((text) => text !== "");
      });
    });
    expect(labels).toEqual(planTableLabelSequence());
  });

  it("lays the body out on A4 portrait and the data table on A4 landscape, in Chinese fonts", async () => {
    const bytes = await buildPlanDocx(input);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((match) => match[1]);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:eastAsia="宋体"');
    expect(styles).toContain('w:eastAsia="黑体"');
  });
});
