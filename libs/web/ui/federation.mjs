/**
 * Build-time Module Federation settings shared by the shell and the four remotes (read by their vite.config.ts).
 * Plain ESM, so Vite loads it as a config dependency as it is; its types are in federation.d.mts.
 *
 * Shared, one instance per page (singleton), provided by whichever container loads first — the shell in
 * production: React and react-dom, react-router, Ant Design, react-query, the tRPC client, i18next, CASL's React
 * binding, and two of our libraries: @dtpilot/data-access, because it holds the page's React contexts (tRPC, session,
 * ability), and @dtpilot/ui, because it holds the page's i18n instance. A second copy of either would give a remote
 * an empty context (no session) or a language of its own.
 *
 * Ant Design is shared component by component (`antd/es/button`, `antd/es/table`, … every component antd has) and
 * not whole: the shell provides all of them, so a remote redeployed later may use any component without the shell
 * being rebuilt, yet a page loads only the components its code reached. (A whole `antd` share would be loaded with
 * the shell, every component with it, as @dtpilot/ui depends on antd. A remote built before this split asked for
 * `antd` whole: shell and remotes moved to the split together.) Our code writes `import { Button } from "antd"`;
 * `antdByComponent()` rewrites it at build time to `import Button from "antd/es/button"` (its module in the shell's
 * build, so the same instance as the shell's). In the remotes' production builds those shares are consume-only
 * (`import: false`, no copy of their own): the shell always provides them, and one reached only from a lazily loaded
 * page is fetched with that page (see `unusedAntdSharesStayUnloaded()` for the ones never reached).
 *
 * Everything else — a remote's screens, the feature libraries (@dtpilot/plan-ui, @dtpilot/audit-ui,
 * @dtpilot/app-root), icons, @dtpilot/domain helpers — is bundled by each app and tree-shaken.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Ant Design's components, each under the name antd's index exports it by → the module holding it
 * (`Button` → `antd/es/button`), read from the installed antd.
 * @returns {Map<string, string>}
 */
function antdComponentModules() {
  const index = readFileSync(require.resolve("antd/es/index.js"), "utf8");
  const modules = new Map();
  for (const [, name, folder] of index.matchAll(/^export \{ default as (\w+) \} from '\.\/([\w-]+)';$/gm)) modules.set(name, `antd/es/${folder}`);
  if (!modules.has("Button") || !modules.has("ConfigProvider")) throw new Error("antd/es/index.js no longer lists its components as expected");
  return modules;
}

const ANTD_COMPONENT_MODULES = antdComponentModules();

/** Every shared key of Ant Design's components (`antd/es/button`, …). */
export const ANTD_COMPONENT_SHARES = [...new Set(ANTD_COMPONENT_MODULES.values())].sort();

/**
 * `shared` for federation(): every singleton at exactly the installed version, Ant Design also per component.
 * `antdFromHost`: the components are consume-only (a remote's production build: the shell provides them).
 * @param {{ antdFromHost?: boolean }} [options]
 */
export function sharedSingletons({ antdFromHost = false } = {}) {
  const singleton = (version) => ({ singleton: true, requiredVersion: `^${version}`, version });
  const antdVersion = installedVersion("antd");
  return {
    ...Object.fromEntries(SHARED_SINGLETONS.map((name) => [name, singleton(installedVersion(name))])),
    ...Object.fromEntries(
      ANTD_COMPONENT_SHARES.map((key) => [key, { ...singleton(antdVersion), ...(antdFromHost ? { import: false } : {}) }]),
    ),
  };
}

const ANTD_NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*(["'])antd\2;?/g;

/**
 * Vite plugin: `import { Button, Table as T } from "antd"` in our code (not in node_modules) becomes
 * `import Button from "antd/es/button"; import T from "antd/es/table";`, so each component is its own share.
 * Type-only names are left to TypeScript; a value antd has no component module for stops the build.
 */
export function antdByComponent() {
  return {
    name: "dtpilot:antd-by-component",
    /** @param {string} code @param {string} id */
    transform(code, id) {
      const file = id.split("?")[0];
      if (!code.includes("antd") || id.startsWith("\0") || file.includes("/node_modules/") || !/\.[cm]?[jt]sx?$/.test(file)) return null;
      const problems = [];
      const rewritten = code.replace(ANTD_NAMED_IMPORT, (statement, list) => {
        const imports = [];
        const types = [];
        for (const specifier of list.split(",").map((part) => part.trim()).filter(Boolean)) {
          if (specifier.startsWith("type ")) {
            types.push(specifier);
            continue;
          }
          const [imported, local = imported] = specifier.split(/\s+as\s+/);
          const module = ANTD_COMPONENT_MODULES.get(imported);
          if (module) imports.push(`import ${local} from "${module}";`);
          else problems.push(imported);
        }
        if (types.length > 0) imports.push(`import { ${types.join(", ")} } from "antd";`);
        // Same line count, so positions in the rest of the file do not move.
        return imports.join(" ") + "\n".repeat(statement.split("\n").length - 1);
      });
      if (problems.length > 0) this.error(`${file}: ${problems.join(", ")} from "antd" has no component module (antd/es/…); import it from its own module`);
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
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

/** `antd/es/color-picker` → `antd_mf_1_es_mf_1_color_mf_2_picker`, as @module-federation/vite names its modules. */
const federationModuleName = (key) => key.replace(/@/g, "_mf_0_").replace(/\//g, "_mf_1_").replace(/-/g, "_mf_2_").replace(/\./g, "_mf_3_");

const LAZY_SHARES = /\b(const|let|var) __mfLazyShares = (\[[^\]]*\]|"__MF_LAZY_CONSUME_ONLY_SHARES__");/;

/**
 * Vite plugin for a remote's production build: the Ant Design components the remote never imports stay unloaded.
 * @module-federation/vite 1.23 counts every share a remote configures as used and loads the consume-only ones
 * from the shell when the remote starts, unless it marks them lazy (reached only through a dynamic import, then
 * loaded with that import). A component no module imports is added to that lazy list, so nothing ever loads it.
 * Fails the build if the plugin's generated code no longer has the list.
 */
export function unusedAntdSharesStayUnloaded() {
  return {
    name: "dtpilot:unused-antd-shares-stay-unloaded",
    apply: "build",
    enforce: "post",
    /** @param {string} code @param {{ moduleIds: string[] }} chunk @param {unknown} _options @param {{ chunks?: Record<string, { type?: string; moduleIds?: string[] }> }} meta */
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.moduleIds.some((id) => id.includes("localSharedImportMap"))) return null;
      const found = LAZY_SHARES.exec(code);
      if (!found) this.error("@module-federation/vite's lazy share list (__mfLazyShares) is gone: revisit unusedAntdSharesStayUnloaded()");
      const moduleIds = Object.values(meta?.chunks ?? {}).flatMap((other) => other.moduleIds ?? []);
      const imported = (key) => moduleIds.some((id) => id.includes(`__loadShare__${federationModuleName(key)}__loadShare__`));
      const lazy = found[2].startsWith("[") ? JSON.parse(found[2]) : [];
      const unused = ANTD_COMPONENT_SHARES.filter((key) => !imported(key));
      const list = JSON.stringify([...new Set([...lazy, ...unused])].sort());
      return { code: code.replace(LAZY_SHARES, `${found[1]} __mfLazyShares = ${list};`), map: null };
    },
  };
}

/**
 * Vite plugin for the shell's build: writes `startup-files.json`, the files (scripts, styles) a signed-in page of
 * the shell loads before it mounts a remote — its entry, the federation runtime and every shared module the shell
 * itself imports — so the login page can fetch them into the browser's cache while the visitor types. Found from the
 * built page along the chunks' imports (static and dynamic), leaving out the Ant Design components the shell only
 * provides for the remotes (a chunk holding none but those): a remote loads them when it needs them.
 * @param {string} [fileName]
 */
export function startupFilesManifest(fileName = "startup-files.json") {
  const componentFolder = (id) => /[\\/]node_modules[\\/]antd[\\/]es[\\/]([\w-]+)[\\/]index\.js$/.exec(id)?.[1];
  return {
    name: "dtpilot:startup-files",
    apply: "build",
    enforce: "post",
    /**
     * @param {{ dir?: string }} output
     * @param {Record<string, { type: "chunk" | "asset"; fileName: string; imports?: string[]; dynamicImports?: string[]; moduleIds?: string[]; facadeModuleId?: string | null; source?: string | Uint8Array }>} bundle
     */
    writeBundle(output, bundle) {
      const files = new Map(Object.values(bundle).map((file) => [file.fileName, file]));
      const chunks = [...files.values()].filter((file) => file.type === "chunk");
      const importedByShell = new Set(
        ANTD_COMPONENT_SHARES.filter((key) => chunks.some((chunk) => chunk.moduleIds.some((id) => id.includes(`__loadShare__${federationModuleName(key)}__loadShare__`)))),
      );
      // A component the shell provides but never imports is loaded by the import map's dynamic import of its chunk:
      // that edge is not followed. (Its modules that the shell's components import are reached along static imports.)
      const providesOnlyForRemotes = (chunk) => {
        const facade = chunk.facadeModuleId ?? "";
        const folder = componentFolder(facade);
        const key = ANTD_COMPONENT_SHARES.find((candidate) => facade.includes(`__prebuild__${federationModuleName(candidate)}__prebuild__`) || candidate === `antd/es/${folder}`);
        return key !== undefined && !importedByShell.has(key);
      };
      const references = (file) => {
        if (file.type === "chunk") {
          const dynamic = file.dynamicImports.filter((name) => {
            const target = files.get(name);
            return !(target?.type === "chunk" && providesOnlyForRemotes(target));
          });
          return [...file.imports, ...dynamic];
        }
        const text = typeof file.source === "string" ? file.source : Buffer.from(file.source ?? "").toString("utf8");
        if (file.fileName.endsWith(".html")) return [...text.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1]);
        if (!file.fileName.endsWith(".js")) return [];
        // An emitted script (the federation bootstrap) names what it imports as relative paths.
        return [...text.matchAll(/["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((match) => path.posix.join(path.posix.dirname(file.fileName), match[1]));
      };
      const found = new Set();
      const pending = ["index.html"];
      while (pending.length > 0) {
        const name = pending.pop();
        const file = files.get(name);
        if (found.has(name) || !file) continue;
        found.add(name);
        pending.push(...references(file));
      }
      found.delete("index.html");
      if (!output.dir || found.size === 0) throw new Error("startupFilesManifest: found no files of the page");
      writeFileSync(path.join(output.dir, fileName), `${JSON.stringify({ files: [...found].sort().map((name) => `/${name}`) }, null, 2)}\n`);
    },
  };
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
      antdByComponent(),
      react(),
      federation({
        name,
        filename: "remoteEntry.js",
        exposes: { "./App": "./src/App.tsx" },
        shared: sharedSingletons({ antdFromHost: command === "build" }),
        dts: false,
        manifest: false,
        // In production the shell provides the federation runtime (runtime-core) and this remote uses it instead
        // of shipping its own copy; on its own dev server (standalone page, no shell) it keeps its own.
        ...(command === "build" ? { experiments: { externalRuntime: true } } : {}),
      }),
      unusedAntdSharesStayUnloaded(),
    ],
    build: { outDir: "dist", target: "es2022", chunkSizeWarningLimit: 2000, rolldownOptions: { treeshake: { moduleSideEffects } } },
    server: { port, strictPort: true, origin: `http://localhost:${port}`, cors: true, proxy: devProxy(), headers: PAGE_SECURITY_HEADERS },
  });
}
