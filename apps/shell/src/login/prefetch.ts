/**
 * While the visitor types, the login page fetches what the signed-in shell loads first — its entry, the federation
 * runtime, React, Ant Design's components the shell uses, … as listed at build time in /startup-files.json — into the
 * browser's cache (`<link rel="prefetch">`, lowest priority, after the page has loaded and the browser is idle). The
 * landing after the login click then starts from the cache: those files are hashed and cached for a year. Nothing
 * is prefetched for a visitor who asked to save data.
 */
interface StartupFiles {
  files?: unknown;
}

export function prefetchSignedInShell(manifestUrl = "/startup-files.json") {
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
  const start = () => void prefetch(manifestUrl).catch(() => undefined);
  const whenIdle = () => (typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 500));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}

async function prefetch(manifestUrl: string) {
  const response = await fetch(manifestUrl, { credentials: "same-origin" });
  if (!response.ok) return;
  const { files } = (await response.json()) as StartupFiles;
  if (!Array.isArray(files)) return;
  for (const file of files) {
    if (typeof file !== "string" || !file.startsWith("/") || file.startsWith("//")) continue;
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = file;
    // As the shell's page will ask for them: module scripts in CORS mode (same origin, so with credentials).
    if (file.endsWith(".js")) {
      link.as = "script";
      link.crossOrigin = "anonymous";
    } else if (file.endsWith(".css")) {
      link.as = "style";
      link.crossOrigin = "anonymous";
    }
    document.head.append(link);
  }
}
