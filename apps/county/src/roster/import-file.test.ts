import { describe, expect, it } from "vitest";
import { ROSTER_IMPORT_MAX_BYTES, importFileProblem, readFileAsBase64 } from "./import-file";

describe("checking the import file before it is sent", () => {
  it("accepts an .xlsx up to 2 MB", () => {
    expect(importFileProblem({ name: "名单.xlsx", size: 10_000 })).toBeNull();
    expect(importFileProblem({ name: "名单.XLSX", size: ROSTER_IMPORT_MAX_BYTES })).toBeNull();
  });

  it("refuses other types, empty files and larger files", () => {
    expect(importFileProblem({ name: "名单.xls", size: 10_000 })).toBe("type");
    expect(importFileProblem({ name: "名单.csv", size: 10_000 })).toBe("type");
    expect(importFileProblem({ name: "名单.xlsx", size: 0 })).toBe("empty");
    expect(importFileProblem({ name: "名单.xlsx", size: ROSTER_IMPORT_MAX_BYTES + 1 })).toBe("size");
  });
});

describe("reading the file as base64", () => {
  it("gives the bytes' plain base64, without a data URL prefix", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x7f]);
    const file = new File([bytes], "名单.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    const base64 = await readFileAsBase64(file);
    expect(base64).toBe(btoa(String.fromCharCode(...bytes)));
    expect(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))).toEqual(bytes);
  });

  it("reads an empty file as an empty string", async () => {
    expect(await readFileAsBase64(new Blob([]))).toBe("");
  });
});
