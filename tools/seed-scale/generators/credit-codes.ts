/**
 * 统一社会信用代码 of generated organisations (GB 32100-2015): 9 (工商) 1 (企业), the registering authority's division
 * code, a 9-character 主体标识码 (MA + 7 symbols), and the check character computed by the domain (makeCreditCode).
 * The 7 symbols are a scrambled serial, so codes look random yet never repeat within a division (nor across them: the
 * division code is part of the code).
 */
import { CREDIT_CODE_ALPHABET, makeCreditCode } from "@dtpilot/domain";

const RADIX = CREDIT_CODE_ALPHABET.length;
const SPACE = RADIX ** 7;
/** Coprime with 31, so serial → body is one-to-one over the 31⁷ bodies. */
const MULTIPLIER = 1_000_003;
const OFFSET = 123_456_789;

function body(serial: number): string {
  // Below 10⁹ the product stays an exact integer.
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= 1e9) throw new RangeError(`credit code serial ${serial}`);
  let value = (serial * MULTIPLIER + OFFSET) % SPACE;
  let text = "";
  for (let position = 0; position < 7; position++) {
    text = CREDIT_CODE_ALPHABET[value % RADIX]! + text;
    value = Math.floor(value / RADIX);
  }
  return text;
}

/**
 * The code of the `serial`-th organisation registered by the authority of `division` (6 digits). The serial is
 * shifted by the division, so the n-th enterprise of two counties gets different bodies too.
 */
export function creditCode(division: string, serial: number): string {
  const shifted = (serial + Number(division) * 4_099) % 1e9;
  return makeCreditCode(`91${division}MA${body(shifted)}`);
}
