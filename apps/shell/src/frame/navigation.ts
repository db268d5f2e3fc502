import type { AppName } from "@dtpilot/data-access";
import type { RemoteNavItem } from "@dtpilot/ui";
import { createContext, useContext } from "react";

export interface RemoteNavigation {
  app: AppName;
  namespace: string;
  items: RemoteNavItem[];
}

/** Lets the route that loads a remote hand the remote's navigation entries to the frame's menu. */
export const RemoteNavigationContext = createContext<(navigation: RemoteNavigation) => void>(() => undefined);

export function useSetRemoteNavigation() {
  return useContext(RemoteNavigationContext);
}
