/**
 * The password rule for every password a person chooses or is given (修改密码, an enterprise account's initial
 * password): long enough, not on a list of common or breached passwords, not built from the account's own names,
 * not a repeat or a run of keys. Pure: the caller supplies the common-password list.
 */

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = "tooShort" | "common" | "containsIdentity" | "repetitive";

export interface PasswordContext {
  /** The account's own names (user name, an enterprise's credit code, the display name); none may appear in it. */
  identities: readonly string[];
  /** True for a lower-cased password on the common list. */
  isCommon(lowerCased: string): boolean;
}

/** The first problem with `password`, or null when it may be used. Length counts code points, not UTF-16 units. */
export function passwordProblem(password: string, context: PasswordContext): PasswordProblem | null {
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) return "tooShort";
  const lower = password.toLowerCase();
  // "dragon2025!" is "dragon" with a year: strip trailing digits and symbols before looking it up, too.
  const stem = lower.replace(/[^\p{L}]+$/u, "");
  if (context.isCommon(lower) || (stem.length >= 4 && context.isCommon(stem))) return "common";
  const compact = lower.replace(/[\s\-_.@]/g, "");
  for (const identity of context.identities) {
    const name = identity.trim().toLowerCase();
    if (name.length >= 4 && (lower.includes(name) || compact.includes(name.replace(/[\s\-_.@]/g, "")))) return "containsIdentity";
  }
  if (isRepetitive([...lower])) return "repetitive";
  if (isPredictable(lower)) return "common";
  return null;
}

/**
 * Built from guessable parts with little of its own: runs of keys or digits, years, symbols and the words everyone
 * here uses (the province and its cities) taken out, fewer than 4 characters remain ("Aa12345678", "Qwer123456",
 * "Jiangsu@2025").
 */
function isPredictable(lower: string): boolean {
  let rest = lower.replace(/(?:19|20)\d{2}/g, " ").replace(/[^\p{L}\p{N}]+/gu, " ");
  for (const word of LOCAL_WORDS) rest = rest.split(word).join(" ");
  return [...withoutKeyRuns(rest.replace(/\s+/g, ""))].length < 4;
}

/** The text without any stretch of 3 or more characters that is part of a run of keys (either way). */
function withoutKeyRuns(text: string): string {
  let kept = "";
  for (let index = 0; index < text.length; ) {
    let end = index;
    for (let next = index + 3; next <= text.length; next++) {
      const piece = text.slice(index, next);
      if (KEY_RUNS.some((run) => run.includes(piece) || [...run].reverse().join("").includes(piece))) end = next;
      else break;
    }
    if (end > index) index = end;
    else kept += text[index++];
  }
  return kept;
}

/** Words every account here is tempted by: the province, its thirteen cities, and a few perennials. */
const LOCAL_WORDS = [
  "jiangsu", "nanjing", "wuxi", "xuzhou", "changzhou", "suzhou", "nantong", "lianyungang", "huaian", "yancheng",
  "yangzhou", "zhenjiang", "taizhou", "suqian", "china", "zhongguo", "woaini", "admin", "password", "welcome",
];

/** Few distinct characters, one short unit repeated ("abcabcabca"), or one run up or down ("1234567890", "zyxw…"). */
function isRepetitive(characters: string[]): boolean {
  if (new Set(characters).size < 4) return true;
  for (let unit = 1; unit <= characters.length / 2; unit++) {
    if (characters.every((character, index) => character === characters[index % unit])) return true;
  }
  const text = characters.join("");
  if (KEY_RUNS.some((run) => run.includes(text) || [...run].reverse().join("").includes(text))) return true;
  const codes = characters.map((character) => character.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((code, index) => index === 0 || code - codes[index - 1]! === step);
}

/** Runs of digits, letters and keyboard rows ("1234567890" ends in 0, as on the keyboard). */
const KEY_RUNS = ["01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
