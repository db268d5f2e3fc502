import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

const common = new Set(["password", "qwertyuiop", "dragon", "1q2w3e4r5t", "iloveyou123"]);
const check = (password: string, identities: string[] = ["ent-haian-1", "91320281MA00000401"]) =>
  passwordProblem(password, { identities, isCommon: (lower) => common.has(lower) });

describe("password policy", () => {
  it("accepts a long password that is none of the weak kinds", () => {
    expect(check("Spring-Harbour-42")).toBeNull();
    expect(check("纺织机械数字化转型试点2026")).toBeNull();
  });

  it("needs at least 10 characters, counted as code points", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(check("Abcdef12!")).toBe("tooShort");
    expect(check("Demo@2025")).toBe("tooShort");
    // 9 characters outside the BMP are 18 UTF-16 units: still too short.
    expect(check("😀🎉🚀🌟🍀🔥💡🎯🧭")).toBe("tooShort");
  });

  it("refuses common passwords whatever their case, also with a year or symbols appended", () => {
    expect(check("QwertyUIOP")).toBe("common");
    expect(check("1Q2W3E4R5T")).toBe("common");
    expect(check("Dragon2025!!")).toBe("common");
    expect(check("PASSWORD1234")).toBe("common");
  });

  it("refuses the account's own user name or credit code inside the password", () => {
    expect(check("ENT-HAIAN-1xyz")).toBe("containsIdentity");
    expect(check("91320281ma00000401")).toBe("containsIdentity");
    expect(check("x91320281MA00000401!")).toBe("containsIdentity");
  });

  it("refuses passwords built from runs, years, symbols and local words with little of their own (the outside probe's)", () => {
    for (const password of ["Aa12345678", "Qwer123456", "qwe123456789", "Jiangsu@2025", "Aa1234567890", "Nanjing#2026!", "asdf@zxcv1234"]) {
      expect(check(password), password).toBe("common");
    }
    for (const password of ["Xq7!pilot-Probe-2026", "Audit2026check", "Spring-Harbour-42", "织机联网2025数据治理"]) {
      expect(check(password), password).toBeNull();
    }
  });

  it("refuses repeats and runs of characters", () => {
    expect(check("aaaaaaaaaaaa")).toBe("repetitive");
    expect(check("abababababab")).toBe("repetitive");
    expect(check("xyz1xyz1xyz1")).toBe("repetitive");
    expect(check("1234567890")).toBe("repetitive");
    expect(check("9876543210")).toBe("repetitive");
    expect(check("abcdefghijkl")).toBe("repetitive");
    expect(check("11112222")).toBe("tooShort");
    expect(check("1111122222")).toBe("repetitive");
  });
});
