import type { EnterpriseFile } from "./enterprise-file";
import { COUNTY_EDIT, type FileSectionKey, type FileWriter } from "./file-sections";
import { type Direction, DIRECTIONS, type NeedItem, type NeedsSection } from "./needs-section";
import type { ProviderEvaluation, ResultsSection } from "./results-section";
import type { FileFieldPath } from "./enterprise-file-validation";

/**
 * Statements in the file are owned by whoever made them (issue 9). The guide has the enterprise fill 一–三 itself or
 * with its provider (共同填写) and the county keep the whole file up to date (负责整个档案表的跟踪和更新维护, 注1):
 * - a need (二) keeps its author; only its author or the county may change or delete it, anyone who may write the
 *   section may add their own;
 * - 对所使用数字化服务商及评价 (三) is the enterprise's judgement of its providers: a provider may read it, never write it
 *   (it would rate itself or a rival); the county may correct it as keeper of the file;
 * - whatever the county changes on another writer's behalf is marked `editedBy: "COUNTY"`, and the mark goes when the
 *   author changes the item again.
 * The database enforces the same for providers and enterprises (trigger app_file_section_ownership).
 */

/** Who is saving: the writer and, for a provider, which one. */
export interface FileEditor {
  writer: FileWriter;
  providerId: string | null;
}

/** Whether `editor` made the need (a provider only its own, not another provider's). */
export function ownsNeed(editor: FileEditor, item: Pick<NeedItem, "author" | "providerId">): boolean {
  return item.author === editor.writer && (editor.writer !== "PROVIDER" || item.providerId === editor.providerId);
}

/** Who may change 对所使用数字化服务商及评价: its author the enterprise, and the county. */
export const PROVIDER_EVALUATION_WRITERS: readonly FileWriter[] = ["ENTERPRISE", "COUNTY"];

export type OwnershipRefusalKey = "file.item.notAuthor" | "file.providerEvaluation.enterpriseOnly";

/** A change the editor may not make: which item, where (path in the section as sent, or as saved for a deletion). */
export interface OwnershipRefusal {
  key: OwnershipRefusalKey;
  path: FileFieldPath;
  itemId: string;
  /** The list the item sits in: a Direction for needs, "providerEvaluations" for 三. */
  list: Direction | "providerEvaluations";
  /** The item's words as saved, to name it in the message. */
  item: string;
  change: "CHANGED" | "DELETED" | "ADDED";
}

export type OwnershipDecision<T> = { ok: true; content: T } | { ok: false; refusals: OwnershipRefusal[] };

type Located<T> = { list: Direction; index: number; item: T };

function needsById(needs: NeedsSection): Map<string, Located<NeedItem>> {
  return new Map(DIRECTIONS.flatMap((list) => needs[list].map((item, index) => [item.id, { list, index, item }] as const)));
}

/** Needs: authors kept, others' items untouched unless the county changes them (then marked). */
function ownNeeds(saved: NeedsSection, incoming: NeedsSection, editor: FileEditor): OwnershipDecision<NeedsSection> {
  const before = needsById(saved);
  const after = needsById(incoming);
  const county = editor.writer === "COUNTY";
  const refusals: OwnershipRefusal[] = [];
  for (const [id, was] of before) {
    if (county || ownsNeed(editor, was.item)) continue;
    const now = after.get(id);
    if (!now) {
      refusals.push({ key: "file.item.notAuthor", path: [was.list, was.index], itemId: id, list: was.list, item: was.item.text, change: "DELETED" });
    } else if (now.list !== was.list || now.item.text !== was.item.text) {
      refusals.push({ key: "file.item.notAuthor", path: [now.list, now.index, "text"], itemId: id, list: now.list, item: was.item.text, change: "CHANGED" });
    }
  }
  if (refusals.length > 0) return { ok: false, refusals };

  const stamped = {} as NeedsSection;
  for (const list of DIRECTIONS) {
    stamped[list] = incoming[list].map(({ id, text }) => {
      const was = before.get(id);
      if (!was) return { id, text, author: editor.writer, providerId: editor.writer === "PROVIDER" ? editor.providerId : null };
      const { author, providerId, editedBy } = was.item;
      const changed = was.list !== list || was.item.text !== text;
      const mark = !changed ? editedBy : ownsNeed(editor, was.item) ? undefined : COUNTY_EDIT;
      return mark ? { id, text, author, providerId, editedBy: mark } : { id, text, author, providerId };
    });
  }
  return { ok: true, content: stamped };
}

function evaluationFields({ providerId, providerName, product, rating, comment }: ProviderEvaluation) {
  return { providerId, providerName, product, rating, comment };
}

function sameEvaluation(a: ProviderEvaluation, b: ProviderEvaluation): boolean {
  const [left, right] = [evaluationFields(a), evaluationFields(b)];
  return (Object.keys(left) as (keyof typeof left)[]).every((key) => left[key] === right[key]);
}

const evaluationName = (evaluation: ProviderEvaluation) => evaluation.providerName ?? evaluation.product ?? "";

/** 对所使用数字化服务商及评价: the enterprise's; the county's changes marked; a provider changes nothing. */
function ownEvaluations(saved: ResultsSection, incoming: ResultsSection, editor: FileEditor): OwnershipDecision<ResultsSection> {
  const before = new Map(saved.providerEvaluations.map((item, index) => [item.id, { index, item }] as const));
  const after = new Set(incoming.providerEvaluations.map((item) => item.id));
  if (!PROVIDER_EVALUATION_WRITERS.includes(editor.writer)) {
    const refusals: OwnershipRefusal[] = [];
    const refuse = (path: FileFieldPath, itemId: string, item: string, change: OwnershipRefusal["change"]) =>
      refusals.push({ key: "file.providerEvaluation.enterpriseOnly", path, itemId, list: "providerEvaluations", item, change });
    incoming.providerEvaluations.forEach((item, index) => {
      const was = before.get(item.id);
      if (!was) refuse(["providerEvaluations", index], item.id, evaluationName(item), "ADDED");
      else if (!sameEvaluation(was.item, item)) refuse(["providerEvaluations", index], item.id, evaluationName(was.item), "CHANGED");
    });
    for (const [id, was] of before) {
      if (!after.has(id)) refuse(["providerEvaluations", was.index], id, evaluationName(was.item), "DELETED");
    }
    // Unchanged: stored as saved (order and marks too), so the database sees the list untouched.
    return refusals.length > 0 ? { ok: false, refusals } : { ok: true, content: { ...incoming, providerEvaluations: saved.providerEvaluations } };
  }
  const providerEvaluations = incoming.providerEvaluations.map((item) => {
    const was = before.get(item.id)?.item;
    const fields = { id: item.id, ...evaluationFields(item) };
    const mark = was && sameEvaluation(was, item) ? was.editedBy : editor.writer === "COUNTY" ? COUNTY_EDIT : undefined;
    return mark ? { ...fields, editedBy: mark } : fields;
  });
  return { ok: true, content: { ...incoming, providerEvaluations } };
}

/**
 * Applies the ownership rules to a section about to be saved over `saved` (the stored version, empty if none): the
 * content to store, with authors and county marks stamped by the platform whatever the writer sent, or every change
 * the editor may not make. Sections without owned items pass unchanged.
 */
export function applyItemOwnership<S extends FileSectionKey>(
  section: S,
  saved: EnterpriseFile[S],
  incoming: EnterpriseFile[S],
  editor: FileEditor,
): OwnershipDecision<EnterpriseFile[S]> {
  if (section === "needs") return ownNeeds(saved as NeedsSection, incoming as NeedsSection, editor) as OwnershipDecision<EnterpriseFile[S]>;
  if (section === "results") return ownEvaluations(saved as ResultsSection, incoming as ResultsSection, editor) as OwnershipDecision<EnterpriseFile[S]>;
  return { ok: true, content: incoming };
}

/** Whether the editor may change (or delete) this need: its author, or the county. Used to show others' read-only. */
export function mayChangeNeed(editor: FileEditor, item: Pick<NeedItem, "author" | "providerId">): boolean {
  return editor.writer === "COUNTY" || ownsNeed(editor, item);
}
