import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { documentProblem, xmlProblem } from "./document-check";

async function workbook(cell: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("名单").addRow(["企业名称", cell]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function withPart(bytes: Uint8Array, name: string, rewrite: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(name, rewrite(await zip.file(name)!.async("string")));
  return zip.generateAsync({ type: "uint8array" });
}

describe("a generated document is opened before it is stored", () => {
  it("passes a workbook exceljs wrote", async () => {
    expect(await documentProblem(await workbook("江阴市"), "XLSX")).toBeNull();
  });

  it("names the part and place of a character XML cannot hold", async () => {
    const broken = await withPart(await workbook("江阴市"), "xl/worksheets/sheet1.xml", (xml) => xml.replace("</worksheet>", "\uFFFE</worksheet>"));
    expect(await documentProblem(broken, "XLSX")).toMatch(/^xl\/worksheets\/sheet1\.xml: \d+:\d+: disallowed character/);
  });

  it("refuses what is not a ZIP, a ZIP without the format's parts, and a part that is not well-formed", async () => {
    expect(await documentProblem(new TextEncoder().encode("PK not really"), "DOCX")).toMatch(/^not a ZIP archive/);
    expect(await documentProblem(await workbook("x"), "DOCX")).toBe("missing parts: word/document.xml");
    const unclosed = await withPart(await workbook("x"), "xl/workbook.xml", (xml) => xml.replace("</workbook>", ""));
    expect(await documentProblem(unclosed, "XLSX")).toMatch(/^xl\/workbook\.xml: .*unclosed tag/);
  });

  it("parses XML strictly: namespaces bound, one root, legal characters", () => {
    expect(xmlProblem('<w:document xmlns:w="urn:w"><w:t>一\t二</w:t></w:document>')).toBeNull();
    expect(xmlProblem("<w:t>x</w:t>")).toMatch(/unbound namespace prefix/);
    expect(xmlProblem("<a/><b/>")).not.toBeNull();
    expect(xmlProblem("<a>\u0001</a>")).toMatch(/disallowed character/);
  });
});
