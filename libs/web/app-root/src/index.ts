/**
 * The root of a page, where the UI kit and the data access meet: the providers every screen runs under, and a
 * remote's own page on its dev server. Bundled by each app that uses it; what it composes is shared.
 */
export { AppProviders } from "./providers";
export { mountStandalone } from "./standalone";
