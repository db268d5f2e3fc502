import { LIST_PAGE_SIZES, lastPage } from "@dtpilot/domain";
import { useTRPC } from "@dtpilot/data-access";
import { useQueries, useQuery } from "@tanstack/react-query";
import type { PilotEnterpriseView } from "./roster-types";

const PAGE_SIZE = LIST_PAGE_SIZES[LIST_PAGE_SIZES.length - 1]!;
const BY_NAME = { key: "name", direction: "ascend" } as const;

/**
 * Every entry of the roster, by name, read page by page (100 a page) — only while `enabled`: for the few places that
 * need entries beyond the page the table shows (naming the enterprise a change request removes, choosing one to remove).
 */
export function useWholeRoster(enabled: boolean): { entries: PilotEnterpriseView[] | undefined; isPending: boolean } {
  const trpc = useTRPC();
  const first = useQuery({ ...trpc.roster.listRoster.queryOptions({ sort: BY_NAME, page: 1, pageSize: PAGE_SIZE }), enabled });
  const pages = first.data ? lastPage(first.data.total, PAGE_SIZE) : 1;
  const rest = useQueries({
    queries: Array.from({ length: Math.max(0, pages - 1) }, (_, index) => ({
      ...trpc.roster.listRoster.queryOptions({ sort: BY_NAME, page: index + 2, pageSize: PAGE_SIZE }),
      enabled,
    })),
  });
  const loaded = first.data !== undefined && rest.every((page) => page.data !== undefined);
  return {
    entries: loaded ? [first.data, ...rest.map((page) => page.data!)].flatMap((page) => page!.entries) : undefined,
    isPending: enabled && !loaded,
  };
}
