/**
 * The file editor's state changes as pure functions: comparing contents, placing validation errors, and applying the
 * writer's choices to a three-way merge (mergeSectionEdits in @dtpilot/domain does the merge itself).
 */
import {
  DIRECTIONS,
  type EnterpriseFile,
  type FileFieldError,
  type FileFieldPath,
  type FileSectionKey,
  type MergeConflict,
  type NeedsSection,
} from "@dtpilot/domain";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether two contents hold the same values. Object keys may come in any order (the database's JSON reorders them);
 * a missing key and null are the same (a schema fills the one with the other).
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, index) => sameContent(entry, b[index]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameContent(a[key], b[key]));
  }
  return false;
}

/** A field's path within its section as the test ids and error lookups write it: "indicators.COST_REDUCTION.0.before". */
export function pathKey(path: FileFieldPath): string {
  return path.join(".");
}

/** The validation errors of a section by field path. */
export function errorsByPath(errors: readonly FileFieldError[]): Map<string, FileFieldError[]> {
  const byPath = new Map<string, FileFieldError[]>();
  for (const error of errors) {
    const key = pathKey(error.path);
    byPath.set(key, [...(byPath.get(key) ?? []), error]);
  }
  return byPath;
}

/** The writer's pick for one conflict: keep their own edit, or take the version saved since (the default). */
export type MergeChoice = "mine" | "theirs";

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
export function resolveConflicts<T>(merged: T, conflicts: readonly MergeConflict[], choices: readonly MergeChoice[]): T {
  return conflicts.reduce<unknown>((content, conflict, index) => {
    const choice = choices[index] ?? "theirs";
    return setAtPath(content, conflict.path, choice === "mine" ? conflict.mine : conflict.theirs);
  }, merged) as T;
}

/**
 * What the platform stamps on a saved section, carried into a draft typed on while the save was on its way: the
 * roster's fields of 一, and who wrote each need of 二.
 */
export function withServerStamps<S extends FileSectionKey>(section: S, draft: EnterpriseFile[S], saved: EnterpriseFile[S]): EnterpriseFile[S] {
  if (section === "basic") {
    const { enterpriseName, creditCode, cityAndCounty } = saved as EnterpriseFile["basic"];
    return { ...(draft as EnterpriseFile["basic"]), enterpriseName, creditCode, cityAndCounty } as EnterpriseFile[S];
  }
  if (section === "needs") {
    const savedNeeds = saved as NeedsSection;
    const known = new Map(DIRECTIONS.flatMap((direction) => savedNeeds[direction].map((item) => [item.id, item] as const)));
    const draftNeeds = draft as NeedsSection;
    const stamped = {} as NeedsSection;
    for (const direction of DIRECTIONS) {
      stamped[direction] = draftNeeds[direction].map((item) => {
        const stamp = known.get(item.id);
        return stamp ? { ...item, author: stamp.author, providerId: stamp.providerId } : item;
      });
    }
    return stamped as EnterpriseFile[S];
  }
  return draft;
}

/** A new list item's id (the merge key of concurrent edits). */
export function newItemId(): string {
  return crypto.randomUUID();
}

/** A text input's value as the file keeps it: an emptied field is null (not filled), like a field never touched. */
export function textValue(value: string): string | null {
  return value === "" ? null : value;
}
