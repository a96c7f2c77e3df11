/**
 * Money: an amount with its currency (`$860`, `US$1.5 million`, `500,000 to two million CFA
 * francs`) and its stated conversion in parentheses (`($860 to $3,440)`).
 */
import type { Period } from '../../model';
import { digitValue, precisionOf, wordValue } from '../../numbers';
import { Kind, type Token } from '../../tokens';
import { currencyAfter, isCode, SYMBOLS } from './currency';
import type { LocalAmount, LocalMoney } from './types';
import { isIdentifier, readNumber } from '../numbers/rules';

/** An amount at token i: `$860`, `US$1.5 million`, `EUR 1,200`, `500,000 to two million ... francs`. */
function readAmount(text: string, tokens: readonly Token[], i: number, end: number): (LocalAmount & { j: number }) | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  let k = i;
  let code: string | undefined;
  if (t.t === 'US' && tokens[i + 1]?.t === '$' && !tokens[i + 1]!.sp) {
    code = 'USD';
    k = i + 2;
  } else if (SYMBOLS[t.t]) {
    code = SYMBOLS[t.t];
    k = i + 1;
  } else if (isCode(t.t) && tokens[i + 1]?.k === Kind.Number) {
    code = t.t;
    k = i + 1;
  }
  if (code) {
    const n = readNumber(tokens, k);
    if (!n || tokens[k]!.k !== Kind.Number || n.j > end) return undefined;
    let max: number | undefined;
    let j = n.j;
    // `$860 to $3,440`
    const sep = tokens[j];
    if (sep && (sep.l === 'to' || (sep.t === '-' && !sep.sp)) && tokens[j + 1]?.t === t.t) {
      const m = readNumber(tokens, j + 2);
      if (m && m.j <= end) {
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
  const sep = tokens[j];
  if (sep && (sep.l === 'to' || (sep.t === '-' && !sep.sp))) {
    const m = readNumber(tokens, j + 1);
    if (m && currencyAfter(tokens, m.j)) {
      max = m.value;
      j = m.j;
    }
  }
  const cur = currencyAfter(tokens, j);
  if (!cur || cur.end > end) return undefined;
  const base = tokens[i]!.k === Kind.Number ? digitValue(tokens[i]!.t)! : n.value;
  const scale = base ? n.value / base : 1;
  const prec = tokens[i]!.k === Kind.Number ? precisionOf(tokens[i]!.t, scale) : precisionOf(String(n.value));
  return mk(text, tokens, i, cur.end, n.value, max, cur.code, prec);
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
    if (t.k === Kind.Punct && !SYMBOLS[t.t]) continue;
    if (t.k === Kind.Word && wordValue(t.l) === undefined && t.t !== 'US' && !isCode(t.t)) continue;
    if (isIdentifier(tokens, i)) continue;
    const amt = readAmount(text, tokens, i, b);
    if (!amt) continue;
    let j = amt.j;
    const m: LocalMoney = { ...strip(amt), sentence, period: period(i) };
    // The stated conversion: `($860 to $3,440)`, `(approximately $260)`.
    if (tokens[j]?.t === '(') {
      let k = j + 1;
      while (k < b && k < j + 4 && tokens[k]!.k === Kind.Word && !SYMBOLS[tokens[k]!.t] && !isCode(tokens[k]!.t) && wordValue(tokens[k]!.l) === undefined) k++;
      const conv = readAmount(text, tokens, k, b);
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
