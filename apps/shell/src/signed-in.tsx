import { AppProviders } from "@dtpilot/app-root";
import { createAppQueryClient, createAppTRPCClient, seedMe } from "@dtpilot/data-access";
import { currentLanguage } from "@dtpilot/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { goToLogin } from "./go-to-login";
import "./shared-check";

/** Renders the signed-in shell; `probedMe` is the `auth.me` answer main.tsx already fetched (superjson-encoded). */
export function mountSignedIn(container: HTMLElement, probedMe: unknown) {
  const queryClient = createAppQueryClient({ onUnauthorized: goToLogin });
  const trpcClient = createAppTRPCClient({ language: currentLanguage });
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
