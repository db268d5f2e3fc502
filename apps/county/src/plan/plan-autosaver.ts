/**
 * Autosave of a plan version, without React: the form hands every change to `update`; a save starts `delayMs` after
 * the last change (or at once on `flush`), names the revision it was typed on, and keeps the revision the server
 * answers. Until the server holds the content, the content is also kept in the browser (plan-backup.ts). A conflict
 * (someone saved since, or the plan is no longer editable) stops saving and keeps the backup; other failures retry.
 */
import type { ImplementationPlanContent } from "@dtpilot/domain";
import { contentFingerprint, removeBackup, writeBackup, type BackupStorage } from "./plan-backup";

export type SaveStatus = "saved" | "dirty" | "saving" | "conflict" | "error";

export interface AutosaveSnapshot {
  status: SaveStatus;
  /** When the server last stored this version (its clock). */
  savedAt: Date;
  /** The server revision the form stands on. */
  revision: number;
  /** The failure's message (already in the reader's language) when status is "conflict" or "error". */
  error: string | null;
}

export interface SavePlanInput {
  planId: string;
  baseRevision: number;
  content: ImplementationPlanContent;
}

export interface SavePlanResult {
  revision: number;
  updatedAt: Date;
}

export interface PlanAutosaverOptions {
  planId: string;
  /** The backup key (per plan version). */
  backupKey: string;
  /** The server's revision, time and content the form opened with. */
  revision: number;
  savedAt: Date;
  savedContent: ImplementationPlanContent;
  save: (input: SavePlanInput) => Promise<SavePlanResult>;
  /** The failure means the revision is stale or the plan can no longer be edited: do not retry. */
  isConflict: (error: unknown) => boolean;
  /** The failure may pass by itself (network, server busy): retry after `retryMs`. */
  isRetryable: (error: unknown) => boolean;
  messageOf: (error: unknown) => string;
  storage?: BackupStorage;
  delayMs?: number;
  retryMs?: number;
  now?: () => Date;
}

export class PlanAutosaver {
  private readonly options: PlanAutosaverOptions;
  private content: ImplementationPlanContent;
  private fingerprint: string;
  private savedFingerprint: string;
  private snapshotValue: AutosaveSnapshot;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(options: PlanAutosaverOptions) {
    this.options = options;
    this.content = options.savedContent;
    this.fingerprint = contentFingerprint(options.savedContent);
    this.savedFingerprint = this.fingerprint;
    this.snapshotValue = { status: "saved", savedAt: options.savedAt, revision: options.revision, error: null };
  }

  get snapshot(): AutosaveSnapshot {
    return this.snapshotValue;
  }

  /** Calls `listener` whenever the snapshot changes; answers the unsubscribe (the shape useSyncExternalStore takes). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** True while the form holds something the server does not. */
  get dirty(): boolean {
    return this.fingerprint !== this.savedFingerprint;
  }

  /** The form's content changed: back it up and save it after the pause. */
  update(content: ImplementationPlanContent): void {
    this.content = content;
    const fingerprint = contentFingerprint(content);
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    if (!this.dirty) {
      removeBackup(this.options.storage, this.options.backupKey);
      this.clearTimer();
      if (this.snapshotValue.status === "dirty" || this.snapshotValue.status === "error") this.set({ status: "saved", error: null });
      return;
    }
    this.backUp();
    if (this.snapshotValue.status === "conflict") return;
    if (this.snapshotValue.status !== "saving") this.set({ status: "dirty", error: null });
    this.schedule(this.options.delayMs ?? 1000);
  }

  /**
   * Saves now what is not saved yet, waiting for a save in flight first. True when the server holds the form's
   * content; false after a conflict or a failure (the backup keeps the content).
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

  /** The form goes away: no more timers; whatever is unsaved is in the backup (and a last save may be in flight). */
  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  /** The form is back (React mounts an effect again): timers may run, and anything unsaved is saved after the pause. */
  open(): void {
    this.closed = false;
    if (this.dirty && this.snapshotValue.status !== "conflict" && this.snapshotValue.status !== "saving") {
      this.schedule(this.options.delayMs ?? 1000);
    }
  }

  /** Keep the current content in the browser now (leaving the page), whatever the timers are doing. */
  backUpIfDirty(): void {
    if (this.dirty) this.backUp();
  }

  private async saveNow(): Promise<boolean> {
    const content = this.content;
    const fingerprint = this.fingerprint;
    this.set({ status: "saving", error: null });
    try {
      const result = await this.options.save({ planId: this.options.planId, baseRevision: this.snapshotValue.revision, content });
      this.savedFingerprint = fingerprint;
      const status: SaveStatus = this.dirty ? "dirty" : "saved";
      this.set({ status, revision: result.revision, savedAt: new Date(result.updatedAt), error: null });
      if (this.dirty) {
        // Typed while the save was on its way: back up on the new revision and save again after the pause.
        this.backUp();
        this.schedule(this.options.delayMs ?? 1000);
      } else {
        removeBackup(this.options.storage, this.options.backupKey);
      }
      return true;
    } catch (error) {
      if (this.options.isConflict(error)) {
        this.clearTimer();
        this.set({ status: "conflict", error: this.options.messageOf(error) });
      } else {
        this.set({ status: "error", error: this.options.messageOf(error) });
        if (this.options.isRetryable(error)) this.schedule(this.options.retryMs ?? 5000);
      }
      return false;
    }
  }

  private backUp(): void {
    writeBackup(this.options.storage, this.options.backupKey, {
      content: this.content,
      baseRevision: this.snapshotValue.revision,
      savedAt: (this.options.now?.() ?? new Date()).toISOString(),
    });
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

  private set(patch: Partial<AutosaveSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...patch };
    for (const listener of this.listeners) listener();
  }
}
