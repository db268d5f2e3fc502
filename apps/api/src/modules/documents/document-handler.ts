import type { findExportForJob, TenantDb } from "@dtpilot/db";
import type { DocumentKind } from "@dtpilot/domain";
import type { z } from "zod";

/** The export record a document job fills in, as the job reads it: its county, the parameters fixed when asked, who asked. */
export type ExportRecord = NonNullable<Awaited<ReturnType<typeof findExportForJob>>> & { requestedById: string };

export interface GeneratedDocument {
  content: Uint8Array<ArrayBuffer>;
  /** The rows (enterprises, sub-industries…) the file lists, kept with its history. */
  rowCount: number;
}

export interface GenerationProgress {
  /** `done` of `total` steps (rows) are written: moves the progress from the loaded mark towards the stored file. */
  step(done: number, total: number): Promise<void>;
}

/** What one document needs written for it: the rest (scope, attempts, progress, check, storage, failures) is the kernel's. */
export interface DocumentHandlerDefinition<K extends DocumentKind, Schema extends z.ZodType, Loaded> {
  kind: K;
  /** The parameters its export record holds, fixed when the document was asked for. */
  parameters: Schema;
  /** Progress once loaded (0–90): how much of the work reading is. */
  loadedProgress: number;
  /**
   * Reads what the document shows, in one transaction of the export's county scope (row-level security and the
   * county team's rules apply). Null when what the record names is not the county's: the job then fails for good.
   */
  load(tenant: TenantDb, exportRecord: ExportRecord, parameters: z.output<Schema>): Promise<Loaded | null>;
  /** Builds the file from what was loaded, without touching the database. */
  generate(loaded: Loaded, progress: GenerationProgress): Promise<GeneratedDocument>;
}

/** A loaded document, ready to generate: what it read stays inside, so the kernel needs no type of it. */
export interface LoadedDocument {
  generate(progress: GenerationProgress): Promise<GeneratedDocument>;
}

/** One document kind's handler as the kernel runs it. */
export interface DocumentHandler<K extends DocumentKind = DocumentKind, Schema extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly parameters: Schema;
  readonly loadedProgress: number;
  load(tenant: TenantDb, exportRecord: ExportRecord): Promise<LoadedDocument | null>;
}

/**
 * A document: its kind, the parameters its record holds, a loader and a generator. Register it in
 * `document-registry.ts`; `documentJobHandlers` runs it.
 */
export function defineDocumentHandler<const K extends DocumentKind, Schema extends z.ZodType, Loaded>(
  definition: DocumentHandlerDefinition<K, Schema, Loaded>,
): DocumentHandler<K, Schema> {
  if (definition.loadedProgress < 0 || definition.loadedProgress > 90) throw new Error(`${definition.kind}: loadedProgress must be within 0–90`);
  return Object.freeze({
    kind: definition.kind,
    parameters: definition.parameters,
    loadedProgress: definition.loadedProgress,
    async load(tenant: TenantDb, exportRecord: ExportRecord): Promise<LoadedDocument | null> {
      const parameters: z.output<Schema> = definition.parameters.parse(exportRecord.parameters ?? {});
      const loaded = await definition.load(tenant, exportRecord, parameters);
      return loaded === null ? null : { generate: (progress) => definition.generate(loaded, progress) };
    },
  });
}
