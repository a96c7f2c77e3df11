/**
 * Converting amounts, and judging the conversions a report states. A rate is written as
 * foreign-exchange quotes are: `USD/XOF 581.40` means one US dollar is 581.40 CFA francs.
 * Rates come from the document's own stated conversions (the best rate for that report),
 * from fixed pegs, or from the user's table; every conversion says which it used.
 */
import type { Analysis, Money } from './model';

export type RateSource = 'document' | 'peg' | 'user';

/** Units of an amount's currency per unit of its stated conversion's (of a range: of its middle). */
export function impliedRate(m: { value: number; max?: number }, c: { value: number; max?: number }): number {
  if (m.max !== undefined && c.max !== undefined && c.max > 0) return (m.value + m.max) / (c.value + c.max);
  return m.value / c.value;
}

export interface Rate {
  /** One unit of `base` is worth `value` units of `quote`. */
  readonly base: string;
  readonly quote: string;
  readonly value: number;
  readonly source: RateSource;
  /** Where it comes from, in words: `stated in this report: 200 million FCFA ($343,640)`. */
  readonly detail: string;
  readonly asOf?: string;
  /** For a document rate: the statement it comes from. */
  readonly statement?: Money;
}

/** Fixed pegs (DOMAIN.md): one `base` is `value` of `quote`. */
export const PEGS: readonly Rate[] = [
  peg('EUR', 'XOF', 655.957, 'the West African CFA franc is fixed to the euro (since 1999)'),
  peg('EUR', 'XAF', 655.957, 'the Central African CFA franc is fixed to the euro (since 1999)'),
  peg('EUR', 'KMF', 491.96775, 'the Comorian franc is fixed to the euro'),
  peg('USD', 'AED', 3.6725, 'the UAE dirham is fixed to the US dollar'),
  peg('USD', 'SAR', 3.75, 'the Saudi riyal is fixed to the US dollar'),
  peg('USD', 'QAR', 3.64, 'the Qatari riyal is fixed to the US dollar'),
  peg('USD', 'OMR', 0.3845, 'the Omani rial is fixed to the US dollar'),
  peg('USD', 'BHD', 0.376, 'the Bahraini dinar is fixed to the US dollar'),
  peg('USD', 'JOD', 0.709, 'the Jordanian dinar is fixed to the US dollar'),
];

function peg(base: string, quote: string, value: number, detail: string): Rate {
  return { base, quote, value, source: 'peg', detail };
}

/**
 * A rate at the precision every view gives it (the export's cell, the Report view, the hover):
 * as a report would quote it, two decimals from 1 up (`582.00`), four significant digits
 * below (`0.3845`). A stated conversion is rounded anyway: more digits would be noise.
 */
export function roundRate(r: number): number {
  return r >= 1 ? Number(r.toFixed(2)) : Number(r.toPrecision(4));
}

/** {@link roundRate} as text: `582.00`, `14,500.00`, `0.3845`. */
export function formatRate(r: number): string {
  return r >= 1 ? roundRate(r).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : r.toPrecision(4);
}

/** A rate the user gives in settings: `{ "pair": "EUR/USD", "rate": 1.08, "asOf": "2024-01-31" }`. */
export interface UserRate {
  readonly pair: string;
  readonly rate: number;
  readonly asOf?: string;
}

export function userRates(list: readonly UserRate[] | undefined): Rate[] {
  const out: Rate[] = [];
  for (const r of list ?? []) {
    const m = /^\s*([A-Z]{3})\s*\/\s*([A-Z]{3})\s*$/.exec(r?.pair ?? '');
    if (!m || !(typeof r.rate === 'number') || !(r.rate > 0) || !Number.isFinite(r.rate)) continue;
    out.push({
      base: m[1]!, quote: m[2]!, value: r.rate, source: 'user',
      detail: `your rate table${r.asOf ? `, as of ${r.asOf}` : ''}`, ...(r.asOf ? { asOf: r.asOf } : {}),
    });
  }
  return out;
}

/** The bounds a stated conversion allows for its rate, given the rounding of both amounts. */
export interface StatedRate {
  readonly statement: Money;
  /** Units of the amount's currency per unit of the conversion's currency. */
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/** The rate each stated conversion implies, with the range its rounding allows. */
export function statedRates(money: readonly Money[]): StatedRate[] {
  const out: StatedRate[] = [];
  for (const m of money) {
    const c = m.conversion;
    if (!c || !(c.value > 0) || c.currency === m.currency) continue;
    // A range states two conversions; each end has its own rounding.
    const pairs: Array<[number, number]> = [[m.value, c.value]];
    if (m.max !== undefined && c.max !== undefined && c.max > 0) pairs.push([m.max, c.max]);
    let low = 0;
    let high = Infinity;
    let sumA = 0;
    let sumC = 0;
    // The amount in the report's currency is the figure of record; the conversion is the
    // rounded one (`$260` is rounded to tens), so only its rounding widens the range.
    for (const [a, conv] of pairs) {
      const halfC = c.precision / 2 >= conv ? conv / 2 : c.precision / 2;
      low = Math.max(low, a / (conv + halfC));
      high = Math.min(high, a / (conv - halfC));
      sumA += a;
      sumC += conv;
    }
    if (!(low <= high)) {
      // The two ends of a range disagree with each other: keep the widest honest bounds.
      low = Math.min(...pairs.map(([a, conv]) => a / conv));
      high = Math.max(...pairs.map(([a, conv]) => a / conv));
    }
    out.push({ statement: m, rate: sumA / sumC, low, high });
  }
  return out;
}

/**
 * The document's own rate for each currency pair: from the stated conversion that pins the
 * rate most tightly (the narrowest range for its size), as DOMAIN.md advises.
 */
export function documentRates(analysis: Pick<Analysis, 'money'>): Rate[] {
  const best = new Map<string, StatedRate>();
  for (const s of statedRates(analysis.money)) {
    const key = `${s.statement.conversion!.currency}/${s.statement.currency}`;
    const prev = best.get(key);
    if (!prev || (s.high - s.low) / s.rate < (prev.high - prev.low) / prev.rate) best.set(key, s);
  }
  return [...best.entries()].map(([key, s]) => {
    const [base, quote] = key.split('/') as [string, string];
    return {
      base, quote, value: s.rate, source: 'document' as const, statement: s.statement,
      detail: `stated in this report: ${s.statement.text} (${s.statement.conversion!.text})`,
    };
  });
}

export interface Conversion {
  readonly currency: string;
  readonly value: number;
  readonly max?: number;
  /** The rates used, one or two (through a pivot currency). */
  readonly rates: readonly Rate[];
}

/** One unit of `from` in `to` with this rate, or undefined when it does not join them. */
function factor(r: Rate, from: string, to: string): number | undefined {
  if (r.base === from && r.quote === to) return r.value;
  if (r.base === to && r.quote === from) return 1 / r.value;
  return undefined;
}

/**
 * Converts an amount into `to`, preferring the document's rate, then a peg, then the user's
 * table; through USD or EUR when no rate joins the two directly.
 */
export function convert(amount: { value: number; max?: number; currency: string }, to: string, rates: readonly Rate[]): Conversion | undefined {
  const from = amount.currency;
  if (from === to) return undefined;
  const order: RateSource[] = ['document', 'peg', 'user'];
  const ranked = [...rates].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const apply = (f: number, used: Rate[]): Conversion => ({
    currency: to, value: amount.value * f, rates: used,
    ...(amount.max !== undefined ? { max: amount.max * f } : {}),
  });
  for (const r of ranked) {
    const f = factor(r, from, to);
    if (f !== undefined) return apply(f, [r]);
  }
  // Through a third currency: USD or EUR first, then any the rates name (a USD amount in a XOF
  // report reaches EUR through the report's USD/XOF and the EUR/XOF peg).
  const pivots = new Set(['USD', 'EUR']);
  for (const r of ranked) {
    pivots.add(r.base);
    pivots.add(r.quote);
  }
  for (const pivot of pivots) {
    if (pivot === from || pivot === to) continue;
    const a = ranked.find((r) => factor(r, from, pivot) !== undefined);
    const b = ranked.find((r) => factor(r, pivot, to) !== undefined);
    if (a && b) return apply(factor(a, from, pivot)! * factor(b, pivot, to)!, [a, b]);
  }
  return undefined;
}

export interface ConversionCheck {
  readonly statement: Money;
  /** The rate this statement implies, and the range its rounding allows. */
  readonly stated: StatedRate;
  /** The rate the rest of the document implies, when other statements exist. */
  readonly reference?: { readonly rate: number; readonly from: readonly Money[] };
  readonly agrees: boolean;
  /** How far the stated rate is from the reference, as a fraction (0.02 = 2%). */
  readonly deviation: number;
}

/**
 * Judges every stated conversion against the document's other conversions of the same
 * currencies: it agrees when the reference rate falls within the range the statement's own
 * rounding allows, widened by `tolerance` (a fraction; 0.02 is 2%).
 */
export function checkConversions(money: readonly Money[], tolerance = 0.02): ConversionCheck[] {
  const stated = statedRates(money);
  const pair = (x: StatedRate): string => `${x.statement.currency}/${x.statement.conversion!.currency}`;
  const groups = new Map<string, StatedRate[]>();
  for (const s of stated) {
    const g = groups.get(pair(s));
    if (g) g.push(s);
    else groups.set(pair(s), [s]);
  }
  // The reference of a pair is the median of all its statements: one statement out of line
  // (the thing this check looks for) must not drag the reference with it. With two that
  // disagree, both are flagged: nothing says which is right. Computed once per pair.
  const reference = new Map<string, number>();
  for (const [k, g] of groups) reference.set(k, median(g.map((o) => o.rate)));
  const out: ConversionCheck[] = [];
  for (const s of stated) {
    const group = groups.get(pair(s))!;
    if (group.length === 1) {
      out.push({ statement: s.statement, stated: s, agrees: true, deviation: 0 });
      continue;
    }
    const others = group.filter((o) => o !== s);
    const rate = reference.get(pair(s))!;
    const agrees = rate >= s.low * (1 - tolerance) && rate <= s.high * (1 + tolerance);
    out.push({ statement: s.statement, stated: s, reference: { rate, from: others.map((o) => o.statement) }, agrees, deviation: s.rate / rate - 1 });
  }
  return out;
}

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
