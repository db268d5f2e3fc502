import { describe, expect, it } from "vitest";
import { JOB_DEFINITIONS, recoverLostExportsJob, SCHEDULED_JOBS } from "./index";

describe("scheduled job definitions", () => {
  it("each keep a scheduler id of their own, and are jobs of the platform", () => {
    const ids = SCHEDULED_JOBS.map((job) => job.schedulerId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const job of SCHEDULED_JOBS) expect(JOB_DEFINITIONS).toContain(job);
  });

  it("keep the ids Redis knows them by: a renamed id would leave the old schedule running beside the new", () => {
    expect(SCHEDULED_JOBS.map((job) => job.schedulerId)).toEqual(["recover-lost-exports"]);
  });

  it("carry a payload their own schema accepts", () => {
    for (const job of SCHEDULED_JOBS) expect(job.payload.safeParse(job.data).success, job.name).toBe(true);
  });

  it("look for lost exports every five minutes by default, trying once per run", () => {
    expect(recoverLostExportsJob).toMatchObject({ queue: "documents", schedule: { every: 300_000 }, options: { attempts: 1 } });
  });
});
