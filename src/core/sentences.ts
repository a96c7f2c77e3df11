/** Sentence boundaries inside one paragraph, from its tokens. */
import { Kind, type Token } from './tokens';

const ABBREVIATIONS = new Set([
  'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'art', 'arts', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'gen', 'col', 'lt', 'sgt',
]);

/**
 * Returns `[startToken, endToken)` pairs. A sentence ends at `.`, `?` or `!` followed by a
 * capital, a quote or the end, also without a space (the recommendations of a narrative run
 * together: `roles.Cease`), but not after an abbreviation or an initial (`No.`, `U.S.`).
 */
export function sentenceRanges(tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.k !== Kind.Punct || (t.t !== '.' && t.t !== '?' && t.t !== '!')) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.t === '.' && prev && !t.sp && prev.k === Kind.Word) {
      if (ABBREVIATIONS.has(prev.l)) continue;
      if (prev.t.length === 1 && prev.t !== prev.l) continue; // an initial: U.S., J. Smith
    }
    let end = i + 1;
    // Closing quotes and brackets belong to the sentence they end.
    while (end < tokens.length && /^["”’)\]]$/.test(tokens[end]!.t) && !tokens[end]!.sp) end++;
    const after = tokens[end];
    if (next && after) {
      if (after.k === Kind.Number && !after.sp) continue; // 3.5 is one token; `2.` then digits
      const c = after.t.charAt(0);
      const upper = after.k === Kind.Word && c !== c.toLowerCase();
      const opener = /^["“‘(]$/.test(after.t);
      if (!upper && !opener && !(after.k === Kind.Number && after.sp)) continue;
    }
    out.push([start, end]);
    start = end;
    i = end - 1;
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}
