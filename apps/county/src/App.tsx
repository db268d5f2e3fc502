import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, i18n, lazyPage, PageSuspense, registerMessages, type RemoteAppProps, type RemoteNavItem } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import { createElement } from "react";
import { createPortal } from "react-dom";
import { Route, Routes, useNavigate } from "react-router";
import { countyEn } from "./locales/en";
import { countyZhCN } from "./locales/zh-CN";
import { OverviewPage } from "./pages/OverviewPage";

// The landing page comes with the remote; the others load on their first visit.
const AuditLogPage = lazyPage(() => import("@dtpilot/audit-ui").then((module) => module.AuditLogPage));
const EnterprisePage = lazyPage(() => import("./pages/EnterprisePage").then((module) => module.EnterprisePage));
const EnterprisesPage = lazyPage(() => import("./pages/EnterprisesPage").then((module) => module.EnterprisesPage));
const PilotEnterprisePage = lazyPage(() => import("./roster/PilotEnterprisePage").then((module) => module.PilotEnterprisePage));
const PlanPage = lazyPage(() => import("./plan/PlanPage").then((module) => module.PlanPage));

export const namespace = "county";
registerMessages(namespace, { "zh-CN": countyZhCN, en: countyEn });

/** The shell's menu entries for this app, relative to /county. */
export const navigation: RemoteNavItem[] = [
  { path: "", label: "nav.overview" },
  { path: "plan", label: "nav.plan" },
  // A pilot enterprise's page (roster/:id) is reached from the roster.
  { path: "enterprises", label: "nav.enterprises", alsoSelects: ["roster"] },
  { path: "audit", label: "nav.audit", requires: { action: "read", subject: "AuditRecord" } },
];

/** This remote's own references to the shared singletons; the shell checks they are its own (one React). */
export const sharedProbe = { react: createElement, reactDom: createPortal, router: useNavigate, antd: ConfigProvider, query: QueryClient, dataAccess: useTRPC, ui: i18n };

/** 试点县（市、区）: the county's profile and pilot overview, its implementation plan, its enterprise roster and the roster export. */
export default function CountyApp({ basePath }: RemoteAppProps) {
  return (
    <PageSuspense>
      <Routes>
        <Route index element={<OverviewPage />} />
        <Route path="plan" element={<PlanPage />} />
        <Route path="enterprises" element={<EnterprisesPage basePath={basePath} />} />
        <Route path="enterprises/:enterpriseId" element={<EnterprisePage basePath={basePath} />} />
        <Route path="roster/:pilotEnterpriseId" element={<PilotEnterprisePage basePath={basePath} />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="*" element={<ErrorResult kind="notFound" homeHref={basePath} />} />
      </Routes>
    </PageSuspense>
  );
}
