/**
 * Converting amounts, and judging the conversions a report states. A rate is written as
 * foreign-exchange quotes are: `USD/XOF 581.40` means one US dollar is 581.40 CFA francs.
 * Rates come from the report's own stated conversions (one named rate per currency pair, the
 * best rate for that report; last year's report's for last year's amounts), from fixed pegs, or
 * from the user's table; every conversion says which it used.
 */
import { lastYearsPart, ofEarlierPeriod, ofLastYearsPeriod } from './lastYear';
import type { Meta, Money, NarrativeInfo } from './model';

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
  /** Where it comes from, in words: `the median of its 3 stated conversions`. */
  readonly detail: string;
  readonly asOf?: string;
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

/** Whose rate a report rate is: this report's own, or last year's narrative's. */
export type RateOwner = 'this' | 'last-year';

export const RATE_NAMES: Readonly<Record<RateOwner, string>> = { this: "the report's rate", 'last-year': "last year's report's rate" };

/**
 * A report's one rate for a currency pair, named: the median of the rates its stated conversions
 * imply. The median, rather than the statement that pins the rate most tightly or the rate stated
 * most often: a conversion out of line (what the conversion-rate rule looks for) moves neither the
 * rate nor what is converted at it, while the tightest statement may be that very one, and rates
 * are seldom stated twice to the cent, so "most often" would rarely decide.
 */
export interface ReportRate extends Rate {
  readonly source: 'document';
  readonly owner: RateOwner;
  /** `the report's rate`, `last year's report's rate`. */
  readonly name: string;
  /** The stated conversions it is the median of. */
  readonly from: readonly Money[];
}

export function isReportRate(r: Rate): r is ReportRate {
  return r.source === 'document' && 'owner' in r;
}

/**
 * The report's rate for each currency pair it states conversions of, quoted the way most of its
 * statements are written (units of the amount's currency per unit of the conversion's: `605 XOF
 * per USD`); a statement written the other way round (`$1,000 (590,000 FCFA)`) counts as well.
 * The conversions of amounts of an earlier period (the previous reporting period, an earlier year)
 * are left out while the report states others: they were made at an earlier rate. `year` is the
 * report's year, `owner` whose rate it is.
 */
export function reportRates(money: readonly Money[], options: { readonly year?: number; readonly owner?: RateOwner } = {}): ReportRate[] {
  const owner = options.owner ?? 'this';
  const groups = new Map<string, StatedRate[]>();
  for (const s of statedRates(money)) {
    const key = [s.statement.currency, s.statement.conversion!.currency].sort().join('/');
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const out: ReportRate[] = [];
  for (const g of groups.values()) {
    const written = (s: StatedRate): string => `${s.statement.conversion!.currency}/${s.statement.currency}`;
    const ways = new Map<string, number>();
    for (const s of g) ways.set(written(s), (ways.get(written(s)) ?? 0) + 1);
    const [base, quote] = [...ways.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0].split('/') as [string, string];
    const own = g.filter((s) => !ofEarlierPeriod(s.statement.period, options.year));
    const pool = own.length > 0 ? own : g;
    const only = pool.length === 1 ? pool[0]!.statement : undefined;
    out.push({
      base, quote, source: 'document', owner, name: RATE_NAMES[owner],
      value: median(pool.map((s) => (s.statement.currency === quote ? s.rate : 1 / s.rate))),
      detail: only
        ? `its only stated conversion, ${only.text} (${only.conversion!.text})`
        : `the median of its ${pool.length} stated conversions${pool.length < g.length ? " of its own year's amounts" : ''}`,
      from: pool.map((s) => s.statement),
    });
  }
  return out;
}

/**
 * Last year's report's rates for a narrative of `meta`, from the conversions last year's
 * narrative of the same country states; undefined when `previous` is not that narrative.
 */
export function lastYearsRates(
  previous: { readonly meta: Meta; readonly money: readonly Money[]; readonly narratives?: readonly NarrativeInfo[] }, meta: Meta,
): ReportRate[] | undefined {
  const part = lastYearsPart(previous, meta);
  if (!part) return undefined;
  return reportRates(previous.money.filter((m) => part.start <= m.start && m.end <= part.end), { year: part.meta.year, owner: 'last-year' });
}

/** The report rates for one amount, and whose they are. */
export interface RateChoice {
  /** The rates to convert the amount at and to judge its stated conversion against. */
  readonly rates: readonly ReportRate[];
  /**
   * For an amount of last year's period: `used`, at last year's report's rate; `unknown`, at this
   * report's, last year's narrative not being at hand; `none-stated`, at this report's, last
   * year's narrative converting no amount of its currency. Absent for this year's amounts.
   */
  readonly lastYears?: 'used' | 'unknown' | 'none-stated';
}

/**
 * The rates for an amount of a report of `year`: this report's (`own`), or last year's report's
 * (`lastYear`, undefined when its narrative is not at hand) for an amount of the period last
 * year's narrative covers. The hover converts at them and the conversion-rate rule judges at them.
 */
export function ratesForAmount(amount: Pick<Money, 'currency' | 'period'>, year: number | undefined, own: readonly ReportRate[], lastYear: readonly ReportRate[] | undefined): RateChoice {
  if (!ofLastYearsPeriod(amount.period, year)) return { rates: own };
  if (!lastYear) return { rates: own, lastYears: 'unknown' };
  const theirs = lastYear.filter((r) => r.base === amount.currency || r.quote === amount.currency);
  if (theirs.length === 0) return { rates: own, lastYears: 'none-stated' };
  const pair = (r: Rate): string => [r.base, r.quote].sort().join('/');
  const covered = new Set(theirs.map(pair));
  return { rates: [...theirs, ...own.filter((r) => !covered.has(pair(r)))], lastYears: 'used' };
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
  /**
   * The named rate it is judged against: this report's, or last year's report's for an amount of
   * last year's period. Absent when it is the report's only conversion of its currencies.
   */
  readonly reference?: ReportRate;
  /** The reference as the statement is written: units of the amount's currency per unit of the conversion's. */
  readonly rate?: number;
  readonly agrees: boolean;
  /** How far the stated rate is from the reference, as a fraction (0.02 = 2%). */
  readonly deviation: number;
  /** An amount of last year's period whose narrative is not at hand: not judged, last year's rate being unknown. */
  readonly lastYearUnknown?: boolean;
}

/**
 * Judges one stated conversion at the rate chosen for its amount: it agrees when that rate falls
 * within the range the statement's own rounding allows, widened by `tolerance` (a fraction; 0.02
 * is 2%). With two statements that disagree, both are flagged: nothing says which is right.
 */
export function judgeConversion(s: StatedRate, choice: RateChoice, tolerance = 0.02): ConversionCheck {
  const m = s.statement;
  const conv = m.conversion!;
  const reference = choice.rates.find((r) => factor(r, conv.currency, m.currency) !== undefined);
  if (!reference || (reference.from.length === 1 && reference.from[0] === m)) return { statement: m, stated: s, agrees: true, deviation: 0 };
  const rate = factor(reference, conv.currency, m.currency)!;
  const deviation = s.rate / rate - 1;
  if (choice.lastYears === 'unknown') return { statement: m, stated: s, reference, rate, agrees: true, deviation, lastYearUnknown: true };
  const agrees = rate >= s.low * (1 - tolerance) && rate <= s.high * (1 + tolerance);
  return { statement: m, stated: s, reference, rate, agrees, deviation };
}

/**
 * Judges every stated conversion of a report (of `year`) at the rate its amount is converted at:
 * the report's rate, or last year's report's rate (`lastYear`, when its narrative is at hand) for
 * an amount of last year's period.
 */
export function checkConversions(
  money: readonly Money[], tolerance = 0.02, context: { readonly year?: number; readonly lastYear?: readonly ReportRate[] } = {},
): ConversionCheck[] {
  const own = reportRates(money, { year: context.year });
  return statedRates(money).map((s) => judgeConversion(s, ratesForAmount(s.statement, context.year, own, context.lastYear), tolerance));
}

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}
