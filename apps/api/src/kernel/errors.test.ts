import { describe, expect, it } from "vitest";
import { conflictFromDatabase } from "./errors";

/** The error shapes Prisma's driver adapter hands back: its own code, PostgreSQL's under the adapter's error. */
describe("conflictFromDatabase", () => {
  it("answers 503 busy when no pooled connection came free in time (Prisma P2028), not 500", () => {
    const error = conflictFromDatabase({ name: "PrismaClientKnownRequestError", code: "P2028" });
    expect(error?.code).toBe("SERVICE_UNAVAILABLE");
    expect(error?.message).toBe("server.busy");
  });

  it("keeps 409 for a lost race and 403 for a refused write, and leaves anything else to the caller", () => {
    expect(conflictFromDatabase({ code: "P2034" })?.code).toBe("CONFLICT");
    expect(conflictFromDatabase({ meta: { driverAdapterError: { cause: { originalCode: "40P01" } } } })?.code).toBe("CONFLICT");
    expect(conflictFromDatabase({ cause: { originalCode: "42501" } })?.code).toBe("FORBIDDEN");
    expect(conflictFromDatabase({ code: "P2025" })).toBeNull();
    expect(conflictFromDatabase(new Error("boom"))).toBeNull();
  });
});
