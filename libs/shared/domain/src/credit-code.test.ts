import { describe, it, expect } from "vitest";
import {
  isValidUnifiedSocialCreditCode,
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_WEIGHTS,
  creditCodeCheckCharacter,
  creditCodeSchema,
  isValidCreditCode,
  makeCreditCode,
  validateCreditCode,
} from "./credit-code";

/** Deterministic generator so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick(chars: string, random: () => number): string {
  return chars.charAt(Math.floor(random() * chars.length));
}

function randomFirst17(random: () => number): string {
  let body = pick(CREDIT_CODE_ALPHABET, random) + pick(CREDIT_CODE_ALPHABET, random);
  for (let i = 0; i < 6; i++) body += pick("0123456789", random);
  for (let i = 0; i < 9; i++) body += pick(CREDIT_CODE_ALPHABET, random);
  return body;
}

describe("credit code alphabet and weights", () => {
  it("has 31 symbols without I, O, Z, S or V", () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
    for (const letter of "IOZSV") expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
  });

  it("weights positions by 3^(i-1) mod 31 as listed in the standard", () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });
});

describe("validateCreditCode", () => {
  it("accepts the standard's worked example 91350100M000100Y43", () => {
    expect(validateCreditCode("91350100M000100Y43")).toEqual({ ok: true });
    expect(creditCodeCheckCharacter("91350100M000100Y4")).toBe("3");
  });

  it("rejects the standard's counter-example 91350100M000100Y4Z as a charset error, since Z is not a symbol", () => {
    expect(validateCreditCode("91350100M000100Y4Z")).toEqual({ ok: false, reason: "CHARSET" });
    expect(isValidCreditCode("91350100M000100Y4Z")).toBe(false);
  });

  it("accepts 91512081MA62K0260E, whose check character is the letter E", () => {
    expect(validateCreditCode("91512081MA62K0260E")).toEqual({ ok: true });
  });

  it("rejects 91310115MA1H8R7C6D, whose check character should be 7", () => {
    expect(validateCreditCode("91310115MA1H8R7C6D")).toEqual({ ok: false, reason: "CHECK_DIGIT" });
    expect(creditCodeCheckCharacter("91310115MA1H8R7C6")).toBe("7");
    expect(isValidCreditCode("91310115MA1H8R7C67")).toBe(true);
  });

  it("rejects a code of the wrong length", () => {
    expect(validateCreditCode("")).toEqual({ ok: false, reason: "LENGTH" });
    expect(validateCreditCode("91350100M000100Y4")).toEqual({ ok: false, reason: "LENGTH" });
    expect(validateCreditCode("91350100M000100Y433")).toEqual({ ok: false, reason: "LENGTH" });
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the forbidden letter %s", (letter) => {
    const code = `91350100M000100${letter}43`;
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: "CHARSET" });
  });

  it("rejects lower case and whitespace, which only the schema forgives", () => {
    expect(validateCreditCode("91350100m000100y43")).toEqual({ ok: false, reason: "CHARSET" });
    expect(validateCreditCode(" 91350100M000100Y4")).toEqual({ ok: false, reason: "CHARSET" });
  });

  it("rejects a letter in the division code (positions 3-8)", () => {
    const first17 = "91A50100M000100Y4";
    expect(validateCreditCode(first17 + "3")).toEqual({ ok: false, reason: "CHARSET" });
  });
});

describe("creditCodeCheckCharacter and makeCreditCode", () => {
  it("refuses input that is not 17 valid characters", () => {
    expect(() => creditCodeCheckCharacter("91350100M000100Y")).toThrow(RangeError);
    expect(() => makeCreditCode("91350100M000100YO")).toThrow(RangeError);
  });

  it("makes codes that always validate", () => {
    const random = seededRandom(20250101);
    const failures: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const code = makeCreditCode(randomFirst17(random));
      if (code.length !== 18 || !isValidCreditCode(code)) failures.push(code);
    }
    expect(failures).toEqual([]);
  });

  it("makes every one of the 31 check characters, never a forbidden letter", () => {
    const random = seededRandom(7);
    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) seen.add(makeCreditCode(randomFirst17(random)).charAt(17));
    expect([...seen].sort().join("")).toBe([...CREDIT_CODE_ALPHABET].sort().join(""));
  });

  it("detects every single-character substitution in the first 17 characters", () => {
    const random = seededRandom(31);
    for (let n = 0; n < 200; n++) {
      const code = makeCreditCode(randomFirst17(random));
      const position = Math.floor(random() * 17);
      const alphabet = position >= 2 && position < 8 ? "0123456789" : CREDIT_CODE_ALPHABET;
      const replacement = alphabet.replace(code.charAt(position), "");
      const altered = code.slice(0, position) + pick(replacement, random) + code.slice(position + 1);
      expect(validateCreditCode(altered), altered).toEqual({ ok: false, reason: "CHECK_DIGIT" });
    }
  });
});

describe("creditCodeSchema", () => {
  it("trims and upper-cases before validating", () => {
    expect(creditCodeSchema.parse("  91350100m000100y43\n")).toBe("91350100M000100Y43");
    expect(creditCodeSchema.parse("91512081ma62k0260e")).toBe("91512081MA62K0260E");
  });

  it.each(["91350100M000100Y4Z", "91310115MA1H8R7C6D", "9135010", "", "   "])(
    "rejects %j with the message key creditCode.invalid",
    (input) => {
      const result = creditCodeSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["creditCode.invalid"]);
    },
  );

  it("rejects a non-string", () => {
    expect(creditCodeSchema.safeParse(913501).success).toBe(false);
  });
});

describe("isValidUnifiedSocialCreditCode", () => {
  it.each([
    ["91350100M000100Y43", true, "the standard's worked example"],
    ["91512081MA62K0260E", true, "a second public example"],
    ["91350100M000100Y4Z", false, "a wrong check character"],
    ["91350100M000100Y4", false, "17 characters"],
    ["91350100M000100Y433", false, "19 characters"],
    ["", false, "empty"],
    ["91350100M000100I43", false, "the forbidden letter I"],
    ["91350100M000100O43", false, "the forbidden letter O"],
    ["91350100M000100S43", false, "the forbidden letter S"],
    ["91350100M000100V43", false, "the forbidden letter V"],
    ["91350100M000100Z43", false, "the forbidden letter Z"],
    ["91350100m000100y43", false, "lower case (normalise user input first)"],
    ["913501A0M000100Y43", false, "a letter in the division code"],
  ])("%s → %s (%s)", (code, valid) => {
    expect(isValidUnifiedSocialCreditCode(code)).toBe(valid);
  });
});
