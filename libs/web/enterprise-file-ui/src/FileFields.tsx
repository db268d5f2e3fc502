import type { FileFieldError, FileSectionKey } from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import { currentLanguage } from "@dtpilot/ui";
import { Form, Input, Radio, Typography } from "antd";
import type { ReactNode } from "react";
import { useFileTranslation } from "./file-i18n";
import { textValue } from "./file-state";

/** The test id of a field's input: file-field-<section>.<path>. */
export function fileFieldTestId(section: FileSectionKey, path: string): string {
  return `file-field-${section}.${path}`;
}

/** The validation messages of a field, in the reader's language. */
export function errorMessages(errors: readonly FileFieldError[] | undefined): string[] {
  const language = currentLanguage();
  return (errors ?? []).map((error) => translateError(language, error.key, error.params));
}

/** A labelled field of the file form with its validation messages under it (live, as the writer types). */
export function FileField({
  section,
  path,
  label,
  errors,
  extra,
  children,
}: {
  section: FileSectionKey;
  path: string;
  label?: ReactNode;
  errors: ReadonlyMap<string, readonly FileFieldError[]>;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const messages = errorMessages(errors.get(path));
  return (
    <Form.Item
      label={label}
      htmlFor={`${section}.${path}`}
      extra={extra}
      style={{ marginBottom: 12 }}
      validateStatus={messages.length ? "error" : undefined}
      help={messages.length ? <span data-testid={`file-error-${section}.${path}`}>{messages.join("；")}</span> : undefined}
    >
      {children}
    </Form.Item>
  );
}

/** A value shown read-only: the text as typed (line breaks kept), or “（未填写）”. */
export function ReadValue({ value, testId }: { value: ReactNode; testId?: string }) {
  const { t } = useFileTranslation();
  const empty = value === null || value === undefined || (typeof value === "string" && value.trim() === "");
  return (
    <Typography.Text
      type={empty ? "secondary" : undefined}
      data-testid={testId}
      data-readonly="true"
      style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
    >
      {empty ? t("notFilled") : value}
    </Typography.Text>
  );
}

/** A one-line or multi-line text field; read-only shows the text. An emptied field is null (not filled). */
export function TextInput({
  section,
  path,
  label,
  value,
  onChange,
  readOnly,
  multiline = false,
  maxLength,
  suffix,
  inputMode,
  placeholder,
}: {
  section: FileSectionKey;
  path: string;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  readOnly: boolean;
  multiline?: boolean;
  maxLength?: number;
  suffix?: string;
  inputMode?: "decimal" | "text";
  placeholder?: string;
}) {
  const testId = fileFieldTestId(section, path);
  if (readOnly) return <ReadValue value={value !== null && suffix ? `${value} ${suffix}` : value} testId={testId} />;
  const common = {
    id: `${section}.${path}`,
    "aria-label": label,
    "data-testid": testId,
    value: value ?? "",
    maxLength,
    placeholder,
  };
  return multiline ? (
    <Input.TextArea {...common} autoSize={{ minRows: 2, maxRows: 12 }} onChange={(event) => onChange(textValue(event.target.value))} />
  ) : (
    <Input
      {...common}
      suffix={suffix}
      inputMode={inputMode}
      autoComplete="off"
      onChange={(event) => onChange(textValue(event.target.value))}
    />
  );
}

/** One choice of a list (the template's boxes □) as a radio group; read-only shows the chosen label. */
export function ChoiceInput<T extends string | boolean>({
  section,
  path,
  label,
  value,
  options,
  onChange,
  readOnly,
  vertical = false,
}: {
  section: FileSectionKey;
  path: string;
  label: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  readOnly: boolean;
  vertical?: boolean;
}) {
  const testId = fileFieldTestId(section, path);
  if (readOnly) return <ReadValue value={options.find((option) => option.value === value)?.label ?? null} testId={testId} />;
  return (
    <Radio.Group
      id={`${section}.${path}`}
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(event) => onChange(event.target.value as T)}
      style={vertical ? { display: "flex", flexDirection: "column", gap: 4 } : undefined}
      options={options.map((option) => ({ value: option.value, label: option.label }))}
    />
  );
}

/** 是 / 否 for the yes-no questions of 四. */
export function useYesNo(): { value: boolean; label: string }[] {
  const { t } = useFileTranslation();
  return [
    { value: true, label: t("yes") },
    { value: false, label: t("no") },
  ];
}
