import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { RemoteLoading } from "./RemoteSlot";

/**
 * A page of a remote loaded with its first visit, not with the remote: the landing page is bundled with the remote's
 * App, every other page is its own chunk (with the Ant Design components only it uses). When loading it fails (the
 * remote's server went away), the error reaches the shell's 重试; the next render loads it afresh.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const fresh = () =>
    lazy(() =>
      load().then(
        (Page) => ({ default: Page }),
        (error: unknown) => {
          Lazy = fresh();
          throw error;
        },
      ),
    );
  let Lazy = fresh();
  function LazyPage(props: P) {
    return <Lazy {...props} />;
  }
  return LazyPage;
}

/** Around a remote's routes: a lazy page shows the shell's loading state while it arrives. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={<RemoteLoading />}>{children}</Suspense>;
}
