import type { Locale } from "@dtpilot/i18n";

/**
 * A request's context as the router type names it, which the web apps import: only what tRPC itself reads (the
 * error formatter). The server's part (services, session, cookies) is added to this interface where the context is
 * made (context.ts), so a web typecheck reads no server code while the API sees the whole context.
 */
export interface RequestContext {
  requestId: string;
  locale: Locale;
}
