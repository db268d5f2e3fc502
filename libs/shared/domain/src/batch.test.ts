import { describe, expect, it } from "vitest";
import { countiesAssignedForCurrentBatch, currentBatch } from "./batch";

const b2025 = { id: "a", name: "2025年度", startsOn: new Date("2025-09-01"), endsOn: new Date("2026-10-31") };
const b2026 = { id: "b", name: "2026年度", startsOn: new Date("2026-09-01"), endsOn: new Date("2027-10-31") };

describe("currentBatch", () => {
  it("picks the batch in progress, preferring the newer when two overlap", () => {
    expect(currentBatch([b2025], new Date("2026-10-31T12:00:00Z"))?.name).toBe("2025年度");
    expect(currentBatch([b2025, b2026], new Date("2026-09-15"))?.name).toBe("2026年度");
  });

  it("falls back to the latest batch that has started, then to the first upcoming", () => {
    expect(currentBatch([b2025], new Date("2026-11-26"))?.name).toBe("2025年度");
    expect(currentBatch([b2025, b2026], new Date("2025-01-01"))?.name).toBe("2025年度");
    expect(currentBatch([], new Date())).toBeNull();
  });
});

describe("countiesAssignedForCurrentBatch", () => {
  const assignments = [
    { countyId: "320281", batchId: "a" },
    { countyId: "320685", batchId: "b" },
    { countyId: "321322", batchId: "a" },
    { countyId: "320281", batchId: "b" },
  ];

  it("gives the counties assigned for the batch in progress, each once", () => {
    expect(countiesAssignedForCurrentBatch(assignments, [b2025, b2026], new Date("2026-05-01"))).toEqual(["320281", "321322"]);
    expect(countiesAssignedForCurrentBatch(assignments, [b2025, b2026], new Date("2026-12-01"))).toEqual(["320281", "320685"]);
  });

  it("grants nothing for assignments of another batch, or when there is no batch", () => {
    expect(countiesAssignedForCurrentBatch([{ countyId: "320685", batchId: "b" }], [b2025, b2026], new Date("2026-05-01"))).toEqual([]);
    expect(countiesAssignedForCurrentBatch(assignments, [], new Date("2026-05-01"))).toEqual([]);
  });
});
