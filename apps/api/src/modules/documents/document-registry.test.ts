import { DOCUMENT_KINDS } from "@dtpilot/domain";
import { documentJobOf } from "@dtpilot/jobs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_HANDLERS } from "./document-registry";

describe("the document registry", () => {
  it("has a handler for every document kind, filed under the kind it generates", () => {
    expect(Object.keys(DOCUMENT_HANDLERS).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const kind of DOCUMENT_KINDS) expect(DOCUMENT_HANDLERS[kind].kind).toBe(kind);
  });

  it("runs every handler on a job that makes its kind", () => {
    for (const kind of DOCUMENT_KINDS) expect(documentJobOf(kind).kinds).toContain(kind);
  });

  it("reports reading as part of the progress, leaving room for generating and storing the file", () => {
    for (const handler of Object.values(DOCUMENT_HANDLERS)) {
      expect(handler.loadedProgress).toBeGreaterThanOrEqual(0);
      expect(handler.loadedProgress).toBeLessThanOrEqual(90);
    }
  });
});
