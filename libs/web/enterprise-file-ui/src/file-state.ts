/**
 * The file editor's state changes as pure functions: placing validation errors, and carrying the server's stamps into
 * a draft (comparing, merging and settling merges are the autosave kernel's and @dtpilot/domain's).
 */
import {
  DIRECTIONS,
  type EnterpriseFile,
  type FileFieldError,
  type FileFieldPath,
  type FileSectionKey,
  type NeedsSection,
} from "@dtpilot/domain";

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
