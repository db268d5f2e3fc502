import { AppProviders, createAppQueryClient, createAppTRPCClient, seedMe } from "@dtpilot/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import "./shared-check";

/** A full page load of the login page: it clears every cache and remote state of the session that ended. */
export function goToLogin() {
  const from = window.location.pathname + window.location.search;
  window.location.assign(from === "/" || from.startsWith("/login") ? "/login" : `/login?from=${encodeURIComponent(from)}`);
}

/** Renders the signed-in shell; `probedMe` is the `auth.me` answer main.tsx already fetched (superjson-encoded). */
export function mountSignedIn(container: HTMLElement, probedMe: unknown) {
  const queryClient = createAppQueryClient({ onUnauthorized: goToLogin });
  const trpcClient = createAppTRPCClient();
  if (probedMe) seedMe(queryClient, probedMe);
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} trpcClient={trpcClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
}
