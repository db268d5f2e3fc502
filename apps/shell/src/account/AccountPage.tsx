import { apiErrorField, PageLayout, useSession, useTRPC } from "@dtpilot/ui";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { organisationOf } from "../frame/organisation";

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The signed-in user's account: who they are, and changing their password (which ends their other sessions). */
export function AccountPage() {
  const { t } = useTranslation("common");
  const me = useSession();
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChange>();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.resetFields();
        void message.success(t("account.passwordChanged"));
      },
    }),
  );
  const errorField = change.isError ? apiErrorField(change.error) : undefined;
  const fieldError = (field: keyof PasswordChange) =>
    errorField === field ? { validateStatus: "error" as const, help: change.error?.message } : {};

  return (
    <PageLayout title={t("account.title")}>
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: "displayName", label: t("account.displayName"), children: me.user.displayName },
            { key: "username", label: t("account.username"), children: me.user.username },
            { key: "role", label: t("account.role"), children: t(`roles.${me.role}`) },
            { key: "organisation", label: t("account.organisation"), children: organisationOf(me, t) },
          ]}
        />
      </Card>
      <Card title={t("account.changePassword")}>
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
      </Card>
    </PageLayout>
  );
}
