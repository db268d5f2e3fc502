/**
 * One pilot enterprise's file 改造信息表 as a DOCX laid out like 附2: the title, then one bordered table with the
 * template's four sections (each opened by a header row across the table), the template's rows and labels, choices
 * as the template's boxes with the chosen one ticked, and the notes 注1–3 below. Empty values print blank.
 */
import {
  CLOUD_USAGE_LABELS,
  CLOUD_USAGES,
  CLOUD_USAGES_WITH_DETAIL,
  DIGITAL_LEVEL_LABELS,
  DIRECTION_NEED_LABELS,
  DIRECTIONS,
  ENTERPRISE_NATURE_LABELS,
  ENTERPRISE_NATURES,
  ENTERPRISE_SCALES,
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_SIZES,
  FILE_FIELD_LABELS,
  FILE_SECTION_NOTES,
  FILE_SECTION_TITLES,
  FILE_TEMPLATE_NOTES,
  OUTCOME_AREA_RESULT_LABELS,
  OUTCOME_AREAS,
  QUALITY_SME_STATUS_LABELS,
  QUALITY_SME_STATUSES,
  SCALE_CATEGORY_LABELS,
  enterpriseFileTitle,
  indicatorName,
  indicatorUnit,
  isBlank,
  isIsoDate,
  type BasicInfoField,
  type DigitalLevel,
  type EnterpriseFile,
  type FileCompleteness,
  type FileSectionKey,
  type ProviderEvaluation,
  type QuantitativeIndicator,
} from "@dtpilot/domain";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { z } from "zod";
import type { PilotEnterpriseView } from "../roster/roster-view";
import { A4, BODY_FONT, HEADING_FONT, MARGIN } from "../plan/plan-document";

/** Fixed when the file is requested: which enterprise (its place on the roster), named in the history as it was then. */
export const enterpriseFileDocumentParameters = z
  .object({ pilotEnterpriseId: z.uuid(), enterpriseName: z.string(), batchName: z.string().optional() })
  .strict();
export type EnterpriseFileDocumentParameters = z.infer<typeof enterpriseFileDocumentParameters>;

const FILE_NAME_SUFFIX = "改造信息表";

/** "江阴市_江阴澄江精密机械有限公司_改造信息表.docx": no path separators or characters a file system refuses. */
export function enterpriseFileFileName(countyName: string, enterpriseName: string): string {
  const safe = (part: string) => part.replace(/[\\/:*?"<>|\p{Cc}]/gu, "-").replace(/\s+/g, "");
  return `${safe(countyName)}_${safe(enterpriseName)}_${FILE_NAME_SUFFIX}.docx`;
}

export interface EnterpriseFileDocumentInput {
  countyName: string;
  batchName: string | undefined;
  /** The roster row: its values stand in where the file leaves a roster field blank, its providers name evaluations. */
  entry: Pick<PilotEnterpriseView, "enterprise" | "subIndustry" | "scale" | "contactName" | "contactPhone" | "providers">;
  file: EnterpriseFile;
  completeness: Pick<FileCompleteness, "percentage" | "complete">;
  generatedAt: Date;
}

export const CHECKED_BOX = "☑";
export const EMPTY_BOX = "□";
/** Between two boxes on one line, as the template spaces them. */
const BOX_GAP = "　　";
const STAR = "★";
const NO_STAR = "☆";
const RATING_STARS = 5;
const YES = "是";
const NO = "否";

/** Eight equal grid columns across a portrait A4 line; rows merge them as the template does. */
const GRID_COLUMNS = 8;
const TABLE_WIDTH = A4.width - 2 * MARGIN;
const COLUMN_WIDTH = Math.floor(TABLE_WIDTH / GRID_COLUMNS);
/** 五号 (10.5 pt) in the table, 小五 (9 pt) for the notes. */
const TABLE_TEXT_SIZE = 21;
const NOTE_TEXT_SIZE = 18;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const HEADER_SHADING = { type: ShadingType.CLEAR, fill: "F2F2F2", color: "auto" };

/** Text as printed: blank (never "null") when missing. */
const text = (value: string | null | undefined): string => (isBlank(value) ? "" : value!.trim());

interface CellOptions {
  /** Grid columns the cell spans. */
  span: number;
  rowSpan?: number;
  bold?: boolean;
  align?: "left" | "center";
  shaded?: boolean;
}

/** A cell of one paragraph per line; a blank cell still holds an (empty) paragraph, as Word requires. */
function cell(lines: readonly string[], options: CellOptions): TableCell {
  return new TableCell({
    width: { size: COLUMN_WIDTH * options.span, type: WidthType.DXA },
    columnSpan: options.span > 1 ? options.span : undefined,
    rowSpan: options.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.shaded ? HEADER_SHADING : undefined,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: (lines.length > 0 ? lines : [""]).map(
      (line) =>
        new Paragraph({
          alignment: options.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 276 },
          children: [new TextRun({ text: line, size: TABLE_TEXT_SIZE, bold: options.bold || undefined })],
        }),
    ),
  });
}

const labelCell = (label: string, span = 2, rowSpan?: number) => cell([label], { span, rowSpan, align: "center" });
const row = (...cells: TableCell[]) => new TableRow({ cantSplit: true, children: cells });

/** A section's header row across the table: “一、基本情况（试点企业改造前填写）”. */
function sectionHeaderRow(section: FileSectionKey): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [cell([FILE_SECTION_TITLES[section] + FILE_SECTION_NOTES[section]], { span: GRID_COLUMNS, bold: true, shaded: true })],
  });
}

/** The template's boxes in its order, the chosen one ticked: “□国有　☑民营　□外资…”. */
export function checkboxes<T extends string>(choices: readonly T[], labels: Record<T, string>, chosen: T | null, detail?: (choice: T) => string): string {
  return choices.map((choice) => `${choice === chosen ? CHECKED_BOX : EMPTY_BOX}${labels[choice]}${detail?.(choice) ?? ""}`).join(BOX_GAP);
}

/** Items numbered 1., 2., … (blank ones left out, so the numbers run on). */
export function numbered(items: readonly string[]): string[] {
  return items.filter((item) => !isBlank(item)).map((item, index) => `${index + 1}. ${item.trim()}`);
}

/** A rating of 1–5 as five stars, filled as far as the rating goes: 4 → ★★★★☆. Blank when not rated. */
export function ratingStars(rating: number | null): string {
  if (rating === null || !Number.isFinite(rating)) return "";
  const filled = Math.max(0, Math.min(RATING_STARS, Math.round(rating)));
  return STAR.repeat(filled) + NO_STAR.repeat(RATING_STARS - filled);
}

/** “关键工序数控化率（%）：62 → 75”; a side not filled in stays blank. Null for an indicator without name or values. */
export function indicatorLine(indicator: QuantitativeIndicator): string | null {
  const name = indicatorName(indicator);
  if (name === null && isBlank(indicator.before) && isBlank(indicator.after)) return null;
  const unit = indicatorUnit(indicator);
  return `${name ?? ""}${unit ? `（${unit}）` : ""}：${text(indicator.before)} → ${text(indicator.after)}`;
}

/** “江苏智云 — MES系统 — ★★★★☆ — 响应及时”, the parts given; the provider's name from the roster when it is linked. */
export function evaluationLine(evaluation: ProviderEvaluation, providers: readonly { id: string; name: string }[]): string {
  const linked = providers.find((provider) => provider.id === evaluation.providerId)?.name;
  const provider = isBlank(evaluation.providerName) ? (linked ?? "") : text(evaluation.providerName);
  return [provider, text(evaluation.product), ratingStars(evaluation.rating), text(evaluation.comment)].filter((part) => part !== "").join(" — ");
}

/** “2025年10月1日”; a date that is not one is printed as written. */
function chineseDate(value: string | null): string {
  if (isBlank(value)) return "";
  const trimmed = value!.trim();
  if (!isIsoDate(trimmed)) return trimmed;
  const [year, month, day] = trimmed.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

function yesNo(value: boolean | null): string {
  return value === null ? "" : value ? YES : NO;
}

/** Lines of a multi-line text. */
const lines = (value: string | null): string[] => (isBlank(value) ? [] : value!.trim().split(/\r?\n/));

function basicRows(input: EnterpriseFileDocumentInput): TableRow[] {
  const { basic } = input.file;
  const { entry } = input;
  // The roster's values where the file leaves one of its fields blank.
  const value = (field: BasicInfoField, fallback?: string | null) => {
    const own = basic[field];
    return typeof own === "string" && !isBlank(own) ? own.trim() : text(fallback);
  };
  const label = (field: BasicInfoField) => FILE_FIELD_LABELS[field];
  const pair = (left: BasicInfoField, leftValue: string, right: BasicInfoField, rightValue: string) =>
    row(labelCell(label(left)), cell([leftValue], { span: 2 }), labelCell(label(right)), cell([rightValue], { span: 2 }));
  const whole = (field: BasicInfoField, values: readonly string[]) => row(labelCell(label(field)), cell(values, { span: 6 }));
  return [
    sectionHeaderRow("basic"),
    pair("enterpriseName", value("enterpriseName", entry.enterprise.name), "cityAndCounty", value("cityAndCounty")),
    pair("registeredAddress", value("registeredAddress"), "creditCode", value("creditCode", entry.enterprise.creditCode)),
    pair("contactPerson", value("contactPerson", entry.contactName), "contactInfo", value("contactInfo", entry.contactPhone)),
    whole("profile", lines(basic.profile)),
    whole("nature", [checkboxes(ENTERPRISE_NATURES, ENTERPRISE_NATURE_LABELS, basic.nature)]),
    // 企业规模 spans two rows of boxes, as in the template.
    row(labelCell(label("size"), 2, 2), cell([checkboxes(ENTERPRISE_SIZES, ENTERPRISE_SIZE_LABELS, basic.size)], { span: 6 })),
    row(cell([checkboxes(ENTERPRISE_SCALES, SCALE_CATEGORY_LABELS, basic.scale ?? entry.scale)], { span: 6 })),
    // One box a line, as the template prints them.
    whole("qualityStatus", QUALITY_SME_STATUSES.map((status) => checkboxes([status], QUALITY_SME_STATUS_LABELS, basic.qualityStatus))),
    whole("subIndustry", [value("subIndustry", entry.subIndustry)]),
    whole("lastYearRevenue", [value("lastYearRevenue")]),
    whole("lastYearProfit", [value("lastYearProfit")]),
    whole("lastYearRevenuePerEmployee", [value("lastYearRevenuePerEmployee")]),
    whole("digitalInvestmentTotal", [value("digitalInvestmentTotal")]),
  ];
}

function needsRows(input: EnterpriseFileDocumentInput): TableRow[] {
  const { needs } = input.file;
  return [
    sectionHeaderRow("needs"),
    ...DIRECTIONS.map((direction, index) =>
      row(
        // 试点企业面临的各类数字化需求 runs down the left of all six rows; docx adds the covered cells below it.
        ...(index === 0 ? [labelCell(FILE_FIELD_LABELS.needs, 2, DIRECTIONS.length)] : []),
        labelCell(DIRECTION_NEED_LABELS[direction]),
        cell(numbered(needs[direction].map((item) => item.text)), { span: 4 }),
      ),
    ),
  ];
}

function resultsRows(input: EnterpriseFileDocumentInput): TableRow[] {
  const { results } = input.file;
  const { cloud, period, digitalLevel } = results;
  const cloudDetail = (usage: (typeof CLOUD_USAGES)[number]) =>
    CLOUD_USAGES_WITH_DETAIL.includes(usage) ? `：${usage === cloud.usage ? text(cloud.detail) : ""}` : "";
  const periodText = isBlank(period.start) && isBlank(period.end) ? "" : `${chineseDate(period.start)} 至 ${chineseDate(period.end)}`;
  const level = (value: DigitalLevel | null) => (value === null ? "" : DIGITAL_LEVEL_LABELS[value]);
  const whole = (label: string, values: readonly string[]) => row(labelCell(label), cell(values, { span: 6 }));
  const outcomeRows = 2 + OUTCOME_AREAS.length;
  return [
    sectionHeaderRow("results"),
    whole(FILE_FIELD_LABELS.transformationItems, numbered(results.transformationItems.map((item) => item.text))),
    whole(FILE_FIELD_LABELS.cloud, [checkboxes(CLOUD_USAGES, CLOUD_USAGE_LABELS, cloud.usage, cloudDetail)]),
    whole(FILE_FIELD_LABELS.period, [periodText]),
    whole(FILE_FIELD_LABELS.totalCost, [text(results.totalCost)]),
    // The sub-table 改造阶段 | 改造前 | 改造后, with 数字化改造成效 down its left.
    row(
      labelCell(FILE_FIELD_LABELS.outcomes, 2, outcomeRows),
      cell([FILE_FIELD_LABELS.stage], { span: 2, align: "center", bold: true }),
      cell([FILE_FIELD_LABELS.before], { span: 2, align: "center", bold: true }),
      cell([FILE_FIELD_LABELS.after], { span: 2, align: "center", bold: true }),
    ),
    row(labelCell(FILE_FIELD_LABELS.digitalLevel), cell([level(digitalLevel.before)], { span: 2, align: "center" }), cell([level(digitalLevel.after)], { span: 2, align: "center" })),
    // Each indicator gives its 改造前 → 改造后 on one line, across both columns.
    ...OUTCOME_AREAS.map((area) =>
      row(
        labelCell(OUTCOME_AREA_RESULT_LABELS[area]),
        cell(numbered(results.indicators[area].map((indicator) => indicatorLine(indicator) ?? "")), { span: 4 }),
      ),
    ),
    whole(FILE_FIELD_LABELS.providerEvaluations, numbered(results.providerEvaluations.map((evaluation) => evaluationLine(evaluation, input.entry.providers)))),
  ];
}

function evaluationRows(input: EnterpriseFileDocumentInput): TableRow[] {
  const { evaluation } = input.file;
  // The answer, then the reason the label asks for (若未通过 / 若是) when one is given.
  const answer = (value: boolean | null, reason: string | null) => [yesNo(value), ...lines(reason)].filter((line, index) => index > 0 || line !== "");
  return [
    sectionHeaderRow("evaluation"),
    row(labelCell(FILE_FIELD_LABELS.evaluationConducted, 3), cell([yesNo(evaluation.evaluationConducted)], { span: 5 })),
    row(
      labelCell(FILE_FIELD_LABELS.evaluationPassed, 3),
      cell(answer(evaluation.evaluationPassed, evaluation.evaluationPassed === false ? evaluation.notPassedReason : null), { span: 5 }),
    ),
    row(labelCell(FILE_FIELD_LABELS.isSample, 3), cell(answer(evaluation.isSample, evaluation.isSample === true ? evaluation.sampleReason : null), { span: 5 })),
  ];
}

export function enterpriseFileTable(input: EnterpriseFileDocumentInput): Table {
  return new Table({
    width: { size: COLUMN_WIDTH * GRID_COLUMNS, type: WidthType.DXA },
    columnWidths: Array.from({ length: GRID_COLUMNS }, () => COLUMN_WIDTH),
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [...basicRows(input), ...needsRows(input), ...resultsRows(input), ...evaluationRows(input)],
  });
}

/** The day in China, whatever the server's time zone: “2025年10月1日”. */
const GENERATED_DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });

/** “试点批次：2025年度　档案完整度：80%　生成时间：2025年10月1日”: not in the template, so small and grey. */
function documentNote(input: EnterpriseFileDocumentInput): string {
  const parts = [
    input.batchName ? `试点批次：${input.batchName}` : null,
    `档案完整度：${input.completeness.percentage}%`,
    `生成时间：${GENERATED_DATE.format(input.generatedAt)}`,
  ];
  return parts.filter((part) => part !== null).join("　");
}

function notesParagraphs(): Paragraph[] {
  const note = (content: string) =>
    new Paragraph({ spacing: { line: 300 }, children: [new TextRun({ text: content, size: NOTE_TEXT_SIZE })] });
  return [
    new Paragraph({ spacing: { before: 120, line: 300 }, children: [new TextRun({ text: "注：", size: NOTE_TEXT_SIZE })] }),
    ...FILE_TEMPLATE_NOTES.map((content, index) => note(`${index + 1}.${content}`)),
  ];
}

export async function buildEnterpriseFileDocx(input: EnterpriseFileDocumentInput): Promise<Uint8Array<ArrayBuffer>> {
  const title = enterpriseFileTitle(input.countyName);
  const document = new Document({
    creator: "dtpilot",
    title: `${title}（${input.entry.enterprise.name}）`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 360 } } },
        title: { run: { font: HEADING_FONT, size: 36, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER } },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], size: 18 })] })],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: title, font: HEADING_FONT, size: 36 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: documentNote(input), size: NOTE_TEXT_SIZE, color: "666666" })],
          }),
          enterpriseFileTable(input),
          ...notesParagraphs(),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
