/**
 * `@dtpilot/db`: the application's (tenant) client, which connects as the restricted app role, its scoped
 * transactions and the repositories. The owner's client, bootstrap, migrations and seed are `@dtpilot/db/admin`.
 */
export * from "./client";
export { appDatabaseUrl, databaseSettings } from "./settings";
export * from "./tenant-scope";
export * from "./password";
export * from "./generated/prisma/client";
export * from "./tenant-db";
export * from "./repositories/index";
export * from "./file-completeness";
