import { useTRPC } from "@dtpilot/data-access";
import { i18n } from "@dtpilot/ui";
import { QueryClient } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { useNavigate } from "react-router";

/** The shell's own references to the shared singletons; a remote's probe must hold the very same objects. */
const SHELL_SINGLETONS: Record<string, unknown> = {
  react: React.createElement,
  reactDom: ReactDOM.createPortal,
  router: useNavigate,
  antd: ConfigProvider,
  query: QueryClient,
  // Our two shared libraries: the page's tRPC/session/ability contexts and its i18n instance.
  dataAccess: useTRPC,
  ui: i18n,
};

declare global {
  interface Window {
    /** The shell's React, for checking from outside (e2e) that the page runs one React. */
    __DTPILOT_REACT__?: typeof React;
    /** Per loaded remote: which shared singletons are identical to the shell's (all true when sharing works). */
    __DTPILOT_SHARED__?: Record<string, Record<string, boolean>>;
  }
}

window.__DTPILOT_REACT__ = React;

export function recordSharedProbe(remote: string, probe: Record<string, unknown>) {
  const result = Object.fromEntries(Object.entries(SHELL_SINGLETONS).map(([key, value]) => [key, probe[key] === value]));
  window.__DTPILOT_SHARED__ = { ...window.__DTPILOT_SHARED__, [remote]: result };
  const different = Object.entries(result).filter(([, same]) => !same);
  if (different.length > 0) console.error(`The remote "${remote}" uses its own copy of: ${different.map(([key]) => key).join(", ")}`);
}
