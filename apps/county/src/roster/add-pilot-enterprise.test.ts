import { describe, expect, it } from "vitest";
import { formFieldOfApiError, pilotEnterpriseFromForm } from "./AddPilotEnterpriseModal";
import { SUB_INDUSTRY, creditCode } from "./roster-test-fixtures";

describe("the add form's input to the API", () => {
  it("trims, normalises the credit code and writes the revenue canonically", () => {
    expect(
      pilotEnterpriseFromForm({
        name: "  江阴甲公司 ",
        creditCode: ` ${creditCode(1).toLowerCase()} `,
        subIndustry: SUB_INDUSTRY,
        scale: "ABOVE",
        specialised: false,
        lastYearRevenue: "1,234.50",
        contactName: " ",
        contactPhone: " 13800000000 ",
      }),
    ).toEqual({
      name: "江阴甲公司",
      creditCode: creditCode(1),
      subIndustry: SUB_INDUSTRY,
      scale: "ABOVE",
      specialised: false,
      lastYearRevenue: "1234.5",
      contactPhone: "13800000000",
    });
  });

  it("sends nothing while a required value is missing or invalid", () => {
    const valid = { name: "甲", creditCode: creditCode(1), subIndustry: SUB_INDUSTRY, scale: "BELOW", specialised: true, lastYearRevenue: "0" } as const;
    expect(pilotEnterpriseFromForm(valid)).not.toBeNull();
    const wrongCheckCharacter = creditCode(1).slice(0, 17) + (creditCode(1).endsWith("0") ? "1" : "0");
    expect(pilotEnterpriseFromForm({ ...valid, creditCode: wrongCheckCharacter })).toBeNull();
    expect(pilotEnterpriseFromForm({ ...valid, specialised: undefined })).toBeNull();
    expect(pilotEnterpriseFromForm({ ...valid, lastYearRevenue: "-1" })).toBeNull();
  });
});

describe("placing an API error", () => {
  it("finds the form field an error names", () => {
    expect(formFieldOfApiError("entry.creditCode")).toBe("creditCode");
    expect(formFieldOfApiError("entry.subIndustry")).toBe("subIndustry");
  });

  it("leaves other errors to the form as a whole", () => {
    expect(formFieldOfApiError(undefined)).toBeNull();
    expect(formFieldOfApiError("entry")).toBeNull();
    expect(formFieldOfApiError("entry.serial")).toBeNull();
    expect(formFieldOfApiError("file")).toBeNull();
  });
});
