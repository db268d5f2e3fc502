import type { AppRouter } from "@dtpilot/api";
import { useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useMemo } from "react";
import { getI18n } from "react-i18next";
import superjson from "superjson";

/**
 * How the plan screens reach the API. This entry ("@dtpilot/ui/plan") is bundled by each app, and Module Federation
 * keeps a package's imports of itself local: `useTRPC` imported here from "@dtpilot/ui" would be a bundled copy whose
 * tRPC context no provider fills (and its i18n module a second instance). So nothing here imports "@dtpilot/ui" at
 * runtime (a test checks it): the typed options come from the page's shared QueryClient, whose cache, keys and
 * session handling they share with the app's own queries, and a client configured like createAppTRPCClient —
 * same-origin /trpc, the session cookie, the reader's language on every request.
 */
let client: TRPCClient<AppRouter> | null = null;

function planClient(): TRPCClient<AppRouter> {
  client ??= createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/trpc",
        transformer: superjson,
        headers: () => ({ "x-locale": getI18n()?.language === "en" ? "en" : "zh-CN" }),
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
      }),
    ],
  });
  return client;
}

/** Typed query and mutation options, as `useTRPC()` gives them; their query keys are the app's own. */
export function usePlanApi() {
  const queryClient = useQueryClient();
  return useMemo(() => createTRPCOptionsProxy<AppRouter>({ client: planClient(), queryClient }), [queryClient]);
}
