/**
 * A county's 实施方案 (附1) as a DOCX: the cover, sections 一–五 from the county's rich text, and, on landscape
 * pages, 附：实施方案主要数据表 laid out by the domain's PLAN_TABLE_ROWS like the XLSX, shares as percentages.
 */
import {
  PLAN_COVER_LABELS,
  PLAN_DATA_TABLE_TITLE,
  PLAN_SECTION_KEYS,
  PLAN_SECTION_TITLES,
  PLAN_TABLE_ROWS,
  PLAN_TABLE_TEXT_ROWS,
  RATIO_UNDEFINED,
  clusterSpan,
  formatRatio,
  isRichTextEmpty,
  planRowLabelCells,
  planSubIndustriesLine,
  planTableColumns,
  planTitle,
  type PlanRowLabelCell,
  type PlanTableColumn,
  type PlanTableRow,
  type RichText,
  type RichTextBlock,
  type RichTextInline,
  type RichTextListItem,
} from "@dtpilot/domain";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionPropertiesOptions,
} from "docx";
import { planDataTableSubtitle, planVersionNote, type PlanDocumentInput } from "./plan-data-table-workbook";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const PLAN_DOCUMENT_NAME = "中小企业数字化转型试点实施方案";

/** "江阴市中小企业数字化转型试点实施方案（2025年度）.docx" */
export function planDocumentFileName(countyName: string, batchName: string | undefined): string {
  return `${countyName}${PLAN_DOCUMENT_NAME}${batchName ? `（${batchName}）` : ""}.docx`.replace(/\s+/g, "");
}

/** Shown for a section the county left empty. */
export const EMPTY_SECTION_TEXT = "（未填写）";

export const BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" };
export const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" };

/** A4 in twips, given portrait: docx swaps width and height itself for a landscape section. */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = 1134;
/** Two characters of 小四 (12 pt), the first-line indent of Chinese body text. */
const FIRST_LINE_INDENT = 480;
const LIST_INDENT = 420;

function inlineRuns(content: readonly RichTextInline[] | undefined): TextRun[] {
  return (content ?? []).map((inline) => {
    if (inline.type === "hardBreak") return new TextRun({ break: 1 });
    const marks = new Set((inline.marks ?? []).map((mark) => mark.type));
    // An absent mark stays absent: `bold: false` would write <w:b w:val="false"/> into every run.
    return new TextRun({
      text: inline.text,
      bold: marks.has("bold") || undefined,
      italics: marks.has("italic") || undefined,
      underline: marks.has("underline") ? {} : undefined,
    });
  });
}

type ListMarker = { kind: "bullet" } | { kind: "number"; label: string };

/** A list item: its first paragraph carries the bullet or number; what follows is indented to the item's text. */
function listItemParagraphs(item: RichTextListItem, depth: number, marker: ListMarker): Paragraph[] {
  const [first, ...rest] = item.content;
  const head = first?.type === "paragraph" || first?.type === "heading" ? first : undefined;
  const runs = inlineRuns(head?.content);
  const markerParagraph =
    marker.kind === "bullet"
      ? new Paragraph({ bullet: { level: Math.min(depth, 8) }, children: runs })
      : new Paragraph({
          indent: { left: LIST_INDENT * (depth + 1), hanging: LIST_INDENT },
          children: [new TextRun(`${marker.label} `), ...runs],
        });
  return [markerParagraph, ...(head ? rest : item.content).flatMap((block) => blockParagraphs(block, depth + 1))];
}

/** One block of a section's rich text; `depth` > 0 inside a list. Section titles are Heading 1, so a 一级 heading is 2. */
function blockParagraphs(block: RichTextBlock, depth: number): Paragraph[] {
  switch (block.type) {
    case "paragraph":
      return [
        new Paragraph({
          indent: depth > 0 ? { left: LIST_INDENT * depth } : { firstLine: FIRST_LINE_INDENT },
          children: inlineRuns(block.content),
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          heading: block.attrs.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: inlineRuns(block.content),
        }),
      ];
    case "bulletList":
      return block.content.flatMap((item) => listItemParagraphs(item, depth, { kind: "bullet" }));
    case "orderedList": {
      const start = block.attrs?.start ?? 1;
      return block.content.flatMap((item, index) => listItemParagraphs(item, depth, { kind: "number", label: `${start + index}.` }));
    }
  }
}

export function richTextParagraphs(doc: RichText): Paragraph[] {
  if (isRichTextEmpty(doc)) {
    return [new Paragraph({ indent: { firstLine: FIRST_LINE_INDENT }, children: [new TextRun({ text: EMPTY_SECTION_TEXT, color: "808080" })] })];
  }
  return doc.content.flatMap((block) => blockParagraphs(block, 0));
}

function coverParagraphs(input: PlanDocumentInput): Paragraph[] {
  const { cover, dataTable } = input.content;
  // The template breaks the title before 县（市、区）; without a year, the title simply starts at 江苏省.
  const title = input.batchYear === undefined ? planTitle("").replace(/^年/, "") : planTitle(input.batchYear);
  const breakAt = title.indexOf("县（市、区）");
  const titleRuns =
    breakAt > 0
      ? [new TextRun(title.slice(0, breakAt)), new TextRun({ text: title.slice(breakAt), break: 1 })]
      : [new TextRun(title)];
  const coverLine = (label: string, value: string) =>
    new Paragraph({
      spacing: { before: 240, after: 240 },
      indent: { left: 840 },
      children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)],
    });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, spacing: { before: 2400, after: 240 }, children: titleRuns }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 2400 }, children: [new TextRun(planVersionNote(input))] }),
    coverLine(PLAN_COVER_LABELS.countyName, cover.countyName),
    coverLine(PLAN_COVER_LABELS.recommendingCity, cover.recommendingCity),
    coverLine(PLAN_COVER_LABELS.subIndustries, planSubIndustriesLine(dataTable)),
    coverLine(PLAN_COVER_LABELS.contact, cover.contact),
  ];
}

function sectionParagraphs(input: PlanDocumentInput): Paragraph[] {
  return PLAN_SECTION_KEYS.flatMap((key, index) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: index === 0, children: [new TextRun(PLAN_SECTION_TITLES[key])] }),
    ...richTextParagraphs(input.content.sections[key]),
  ]);
}

/** Block, group and label columns, in twips; the value columns share what is left of a landscape A4 line. */
const LABEL_WIDTHS = [760, 1200, 4200];
const TABLE_WIDTH = A4.height - 2 * MARGIN;

function cell(lines: readonly string[], width: number, options: { columnSpan?: number; rowSpan?: number; align?: "left" | "center"; bold?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.columnSpan,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    children: (lines.length > 0 ? lines : [""]).map(
      (line) =>
        new Paragraph({
          alignment: options.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { line: 240 },
          children: [new TextRun({ text: line, size: 21, bold: options.bold || undefined })],
        }),
    ),
  });
}

/** The value cells of one row: one per column, or merged where the XLSX merges them. */
function valueCells(row: PlanTableRow, columns: readonly PlanTableColumn[], valueWidth: number, countyName: string): TableCell[] {
  const perColumn = (text: (column: PlanTableColumn) => string) => columns.map((column) => cell([text(column)], valueWidth));
  switch (row.kind) {
    case "countyName":
      return [cell([countyName], valueWidth * columns.length, { columnSpan: columns.length })];
    case "clusterName":
      return columns.flatMap((column, index) => {
        const span = clusterSpan(columns, index);
        if (span === 0) return [];
        return [cell([column.clusterName], valueWidth * span, { columnSpan: span > 1 ? span : undefined })];
      });
    case "subIndustryName":
      return columns.map((column) => cell([column.heading], valueWidth, { bold: column.clusterIndex === null }));
    case "industrialChain1650":
      return perColumn((column) => column.industrialChain1650);
    case "industrialOutputValue":
      return perColumn((column) => column.industrialOutputValue?.trim() || RATIO_UNDEFINED);
    case "count":
      return perColumn((column) => String(column.counts[row.field]));
    case "plannedTotal":
      return perColumn((column) => String(column.computed.plannedTotal));
    case "share":
      return perColumn((column) => formatRatio(column.computed[row.share]));
  }
}

export function planDataTable(input: PlanDocumentInput): Table {
  const table = input.content.dataTable;
  const columns = planTableColumns(table);
  const [blockWidth, groupWidth, labelWidth] = LABEL_WIDTHS as [number, number, number];
  const labelsWidth = blockWidth + groupWidth + labelWidth;
  const valueWidth = Math.floor((TABLE_WIDTH - labelsWidth) / columns.length);
  const countyName = table.countyName.trim() || input.countyName;

  // A cell merged down rows is given once, on its first row; docx adds the covered cells below it.
  const labelCell = (label: PlanRowLabelCell) => {
    switch (label.column) {
      case "block":
        return cell(label.lines, blockWidth, { rowSpan: label.down, bold: true });
      case "group":
        return cell(label.lines, groupWidth, { rowSpan: label.down });
      case "label":
        return label.across === 1
          ? cell(label.lines, labelWidth, { align: "left" })
          : cell(label.lines, LABEL_WIDTHS.slice(-label.across).reduce((sum, width) => sum + width, 0), { columnSpan: label.across, align: "left" });
    }
  };
  const rows = PLAN_TABLE_ROWS.map((row, index) => {
    const labels = planRowLabelCells(index).map(labelCell);
    // The identity rows (county to 1650) head the table again on each page it runs onto.
    return new TableRow({ cantSplit: true, tableHeader: !row.block, children: [...labels, ...valueCells(row, columns, valueWidth, countyName)] });
  });
  const textRows = PLAN_TABLE_TEXT_ROWS.map(
    ({ field, label }) =>
      new TableRow({
        children: [
          cell([label], labelsWidth, { columnSpan: 3, align: "left" }),
          cell(table[field].split("\n"), valueWidth * columns.length, { columnSpan: columns.length, align: "left" }),
        ],
      }),
  );
  return new Table({
    width: { size: labelsWidth + valueWidth * columns.length, type: WidthType.DXA },
    columnWidths: [...LABEL_WIDTHS, ...columns.map(() => valueWidth)],
    layout: TableLayoutType.FIXED,
    rows: [...rows, ...textRows],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 18 })] })],
  });
}

function pageProperties(orientation: (typeof PageOrientation)[keyof typeof PageOrientation]): ISectionPropertiesOptions {
  return { page: { size: { ...A4, orientation }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } };
}

export async function buildPlanDocx(input: PlanDocumentInput): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    creator: "dtpilot",
    title: `${input.countyName}${PLAN_DOCUMENT_NAME}`,
    description: planDataTableSubtitle(input),
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 44, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: HEADING_FONT, size: 28, bold: false, color: "000000" }, paragraph: { spacing: { before: 180, after: 60 } } },
        heading3: { run: { font: HEADING_FONT, size: 24, bold: false, color: "000000" }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
    },
    sections: [
      {
        properties: pageProperties(PageOrientation.PORTRAIT),
        footers: { default: pageFooter() },
        children: [...coverParagraphs(input), ...sectionParagraphs(input)],
      },
      {
        properties: pageProperties(PageOrientation.LANDSCAPE),
        footers: { default: pageFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`附：${PLAN_DATA_TABLE_TITLE}`)] }),
          new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: planDataTableSubtitle(input), size: 20, color: "666666" })] }),
          planDataTable(input),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
