import { useTRPC } from "@dtpilot/data-access";
import { apiErrorField } from "@dtpilot/ui";
import { useMutation } from "@tanstack/react-query";
import { Button, Form, Input } from "antd";
import { useTranslation } from "react-i18next";

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 修改密码: current password, new password twice; the API's localised refusal shows under the field it names. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation("common");
  const trpc = useTRPC();
  const [form] = Form.useForm<PasswordChange>();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        onChanged();
      },
    }),
  );
  const errorField = change.isError ? apiErrorField(change.error) : undefined;
  const fieldError = (field: keyof PasswordChange) =>
    errorField === field ? { validateStatus: "error" as const, help: change.error?.message } : {};

  return (
    <Form<PasswordChange>
      form={form}
      layout="vertical"
      style={{ maxWidth: 400 }}
      onFinish={({ currentPassword, newPassword }) => change.mutate({ currentPassword, newPassword })}
    >
      <Form.Item name="currentPassword" label={t("account.currentPassword")} rules={[{ required: true }]} {...fieldError("currentPassword")}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t("account.newPassword")} rules={[{ required: true }]} {...fieldError("newPassword")}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t("account.confirmPassword")}
        dependencies={["newPassword"]}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("account.passwordMismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t("account.submit")}
      </Button>
    </Form>
  );
}
