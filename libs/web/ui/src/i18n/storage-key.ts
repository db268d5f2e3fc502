/** Where the chosen language is kept between visits (read by the login page, the shell's first request and i18n). */
export const LANGUAGE_STORAGE_KEY = "dtpilot.language";
