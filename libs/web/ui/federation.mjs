/**
 * Build-time Module Federation settings shared by the shell and the four remotes (read by their vite.config.ts).
 * Plain ESM, so Vite loads it as a config dependency as it is; its types are in federation.d.mts.
 *
 * Shared, one instance per page (singleton), provided by whichever container loads first — the shell in
 * production: React and react-dom, react-router, Ant Design (whole, so a redeployed remote may use any component
 * without the shell being rebuilt), react-query, the tRPC client, i18next, CASL's React binding, and two of our
 * libraries: @dtpilot/data-access, because it holds the page's React contexts (tRPC, session, ability), and
 * @dtpilot/ui, because it holds the page's i18n instance. A second copy of either would give a remote an empty
 * context (no session) or a language of its own.
 * Everything else — a remote's screens, the feature libraries (@dtpilot/plan-ui, @dtpilot/audit-ui,
 * @dtpilot/app-root), icons, @dtpilot/domain helpers — is bundled by each app and tree-shaken.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pageHead } from "./page-head.mjs";
import { PAGE_SECURITY_HEADERS } from "./security-headers.mjs";

export { PAGE_SECURITY_HEADERS };

/** @type {readonly string[]} */
export const SHARED_SINGLETONS = [
  "react",
  "react-dom",
  "react-router",
  "antd",
  "@tanstack/react-query",
  "@trpc/client",
  "@trpc/tanstack-react-query",
  "i18next",
  "react-i18next",
  "@casl/react",
  "@dtpilot/data-access",
  "@dtpilot/ui",
];

const require = createRequire(import.meta.url);

/**
 * The version of the package `name` as installed (found from its entry upwards: not every package exports its
 * package.json).
 * @param {string} name
 */
function installedVersion(name) {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8"));
      if (json.name === name) return json.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the installed version of ${name}`);
    dir = parent;
  }
}

/** `shared` for federation(): every singleton at exactly the installed version. */
export function sharedSingletons() {
  return Object.fromEntries(
    SHARED_SINGLETONS.map((name) => {
      const version = installedVersion(name);
      return [name, { singleton: true, requiredVersion: `^${version}`, version }];
    }),
  );
}

export const APP_PORTS = { shell: 4200, county: 4201, enterprise: 4202, provider: 4203, province: 4204 };

/** The API the dev servers proxy to (same-origin `/trpc`, `/files`, `/admin`, `/health`). */
export function devProxy(apiUrl = process.env.API_URL ?? "http://127.0.0.1:4000") {
  return Object.fromEntries(["/trpc", "/files", "/admin", "/health"].map((prefix) => [prefix, { target: apiUrl, changeOrigin: false }]));
}

/**
 * Rolldown tree-shaking hint: @dtpilot/domain is pure (rules and constant data, no IO — see STYLE.md), so a module
 * of it that an app does not use is dropped even though it builds constant tables at its top level (the 95-county
 * geography would otherwise ride along with `currentBatch`).
 * @param {string} id
 */
export function moduleSideEffects(id) {
  return !/[\\/]libs[\\/]shared[\\/]domain[\\/]src[\\/]/.test(id);
}

/**
 * The Vite config of a Module Federation remote: ./App is what the shell mounts under /<name>/*. Built with a
 * relative base, so its chunks load from wherever its remoteEntry.js was served (any host or port the shell's
 * remotes.json names). The Vite plugins are passed in by the app, which declares them.
 * @param {"county" | "enterprise" | "provider" | "province"} name
 * @param {{ federation: (options: object) => unknown, react: () => unknown }} plugins
 */
export function remoteViteConfig(name, { federation, react }) {
  const port = APP_PORTS[name];
  return ({ command }) => ({
    base: command === "build" ? "./" : `http://localhost:${port}/`,
    plugins: [
      pageHead(),
      react(),
      federation({
        name,
        filename: "remoteEntry.js",
        exposes: { "./App": "./src/App.tsx" },
        shared: sharedSingletons(),
        dts: false,
        manifest: false,
        // In production the shell provides the federation runtime (runtime-core) and this remote uses it instead
        // of shipping its own copy; on its own dev server (standalone page, no shell) it keeps its own.
        ...(command === "build" ? { experiments: { externalRuntime: true } } : {}),
      }),
    ],
    build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 2000, rolldownOptions: { treeshake: { moduleSideEffects } } },
    server: { port, strictPort: true, origin: `http://localhost:${port}`, cors: true, proxy: devProxy(), headers: PAGE_SECURITY_HEADERS },
  });
}
