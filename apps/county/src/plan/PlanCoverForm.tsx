import { PLAN_COVER_LABELS, PLAN_DERIVED_COVER_FIELDS, planSubIndustriesLine, type PlanCover, type PlanDataTable } from "@dtpilot/domain";
import { memo } from "react";
import { Form, Input, Typography } from "antd";
import { FieldCell, fieldTestId } from "./PlanFields";

/** Longest cover entry the API accepts. */
const COVER_TEXT_MAX = 200;

/**
 * 封面: the county and recommending city (盖章 on paper; the platform knows them, so they are shown, not typed), the
 * sub-industries (from the data table) and the contact.
 */
export const PlanCoverForm = memo(function PlanCoverForm({
  cover,
  table,
  onChange,
}: {
  cover: PlanCover;
  table: PlanDataTable;
  onChange: (field: keyof PlanCover, value: string) => void;
}) {
  const subIndustries = planSubIndustriesLine(table);
  const shown = (key: (typeof PLAN_DERIVED_COVER_FIELDS)[number]) => (
    <Form.Item key={key} label={PLAN_COVER_LABELS[key]} style={{ marginBottom: 12 }}>
      <Typography.Text data-testid={fieldTestId(`cover.${key}`)}>{cover[key]}</Typography.Text>
    </Form.Item>
  );
  const field = (key: keyof PlanCover) => {
    const path = `cover.${key}`;
    return (
      <Form.Item key={key} label={PLAN_COVER_LABELS[key]} htmlFor={path} style={{ marginBottom: 12 }}>
        <FieldCell path={path} errors={undefined}>
          <Input
            id={path}
            aria-label={PLAN_COVER_LABELS[key]}
            data-testid={fieldTestId(path)}
            maxLength={COVER_TEXT_MAX}
            value={cover[key]}
            onChange={(event) => onChange(key, event.target.value)}
          />
        </FieldCell>
      </Form.Item>
    );
  };
  return (
    <>
      {PLAN_DERIVED_COVER_FIELDS.map(shown)}
      <Form.Item label={PLAN_COVER_LABELS.subIndustries} style={{ marginBottom: 12 }}>
        <Typography.Text data-testid="plan-cover-subindustries">{subIndustries || "—"}</Typography.Text>
      </Form.Item>
      {field("contact")}
    </>
  );
});
