import type { MergeChoice, MergeConflict } from "@dtpilot/domain";
import { Alert, Button, Flex, Radio, Typography } from "antd";
import type { ReactNode } from "react";
import type { PendingMerge } from "./autosaver";

export interface MergeViewLabels {
  title: ReactNode;
  help: ReactNode;
  /** Headings of the two values. */
  mineValue: ReactNode;
  theirsValue: ReactNode;
  /** The two choices. */
  mine: ReactNode;
  theirs: ReactNode;
  apply: ReactNode;
}

/** A conflict in the form's words: where it sits, and each side's value as text. */
export interface ConflictDescription {
  label: ReactNode;
  mine: ReactNode;
  theirs: ReactNode;
}

/**
 * 合并视图: the fields and items both writers changed since the version they started from, side by side, each with a
 * choice of mine or theirs (theirs by default, as it is saved already); everything else is merged already. The apply
 * button saves the result. Test ids: `<testId>`, `<testId>-conflict|mine|theirs|choice-<index>`, `<testId>-apply`,
 * where a suffix (one form's several records) goes after the part: `file-merge-conflict-basic-0`.
 */
export function MergeView<T>({
  merge,
  saving,
  labels,
  describe,
  onChoose,
  onApply,
  testId,
  testIdSuffix,
}: {
  merge: PendingMerge<T>;
  saving: boolean;
  labels: MergeViewLabels;
  describe: (conflict: MergeConflict) => ConflictDescription;
  onChoose: (index: number, choice: MergeChoice) => void;
  onApply: () => void;
  testId: string;
  testIdSuffix?: string;
}) {
  const id = (...parts: (string | number)[]) => [testId, ...parts.slice(0, 1), ...(testIdSuffix ? [testIdSuffix] : []), ...parts.slice(1)].join("-");
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={id()}
      title={labels.title}
      description={
        <Flex vertical gap={12}>
          <Typography.Text>{labels.help}</Typography.Text>
          {merge.conflicts.map((conflict, index) => {
            const described = describe(conflict);
            return (
              <Flex
                key={conflict.path.join("/")}
                vertical
                gap={4}
                data-testid={id("conflict", index)}
                data-path={conflict.path.join(".")}
                data-kind={conflict.kind}
                style={{ borderTop: "1px solid rgba(0,0,0,0.06)", paddingTop: 8 }}
              >
                <Typography.Text strong>{described.label}</Typography.Text>
                <Flex gap={16} wrap>
                  <Flex vertical style={{ flex: 1, minWidth: 200 }}>
                    <Typography.Text type="secondary">{labels.mineValue}</Typography.Text>
                    <Typography.Text style={{ whiteSpace: "pre-wrap" }} data-testid={id("mine", index)}>
                      {described.mine}
                    </Typography.Text>
                  </Flex>
                  <Flex vertical style={{ flex: 1, minWidth: 200 }}>
                    <Typography.Text type="secondary">{labels.theirsValue}</Typography.Text>
                    <Typography.Text style={{ whiteSpace: "pre-wrap" }} data-testid={id("theirs", index)}>
                      {described.theirs}
                    </Typography.Text>
                  </Flex>
                </Flex>
                <Radio.Group
                  data-testid={id("choice", index)}
                  value={merge.choices[index] ?? "theirs"}
                  onChange={(event) => onChoose(index, event.target.value as MergeChoice)}
                  options={[
                    { value: "mine", label: labels.mine },
                    { value: "theirs", label: labels.theirs },
                  ]}
                />
              </Flex>
            );
          })}
          <div>
            <Button type="primary" loading={saving} onClick={onApply} data-testid={id("apply")}>
              {labels.apply}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
