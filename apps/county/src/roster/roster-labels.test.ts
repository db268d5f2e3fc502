import { ENTERPRISE_SCALE_LABELS, FILE_SECTION_TITLES, ROSTER_COLUMNS } from "@dtpilot/domain";
import { describe, expect, it } from "vitest";
import { countyZhCN } from "../locales/zh-CN";

describe("the roster's Chinese labels", () => {
  it("name the columns exactly as the import template does", () => {
    for (const column of ROSTER_COLUMNS) expect(countyZhCN.roster.columns[column.key]).toBe(column.label);
  });

  it("use the guide's words for scale and the file's sections", () => {
    expect(countyZhCN.roster.scales).toEqual(ENTERPRISE_SCALE_LABELS);
    expect(countyZhCN.roster.sections).toEqual(FILE_SECTION_TITLES);
  });
});
