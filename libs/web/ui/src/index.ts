export { i18n, LANGUAGES, DEFAULT_LANGUAGE, isLanguage, currentLanguage, changeLanguage, registerMessages, type Language } from "./i18n/i18n";
export type { MessagesLike, CommonMessages } from "./locales/types";
export {
  TRPCProvider,
  useTRPC,
  useTRPCClient,
  createAppTRPCClient,
  createAppQueryClient,
  seedMe,
  apiErrorCode,
  apiErrorField,
  type AppRouter,
  type AppTRPCClient,
  type Me,
} from "./trpc/trpc";
export { abilityFromMe, AppAbilityProvider, useAppAbility, Can, subjectOf, type AppAbility } from "./ability/ability";
export { SessionProvider, useSession, useSignedInUserId, homeAppFor, type AppName } from "./session/session";
export { AppProviders } from "./providers";
export { PageLayout } from "./layout/PageLayout";
export { AuditLogPage } from "./audit/AuditLogPage";
export { ErrorResult, QueryErrorResult, type ErrorKind } from "./errors/ErrorResult";
export { formatBytes, formatDate, formatDateTime } from "./format/format";
export { RemoteSlot, RemoteLoading, RemoteFailed } from "./remote/RemoteSlot";
export {
  fetchRemoteManifest,
  parseRemoteManifest,
  withCacheBuster,
  RemoteManifestError,
  type RemoteEntry,
  type RemoteManifest,
  type ManifestFailure,
} from "./remote/manifest";
export { isRemoteAppModule, type RemoteAppModule, type RemoteAppProps, type RemoteNavItem } from "./remote/contract";
export { mountStandalone } from "./remote/standalone";
