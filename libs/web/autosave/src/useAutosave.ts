import type { MergeChoice } from "@dtpilot/domain";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import type { DraftBackup } from "./backup-store";
import { Autosaver, type AutosaverOptions, type AutosaveSnapshot, type ServerVersion } from "./autosaver";

export interface Autosave<T> extends AutosaveSnapshot<T> {
  dirty: boolean;
  /** Changes the draft from its latest value (safe across several changes in one event). */
  change: (update: (draft: T) => T) => void;
  /** Saves what is not saved yet; true when the server holds the draft. */
  flush: () => Promise<boolean>;
  choose: (index: number, choice: MergeChoice) => void;
  applyMerge: () => Promise<boolean>;
  restoreOffered: (backup: DraftBackup<T>) => void;
  discardOffered: () => void;
  dismissNotice: () => void;
  discardBackup: () => void;
}

/**
 * Autosaved editing of one record (see Autosaver). With a save delay it also saves when the tab is hidden or loses
 * focus, when the page is left, and when the form goes away; the browser backup covers what such a last save cannot
 * send. `latest` is the server's version as last fetched: a newer one replaces an untouched draft.
 */
export function useAutosave<T>(options: AutosaverOptions<T>, latest?: ServerVersion<T>): Autosave<T> {
  const [saver] = useState(() => new Autosaver(options));
  const snapshot = useSyncExternalStore(saver.subscribe, () => saver.snapshot);
  const saveOnLeave = options.delayMs !== null;

  useEffect(() => {
    if (latest) saver.serverChanged(latest);
  }, [saver, latest]);

  useEffect(() => {
    saver.open();
    if (!saveOnLeave) return () => saver.close();
    const saveNow = () => void saver.flush();
    const onLeave = () => {
      saver.backUpIfDirty();
      saveNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onLeave();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("blur", saveNow);
    window.addEventListener("pagehide", onLeave);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("blur", saveNow);
      window.removeEventListener("pagehide", onLeave);
      window.removeEventListener("beforeunload", onLeave);
      // Leaving the form inside the app: one last save, no more timers; the backup stays until the server has it.
      saver.close();
      saveNow();
    };
  }, [saver, saveOnLeave]);

  const change = useCallback((update: (draft: T) => T) => saver.update(update(saver.snapshot.draft)), [saver]);
  const flush = useCallback(() => saver.flush(), [saver]);
  const choose = useCallback((index: number, choice: MergeChoice) => saver.choose(index, choice), [saver]);
  const applyMerge = useCallback(() => saver.applyMerge(), [saver]);
  const restoreOffered = useCallback((backup: DraftBackup<T>) => saver.restoreOffered(backup), [saver]);
  const discardOffered = useCallback(() => saver.discardOffered(), [saver]);
  const dismissNotice = useCallback(() => saver.dismissNotice(), [saver]);
  const discardBackup = useCallback(() => saver.discardBackup(), [saver]);

  return {
    ...snapshot,
    dirty: saver.dirty,
    change,
    flush,
    choose,
    applyMerge,
    restoreOffered,
    discardOffered,
    dismissNotice,
    discardBackup,
  };
}
