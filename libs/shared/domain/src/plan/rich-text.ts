import { z } from "zod";

/**
 * RichText 富文本: the sections 一–五 of a plan, as a small document tree (the JSON the editor writes, restricted to
 * what a plan needs: paragraphs, headings, bullet and numbered lists, bold/italic/underline). Stored as JSON and
 * rendered by walking the tree — never as HTML — so no markup a user types can run in another user's browser.
 */
export type RichTextMark = { type: "bold" | "italic" | "underline" };

export type RichTextInline = { type: "text"; text: string; marks?: RichTextMark[] } | { type: "hardBreak" };

export type RichTextBlock =
  | { type: "paragraph"; content?: RichTextInline[] }
  | { type: "heading"; attrs: { level: 1 | 2 | 3 }; content?: RichTextInline[] }
  | { type: "bulletList"; content: RichTextListItem[] }
  | { type: "orderedList"; attrs?: { start?: number }; content: RichTextListItem[] };

export interface RichTextListItem {
  type: "listItem";
  content: RichTextBlock[];
}

export interface RichText {
  type: "doc";
  content: RichTextBlock[];
}

/** The most characters one section may hold; a guard against pasted books, far above any real plan. */
export const RICH_TEXT_MAX_CHARS = 50_000;

const markSchema = z.object({ type: z.enum(["bold", "italic", "underline"]) }).strip();

const inlineSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().max(RICH_TEXT_MAX_CHARS), marks: z.array(markSchema).max(3).optional() }).strip(),
  z.object({ type: z.literal("hardBreak") }).strip(),
]);

const listItemSchema: z.ZodType<RichTextListItem> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(blockSchema).max(200) }).strip(),
);

const blockSchema: z.ZodType<RichTextBlock> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("paragraph"), content: z.array(inlineSchema).max(2000).optional() }).strip(),
    z
      .object({
        type: z.literal("heading"),
        attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).strip(),
        content: z.array(inlineSchema).max(2000).optional(),
      })
      .strip(),
    z.object({ type: z.literal("bulletList"), content: z.array(listItemSchema).max(500) }).strip(),
    z
      .object({
        type: z.literal("orderedList"),
        attrs: z.object({ start: z.number().int().min(0).max(10_000).optional() }).strip().optional(),
        content: z.array(listItemSchema).max(500),
      })
      .strip(),
  ]),
);

/** The most levels of lists inside lists; the template's own outlines use three. */
export const RICH_TEXT_MAX_LIST_DEPTH = 8;
/** The most objects and arrays one section may hold (paragraphs, list items, text runs, marks). */
export const RICH_TEXT_MAX_NODES = 20_000;

/**
 * Why a would-be document is too deep or too big, before its shape is parsed: the tree schema below is recursive, so
 * a hostile depth must be refused by a walk that is not (it counts list levels and nodes; anything else is the
 * schema's business).
 */
export function richTextBoundsProblem(value: unknown): "richText.tooDeep" | "richText.tooManyNodes" | null {
  const stack: { value: unknown; lists: number }[] = [{ value, lists: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: node, lists: outer } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    if (++nodes > RICH_TEXT_MAX_NODES) return "richText.tooManyNodes";
    const type = (node as { type?: unknown }).type;
    const lists = type === "bulletList" || type === "orderedList" ? outer + 1 : outer;
    if (lists > RICH_TEXT_MAX_LIST_DEPTH) return "richText.tooDeep";
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ value: child, lists });
  }
  return null;
}

const richTextBounds = z.unknown().superRefine((value, context) => {
  const problem = richTextBoundsProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

/** Accepts what the editor writes; attributes and marks the plan does not use are dropped, not refused. */
export const richTextSchema: z.ZodType<RichText> = richTextBounds.pipe(
  z
    .object({ type: z.literal("doc"), content: z.array(blockSchema).max(5000) })
    .strip()
    .refine((doc) => [...richTextPlainText(doc)].length <= RICH_TEXT_MAX_CHARS, { message: "richText.tooLong" }),
);

export function emptyRichText(): RichText {
  return { type: "doc", content: [] };
}

/** A document of plain paragraphs, one per line of `text`. */
export function richTextFromPlain(text: string): RichText {
  const lines = text.split("\n");
  return {
    type: "doc",
    content: lines.map((line) => (line ? { type: "paragraph", content: [{ type: "text", text: line }] } : { type: "paragraph" })),
  };
}

function inlineText(content: readonly RichTextInline[] | undefined): string {
  return (content ?? []).map((inline) => (inline.type === "text" ? inline.text : "\n")).join("");
}

function blockLines(block: RichTextBlock, prefix: string): string[] {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return [prefix + inlineText(block.content)];
    case "bulletList":
      return block.content.flatMap((item) => itemLines(item, `${prefix}• `));
    case "orderedList": {
      const start = block.attrs?.start ?? 1;
      return block.content.flatMap((item, index) => itemLines(item, `${prefix}${start + index}. `));
    }
  }
}

function itemLines(item: RichTextListItem, prefix: string): string[] {
  const indent = " ".repeat(prefix.length);
  return item.content.flatMap((block, index) => blockLines(block, index === 0 ? prefix : indent));
}

/** The text of a document, a line per paragraph and list item (lists numbered or bulleted): for diffs and counts. */
export function richTextPlainText(doc: RichText): string {
  return doc.content.flatMap((block) => blockLines(block, "")).join("\n");
}

/** True when the document holds no visible text. */
export function isRichTextEmpty(doc: RichText): boolean {
  return richTextPlainText(doc).trim() === "";
}
