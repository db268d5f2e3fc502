import { DataProviders, type AppTRPCClient } from "@dtpilot/data-access";
import { UiProviders } from "@dtpilot/ui";
import type { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** Everything a screen needs from the page: i18n, Ant Design in the current language, react-query and tRPC. */
export function AppProviders({ queryClient, trpcClient, children }: { queryClient: QueryClient; trpcClient: AppTRPCClient; children: ReactNode }) {
  return (
    <UiProviders>
      <DataProviders queryClient={queryClient} trpcClient={trpcClient}>
        {children}
      </DataProviders>
    </UiProviders>
  );
}
