import { useTRPC } from "@dtpilot/data-access";
import { ErrorResult, i18n, lazyPage, PageSuspense, registerMessages, type RemoteAppProps, type RemoteNavItem } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import { createElement } from "react";
import { createPortal } from "react-dom";
import { Route, Routes, useNavigate } from "react-router";
import { provinceEn } from "./locales/en";
import { provinceZhCN } from "./locales/zh-CN";
import { CountiesPage } from "./pages/CountiesPage";

// The landing page comes with the remote; the others load on their first visit.
const AuditLogPage = lazyPage(() => import("@dtpilot/audit-ui").then((module) => module.AuditLogPage));
const PlanReviewPage = lazyPage(() => import("./plans/PlanReviewPage").then((module) => module.PlanReviewPage));
const PlansPage = lazyPage(() => import("./plans/PlansPage").then((module) => module.PlansPage));
const RosterChangesPage = lazyPage(() => import("./roster/RosterChangesPage").then((module) => module.RosterChangesPage));

export const namespace = "province";
registerMessages(namespace, { "zh-CN": provinceZhCN, en: provinceEn });

/** The shell's menu entries for this app, relative to /province. */
export const navigation: RemoteNavItem[] = [
  { path: "", label: "nav.counties" },
  { path: "plans", label: "nav.plans" },
  { path: "roster-changes", label: "nav.rosterChanges" },
  { path: "audit", label: "nav.audit", requires: { action: "read", subject: "AuditRecord" } },
];

/** This remote's own references to the shared singletons; the shell checks they are its own (one React). */
export const sharedProbe = { react: createElement, reactDom: createPortal, router: useNavigate, antd: ConfigProvider, query: QueryClient, dataAccess: useTRPC, ui: i18n };

/**
 * 省工信厅 / 设区市 / 第三方机构: the counties in scope, by region and city, marking the current batch; the counties'
 * implementation plans, which a city recommends or returns and the province approves or returns.
 */
export default function ProvinceApp({ basePath }: RemoteAppProps) {
  return (
    <PageSuspense>
      <Routes>
        <Route index element={<CountiesPage />} />
        <Route path="plans" element={<PlansPage basePath={basePath} />} />
        <Route path="plans/:planId" element={<PlanReviewPage basePath={basePath} />} />
        <Route path="roster-changes" element={<RosterChangesPage />} />
        <Route path="audit" element={<AuditLogPage chooseCounty />} />
        <Route path="*" element={<ErrorResult kind="notFound" homeHref={basePath} />} />
      </Routes>
    </PageSuspense>
  );
}
