/**
 * The roster's memo of each file's completeness (PilotEnterprise.filePercentage, fileComplete, fileCompleteness,
 * fileCompletenessVersion): always the domain's fileCompletenessSummary of the stored file under
 * FILE_COMPLETENESS_VERSION. Written with the enrolment (the empty file), with every section saved, by the seeds, and by
 * the backfill for rows of an older version.
 */
import {
  emptyEnterpriseFile,
  FILE_COMPLETENESS_VERSION,
  fileCompletenessSummary,
  fileFromStoredSections,
  type FileCompletenessSummary,
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

/** The summary of a file as stored: its saved sections, each read through its schema. */
export function storedFileCompleteness(sections: readonly { section: StoredFileSection; content: unknown }[]): FileCompletenessSummary {
  return fileCompletenessSummary(fileFromStoredSections(sections));
}

/** A new entry's columns: its file has no section saved yet. */
export function emptyFileCompletenessColumns(): FileCompletenessColumns {
  return fileCompletenessColumns(fileCompletenessSummary(emptyEnterpriseFile()));
}
