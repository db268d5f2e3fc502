import { describe, expect, it } from "vitest";
import { isValidCreditCode } from "../credit-code";
import {
  ENTERPRISE_SCALE_FULL_LABELS,
  ENTERPRISE_SCALE_LABELS,
  ROSTER_COLUMNS,
  ROSTER_EXAMPLE_ROWS,
  ROSTER_REQUIRED_COLUMN_KEYS,
  pilotEnterpriseInputSchema,
  type PilotEnterpriseInput,
} from "./pilot-enterprise";

const valid = {
  name: "  江阴市甲机械有限公司 ",
  creditCode: " 91320281ma1q2x3y49 ",
  subIndustry: "高端装备—数控机床",
  scale: "ABOVE",
  specialised: true,
  lastYearRevenue: "1234.5",
};

describe("roster entry", () => {
  it("labels the two scales as the plan and 附2 write them", () => {
    expect(ENTERPRISE_SCALE_LABELS).toEqual({ ABOVE: "规上", BELOW: "规下" });
    expect(ENTERPRISE_SCALE_FULL_LABELS).toEqual({ ABOVE: "规模以上", BELOW: "规模以下" });
  });

  it("lists the template's columns in import order with the guide's labels and marks the required ones", () => {
    expect(ROSTER_COLUMNS.map((column) => column.label)).toEqual([
      "序号",
      "企业名称",
      "企业信用代码",
      "所属细分行业",
      "企业规模（规上/规下）",
      "是否为专精特新中小企业（是/否）",
      "上年度主营业务收入（万元）",
      "联系人",
      "联系方式",
    ]);
    expect(ROSTER_REQUIRED_COLUMN_KEYS).toEqual(["name", "creditCode", "subIndustry", "scale", "specialised", "lastYearRevenue"]);
    expect(ROSTER_COLUMNS.find((column) => column.key === "creditCode")?.example).toBe("91320281MA1Q2X3Y49");
  });

  it("gives example rows whose made-up credit codes are valid", () => {
    for (const row of ROSTER_EXAMPLE_ROWS) expect(isValidCreditCode(row.creditCode)).toBe(true);
  });

  it("accepts a form's entry, trimming text and upper-casing the credit code", () => {
    const parsed = pilotEnterpriseInputSchema.parse({ ...valid, contactName: " 张三 ", contactPhone: "" });
    expect(parsed).toEqual({
      name: "江阴市甲机械有限公司",
      creditCode: "91320281MA1Q2X3Y49",
      subIndustry: "高端装备—数控机床",
      scale: "ABOVE",
      specialised: true,
      lastYearRevenue: "1234.5",
      contactName: "张三",
      contactPhone: undefined,
    });
    // The schema's output is the model's type.
    const entry: PilotEnterpriseInput = parsed;
    expect(entry.scale).toBe("ABOVE");
  });

  it("refuses a blank or over-long name, a bad credit code, an unknown scale and a badly formed amount", () => {
    const issuesOf = (input: object) => pilotEnterpriseInputSchema.safeParse({ ...valid, ...input }).error?.issues.map((issue) => issue.path.join("."));
    expect(issuesOf({ name: "   " })).toEqual(["name"]);
    expect(issuesOf({ name: "企".repeat(101) })).toEqual(["name"]);
    expect(issuesOf({ name: "企".repeat(100) })).toBeUndefined();
    expect(issuesOf({ creditCode: "91320281MA1Q2X3Y48" })).toEqual(["creditCode"]);
    expect(pilotEnterpriseInputSchema.safeParse({ ...valid, creditCode: "91320281MA1Q2X3Y48" }).error?.issues[0]?.message).toBe(
      "creditCode.invalid",
    );
    expect(issuesOf({ scale: "规上" })).toEqual(["scale"]);
    expect(issuesOf({ lastYearRevenue: "1.23456" })).toEqual(["lastYearRevenue"]);
    expect(issuesOf({ lastYearRevenue: "-1" })).toEqual(["lastYearRevenue"]);
    expect(issuesOf({ specialised: "是" })).toEqual(["specialised"]);
    expect(issuesOf({ extra: 1 })).toEqual([""]);
  });
});
