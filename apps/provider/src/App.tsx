import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, i18n, lazyPage, PageSuspense, registerMessages, type RemoteAppProps, type RemoteNavItem } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import { createElement } from "react";
import { createPortal } from "react-dom";
import { Route, Routes, useNavigate } from "react-router";
import { providerEn } from "./locales/en";
import { providerZhCN } from "./locales/zh-CN";
import { ProfilePage } from "./pages/ProfilePage";

// The landing page comes with the remote; the others load on their first visit.
const EnterpriseFilePage = lazyPage(() => import("./file/EnterpriseFilePage").then((module) => module.EnterpriseFilePage));
const EnterprisesPage = lazyPage(() => import("./file/EnterprisesPage").then((module) => module.EnterprisesPage));

export const namespace = "provider";
registerMessages(namespace, { "zh-CN": providerZhCN, en: providerEn });

/** The shell's menu entries for this app, relative to /provider. */
export const navigation: RemoteNavItem[] = [
  { path: "", label: "nav.profile" },
  { path: "enterprises", label: "nav.enterprises" },
];

/** This remote's own references to the shared singletons; the shell checks they are its own (one React). */
export const sharedProbe = { react: createElement, reactDom: createPortal, router: useNavigate, antd: ConfigProvider, query: QueryClient, dataAccess: useTRPC, ui: i18n };

/** 数字化服务商: the provider's own organisation, the counties it serves, and the files of the enterprises it serves. */
export default function ProviderApp({ basePath }: RemoteAppProps) {
  return (
    <PageSuspense>
      <Routes>
        <Route index element={<ProfilePage />} />
        <Route path="enterprises" element={<EnterprisesPage basePath={basePath} />} />
        <Route path="enterprises/:pilotEnterpriseId" element={<EnterpriseFilePage basePath={basePath} />} />
        <Route path="*" element={<ErrorResult kind="notFound" homeHref={basePath} />} />
      </Routes>
    </PageSuspense>
  );
}
