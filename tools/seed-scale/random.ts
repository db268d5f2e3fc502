/**
 * The generator's only source of randomness: a seeded PRNG (sfc32) whose state is derived from the run's seed and
 * a path of labels (`Random.derive(seed, "roster", "320281")`). Each generator draws from its own stream per county,
 * so a change in one generator never shifts another's values, and a county's data does not depend on which other
 * counties are generated or in which chunk.
 */
import { createHash } from "node:crypto";

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  private constructor(words: readonly number[]) {
    [this.a, this.b, this.c, this.d] = words as [number, number, number, number];
    // Discard the first outputs: sfc32 mixes its seed in over a few rounds.
    for (let round = 0; round < 12; round++) this.nextUint32();
  }

  /** A stream named by the seed and `labels`; the same names always give the same stream. */
  static derive(seed: string | number, ...labels: readonly (string | number)[]): Random {
    const digest = createHash("sha256").update([seed, ...labels].join("\u0000")).digest();
    return new Random([digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12)]);
  }

  /** A child stream, for a part of this one's work that may grow without shifting the rest. */
  fork(...labels: readonly (string | number)[]): Random {
    return Random.derive(this.nextUint32(), ...labels);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `choices`, each drawn with its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** `count` distinct items of `items` (all of them when there are fewer), in drawing order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0) {
      const index = Math.floor(this.next() * pool.length);
      taken.push(pool[index]!);
      pool[index] = pool[pool.length - 1]!;
      pool.pop();
    }
    return taken;
  }

  /** A random (version 4 shaped) UUID drawn from this stream. */
  uuid(): string {
    const bytes: number[] = [];
    for (let word = 0; word < 4; word++) {
      const value = this.nextUint32();
      bytes.push(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((byte) => HEX[byte]).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** A decimal string in [min, max] with at most `places` decimals, trailing zeros dropped ("12.5", "300"). */
  decimal(min: number, max: number, places: number): string {
    const scale = 10 ** places;
    const units = this.int(Math.round(min * scale), Math.round(max * scale));
    return formatUnits(units, places);
  }

  /** `digits` random decimal digits. */
  digits(count: number): string {
    let text = "";
    for (let index = 0; index < count; index++) text += String(this.int(0, 9));
    return text;
  }
}

/** An integer count of 10^-places as a decimal string without trailing zeros. */
export function formatUnits(units: number, places: number): string {
  const sign = units < 0 ? "-" : "";
  const text = String(Math.abs(units)).padStart(places + 1, "0");
  const whole = text.slice(0, text.length - places);
  const fraction = text.slice(text.length - places).replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
