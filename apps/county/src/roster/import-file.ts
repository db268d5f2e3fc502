/**
 * The import file as the browser holds it: checked (XLSX, size) before anything is sent, then read as base64 for
 * roster.importRoster.
 */

import { ROSTER_IMPORT_MAX_BYTES } from "@dtpilot/domain";

export { ROSTER_IMPORT_MAX_BYTES };

export type ImportFileProblem = "type" | "size" | "empty";

/** Why a file cannot be imported, or null when it may be sent. Only the name says XLSX: browsers disagree on its MIME type. */
export function importFileProblem(file: { name: string; size: number }): ImportFileProblem | null {
  if (!/\.xlsx$/i.test(file.name.trim())) return "type";
  if (file.size === 0) return "empty";
  if (file.size > ROSTER_IMPORT_MAX_BYTES) return "size";
  return null;
}

/** A file's bytes as plain base64 (no data: URL prefix). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === "string" ? reader.result : "";
      const comma = url.indexOf(",");
      resolve(comma >= 0 ? url.slice(comma + 1) : "");
    };
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}
