import { emptyPlanContent, richTextFromPlain, type ImplementationPlanContent } from "@dtpilot/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosaver, readBackup as readStoredBackup, type BackupStorage } from "@dtpilot/autosave";
import { parsePlanContent, planAutosaveOptions, planBackupKey } from "./plan-autosave";

type SavePlanInput = { planId: string; baseRevision: number; content: ImplementationPlanContent };
type SavePlanResult = { revision: number; updatedAt: Date };
const readBackup = (storage: BackupStorage, key: string) => readStoredBackup(storage, key, parsePlanContent);

const KEY = planBackupKey("user-1", "plan-1", 1);
const opened = emptyPlanContent("江阴市", "无锡市工业和信息化局");

function typed(text: string): ImplementationPlanContent {
  return { ...opened, sections: { ...opened.sections, foundation: richTextFromPlain(text) } };
}

function memoryStorage(): BackupStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
}

class Conflict extends Error {}

/** A server that stores what it is sent on top of the revision it holds, like plan.savePlan. */
function fakeServer() {
  let revision = 1;
  const calls: SavePlanInput[] = [];
  let fail: Error | null = null;
  const save = vi.fn(async (input: SavePlanInput): Promise<SavePlanResult> => {
    calls.push(input);
    await Promise.resolve();
    if (fail) throw fail;
    if (input.baseRevision !== revision) throw new Conflict("实施方案已在其他窗口或由其他人保存，请刷新后再修改");
    revision += 1;
    return { revision, updatedAt: new Date() };
  });
  return {
    save,
    calls,
    failWith: (error: Error | null) => (fail = error),
    saveElsewhere: () => (revision += 1),
  };
}

function autosaver(server: ReturnType<typeof fakeServer>, storage: BackupStorage) {
  return new Autosaver(
    planAutosaveOptions({
    planId: "plan-1",
    backupKey: KEY,
    revision: 1,
    savedAt: new Date("2026-03-01T00:00:00Z"),
    savedContent: opened,
    save: server.save,
    isConflict: (error) => error instanceof Conflict,
    isRetryable: (error) => !(error instanceof Conflict),
    storage,
    delayMs: 1000,
    retryMs: 5000,
    }),
  );
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the plan's autosave", () => {
  it("saves once, a second after the last change, on the revision it stands on", async () => {
    const server = fakeServer();
    const saver = autosaver(server, memoryStorage());
    saver.update(typed("一"));
    await vi.advanceTimersByTimeAsync(600);
    saver.update(typed("一二"));
    await vi.advanceTimersByTimeAsync(600);
    expect(server.save).not.toHaveBeenCalled();
    expect(saver.snapshot.status).toBe("dirty");
    await vi.advanceTimersByTimeAsync(500);
    expect(server.calls).toEqual([{ planId: "plan-1", baseRevision: 1, content: typed("一二") }]);
    expect(saver.snapshot).toMatchObject({ status: "saved", server: { revision: 2 } });
  });

  it("keeps unsaved content in the browser until the server holds it", async () => {
    const storage = memoryStorage();
    const saver = autosaver(fakeServer(), storage);
    saver.update(typed("未保存"));
    expect(readBackup(storage, KEY)).toMatchObject({ content: typed("未保存"), baseRevision: 1 });
    await saver.flush();
    expect(readBackup(storage, KEY)).toBeNull();
  });

  it("saves what was typed during a save with the revision that save answered", async () => {
    const server = fakeServer();
    const saver = autosaver(server, memoryStorage());
    saver.update(typed("一"));
    const first = saver.flush();
    saver.update(typed("一二"));
    await first;
    await saver.flush();
    expect(server.calls.map((call) => call.baseRevision)).toEqual([1, 2]);
    expect(server.calls[1]?.content).toEqual(typed("一二"));
    expect(saver.snapshot).toMatchObject({ status: "saved", server: { revision: 3 } });
  });

  it("stops on a conflict, keeps the backup and does not save again", async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const saver = autosaver(server, storage);
    server.saveElsewhere();
    saver.update(typed("我的修改"));
    expect(await saver.flush()).toBe(false);
    expect(saver.snapshot).toMatchObject({ status: "conflict", error: "实施方案已在其他窗口或由其他人保存，请刷新后再修改" });
    saver.update(typed("我的修改，继续"));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.save).toHaveBeenCalledTimes(1);
    expect(readBackup(storage, KEY)?.content).toEqual(typed("我的修改，继续"));
  });

  it("retries after a network failure", async () => {
    const server = fakeServer();
    const saver = autosaver(server, memoryStorage());
    server.failWith(new Error("Failed to fetch"));
    saver.update(typed("一"));
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.snapshot.status).toBe("error");
    server.failWith(null);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saver.snapshot).toMatchObject({ status: "saved", server: { revision: 2 } });
  });

  it("does not save when the content goes back to what the server holds", async () => {
    const server = fakeServer();
    const saver = autosaver(server, memoryStorage());
    saver.update(typed("一"));
    saver.update(opened);
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.save).not.toHaveBeenCalled();
    expect(saver.snapshot.status).toBe("saved");
  });
});
