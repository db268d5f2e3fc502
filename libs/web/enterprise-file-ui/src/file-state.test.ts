import { Autosaver, sameDraft, writeBackup, type DraftBackup } from "@dtpilot/autosave";
import { emptyNeedsSection, mergeSectionEdits, resolveMerge, type NeedItem, type NeedsSection } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import { withServerStamps } from "./file-state";
import { sectionBackup } from "./section-autosave";

const PILOT_ID = "00000000-0000-4000-8000-000000000010";
const A = "00000000-0000-4000-8000-0000000000a1";
const B = "00000000-0000-4000-8000-0000000000b1";

function need(id: string, text: string, author: NeedItem["author"] = "ENTERPRISE"): NeedItem {
  return { id, text, author, providerId: null };
}

function needs(items: NeedItem[]): NeedsSection {
  return { ...emptyNeedsSection(), EQUIPMENT_DATA: items };
}

describe("settling a merge", () => {
  it("puts the writer's version of an item both changed when they keep theirs", () => {
    const base = needs([need(A, "原需求")]);
    const { merged, conflicts } = mergeSectionEdits(base, needs([need(A, "我的修改")]), needs([need(A, "对方的修改")]));
    expect(resolveMerge(merged, conflicts, ["mine"]).EQUIPMENT_DATA).toEqual([need(A, "我的修改")]);
    expect(resolveMerge(merged, conflicts, ["theirs"]).EQUIPMENT_DATA).toEqual([need(A, "对方的修改")]);
  });

  it("removes an item the writer deleted when they keep their deletion, and keeps it otherwise", () => {
    const base = needs([need(A, "原需求"), need(B, "另一条")]);
    const { merged, conflicts } = mergeSectionEdits(base, needs([need(B, "另一条")]), needs([need(A, "对方改过"), need(B, "另一条")]));
    expect(conflicts.map((conflict) => conflict.kind)).toEqual(["DELETED_BY_MINE"]);
    expect(resolveMerge(merged, conflicts, ["mine"]).EQUIPMENT_DATA.map((item) => item.id)).toEqual([B]);
    expect(resolveMerge(merged, conflicts, ["theirs"]).EQUIPMENT_DATA.map((item) => item.text)).toEqual(["对方改过", "另一条"]);
  });

  it("sets a plain field to the chosen side", () => {
    const base = { profile: "原", nature: null };
    const { merged, conflicts } = mergeSectionEdits(base, { profile: "我的", nature: null }, { profile: "对方的", nature: "PRIVATE" });
    expect(resolveMerge(merged, conflicts, ["mine"])).toEqual({ profile: "我的", nature: "PRIVATE" });
  });
});

describe("contents and stamps", () => {
  it("treats reordered keys and missing-versus-null as the same content", () => {
    expect(sameDraft({ a: 1, b: null }, { b: undefined, a: 1 })).toBe(true);
    expect(sameDraft({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });

  it("carries the recorded author of saved needs into a draft typed on during the save", () => {
    const draft = needs([need(A, "改了又改", "ENTERPRISE")]);
    const saved = needs([{ ...need(A, "改了", "PROVIDER"), providerId: "p1" }]);
    expect(withServerStamps("needs", draft, saved).EQUIPMENT_DATA).toEqual([{ id: A, text: "改了又改", author: "PROVIDER", providerId: "p1" }]);
  });
});

describe("the browser backup", () => {
  /** A section's editor opening on `server`, with the section's own backup slot. */
  function open(server: { content: NeedsSection; revision: number }) {
    return new Autosaver<NeedsSection>({
      server: { ...server, updatedAt: null, updatedBy: null },
      save: () => Promise.reject(new Error("not in this test")),
      isConflict: () => false,
      isRetryable: () => false,
      messageOf: String,
      merge: mergeSectionEdits,
      backup: sectionBackup(null, PILOT_ID, "needs"),
      delayMs: null,
    }).snapshot;
  }

  function backUp(backup: DraftBackup<NeedsSection>) {
    writeBackup(sectionBackup(null, PILOT_ID, "needs").storage, sectionBackup(null, PILOT_ID, "needs").key, backup);
  }

  it("restores unsaved edits on the version they were typed on, even when the server has moved on", () => {
    const base = needs([need(A, "原需求")]);
    const draft = needs([need(A, "原需求"), need(B, "没保存的")]);
    backUp({ content: draft, baseRevision: 2, baseContent: base, savedAt: "2026-03-02T02:30:00Z" });
    const start = open({ content: needs([need(A, "他人改过")]), revision: 3 });
    expect(start.draft).toEqual(draft);
    expect(start.server.revision).toBe(2);
    expect(start.notice).toEqual({ kind: "restored", at: "2026-03-02T02:30:00Z" });
  });

  it("drops a backup the server already holds", () => {
    const content = needs([need(A, "原需求")]);
    backUp({ content, baseRevision: 1, baseContent: content, savedAt: "2026-03-02T02:30:00Z" });
    expect(open({ content, revision: 2 }).notice).toBeNull();
    expect(localStorage.length).toBe(0);
  });
});
