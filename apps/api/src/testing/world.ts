import { createOwnerDatabase } from "@dtpilot/db/admin";
import { createPilotWorld, type PilotWorld } from "@dtpilot/db/testing";
import { inject } from "vitest";

export type { PilotWorld, WorldAccount } from "@dtpilot/db/testing";

/** A fresh pilot world (see @dtpilot/db's pilot-world.ts) in the API's test database, built as the owner. */
export async function buildWorld(): Promise<PilotWorld> {
  const owner = createOwnerDatabase({ url: inject("ownerDatabaseUrl") });
  try {
    return await createPilotWorld(owner);
  } finally {
    await owner.$disconnect();
  }
}
