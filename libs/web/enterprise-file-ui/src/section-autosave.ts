/**
 * One section of an enterprise's file on the autosave kernel (@dtpilot/autosave): saved with the section's save
 * button, with optimistic concurrency, merging with whoever saved the section in between (the enterprise, its provider,
 * the county). What the writer typed is never dropped: it stays in the draft, and in the browser's backup until saved;
 * the backup keeps the version it was typed on, so that edits restored after someone else saved merge like any other.
 */
import {
  backupKey,
  browserStorage,
  useAutosave,
  type Autosave,
  type AutosaverOptions,
  type SaveAnswer,
  type ServerVersion,
} from "@dtpilot/autosave";
import { FILE_SECTION_SCHEMAS, mergeSectionEdits, type EnterpriseFile, type FileSectionKey } from "@dtpilot/domain";
import { useSignedInUserId, useTRPC, useTRPCClient } from "@dtpilot/data-access";
import { useQueryClient } from "@tanstack/react-query";
import { useFileTranslation } from "./file-i18n";
import { withServerStamps } from "./file-state";

/** One backup per user, enterprise and section. */
export function fileBackupKey(user: string | null | undefined, pilotEnterpriseId: string, section: FileSectionKey): string {
  return backupKey("file", user, pilotEnterpriseId, section);
}

/** Where a section's draft is backed up: with the version it was typed on, so that a restored draft merges. */
export function sectionBackup<S extends FileSectionKey>(
  user: string | null | undefined,
  pilotEnterpriseId: string,
  section: S,
): NonNullable<AutosaverOptions<EnterpriseFile[S]>["backup"]> {
  const schema = FILE_SECTION_SCHEMAS[section];
  return {
    key: fileBackupKey(user, pilotEnterpriseId, section),
    legacyKey: fileBackupKey(null, pilotEnterpriseId, section),
    parse: (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? (parsed.data as EnterpriseFile[S]) : null;
    },
    storage: browserStorage(),
    keepBase: true,
  };
}

export type SectionAutosave<S extends FileSectionKey> = Autosave<EnterpriseFile[S]>;

export function useSectionAutosave<S extends FileSectionKey>(
  pilotEnterpriseId: string,
  section: S,
  latest: ServerVersion<EnterpriseFile[S]>,
): SectionAutosave<S> {
  const { t } = useFileTranslation();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const userId = useSignedInUserId();
  const refreshFile = () => void queryClient.invalidateQueries({ queryKey: trpc.enterpriseFile.getEnterpriseFile.queryKey({ pilotEnterpriseId }) });
  // A save changes the file's completeness the roster lists show (stored with the entry): every page of them is stale.
  const refreshAfterSave = () => {
    refreshFile();
    void queryClient.invalidateQueries({ queryKey: trpc.roster.listRoster.pathKey() });
  };

  return useAutosave<EnterpriseFile[S]>(
    {
      server: latest,
      save: async ({ baseRevision, content }): Promise<SaveAnswer<EnterpriseFile[S]>> => {
        const result = await client.enterpriseFile.saveEnterpriseFileSection.mutate({ pilotEnterpriseId, section, baseRevision, content });
        if (result.ok) return { ok: true, revision: result.revision, updatedAt: result.updatedAt, content: result.content as EnterpriseFile[S] };
        const { conflict } = result;
        return {
          ok: false,
          conflict: {
            content: conflict.content as EnterpriseFile[S],
            revision: conflict.revision,
            updatedAt: conflict.updatedAt,
            updatedBy: conflict.updatedBy,
          },
        };
      },
      // A refusal is shown and the writer saves again; it may come from a change of who may edit (a provider
      // unlinked, the enterprise taken off the roster), so the file is fetched again.
      isConflict: () => false,
      isRetryable: () => false,
      messageOf: (error) => (error instanceof Error ? error.message : String(error)),
      merge: mergeSectionEdits,
      carryOver: (draft, saved) => withServerStamps(section, draft, saved),
      tooManyMergesMessage: () => t("save.tooManyConflicts"),
      backup: sectionBackup(userId, pilotEnterpriseId, section),
      delayMs: null,
      onSaved: refreshAfterSave,
      onFailed: refreshFile,
    },
    latest,
  );
}
