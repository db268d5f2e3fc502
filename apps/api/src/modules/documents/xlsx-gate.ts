/**
 * A bounded look at an uploaded XLSX before any XLSX library sees it. An XLSX is a ZIP archive; a small ZIP can
 * declare (or, lying, hide) gigabytes. The gate reads the central directory itself and inflates every entry with a
 * hard output cap, so what a parser will later unzip is known, and bounded, before it starts.
 *
 * Bounds: a filled 2,000-row import template (exceljs) is a 99 KB file with 15 entries, whose sheet inflates to
 * 0.7 MB (9 : 1) and whose shared strings to 0.27 MB (18 : 1); the limits leave it five times the room. What they
 * let through still costs exceljs seconds and a heap of up to ~200 MB (a 4 MB sheet of 125,000 cells), which is
 * why the reader runs in a worker thread with a capped heap (read-roster-import-in-worker.ts).
 */
import { crc32, inflateRawSync } from "node:zlib";

export const XLSX_GATE_LIMITS = {
  /** Entries in the archive, folders included. */
  maxEntries: 64,
  /** Any one entry, inflated. */
  maxEntryBytes: 4 * 1024 * 1024,
  /** All entries together, inflated. */
  maxTotalBytes: 10 * 1024 * 1024,
  /** Inflated : compressed, for entries large enough for the ratio to matter. */
  maxRatio: 100,
  ratioAppliesFromBytes: 256 * 1024,
  /** The farthest row and column a sheet may name (a merge, a row, a cell): the template has 9 columns, 2,004 rows. */
  maxSheetRow: 10_000,
  maxSheetColumn: 64,
  /** Cells covered by merges in one sheet (the template merges its 9-cell title): exceljs expands every one. */
  maxMergedCells: 10_000,
} as const;

export type XlsxGateLimits = { readonly [key in keyof typeof XLSX_GATE_LIMITS]: number };

export type XlsxGateRefusal =
  /** Not a ZIP, a damaged one, encrypted or compressed with an unsupported method, or not a workbook. */
  | "unreadable"
  /** Too many entries, too large inflated, compressed too well, or lying about its sizes. */
  | "tooComplex";

export type XlsxGateResult = { ok: true; entries: Map<string, Buffer> } | { ok: false; refusal: XlsxGateRefusal };

/** The workbook part (xl/workbook.xml in files from Excel, WPS and exceljs). */
const WORKBOOK_PART = /(^|\/)workbook\.xml$/;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x1;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;

const refuse = (refusal: XlsxGateRefusal) => ({ ok: false, refusal }) as const;

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - END_SEARCH_BYTES);
  for (let offset = bytes.length - 22; offset >= stop; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

interface DirectoryEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The central directory, checked against the limits by what it declares: microseconds, no inflating, so a file
 * that admits to being too large is refused before anything else is spent on it. ZIP64 archives (needed only beyond
 * 4 GB or 65,535 entries) are refused as too complex.
 */
function readDirectory(bytes: Buffer, limits: XlsxGateLimits): { ok: true; entries: DirectoryEntry[]; directoryOffset: number } | { ok: false; refusal: XlsxGateRefusal } {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOCAL_FILE_HEADER) return refuse("unreadable");
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return refuse("unreadable");
  const entryCount = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) return refuse("tooComplex");
  if (entryCount > limits.maxEntries) return refuse("tooComplex");
  if (directoryOffset + directorySize > end) return refuse("unreadable");

  const entries: DirectoryEntry[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let offset = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER) return refuse("unreadable");
    const flags = bytes.readUInt16LE(offset + 8);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const entry: DirectoryEntry = {
      method: bytes.readUInt16LE(offset + 10),
      crc: bytes.readUInt32LE(offset + 16),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString("utf8", offset + 46, offset + 46 + nameLength),
    };
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);

    if (flags & ENCRYPTED_FLAG || (entry.method !== STORED && entry.method !== DEFLATED)) return refuse("unreadable");
    if (names.has(entry.name)) return refuse("unreadable");
    names.add(entry.name);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) return refuse("tooComplex");
    declaredTotal += entry.size;
    if (entry.size > limits.maxEntryBytes || declaredTotal > limits.maxTotalBytes) return refuse("tooComplex");
    if (entry.size >= limits.ratioAppliesFromBytes && entry.size > entry.compressedSize * limits.maxRatio) return refuse("tooComplex");
    entries.push(entry);
  }
  // An archive without a workbook part is some other document (a .docx, a folder of files).
  if (!entries.some((entry) => WORKBOOK_PART.test(entry.name))) return refuse("unreadable");
  return { ok: true, entries, directoryOffset };
}

/** What the central directory declares, checked against the limits (cheap enough for the request thread). */
export function checkXlsxDirectory(bytes: Buffer, limits: XlsxGateLimits = XLSX_GATE_LIMITS): { ok: true } | { ok: false; refusal: XlsxGateRefusal } {
  const directory = readDirectory(bytes, limits);
  return directory.ok ? { ok: true } : directory;
}

/**
 * The archive's entries, each inflated and checked against its declared size and CRC, or why it is refused. The
 * inflater stops one byte past the declared size, so an entry that lies about its size costs no more than the truth.
 */
export function openXlsxWithinLimits(bytes: Buffer, limits: XlsxGateLimits = XLSX_GATE_LIMITS): XlsxGateResult {
  const directory = readDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const { directoryOffset } = directory;
  const entries = new Map<string, Buffer>();
  let inflatedTotal = 0;
  for (const { name, method, crc, compressedSize, size, localOffset } of directory.entries) {
    if (localOffset + 30 > directoryOffset || bytes.readUInt32LE(localOffset) !== LOCAL_FILE_HEADER) return refuse("unreadable");
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > directoryOffset) return refuse("unreadable");
    const compressed = bytes.subarray(dataStart, dataStart + compressedSize);

    let data: Buffer;
    if (method === STORED) {
      data = compressed;
    } else {
      try {
        data = inflateRawSync(compressed, { maxOutputLength: size + 1 });
      } catch (error) {
        return refuse((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooComplex" : "unreadable");
      }
    }
    if (data.length !== size) return refuse(data.length > size ? "tooComplex" : "unreadable");
    if (crc32(data) !== crc) return refuse("unreadable");
    inflatedTotal += data.length;
    if (inflatedTotal > limits.maxTotalBytes) return refuse("tooComplex");
    if (WORKSHEET_PART.test(name) && !withinSheetBounds(data.toString("utf8"), limits)) return refuse("tooComplex");
    entries.set(name, data);
  }
  return { ok: true, entries };
}

const WORKSHEET_PART = /(^|\/)worksheets\/[^/]+\.xml$/;
/** A cell reference or range in a merge, a cell (`r="B7"`) or a row (`r="7"`). */
const MERGE_REF = /<mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"/g;
const CELL_REF = /<c\b[^>]*\br="([A-Z]{1,3})(\d{1,7})"/g;
const ROW_REF = /<row\b[^>]*\br="(\d{1,7})"/g;

function columnNumber(letters: string): number {
  return [...letters].reduce((number, letter) => number * 26 + letter.charCodeAt(0) - 64, 0);
}

/**
 * Whether a sheet stays near the template's shape: no row, cell or merge past `maxSheetRow` / `maxSheetColumn`, and
 * merges covering at most `maxMergedCells` (one merge of A2:XFD1048575 is 17 billion cells to a reader that expands it).
 */
function withinSheetBounds(xml: string, limits: XlsxGateLimits): boolean {
  const inBounds = (column: string, row: string) => columnNumber(column) <= limits.maxSheetColumn && Number(row) <= limits.maxSheetRow;
  let merged = 0;
  for (const [, fromColumn, fromRow, toColumn = fromColumn!, toRow = fromRow!] of xml.matchAll(MERGE_REF)) {
    if (!inBounds(fromColumn!, fromRow!) || !inBounds(toColumn, toRow)) return false;
    merged += (Math.abs(columnNumber(toColumn) - columnNumber(fromColumn!)) + 1) * (Math.abs(Number(toRow) - Number(fromRow)) + 1);
    if (merged > limits.maxMergedCells) return false;
  }
  for (const [, column, row] of xml.matchAll(CELL_REF)) if (!inBounds(column!, row!)) return false;
  for (const [, row] of xml.matchAll(ROW_REF)) if (Number(row) > limits.maxSheetRow) return false;
  return true;
}
