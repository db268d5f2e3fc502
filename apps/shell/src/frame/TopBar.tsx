import { useSession, useTRPC } from "@dtpilot/data-access";
import { changeLanguage, currentLanguage, isLanguage } from "@dtpilot/ui";
import { BellOutlined, LogoutOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Empty, Flex, Layout, Popover, Segmented, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { organisationOf } from "./organisation";

/** User, role, organisation, language switch, notifications (none yet) and logout. */
export function TopBar() {
  const { t } = useTranslation("common");
  const me = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      // A full page load clears every cache and remote state of the signed-out user.
      onSettled: () => window.location.assign("/login"),
    }),
  );

  return (
    <Layout.Header style={{ background: "#0f3b82", paddingInline: 24, height: 56, lineHeight: "56px" }}>
      <Flex justify="space-between" align="center" gap={16} style={{ height: "100%" }}>
        <Link to="/" style={{ color: "#fff", fontWeight: 600, fontSize: 16, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
          {t("appTitle")}
        </Link>
        <Flex align="center" gap={16} style={{ color: "#fff" }}>
          <span data-testid="current-user">
            <Typography.Text strong style={{ color: "#fff" }}>
              {me.user.displayName}
            </Typography.Text>
            <Tag color="blue" style={{ marginInline: 8 }} data-testid="current-role">
              {t(`roles.${me.role}`)}
            </Tag>
            <Typography.Text style={{ color: "#dbe6ff" }} data-testid="current-organisation">
              {organisationOf(me, t)}
            </Typography.Text>
          </span>
          <Segmented
            size="small"
            aria-label={t("topBar.language")}
            value={currentLanguage()}
            options={[
              { label: t("languages.zh-CN"), value: "zh-CN" },
              { label: t("languages.en"), value: "en" },
            ]}
            onChange={(value) => {
              if (!isLanguage(value)) return;
              // Server-side texts (error messages) come in the request's language: fetch them again.
              void changeLanguage(value).then(() => queryClient.invalidateQueries());
            }}
          />
          <Popover title={t("topBar.notifications")} content={<Empty description={t("topBar.noNotifications")} image={Empty.PRESENTED_IMAGE_SIMPLE} />} trigger="click">
            <Badge count={0} size="small">
              <Button type="text" aria-label={t("topBar.notifications")} icon={<BellOutlined style={{ color: "#fff", fontSize: 18 }} />} />
            </Badge>
          </Popover>
          <Button icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
            {t("topBar.logout")}
          </Button>
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
