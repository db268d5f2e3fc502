/**
 * The head every page of ours starts with — the shell, its login page and the four remotes' own pages: the
 * language, the character set, the viewport and the favicon. A Vite plugin (`@dtpilot/ui/page-head`), so each
 * index.html (and login.html) keeps only what is its own: its title, its root element and its entry. Plain ESM, like
 * federation.mjs, so Vite loads it as a config dependency as it is; its types are in page-head.d.mts.
 */
import { readFileSync } from "node:fs";

/** The page's language before the app has read the reader's choice: the primary locale. */
export const PAGE_LANGUAGE = "zh-CN";

const FAVICON_PATH = "/favicon.svg";
const favicon = () => readFileSync(new URL("./favicon.svg", import.meta.url));

export function pageHead() {
  return {
    name: "dtpilot-page-head",
    transformIndexHtml(html) {
      return {
        html: html.replace(/<html(?![^>]*\blang=)/i, `<html lang="${PAGE_LANGUAGE}"`),
        tags: [
          { tag: "meta", attrs: { charset: "UTF-8" }, injectTo: "head-prepend" },
          { tag: "meta", attrs: { name: "viewport", content: "width=device-width, initial-scale=1.0" }, injectTo: "head-prepend" },
          { tag: "link", attrs: { rel: "icon", type: "image/svg+xml", href: FAVICON_PATH }, injectTo: "head-prepend" },
        ],
      };
    },
    // The favicon: served by the dev server, written beside the page by the build.
    configureServer(server) {
      server.middlewares.use(FAVICON_PATH, (_request, response) => {
        response.setHeader("Content-Type", "image/svg+xml");
        response.end(favicon());
      });
    },
    generateBundle() {
      this.emitFile({ type: "asset", fileName: FAVICON_PATH.slice(1), source: favicon() });
    },
  };
}
