import { BoldOutlined, ItalicOutlined, OrderedListOutlined, UnderlineOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { richTextSchema, type RichText } from "@dtpilot/domain";
import StarterKit from "@tiptap/starter-kit";
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import { Button, Flex, Select, Tooltip, theme } from "antd";
import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * Only what a plan's RichText keeps (libs/shared/domain rich-text.ts): paragraphs, headings 1–3, bullet and numbered lists,
 * bold/italic/underline, line breaks. Anything else pasted in is dropped by the editor's schema.
 */
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
    dropcursor: false,
    trailingNode: false,
  }),
];

type BlockKind = "paragraph" | "h1" | "h2" | "h3";
const HEADING_LEVELS = { h1: 1, h2: 2, h3: 3 } as const;

/** The editor's JSON as the plan keeps it; attributes the plan does not use are dropped here, not on the server. */
function toRichText(json: JSONContent): RichText {
  const parsed = richTextSchema.safeParse(json);
  return parsed.success ? parsed.data : (json as RichText);
}

/** An empty document still needs one paragraph to type into. */
function toEditorContent(doc: RichText): JSONContent | undefined {
  return doc.content.length > 0 ? (doc as JSONContent) : undefined;
}

interface RichTextEditorProps {
  /** The content the editor opens with; later changes come from the editor itself (remount it to replace them). */
  initialValue: RichText;
  onChange: (doc: RichText) => void;
  /** The accessible name: the section's title in the guide's words. */
  label: string;
  /** Test id of the editable area (plan-field-sections.<key>). */
  testId: string;
  /** Id of the element holding the template's guidance for the section. */
  describedBy?: string;
  invalid?: boolean;
}

/** A section (一–五) of the plan: a small Tiptap editor with a toolbar, writing RichText. */
export function RichTextEditor({ initialValue, onChange, label, testId, describedBy, invalid }: RichTextEditorProps) {
  const { token } = theme.useToken();
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        "data-testid": testId,
        style: `min-height: 160px; padding: 8px 11px; outline: none; line-height: 1.8;`,
      },
    }),
    [label, describedBy, testId],
  );
  const editor = useEditor(
    {
      extensions: EXTENSIONS,
      content: toEditorContent(initialValue),
      editorProps,
      onUpdate: ({ editor: current }) => onChange(toRichText(current.getJSON())),
    },
    [],
  );

  return (
    <div
      style={{
        border: `1px solid ${invalid ? token.colorError : token.colorBorder}`,
        borderRadius: token.borderRadius,
        background: token.colorBgContainer,
      }}
    >
      <Toolbar editor={editor} />
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation("county");
  const { token } = theme.useToken();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      underline: current.isActive("underline"),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      block: (current.isActive("heading", { level: 1 })
        ? "h1"
        : current.isActive("heading", { level: 2 })
          ? "h2"
          : current.isActive("heading", { level: 3 })
            ? "h3"
            : "paragraph") as BlockKind,
    }),
  });

  const setBlock = (kind: BlockKind) => {
    const chain = editor.chain().focus();
    if (kind === "paragraph") chain.setParagraph().run();
    else chain.setHeading({ level: HEADING_LEVELS[kind] }).run();
  };

  const buttons = [
    { key: "bold", label: t("plan.editor.bold"), icon: <BoldOutlined />, active: state.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: "italic", label: t("plan.editor.italic"), icon: <ItalicOutlined />, active: state.italic, run: () => editor.chain().focus().toggleItalic().run() },
    {
      key: "underline",
      label: t("plan.editor.underline"),
      icon: <UnderlineOutlined />,
      active: state.underline,
      run: () => editor.chain().focus().toggleUnderline().run(),
    },
    {
      key: "bulletList",
      label: t("plan.editor.bulletList"),
      icon: <UnorderedListOutlined />,
      active: state.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: "orderedList",
      label: t("plan.editor.orderedList"),
      icon: <OrderedListOutlined />,
      active: state.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ];

  return (
    <Flex
      gap={4}
      wrap
      align="center"
      role="toolbar"
      style={{ padding: 4, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      {buttons.slice(0, 3).map(({ key, ...button }) => (
        <ToolbarButton key={key} {...button} />
      ))}
      <Select<BlockKind>
        size="small"
        variant="borderless"
        aria-label={t("plan.editor.heading")}
        value={state.block}
        onChange={setBlock}
        style={{ width: 112 }}
        popupMatchSelectWidth={false}
        options={[
          { value: "paragraph", label: t("plan.editor.paragraph") },
          { value: "h1", label: t("plan.editor.heading1") },
          { value: "h2", label: t("plan.editor.heading2") },
          { value: "h3", label: t("plan.editor.heading3") },
        ]}
      />
      {buttons.slice(3).map(({ key, ...button }) => (
        <ToolbarButton key={key} {...button} />
      ))}
    </Flex>
  );
}

function ToolbarButton({ label, icon, active, run }: { label: string; icon: ReactNode; active: boolean; run: () => void }) {
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type={active ? "primary" : "text"}
        ghost={active}
        icon={icon}
        aria-label={label}
        aria-pressed={active}
        // Keep the editor's selection: the command runs on it.
        onMouseDown={(event) => event.preventDefault()}
        onClick={run}
      />
    </Tooltip>
  );
}
