import { DOCUMENT_JOBS } from "./document-jobs";
import { SCHEDULED_JOBS } from "./scheduled-jobs";

export * from "./document-jobs";
export * from "./scheduled-jobs";

/** Every job the platform runs. */
export const JOB_DEFINITIONS = [...DOCUMENT_JOBS, ...SCHEDULED_JOBS] as const;
