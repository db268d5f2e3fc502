/**
 * Operators' account changes, each ending the user's sessions at once (their next request answers 401):
 *
 *   npx tsx tools/users.ts disable <username>
 *   npx tsx tools/users.ts enable <username>
 *   npx tsx tools/users.ts remove-membership <username> <role>     (e.g. COUNTY_ADMIN)
 *   npx tsx tools/users.ts end-sessions <username>                 (a lost device; nothing else changes)
 *
 * Connects as the schema owner (DATABASE_URL, from .env like every script). The sessions end because the database
 * raises the user's access version (see the session_access_version migration), which every request checks.
 */
import { endSessionsOf, removeMembership, Role, setUserDisabled } from "@dtpilot/db";
import { createOwnerDatabase } from "@dtpilot/db/admin";
// @ts-expect-error -- a plain .mjs helper shared by the scripts, without type declarations
import { loadDotEnv } from "./lib/env.mjs";

const USAGE = "usage: npx tsx tools/users.ts disable|enable|end-sessions <username> | remove-membership <username> <role>";

loadDotEnv();
const [command, username, role] = process.argv.slice(2);
if (!command || !username) {
  console.error(USAGE);
  process.exit(2);
}
const db = createOwnerDatabase();
try {
  let done: boolean;
  switch (command) {
    case "disable":
    case "enable":
      done = await setUserDisabled(db, username, command === "disable");
      break;
    case "end-sessions":
      done = await endSessionsOf(db, username);
      break;
    case "remove-membership":
      if (!role || !(role in Role)) {
        console.error(`role must be one of ${Object.keys(Role).join(", ")}`);
        process.exit(2);
      }
      done = await removeMembership(db, username, role as Role);
      break;
    default:
      console.error(USAGE);
      process.exit(2);
  }
  console.log(done ? `${command} ${username}: done; the user's sessions have ended` : `${command} ${username}: no such user or membership`);
  process.exitCode = done ? 0 : 1;
} finally {
  await db.$disconnect();
}
