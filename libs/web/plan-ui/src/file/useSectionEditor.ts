/**
 * One section of an enterprise's file being edited: the draft, the server version it was typed on, saving with
 * optimistic concurrency, and merging with whoever saved the section in between (the enterprise, its provider, the
 * county). What the writer typed is never dropped: it stays in the draft, and in the browser's backup until saved.
 */
import { mergeSectionEdits, type EnterpriseFile, type FileSectionKey, type MergeConflict } from "@dtpilot/domain";
import { useTRPC, useTRPCClient } from "@dtpilot/ui";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { removeSectionBackup, startingPoint, writeSectionBackup } from "./file-backup";
import { useFileTranslation } from "./file-i18n";
import { resolveConflicts, sameContent, withServerStamps, type MergeChoice } from "./file-state";

/** A section as the server holds it. `updatedBy` undefined: saved from this page a moment ago. */
export interface ServerVersion<S extends FileSectionKey> {
  content: EnterpriseFile[S];
  revision: number;
  updatedAt: Date | string | null;
  updatedBy: string | null | undefined;
}

/** Edits both sides made to the same field or item, for the writer to settle; the rest is merged already. */
export interface PendingMerge<S extends FileSectionKey> {
  theirs: ServerVersion<S>;
  merged: EnterpriseFile[S];
  conflicts: MergeConflict[];
  choices: MergeChoice[];
}

export type SectionNotice =
  | { kind: "merged"; by: string | null | undefined; at: Date | string | null }
  | { kind: "restored"; at: string };

export type SectionPhase = "idle" | "saving" | "conflict" | "error";

/** Saves in a row that may meet a newer version (each merged without conflicts) before giving up for now. */
const MAX_SAVE_ATTEMPTS = 3;

export interface SectionEditor<S extends FileSectionKey> {
  section: S;
  draft: EnterpriseFile[S];
  server: ServerVersion<S>;
  dirty: boolean;
  phase: SectionPhase;
  error: string | null;
  merge: PendingMerge<S> | null;
  notice: SectionNotice | null;
  change: (update: (content: EnterpriseFile[S]) => EnterpriseFile[S]) => void;
  save: () => Promise<void>;
  choose: (index: number, choice: MergeChoice) => void;
  applyMerge: () => Promise<void>;
  dismissNotice: () => void;
}

export function useSectionEditor<S extends FileSectionKey>(
  pilotId: string,
  section: S,
  initial: ServerVersion<S>,
): SectionEditor<S> {
  const { t } = useFileTranslation();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [start] = useState(() => startingPoint(pilotId, section, initial));
  const [server, setServerState] = useState<ServerVersion<S>>(() =>
    start.base.revision === initial.revision ? initial : { ...start.base, updatedAt: null, updatedBy: null },
  );
  const [draft, setDraftState] = useState<EnterpriseFile[S]>(start.draft);
  const [phase, setPhase] = useState<SectionPhase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [merge, setMerge] = useState<PendingMerge<S> | null>(null);
  const [notice, setNotice] = useState<SectionNotice | null>(start.restoredAt ? { kind: "restored", at: start.restoredAt } : null);
  const serverRef = useRef(server);
  const draftRef = useRef(draft);
  const busy = useRef(false);

  const setServer = useCallback((next: ServerVersion<S>) => {
    serverRef.current = next;
    setServerState(next);
  }, []);
  const setDraft = useCallback((next: EnterpriseFile[S]) => {
    draftRef.current = next;
    setDraftState(next);
  }, []);
  const change = useCallback(
    (update: (content: EnterpriseFile[S]) => EnterpriseFile[S]) => setDraft(update(draftRef.current)),
    [setDraft],
  );

  const dirty = !sameContent(draft, server.content);

  // The browser's copy: the draft and the version it was typed on, while they differ.
  useEffect(() => {
    if (sameContent(draft, server.content)) removeSectionBackup(pilotId, section);
    else {
      writeSectionBackup(pilotId, section, {
        content: draft,
        base: { content: server.content, revision: server.revision },
        savedAt: new Date().toISOString(),
      });
    }
  }, [pilotId, section, draft, server]);

  // A newer version loaded (the file was fetched again) replaces an untouched draft; a touched one merges at saving.
  useEffect(() => {
    const local = serverRef.current;
    if (busy.current || initial.revision <= local.revision || !sameContent(draftRef.current, local.content)) return;
    setServer(initial);
    setDraft(initial.content);
  }, [initial, setServer, setDraft]);

  const refreshFile = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: trpc.enterpriseFile.getEnterpriseFile.queryKey({ pilotId }) }),
    [queryClient, trpc, pilotId],
  );

  const saveFrom = useCallback(
    async (first: EnterpriseFile[S], firstBase: ServerVersion<S>) => {
      if (busy.current) return;
      busy.current = true;
      setPhase("saving");
      setError(null);
      let sending = first;
      let base = firstBase;
      try {
        for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
          const result = await client.enterpriseFile.saveEnterpriseFileSection.mutate({ pilotId, section, baseRevision: base.revision, content: sending });
          if (result.ok) {
            const saved = result.content as EnterpriseFile[S];
            setServer({ content: saved, revision: result.revision, updatedAt: result.updatedAt, updatedBy: undefined });
            // Typing that went on during the save stays; it only takes what the platform stamped on the saved items.
            setDraft(sameContent(draftRef.current, sending) ? saved : withServerStamps(section, draftRef.current, saved));
            setPhase("idle");
            refreshFile();
            return;
          }
          const theirs: ServerVersion<S> = {
            content: result.conflict.content as EnterpriseFile[S],
            revision: result.conflict.revision,
            updatedAt: result.conflict.updatedAt,
            updatedBy: result.conflict.updatedBy,
          };
          const { merged, conflicts } = mergeSectionEdits(base.content, draftRef.current, theirs.content);
          if (conflicts.length > 0) {
            // The base stays the version the draft was typed on until the writer has chosen, so a reload meanwhile
            // restores the draft and merges again rather than overwriting theirs.
            setMerge({ theirs, merged, conflicts, choices: conflicts.map(() => "theirs") });
            setPhase("conflict");
            return;
          }
          setNotice({ kind: "merged", by: theirs.updatedBy, at: theirs.updatedAt });
          setServer(theirs);
          setDraft(merged);
          sending = merged;
          base = theirs;
        }
        setPhase("error");
        setError(t("save.tooManyConflicts"));
      } catch (caught) {
        setPhase("error");
        setError(caught instanceof Error ? caught.message : String(caught));
        // The refusal may come from a change of who may edit (a provider unlinked, the enterprise taken off the roster).
        refreshFile();
      } finally {
        busy.current = false;
      }
    },
    [client, pilotId, section, setServer, setDraft, refreshFile, t],
  );

  const save = useCallback(() => saveFrom(draftRef.current, serverRef.current), [saveFrom]);

  const choose = useCallback((index: number, choice: MergeChoice) => {
    setMerge((current) => (current ? { ...current, choices: current.choices.map((old, at) => (at === index ? choice : old)) } : current));
  }, []);

  const applyMerge = useCallback(async () => {
    if (!merge) return;
    const resolved = resolveConflicts(merge.merged, merge.conflicts, merge.choices);
    setMerge(null);
    setNotice(null);
    setServer(merge.theirs);
    setDraft(resolved);
    await saveFrom(resolved, merge.theirs);
  }, [merge, saveFrom, setServer, setDraft]);

  const dismissNotice = useCallback(() => setNotice(null), []);

  return { section, draft, server, dirty, phase, error, merge, notice, change, save, choose, applyMerge, dismissNotice };
}
