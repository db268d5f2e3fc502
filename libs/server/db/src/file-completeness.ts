/**
 * The roster's memo of each file's completeness (PilotEnterprise.filePercentage, fileComplete, fileCompleteness,
 * fileCompletenessVersion): always the domain's fileCompletenessSummary of the stored file with the entry's roster fields
 * in section 一 (as the file page shows it), under FILE_COMPLETENESS_VERSION. Written with the enrolment (the empty file), with every section saved, by the seeds, and by
 * the backfill for rows of an older version.
 */
import {
  emptyEnterpriseFile,
  FILE_COMPLETENESS_VERSION,
  fileCompletenessSummary,
  fileFromStoredSections,
  fileWithRosterFields,
  rosterFieldsOf,
  type FileCompletenessSummary,
  type RosterEntryFields,
  type StoredFileSection,
} from "@dtpilot/domain";
import type { Prisma } from "./generated/prisma/client";

export interface FileCompletenessColumns {
  filePercentage: number;
  fileComplete: boolean;
  fileCompleteness: Prisma.InputJsonObject;
  fileCompletenessVersion: number;
}

/** The columns that store a summary. */
export function fileCompletenessColumns(summary: FileCompletenessSummary): FileCompletenessColumns {
  return {
    filePercentage: summary.percentage,
    fileComplete: summary.complete,
    fileCompleteness: summary.sections,
    fileCompletenessVersion: FILE_COMPLETENESS_VERSION,
  };
}

/** The summary of a file as stored: its saved sections, each read through its schema, with the entry's roster fields. */
export function storedFileCompleteness(
  sections: readonly { section: StoredFileSection; content: unknown }[],
  entry: RosterEntryFields,
): FileCompletenessSummary {
  return fileCompletenessSummary(fileWithRosterFields(fileFromStoredSections(sections), rosterFieldsOf(entry)));
}

/** A new entry's columns: its file has no section saved yet, only the roster's fields. */
export function emptyFileCompletenessColumns(entry: RosterEntryFields): FileCompletenessColumns {
  return fileCompletenessColumns(fileCompletenessSummary(fileWithRosterFields(emptyEnterpriseFile(), rosterFieldsOf(entry))));
}
