import { makeCreditCode } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import {
  compressibleSheetBomb,
  docxLike,
  largestAllowedWorkbook,
  lyingSizeBomb,
  manyEntries,
  sharedStringBomb,
  xlsx,
  zip,
} from "../../testing/xlsx-bombs";
import { workbookBytes } from "../roster/roster-document";
import { buildRosterImportTemplate } from "../roster/roster-import-workbook";
import { checkXlsxDirectory, openXlsxWithinLimits, XLSX_GATE_LIMITS } from "./xlsx-gate";

const refusal = (bytes: Buffer) => {
  const result = openXlsxWithinLimits(bytes);
  return result.ok ? "accepted" : result.refusal;
};

/** The county's template with 2,000 long rows, as exceljs writes it. */
async function filledTemplate(): Promise<Buffer> {
  const workbook = await buildRosterImportTemplate({
    countyName: "江阴市",
    batchName: "2025年度",
    subIndustries: Array.from({ length: 30 }, (_, i) => `特色产业集群${i}—细分行业名称${i}`),
  });
  const sheet = workbook.getWorksheet("试点企业名单")!;
  for (let i = 0; i < 2000; i++) {
    sheet.getRow(5 + i).values = [
      i + 1,
      `江苏省无锡市江阴市某某某某某精密机械制造股份有限公司${i}`,
      makeCreditCode(`91320281${String(i).padStart(9, "0")}`),
      "特色产业集群1—细分行业名称1",
      "规上",
      "是",
      123456.7891,
      "张三丰",
      "0510-86123456 / 13912345678",
    ];
  }
  return Buffer.from(await workbookBytes(workbook));
}

describe("the XLSX gate", () => {
  it("lets a filled 2,000-row template through, every entry inflated", async () => {
    const file = await filledTemplate();
    const result = openXlsxWithinLimits(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const sheet = result.entries.get("xl/worksheets/sheet1.xml")!;
    const strings = result.entries.get("xl/sharedStrings.xml")!.toString("utf8");
    expect(strings.includes("江苏省无锡市江阴市某某某某某精密机械制造股份有限公司1999")).toBe(true);
    // The room the limits leave a real file: its sheet uses less than a fifth of an entry's allowance.
    expect(sheet.length * 5).toBeLessThan(XLSX_GATE_LIMITS.maxEntryBytes);
  });

  it("refuses a sheet reaching far past the template's shape: a merge over the whole sheet, merges covering too many cells, a cell at XFD1048576 (the outside probe's 2.6 KB file cost 4–9 s each)", () => {
    const merge = (ref: string) => xlsx(`</sheetData><mergeCells><mergeCell ref="${ref}"/></mergeCells><sheetData>`);
    expect(refusal(merge("A2:XFD1048575"))).toBe("tooComplex");
    expect(refusal(merge("A2:BL1000"))).toBe("tooComplex");
    expect(refusal(xlsx(`<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>`, ["x"]))).toBe("tooComplex");
    expect(refusal(xlsx(`<row r="20000"><c r="A20000" t="s"><v>0</v></c></row>`, ["x"]))).toBe("tooComplex");
    // The template's own title merge, and a sheet within the bounds, pass.
    expect(refusal(merge("A1:I1"))).toBe("accepted");
    expect(refusal(xlsx(`<row r="9000"><c r="BL9000" t="s"><v>0</v></c></row>`, ["x"]))).toBe("accepted");
  });

  it("lets the costliest workbook within its limits through (what the worker must then survive)", () => {
    expect(refusal(largestAllowedWorkbook())).toBe("accepted");
  });

  it("refuses what is not a ZIP, a damaged ZIP, and a ZIP that is no workbook", () => {
    expect(refusal(Buffer.from("not a workbook"))).toBe("unreadable");
    expect(refusal(Buffer.alloc(0))).toBe("unreadable");
    const good = xlsx("");
    expect(refusal(good.subarray(0, good.length - 30))).toBe("unreadable");
    expect(refusal(docxLike())).toBe("unreadable");
  });

  it("refuses encrypted entries, unknown compression methods, duplicate names and corrupted data", () => {
    const part = { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") };
    expect(refusal(zip([{ ...part, flags: 1 }]))).toBe("unreadable");
    expect(refusal(zip([part, { name: "x.bin", data: Buffer.from("x"), method: 12 as 8 }]))).toBe("unreadable");
    expect(refusal(zip([part, part]))).toBe("unreadable");
    const corrupted = zip([part, { name: "x.bin", data: Buffer.from("abcdefgh"), method: 0 }]);
    corrupted[corrupted.indexOf("abcdefgh")] = 0x41;
    expect(refusal(corrupted)).toBe("unreadable");
    expect(refusal(zip([part]))).toBe("accepted");
  });

  it("refuses too many entries, by the directory alone", () => {
    const file = manyEntries(XLSX_GATE_LIMITS.maxEntries);
    expect(checkXlsxDirectory(file)).toEqual({ ok: false, refusal: "tooComplex" });
    expect(refusal(file)).toBe("tooComplex");
  });

  it("refuses a 100 MB sheet zipped to about 100 KB, by the directory alone", () => {
    const file = compressibleSheetBomb(100);
    expect(file.length).toBeLessThan(150 * 1024);
    expect(checkXlsxDirectory(file)).toEqual({ ok: false, refusal: "tooComplex" });
  });

  it("refuses entries compressed beyond the ratio a spreadsheet reaches, even within the size limits", () => {
    // 3 MB of one character repeated: within the sizes, but 1,000 : 1.
    expect(refusal(sharedStringBomb(1024 * 1024, 10_000))).toBe("tooComplex");
  });

  it("catches an entry that lies about its size after inflating no more than it declared, plus one byte", () => {
    const file = lyingSizeBomb(100);
    // The directory claims 1 KB: the cheap check cannot know.
    expect(checkXlsxDirectory(file)).toEqual({ ok: true });
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(file)).toBe("tooComplex");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it("refuses a sum of entries over the total, though each fits", () => {
    const part = (index: number) => ({ name: `xl/part${index}.xml`, data: Buffer.from(incompressible(XLSX_GATE_LIMITS.maxEntryBytes - 1, index)) });
    const file = zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }, part(1), part(2), part(3)]);
    expect(refusal(file)).toBe("tooComplex");
  });
});

function incompressible(bytes: number, seed: number): Uint8Array {
  const data = new Uint8Array(bytes);
  let state = seed;
  for (let index = 0; index < bytes; index++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[index] = 65 + (state >>> 27);
  }
  return data;
}
