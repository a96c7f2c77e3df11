/**
 * Numbers as narratives write them: digits or words with scales (`two million`), ranges
 * (`five to 10`, `between 9 and 14`), and the numbers that are identifiers or years, not counts
 * (`Law 2012-023`, `COVID-19`, `No. 14`).
 */
import type { Unit } from '../../model';
import { digitValue, SCALES, wordValue } from '../../numbers';
import { Kind, type Token } from '../../tokens';
import { table } from '../../table';

const IDENTIFIER_BEFORE = new Set([
  'law', 'laws', 'decree', 'decrees', 'no', 'nos', 'number', 'article', 'articles', 'section', 'sections',
  'tier', 'chapter', 'code', 'act', 'resolution', 'ordinance', 'order', 'paragraph', 'item', 'annex',
  'phase', 'level', 'grade', 'covid', 'page', 'circular', 'instruction', 'regulation', 'bill',
]);

export const DURATION_UNITS = table<Unit>({
  year: 'years', years: 'years', 'year-old': 'years', 'years-old': 'years', month: 'months', months: 'months',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', hour: 'hours', hours: 'hours',
});

interface NumberExpr {
  /** Token index of the first and one past the last token. */
  i: number;
  j: number;
  value: number;
  /** For a range. */
  max?: number;
  /** For a range whose ends carry their own units, already read. */
  unit?: Unit;
}

/** A number at token i: digits or words, with scales (`two million`, `1.5 billion`). */
export function readNumber(tokens: readonly Token[], i: number): NumberExpr | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const first = t.k === Kind.Number ? digitValue(t.t) : t.k === Kind.Word ? wordValue(t.l) : undefined;
  if (first === undefined || !Number.isFinite(first)) return undefined;
  let value: number = first;
  let j = i + 1;
  // `two hundred`, `200 million`, `1.5 billion`, `two hundred thousand`
  while (j < tokens.length && tokens[j]!.k === Kind.Word && SCALES[tokens[j]!.l] !== undefined) {
    // toPrecision: 1.9 x 1,000,000 is 1,900,000, not 1,899,999.9999999998.
    const scaled: number = Number((value * SCALES[tokens[j]!.l]!).toPrecision(15));
    if (!Number.isFinite(scaled)) break; // `two million trillion trillion ...` stops where numbers do
    value = scaled;
    j++;
  }
  // `twenty one` is rare in narratives; hyphenated forms are single tokens.
  return { i, j, value };
}

/** `five to 10`, `9 and 14` after `between`, `5-10`: extends a number to a range. */
export function readRange(tokens: readonly Token[], n: NumberExpr, unitAware: boolean): NumberExpr {
  const sep = tokens[n.j];
  if (!sep) return n;
  const isDash = (sep.t === '-' || sep.t === '–') && !sep.sp;
  let between = false;
  for (let k = n.i - 1; k >= 0 && k >= n.i - 5; k--) if (tokens[k]!.l === 'between') between = true;
  const ok = sep.l === 'to' || isDash || (sep.l === 'and' && between);
  let k = n.j + 1;
  // `18 months' to two years'`: units may sit on both ends.
  let unitA: Unit | undefined;
  let joined = false;
  if (unitAware && !ok) {
    unitA = DURATION_UNITS[sep.l];
    if (!unitA) return n;
    let q = n.j + 1;
    if (tokens[q]?.t === '’' || tokens[q]?.t === "'") q++;
    const sep2 = tokens[q];
    // `18 months' to two years'`, `between three months and one year`, `seven years and six months`.
    if (!sep2 || !(sep2.l === 'to' || sep2.l === 'and')) return n;
    joined = sep2.l === 'and' && !between;
    k = q + 1;
  } else if (!ok) return n;
  const m = readNumber(tokens, k);
  if (!m) return n;
  if (isDash && /^(19|20)\d\d$/.test(tokens[n.i]!.t)) return n;
  if (unitA) {
    const unitB = DURATION_UNITS[tokens[m.j]?.l ?? ''];
    if (!unitB) return n;
    // `seven years and six months`: one duration, in its smaller unit.
    if (joined) {
      if (unitA !== 'years' || unitB !== 'months') return n;
      return { i: n.i, j: m.j + 1, value: n.value * 12 + m.value, unit: 'months' };
    }
    // `between three months and one year`: in the smaller unit.
    if (unitA === 'years' && unitB === 'months') return { i: n.i, j: m.j + 1, value: n.value * 12, max: m.value, unit: 'months' };
    const toA = (v: number, u: Unit): number => (u === unitA ? v : u === 'years' && unitA === 'months' ? v * 12 : v);
    // `18 months’ to two years’`: the range ends after its second unit, and is in the first one's.
    return { i: n.i, j: m.j + 1, value: n.value, max: toA(m.value, unitB), unit: unitA };
  }
  if (m.value < n.value) return n;
  return { i: n.i, j: m.j, value: n.value, max: m.value };
}

export function isYearToken(t: Token | undefined): boolean {
  return !!t && t.k === Kind.Number && /^(1[89]|20)\d\d$/.test(t.t);
}

/** Numbers that are identifiers, years or parts of them, not figures. */
export function isIdentifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.k !== Kind.Number) return false;
  // Joined to another number by a hyphen or slash without spaces: 2012-023, 2018-2022, 14/2015.
  if (prev && !t.sp && (prev.t === '-' || prev.t === '/' || prev.t === '.') && tokens[i - 2]?.k === Kind.Number) {
    // `Section 342-1`: the second part of an identifier is one too.
    return isYearToken(tokens[i - 2]) || prev.t !== '-' || /^0/.test(t.t) || isIdentifier(tokens, i - 2);
  }
  // `Section 3(1)`: a sub-section in parentheses, `14:37` a time, `docid/5959eccf13` part of an address.
  if (prev && !t.sp && prev.t === '(' && !prev.sp && tokens[i - 2]?.k === Kind.Number && isIdentifier(tokens, i - 2)) return true;
  if (next && !next.sp && next.t === ':' && tokens[i + 2]?.k === Kind.Number && !tokens[i + 2]!.sp) return true;
  if (prev && !t.sp && prev.t === ':' && tokens[i - 2]?.k === Kind.Number && !prev.sp) return true;
  if (prev && !t.sp && (prev.t === '/' || prev.t === '=')) return true;
  if (next && !next.sp && next.k === Kind.Word && /^[a-z]{2,}/i.test(next.t) && !/^(st|nd|rd|th|s|fold|year|years|month|months|member|hour|day|week|percent)$/i.test(next.l)) return true;
  // `Articles 165 and 206`, `Sections 12, 13, and 14`: the numbers of a list of identifiers.
  if (prev && /^(and|or|,)$/.test(prev.l)) {
    for (let k = i - 2; k >= 0 && k >= i - 8; k--) {
      const q = tokens[k]!;
      if (q.k === Kind.Number || /^(and|or|,)$/.test(q.l)) continue;
      if (/^(articles|sections|paragraphs|laws|decrees|chapters)$/.test(q.l)) return true;
      break;
    }
  }
  if (next && !next.sp && (next.t === '-' || next.t === '/') && tokens[i + 2]?.k === Kind.Number && !tokens[i + 2]!.sp) {
    return isYearToken(t) || next.t === '/' || /^0/.test(tokens[i + 2]!.t) || tokens[i + 2]!.t.length >= 3 || !!prev && IDENTIFIER_BEFORE.has(prev.l);
  }
  // A number glued to a word: `Montenegro1` (a footnote), `a3f7` (part of an address).
  if (prev && !t.sp && prev.k === Kind.Word) return true;
  // `COVID-19`, `G-20`: a number joined to a word.
  if (prev && !t.sp && prev.t === '-' && !prev.sp && tokens[i - 2]?.k === Kind.Word) return true;
  if (prev && IDENTIFIER_BEFORE.has(prev.l)) return true;
  if (prev && prev.t === '.' && tokens[i - 2] && IDENTIFIER_BEFORE.has(tokens[i - 2]!.l)) return true; // No. 14
  if (prev && prev.t === '#') return true;
  return false;
}
