// The web apps type-check their tRPC calls against the API's router type, which they import as declarations
// (`api:types` → apps/api/dist/types). Those declarations must name only what the wire carries: a web typecheck that
// read the server's code (the database client, the queues, Fastify) would be slower and would tie the web to it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const apiDeclarations = join(repoRoot, "apps/api/dist/types");

/** Where a web typecheck must not read: the server libraries and the API's sources. */
const SERVER_CODE = ["libs/server/", "apps/api/src/"];

function parsedConfig(tsconfig: string): ts.ParsedCommandLine {
  const path = join(repoRoot, tsconfig);
  const { config, error } = ts.readConfigFile(path, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(path));
}

/** The API's declarations as `api:types` emits them (apps/api/tsconfig.types.json), kept in memory: path → text. */
function emitApiDeclarations(): Map<string, string> {
  const config = parsedConfig("apps/api/tsconfig.types.json");
  const files = new Map<string, string>();
  const result = ts.createProgram(config.fileNames, config.options).emit(undefined, (path, text) => void files.set(path, text), undefined, true);
  const errors = ts.formatDiagnostics(result.diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => repoRoot, getNewLine: () => "\n" });
  if (result.emitSkipped || errors) throw new Error(`the API's declarations were not emitted:\n${errors}`);
  return files;
}

/** The web projects: those tagged scope:web that type-check with a tsconfig.json (not the end-to-end tests). */
function webProjects(): string[] {
  return ["apps", "libs/web"].flatMap((parent) =>
    readdirSync(join(repoRoot, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`)
      .filter((project) => {
        try {
          const manifest = JSON.parse(readFileSync(join(repoRoot, project, "package.json"), "utf8")) as { nx?: { tags?: string[] }; scripts?: Record<string, string> };
          return manifest.nx?.tags?.includes("scope:web") === true && manifest.scripts?.typecheck === "tsc -p tsconfig.json";
        } catch {
          return false;
        }
      }),
  );
}

/**
 * The files a project's typecheck reads (as `tsc -p <project>/tsconfig.json --listFilesOnly` lists them), with the
 * API's declarations served from `declarations` instead of the disk (so a stale or missing dist changes nothing).
 */
function typecheckFiles(project: string, declarations: Map<string, string>, parsed: Map<string, ts.SourceFile>): string[] {
  const config = parsedConfig(`${project}/tsconfig.json`);
  const host = ts.createCompilerHost(config.options);
  const inDeclarations = (path: string) => path === apiDeclarations || path.startsWith(`${apiDeclarations}/`);
  host.fileExists = (path) => (inDeclarations(path) ? declarations.has(path) : ts.sys.fileExists(path));
  host.readFile = (path) => (inDeclarations(path) ? declarations.get(path) : ts.sys.readFile(path));
  host.directoryExists = (path) => (inDeclarations(path) ? [...declarations.keys()].some((file) => file.startsWith(`${path}/`)) : ts.sys.directoryExists!(path));
  const getSourceFile = host.getSourceFile.bind(host);
  // Parsing is most of the cost: the projects share their files.
  host.getSourceFile = (path, languageVersion, onError) => {
    const key = `${path}\0${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}`;
    let file = parsed.get(key);
    if (!file) {
      file = getSourceFile(path, languageVersion, onError);
      if (file) parsed.set(key, file);
    }
    return file;
  };
  return ts.createProgram(config.fileNames, config.options, host).getSourceFiles().map((file) => relative(repoRoot, file.fileName));
}

describe("a web project's typecheck", () => {
  let declarations: Map<string, string>;
  const parsed = new Map<string, ts.SourceFile>();

  beforeAll(() => {
    declarations = emitApiDeclarations();
  }, 180_000);

  it.each(webProjects())("reads no server code (%s)", (project) => {
    const files = typecheckFiles(project, declarations, parsed);

    expect(files.filter((file) => SERVER_CODE.some((prefix) => file.startsWith(prefix)))).toEqual([]);
  }, 120_000);

  it("reads the API's router type from its declarations (apps/county)", () => {
    const files = typecheckFiles("apps/county", declarations, parsed);

    expect(files).toContain("apps/api/dist/types/router.d.ts");
  }, 120_000);
});
