import { MergeView, type PendingMerge } from "@dtpilot/autosave";
import {
  CLOUD_USAGE_LABELS,
  DIGITAL_LEVEL_LABELS,
  DIRECTION_NEED_LABELS,
  ENTERPRISE_NATURE_LABELS,
  ENTERPRISE_SIZE_LABELS,
  FILE_FIELD_LABELS,
  indicatorName,
  indicatorUnit,
  OUTCOME_AREA_LABELS,
  QUALITY_SME_STATUS_LABELS,
  SCALE_CATEGORY_LABELS,
  type EnterpriseFile,
  type FileSectionKey,
  type MergeChoice,
  type MergeConflict,
  type QuantitativeIndicator,
} from "@dtpilot/domain";
import { currentLanguage, formatDateTime } from "@dtpilot/ui";
import { useFileTranslation, type FileT } from "./file-i18n";

/** Labels of the template's choices, by the field that holds them. */
const CHOICE_LABELS: Record<string, Record<string, string>> = {
  nature: ENTERPRISE_NATURE_LABELS,
  size: ENTERPRISE_SIZE_LABELS,
  scale: SCALE_CATEGORY_LABELS,
  qualityStatus: QUALITY_SME_STATUS_LABELS,
  usage: CLOUD_USAGE_LABELS,
  before: DIGITAL_LEVEL_LABELS,
  after: DIGITAL_LEVEL_LABELS,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(content: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), content);
}

/** The 1-based position of an item in its list, on either side. */
function itemNumber(lists: readonly unknown[], id: string): number | null {
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const index = list.findIndex((item) => isRecord(item) && item.id === id);
    if (index >= 0) return index + 1;
  }
  return null;
}

function fieldLabel(key: string): string {
  return (FILE_FIELD_LABELS as Record<string, string>)[key] ?? key;
}

/** Where a conflict sits, in the template's words: “企业基本情况”, “设备数采方面面临的需求（逐条列出） 第 2 条”. */
export function conflictLabel(t: FileT, section: FileSectionKey, conflict: MergeConflict, merge: PendingMerge<EnterpriseFile[FileSectionKey]>): string {
  const path = conflict.path;
  const [first = "", second = "", third = ""] = path;
  const numbered = (label: string, listPath: readonly string[], id: string) => {
    const number = itemNumber([at(merge.theirs.content, listPath), at(merge.merged, listPath)], id);
    return number === null ? label : t("merge.itemNumber", { label, number });
  };
  switch (section) {
    case "needs":
      return path.length >= 2 ? numbered(DIRECTION_NEED_LABELS[first as keyof typeof DIRECTION_NEED_LABELS] ?? first, [first], second) : first;
    case "results":
      if (first === "transformationItems" || first === "providerEvaluations") return numbered(fieldLabel(first), [first], second);
      if (first === "indicators") {
        const area = OUTCOME_AREA_LABELS[second as keyof typeof OUTCOME_AREA_LABELS] ?? second;
        return third ? numbered(`${FILE_FIELD_LABELS.outcomes}·${area}`, [first, second], third) : area;
      }
      if (first === "cloud") return second === "detail" ? `${FILE_FIELD_LABELS.cloud} ${t("results.cloudDetail")}` : FILE_FIELD_LABELS.cloud;
      if (first === "period") return `${FILE_FIELD_LABELS.period} ${second ? t(`results.${second}`) : ""}`.trim();
      if (first === "digitalLevel") return `${FILE_FIELD_LABELS.digitalLevel} ${second ? fieldLabel(second) : ""}`.trim();
      return fieldLabel(first);
    default:
      return fieldLabel(first);
  }
}

/** A side's value as text: the choice's label, 是/否, an item's text or summary, or （未填写）/（已删除）. */
export function conflictValue(t: FileT, conflict: MergeConflict, value: unknown): string {
  const key = conflict.path[conflict.path.length - 1] ?? "";
  if (value === null || value === undefined) {
    // In a deleted-versus-changed conflict the empty side is the one that deleted the item.
    return conflict.kind === "BOTH_CHANGED" ? t("notFilled") : t("merge.deleted");
  }
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (typeof value === "string") return CHOICE_LABELS[key]?.[value] ?? (value.trim() === "" ? t("notFilled") : value);
  if (typeof value === "number") return String(value);
  if (isRecord(value)) {
    if (typeof value.text === "string") return value.text.trim() === "" ? t("notFilled") : value.text;
    if ("kpi" in value) {
      const indicator = value as unknown as QuantitativeIndicator;
      const unit = indicatorUnit(indicator) ?? "";
      return `${indicatorName(indicator) ?? t("notFilled")}：${indicator.before ?? "—"} → ${indicator.after ?? "—"} ${unit}`.trim();
    }
    if ("providerName" in value) {
      const parts = [value.providerName, value.product, typeof value.rating === "number" ? "★".repeat(value.rating) : null, value.comment];
      return parts.filter((part) => typeof part === "string" && part.trim() !== "").join(" · ") || t("notFilled");
    }
  }
  return JSON.stringify(value);
}

/**
 * 合并视图 of a section: the kernel's merge view in the template's words — where each conflict sits, each side's value
 * as the form shows it, 保留我的 / 采用对方的, and 合并并保存.
 */
export function FileMergeView({
  section,
  merge,
  saving,
  onChoose,
  onApply,
}: {
  section: FileSectionKey;
  merge: PendingMerge<EnterpriseFile[FileSectionKey]>;
  saving: boolean;
  onChoose: (index: number, choice: MergeChoice) => void;
  onApply: () => void;
}) {
  const { t } = useFileTranslation();
  const by = merge.theirs.updatedBy ?? t("someone");
  const time = formatDateTime(merge.theirs.updatedAt, currentLanguage());
  return (
    <MergeView
      merge={merge}
      saving={saving}
      onChoose={onChoose}
      onApply={onApply}
      testId="file-merge"
      testIdSuffix={section}
      labels={{
        title: t("merge.title", { by, time, count: merge.conflicts.length }),
        help: t("merge.help"),
        mineValue: t("merge.mineValue"),
        theirsValue: t("merge.theirsValue"),
        mine: t("merge.mine"),
        theirs: t("merge.theirs"),
        apply: t("merge.apply"),
      }}
      describe={(conflict) => ({
        label: conflictLabel(t, section, conflict, merge),
        mine: conflictValue(t, conflict, conflict.mine),
        theirs: conflictValue(t, conflict, conflict.theirs),
      })}
    />
  );
}
