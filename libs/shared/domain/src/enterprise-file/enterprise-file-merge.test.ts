import { describe, expect, it } from "vitest";
import { emptyEnterpriseFile, enterpriseFileSchema } from "./enterprise-file";
import type { NeedItem, NeedsSection } from "./needs-section";
import type { ResultsSection } from "./results-section";
import { fullBasic, fullFile, indicator, need, uid } from "./enterprise-file-test-fixtures";
import { mergeSectionEdits } from "./enterprise-file-merge";

describe("mergeSectionEdits", () => {
  const needs = (fields: Partial<NeedsSection>): NeedsSection => ({ ...emptyEnterpriseFile().needs, ...fields });
  const a = need(1, "设备无数据接口");
  const b = need(2, "数据采集靠人工抄表", "PROVIDER");
  const c = need(3, "缺少设备联网方案");

  it("returns the base when nobody changed anything", () => {
    const base = fullFile();
    expect(mergeSectionEdits(base, structuredClone(base), structuredClone(base))).toEqual({ merged: base, conflicts: [] });
  });

  it("keeps the needs both writers added, theirs (saved first) before mine", () => {
    const base = needs({ EQUIPMENT_DATA: [a] });
    const mine = needs({ EQUIPMENT_DATA: [a, b] });
    const theirs = needs({ EQUIPMENT_DATA: [a, c] });
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: needs({ EQUIPMENT_DATA: [a, c, b] }),
      conflicts: [],
    });
  });

  it("keeps additions in different directions", () => {
    const base = needs({});
    const merged = mergeSectionEdits(base, needs({ DATA_GOVERNANCE: [b] }), needs({ AI_APPLICATION: [c] }));
    expect(merged).toEqual({ merged: needs({ DATA_GOVERNANCE: [b], AI_APPLICATION: [c] }), conflicts: [] });
  });

  it("takes an edit the other side did not touch, while keeping the other side's own edits", () => {
    const base = needs({ EQUIPMENT_DATA: [a, b] });
    const aEdited = { ...a, text: "部分老旧设备无数据接口" };
    const bEdited = { ...b, text: "能耗数据靠人工抄表" };
    expect(
      mergeSectionEdits(base, needs({ EQUIPMENT_DATA: [aEdited, b] }), needs({ EQUIPMENT_DATA: [a, bEdited] })),
    ).toEqual({ merged: needs({ EQUIPMENT_DATA: [aEdited, bEdited] }), conflicts: [] });
  });

  it("accepts the same edit made on both sides", () => {
    const base = needs({ OTHER: [a] });
    const edited = needs({ OTHER: [{ ...a, text: "同样的修改" }] });
    expect(mergeSectionEdits(base, edited, structuredClone(edited))).toEqual({ merged: edited, conflicts: [] });
  });

  it("lists a conflict when both edited the same need differently, keeping the saved version in place", () => {
    const base = needs({ EQUIPMENT_DATA: [a] });
    const mine = needs({ EQUIPMENT_DATA: [{ ...a, text: "企业的说法" }] });
    const theirs = needs({ EQUIPMENT_DATA: [{ ...a, text: "服务商的说法" }] });
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: theirs,
      conflicts: [
        {
          path: ["EQUIPMENT_DATA", a.id],
          kind: "BOTH_CHANGED",
          mine: mine.EQUIPMENT_DATA[0],
          theirs: theirs.EQUIPMENT_DATA[0],
        },
      ],
    });
  });

  it("deletes a need one side removed and the other left alone", () => {
    const base = needs({ OTHER: [a, b] });
    expect(mergeSectionEdits(base, needs({ OTHER: [b] }), base)).toEqual({ merged: needs({ OTHER: [b] }), conflicts: [] });
    expect(mergeSectionEdits(base, base, needs({ OTHER: [a] }))).toEqual({ merged: needs({ OTHER: [a] }), conflicts: [] });
    expect(mergeSectionEdits(base, needs({ OTHER: [b] }), needs({ OTHER: [b] }))).toEqual({
      merged: needs({ OTHER: [b] }),
      conflicts: [],
    });
  });

  it("keeps a need one side edited while the other deleted it, and lists the conflict", () => {
    const base = needs({ OTHER: [a, b] });
    const aEdited = { ...a, text: "补充：含注塑机" };
    const deletedByMine = mergeSectionEdits(base, needs({ OTHER: [b] }), needs({ OTHER: [aEdited, b] }));
    expect(deletedByMine).toEqual({
      merged: needs({ OTHER: [aEdited, b] }),
      conflicts: [{ path: ["OTHER", a.id], kind: "DELETED_BY_MINE", mine: null, theirs: aEdited }],
    });
    const deletedByTheirs = mergeSectionEdits(base, needs({ OTHER: [aEdited, b] }), needs({ OTHER: [b] }));
    expect(deletedByTheirs).toEqual({
      merged: needs({ OTHER: [aEdited, b] }),
      conflicts: [{ path: ["OTHER", a.id], kind: "DELETED_BY_THEIRS", mine: aEdited, theirs: null }],
    });
  });

  it("keeps one side's new order and puts the other side's additions after their predecessor", () => {
    const d = need(4, "数据无统一编码");
    const base = needs({ OTHER: [a, b, c] });
    const mine = needs({ OTHER: [c, a, b] });
    const theirs = needs({ OTHER: [a, d, b, c] });
    expect(mergeSectionEdits(base, mine, theirs).merged.OTHER).toEqual([c, a, d, b]);
    // An item added at the top stays at the top.
    expect(mergeSectionEdits(base, needs({ OTHER: [d, a, b, c] }), base).merged.OTHER).toEqual([d, a, b, c]);
  });

  it("merges scalar fields one by one: one side's change is taken, different changes conflict", () => {
    const base = fullBasic();
    const mine = { ...base, contactPerson: "李四", registeredAddress: "新地址", nature: "MIXED" as const };
    const theirs = { ...base, contactInfo: "0510-12345678", registeredAddress: "另一个地址", nature: "MIXED" as const };
    expect(mergeSectionEdits(base, mine, theirs)).toEqual({
      merged: { ...base, contactPerson: "李四", contactInfo: "0510-12345678", registeredAddress: "另一个地址", nature: "MIXED" },
      conflicts: [{ path: ["registeredAddress"], kind: "BOTH_CHANGED", mine: "新地址", theirs: "另一个地址" }],
    });
  });

  it("merges section 三's nested values and lists independently", () => {
    const base = emptyEnterpriseFile().results;
    const mine: ResultsSection = {
      ...base,
      period: { start: "2025-09-01", end: null },
      indicators: { ...base.indicators, EQUIPMENT_DATA: [indicator(1)] },
      totalCost: "100",
    };
    const theirs: ResultsSection = {
      ...base,
      period: { start: null, end: "2026-09-01" },
      indicators: { ...base.indicators, EQUIPMENT_DATA: [indicator(2, { kpi: "OEE" })], COST_REDUCTION: [indicator(3)] },
      transformationItems: [{ id: uid(4), text: "上线WMS" }],
      totalCost: "120",
    };
    const { merged, conflicts } = mergeSectionEdits(base, mine, theirs);
    expect(merged.period).toEqual({ start: "2025-09-01", end: "2026-09-01" });
    expect(merged.indicators.EQUIPMENT_DATA.map((i) => i.id)).toEqual([uid(2), uid(1)]);
    expect(merged.indicators.COST_REDUCTION).toEqual([indicator(3)]);
    expect(merged.transformationItems).toEqual(theirs.transformationItems);
    expect(merged.totalCost).toBe("120");
    expect(conflicts).toEqual([{ path: ["totalCost"], kind: "BOTH_CHANGED", mine: "100", theirs: "120" }]);
    expect(enterpriseFileSchema.shape.results.safeParse(merged).success).toBe(true);
  });

  it("loses nobody's work: every item either side added or changed is in the merge", () => {
    const base = needs({ OTHER: [a, b, c] });
    const variants: NeedItem[][] = [
      [a, b, c],
      [a, b],
      [{ ...a, text: "改A" }, b, c],
      [a, b, c, need(10, "新增一")],
      [c, { ...b, text: "改B" }],
      [need(11, "新增二"), b, { ...c, text: "改C" }],
    ];
    for (const mineList of variants) {
      for (const theirsList of variants) {
        const { merged } = mergeSectionEdits(base, needs({ OTHER: mineList }), needs({ OTHER: theirsList }));
        const kept = merged.OTHER;
        for (const item of [...mineList, ...theirsList]) {
          const inBase = base.OTHER.find((original) => original.id === item.id);
          const changedOrAdded = !inBase || inBase.text !== item.text;
          if (changedOrAdded) expect(kept.some((k) => k.id === item.id), JSON.stringify({ mineList, theirsList })).toBe(true);
        }
        expect(new Set(kept.map((k) => k.id)).size).toBe(kept.length);
      }
    }
  });
});
