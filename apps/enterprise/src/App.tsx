import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, i18n, lazyPage, PageSuspense, registerMessages, type RemoteAppProps, type RemoteNavItem } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import { createElement } from "react";
import { createPortal } from "react-dom";
import { Route, Routes, useNavigate } from "react-router";
import { enterpriseEn } from "./locales/en";
import { enterpriseZhCN } from "./locales/zh-CN";
import { ProfilePage } from "./pages/ProfilePage";

// The landing page comes with the remote; the others load on their first visit.
const FilePage = lazyPage(() => import("./file/FilePage").then((module) => module.FilePage));

export const namespace = "enterprise";
registerMessages(namespace, { "zh-CN": enterpriseZhCN, en: enterpriseEn });

/** The shell's menu entries for this app, relative to /enterprise. */
export const navigation: RemoteNavItem[] = [
  { path: "", label: "nav.profile" },
  { path: "file", label: "nav.file" },
];

/** This remote's own references to the shared singletons; the shell checks they are its own (one React). */
export const sharedProbe = { react: createElement, reactDom: createPortal, router: useNavigate, antd: ConfigProvider, query: QueryClient, dataAccess: useTRPC, ui: i18n };

/** 试点企业: the enterprise's own organisation and its file 一企一档 (改造信息表). */
export default function EnterpriseApp({ basePath }: RemoteAppProps) {
  return (
    <PageSuspense>
      <Routes>
        <Route index element={<ProfilePage />} />
        <Route path="file" element={<FilePage />} />
        <Route path="*" element={<ErrorResult kind="notFound" homeHref={basePath} />} />
      </Routes>
    </PageSuspense>
  );
}
