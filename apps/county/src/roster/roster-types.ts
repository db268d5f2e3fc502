import type { AppTRPCClient } from "@dtpilot/data-access";

/** What roster.listRoster answers: the county, batch, frozen flag, the plan's sub-industries, entries, counts and targets. */
export type RosterView = Awaited<ReturnType<AppTRPCClient["roster"]["listRoster"]["query"]>>;
/** One row of the roster 试点企业改造名单, with its file's completeness. */
export type PilotEnterpriseView = RosterView["entries"][number];
/** The plan's targets against the enrolled enterprises (null before the plan has a data table). */
export type RosterTargets = NonNullable<RosterView["targets"]>;
/** What roster.importRoster answers: the number imported, or every problem with its row and column (then none imported). */
export type RosterImportAnswer = Awaited<ReturnType<AppTRPCClient["roster"]["importRoster"]["mutate"]>>;
export type RosterImportProblem = RosterImportAnswer["errors"][number];
