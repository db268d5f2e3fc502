import { describe, expect, it } from "vitest";
import { attachment } from "./content-disposition";

describe("attachment content disposition", () => {
  it("gives the Chinese name as an RFC 5987 filename* and an ASCII fallback", () => {
    const header = attachment("江阴市试点企业名单（2025年度）.xlsx", "export-1.xlsx");
    expect(header).toBe(
      `attachment; filename="export-1.xlsx"; filename*=UTF-8''${encodeURIComponent("江阴市试点企业名单（2025年度）.xlsx")}`,
    );
    expect(decodeURIComponent(header.split("filename*=UTF-8''")[1]!)).toBe("江阴市试点企业名单（2025年度）.xlsx");
  });

  it("percent-encodes the characters RFC 5987 does not allow bare, and keeps quotes out of the fallback", () => {
    const header = attachment(`it's (a) *test*.xlsx`, `a "b"\\c.xlsx`);
    expect(header).toContain(`filename*=UTF-8''it%27s%20%28a%29%20%2Atest%2A.xlsx`);
    expect(header).toContain(`filename="a _b__c.xlsx"`);
  });
});
