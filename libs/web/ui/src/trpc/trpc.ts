import type { AppRouter } from "@dtpilot/api";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { FIRST_PARTY_CLIENT_HEADER, WEB_CLIENT } from "@dtpilot/domain";
import superjson, { type SuperJSONResult } from "superjson";
import { currentLanguage } from "../i18n/i18n";

export type { AppRouter };

/** tRPC hooks bound to the API's router type; one context for the page because @dtpilot/ui is a shared singleton. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type AppTRPCClient = ReturnType<typeof createAppTRPCClient>;
/** What `auth.me` answers: the user, role, scope, the names of what they belong to, and the packed CASL rules. */
export type Me = Awaited<ReturnType<AppTRPCClient["auth"]["me"]["query"]>>;

/**
 * The browser talks to the API same-origin (`/trpc`, proxied by whatever serves the shell), so the session cookie
 * stays SameSite and no CORS is involved. Every request names the current language, so errors come back in it, and
 * says it comes from our web client (a mutation without an Origin header is refused otherwise).
 */
export function createAppTRPCClient(url = "/trpc") {
  const options = {
    url,
    transformer: superjson,
    headers: () => ({ "x-locale": currentLanguage(), [FIRST_PARTY_CLIENT_HEADER]: WEB_CLIENT }),
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

/** The tRPC error code ("UNAUTHORIZED", "NOT_FOUND", …) of an API error, if it is one. */
export function apiErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (data && typeof data === "object" && "code" in data && typeof data.code === "string") return data.code;
  return undefined;
}

/** The field an API error names (`error.data.field`), for placing the message beside the right input. */
export function apiErrorField(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (data && typeof data === "object" && "field" in data && typeof data.field === "string") return data.field;
  return undefined;
}

/**
 * Puts an `auth.me` answer fetched outside tRPC (the shell's first request, superjson-encoded) into the cache under
 * the key `trpc.auth.me.queryOptions()` uses — tRPC's `[path, { type }]` form — so it is not asked for twice.
 */
export function seedMe(queryClient: QueryClient, encoded: unknown): void {
  queryClient.setQueryData([["auth", "me"], { type: "query" }], superjson.deserialize<Me>(encoded as SuperJSONResult));
}
