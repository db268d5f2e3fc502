import { describe, expect, it } from "vitest";
import { DOCUMENT_FORMAT_OF_KIND, DOCUMENT_JOB_STATUSES, DOCUMENT_KINDS, isDocumentJobFinished, isDocumentKind } from "./document-kind";

describe("document kinds", () => {
  it("give every kind the format its name ends with", () => {
    for (const kind of DOCUMENT_KINDS) expect(kind.endsWith(`_${DOCUMENT_FORMAT_OF_KIND[kind]}`), kind).toBe(true);
  });

  it("recognise only their own values", () => {
    expect(isDocumentKind("PLAN_DOCX")).toBe(true);
    expect(isDocumentKind("plan_docx")).toBe(false);
    expect(isDocumentKind(undefined)).toBe(false);
  });

  it("count a document as finished once it is stored or has failed, not while it waits or runs", () => {
    expect(DOCUMENT_JOB_STATUSES.filter(isDocumentJobFinished)).toEqual(["SUCCEEDED", "FAILED"]);
  });
});
