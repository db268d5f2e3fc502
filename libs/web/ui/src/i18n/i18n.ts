import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { commonEn } from "../locales/en";
import { LANGUAGE_STORAGE_KEY } from "./storage-key";
import type { MessagesLike } from "../locales/types";
import { commonZhCN } from "../locales/zh-CN";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";


export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/**
 * The one i18next instance of the page. @dtpilot/ui is a shared singleton, so the shell and every remote read and
 * switch the same language; each app adds its own namespace with `registerMessages`.
 */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  ns: ["common"],
  defaultNS: "common",
  resources: { "zh-CN": { common: commonZhCN }, en: { common: commonEn } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

/** Adds an app's own labels (its namespace) in both languages; zh-CN is the reference for the keys. */
export function registerMessages<T extends object>(namespace: string, messages: { "zh-CN": T; en: MessagesLike<T> }): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, messages[language], true, true);
}
