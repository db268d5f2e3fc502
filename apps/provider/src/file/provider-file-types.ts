import type { AppTRPCClient } from "@dtpilot/data-access";

/** What roster.listRoster answers a provider for one county it serves: the county and the enterprises it is linked to. */
export type ProviderRosterView = Awaited<ReturnType<AppTRPCClient["roster"]["listRoster"]["query"]>>;

/** One enterprise the provider serves, with the county it is in (from that county's roster). */
export type ServedEnterprise = ProviderRosterView["entries"][number] & { county: ProviderRosterView["county"] };
