import {
  FILE_FIELD_HINTS,
  FILE_FIELD_LABELS,
  FILE_NAME_MAX_CHARS,
  FILE_TEXT_MAX_CHARS,
  PROVIDER_RATING_MAX,
  type FileFieldError,
  type ProviderEvaluation,
} from "@dtpilot/domain";
import { AutoComplete, Flex, Input, Rate, Typography } from "antd";
import { useFileTranslation } from "./file-i18n";
import { newItemId, textValue } from "./file-state";
import type { FileEntryView } from "./file-types";
import { FileField, fileFieldTestId, ReadValue } from "./FileFields";
import { ItemList } from "./ItemList";

const SECTION = "results";

/** 对所使用数字化服务商及评价: one line per provider and product, with a 1–5 rating and a comment. */
export function ProviderEvaluationList({
  evaluations,
  providers,
  readOnly,
  enterpriseOnly = false,
  errors,
  onChange,
}: {
  evaluations: ProviderEvaluation[];
  /** The providers linked to the enterprise, offered by name (another provider may be typed in). */
  providers: FileEntryView["providers"];
  readOnly: boolean;
  /** Shown read-only because the list is the enterprise's (the caller is a provider): says so. */
  enterpriseOnly?: boolean;
  errors: ReadonlyMap<string, readonly FileFieldError[]>;
  onChange: (change: (evaluations: ProviderEvaluation[]) => ProviderEvaluation[]) => void;
}) {
  const { t } = useFileTranslation();
  const update = (id: string, change: Partial<ProviderEvaluation>) =>
    onChange((items) => items.map((item) => (item.id === id ? { ...item, ...change } : item)));

  const row = (evaluation: ProviderEvaluation, index: number) => {
    const base = `providerEvaluations.${index}`;
    const id = (field: string) => fileFieldTestId(SECTION, `${base}.${field}`);
    if (readOnly) {
      return (
        <Flex vertical gap={2} data-testid={`file-provider-evaluation-${index}`}>
          <Flex gap={12} wrap align="center">
            <ReadValue value={evaluation.providerName} testId={id("providerName")} />
            <ReadValue value={evaluation.product} testId={id("product")} />
            <Rate disabled value={evaluation.rating ?? 0} count={PROVIDER_RATING_MAX} data-testid={id("rating")} />
          </Flex>
          {evaluation.comment ? <ReadValue value={evaluation.comment} testId={id("comment")} /> : null}
        </Flex>
      );
    }
    return (
      <Flex vertical gap={0} data-testid={`file-provider-evaluation-${index}`}>
        <Flex gap={8} wrap align="start">
          <FileField section={SECTION} path={`${base}.providerName`} errors={errors}>
            <AutoComplete
              aria-label={t("evaluations.provider")}
              placeholder={t("evaluations.provider")}
              data-testid={id("providerName")}
              style={{ width: 240 }}
              maxLength={FILE_NAME_MAX_CHARS}
              value={evaluation.providerName ?? ""}
              options={providers.map((provider) => ({ value: provider.name }))}
              onChange={(text: string) =>
                update(evaluation.id, {
                  providerName: textValue(text),
                  providerId: providers.find((provider) => provider.name === text)?.id ?? null,
                })
              }
            />
          </FileField>
          <FileField section={SECTION} path={`${base}.product`} errors={errors}>
            <Input
              aria-label={t("evaluations.product")}
              placeholder={t("evaluations.product")}
              data-testid={id("product")}
              maxLength={FILE_NAME_MAX_CHARS}
              style={{ width: 240 }}
              value={evaluation.product ?? ""}
              onChange={(event) => update(evaluation.id, { product: textValue(event.target.value) })}
            />
          </FileField>
          <FileField section={SECTION} path={`${base}.rating`} errors={errors}>
            <Flex gap={8} align="center" style={{ minHeight: 32 }}>
              <Typography.Text type="secondary">{t("evaluations.rating")}</Typography.Text>
              <Rate
                aria-label={t("evaluations.rating")}
                data-testid={id("rating")}
                count={PROVIDER_RATING_MAX}
                value={evaluation.rating ?? 0}
                onChange={(rating) => update(evaluation.id, { rating: rating === 0 ? null : rating })}
              />
            </Flex>
          </FileField>
        </Flex>
        <FileField section={SECTION} path={`${base}.comment`} errors={errors}>
          <Input.TextArea
            aria-label={t("evaluations.comment")}
            placeholder={t("evaluations.comment")}
            data-testid={id("comment")}
            maxLength={FILE_TEXT_MAX_CHARS}
            autoSize={{ minRows: 1, maxRows: 6 }}
            value={evaluation.comment ?? ""}
            onChange={(event) => update(evaluation.id, { comment: textValue(event.target.value) })}
          />
        </FileField>
      </Flex>
    );
  };

  return (
    <FileField
      section={SECTION}
      path="providerEvaluations"
      label={FILE_FIELD_LABELS.providerEvaluations}
      extra={enterpriseOnly ? <span data-testid="file-provider-evaluations-enterprise-only">{t("evaluations.enterpriseOnly")}</span> : readOnly ? undefined : FILE_FIELD_HINTS.providerEvaluations}
      errors={errors}
    >
      <ItemList
        items={evaluations}
        readOnly={readOnly}
        addLabel={t("evaluations.add")}
        testIds={{
          list: "file-provider-evaluations",
          add: "file-add-results.providerEvaluations",
          remove: (index) => `file-remove-results.providerEvaluations.${index}`,
        }}
        onAdd={() =>
          onChange((items) => [...items, { id: newItemId(), providerId: null, providerName: null, product: null, rating: null, comment: null }])
        }
        onRemove={(id) => onChange((items) => items.filter((item) => item.id !== id))}
        renderItem={row}
      />
    </FileField>
  );
}
