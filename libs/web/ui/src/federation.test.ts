/**
 * The build-time federation settings (../federation.mjs): Ant Design shared component by component, the rewrite of
 * our `import { … } from "antd"`, the remotes' unused components left unloaded, and the shell's startup file list.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ANTD_COMPONENT_SHARES, antdByComponent, sharedSingletons, startupFilesManifest, unusedAntdSharesStayUnloaded } from "../federation.mjs";

type Transform = (this: { error: (message: string) => never }, code: string, id: string) => { code: string } | null;
const pluginContext = {
  error(message: string): never {
    throw new Error(message);
  },
};
const rewrite = (code: string, id = "/work/apps/county/src/Page.tsx") =>
  (antdByComponent().transform as unknown as Transform).call(pluginContext, code, id);

describe("Ant Design's shares", () => {
  it("lists every component antd exports, each its own singleton, and not antd whole", () => {
    const shared = sharedSingletons();
    expect(ANTD_COMPONENT_SHARES).toEqual(expect.arrayContaining(["antd/es/button", "antd/es/table", "antd/es/config-provider", "antd/es/theme"]));
    expect(ANTD_COMPONENT_SHARES.length).toBeGreaterThan(60);
    for (const key of ANTD_COMPONENT_SHARES) expect(shared[key]).toMatchObject({ singleton: true, version: shared["antd/es/button"]!.version });
    expect(shared.antd).toBeUndefined();
    expect(shared.react).toMatchObject({ singleton: true });
  });

  it("makes the components consume-only for a remote's production build, and only them", () => {
    const shared = sharedSingletons({ antdFromHost: true });
    expect(shared["antd/es/table"]!.import).toBe(false);
    expect(shared.react!.import).toBeUndefined();
    expect(sharedSingletons()["antd/es/table"]!.import).toBeUndefined();
  });
});

describe("antdByComponent", () => {
  it("rewrites named imports from antd to each component's module, aliases kept, lines kept", () => {
    const code = 'import { Button, Table as DataTable,\n  theme } from "antd";\nconst x = 1;\n';
    const result = rewrite(code)!;
    expect(result.code).toBe('import Button from "antd/es/button"; import DataTable from "antd/es/table"; import theme from "antd/es/theme";\n\nconst x = 1;\n');
    expect(result.code.split("\n")).toHaveLength(code.split("\n").length);
  });

  it("leaves type-only names to TypeScript and other modules alone", () => {
    expect(rewrite('import { type TableProps, Tag } from "antd";')!.code).toBe('import Tag from "antd/es/tag"; import { type TableProps } from "antd";');
    expect(rewrite('import type { MenuProps } from "antd";\nimport zhCN from "antd/es/locale/zh_CN";')).toBeNull();
    expect(rewrite('import { Button } from "antd";', "/work/node_modules/some-lib/index.js")).toBeNull();
  });

  it("stops the build for a value antd has no component module for", () => {
    expect(() => rewrite('import { Button, notAComponent } from "antd";')).toThrow(/notAComponent from "antd" has no component module/);
  });
});

describe("unusedAntdSharesStayUnloaded", () => {
  const { renderChunk } = unusedAntdSharesStayUnloaded() as unknown as {
    renderChunk: (
      this: typeof pluginContext,
      code: string,
      chunk: { moduleIds: string[] },
      options: unknown,
      meta: { chunks: Record<string, { moduleIds: string[] }> },
    ) => { code: string } | null;
  };
  const importMap = { moduleIds: ["\0virtual:mf-localSharedImportMap:county"] };
  const imports = (...keys: string[]) => ({
    chunks: { "App.js": { moduleIds: keys.map((key) => `\0virtual:mf:__mfe_internal__county__loadShare__${key.replace(/\//g, "_mf_1_").replace(/-/g, "_mf_2_")}__loadShare__.js`) } },
  });
  const lazyList = (code: string) => JSON.parse(/__mfLazyShares = (\[.*?\]);/.exec(code)![1]!) as string[];

  it("adds every component no module imports to the lazy list, keeping the plugin's own lazy ones", () => {
    const code = 'var __mfLazyShares = ["antd/es/table"];\nvar other = 1;';
    const result = renderChunk.call(pluginContext, code, importMap, {}, imports("antd/es/card", "antd/es/table", "antd/es/config-provider"))!;
    const lazy = lazyList(result.code);
    expect(lazy).toContain("antd/es/table");
    expect(lazy).toContain("antd/es/carousel");
    expect(lazy).not.toContain("antd/es/card");
    expect(lazy).not.toContain("antd/es/config-provider");
    expect(result.code).toContain("var other = 1;");
  });

  it("fills the list the plugin left as its placeholder", () => {
    const result = renderChunk.call(pluginContext, 'const __mfLazyShares = "__MF_LAZY_CONSUME_ONLY_SHARES__";', importMap, {}, imports("antd/es/card"))!;
    expect(lazyList(result.code)).toHaveLength(ANTD_COMPONENT_SHARES.length - 1);
  });

  it("leaves other chunks alone and fails the build when the plugin's list is gone", () => {
    expect(renderChunk.call(pluginContext, "var x = 1;", { moduleIds: ["/src/App.tsx"] }, {}, imports())).toBeNull();
    expect(() => renderChunk.call(pluginContext, "var x = 1;", importMap, {}, imports())).toThrow(/lazy share list/);
  });
});

describe("startupFilesManifest", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dtpilot-startup-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const chunk = (fileName: string, rest: { imports?: string[]; dynamicImports?: string[]; moduleIds?: string[]; facadeModuleId?: string }) => ({
    type: "chunk" as const,
    fileName,
    imports: [],
    dynamicImports: [],
    moduleIds: [],
    facadeModuleId: null,
    ...rest,
  });

  it("lists what the page loads: its scripts and styles, their imports, and the components the shell itself uses", () => {
    const bundle = {
      "index.html": { type: "asset", fileName: "index.html", source: '<script type="module" src="/assets/boot.js"></script><link rel="stylesheet" href="/assets/index.css">' },
      "assets/index.css": { type: "asset", fileName: "assets/index.css", source: "body{}" },
      "assets/boot.js": { type: "asset", fileName: "assets/boot.js", source: 'import("./entry.js")' },
      "assets/entry.js": chunk("assets/entry.js", { imports: ["assets/runtime.js"], dynamicImports: ["assets/import-map.js"] }),
      "assets/runtime.js": chunk("assets/runtime.js", {}),
      "assets/import-map.js": chunk("assets/import-map.js", { dynamicImports: ["assets/card.js", "assets/carousel.js"] }),
      "assets/card.js": chunk("assets/card.js", {
        facadeModuleId: "\0virtual:mf:__mfe_internal__shell__prebuild__antd_mf_1_es_mf_1_card__prebuild__.js",
        imports: ["assets/antd-core.js"],
      }),
      "assets/carousel.js": chunk("assets/carousel.js", {
        facadeModuleId: "/work/node_modules/antd/es/carousel/index.js",
        imports: ["assets/antd-core.js", "assets/slick.js"],
      }),
      "assets/antd-core.js": chunk("assets/antd-core.js", {}),
      "assets/slick.js": chunk("assets/slick.js", {}),
      "assets/shell-app.js": chunk("assets/shell-app.js", { moduleIds: ["\0virtual:mf:__mfe_internal__shell__loadShare__antd_mf_1_es_mf_1_card__loadShare__.js"] }),
    };
    const { writeBundle } = startupFilesManifest() as unknown as { writeBundle: (output: { dir: string }, files: typeof bundle) => void };
    writeBundle({ dir }, bundle);
    const { files } = JSON.parse(readFileSync(path.join(dir, "startup-files.json"), "utf8")) as { files: string[] };
    expect(files).toEqual(["/assets/antd-core.js", "/assets/boot.js", "/assets/card.js", "/assets/entry.js", "/assets/import-map.js", "/assets/index.css", "/assets/runtime.js"]);
  });
});
