import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { FILE_LIST_MAX_ITEMS } from "@dtpilot/domain";
import { Button, Flex } from "antd";
import type { ReactNode } from "react";
import { useFileTranslation } from "./file-i18n";
import { ReadValue } from "./FileFields";

/**
 * A list of items written one by one (逐条列出 / 逐项列出): each row with its remove button, then 添加一条. Read-only
 * shows the rows alone (or 暂无). Items are keyed by their id, never by position, so rows keep their input state
 * when another is removed.
 */
export function ItemList<T extends { id: string }>({
  items,
  readOnly,
  renderItem,
  onAdd,
  onRemove,
  addLabel,
  testIds,
  locked,
}: {
  items: readonly T[];
  readOnly: boolean;
  renderItem: (item: T, index: number) => ReactNode;
  onAdd: () => void;
  onRemove: (id: string) => void;
  addLabel?: string;
  testIds: { list: string; add: string; remove: (index: number) => string };
  /** Rows the writer may not change or remove (another's item): shown without a remove button. */
  locked?: (item: T) => boolean;
}) {
  const { t } = useFileTranslation();
  return (
    <Flex vertical gap={8} data-testid={testIds.list} data-count={items.length}>
      {items.map((item, index) => (
        <Flex key={item.id} gap={8} align="start">
          <div style={{ flex: 1, minWidth: 0 }}>{renderItem(item, index)}</div>
          {readOnly || locked?.(item) ? null : (
            <Button
              icon={<DeleteOutlined />}
              aria-label={t("items.remove")}
              title={t("items.remove")}
              data-testid={testIds.remove(index)}
              onClick={() => onRemove(item.id)}
            />
          )}
        </Flex>
      ))}
      {readOnly && items.length === 0 ? <ReadValue value={t("items.empty")} /> : null}
      {readOnly ? null : (
        <div>
          <Button icon={<PlusOutlined />} onClick={onAdd} disabled={items.length >= FILE_LIST_MAX_ITEMS} data-testid={testIds.add}>
            {addLabel ?? t("items.add")}
          </Button>
        </div>
      )}
    </Flex>
  );
}
