import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { i18n } from "./i18n/i18n";
import { TRPCProvider, type AppTRPCClient } from "./trpc/trpc";

function LocalisedAntd({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <ConfigProvider
      locale={current.language === "en" ? enUS : zhCN}
      theme={{ token: { colorPrimary: "#1456b8" } }}
      // Labels read exactly as the guide writes them (登录, 重试), without Ant Design's space between two characters.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything a screen needs from the page: i18n, Ant Design in the current language, react-query and tRPC. */
export function AppProviders({
  queryClient,
  trpcClient,
  children,
}: {
  queryClient: QueryClient;
  trpcClient: AppTRPCClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedAntd>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
          </TRPCProvider>
        </QueryClientProvider>
      </LocalisedAntd>
    </I18nextProvider>
  );
}
