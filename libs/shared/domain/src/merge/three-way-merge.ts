/**
 * Three-way merge of plain JSON values edited concurrently, field by field: `base` is the version both sides started
 * from, `theirs` the version saved since, `mine` the edit being saved. Used by every autosaved draft (the enterprise
 * file's sections, and any record edited by several writers) so that one rule decides what merges and what conflicts.
 */

export type MergeConflictKind = "BOTH_CHANGED" | "DELETED_BY_MINE" | "DELETED_BY_THEIRS";

/**
 * Two edits that cannot both stand. `path` uses property names and, inside lists, item ids (indexes differ between
 * versions). A deleted item is null on the side that deleted it.
 */
export interface MergeConflict {
  path: readonly string[];
  kind: MergeConflictKind;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
}

/** The writer's pick for one conflict: keep their own edit, or take the version saved since. */
export type MergeChoice = "mine" | "theirs";

type Item = { id: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list whose entries carry a string `id`: merged entry by entry, not as one value. */
function isItemList(value: unknown): value is Item[] {
  return Array.isArray(value) && value.every((entry) => isPlainObject(entry) && typeof entry.id === "string");
}

/** Structural equality of JSON values; object keys in any order. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((entry, index) => jsonEqual(entry, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => jsonEqual(a[key], b[key]));
  }
  return false;
}

/** Ids of `side` that are also in `base`, in `side`'s order, compared with their order in `base`. */
function reordered(base: readonly Item[], side: readonly Item[]): boolean {
  const baseIds = new Set(base.map((item) => item.id));
  const sideIds = new Set(side.map((item) => item.id));
  const common = side.map((item) => item.id).filter((id) => baseIds.has(id));
  const baseOrder = base.map((item) => item.id).filter((id) => sideIds.has(id));
  return !jsonEqual(common, baseOrder);
}

function mergeItemLists(
  base: readonly Item[],
  mine: readonly Item[],
  theirs: readonly Item[],
  path: readonly string[],
  conflicts: MergeConflict[],
): Item[] {
  const byId = (items: readonly Item[]) => new Map(items.map((item) => [item.id, item]));
  const [baseById, mineById, theirsById] = [byId(base), byId(mine), byId(theirs)];
  const kept = new Map<string, Item>();

  for (const id of new Set([...baseById.keys(), ...mineById.keys(), ...theirsById.keys()])) {
    const [b, m, t] = [baseById.get(id), mineById.get(id), theirsById.get(id)];
    const at = [...path, id];
    if (m && t) {
      const mineChanged = !jsonEqual(b, m);
      const theirsChanged = !jsonEqual(b, t);
      if (mineChanged && theirsChanged && !jsonEqual(m, t)) {
        conflicts.push({ path: at, kind: "BOTH_CHANGED", mine: m, theirs: t });
        kept.set(id, t);
      } else {
        kept.set(id, mineChanged ? m : t);
      }
    } else if (m) {
      // Absent from theirs: added by mine, or deleted by theirs.
      if (!b) kept.set(id, m);
      else if (!jsonEqual(b, m)) {
        conflicts.push({ path: at, kind: "DELETED_BY_THEIRS", mine: m, theirs: null });
        kept.set(id, m);
      }
    } else if (t) {
      if (!b) kept.set(id, t);
      else if (!jsonEqual(b, t)) {
        conflicts.push({ path: at, kind: "DELETED_BY_MINE", mine: null, theirs: t });
        kept.set(id, t);
      }
    }
  }

  // Order: the side that reordered (theirs when both did) sets the skeleton; the other side's items go in after their
  // predecessor on that side, behind any items the skeleton side added there.
  const mineFirst = !reordered(base, theirs) && reordered(base, mine);
  const [skeleton, other] = mineFirst ? [mine, theirs] : [theirs, mine];
  const baseIds = new Set(baseById.keys());
  const otherIds = new Set(other.map((item) => item.id));
  const order = skeleton.map((item) => item.id).filter((id) => kept.has(id));
  let anchor = -1;
  for (const { id } of other) {
    if (!kept.has(id)) continue;
    const at = order.indexOf(id);
    if (at >= 0) {
      anchor = at;
      continue;
    }
    let insertAt = anchor + 1;
    while (insertAt < order.length && !baseIds.has(order[insertAt]!) && !otherIds.has(order[insertAt]!)) insertAt++;
    order.splice(insertAt, 0, id);
    anchor = insertAt;
  }
  return order.map((id) => kept.get(id)!);
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown, path: readonly string[], conflicts: MergeConflict[]): unknown {
  if (jsonEqual(mine, theirs)) return mine;
  if (jsonEqual(base, mine)) return theirs;
  if (jsonEqual(base, theirs)) return mine;
  // Both sides changed this value, differently: look inside lists of items and objects before calling it a conflict.
  if (isItemList(base) && isItemList(mine) && isItemList(theirs)) {
    return mergeItemLists(base, mine, theirs, path, conflicts);
  }
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      merged[key] = mergeValue(base[key], mine[key], theirs[key], [...path, key], conflicts);
    }
    return merged;
  }
  conflicts.push({ path, kind: "BOTH_CHANGED", mine, theirs });
  return theirs;
}

/**
 * Lists of items (entries with a string `id`) merge by id: both sides' new items are kept; an item one side changed
 * takes that change; an item both changed differently, or one side deleted while the other changed it, is a conflict.
 * Objects merge key by key. Any other value: one side's change is taken; different changes on both sides conflict.
 * At a conflict `merged` holds theirs (already saved), except that a changed item is kept rather than deleted, so
 * nobody's work disappears before the writer has settled the conflict (see resolveMerge).
 */
export function threeWayMerge<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: MergeConflict[] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts) as T;
  return { merged, conflicts };
}

/** `value` at `path` of `node`: property names, and item ids inside lists; null for a list item removes it. */
function setAtPath(node: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node)) {
    const index = node.findIndex((item) => isPlainObject(item) && item.id === head);
    if (rest.length === 0) {
      if (value === null) return index < 0 ? node : node.filter((_, at) => at !== index);
      return index < 0 ? [...node, value] : node.map((item, at) => (at === index ? value : item));
    }
    return index < 0 ? node : node.map((item, at) => (at === index ? setAtPath(item, rest, value) : item));
  }
  if (isPlainObject(node)) return { ...node, [head]: setAtPath(node[head], rest, value) };
  return node;
}

/**
 * The merged content with each conflict settled as chosen: “mine” puts the writer's value (or removes an item they
 * deleted), “theirs” puts the saved version's (or removes an item the other side deleted). Conflicts without a choice
 * take theirs.
 */
export function resolveMerge<T>(merged: T, conflicts: readonly MergeConflict[], choices: readonly MergeChoice[]): T {
  return conflicts.reduce<unknown>((content, conflict, index) => {
    const choice = choices[index] ?? "theirs";
    return setAtPath(content, conflict.path, choice === "mine" ? conflict.mine : conflict.theirs);
  }, merged) as T;
}
