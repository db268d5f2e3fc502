import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { rosterQueryFromSearch, searchWithRosterQuery, type RosterTableQuery } from "./roster-filters";

/**
 * The roster table's filters, order and page, read from and written to the URL's search parameters: a new entry in
 * the browser's history for each change (back returns to the previous page or filter), replaced where asked.
 */
export function useRosterQuery(): [RosterTableQuery, (next: RosterTableQuery, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => rosterQueryFromSearch(params), [params]);
  const setQuery = useCallback(
    (next: RosterTableQuery, options?: { replace?: boolean }) => setParams((current) => searchWithRosterQuery(current, next), options),
    [setParams],
  );
  return [query, setQuery];
}
