import { RosterExport } from "../roster/RosterExport";
import { RosterPage } from "../roster/RosterPage";

/** 试点企业改造名单 (/county/enterprises): the roster, then the roster export job with its history. */
export function EnterprisesPage({ basePath }: { basePath: string }) {
  return (
    <RosterPage basePath={basePath}>
      <RosterExport />
    </RosterPage>
  );
}
