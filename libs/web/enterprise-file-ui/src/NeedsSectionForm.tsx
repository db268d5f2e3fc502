import { DIRECTION_NEED_LABELS, DIRECTIONS, FILE_FIELD_LABELS, FILE_TEXT_MAX_CHARS, mayChangeNeed, type Direction, type NeedItem } from "@dtpilot/domain";
import { Flex, Input, Tag, Typography } from "antd";
import { memo } from "react";
import { useFileTranslation } from "./file-i18n";
import { newItemId } from "./file-state";
import type { SectionFormProps } from "./file-types";
import { FileField, ReadValue } from "./FileFields";
import { ItemList } from "./ItemList";

const SECTION = "needs";

const AUTHOR_COLOURS = { ENTERPRISE: "blue", PROVIDER: "purple", COUNTY: "gold" } as const;

/** 二、数字化改造需求: per direction, the needs one by one (逐条列出), each with who wrote it. */
export const NeedsSectionForm = memo(function NeedsSectionForm({ value, onChange, errors, readOnly, entry, writer, savedIds, editor }: SectionFormProps<"needs">) {
  const { t } = useFileTranslation();
  const setItems = (direction: Direction, change: (items: NeedItem[]) => NeedItem[]) =>
    onChange((needs) => ({ ...needs, [direction]: change(needs[direction]) }));

  // Another's saved need: only its author or the county changes it.
  const locked = (item: NeedItem) => savedIds.has(item.id) && editor !== null && !mayChangeNeed(editor, item);

  const authorTag = (item: NeedItem) => {
    if (!savedIds.has(item.id)) {
      return <Tag color={writer ? AUTHOR_COLOURS[writer] : undefined}>{writer ? `${t(`writers.${writer}`)} · ${t("newItem")}` : t("newItem")}</Tag>;
    }
    const provider = item.author === "PROVIDER" ? entry.providers.find((candidate) => candidate.id === item.providerId) : undefined;
    return (
      <>
        <Tag color={AUTHOR_COLOURS[item.author]}>{provider ? t("providerWriter", { name: provider.name }) : t(`writers.${item.author}`)}</Tag>
        {item.editedBy ? <Tag data-testid="file-need-edited-by">{t("editedByCounty")}</Tag> : null}
      </>
    );
  };

  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {FILE_FIELD_LABELS.needs}
      </Typography.Paragraph>
      {DIRECTIONS.map((direction) => (
        <FileField key={direction} section={SECTION} path={direction} label={DIRECTION_NEED_LABELS[direction]} errors={errors}>
          <ItemList
            items={value[direction]}
            readOnly={readOnly}
            locked={locked}
            testIds={{
              list: `file-need-list-${direction}`,
              add: `file-need-add-${direction}`,
              remove: (index) => `file-need-remove-${direction}-${index}`,
            }}
            onAdd={() =>
              setItems(direction, (items) => [...items, { id: newItemId(), text: "", author: writer ?? "ENTERPRISE", providerId: null }])
            }
            onRemove={(id) => setItems(direction, (items) => items.filter((item) => item.id !== id))}
            renderItem={(item, index) => (
              <Flex gap={8} align="start" data-testid={`file-need-item-${direction}-${index}`} data-author={item.author}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  {readOnly || locked(item) ? (
                    <ReadValue value={item.text} testId={`file-need-${direction}-${index}`} />
                  ) : (
                    <Input.TextArea
                      aria-label={`${DIRECTION_NEED_LABELS[direction]} ${index + 1}`}
                      data-testid={`file-need-${direction}-${index}`}
                      value={item.text}
                      maxLength={FILE_TEXT_MAX_CHARS}
                      autoSize={{ minRows: 1, maxRows: 8 }}
                      onChange={(event) =>
                        setItems(direction, (items) => items.map((other) => (other.id === item.id ? { ...other, text: event.target.value } : other)))
                      }
                    />
                  )}
                </div>
                {authorTag(item)}
              </Flex>
            )}
          />
        </FileField>
      ))}
    </>
  );
});
