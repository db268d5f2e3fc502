import { emptyPlanContent, richTextFromPlain, type ImplementationPlanContent } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import {
  decideBackup as decide,
  readBackup as read,
  removeBackup,
  writeBackup,
  type BackupStorage,
  type DraftBackup,
} from "@dtpilot/autosave";
import { parsePlanContent, planBackupKey, planFingerprint } from "./plan-autosave";

// The plan's backup on the autosave kernel: its content checked by the plan's schema and compared normalised.
type PlanBackup = DraftBackup<ImplementationPlanContent>;
const sameContent = (a: ImplementationPlanContent, b: ImplementationPlanContent) => planFingerprint(a) === planFingerprint(b);
const decideBackup = (backup: PlanBackup | null, server: { revision: number; content: ImplementationPlanContent }) =>
  decide(backup, server, sameContent);
const readBackup = (storage: BackupStorage, key: string) => read(storage, key, parsePlanContent);
const backupKey = (planId: string, versionNumber: number) => planBackupKey("user-1", planId, versionNumber);

function memoryStorage(): BackupStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const server = emptyPlanContent("江阴市", "无锡市工业和信息化局");

function edited(text: string): ImplementationPlanContent {
  return { ...server, sections: { ...server.sections, foundation: richTextFromPlain(text) } };
}

function backupOf(content: ImplementationPlanContent, baseRevision: number): PlanBackup {
  return { content, baseRevision, savedAt: "2026-03-01T08:00:00.000Z" };
}

describe("decideBackup", () => {
  it("does nothing when there is no backup", () => {
    expect(decideBackup(null, { revision: 3, content: server })).toEqual({ kind: "none" });
  });

  it("discards a backup whose content the server already holds", () => {
    expect(decideBackup(backupOf(server, 2), { revision: 3, content: server })).toEqual({ kind: "discard" });
  });

  it("restores edits typed on the revision the server still has", () => {
    const backup = backupOf(edited("基础"), 3);
    expect(decideBackup(backup, { revision: 3, content: server })).toEqual({ kind: "restore", backup });
  });

  it("offers, rather than restores, edits typed before someone else saved", () => {
    const backup = backupOf(edited("基础"), 2);
    expect(decideBackup(backup, { revision: 3, content: server })).toEqual({ kind: "offer", backup });
  });
});

describe("sameContent", () => {
  it("ignores attributes the editor writes and the plan does not keep", () => {
    const withEditorAttrs = edited("一");
    const fromEditor = JSON.parse(JSON.stringify(withEditorAttrs)) as ImplementationPlanContent;
    (fromEditor.sections.foundation.content[0] as unknown as Record<string, unknown>).attrs = { textAlign: null };
    expect(sameContent(fromEditor, withEditorAttrs)).toBe(true);
    expect(sameContent(edited("一"), edited("二"))).toBe(false);
  });
});

describe("backup storage", () => {
  it("keys a backup by user and plan version", () => {
    expect(planBackupKey("user-1", "plan-1", 2)).not.toBe(planBackupKey("user-2", "plan-1", 2));
    expect(planBackupKey("user-1", "plan-1", 2)).not.toBe(planBackupKey("user-1", "plan-1", 3));
  });

  it("writes, reads back and removes a backup per plan version", () => {
    const storage = memoryStorage();
    const key = backupKey("plan-1", 2);
    const backup = backupOf(edited("基础"), 4);
    expect(writeBackup(storage, key, backup)).toBe(true);
    expect(readBackup(storage, key)).toEqual(backup);
    expect(readBackup(storage, backupKey("plan-1", 3))).toBeNull();
    removeBackup(storage, key);
    expect(readBackup(storage, key)).toBeNull();
  });

  it("reads a damaged or foreign entry as no backup", () => {
    const storage = memoryStorage();
    storage.setItem("a", "{not json");
    storage.setItem("b", JSON.stringify({ content: { cover: {} }, baseRevision: 1, savedAt: "x" }));
    expect(readBackup(storage, "a")).toBeNull();
    expect(readBackup(storage, "b")).toBeNull();
  });

  it("reports a refused write instead of throwing", () => {
    const full: BackupStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    expect(writeBackup(full, "k", backupOf(server, 1))).toBe(false);
    expect(writeBackup(undefined, "k", backupOf(server, 1))).toBe(false);
  });
});
