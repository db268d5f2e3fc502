/**
 * The browser's own copy of a draft's unsaved edits (localStorage), so a closed tab, a reload or a lost connection
 * loses nothing that was typed. One backup per user and record; it holds the draft, the server revision it was typed
 * on (and, where edits merge, that revision's content), and is removed once the server holds exactly the draft.
 */

export interface DraftBackup<T> {
  content: T;
  /** The server revision the edits were made on. */
  baseRevision: number;
  /** That revision's content, kept where a restored draft is merged with what was saved since. */
  baseContent?: T;
  /** When the backup was written (ISO 8601, the browser's clock). */
  savedAt: string;
}

/** The storage a backup lives in: window.localStorage, or a stand-in in tests. */
export type BackupStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * The key of a record's backup: `dtpilot.<area>-backup.<user>.<record…>`. Keyed by user so that a colleague signing
 * in on the same browser never sees, restores or overwrites someone else's unsaved edits.
 */
export function backupKey(area: string, user: string | null | undefined, ...record: (string | number)[]): string {
  return [`dtpilot.${area}-backup`, ...(user ? [user] : []), ...record].join(".");
}

/** The browser's localStorage, when there is one and it may be used. */
export function browserStorage(): BackupStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Checks a stored draft (its schema); null when it does not hold one. */
export type DraftParser<T> = (value: unknown) => T | null;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The backup under `key`, or null when there is none or it cannot be read (an older shape, a damaged entry). */
export function readBackup<T>(storage: BackupStorage | undefined, key: string, parse: DraftParser<T>): DraftBackup<T> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value) || typeof value.savedAt !== "string") return null;
    // The enterprise file's first backups kept the base as { content, revision }.
    const legacyBase = isRecord(value.base) ? value.base : null;
    const baseRevision = legacyBase ? legacyBase.revision : value.baseRevision;
    const rawBase = legacyBase ? legacyBase.content : value.baseContent;
    const content = parse(value.content);
    const baseContent = rawBase === undefined ? undefined : parse(rawBase);
    if (content === null || baseContent === null || typeof baseRevision !== "number") return null;
    return { content, baseRevision, ...(baseContent === undefined ? {} : { baseContent }), savedAt: value.savedAt };
  } catch {
    return null;
  }
}

/** Writes the backup; false when the browser refused (storage full or disabled). */
export function writeBackup<T>(storage: BackupStorage | undefined, key: string, backup: DraftBackup<T>): boolean {
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

/**
 * What to do with a backup found when the form opens:
 * - none: there is no backup;
 * - discard: the server already holds the same content;
 * - restore: the edits were typed on the revision the server still has: put them back in the form;
 * - rebase: the server saved something else since, and the backup knows the content it was typed on: put the edits
 *   back on that older base, so saving merges them with what was saved since like any concurrent edit;
 * - offer: the server saved something else since and there is nothing to merge with: show the server's content and
 *   let the writer choose to restore the edits over it, or drop them.
 */
export type BackupDecision<T> =
  | { kind: "none" }
  | { kind: "discard" }
  | { kind: "restore"; backup: DraftBackup<T> }
  | { kind: "rebase"; backup: DraftBackup<T> & { baseContent: T } }
  | { kind: "offer"; backup: DraftBackup<T> };

export function decideBackup<T>(
  backup: DraftBackup<T> | null,
  server: { revision: number; content: T },
  same: (a: T, b: T) => boolean,
): BackupDecision<T> {
  if (!backup) return { kind: "none" };
  if (same(backup.content, server.content)) return { kind: "discard" };
  if (backup.baseRevision === server.revision) return { kind: "restore", backup };
  if (backup.baseContent !== undefined) return { kind: "rebase", backup: { ...backup, baseContent: backup.baseContent } };
  return { kind: "offer", backup };
}
