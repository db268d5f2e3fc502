import { rosterExportJob } from "./roster-export";

export * from "./roster-export";

/** Every job the platform runs. */
export const JOB_DEFINITIONS = [rosterExportJob] as const;
