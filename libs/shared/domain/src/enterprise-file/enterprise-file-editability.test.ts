import { describe, expect, it } from "vitest";
import { ROLES } from "../scope";
import { FILE_SECTION_KEYS, FILE_WRITERS, type FileSectionKey, type FileWriter } from "./file-sections";
import type { FileEditContext, FileEditRefusal } from "./enterprise-file-editability";
import { editableSections, FILE_EDIT_REFUSAL_LABELS, fileWriterOfRole, SECTION_WRITERS, sectionEditability } from "./enterprise-file-editability";

describe("who may edit which section when", () => {
  it("gives section 一 to the enterprise and the county, 二 and 三 to all three writers, 四 to the county", () => {
    expect(SECTION_WRITERS).toEqual({
      basic: ["ENTERPRISE", "COUNTY"],
      needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      evaluation: ["COUNTY"],
    });
  });

  const FLAGS = ["linkedToEnterprise", "ownEnterprise", "onRoster", "transformationStarted"] as const;
  const contexts: FileEditContext[] = FILE_SECTION_KEYS.flatMap((section) =>
    FILE_WRITERS.flatMap((writer) =>
      Array.from({ length: 2 ** FLAGS.length }, (_, bits) => {
        const flags = Object.fromEntries(FLAGS.map((flag, i) => [flag, (bits & (1 << i)) !== 0]));
        return { section, writer, ...flags } as FileEditContext;
      }),
    ),
  );

  /** The rules restated: a writer of the section, who is party to this enterprise, while it is on the roster, in time. */
  function expected(c: FileEditContext): FileEditRefusal | null {
    const writers: Record<FileSectionKey, FileWriter[]> = {
      basic: ["ENTERPRISE", "COUNTY"],
      needs: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      results: ["ENTERPRISE", "PROVIDER", "COUNTY"],
      evaluation: ["COUNTY"],
    };
    if (!writers[c.section].includes(c.writer)) return "NOT_A_WRITER";
    if (c.writer === "PROVIDER" && !c.linkedToEnterprise) return "PROVIDER_NOT_LINKED";
    if (c.writer === "ENTERPRISE" && !c.ownEnterprise) return "NOT_OWN_ENTERPRISE";
    if (!c.onRoster) return "NOT_ON_ROSTER";
    if ((c.section === "results" || c.section === "evaluation") && !c.transformationStarted) {
      return "BEFORE_TRANSFORMATION";
    }
    return null;
  }

  it("decides every section × writer × flag combination by the rules", () => {
    expect(contexts).toHaveLength(4 * 3 * 16);
    for (const context of contexts) {
      const reason = expected(context);
      expect(sectionEditability(context), JSON.stringify(context)).toEqual(
        reason === null ? { editable: true } : { editable: false, reason },
      );
    }
  });

  it("lets the enterprise and its provider fill 一 and 二 as soon as it is on the roster, 三 once the project started", () => {
    const enterprise = { writer: "ENTERPRISE", linkedToEnterprise: false, ownEnterprise: true, onRoster: true } as const;
    expect(editableSections({ ...enterprise, transformationStarted: false })).toEqual(["basic", "needs"]);
    expect(editableSections({ ...enterprise, transformationStarted: true })).toEqual(["basic", "needs", "results"]);
    const provider = { writer: "PROVIDER", linkedToEnterprise: true, ownEnterprise: false, onRoster: true } as const;
    expect(editableSections({ ...provider, transformationStarted: false })).toEqual(["needs"]);
    expect(editableSections({ ...provider, transformationStarted: true })).toEqual(["needs", "results"]);
    const county = { writer: "COUNTY", linkedToEnterprise: false, ownEnterprise: false, onRoster: true } as const;
    expect(editableSections({ ...county, transformationStarted: true })).toEqual([...FILE_SECTION_KEYS]);
  });

  it("never lets a provider touch section 一 nor anyone but the county touch 四, whatever the flags", () => {
    for (const context of contexts) {
      if (context.section === "basic" && context.writer === "PROVIDER") {
        expect(sectionEditability(context)).toEqual({ editable: false, reason: "NOT_A_WRITER" });
      }
      if (context.section === "evaluation" && context.writer !== "COUNTY") {
        expect(sectionEditability(context)).toEqual({ editable: false, reason: "NOT_A_WRITER" });
      }
    }
  });

  it("freezes the file of an enterprise removed from the roster, for the county too", () => {
    for (const context of contexts.filter((c) => !c.onRoster)) {
      expect(sectionEditability(context).editable).toBe(false);
    }
  });

  it("explains every refusal in Chinese", () => {
    for (const label of Object.values(FILE_EDIT_REFUSAL_LABELS)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(Object.keys(FILE_EDIT_REFUSAL_LABELS)).toHaveLength(5);
    expect(FILE_EDIT_REFUSAL_LABELS.BEFORE_TRANSFORMATION).toContain("改造项目开始后方可填写第三项");
  });

  it("maps roles to writers and leaves every other role without one", () => {
    const writers = Object.fromEntries(ROLES.map((role) => [role, fileWriterOfRole(role)]));
    expect(writers).toEqual({
      PROVINCE_ADMIN: null,
      REVIEWER: null,
      CITY_OFFICER: null,
      COUNTY_ADMIN: "COUNTY",
      ENTERPRISE_USER: "ENTERPRISE",
      PROVIDER_USER: "PROVIDER",
    });
  });
});
