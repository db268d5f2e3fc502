import type { EnterpriseFile, FileEditor, FileFieldError, FileSectionKey, FileWriter } from "@dtpilot/domain";
import type { AppTRPCClient } from "@dtpilot/data-access";

/** An enterprise's file as `enterpriseFile.getEnterpriseFile` answers it: the roster entry, the file, each section's revision and editability. */
export type FileView = Awaited<ReturnType<AppTRPCClient["enterpriseFile"]["getEnterpriseFile"]["query"]>>;

/** One section's revision, last writer, and whether the caller may edit it now (and if not, why, in the guide's words). */
export type FileSectionMeta = FileView["sections"][FileSectionKey];

/** The roster row of the enterprise (name, credit code, 细分行业, linked providers, completeness). */
export type FileEntryView = FileView["entry"];

/** What a section form gets: its content, how to change it, its errors by path, and whether it is read-only. */
export interface SectionFormProps<S extends FileSectionKey> {
  value: EnterpriseFile[S];
  onChange: (update: (content: EnterpriseFile[S]) => EnterpriseFile[S]) => void;
  errors: ReadonlyMap<string, readonly FileFieldError[]>;
  readOnly: boolean;
  entry: FileEntryView;
  /** Who is editing: the author shown on need items not saved yet. */
  writer: FileWriter | undefined;
  /** Need items (by id) already saved, whose author the server recorded. */
  savedIds: ReadonlySet<string>;
  /** Who the caller writes as (null: not a writer): others' saved items are shown read-only. */
  editor: FileEditor | null;
}
