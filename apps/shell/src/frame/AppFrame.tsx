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

  // The role's app's own entries (those its ability allows), each with the paths whose pages belong to it.
  const entries = useMemo(
    () =>
      remoteNavigation?.app === home
        ? remoteNavigation.items
            .filter((item) => !item.requires || ability.can(item.requires.action, item.requires.subject))
            .map((item) => ({
              key: joinPath(`/${home}`, item.path),
              label: t(item.label, { ns: remoteNavigation.namespace }),
              prefixes: [item.path, ...(item.alsoSelects ?? [])].map((path) => joinPath(`/${home}`, path)),
            }))
        : [{ key: `/${home}`, label: t(`apps.${home}`), prefixes: [`/${home}`] }],
    [remoteNavigation, home, t, ability],
  );

  const items = useMemo<NonNullable<MenuProps["items"]>>(
    () => [
      ...entries.map(({ key, label }) => ({ key, label })),
      { type: "divider" as const },
      { key: "/account", icon: <UserOutlined />, label: t("topBar.account") },
    ],
    [entries, t],
  );

  // The entry whose deepest prefix the current path lies under is the selected one.
  const selected = useMemo(() => {
    const prefixes = [...entries, { key: "/account", prefixes: ["/account"] }].flatMap(({ key, prefixes }) => prefixes.map((prefix) => ({ key, prefix })));
    const matching = prefixes.filter(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    return matching.sort((a, b) => b.prefix.length - a.prefix.length).slice(0, 1).map(({ key }) => key);
  }, [entries, pathname]);

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
