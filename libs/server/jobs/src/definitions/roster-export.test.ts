import { describe, expect, it } from "vitest";
import { JOB_DEFINITIONS, rosterExportJob } from "./index";

const valid = {
  exportId: "6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d",
  countyId: "320281",
  requestedById: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
};

describe("roster export job definition", () => {
  it("accepts a payload naming an export, a Jiangsu county and the requester", () => {
    expect(rosterExportJob.payload.parse(valid)).toEqual(valid);
  });

  it.each([
    ["an export id that is not a uuid", { ...valid, exportId: "42" }],
    ["a county outside Jiangsu", { ...valid, countyId: "110101" }],
    ["a missing requester", { exportId: valid.exportId, countyId: valid.countyId }],
    ["an unexpected field", { ...valid, delayMsPerRow: 100 }],
  ])("refuses %s", (_about, payload) => {
    expect(rosterExportJob.payload.safeParse(payload).success).toBe(false);
  });

  it("retries three times with an exponential backoff and keeps finished jobs for a while only", () => {
    expect(rosterExportJob.options).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 2_000 } });
    expect(rosterExportJob.options.removeOnComplete.age).toBeGreaterThan(0);
    expect(rosterExportJob.options.removeOnFail.age).toBeGreaterThanOrEqual(rosterExportJob.options.removeOnComplete.age);
  });

  it("gives every job a unique name", () => {
    const names = JOB_DEFINITIONS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
