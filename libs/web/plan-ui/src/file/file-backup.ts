/**
 * The browser's own copy of a section's unsaved edits (localStorage, one per enterprise and section), so a closed tab,
 * a reload or a lost connection loses nothing the writer typed. It keeps the version the edits were typed on (content
 * and revision), so that edits restored after someone else saved are merged with theirs like any concurrent edit.
 */
import { FILE_SECTION_SCHEMAS, type EnterpriseFile, type FileSectionKey } from "@dtpilot/domain";
import { sameContent } from "./file-state";

export interface SectionBackup<S extends FileSectionKey> {
  content: EnterpriseFile[S];
  /** The server version the edits were typed on. */
  base: { content: EnterpriseFile[S]; revision: number };
  /** When the backup was written (ISO 8601, the browser's clock). */
  savedAt: string;
}

export function fileBackupKey(pilotId: string, section: FileSectionKey): string {
  return `dtpilot.file-backup.${pilotId}.${section}`;
}

function storage(): Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The backup of a section, or null when there is none or it cannot be read (an older shape, a damaged entry). */
export function readSectionBackup<S extends FileSectionKey>(pilotId: string, section: S): SectionBackup<S> | null {
  try {
    const raw = storage()?.getItem(fileBackupKey(pilotId, section));
    if (!raw) return null;
    const value = JSON.parse(raw) as { content?: unknown; base?: { content?: unknown; revision?: unknown }; savedAt?: unknown };
    const schema = FILE_SECTION_SCHEMAS[section];
    const content = schema.safeParse(value.content);
    const base = schema.safeParse(value.base?.content);
    const revision = value.base?.revision;
    if (!content.success || !base.success || typeof revision !== "number" || typeof value.savedAt !== "string") return null;
    return {
      content: content.data as EnterpriseFile[S],
      base: { content: base.data as EnterpriseFile[S], revision },
      savedAt: value.savedAt,
    };
  } catch {
    return null;
  }
}

export function writeSectionBackup<S extends FileSectionKey>(pilotId: string, section: S, backup: SectionBackup<S>): void {
  try {
    storage()?.setItem(fileBackupKey(pilotId, section), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the edits stay in the page's state until saved.
  }
}

export function removeSectionBackup(pilotId: string, section: FileSectionKey): void {
  try {
    storage()?.removeItem(fileBackupKey(pilotId, section));
  } catch {
    // A backup that cannot be removed is dropped at the next load, when it equals the server's content.
  }
}

/**
 * Where a section's editor starts: the server's version, or a backup of edits not saved yet (on top of the version
 * they were typed on, which may be older than the server's: saving then merges). A backup equal to the server's
 * content is dropped.
 */
export function startingPoint<S extends FileSectionKey>(
  pilotId: string,
  section: S,
  server: { content: EnterpriseFile[S]; revision: number },
): { base: { content: EnterpriseFile[S]; revision: number }; draft: EnterpriseFile[S]; restoredAt: string | null } {
  const backup = readSectionBackup(pilotId, section);
  if (!backup || sameContent(backup.content, server.content)) {
    if (backup) removeSectionBackup(pilotId, section);
    return { base: server, draft: server.content, restoredAt: null };
  }
  const base = backup.base.revision === server.revision ? server : backup.base;
  return { base, draft: backup.content, restoredAt: backup.savedAt };
}
