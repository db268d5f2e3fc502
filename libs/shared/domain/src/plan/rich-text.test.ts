import { describe, expect, it } from "vitest";
import { implementationPlanContentSchema, emptyPlanContent } from "./plan-content";
import { RICH_TEXT_MAX_LIST_DEPTH, RICH_TEXT_MAX_NODES, richTextSchema, type RichText, type RichTextBlock } from "./rich-text";

/** A bullet list `levels` deep: each list's only item holds a paragraph and the next list. */
function nestedLists(levels: number): RichText {
  let block: RichTextBlock = { type: "paragraph", content: [{ type: "text", text: "最里层" }] };
  for (let level = 0; level < levels; level++) {
    block = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: `第${level}层` }] }, block] }] };
  }
  return { type: "doc", content: [block] };
}

/** A document of exactly `nodes` objects and arrays: the doc and its content (2), paragraphs of runs (2 + runs each). */
function documentOfNodes(nodes: number): RichText {
  const run = { type: "text", text: "字" } as const;
  const paragraphCount = Math.floor((nodes - 2) / 4) - 1;
  const lastRuns = nodes - 2 - paragraphCount * 4 - 2;
  const content: RichTextBlock[] = Array.from({ length: paragraphCount }, () => ({ type: "paragraph", content: [run, run] }));
  content.push({ type: "paragraph", content: Array.from({ length: lastRuns }, () => run) });
  return { type: "doc", content };
}

describe("rich text bounds", () => {
  it(`accepts lists nested ${RICH_TEXT_MAX_LIST_DEPTH} levels deep and refuses one more level by name`, () => {
    expect(richTextSchema.safeParse(nestedLists(RICH_TEXT_MAX_LIST_DEPTH)).success).toBe(true);
    const result = richTextSchema.safeParse(nestedLists(RICH_TEXT_MAX_LIST_DEPTH + 1));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["richText.tooDeep"]);
  });

  it("refuses a hostile depth with an issue, without overflowing the stack", () => {
    const result = richTextSchema.safeParse(nestedLists(100_000));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["richText.tooDeep"]);
  });

  it(`accepts ${RICH_TEXT_MAX_NODES} nodes and refuses one more`, () => {
    const atBound = documentOfNodes(RICH_TEXT_MAX_NODES);
    expect(richTextSchema.safeParse(atBound).success).toBe(true);
    const pastBound = { ...atBound, content: [...atBound.content, { type: "paragraph" }] };
    expect(richTextSchema.safeParse(pastBound).error?.issues.map((issue) => issue.message)).toEqual(["richText.tooManyNodes"]);
  });

  it("names the section whose tree is too deep", () => {
    const content = emptyPlanContent("江阴市", "无锡市工业和信息化局");
    content.sections.goals = nestedLists(RICH_TEXT_MAX_LIST_DEPTH + 1);
    const result = implementationPlanContentSchema.safeParse(content);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["sections.goals", "richText.tooDeep"]]);
  });
});
