import { type AppName } from "@dtpilot/data-access";
import { RemoteSlot, type RemoteAppProps } from "@dtpilot/ui";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { loadRemoteApp } from "../remotes";
import { recordSharedProbe } from "../shared-check";
import { useSetRemoteNavigation } from "./navigation";

/** Mounts a remote under `/<app>/*`; a remote that cannot be loaded shows a message and 重试 in its place. */
export function RemoteRoute({ app }: { app: AppName }) {
  const { t } = useTranslation("common");
  const setNavigation = useSetRemoteNavigation();
  const load = useCallback(
    async (attempt: number) => {
      const module = await loadRemoteApp(app, attempt);
      recordSharedProbe(app, module.sharedProbe);
      setNavigation({ app, namespace: module.namespace, items: module.navigation });
      return module.default;
    },
    [app, setNavigation],
  );
  const props: RemoteAppProps = { basePath: `/${app}` };
  return <RemoteSlot label={t(`apps.${app}`)} load={load} props={props} />;
}
