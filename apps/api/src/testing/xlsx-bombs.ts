/**
 * Hostile uploads for the roster import, built byte by byte (node:zlib) so a test controls everything a ZIP can lie
 * about: declared sizes, entry counts, compression. Each builder returns the file's bytes.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { ROSTER_COLUMNS } from "@dtpilot/domain";

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** What the headers claim the entry inflates to (default: the truth). */
  declaredSize?: number;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A ZIP archive: local headers and data, the central directory, the end record. */
export function zip(entries: readonly ZipEntryInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const name = Buffer.from(entry.name, "utf8");
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const flags = (entry.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(header, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const columnLetter = (index: number) => String.fromCharCode(65 + index);

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="试点企业名单" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

/** The template's header (row 1) as inline strings. */
const headerRow = () =>
  `<row r="1">${ROSTER_COLUMNS.map((column, index) => `<c r="${columnLetter(index)}1" t="inlineStr"><is><t>${escape(column.label)}</t></is></c>`).join("")}</row>`;

/** A minimal XLSX whose one sheet is the roster header followed by `rowsXml`; `sharedStrings` become xl/sharedStrings.xml. */
export function xlsx(rowsXml: string | Buffer, sharedStrings: readonly string[] = []): Buffer {
  const sheet = Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow()}`),
    Buffer.isBuffer(rowsXml) ? rowsXml : Buffer.from(rowsXml),
    Buffer.from("</sheetData></worksheet>"),
  ]);
  const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings
    .map((text) => `<si><t>${escape(text)}</t></si>`)
    .join("")}</sst>`;
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS) },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    { name: "xl/sharedStrings.xml", data: Buffer.from(strings) },
  ]);
}

/**
 * One long shared string (`chars` characters) referenced by `cells` cells: 企业名称, 所属细分行业, 规模, 专精特新 and
 * 上年度主营业务收入 of consecutive rows (five a row, so 10,000 cells fit the 2,000-row limit), the columns whose text
 * validation used to quote.
 */
export function sharedStringBomb(chars: number, cells: number): Buffer {
  const rows: string[] = [];
  const columns = [1, 3, 4, 5, 6];
  for (let cell = 0, row = 2; cell < cells; row++) {
    const refs: string[] = [];
    for (const column of columns) {
      if (cell++ >= cells) break;
      refs.push(`<c r="${columnLetter(column)}${row}" t="s"><v>0</v></c>`);
    }
    rows.push(`<row r="${row}">${refs.join("")}</row>`);
  }
  return xlsx(rows.join(""), ["规".repeat(chars)]);
}

/** A sheet of `megabytes` MB of one repeated character in a single cell: deflates about 1,000 : 1. */
export function compressibleSheetBomb(megabytes: number): Buffer {
  const filler = Buffer.alloc(megabytes * 1024 * 1024, "A");
  return xlsx(Buffer.concat([Buffer.from('<row r="2"><c r="B2" t="inlineStr"><is><t>'), filler, Buffer.from("</t></is></c></row>")]));
}

/** A valid workbook plus `count` tiny entries. */
export function manyEntries(count: number): Buffer {
  const extra = Array.from({ length: count }, (_, index) => ({ name: `x/${index}`, data: Buffer.from("x") }));
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    ...extra,
  ]);
}

/** A sheet that inflates to `megabytes` MB while its headers declare 1 KB. */
export function lyingSizeBomb(megabytes: number): Buffer {
  const filler = Buffer.alloc(megabytes * 1024 * 1024, " ");
  const sheet = Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'), filler, Buffer.from("</worksheet>")]);
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS) },
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(WORKBOOK_RELS) },
    { name: "xl/worksheets/sheet1.xml", data: sheet, declaredSize: 1024 },
  ]);
}

/** A Word document's parts: a ZIP, but no workbook. */
export function docxLike(): Buffer {
  return zip([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(ROOT_RELS.replace("xl/workbook.xml", "word/document.xml")) },
    { name: "word/document.xml", data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>') },
  ]);
}

/** `rows` rows of many empty-looking cells: the sheet parses into a large model though the file is small. */
export function manyCellsBomb(rows: number, columns: number): Buffer {
  const parts: string[] = [];
  for (let row = 2; row < rows + 2; row++) {
    let cells = "";
    for (let column = 0; column < columns; column++) cells += `<c r="${column < 26 ? columnLetter(column) : `A${columnLetter(column % 26)}`}${row}" t="s"><v>0</v></c>`;
    parts.push(`<row r="${row}">${cells}</row>`);
  }
  return xlsx(parts.join(""), ["规上"]);
}

/** A deterministic stream of pseudo-random integers (so a test's file is the same on every run). */
function pseudoRandom(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

/** `chars` CJK characters that barely compress (about 1.8 bytes per character deflated). */
export function incompressibleText(chars: number, seed = 1): string {
  const next = pseudoRandom(seed);
  let text = "";
  for (let index = 0; index < chars; index++) text += String.fromCharCode(0x4e00 + next(20_000));
  return text;
}

/**
 * The costliest workbook the gate lets through, near its limits: a sheet of about `sheetMegabytes` MB of cells
 * (2,000 rows, as many columns as fit) referring to 10,000 distinct shared strings, compressing about 10 : 1.
 */
export function largestAllowedWorkbook(sheetMegabytes = 3.9): Buffer {
  const next = pseudoRandom(7);
  const strings = Array.from({ length: 10_000 }, (_, index) => `${index}${incompressibleText(8, index)}`);
  const cellBytes = 36;
  const columns = Math.floor((sheetMegabytes * 1024 * 1024) / 2_000 / cellBytes);
  const name = (column: number) => (column < 26 ? columnLetter(column) : `${columnLetter(Math.floor(column / 26) - 1)}${columnLetter(column % 26)}`);
  const parts: string[] = [];
  for (let row = 2; row < 2_002; row++) {
    let cells = "";
    for (let column = 0; column < columns; column++) cells += `<c r="${name(column)}${row}" t="s"><v>${next(10_000)}</v></c>`;
    parts.push(`<row r="${row}">${cells}</row>`);
  }
  return xlsx(parts.join(""), strings);
}
