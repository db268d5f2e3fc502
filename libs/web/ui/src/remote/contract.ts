import type { Action, SubjectName } from "@dtpilot/permissions";
import type { ComponentType } from "react";

/** What the shell hands a remote's root component: the path prefix it is mounted under (e.g. "/county"). */
export interface RemoteAppProps {
  basePath: string;
}

/** One entry of the shell's navigation for a remote; `label` is a key in the remote's own i18n namespace. */
export interface RemoteNavItem {
  path: string;
  label: string;
  /** Shown only to a user whose ability allows this (e.g. 审计日志: read AuditRecord), like the API's own check. */
  requires?: { action: Action; subject: SubjectName };
  /** Other paths (relative, like `path`) whose pages belong to this entry, e.g. a list's detail pages elsewhere. */
  alsoSelects?: string[];
}

/**
 * What every remote exposes as "./App". `sharedProbe` holds the remote's own references to the shared singletons
 * (React, react-dom, react-router, antd, react-query, @dtpilot/data-access, @dtpilot/ui), so the shell can prove
 * they are the very objects it uses.
 */
export interface RemoteAppModule {
  default: ComponentType<RemoteAppProps>;
  namespace: string;
  navigation: RemoteNavItem[];
  sharedProbe: Record<string, unknown>;
}

export function isRemoteAppModule(value: unknown): value is RemoteAppModule {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Partial<RemoteAppModule>;
  return typeof candidate.default === "function" && typeof candidate.namespace === "string" && Array.isArray(candidate.navigation);
}
