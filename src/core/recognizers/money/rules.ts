/**
 * Money: an amount with its currency (`$860`, `US$1.5 million`, `500,000 to two million CFA
 * francs`) and its stated conversion in parentheses (`($860 to $3,440)`).
 */
import type { Period } from '../../model';
import { digitValue, precisionOf, wordValue } from '../../numbers';
import { Kind, type Token } from '../../tokens';
import { currencyAfter, isCode, mayStartSymbol, symbolAt } from './currency';
import type { LocalAmount, LocalMoney } from './types';
import { isIdentifier, readNumber } from '../numbers/rules';

/** `between` or `from` just before token i: `between 15,000 and 25,000 NPR`, `from $100 to $300`. */
function rangeOpener(tokens: readonly Token[], i: number): 'between' | 'from' | undefined {
  const p = tokens[i - 1]?.l;
  return p === 'between' || p === 'from' ? p : undefined;
}

/**
 * The word or dash between a range's two ends: `to`, `-`, `–`, and `and` after `between`. With
 * `spaced`, a dash with spaces around it too (`$80 - $1,608`), for ends that both carry the currency.
 */
function isRangeSep(tokens: readonly Token[], j: number, opener: 'between' | 'from' | undefined, spaced = false): boolean {
  const sep = tokens[j];
  if (!sep) return false;
  return sep.l === 'to' || ((sep.t === '-' || sep.t === '–') && (!sep.sp || spaced)) || (sep.l === 'and' && opener === 'between');
}

/**
 * An amount at token i: `$860`, `US$1.5 million`, `EUR 1,200`, `GH₵ 500`, `500,000 to two million
 * ... francs`, `between 15,000 and 25,000 NPR`, `between 10,000 FCFA and 50,000 FCFA`.
 */
function readAmount(text: string, tokens: readonly Token[], i: number, end: number): (LocalAmount & { j: number }) | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const opener = rangeOpener(tokens, i);
  let k = i;
  let code: string | undefined;
  const sym = symbolAt(tokens, i);
  if (sym) {
    code = sym.code;
    k = sym.j;
  } else if (isCode(t.t) && tokens[i + 1]?.k === Kind.Number) {
    code = t.t;
    k = i + 1;
  }
  if (code) {
    const n = readNumber(tokens, k);
    if (!n || tokens[k]!.k !== Kind.Number || n.j > end) return undefined;
    let max: number | undefined;
    let j = n.j;
    // `$860 to $3,440`, `$400-600`, `between $100 and $300`
    if (isRangeSep(tokens, j, opener, true)) {
      const again = symbolAt(tokens, j + 1) ?? (isCode(tokens[j + 1]?.t ?? '') ? { code: tokens[j + 1]!.t, j: j + 2 } : undefined);
      // A bare second end only after a dash or `between`/`from`: `$50 to 100 families` is no range;
      // after a spaced dash, only the currency again: `$80 - $1,608`.
      const bare = (tokens[j]!.l !== 'to' || opener !== undefined) && !(tokens[j]!.sp && tokens[j]!.l !== 'and');
      const at = again && again.code === code ? again.j : bare && tokens[j + 1]?.k === Kind.Number ? j + 1 : -1;
      const m = at >= 0 ? readNumber(tokens, at) : undefined;
      if (m && tokens[at]!.k === Kind.Number && m.j <= end && m.value > n.value) {
        max = m.value;
        j = m.j;
      }
    }
    const scale = n.j > k + 1 ? n.value / digitValue(tokens[k]!.t)! : 1;
    return mk(text, tokens, i, j, n.value, max, code, precisionOf(tokens[k]!.t, scale));
  }
  const n = readNumber(tokens, i);
  if (!n) return undefined;
  let j = n.j;
  let max: number | undefined;
  if (isRangeSep(tokens, j, opener, true)) {
    const m = readNumber(tokens, j + 1);
    if (m && m.j <= end && currencyAfter(tokens, m.j)) {
      max = m.value;
      j = m.j;
    }
  }
  const cur = currencyAfter(tokens, j);
  if (!cur || cur.end > end) return undefined;
  let last = cur.end;
  // `between 10,000 FCFA and 50,000 FCFA`, `10,000 FCFA - 50,000 FCFA`: the currency on both ends.
  if (max === undefined && isRangeSep(tokens, cur.end, opener, true)) {
    const m = readNumber(tokens, cur.end + 1);
    const again = m ? currencyAfter(tokens, m.j) : undefined;
    if (m && again && again.code === cur.code && again.end <= end && m.value > n.value) {
      max = m.value;
      last = again.end;
    }
  }
  const base = tokens[i]!.k === Kind.Number ? digitValue(tokens[i]!.t)! : n.value;
  const scale = base ? n.value / base : 1;
  const prec = tokens[i]!.k === Kind.Number ? precisionOf(tokens[i]!.t, scale) : precisionOf(String(n.value));
  return mk(text, tokens, i, last, n.value, max, cur.code, prec);
}

function mk(text: string, tokens: readonly Token[], i: number, j: number, value: number, max: number | undefined,
  currency: string, precision: number): LocalAmount & { j: number } {
  const s = tokens[i]!.s;
  const e = tokens[j - 1]!.e;
  const a: LocalAmount & { j: number } = { s, e, text: text.slice(s, e), value, currency, precision, j };
  if (max !== undefined) a.max = max;
  return a;
}

export function scanMoney(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array,
  out: LocalMoney[], sentence: number, period: (i: number) => Period): void {
  for (let i = a; i < b; i++) {
    if (consumed[i]) continue;
    const t = tokens[i]!;
    if (t.k === Kind.Punct && !mayStartSymbol(t)) continue;
    if (t.k === Kind.Word && wordValue(t.l) === undefined && !mayStartSymbol(t) && !isCode(t.t)) continue;
    if (isIdentifier(tokens, i)) continue;
    const amt = readAmount(text, tokens, i, b);
    if (!amt) continue;
    let j = amt.j;
    const m: LocalMoney = { ...strip(amt), sentence, period: period(i) };
    // The stated conversion: `($860 to $3,440)`, `(approximately $260)`.
    if (tokens[j]?.t === '(') {
      let k = j + 1;
      // `(approximately $260)`, `(approx. $260)`, `(~$260)`: a few words before the amount.
      const lead = (x: Token): boolean => (x.k === Kind.Word && !symbolAt(tokens, k) && !isCode(x.t) && wordValue(x.l) === undefined)
        || x.t === '~' || x.t === '≈' || (x.t === '.' && tokens[k - 1]!.k === Kind.Word && k > j + 1);
      while (k < b && k < j + 5 && lead(tokens[k]!)) k++;
      let conv = readAmount(text, tokens, k, b);
      // `($80 $1,608)`: a range whose dash a pasted PDF lost, converting a range.
      if (conv && m.max !== undefined && conv.max === undefined && tokens[conv.j]?.t !== ')') {
        const hi = readAmount(text, tokens, conv.j, b);
        if (hi && hi.currency === conv.currency && hi.max === undefined && hi.value > conv.value && tokens[hi.j]?.t === ')') {
          conv = { ...conv, max: hi.value, e: hi.e, text: text.slice(conv.s, hi.e), j: hi.j };
        }
      }
      if (conv && tokens[conv.j]?.t === ')') {
        m.conversion = strip(conv);
        for (let q = j; q <= conv.j; q++) consumed[q] = 1;
        j = conv.j + 1;
      }
    }
    for (let q = i; q < amt.j; q++) consumed[q] = 1;
    out.push(m);
    i = j - 1;
  }
}

function strip(a: LocalAmount & { j: number }): LocalAmount {
  const { j: _j, ...rest } = a;
  return rest;
}
