import { homeAppFor, SessionProvider, useTRPC, type AppName } from "@dtpilot/data-access";
import { apiErrorCode, ErrorResult, RemoteLoading } from "@dtpilot/ui";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Navigate, Route, Routes, useSearchParams } from "react-router";
import { AccountPage } from "./account/AccountPage";
import { InitialPasswordPage } from "./account/InitialPasswordPage";
import { AppFrame } from "./frame/AppFrame";
import { RemoteRoute } from "./frame/RemoteRoute";
import { goToLogin } from "./go-to-login";

const APPS: AppName[] = ["county", "enterprise", "provider", "province"];

/** The signed-in shell: the frame with the role's own app, the account page, and 403/404 for everything else. */
export function App() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 60_000 }));
  const signedOut = me.isError && apiErrorCode(me.error) === "UNAUTHORIZED";
  useEffect(() => {
    if (signedOut) goToLogin();
  }, [signedOut]);

  if (me.isPending || signedOut) return <RemoteLoading />;
  if (me.isError) return <ErrorResult kind="server" description={me.error.message} onRetry={() => void me.refetch()} />;

  const home = homeAppFor(me.data.role);
  // An initial password is replaced before anything else (the API refuses everything else until then).
  if (me.data.mustChangePassword) {
    return (
      <SessionProvider me={me.data}>
        <InitialPasswordPage />
      </SessionProvider>
    );
  }
  return (
    <SessionProvider me={me.data}>
      <Routes>
        <Route path="/login" element={<AfterLogin home={home} />} />
        <Route path="/login.html" element={<AfterLogin home={home} />} />
        <Route element={<AppFrame home={home} />}>
          <Route index element={<Navigate to={`/${home}`} replace />} />
          {APPS.map((app) => (
            <Route
              key={app}
              path={`/${app}/*`}
              element={app === home ? <RemoteRoute key={app} app={app} /> : <ErrorResult kind="forbidden" homeHref={`/${home}`} />}
            />
          ))}
          <Route path="/account" element={<AccountPage />} />
          <Route path="*" element={<ErrorResult kind="notFound" homeHref={`/${home}`} />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}

/** Signed in already: go where the login page was asked to return to, or to the role's app. */
function AfterLogin({ home }: { home: AppName }) {
  const [params] = useSearchParams();
  const from = params.get("from");
  return <Navigate to={from && from.startsWith("/") && !from.startsWith("//") ? from : `/${home}`} replace />;
}
