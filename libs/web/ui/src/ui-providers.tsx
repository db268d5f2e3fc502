import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { i18n } from "./i18n/i18n";

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

/** The page's i18n and Ant Design in its current language. */
export function UiProviders({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedAntd>{children}</LocalisedAntd>
    </I18nextProvider>
  );
}
