import type { ImplementationPlanContent } from "@dtpilot/domain";
import { useTRPCClient } from "@dtpilot/data-access";
import { apiErrorCode } from "@dtpilot/ui";
import { useEffect, useState, useSyncExternalStore } from "react";
import { browserStorage } from "./plan-backup";
import { PlanAutosaver, type AutosaveSnapshot } from "./plan-autosaver";

/** Codes after which the same save may succeed later; no code at all is a network failure. */
const RETRYABLE_CODES = new Set(["INTERNAL_SERVER_ERROR", "TOO_MANY_REQUESTS", "TIMEOUT", "SERVICE_UNAVAILABLE"]);

export interface AutosaveOpening {
  planId: string;
  backupKey: string;
  revision: number;
  savedAt: Date;
  /** What the server holds; when the form opens with a restored backup, its content differs and is saved shortly. */
  savedContent: ImplementationPlanContent;
}

export interface Autosave {
  snapshot: AutosaveSnapshot;
  /** Saves what is not saved yet; true when the server holds the form's content. */
  flush: () => Promise<boolean>;
  /** The revision the form stands on (for submitting exactly what was saved). */
  revision: () => number;
}

/**
 * Autosaves `content` through plan.savePlan (see PlanAutosaver). Also saves when the tab is hidden or loses focus,
 * when the page is left, and when the form goes away; the browser backup covers what such a last save cannot send.
 */
export function useAutosave(opening: AutosaveOpening, content: ImplementationPlanContent): Autosave {
  const client = useTRPCClient();
  const [saver] = useState(
    () =>
      new PlanAutosaver({
        ...opening,
        save: (input) => client.plan.savePlan.mutate(input),
        isConflict: (error) => apiErrorCode(error) === "CONFLICT",
        isRetryable: (error) => {
          const code = apiErrorCode(error);
          return code === undefined || RETRYABLE_CODES.has(code);
        },
        messageOf: (error) => (error instanceof Error ? error.message : String(error)),
        storage: browserStorage(),
      }),
  );
  const snapshot = useSyncExternalStore(saver.subscribe, () => saver.snapshot);

  useEffect(() => {
    saver.update(content);
  }, [saver, content]);

  useEffect(() => {
    saver.open();
    const saveNow = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onLeave();
    };
    const onLeave = () => {
      saver.backUpIfDirty();
      saveNow();
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
  }, [saver]);

  return { snapshot, flush: () => saver.flush(), revision: () => saver.snapshot.revision };
}
