import { DOCUMENT_KINDS } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import { DOCUMENT_JOBS, documentJobOf, enterpriseFileDocumentJob, JOB_DEFINITIONS, planDocumentJob, rosterExportJob } from "./index";

const valid = {
  exportId: "6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d",
  countyId: "320281",
  requestedById: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
};

describe.each([
  ["roster export", rosterExportJob, "roster-export"],
  ["plan document", planDocumentJob, "plan-document"],
  ["enterprise file document", enterpriseFileDocumentJob, "enterprise-file-document"],
])("the %s job definition", (_about, job, name) => {
  it("runs on the documents queue under its name and is one of the platform's jobs", () => {
    expect(job).toMatchObject({ name, queue: "documents" });
    expect(JOB_DEFINITIONS).toContain(job);
  });

  it("accepts a payload naming an export, a Jiangsu county and the requester", () => {
    expect(job.payload.parse(valid)).toEqual(valid);
  });

  it.each([
    ["an export id that is not a uuid", { ...valid, exportId: "42" }],
    ["a county outside Jiangsu", { ...valid, countyId: "110101" }],
    ["a missing requester", { exportId: valid.exportId, countyId: valid.countyId }],
    ["an unexpected field", { ...valid, delayMsPerRow: 100 }],
    // The enterprise is named by the export record the API wrote, never by the payload.
    ["a pilot id in the payload", { ...valid, pilotEnterpriseId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" }],
  ])("refuses %s", (_about2, payload) => {
    expect(job.payload.safeParse(payload).success).toBe(false);
  });

  it("retries three times with an exponential backoff and keeps finished jobs for a while only", () => {
    expect(job.options).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 2_000 } });
    expect(job.options.removeOnComplete.age).toBeGreaterThan(0);
    expect(job.options.removeOnFail.age).toBeGreaterThanOrEqual(job.options.removeOnComplete.age);
  });

  it("takes its job id from the export, so one export never has two jobs", () => {
    expect(job.jobId(valid)).toBe(valid.exportId);
  });
});

describe("the document jobs together", () => {
  it("give every job a unique name", () => {
    const names = JOB_DEFINITIONS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("generate every document kind, each by exactly one job", () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(DOCUMENT_JOBS.filter((job) => job.kinds.includes(kind)), kind).toHaveLength(1);
    }
    expect(documentJobOf("PLAN_DOCX")).toBe(planDocumentJob);
    expect(documentJobOf("ENTERPRISE_FILE_DOCX")).toBe(enterpriseFileDocumentJob);
  });

  it("cannot be changed once defined", () => {
    expect(Object.isFrozen(rosterExportJob)).toBe(true);
    expect(Object.isFrozen(rosterExportJob.kinds)).toBe(true);
  });
});
