/**
 * The plan form on the autosave kernel (@dtpilot/autosave): a plan version's content saved through plan.savePlan a
 * second after the last change, backed up in the browser per user and plan version. A stale revision or a plan that
 * can no longer be edited stops saving (the county reloads and may restore its edits: there is no merge of plans).
 */
import { backupKey, browserStorage, draftFingerprint, type AutosaverOptions, type BackupStorage, type SaveAnswer } from "@dtpilot/autosave";
import { implementationPlanContentSchema, type ImplementationPlanContent } from "@dtpilot/domain";
import { apiErrorCode } from "@dtpilot/ui";

/** Codes after which the same save may succeed later; no code at all is a network failure. */
const RETRYABLE_CODES = new Set(["INTERNAL_SERVER_ERROR", "TOO_MANY_REQUESTS", "TIMEOUT", "SERVICE_UNAVAILABLE"]);

/** One backup per user and plan version. */
export function planBackupKey(user: string | null | undefined, planId: string, versionNumber: number): string {
  return backupKey("plan", user, planId, `v${versionNumber}`);
}

export function parsePlanContent(value: unknown): ImplementationPlanContent | null {
  const parsed = implementationPlanContentSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Equal for contents holding the same values. The content goes through its schema first, so what the editor adds and
 * the server drops (attributes the plan does not use) does not count as a difference.
 */
export function planFingerprint(content: ImplementationPlanContent): string {
  return draftFingerprint(parsePlanContent(content) ?? content);
}

export interface PlanAutosaveSetup {
  planId: string;
  backupKey: string;
  /** The version's backup key before backups were keyed by user (planBackupKey(null, …)). */
  legacyBackupKey?: string;
  revision: number;
  savedAt: Date;
  savedContent: ImplementationPlanContent;
  save: (input: { planId: string; baseRevision: number; content: ImplementationPlanContent }) => Promise<{ revision: number; updatedAt: Date }>;
  isConflict?: (error: unknown) => boolean;
  isRetryable?: (error: unknown) => boolean;
  storage?: BackupStorage;
  delayMs?: number;
  retryMs?: number;
}

export function planAutosaveOptions(setup: PlanAutosaveSetup): AutosaverOptions<ImplementationPlanContent> {
  return {
    server: { content: setup.savedContent, revision: setup.revision, updatedAt: setup.savedAt },
    save: async ({ baseRevision, content }): Promise<SaveAnswer<ImplementationPlanContent>> => {
      const result = await setup.save({ planId: setup.planId, baseRevision, content });
      return { ok: true, revision: result.revision, updatedAt: result.updatedAt };
    },
    isConflict: setup.isConflict ?? ((error) => apiErrorCode(error) === "CONFLICT"),
    isRetryable:
      setup.isRetryable ??
      ((error) => {
        const code = apiErrorCode(error);
        return code === undefined || RETRYABLE_CODES.has(code);
      }),
    messageOf: (error) => (error instanceof Error ? error.message : String(error)),
    backup: { key: setup.backupKey, legacyKey: setup.legacyBackupKey, parse: parsePlanContent, storage: setup.storage ?? browserStorage() },
    fingerprint: planFingerprint,
    delayMs: setup.delayMs ?? 1000,
    retryMs: setup.retryMs ?? 5000,
  };
}
