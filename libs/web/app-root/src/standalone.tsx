import { useQuery } from "@tanstack/react-query";
import { Button, Layout, Result } from "antd";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { createAppQueryClient, createAppTRPCClient, SessionProvider, useTRPC, type AppName } from "@dtpilot/data-access";
import { apiErrorCode, currentLanguage, ErrorResult, RemoteLoading, type RemoteAppModule } from "@dtpilot/ui";
import { AppProviders } from "./providers";

/** The shell's login page on the host this page was opened on (cookies are shared across a host's ports). */
function shellLoginUrl() {
  return `${window.location.protocol}//${window.location.hostname}:4200/login`;
}

function StandaloneApp({ app, module }: { app: AppName; module: RemoteAppModule }) {
  const { t } = useTranslation("common");
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false }));
  if (me.isPending) return <RemoteLoading />;
  if (me.isError) {
    if (apiErrorCode(me.error) === "UNAUTHORIZED") {
      return (
        <Result
          status="info"
          title={t("standalone.signInFirst")}
          extra={
            <Button type="primary" href={shellLoginUrl()}>
              {t("standalone.openShell")}
            </Button>
          }
        />
      );
    }
    return <ErrorResult kind="server" description={me.error.message} onRetry={() => void me.refetch()} />;
  }
  const RemoteApp = module.default;
  return (
    <SessionProvider me={me.data}>
      <Layout.Content style={{ padding: 24, minHeight: "100vh" }}>
        <Routes>
          <Route path={`/${app}/*`} element={<RemoteApp basePath={`/${app}`} />} />
          <Route path="*" element={<Navigate to={`/${app}`} replace />} />
        </Routes>
      </Layout.Content>
    </SessionProvider>
  );
}

/**
 * Runs a remote on its own dev server, outside the shell (same providers, the session of the shell's login — a
 * host's cookies are shared by its ports). For developing one app; the shell remains the way users reach it.
 */
export function mountStandalone(container: HTMLElement | null, app: AppName, module: RemoteAppModule) {
  if (!container) throw new Error("index.html has no #root element");
  const queryClient = createAppQueryClient();
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} trpcClient={createAppTRPCClient({ language: currentLanguage })}>
        <BrowserRouter>
          <StandaloneApp app={app} module={module} />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
}
