import { mergeSectionEdits, threeWayMerge } from "@dtpilot/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveAnswer, type SaveInput, type ServerVersion } from "./autosaver";
import { backupKey, readBackup, writeBackup, type BackupStorage } from "./backup-store";

type Draft = { title: string; note: string; items: { id: string; text: string }[] };
const KEY = backupKey("test", "user-1", "record-1");
const opened: Draft = { title: "原标题", note: "", items: [{ id: "a", text: "一" }] };
const parse = (value: unknown) => (typeof value === "object" && value !== null && "title" in value ? (value as Draft) : null);

function memoryStorage(): BackupStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

/** A server holding one record that answers a stale revision with its newer version, like enterpriseFile.saveEnterpriseFileSection. */
function versionedServer(start: Draft) {
  let current: ServerVersion<Draft> = { content: start, revision: 1, updatedAt: new Date("2026-03-01T00:00:00Z"), updatedBy: "县" };
  const calls: SaveInput<Draft>[] = [];
  const save = vi.fn(async (input: SaveInput<Draft>): Promise<SaveAnswer<Draft>> => {
    calls.push(input);
    await Promise.resolve();
    if (input.baseRevision !== current.revision) return { ok: false, conflict: current };
    current = { content: input.content, revision: current.revision + 1, updatedAt: new Date(), updatedBy: null };
    return { ok: true, revision: current.revision, updatedAt: current.updatedAt! };
  });
  return {
    save,
    calls,
    saveElsewhere: (content: Draft) => (current = { content, revision: current.revision + 1, updatedAt: new Date("2026-03-02T00:00:00Z"), updatedBy: "服务商" }),
  };
}

function saver(server: ReturnType<typeof versionedServer>, storage: BackupStorage, delayMs: number | null = null) {
  return new Autosaver<Draft>({
    server: { content: opened, revision: 1, updatedAt: new Date("2026-03-01T00:00:00Z"), updatedBy: "县" },
    save: server.save,
    isConflict: () => false,
    isRetryable: () => false,
    messageOf: String,
    merge: mergeSectionEdits,
    tooManyMergesMessage: () => "太多",
    backup: { key: KEY, parse, storage, keepBase: true },
    delayMs,
  });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Autosaver with a merge", () => {
  it("saves only when asked when it has no delay", async () => {
    const server = versionedServer(opened);
    const autosaver = saver(server, memoryStorage());
    autosaver.update({ ...opened, note: "备注" });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.save).not.toHaveBeenCalled();
    expect(await autosaver.flush()).toBe(true);
    expect(autosaver.snapshot).toMatchObject({ status: "saved", server: { revision: 2 } });
  });

  it("merges the version saved since when the two touched different fields, says so, and saves the merge", async () => {
    const server = versionedServer(opened);
    const autosaver = saver(server, memoryStorage());
    server.saveElsewhere({ ...opened, title: "对方的标题" });
    autosaver.update({ ...opened, note: "我的备注" });
    expect(await autosaver.flush()).toBe(true);
    expect(server.calls.map((call) => call.baseRevision)).toEqual([1, 2]);
    expect(server.calls[1]?.content).toEqual({ ...opened, title: "对方的标题", note: "我的备注" });
    expect(autosaver.snapshot.notice).toMatchObject({ kind: "merged", by: "服务商" });
    expect(autosaver.snapshot.status).toBe("saved");
  });

  it("waits for the writer's choice where both changed the same field, keeping the draft and its base backed up", async () => {
    const server = versionedServer(opened);
    const storage = memoryStorage();
    const autosaver = saver(server, storage);
    server.saveElsewhere({ ...opened, title: "对方的标题" });
    autosaver.update({ ...opened, title: "我的标题" });
    expect(await autosaver.flush()).toBe(false);
    const { merge, status } = autosaver.snapshot;
    expect(status).toBe("conflict");
    expect(merge?.conflicts).toEqual([{ path: ["title"], kind: "BOTH_CHANGED", mine: "我的标题", theirs: "对方的标题" }]);
    expect(readBackup(storage, KEY, parse)).toMatchObject({ content: { title: "我的标题" }, baseRevision: 1, baseContent: opened });

    autosaver.choose(0, "mine");
    expect(await autosaver.applyMerge()).toBe(true);
    expect(server.calls.at(-1)).toEqual({ baseRevision: 2, content: { ...opened, title: "我的标题" } });
    expect(autosaver.snapshot).toMatchObject({ status: "saved", merge: null });
    expect(readBackup(storage, KEY, parse)).toBeNull();
  });

  it("gives up for now when every save meets a newer version", async () => {
    const server = versionedServer(opened);
    let other = 0;
    server.save.mockImplementation(async () => {
      other += 1;
      return { ok: false, conflict: { content: { ...opened, items: [...opened.items, { id: `t${other}`, text: "对方" }] }, revision: 1 + other, updatedAt: null } };
    });
    const autosaver = saver(server, memoryStorage());
    autosaver.update({ ...opened, note: "我的" });
    expect(await autosaver.flush()).toBe(false);
    expect(server.save).toHaveBeenCalledTimes(3);
    expect(autosaver.snapshot).toMatchObject({ status: "error", error: "太多" });
  });

  it("stops at a newer version when there is no merge", async () => {
    const server = versionedServer(opened);
    const autosaver = new Autosaver<Draft>({
      server: { content: opened, revision: 1, updatedAt: null },
      save: server.save,
      isConflict: () => false,
      isRetryable: () => true,
      messageOf: () => "已被他人保存",
    });
    server.saveElsewhere({ ...opened, title: "对方的" });
    autosaver.update({ ...opened, note: "我的" });
    expect(await autosaver.flush()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.save).toHaveBeenCalledTimes(1);
    expect(autosaver.snapshot).toMatchObject({ status: "conflict", error: "已被他人保存" });
  });

  it("replaces an untouched draft with a newer version fetched, and leaves a touched one to merge at saving", () => {
    const autosaver = saver(versionedServer(opened), memoryStorage());
    const newer = { content: { ...opened, title: "新" }, revision: 2, updatedAt: null };
    autosaver.serverChanged(newer);
    expect(autosaver.snapshot.draft.title).toBe("新");
    autosaver.update({ ...autosaver.snapshot.draft, note: "我的" });
    autosaver.serverChanged({ ...newer, content: { ...opened, title: "更新" }, revision: 3 });
    expect(autosaver.snapshot).toMatchObject({ draft: { title: "新", note: "我的" }, server: { revision: 2 } });
  });
});

describe("opening with a backup", () => {
  const open = (storage: BackupStorage, revision: number, content: Draft = opened) =>
    new Autosaver<Draft>({
      server: { content, revision, updatedAt: null },
      save: () => Promise.reject(new Error("unused")),
      isConflict: () => false,
      isRetryable: () => false,
      messageOf: String,
      merge: threeWayMerge,
      backup: { key: KEY, parse, storage },
    }).snapshot;

  it("restores edits typed on the revision the server still has", () => {
    const storage = memoryStorage();
    writeBackup(storage, KEY, { content: { ...opened, note: "未保存" }, baseRevision: 3, savedAt: "2026-03-02T02:30:00Z" });
    expect(open(storage, 3)).toMatchObject({ status: "dirty", draft: { note: "未保存" }, notice: { kind: "restored" } });
  });

  it("offers, rather than restores, edits typed before someone else saved when it cannot merge them", () => {
    const storage = memoryStorage();
    writeBackup(storage, KEY, { content: { ...opened, note: "未保存" }, baseRevision: 2, savedAt: "2026-03-02T02:30:00Z" });
    const start = open(storage, 3);
    expect(start).toMatchObject({ status: "saved", draft: opened, notice: { kind: "offered" } });
  });

  it("finds a backup kept under the record's key from before backups were keyed by user, and moves it", () => {
    const storage = memoryStorage();
    const legacyKey = "dtpilot.test-backup.record-1";
    writeBackup(storage, legacyKey, { content: { ...opened, note: "升级前" }, baseRevision: 3, savedAt: "2026-03-02T02:30:00Z" });
    const start = new Autosaver<Draft>({
      server: { content: opened, revision: 3, updatedAt: null },
      save: () => Promise.reject(new Error("unused")),
      isConflict: () => false,
      isRetryable: () => false,
      messageOf: String,
      backup: { key: KEY, legacyKey, parse, storage },
    }).snapshot;
    expect(start).toMatchObject({ status: "dirty", draft: { note: "升级前" }, notice: { kind: "restored" } });
    expect(storage.getItem(legacyKey)).toBeNull();
    expect(readBackup(storage, KEY, parse)?.content).toMatchObject({ note: "升级前" });
  });

  it("reads the enterprise file's earlier backup shape", () => {
    const storage = memoryStorage();
    storage.setItem(KEY, JSON.stringify({ content: { ...opened, note: "旧格式" }, base: { content: opened, revision: 1 }, savedAt: "2026-03-02T02:30:00Z" }));
    expect(readBackup(storage, KEY, parse)).toEqual({ content: { ...opened, note: "旧格式" }, baseRevision: 1, baseContent: opened, savedAt: "2026-03-02T02:30:00Z" });
  });
});

describe("backupKey", () => {
  it("keeps one user's backup apart from another's on the same browser", () => {
    expect(backupKey("file", "u1", "p1", "needs")).toBe("dtpilot.file-backup.u1.p1.needs");
    expect(backupKey("file", null, "p1", "needs")).toBe("dtpilot.file-backup.p1.needs");
  });
});
