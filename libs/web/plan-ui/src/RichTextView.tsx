import type { RichText, RichTextBlock, RichTextInline, RichTextMark } from "@dtpilot/domain";
import { Typography } from "antd";
import type { ReactNode } from "react";

const HEADINGS = { 1: "h3", 2: "h4", 3: "h5" } as const;

/**
 * A section's rich text as React elements, walking the stored tree: a user's text is only ever a text node, so
 * markup typed into a plan shows as typed and never runs.
 */
export function RichTextView({ doc }: { doc: RichText }) {
  return (
    <Typography className="dt-rich-text" style={{ overflowWrap: "anywhere" }}>
      {doc.content.map((block, index) => (
        <Block key={index} block={block} />
      ))}
    </Typography>
  );
}

function Block({ block }: { block: RichTextBlock }): ReactNode {
  switch (block.type) {
    case "paragraph":
      // An empty paragraph is a blank line the author left; keep its height.
      return <p>{block.content?.length ? <Inlines content={block.content} /> : <br />}</p>;
    case "heading": {
      const Heading = HEADINGS[block.attrs.level] ?? "h5";
      return (
        <Heading>
          <Inlines content={block.content ?? []} />
        </Heading>
      );
    }
    case "bulletList":
      return (
        <ul>
          {block.content.map((item, index) => (
            <li key={index}>
              {item.content.map((child, childIndex) => (
                <Block key={childIndex} block={child} />
              ))}
            </li>
          ))}
        </ul>
      );
    case "orderedList":
      return (
        <ol start={block.attrs?.start}>
          {block.content.map((item, index) => (
            <li key={index}>
              {item.content.map((child, childIndex) => (
                <Block key={childIndex} block={child} />
              ))}
            </li>
          ))}
        </ol>
      );
    default:
      return null;
  }
}

function Inlines({ content }: { content: readonly RichTextInline[] }) {
  return (
    <>
      {content.map((inline, index) =>
        inline.type === "hardBreak" ? <br key={index} /> : <Marked key={index} text={inline.text} marks={inline.marks ?? []} />,
      )}
    </>
  );
}

/** Text wrapped in its marks, outermost first: bold → <strong>, italic → <em>, underline → <u>. */
function Marked({ text, marks }: { text: string; marks: readonly RichTextMark[] }) {
  return marks.reduceRight<ReactNode>((inner, mark) => {
    switch (mark.type) {
      case "bold":
        return <strong>{inner}</strong>;
      case "italic":
        return <em>{inner}</em>;
      case "underline":
        return <u>{inner}</u>;
      default:
        return inner;
    }
  }, text);
}
