/** Reading numbers written in digits and in words, as narratives write them. */
import { table } from './table';

const UNITS = table<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS = table<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
export const SCALES = table<number>({
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
});

/** A single number word or hyphenated pair (`eight`, `twenty-one`), or undefined. */
export function wordValue(lower: string): number | undefined {
  const u = UNITS[lower];
  if (u !== undefined) return u;
  const t = TENS[lower];
  if (t !== undefined) return t;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const a = TENS[lower.slice(0, dash)];
    const b = UNITS[lower.slice(dash + 1)];
    if (a !== undefined && b !== undefined && b > 0 && b < 10) return a + b;
  }
  return undefined;
}

/**
 * `1,305` -> 1305, `3.5` -> 3.5. Malformed grouping (`1,00,000`) is read without its
 * commas; the result is always a finite number or undefined.
 */
export function digitValue(text: string): number | undefined {
  const v = Number(text.replace(/,/g, ''));
  return Number.isFinite(v) ? v : undefined;
}

/** The rounding a written amount carries: 260 -> 10, 343640 -> 10, 1000 -> 1000, 2.5 -> 0.1. */
export function precisionOf(text: string, scale = 1): number {
  const clean = text.replace(/,/g, '');
  const dot = clean.indexOf('.');
  if (dot !== -1) return Math.pow(10, -(clean.length - dot - 1)) * scale;
  let zeros = 0;
  for (let i = clean.length - 1; i > 0 && clean.charCodeAt(i) === 48; i--) zeros++;
  return Math.pow(10, zeros) * scale;
}
