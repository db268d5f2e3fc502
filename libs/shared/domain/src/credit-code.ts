import { z } from "zod";

/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character
 * over the first 17.
 */

/** The 31 symbols in value order; I, O, Z, S and V are left out so they cannot be misread. */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Wᵢ = 3^(i−1) mod 31 for positions 1–17. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let weight = 1;
  for (let k = 0; k < i; k++) weight = (weight * 3) % 31;
  return weight;
});

const CREDIT_CODE_LENGTH = 18;
/** Positions 3–8 hold the registering authority's GB/T 2260 division code, always digits. */
const DIVISION_CODE_SHAPE = /^\d{6}$/;

export type CreditCodeValidation = { ok: true } | { ok: false; reason: "LENGTH" | "CHARSET" | "CHECK_DIGIT" };

function hasValidCharacters(body: string): boolean {
  for (const char of body) {
    if (!CREDIT_CODE_ALPHABET.includes(char)) return false;
  }
  return DIVISION_CODE_SHAPE.test(body.slice(2, 8));
}

function checkCharacterOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Validate an exact credit code. No trimming or case folding here: use `creditCodeSchema` for user input.
 * CHARSET covers a symbol outside the 31-symbol set and a non-digit in the division code (positions 3–8).
 */
export function validateCreditCode(code: string): CreditCodeValidation {
  if (code.length !== CREDIT_CODE_LENGTH) return { ok: false, reason: "LENGTH" };
  if (!hasValidCharacters(code)) return { ok: false, reason: "CHARSET" };
  if (checkCharacterOf(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, reason: "CHECK_DIGIT" };
  return { ok: true };
}

export function isValidCreditCode(code: string): boolean {
  return validateCreditCode(code).ok;
}

/** The check character for the first 17 characters; throws on input that no valid code can start with. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17 || !hasValidCharacters(first17)) {
    throw new RangeError(`Not the first 17 characters of a credit code: ${first17}`);
  }
  return checkCharacterOf(first17);
}

/** The full 18-character code for the first 17 characters (demo seeds build codes this way). */
export function makeCreditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

/** User input: surrounding whitespace and lower case are forgiven; the message is an i18n key. */
export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: "creditCode.invalid" });

/**
 * Whether `code` is a valid 统一社会信用代码 under GB 32100-2015: 18 characters from the 31-symbol set (no I, O, S, V,
 * Z; upper case only), digits in positions 3–8, and the right check character. Exact input: trim and upper-case
 * user input first (creditCodeSchema does).
 */
export function isValidUnifiedSocialCreditCode(code: string): boolean {
  return isValidCreditCode(code);
}
