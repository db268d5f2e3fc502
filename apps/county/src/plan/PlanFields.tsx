import type { PlanFieldError } from "@dtpilot/domain";
import { currentLanguage } from "@dtpilot/ui";
import { Form, Input } from "antd";
import { useState, type ReactNode } from "react";
import { translateError } from "@dtpilot/i18n";
import { FieldComments, PLAN_PATH_ATTRIBUTE } from "./PlanComments";
import { parseCountText } from "./plan-form-state";
import { fieldErrorMessage } from "./plan-messages";

/** The test id of a field's input: plan-field-<dotted path>. */
export function fieldTestId(path: string): string {
  return `plan-field-${path}`;
}

/**
 * One field of the plan form: the input, its validation messages (localised, under it) and the reviewers' comments on
 * it. `messages` adds messages the table's validation cannot know (text that is not a number yet).
 */
export function FieldCell({
  path,
  errors,
  messages = [],
  children,
}: {
  path: string;
  errors: readonly PlanFieldError[] | undefined;
  messages?: readonly string[];
  children: ReactNode;
}) {
  const language = currentLanguage();
  const all = [...messages, ...(errors ?? []).map((error) => fieldErrorMessage(language, error))];
  return (
    <div {...{ [PLAN_PATH_ATTRIBUTE]: path }}>
      <Form.Item
        style={{ margin: 0 }}
        validateStatus={all.length ? "error" : undefined}
        help={all.length ? <span data-testid={`plan-error-${path}`}>{all.join("；")}</span> : undefined}
      >
        {children}
      </Form.Item>
      <FieldComments path={path} />
    </div>
  );
}

/**
 * A count (家/个). A plain text input rather than a number spinner, so what the county types stays as typed: a
 * negative or fractional number is kept and the table's validation says what is wrong; text that is no number at
 * all keeps the last number and is marked here; an emptied field is 0.
 */
export function CountField({
  path,
  label,
  value,
  errors,
  onChange,
}: {
  path: string;
  label: string;
  value: number;
  errors: readonly PlanFieldError[] | undefined;
  onChange: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const unreadable = draft !== null && parseCountText(draft) === undefined;
  return (
    <FieldCell
      path={path}
      errors={unreadable ? undefined : errors}
      messages={unreadable ? [translateError(currentLanguage(), "plan.count.notNonNegativeInteger")] : []}
    >
      <Input
        id={path}
        inputMode="numeric"
        autoComplete="off"
        aria-label={label}
        data-testid={fieldTestId(path)}
        value={draft ?? String(value)}
        onChange={(event) => {
          setDraft(event.target.value);
          const parsed = parseCountText(event.target.value);
          if (parsed !== undefined) onChange(parsed);
        }}
        onBlur={() => setDraft(null)}
      />
    </FieldCell>
  );
}
