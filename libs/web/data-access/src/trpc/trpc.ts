import type { AppRouter } from "@dtpilot/api";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { apiErrorCode, FIRST_PARTY_CLIENT_HEADER, WEB_CLIENT } from "@dtpilot/domain";
import superjson, { type SuperJSONResult } from "superjson";

export type { AppRouter };

/** tRPC hooks bound to the API's router type; one context for the page because @dtpilot/data-access is a shared singleton. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type AppTRPCClient = ReturnType<typeof createAppTRPCClient>;
/** What `auth.me` answers: the user, role, scope, the names of what they belong to, and the packed CASL rules. */
export type Me = Awaited<ReturnType<AppTRPCClient["auth"]["me"]["query"]>>;

/**
 * The browser talks to the API same-origin (`/trpc`, proxied by whatever serves the shell), so the session cookie
 * stays SameSite and no CORS is involved. Every request names the current language (`language`: the page's i18n,
 * which lives in the UI kit), so errors come back in it, and says it comes from our web client (a mutation without
 * an Origin header is refused otherwise).
 */
export function createAppTRPCClient({ language, url = "/trpc" }: { language: () => string; url?: string }) {
  const options = {
    url,
    transformer: superjson,
    headers: () => ({ "x-locale": language(), [FIRST_PARTY_CLIENT_HEADER]: WEB_CLIENT }),
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: "same-origin" }),
  };
  return createTRPCClient<AppRouter>({
    links: [
      // The API refuses `auth.*` calls in a batch and batches of more than 10 calls (TRPC_MAX_BATCH_SIZE).
      splitLink({
        condition: (operation) => operation.path.startsWith("auth."),
        true: httpLink(options),
        false: httpBatchLink({ ...options, maxItems: 10 }),
      }),
    ],
  });
}

/** `onUnauthorized`: what to do when any query finds the session gone (expired, ended elsewhere). */
export function createAppQueryClient(options: { onUnauthorized?: () => void } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (apiErrorCode(error) === "UNAUTHORIZED") options.onUnauthorized?.();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Access and validation errors will not change on retry; only network trouble might.
        retry: (failureCount, error) => failureCount < 2 && apiErrorCode(error) === undefined,
      },
    },
  });
}

/**
 * Puts an `auth.me` answer fetched outside tRPC (the shell's first request, superjson-encoded) into the cache under
 * the key `trpc.auth.me.queryOptions()` uses — tRPC's `[path, { type }]` form — so it is not asked for twice.
 */
export function seedMe(queryClient: QueryClient, encoded: unknown): void {
  queryClient.setQueryData([["auth", "me"], { type: "query" }], superjson.deserialize<Me>(encoded as SuperJSONResult));
}
