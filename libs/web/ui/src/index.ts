/**
 * The web's UI kit: the page's i18n and Ant Design provider, the screen layout, formatting, error pages, loading a
 * remote, and the common labels. No API access here (that is @dtpilot/data-access). Shared as a singleton between
 * the shell and the remotes (see ./federation), because it holds the page's one i18n instance.
 */
export { i18n, LANGUAGES, DEFAULT_LANGUAGE, isLanguage, currentLanguage, changeLanguage, registerMessages, type Language } from "./i18n/i18n";
export type { MessagesLike, CommonMessages } from "./locales/types";
export { UiProviders } from "./ui-providers";
export { PageLayout } from "./layout/PageLayout";
export { ErrorResult, QueryErrorResult, type ErrorKind } from "./errors/ErrorResult";
export { apiErrorCode, apiErrorField } from "@dtpilot/domain";
export { formatBytes, formatDate, formatDateTime } from "./format/format";
export { RemoteSlot, RemoteLoading, RemoteFailed } from "./remote/RemoteSlot";
export { lazyPage, PageSuspense } from "./remote/lazy-page";
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
