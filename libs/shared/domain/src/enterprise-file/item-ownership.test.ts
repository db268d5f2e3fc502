import { describe, expect, it } from "vitest";
import { emptyEnterpriseFile } from "./enterprise-file";
import { FILE_WRITERS, type FileWriter } from "./file-sections";
import type { NeedItem } from "./needs-section";
import type { ProviderEvaluation } from "./results-section";
import { applyItemOwnership, mayChangeNeed, ownsNeed, type FileEditor } from "./item-ownership";

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const P1 = ID(901);
const P2 = ID(902);

const ENTERPRISE: FileEditor = { writer: "ENTERPRISE", providerId: null };
const PROVIDER_1: FileEditor = { writer: "PROVIDER", providerId: P1 };
const PROVIDER_2: FileEditor = { writer: "PROVIDER", providerId: P2 };
const COUNTY: FileEditor = { writer: "COUNTY", providerId: null };
const EDITORS = { ENTERPRISE, PROVIDER_1, PROVIDER_2, COUNTY } as const;

const byEnterprise: NeedItem = { id: ID(1), text: "设备联网", author: "ENTERPRISE", providerId: null };
const byProvider1: NeedItem = { id: ID(2), text: "数据采集网关", author: "PROVIDER", providerId: P1 };
const byProvider2: NeedItem = { id: ID(3), text: "质量追溯", author: "PROVIDER", providerId: P2 };
const byCounty: NeedItem = { id: ID(4), text: "安全评估", author: "COUNTY", providerId: null };
const ITEMS = { byEnterprise, byProvider1, byProvider2, byCounty } as const;

function needs(...items: NeedItem[]) {
  const section = emptyEnterpriseFile().needs;
  section.EQUIPMENT_DATA = items;
  return section;
}

/** Who owns which item: the truth table the rules must follow. */
const OWNER: Record<keyof typeof ITEMS, keyof typeof EDITORS> = {
  byEnterprise: "ENTERPRISE",
  byProvider1: "PROVIDER_1",
  byProvider2: "PROVIDER_2",
  byCounty: "COUNTY",
};

describe("who owns a need", () => {
  for (const [editorName, editor] of Object.entries(EDITORS)) {
    for (const [itemName, item] of Object.entries(ITEMS)) {
      const owns = OWNER[itemName as keyof typeof ITEMS] === editorName;
      const mayChange = owns || editorName === "COUNTY";

      it(`${editorName} ${owns ? "owns" : "does not own"} the need ${itemName}, and ${mayChange ? "may" : "may not"} change or delete it`, () => {
        expect(ownsNeed(editor, item)).toBe(owns);
        expect(mayChangeNeed(editor, item)).toBe(mayChange);
        const saved = needs(byEnterprise, byProvider1, byProvider2, byCounty);
        const others = Object.values(ITEMS).filter((other) => other.id !== item.id);

        const changed = applyItemOwnership("needs", saved, needs(...others, { ...item, text: `${item.text}（改）` }), editor);
        const deleted = applyItemOwnership("needs", saved, needs(...others), editor);
        if (!mayChange) {
          for (const decision of [changed, deleted]) {
            expect(decision.ok).toBe(false);
            if (decision.ok) return;
            expect(decision.refusals).toHaveLength(1);
            expect(decision.refusals[0]).toMatchObject({ key: "file.item.notAuthor", itemId: item.id, item: item.text, list: "EQUIPMENT_DATA" });
          }
          expect(changed.ok || changed.refusals[0]).toMatchObject({ change: "CHANGED", path: ["EQUIPMENT_DATA", 3, "text"] });
          expect(deleted.ok || deleted.refusals[0]).toMatchObject({ change: "DELETED", path: ["EQUIPMENT_DATA", Object.keys(ITEMS).indexOf(itemName)] });
          return;
        }
        expect(deleted).toMatchObject({ ok: true });
        expect(changed.ok).toBe(true);
        if (!changed.ok) return;
        const stored = changed.content.EQUIPMENT_DATA.find((entry) => entry.id === item.id)!;
        // The author stays; a change by the county on another's item is marked as the county's.
        expect(stored).toMatchObject({ text: `${item.text}（改）`, author: item.author, providerId: item.providerId });
        expect(stored.editedBy).toBe(owns ? undefined : "COUNTY");
      });
    }
  }
});

describe("applyItemOwnership on needs", () => {
  it("makes a new item the saving writer's, whatever author it claims", () => {
    const forged: NeedItem = { id: ID(10), text: "冒名需求", author: "ENTERPRISE", providerId: null };
    for (const [editor, author, providerId] of [
      [PROVIDER_1, "PROVIDER", P1],
      [ENTERPRISE, "ENTERPRISE", null],
      [COUNTY, "COUNTY", null],
    ] as const) {
      const decision = applyItemOwnership("needs", needs(byEnterprise), needs(byEnterprise, { ...forged, editedBy: "COUNTY" }), editor);
      expect(decision.ok).toBe(true);
      if (!decision.ok) return;
      expect(decision.content.EQUIPMENT_DATA[1]).toEqual({ id: ID(10), text: "冒名需求", author, providerId });
    }
  });

  it("keeps an existing item's author when a writer sends another", () => {
    const decision = applyItemOwnership("needs", needs(byProvider1), needs({ ...byProvider1, author: "ENTERPRISE", providerId: null }), PROVIDER_1);
    expect(decision).toEqual({ ok: true, content: needs(byProvider1) });
  });

  it("treats moving another's item to another direction as changing it", () => {
    const moved = emptyEnterpriseFile().needs;
    moved.OTHER = [byEnterprise];
    const decision = applyItemOwnership("needs", needs(byEnterprise), moved, PROVIDER_1);
    expect(decision.ok || decision.refusals[0]).toMatchObject({ change: "CHANGED", path: ["OTHER", 0, "text"] });
  });

  it("lets others' items stay untouched, reordered, beside the editor's own changes", () => {
    const decision = applyItemOwnership("needs", needs(byEnterprise, byProvider1), needs({ ...byProvider1, text: "新网关" }, byEnterprise), PROVIDER_1);
    expect(decision).toEqual({ ok: true, content: needs({ ...byProvider1, text: "新网关" }, byEnterprise) });
  });

  it("reports every refused item at once", () => {
    const decision = applyItemOwnership("needs", needs(byEnterprise, byCounty, byProvider2), needs({ ...byEnterprise, text: "改" }), PROVIDER_1);
    expect(decision.ok || decision.refusals.map((refusal) => [refusal.itemId, refusal.change])).toEqual([
      [byEnterprise.id, "CHANGED"],
      [byCounty.id, "DELETED"],
      [byProvider2.id, "DELETED"],
    ]);
  });

  it("keeps the county's mark until the author changes the item again", () => {
    const marked: NeedItem = { ...byEnterprise, text: "县改", editedBy: "COUNTY" };
    expect(applyItemOwnership("needs", needs(marked), needs({ ...marked, editedBy: undefined }), PROVIDER_1)).toEqual({ ok: true, content: needs(marked) });
    const rewritten = applyItemOwnership("needs", needs(marked), needs({ ...marked, text: "企业再改" }), ENTERPRISE);
    expect(rewritten.ok && rewritten.content.EQUIPMENT_DATA[0]).toEqual({ ...byEnterprise, text: "企业再改" });
  });
});

const evaluation = (n: number, rating: number, providerId: string | null = P1): ProviderEvaluation => ({
  id: ID(100 + n),
  providerId,
  providerName: providerId === P1 ? "江苏智云" : "对手服务商",
  product: "设备联网平台",
  rating,
  comment: null,
});

function results(...providerEvaluations: ProviderEvaluation[]) {
  return { ...emptyEnterpriseFile().results, totalCost: "10", providerEvaluations };
}

describe("applyItemOwnership on 对所使用数字化服务商及评价", () => {
  const saved = results(evaluation(1, 3), evaluation(2, 4, P2));
  const attempts = {
    "rates itself": results(evaluation(1, 5), evaluation(2, 4, P2)),
    "rates a rival down": results(evaluation(1, 3), evaluation(2, 1, P2)),
    "adds an evaluation": results(evaluation(1, 3), evaluation(2, 4, P2), evaluation(3, 5)),
    "deletes an evaluation": results(evaluation(1, 3)),
  };
  const writers: Record<FileWriter, FileEditor> = { ENTERPRISE, PROVIDER: PROVIDER_1, COUNTY };

  for (const writer of FILE_WRITERS) {
    for (const [attempt, incoming] of Object.entries(attempts)) {
      const allowed = writer !== "PROVIDER";
      it(`${allowed ? "lets" : "refuses"} the ${writer.toLowerCase()} when it ${attempt}`, () => {
        const decision = applyItemOwnership("results", saved, incoming, writers[writer]);
        expect(decision.ok).toBe(allowed);
        if (!decision.ok) {
          expect(decision.refusals).toHaveLength(1);
          expect(decision.refusals[0]).toMatchObject({ key: "file.providerEvaluation.enterpriseOnly", list: "providerEvaluations" });
          return;
        }
        const stored = decision.content.providerEvaluations;
        expect(stored.map((item) => ({ ...item, editedBy: undefined }))).toEqual(incoming.providerEvaluations);
        const changedIds = incoming.providerEvaluations
          .filter((item) => JSON.stringify(item) !== JSON.stringify(saved.providerEvaluations.find((was) => was.id === item.id)))
          .map((item) => item.id);
        for (const item of stored) expect(item.editedBy).toBe(writer === "COUNTY" && changedIds.includes(item.id) ? "COUNTY" : undefined);
      });
    }
  }

  it("lets a provider save the rest of section 三, storing the evaluations exactly as saved", () => {
    const marked = results({ ...evaluation(1, 3), editedBy: "COUNTY" }, evaluation(2, 4, P2));
    const incoming = { ...results(evaluation(2, 4, P2), evaluation(1, 3)), totalCost: "12" };
    expect(applyItemOwnership("results", marked, incoming, PROVIDER_1)).toEqual({
      ok: true,
      content: { ...incoming, providerEvaluations: marked.providerEvaluations },
    });
  });

  it("passes sections without owned items unchanged", () => {
    const basic = { ...emptyEnterpriseFile().basic, profile: "简介" };
    expect(applyItemOwnership("basic", emptyEnterpriseFile().basic, basic, PROVIDER_1)).toEqual({ ok: true, content: basic });
  });
});
