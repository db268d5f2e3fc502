/**
 * The web's access to the API and the signed-in user: the tRPC client and react-query, the session and the CASL
 * ability. Shared as a singleton between the shell and the remotes (see @dtpilot/ui/federation), so every app on
 * the page reads the one tRPC context, session and ability the shell provides.
 */
export {
  TRPCProvider,
  useTRPC,
  useTRPCClient,
  createAppTRPCClient,
  createAppQueryClient,
  seedMe,
  type AppRouter,
  type AppTRPCClient,
  type Me,
} from "./trpc/trpc";
export { DataProviders } from "./providers";
export { abilityFromMe, AppAbilityProvider, useAppAbility, Can, subjectOf, type AppAbility } from "./ability/ability";
export { SessionProvider, useSession, useSignedInUserId, homeAppFor, type AppName } from "./session/session";
