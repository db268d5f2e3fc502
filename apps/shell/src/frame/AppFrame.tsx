import { type AppName, useAppAbility } from "@dtpilot/data-access";
import { UserOutlined } from "@ant-design/icons";
import { Layout, Menu, type MenuProps } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { RemoteNavigationContext, type RemoteNavigation } from "./navigation";
import { TopBar } from "./TopBar";

/** The signed-in page: top bar, the navigation (the role's app's own entries, then the account), the routed content. */
export function AppFrame({ home }: { home: AppName }) {
  const { t } = useTranslation("common");
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [remoteNavigation, setRemoteNavigation] = useState<RemoteNavigation | null>(null);
  const ability = useAppAbility();

  const items = useMemo<NonNullable<MenuProps["items"]>>(() => {
    const appItems =
      remoteNavigation?.app === home
        ? remoteNavigation.items
            .filter((item) => !item.requires || ability.can(item.requires.action, item.requires.subject))
            .map((item) => ({
              key: joinPath(`/${home}`, item.path),
              label: t(item.label, { ns: remoteNavigation.namespace }),
            }))
        : [{ key: `/${home}`, label: t(`apps.${home}`) }];
    return [...appItems, { type: "divider" as const }, { key: "/account", icon: <UserOutlined />, label: t("topBar.account") }];
  }, [remoteNavigation, home, t, ability]);

  // The deepest menu entry the current path lies under is the selected one.
  const selected = useMemo(() => {
    const keys = items.flatMap((item) => (item && "key" in item && typeof item.key === "string" ? [item.key] : []));
    const matching = keys.filter((key) => pathname === key || pathname.startsWith(`${key}/`));
    return matching.sort((a, b) => b.length - a.length).slice(0, 1);
  }, [items, pathname]);

  return (
    <RemoteNavigationContext.Provider value={setRemoteNavigation}>
      <Layout style={{ minHeight: "100vh" }}>
        <TopBar />
        <Layout>
          <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected}
              onClick={({ key }) => void navigate(key)}
              style={{ height: "100%", borderInlineEnd: 0 }}
              aria-label="navigation"
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 24 }}>
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </RemoteNavigationContext.Provider>
  );
}

function joinPath(base: string, path: string): string {
  const tail = path.replace(/^\/+/, "");
  return tail ? `${base}/${tail}` : base;
}
