import { AbilityProvider, Can as CaslCan, useAbility, type CanProps } from "@casl/react";
import { createAppAbility, subject, unpackAppRules, type AppAbility, type SubjectName } from "@dtpilot/permissions";
import { useMemo, type ReactNode } from "react";
import type { Me } from "../trpc/trpc";

export type { AppAbility };

/** A record as a CASL subject: `subjectOf("Enterprise", { countyId })` for `<Can I="update" this={…}>`. */
export function subjectOf(name: SubjectName, fields: Record<string, unknown>): Record<string, unknown> {
  return subject(name, { ...fields });
}

/** Builds the signed-in user's CASL ability from the packed rules of `auth.me` — the same rules the API enforces. */
export function abilityFromMe(me: Pick<Me, "rules"> | null | undefined): AppAbility {
  return createAppAbility(me ? unpackAppRules(me.rules) : []);
}

/** Puts the ability in React context; without a user it forbids everything. */
export function AppAbilityProvider({ me, children }: { me: Pick<Me, "rules"> | null | undefined; children: ReactNode }) {
  const ability = useMemo(() => abilityFromMe(me), [me]);
  return <AbilityProvider value={ability}>{children}</AbilityProvider>;
}

export function useAppAbility(): AppAbility {
  return useAbility<AppAbility>();
}

/** `<Can I="create" a="Enterprise">…</Can>`: renders its children only when the ability allows it. */
export function Can(props: CanProps<AppAbility>) {
  return <CaslCan<AppAbility> {...props} />;
}
