import { useSession } from "@dtpilot/data-access";
import { PageLayout } from "@dtpilot/ui";
import { App, Card, Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import { organisationOf } from "../frame/organisation";
import { PasswordChangeForm } from "./PasswordChangeForm";

/** The signed-in user's account: who they are, and changing their password (which ends their other sessions). */
export function AccountPage() {
  const { t } = useTranslation("common");
  const me = useSession();
  const { message } = App.useApp();

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
        <PasswordChangeForm onChanged={() => void message.success(t("account.passwordChanged"))} />
      </Card>
    </PageLayout>
  );
}
