import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { TRPCProvider, type AppTRPCClient } from "./trpc/trpc";

/** The page's data access: react-query's cache and the tRPC client bound to it. */
export function DataProviders({ queryClient, trpcClient, children }: { queryClient: QueryClient; trpcClient: AppTRPCClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
