import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import type { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const RULE = "@nx/enforce-module-boundaries";
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

// An empty Nx workspace-data directory stands in for a fresh clone: the root config must build the project
// graph itself, or the rule would skip every file with only a warning. It also keeps this test away from the
// `.nx` that concurrent `nx` runs use. Nx reads the variable when it loads, which the ESLint config triggers.
const workspaceData = mkdtempSync(join(tmpdir(), "dtpilot-nx-workspace-data-"));
process.env.NX_WORKSPACE_DATA_DIRECTORY = workspaceData;
process.env.NX_DAEMON = "false";

const eslint = new ESLint({ cwd: repoRoot });

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  return result.messages;
}

function boundaryErrors(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((message) => message.ruleId === RULE && message.severity === 2);
}

beforeAll(async () => {
  // Loading the config builds the graph; doing it here keeps that cost out of the first test's timeout.
  const config: { rules?: Record<string, unknown> } = await eslint.calculateConfigForFile(
    join(repoRoot, "libs/shared/domain/src/x.ts"),
  );
  expect(config.rules?.[RULE]).toBeDefined();
});

afterAll(() => {
  rmSync(workspaceData, { recursive: true, force: true });
});

describe("module boundaries", () => {
  it("stop the domain library from importing the database library", async () => {
    const messages = await lint("libs/shared/domain/src/x.ts", 'export { prisma } from "@dtpilot/db";\n');

    expect(boundaryErrors(messages)).toHaveLength(1);
  });

  it("stop the domain library from importing a util library", async () => {
    const messages = await lint("libs/shared/domain/src/x.ts", 'export { messages } from "@dtpilot/i18n";\n');

    expect(boundaryErrors(messages)).toHaveLength(1);
  });

  it("stop a web app from importing a server-scoped library", async () => {
    const messages = await lint("apps/county/src/x.ts", 'export { prisma } from "@dtpilot/db";\n');

    const errors = boundaryErrors(messages);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('"scope:web"');
  });

  it("stop any project from importing an app", async () => {
    const messages = await lint("libs/server/db/src/x.ts", 'export type { AppRouter } from "@dtpilot/api";\n');

    expect(boundaryErrors(messages)).toHaveLength(1);
  });

  it("let the web apps import the API's router type, and only its type", async () => {
    const typeOnly = await lint("apps/county/src/x.ts", 'export type { AppRouter } from "@dtpilot/api";\n');
    const value = await lint("apps/county/src/x.ts", 'export { appRouter } from "@dtpilot/api";\n');

    expect(typeOnly).toEqual([]);
    expect(value.map((message) => message.ruleId)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("stop imports into another project by relative path", async () => {
    const messages = await lint("apps/county/src/x.ts", 'export { REGIONS } from "../../../libs/shared/domain/src/region";\n');

    expect(boundaryErrors(messages)).toHaveLength(1);
  });

  it("stop the API's own code from importing the database's admin entry, and let its tests", async () => {
    const code = 'import { createOwnerDatabase } from "@dtpilot/db/admin";\n\nexport const owner = createOwnerDatabase();\n';
    const inApi = await lint("apps/api/src/x.ts", code);
    const inTest = await lint("apps/api/src/x.int.test.ts", code);
    const inTestHarness = await lint("apps/api/src/testing/x.ts", code);
    const inTools = await lint("tools/x.ts", code);

    expect(inApi.map((message) => message.ruleId)).toEqual(["@typescript-eslint/no-restricted-imports"]);
    expect(inApi[0]?.message).toContain("app role only");
    expect(inTest).toEqual([]);
    expect(inTestHarness).toEqual([]);
    expect(inTools).toEqual([]);
  });

  it("let the permissions library import the domain library", async () => {
    const code = 'import { isRole } from "@dtpilot/domain";\n\nexport const known = isRole("COUNTY_ADMIN");\n';
    // The same file importing a server library fails, so an empty result means the rule ran and passed.
    const control = await lint("libs/shared/permissions/src/x.ts", 'export { prisma } from "@dtpilot/db";\n');
    const messages = await lint("libs/shared/permissions/src/x.ts", code);

    expect(boundaryErrors(control)).toHaveLength(1);
    expect(messages).toEqual([]);
  });
});

describe("raw database access", () => {
  const rawAccess = (messages: Linter.LintMessage[]) =>
    messages.filter((message) => (message.ruleId === "no-restricted-syntax" || message.ruleId === "no-restricted-imports") && message.severity === 2);
  const transaction = "export const run = (db: { $transaction(): unknown }) => db.$transaction();\n";
  const rawQuery = "export const run = (db: { $queryRaw(sql: TemplateStringsArray): unknown }) => db.$queryRaw`select 1`;\n";
  const scopedTx = "export const rows = (data: { tx: { county: { findMany(): unknown } } }) => data.tx.county.findMany();\n";
  const prismaClient = 'import { PrismaClient } from "@dtpilot/db";\n\nexport const client = new PrismaClient();\n';
  const prismaPackage = 'import { PrismaClient } from "@prisma/client";\n\nexport const client = new PrismaClient();\n';

  it("is refused in the API outside libs/server/db: transactions, raw SQL, a handle's transaction, the Prisma client", async () => {
    for (const code of [transaction, rawQuery, scopedTx, prismaClient, prismaPackage]) {
      expect(rawAccess(await lint("apps/api/src/modules/roster/x.ts", code)), code).toHaveLength(1);
    }
  });

  it("is allowed inside libs/server/db, where the repositories live", async () => {
    for (const code of [transaction, rawQuery, scopedTx]) {
      expect(rawAccess(await lint("libs/server/db/src/repositories/x.ts", code)), code).toEqual([]);
    }
  });
});
