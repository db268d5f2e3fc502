/**
 * The browser's own copy of a plan's unsaved edits (localStorage), so a closed tab, a reload or a lost connection
 * loses nothing the county typed. One backup per plan version; it holds the content and the server revision it was
 * typed on top of, and is removed once the server holds exactly that content.
 */
import { implementationPlanContentSchema, type ImplementationPlanContent } from "@dtpilot/domain";

export interface PlanBackup {
  content: ImplementationPlanContent;
  /** The server revision the edits were made on. */
  baseRevision: number;
  /** When the backup was written (ISO 8601, the browser's clock). */
  savedAt: string;
}

/** The storage a backup lives in: window.localStorage, or a stand-in in tests. */
export type BackupStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function backupKey(planId: string, versionNumber: number): string {
  return `dtpilot.plan-backup.${planId}.v${versionNumber}`;
}

/** The backup under `key`, or null when there is none or it cannot be read (an older shape, a damaged entry). */
export function readBackup(storage: BackupStorage | undefined, key: string): PlanBackup | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PlanBackup>;
    const content = implementationPlanContentSchema.safeParse(value.content);
    if (!content.success || typeof value.baseRevision !== "number" || typeof value.savedAt !== "string") return null;
    return { content: content.data, baseRevision: value.baseRevision, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

/** Writes the backup; false when the browser refused (storage full or disabled). */
export function writeBackup(storage: BackupStorage | undefined, key: string, backup: PlanBackup): boolean {
  try {
    storage?.setItem(key, JSON.stringify(backup));
    return storage !== undefined;
  } catch {
    return false;
  }
}

export function removeBackup(storage: BackupStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: a backup that cannot be removed is dropped at the next load when it equals the server's content.
  }
}

/** The browser's localStorage, when there is one and it may be used. */
export function browserStorage(): BackupStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * What to do with a backup found when the form opens:
 * - none: there is no backup;
 * - discard: the server already holds the same content;
 * - restore: the edits were typed on the revision the server still has, so nothing was saved since: put them back
 *   in the form (they are then saved as any edit);
 * - offer: the server saved something else after the edits were typed (another tab, a colleague, a reload after a
 *   conflict): show the server's content and let the county choose to restore its edits over it, or drop them.
 */
export type BackupDecision =
  | { kind: "none" }
  | { kind: "discard" }
  | { kind: "restore"; backup: PlanBackup }
  | { kind: "offer"; backup: PlanBackup };

export function decideBackup(
  backup: PlanBackup | null,
  server: { revision: number; content: ImplementationPlanContent },
): BackupDecision {
  if (!backup) return { kind: "none" };
  if (sameContent(backup.content, server.content)) return { kind: "discard" };
  if (backup.baseRevision === server.revision) return { kind: "restore", backup };
  return { kind: "offer", backup };
}

/**
 * Whether two contents hold the same values. Both go through the content schema first, so what the editor adds and
 * the server drops (attributes the plan does not use) does not count as a difference.
 */
export function sameContent(a: ImplementationPlanContent, b: ImplementationPlanContent): boolean {
  return contentFingerprint(a) === contentFingerprint(b);
}

/** A string that is equal for equal contents: the normalised content as JSON. */
export function contentFingerprint(content: ImplementationPlanContent): string {
  const normalised = implementationPlanContentSchema.safeParse(content);
  return JSON.stringify(normalised.success ? normalised.data : content);
}
