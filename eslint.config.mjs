// Root ESLint flat config, used by every project's `eslint .` script.
import nx from "@nx/eslint-plugin";
import { defineConfig, globalIgnores } from "eslint/config";
import { createProjectGraphAsync, readCachedProjectGraph } from "nx/src/devkit-exports";
import tseslint from "typescript-eslint";

// @nx/enforce-module-boundaries only reads Nx's cached project graph; without one (a fresh clone, after
// `nx reset`) it prints a warning and checks nothing, and a stale one misses changed tags. Inside an Nx task
// the graph was just computed, so only plain `eslint`, the ESLint Node API and editors rebuild it here.
function hasCachedProjectGraph() {
  try {
    readCachedProjectGraph();
    return true;
  } catch {
    return false;
  }
}
if (!process.env.NX_TASK_TARGET_PROJECT || !hasCachedProjectGraph()) {
  await createProjectGraphAsync({ exitOnError: false });
}

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];
const SOURCE_FILES = [...TS_FILES, "**/*.{js,jsx,mjs,cjs}"];
/** The API's test-only files: its tests and their harness may use the owner's database client. */
const API_TEST_FILES = ["apps/api/src/**/*.test.ts", "apps/api/src/**/testing/**", "apps/api/src/**/test-*.ts"];
const WEB_FILES = ["apps/{shell,county,enterprise,provider,province,shell-e2e}/**/*.{ts,tsx}", "libs/web/**/*.{ts,tsx}"];

/** Which tags a project carrying the source tag may import. Every project has one `type:` and one `scope:` tag. */
const DEP_CONSTRAINTS = [
  // Nothing lists type:app, so no project may import an app.
  {
    sourceTag: "type:app",
    onlyDependOnLibsWithTags: ["type:feature", "type:ui", "type:data-access", "type:util", "type:domain"],
  },
  {
    sourceTag: "type:feature",
    onlyDependOnLibsWithTags: ["type:feature", "type:ui", "type:data-access", "type:util", "type:domain"],
  },
  { sourceTag: "type:ui", onlyDependOnLibsWithTags: ["type:ui", "type:util", "type:domain"] },
  { sourceTag: "type:data-access", onlyDependOnLibsWithTags: ["type:data-access", "type:util", "type:domain"] },
  { sourceTag: "type:util", onlyDependOnLibsWithTags: ["type:util", "type:domain"] },
  { sourceTag: "type:domain", onlyDependOnLibsWithTags: ["type:domain"] },
  { sourceTag: "scope:web", onlyDependOnLibsWithTags: ["scope:web", "scope:shared"] },
  { sourceTag: "scope:server", onlyDependOnLibsWithTags: ["scope:server", "scope:shared"] },
  { sourceTag: "scope:shared", onlyDependOnLibsWithTags: ["scope:shared"] },
];

/**
 * Raw database access belongs to libs/server/db: everyone else reaches data through a tenant handle and its
 * repositories, so no query escapes row-level security's settings and the handle's filters. Tests and tools (seeds,
 * benches, fixtures) reach the database directly.
 */
const RAW_DATABASE_ALLOWED = ["libs/server/db/**", "tools/**", "**/*.test.ts", "**/testing/**"];
const RAW_DATABASE_MESSAGE = "Raw database access stays in libs/server/db: use a repository function with the tenant handle.";

export default defineConfig(
  globalIgnores(["**/dist/", "**/node_modules/", "**/generated/", "**/.nx/", "**/coverage/"]),
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: SOURCE_FILES,
    plugins: { "@nx": nx },
    rules: {
      "@nx/enforce-module-boundaries": ["error", { allow: [], depConstraints: DEP_CONSTRAINTS }],
    },
  },
  {
    // The web apps and their UI library need the API's router *type* for end-to-end typed tRPC calls; the rule
    // below keeps that import type-only. Nowhere else may import the API app.
    files: WEB_FILES,
    rules: {
      "@nx/enforce-module-boundaries": ["error", { allow: ["@dtpilot/api"], depConstraints: DEP_CONSTRAINTS }],
    },
  },
  {
    files: SOURCE_FILES,
    ignores: RAW_DATABASE_ALLOWED,
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name=/^\\$(transaction|queryRaw|queryRawUnsafe|queryRawTyped|executeRaw|executeRawUnsafe)$/]",
          message: RAW_DATABASE_MESSAGE,
        },
        { selector: "MemberExpression[property.name='tx']", message: RAW_DATABASE_MESSAGE },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@dtpilot/db", importNames: ["PrismaClient", "withScope", "ScopedTransaction"], message: RAW_DATABASE_MESSAGE }],
          patterns: [{ group: ["@prisma/*", ".prisma/*", "**/generated/prisma/*"], message: RAW_DATABASE_MESSAGE }],
        },
      ],
    },
  },
  {
    // The web apps' static server (tools, scope:server) sends the headers every web page carries, as the Vite dev
    // servers do: one plain module of the UI kit, no React.
    files: ["tools/serve/**"],
    rules: {
      "@nx/enforce-module-boundaries": ["error", { allow: ["@dtpilot/ui/security-headers"], depConstraints: DEP_CONSTRAINTS }],
    },
  },
  {
    files: TS_FILES,
    ignores: ["apps/api/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "@dtpilot/api", message: "Import only types from the API (import type …).", allowTypeImports: true }] },
      ],
    },
  },
  {
    // A request reaches the database only as the restricted app role, under row-level security: the API's own
    // code may not hold the owner's client, the migrations or the seed. Its tests and tools/ may.
    files: ["apps/api/src/**/*.{ts,tsx,mts,cts}"],
    ignores: API_TEST_FILES,
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@dtpilot/db/admin", message: "The API connects as the app role only; the owner's client, migrations and seed are for tools and tests." },
            { name: "@dtpilot/db/testing", message: "Test databases are for the API's tests only." },
          ],
        },
      ],
    },
  },
);
