import { threeWayMerge, type MergeResult } from "../merge/three-way-merge";

/**
 * Three-way merge of a section edited concurrently (`base` both started from, `mine` being saved, `theirs` saved
 * since): the platform's one merge rule (threeWayMerge) — needs, indicators and evaluations merge item by item by id.
 */
export function mergeSectionEdits<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  return threeWayMerge(base, mine, theirs);
}
