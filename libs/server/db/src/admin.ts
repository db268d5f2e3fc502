/**
 * `@dtpilot/db/admin`: what bypasses row-level security or changes the database itself — the owner's client, the
 * roles and database bootstrap, migrations and the demo seed. For tools (prepare-db, users, start, benches) and
 * tests; the API's own code may not import it (an ESLint rule in the root config), so a request can only ever
 * reach the database through the restricted app role.
 */
export { createOwnerDatabase } from "./owner-client";
export { adminDatabaseUrl, ownerDatabaseUrl } from "./settings";
export * from "./bootstrap";
export * from "./migrate";
export * from "./seed";
export * from "./backfill-file-completeness";
