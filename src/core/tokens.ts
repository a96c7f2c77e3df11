/**
 * A linear tokenizer for one paragraph: words (with inner hyphens and apostrophes),
 * numbers (digits with grouping commas and a decimal part), and single punctuation
 * characters. Offsets are relative to the string given.
 */

export const enum Kind {
  Word = 1,
  Number = 2,
  Punct = 3,
}

export interface Token {
  readonly s: number;
  readonly e: number;
  readonly t: string;
  /** Lower case of `t`. */
  readonly l: string;
  readonly k: Kind;
  /** True when whitespace separates this token from the one before. */
  readonly sp: boolean;
}

// Each alternative is a single character class repeated, so matching is linear.
const TOKEN = /\d[\d,]*\d(?:\.\d+)?|\d(?:\.\d+)?|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\d]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let prevEnd = -1;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    const s = m.index;
    const c = t.charCodeAt(0);
    const k = c >= 48 && c <= 57 ? Kind.Number : /^[\p{L}\p{M}]/u.test(t) ? Kind.Word : Kind.Punct;
    out.push({ s, e: s + t.length, t, l: t.toLowerCase(), k, sp: s !== prevEnd });
    prevEnd = s + t.length;
  }
  return out;
}

export function isCapitalized(t: Token): boolean {
  if (t.k !== Kind.Word) return false;
  const c = t.t.charAt(0);
  return c !== c.toLowerCase();
}

/** `FAMa`, `GATIA`, `NGOs`, `MFFE`: two or more capitals, maybe a final lower-case letter or `s`. */
export function isAcronym(t: Token): boolean {
  return t.k === Kind.Word && /^[A-Z][A-Z]{1,9}[a-z]?$|^[A-Z][a-z]?[A-Z]{2,8}$/.test(t.t);
}
