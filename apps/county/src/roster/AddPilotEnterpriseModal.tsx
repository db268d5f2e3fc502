import {
  ENTERPRISE_SCALES,
  ROSTER_COLUMNS,
  ROSTER_CONTACT_MAX_CHARS,
  ROSTER_NAME_MAX_CHARS,
  isValidUnifiedSocialCreditCode,
  normaliseCreditCode,
  parseRevenue,
  type EnterpriseScale,
  type RosterColumnKey,
  type PilotEnterpriseInput,
} from "@dtpilot/domain";
import { translateError } from "@dtpilot/i18n";
import { useTRPC } from "@dtpilot/data-access";
import { apiErrorField, currentLanguage } from "@dtpilot/ui";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Radio, Select, type FormRule } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PilotEnterpriseView } from "./roster-types";

/** The form's values as typed; the input to roster.addPilotEnterprise is derived from them on submit. */
export interface PilotEnterpriseFormValues {
  name?: string;
  creditCode?: string;
  subIndustry?: string;
  scale?: EnterpriseScale;
  specialised?: boolean;
  lastYearRevenue?: string;
  contactName?: string;
  contactPhone?: string;
}

type FieldKey = Exclude<RosterColumnKey, "serial">;
/** The form's fields in the template's column order (序号 is not part of an entry). */
const FIELD_KEYS = ROSTER_COLUMNS.map((column) => column.key).filter((key): key is FieldKey => key !== "serial");

/** What the form sends: trimmed, the credit code normalised, the revenue canonical. Null while a value cannot be sent. */
export function pilotEnterpriseFromForm(values: PilotEnterpriseFormValues): PilotEnterpriseInput | null {
  const revenue = parseRevenue(values.lastYearRevenue ?? "");
  const creditCode = normaliseCreditCode(values.creditCode ?? "");
  const name = values.name?.trim() ?? "";
  if (!name || !isValidUnifiedSocialCreditCode(creditCode) || !values.subIndustry || !values.scale || values.specialised === undefined || !revenue.ok) {
    return null;
  }
  const entry: PilotEnterpriseInput = {
    name,
    creditCode,
    subIndustry: values.subIndustry,
    scale: values.scale,
    specialised: values.specialised,
    lastYearRevenue: revenue.value,
  };
  const contactName = values.contactName?.trim();
  const contactPhone = values.contactPhone?.trim();
  if (contactName) entry.contactName = contactName;
  if (contactPhone) entry.contactPhone = contactPhone;
  return entry;
}

/** The form field an API error names ("entry.creditCode" → "creditCode"), if it is one of the form's. */
export function formFieldOfApiError(field: string | undefined): FieldKey | null {
  const key = field?.startsWith("entry.") ? field.slice("entry.".length) : undefined;
  return key && (FIELD_KEYS as readonly string[]).includes(key) ? (key as FieldKey) : null;
}

/**
 * 新增企业: one enterprise typed in, checked as the API will check it (the credit code live), then added. An API error
 * is shown beside the field it names, or above the form; what was typed stays.
 */
export function AddPilotEnterpriseModal({
  open,
  subIndustries,
  planHref,
  onClose,
  onAdded,
}: {
  open: boolean;
  subIndustries: readonly string[];
  planHref: string;
  onClose: () => void;
  onAdded: (entry: PilotEnterpriseView) => void;
}) {
  const { t } = useTranslation("county");
  const trpc = useTRPC();
  const [form] = Form.useForm<PilotEnterpriseFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(trpc.roster.addPilotEnterprise.mutationOptions());
  const locale = currentLanguage();
  const label = (key: FieldKey) => t(`roster.columns.${key}`);
  const required: FormRule = { required: true, whitespace: true, message: translateError(locale, "roster.required") };
  const noSubIndustries = subIndustries.length === 0;

  const submit = (values: PilotEnterpriseFormValues) => {
    const entry = pilotEnterpriseFromForm(values);
    if (!entry) return;
    setFormError(null);
    add.mutate(
      { entry },
      {
        onSuccess: (added) => {
          form.resetFields();
          onAdded(added);
        },
        onError: (error) => {
          const field = formFieldOfApiError(apiErrorField(error));
          if (field) form.setFields([{ name: field, errors: [error.message] }]);
          else setFormError(error.message);
        },
      },
    );
  };

  const fields: Record<FieldKey, ReactNode> = {
    name: (
      <Form.Item
        key="name"
        name="name"
        label={label("name")}
        rules={[required, { max: ROSTER_NAME_MAX_CHARS, message: translateError(locale, "roster.tooLong", { maximum: ROSTER_NAME_MAX_CHARS }) }]}
      >
        <Input autoComplete="off" maxLength={ROSTER_NAME_MAX_CHARS} />
      </Form.Item>
    ),
    creditCode: (
      <Form.Item
        key="creditCode"
        name="creditCode"
        label={label("creditCode")}
        rules={[
          required,
          {
            validator: async (_, value: string | undefined) => {
              const code = normaliseCreditCode(value ?? "");
              if (code && !isValidUnifiedSocialCreditCode(code)) throw new Error(translateError(locale, "creditCode.invalid"));
            },
          },
        ]}
      >
        <Input
          autoComplete="off"
          spellCheck={false}
          style={{ fontFamily: "monospace" }}
          onBlur={(event) => {
            const code = normaliseCreditCode(event.target.value);
            if (code !== event.target.value) form.setFieldValue("creditCode", code);
          }}
        />
      </Form.Item>
    ),
    subIndustry: (
      <Form.Item
        key="subIndustry"
        name="subIndustry"
        label={label("subIndustry")}
        rules={[required]}
        extra={
          noSubIndustries ? (
            <span data-testid="roster-add-no-sub-industries">
              {t("roster.form.noSubIndustries")} <Link to={planHref}>{t("roster.form.goToPlan")}</Link>
            </span>
          ) : undefined
        }
      >
        <Select
          placeholder={t("roster.form.subIndustryPlaceholder")}
          disabled={noSubIndustries}
          options={subIndustries.map((name) => ({ value: name, label: name }))}
          showSearch={{ optionFilterProp: "label" }}
        />
      </Form.Item>
    ),
    scale: (
      <Form.Item key="scale" name="scale" label={label("scale")} rules={[{ required: true, message: translateError(locale, "roster.required") }]}>
        <Radio.Group aria-label={label("scale")} options={ENTERPRISE_SCALES.map((scale) => ({ value: scale, label: t(`roster.scales.${scale}`) }))} />
      </Form.Item>
    ),
    specialised: (
      <Form.Item
        key="specialised"
        name="specialised"
        label={label("specialised")}
        rules={[{ required: true, message: translateError(locale, "roster.required") }]}
      >
        <Radio.Group
          aria-label={label("specialised")}
          options={[
            { value: true, label: t("roster.yes") },
            { value: false, label: t("roster.no") },
          ]}
        />
      </Form.Item>
    ),
    lastYearRevenue: (
      <Form.Item
        key="lastYearRevenue"
        name="lastYearRevenue"
        label={label("lastYearRevenue")}
        rules={[
          required,
          {
            validator: async (_, value: string | undefined) => {
              if (!value?.trim()) return;
              const revenue = parseRevenue(value);
              if (!revenue.ok) throw new Error(translateError(locale, revenue.key, { value, places: 4 }));
            },
          },
        ]}
      >
        <Input autoComplete="off" inputMode="decimal" />
      </Form.Item>
    ),
    contactName: (
      <Form.Item
        key="contactName"
        name="contactName"
        label={label("contactName")}
        rules={[{ max: ROSTER_CONTACT_MAX_CHARS, message: translateError(locale, "roster.tooLong", { maximum: ROSTER_CONTACT_MAX_CHARS }) }]}
      >
        <Input autoComplete="off" maxLength={ROSTER_CONTACT_MAX_CHARS} />
      </Form.Item>
    ),
    contactPhone: (
      <Form.Item
        key="contactPhone"
        name="contactPhone"
        label={label("contactPhone")}
        rules={[{ max: ROSTER_CONTACT_MAX_CHARS, message: translateError(locale, "roster.tooLong", { maximum: ROSTER_CONTACT_MAX_CHARS }) }]}
      >
        <Input autoComplete="off" maxLength={ROSTER_CONTACT_MAX_CHARS} />
      </Form.Item>
    ),
  };

  return (
    <Modal
      open={open}
      title={t("roster.form.title")}
      onCancel={onClose}
      forceRender
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("roster.form.cancel")}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={add.isPending}
          disabled={noSubIndustries}
          onClick={() => form.submit()}
          data-testid="roster-add-submit"
        >
          {t("roster.form.submit")}
        </Button>,
      ]}
    >
      <Form<PilotEnterpriseFormValues> form={form} layout="vertical" onFinish={submit} data-testid="roster-add-form">
        {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="roster-add-error" /> : null}
        {FIELD_KEYS.map((key) => fields[key])}
      </Form>
    </Modal>
  );
}
