import { useSession, useTRPC } from "@dtpilot/data-access";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PasswordChangeForm } from "./PasswordChangeForm";

/**
 * 修改初始密码: an account opened with an initial password sees only this until it has chosen its own (the API answers
 * every other call with 403 until then). Once changed, `auth.me` is asked again and the shell opens as usual.
 */
export function InitialPasswordPage() {
  const { t } = useTranslation("common");
  const me = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSettled: () => window.location.assign("/login") }));

  return (
    <Flex justify="center" style={{ padding: "48px 16px" }}>
      <Card title={t("account.changeInitialPassword")} style={{ width: 480 }} data-testid="initial-password">
        <Typography.Paragraph>
          {me.user.displayName}（{me.user.username}）
        </Typography.Paragraph>
        <Alert type="info" showIcon title={t("account.initialPasswordNotice")} style={{ marginBottom: 24 }} />
        <PasswordChangeForm onChanged={() => void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() })} />
        <Button type="link" style={{ paddingInline: 0, marginTop: 16 }} loading={logout.isPending} onClick={() => logout.mutate()}>
          {t("topBar.logout")}
        </Button>
      </Card>
    </Flex>
  );
}
