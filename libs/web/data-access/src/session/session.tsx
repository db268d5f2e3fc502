import { createContext, useContext, type ReactNode } from "react";
import { AppAbilityProvider } from "../ability/ability";
import type { Me } from "../trpc/trpc";

const SessionContext = createContext<Me | null>(null);

/** The signed-in user (`auth.me`) and their ability, for the shell and every remote rendered inside it. */
export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <SessionContext.Provider value={me}>
      <AppAbilityProvider me={me}>{children}</AppAbilityProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession needs a <SessionProvider> (the shell renders one after sign-in)");
  return me;
}

/** The signed-in user's id, or null outside a session (a form rendered on its own, as in its tests). */
export function useSignedInUserId(): string | null {
  return useContext(SessionContext)?.user.id ?? null;
}

export { homeAppFor, type AppName } from "./home-app";
