/**
 * The "common" labels on their own (subpath @dtpilot/ui/locales), for the shell's login page, which renders before
 * — and without — the shared UI library.
 */
export { commonZhCN } from "./zh-CN";
export { commonEn } from "./en";
export type { CommonMessages, MessagesLike } from "./types";
export { LANGUAGE_STORAGE_KEY } from "../i18n/storage-key";
