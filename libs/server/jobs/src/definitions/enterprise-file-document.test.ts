import { describe, expect, it } from "vitest";
import { enterpriseFileDocumentJob, JOB_DEFINITIONS } from "./index";

const valid = {
  exportId: "6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d",
  countyId: "320281",
  requestedById: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
};

describe("enterprise file document job definition", () => {
  it("runs on the documents queue and is one of the platform's jobs", () => {
    expect(enterpriseFileDocumentJob).toMatchObject({ name: "enterprise-file-document", queue: "documents" });
    expect(JOB_DEFINITIONS).toContain(enterpriseFileDocumentJob);
  });

  it("accepts a payload naming an export, a Jiangsu county and the requester", () => {
    expect(enterpriseFileDocumentJob.payload.parse(valid)).toEqual(valid);
  });

  it.each([
    ["an export id that is not a uuid", { ...valid, exportId: "42" }],
    ["a county outside Jiangsu", { ...valid, countyId: "110101" }],
    ["a missing requester", { exportId: valid.exportId, countyId: valid.countyId }],
    // The enterprise is named by the export record the API wrote, never by the payload.
    ["a pilot id in the payload", { ...valid, pilotId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" }],
  ])("refuses %s", (_about, payload) => {
    expect(enterpriseFileDocumentJob.payload.safeParse(payload).success).toBe(false);
  });

  it("retries three times with an exponential backoff", () => {
    expect(enterpriseFileDocumentJob.options).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 2_000 } });
  });
});
