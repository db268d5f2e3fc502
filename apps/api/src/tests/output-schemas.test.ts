/**
 * Every procedure declares what it answers (its `.types.ts` output schema), so a new database column never reaches a
 * client unannounced. The list comes from the router: a new procedure without an output schema fails here.
 */
import { expect, it } from "vitest";
import { appRouter } from "../router";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>);

it("has an output schema for every procedure", () => {
  expect(procedures.length).toBeGreaterThan(0);
  expect(procedures.filter(([, procedure]) => procedure._def.output === undefined).map(([path]) => path)).toEqual([]);
});
