/**
 * A generated document is opened before it is stored: a DOCX or XLSX is a ZIP of XML parts, and one character XML
 * cannot hold (U+FFFE, U+0000, …) makes Word or Excel refuse the whole file. So: unzip, find the parts the format
 * needs, and parse every XML part with a strict, namespace-aware parser; a workbook is also loaded again by exceljs.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export type DocumentFormat = "DOCX" | "XLSX";

const REQUIRED_PARTS: Record<DocumentFormat, readonly string[]> = {
  DOCX: ["[Content_Types].xml", "_rels/.rels", "word/document.xml"],
  XLSX: ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"],
};

/** Why the document would not open, or null when every part parses. */
export async function documentProblem(bytes: Uint8Array, format: DocumentFormat): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return `not a ZIP archive: ${messageOf(error)}`;
  }
  const missing = REQUIRED_PARTS[format].filter((part) => zip.file(part) === null);
  if (missing.length > 0) return `missing parts: ${missing.join(", ")}`;
  for (const part of Object.values(zip.files)) {
    if (part.dir || !/\.(xml|rels)$/i.test(part.name)) continue;
    const problem = xmlProblem(await part.async("string"));
    if (problem) return `${part.name}: ${problem}`;
  }
  if (format === "XLSX") {
    try {
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch (error) {
      return `exceljs cannot load it: ${messageOf(error)}`;
    }
  }
  return null;
}

/** Well-formed XML 1.0 with namespaces, or why not. */
export function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | null = null;
  parser.on("error", (error) => {
    problem ??= error.message;
  });
  parser.write(xml).close();
  return problem;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
