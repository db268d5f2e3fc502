/**
 * Autosaved editing of one record, without React: a revisioned draft the form changes through `update`; a save starts
 * `delayMs` after the last change (or at once on `flush`), names the revision it was typed on, and keeps the revision
 * the server answers. One save is in flight at a time; what is typed meanwhile is saved after it. Until the server
 * holds the draft it is also kept in the browser (backup-store.ts). A refusal as stale (409) or no longer editable
 * stops saving and keeps the backup; an answer carrying the version saved since is merged three-way — cleanly merged
 * edits are saved again, edits both sides made wait for the writer's choice (the merge view). Other failures retry.
 */
import { resolveMerge, type MergeChoice, type MergeConflict, type MergeResult } from "@dtpilot/domain";
import { decideBackup, readBackup, removeBackup, writeBackup, type BackupStorage, type DraftBackup, type DraftParser } from "./backup-store";
import { draftFingerprint } from "./draft-fingerprint";

export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "error";

/** A record as the server holds it. `updatedBy` undefined: saved from this page a moment ago. */
export interface ServerVersion<T> {
  content: T;
  revision: number;
  updatedAt: Date | string | null;
  updatedBy?: string | null;
}

/** Edits both sides made to the same field or item, for the writer to settle; the rest is merged already. */
export interface PendingMerge<T> {
  theirs: ServerVersion<T>;
  merged: T;
  conflicts: MergeConflict[];
  choices: MergeChoice[];
}

export type AutosaveNotice<T> =
  | { kind: "restored"; at: string }
  | { kind: "offered"; backup: DraftBackup<T> }
  | { kind: "merged"; by: string | null | undefined; at: Date | string | null };

export interface AutosaveSnapshot<T> {
  status: SaveStatus;
  draft: T;
  /** The server version the draft stands on. */
  server: ServerVersion<T>;
  /** The failure's message (already in the reader's language) when status is "conflict" or "error". */
  error: string | null;
  merge: PendingMerge<T> | null;
  notice: AutosaveNotice<T> | null;
}

export interface SaveInput<T> {
  baseRevision: number;
  content: T;
}

/** The server stored the draft (`content`: as it keeps it, when it stamps something), or answered the newer version. */
export type SaveAnswer<T> =
  | { ok: true; revision: number; updatedAt: Date | string; content?: T }
  | { ok: false; conflict: ServerVersion<T> };

export interface AutosaverOptions<T> {
  /** The server's version the form opens with. */
  server: ServerVersion<T>;
  save: (input: SaveInput<T>) => Promise<SaveAnswer<T>>;
  /** The failure means the revision is stale or the record can no longer be edited: do not retry. */
  isConflict: (error: unknown) => boolean;
  /** The failure may pass by itself (network, server busy): retry after `retryMs`. */
  isRetryable: (error: unknown) => boolean;
  messageOf: (error: unknown) => string;
  /** Merges a draft with the version saved since; without it, such an answer is a conflict that stops saving. */
  merge?: (base: T, mine: T, theirs: T) => MergeResult<T>;
  /** What the server stamped on a saved version, carried into a draft typed on while the save was on its way. */
  carryOver?: (draft: T, saved: T) => T;
  /** The message when saves keep meeting newer versions (each merged) and saving gives up for now. */
  tooManyMergesMessage?: () => string;
  backup?: {
    key: string;
    parse: DraftParser<T>;
    storage?: BackupStorage;
    /** Keep the base's content in the backup, so that a restored draft merges with what was saved since. */
    keepBase?: boolean;
    /**
     * Where this record's backup was kept before backups were keyed by user: read when `key` holds none and moved
     * under `key`, so edits typed before the change are not lost.
     */
    legacyKey?: string;
  };
  /** Equal strings for drafts with the same values (default: draftFingerprint). */
  fingerprint?: (content: T) => string;
  /** Pause after the last change before saving; null: saved only on `flush` (a save button). */
  delayMs?: number | null;
  retryMs?: number;
  now?: () => Date;
  onSaved?: () => void;
  onFailed?: (error: unknown) => void;
}

/** Saves in a row that may meet a newer version (each merged without conflicts) before giving up for now. */
const MAX_SAVE_ATTEMPTS = 3;

export class Autosaver<T> {
  private readonly options: AutosaverOptions<T>;
  private readonly fingerprint: (content: T) => string;
  private draftFingerprint: string;
  private serverFingerprint: string;
  private snapshotValue: AutosaveSnapshot<T>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(options: AutosaverOptions<T>) {
    this.options = options;
    this.fingerprint = options.fingerprint ?? draftFingerprint;
    let server = options.server;
    let draft = server.content;
    let notice: AutosaveNotice<T> | null = null;
    const slot = options.backup;
    if (slot) {
      const stored = readBackup(slot.storage, slot.key, slot.parse) ?? adoptLegacyBackup(slot);
      const decision = decideBackup(stored, server, (a, b) => this.same(a, b));
      if (decision.kind === "discard") removeBackup(slot.storage, slot.key);
      if (decision.kind === "restore" || decision.kind === "rebase") {
        draft = decision.backup.content;
        notice = { kind: "restored", at: decision.backup.savedAt };
      }
      if (decision.kind === "rebase") {
        server = { content: decision.backup.baseContent, revision: decision.backup.baseRevision, updatedAt: null, updatedBy: null };
      }
      if (decision.kind === "offer") notice = { kind: "offered", backup: decision.backup };
    }
    this.draftFingerprint = this.fingerprint(draft);
    this.serverFingerprint = this.fingerprint(server.content);
    this.snapshotValue = { status: this.dirty ? "dirty" : "saved", draft, server, error: null, merge: null, notice };
  }

  get snapshot(): AutosaveSnapshot<T> {
    return this.snapshotValue;
  }

  /** Calls `listener` whenever the snapshot changes; answers the unsubscribe (the shape useSyncExternalStore takes). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while the form holds something the server does not. */
  get dirty(): boolean {
    return this.draftFingerprint !== this.serverFingerprint;
  }

  /** The form's draft changed: back it up and save it after the pause. */
  update(draft: T): void {
    if (draft === this.snapshotValue.draft) return;
    const fingerprint = this.fingerprint(draft);
    const changed = fingerprint !== this.draftFingerprint;
    this.draftFingerprint = fingerprint;
    if (!changed) {
      this.set({ draft });
      return;
    }
    if (!this.dirty) {
      this.removeBackup();
      this.clearTimer();
      const status = this.snapshotValue.status;
      this.set({ draft, ...(status === "dirty" || status === "error" ? { status: "saved", error: null } : {}) });
      return;
    }
    this.set({ draft });
    this.backUp();
    const status = this.snapshotValue.status;
    if (status === "conflict") return;
    if (status !== "saving") this.set({ status: "dirty", error: null });
    this.scheduleSave();
  }

  /**
   * Saves now what is not saved yet, waiting for a save in flight first. True when the server holds the draft; false
   * after a conflict or a failure (the backup keeps the draft).
   */
  async flush(): Promise<boolean> {
    for (;;) {
      if (this.snapshotValue.status === "conflict") return false;
      if (this.inFlight) {
        if (!(await this.inFlight)) return false;
        continue;
      }
      if (!this.dirty) return true;
      this.clearTimer();
      this.inFlight = this.saveNow();
      const saved = await this.inFlight;
      this.inFlight = null;
      if (!saved) return false;
    }
  }

  /** The writer picks a side for one conflict of the pending merge. */
  choose(index: number, choice: MergeChoice): void {
    const merge = this.snapshotValue.merge;
    if (!merge) return;
    this.set({ merge: { ...merge, choices: merge.choices.map((old, at) => (at === index ? choice : old)) } });
  }

  /** Settles the pending merge as chosen and saves the result on top of the version saved since. */
  async applyMerge(): Promise<boolean> {
    const merge = this.snapshotValue.merge;
    if (!merge) return false;
    const resolved = resolveMerge(merge.merged, merge.conflicts, merge.choices);
    this.setServer(merge.theirs);
    this.setDraft(resolved);
    this.set({ merge: null, notice: null, status: this.dirty ? "dirty" : "saved", error: null });
    this.syncBackup();
    return this.flush();
  }

  /** A newer server version arrived (the record was fetched again): it replaces an untouched draft. */
  serverChanged(version: ServerVersion<T>): void {
    const current = this.snapshotValue;
    if (this.inFlight || current.merge || version.revision <= current.server.revision || this.dirty) return;
    this.setServer(version);
    this.setDraft(version.content);
    this.set({});
  }

  /** Puts an offered backup's edits back in the form (they are then saved as any edit). */
  restoreOffered(backup: DraftBackup<T>): void {
    this.set({ notice: { kind: "restored", at: backup.savedAt } });
    this.update(backup.content);
  }

  /** Drops the offered backup; what was typed since is backed up again with its next change. */
  discardOffered(): void {
    if (!this.dirty) this.removeBackup();
    this.set({ notice: null });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  /** The record left the writer's hands (submitted): its backup has no further use. */
  discardBackup(): void {
    this.removeBackup();
  }

  /** The form goes away: no more timers; whatever is unsaved is in the backup (and a last save may be in flight). */
  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  /** The form is back (React mounts an effect again): timers may run, and anything unsaved is saved after the pause. */
  open(): void {
    this.closed = false;
    const status = this.snapshotValue.status;
    if (this.dirty && status !== "conflict" && status !== "saving") this.scheduleSave();
  }

  /** Keep the current draft in the browser now (leaving the page), whatever the timers are doing. */
  backUpIfDirty(): void {
    if (this.dirty) this.backUp();
  }

  private same(a: T, b: T): boolean {
    return this.fingerprint(a) === this.fingerprint(b);
  }

  private async saveNow(): Promise<boolean> {
    let sending = this.snapshotValue.draft;
    let sendingFingerprint = this.draftFingerprint;
    this.set({ status: "saving", error: null });
    try {
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        const base = this.snapshotValue.server;
        const answer = await this.options.save({ baseRevision: base.revision, content: sending });
        if (answer.ok) {
          this.saved(answer, sending, sendingFingerprint);
          return true;
        }
        const merge = this.options.merge;
        if (!merge) throw new StaleDraftError(answer.conflict);
        const theirs = answer.conflict;
        const { merged, conflicts } = merge(base.content, this.snapshotValue.draft, theirs.content);
        if (conflicts.length > 0) {
          // The base stays the version the draft was typed on until the writer has chosen, so a reload meanwhile
          // restores the draft and merges again rather than overwriting theirs.
          this.clearTimer();
          this.set({ status: "conflict", merge: { theirs, merged, conflicts, choices: conflicts.map(() => "theirs") } });
          return false;
        }
        this.setServer(theirs);
        this.setDraft(merged);
        this.set({ notice: { kind: "merged", by: theirs.updatedBy, at: theirs.updatedAt } });
        this.syncBackup();
        sending = merged;
        sendingFingerprint = this.draftFingerprint;
      }
      this.set({ status: "error", error: this.options.tooManyMergesMessage?.() ?? "" });
      return false;
    } catch (error) {
      if (error instanceof StaleDraftError || this.options.isConflict(error)) {
        this.clearTimer();
        this.set({ status: "conflict", error: this.options.messageOf(error) });
      } else {
        this.set({ status: "error", error: this.options.messageOf(error) });
        if (this.options.isRetryable(error)) this.schedule(this.options.retryMs ?? 5000);
      }
      this.options.onFailed?.(error);
      return false;
    }
  }

  private saved(answer: Extract<SaveAnswer<T>, { ok: true }>, sent: T, sentFingerprint: string): void {
    const content = answer.content ?? sent;
    this.snapshotValue = { ...this.snapshotValue, server: { content, revision: answer.revision, updatedAt: new Date(answer.updatedAt), updatedBy: undefined } };
    this.serverFingerprint = answer.content === undefined ? sentFingerprint : this.fingerprint(content);
    if (sentFingerprint === this.draftFingerprint) this.setDraft(content);
    else if (this.options.carryOver) this.setDraft(this.options.carryOver(this.snapshotValue.draft, content));
    this.set({ status: this.dirty ? "dirty" : "saved", error: null });
    // Typed while the save was on its way: back up on the new revision and save again after the pause.
    this.syncBackup();
    if (this.dirty) this.scheduleSave();
    this.options.onSaved?.();
  }

  private setServer(server: ServerVersion<T>): void {
    this.serverFingerprint = this.fingerprint(server.content);
    this.snapshotValue = { ...this.snapshotValue, server };
  }

  private setDraft(draft: T): void {
    this.draftFingerprint = this.fingerprint(draft);
    this.snapshotValue = { ...this.snapshotValue, draft };
  }

  private syncBackup(): void {
    if (this.dirty) this.backUp();
    else this.removeBackup();
  }

  private backUp(): void {
    const slot = this.options.backup;
    if (!slot) return;
    const { draft, server } = this.snapshotValue;
    writeBackup<T>(slot.storage, slot.key, {
      content: draft,
      baseRevision: server.revision,
      ...(slot.keepBase ? { baseContent: server.content } : {}),
      savedAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
  }

  private removeBackup(): void {
    const slot = this.options.backup;
    if (slot) removeBackup(slot.storage, slot.key);
  }

  private scheduleSave(): void {
    const delay = this.options.delayMs === undefined ? 1000 : this.options.delayMs;
    if (delay !== null) this.schedule(delay);
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(patch: Partial<AutosaveSnapshot<T>>): void {
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** The server answered a newer version and there is no merge: the draft cannot be saved on its revision. */
class StaleDraftError<T> extends Error {
  constructor(readonly theirs: ServerVersion<T>) {
    super("stale draft");
  }
}

/** Moves a backup kept under the record's earlier key to its current one; null when there is none. */
function adoptLegacyBackup<T>(slot: NonNullable<AutosaverOptions<T>["backup"]>): DraftBackup<T> | null {
  if (!slot.legacyKey || slot.legacyKey === slot.key) return null;
  const backup = readBackup(slot.storage, slot.legacyKey, slot.parse);
  if (backup && writeBackup(slot.storage, slot.key, backup)) removeBackup(slot.storage, slot.legacyKey);
  return backup;
}
