import { Button, Flex, Result, Spin } from "antd";
import { Component, useCallback, useEffect, useState, type ComponentType, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

type Loaded<P> = { status: "ready"; Component: ComponentType<P> } | { status: "loading" } | { status: "failed"; error: unknown };

/**
 * Renders a component that arrives over the network (a Module Federation remote). While it loads: a spinner. When
 * it cannot be loaded or throws while rendering: a message naming the app and a 重试 button, never a blank page —
 * the rest of the shell keeps working. `load(attempt)` is called again, with the next attempt number, on retry.
 */
export function RemoteSlot<P extends object>({
  label,
  load,
  props,
}: {
  label: string;
  load: (attempt: number) => Promise<ComponentType<P>>;
  props: P;
}) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<P>>({ status: "loading" });

  useEffect(() => {
    let current = true;
    setLoaded({ status: "loading" });
    load(attempt).then(
      (RemoteComponent) => current && setLoaded({ status: "ready", Component: RemoteComponent }),
      (error: unknown) => current && setLoaded({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  if (loaded.status === "loading") return <RemoteLoading />;
  if (loaded.status === "failed") return <RemoteFailed label={label} onRetry={retry} error={loaded.error} />;
  const { Component: RemoteComponent } = loaded;
  return (
    <RenderBoundary key={attempt} fallback={(error) => <RemoteFailed label={label} onRetry={retry} error={error} />}>
      <RemoteComponent {...props} />
    </RenderBoundary>
  );
}

export function RemoteLoading() {
  const { t } = useTranslation("common");
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin size="large" description={t("remote.loading")}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

export function RemoteFailed({ label, onRetry, error }: { label: string; onRetry: () => void; error?: unknown }) {
  const { t } = useTranslation("common");
  return (
    <div data-testid="remote-failed" data-error={error instanceof Error ? error.message : undefined}>
      <Result
      status="warning"
      title={t("remote.failedTitle")}
      subTitle={t("remote.failedDescription", { app: label })}
      extra={
        <Button type="primary" onClick={onRetry} data-testid="remote-retry">
          {t("remote.retry")}
        </Button>
      }
      />
    </div>
  );
}

class RenderBoundary extends Component<{ fallback: (error: unknown) => ReactNode; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("A remote app failed while rendering", error, info.componentStack);
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
