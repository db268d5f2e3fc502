// Production code never bends for its tests: no hook, environment check or import that exists for them. Tests drive
// the real code through real inputs (their own document handlers, short timeouts set as an operator would set them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Test files and their support, as nx.json's `production` input leaves them out. */
const TEST_ONLY = [/\.(test|spec)\.tsx?$/, /(^|\/)test-[^/]*\.ts$/, /test-fixtures\.ts$/, /(^|\/)testing\//, /(^|\/)src\/testing\.ts$/];

const SEAMS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\btest_?hooks?\b/i, what: "a test hook" },
  { pattern: /process\.env(\.|\[\s*["'])(VITEST|NODE_ENV)\b/, what: "a check of the test runner's environment" },
  { pattern: /import\.meta\.(vitest|env\.(MODE|VITEST)\b)/, what: "a check of the test runner's environment" },
  { pattern: /from\s+["'](vitest(\/[^"']*)?|@testing-library\/[^"']*|@dtpilot\/db\/testing|[^"']*\/testing(\/[^"']*)?)["']/, what: "an import of test code" },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" || entry.name === "dist" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The code in the `src` folder of every app and library but the end-to-end tests, without its tests. */
function productionFiles(): string[] {
  return ["apps", "libs/server", "libs/shared", "libs/web"]
    .flatMap((parent) => readdirSync(join(repoRoot, parent)).map((project) => join(repoRoot, parent, project, "src")))
    .filter((root) => existsSync(root))
    .flatMap(sourceFiles)
    .map((file) => relative(repoRoot, file))
    .filter((file) => !/-e2e\//.test(file) && !TEST_ONLY.some((pattern) => pattern.test(file)));
}

function seamsIn(text: string): string[] {
  return SEAMS.filter(({ pattern }) => pattern.test(text)).map(({ what }) => what);
}

describe("test seams", () => {
  it("are recognised: a hook, an environment check, an import of test code", () => {
    expect(seamsIn("if (deps.testHooks.failGeneration) throw new Error();")).toEqual(["a test hook"]);
    expect(seamsIn('if (process.env.VITEST) return;\nif (process.env["NODE_ENV"] === "test") return;')).toEqual([
      "a check of the test runner's environment",
    ]);
    expect(seamsIn('import { world } from "../testing/world";')).toEqual(["an import of test code"]);
    expect(seamsIn('import { loadConfig } from "./kernel/config";\nconst url = process.env.APP_DATABASE_URL;')).toEqual([]);
  });

  it("are nowhere in production code", () => {
    const files = productionFiles();
    expect(files).toContain("apps/api/src/modules/documents/document-job-handler.ts");
    expect(files).not.toContain("apps/api/src/testing/test-worker.ts");
    const found = files.flatMap((file) => seamsIn(readFileSync(join(repoRoot, file), "utf8")).map((what) => `${file}: ${what}`));
    expect(found).toEqual([]);
  });
});
