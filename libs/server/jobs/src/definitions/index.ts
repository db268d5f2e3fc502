import { enterpriseFileDocumentJob } from "./enterprise-file-document";
import { planDocumentJob } from "./plan-document";
import { rosterExportJob } from "./roster-export";

export * from "./enterprise-file-document";
export * from "./plan-document";
export * from "./roster-export";

/** Every job the platform runs. */
export const JOB_DEFINITIONS = [rosterExportJob, planDocumentJob, enterpriseFileDocumentJob] as const;
