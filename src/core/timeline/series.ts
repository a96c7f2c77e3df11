/**
 * A country's series from its narratives: for each metric and data year, the headline figure of
 * the narrative of that year (its own reporting period) and of the next year's narrative (what
 * it restates about "the previous reporting period", or about that year by name), with a mark
 * where the two differ. Which year a narrative's figures are of, and which of them restate last
 * year's, is the previous-period check's own logic (`dataYear`, `statesYear`, `restatement`).
 */
import { dataYear, restatement, statesYear, TRACKED } from '../checks/previousPeriod';
import { compatible } from '../checks/subject';
import { countryKey } from '../country';
import { convert, PEGS, type Rate, reportRates } from '../currency';
import { formatNumber } from '../labels';
import type { Figure, Meta, Money, Period, Span } from '../model';
import { HeadlineReader } from './headline';
import {
  type CountMetric, type CountrySeries, type CountryValue, type MetricSeries, type ReportEntry, type SourcePoint,
  TIMELINE_LABELS, TIMELINE_METRICS, type TimelineInput, type TimelineMetric, type YearPoint,
} from './model';

/** One narrative of a document, with what the series needs of it. */
interface Narrative {
  readonly input: TimelineInput;
  readonly reader: HeadlineReader;
  readonly span: Span;
  readonly meta: Meta & { readonly country: string; readonly year: number };
  readonly figures: readonly Figure[];
  readonly money: readonly Money[];
  readonly rates: readonly Rate[];
  /** The year its figures are of (the 2021 report covers 2020). */
  readonly dataYear: number;
}

/** Every narrative of the inputs that names its country and year, in input order. */
function narratives(inputs: readonly TimelineInput[]): Narrative[] {
  const out: Narrative[] = [];
  for (const input of inputs) {
    const { analysis } = input;
    const reader = new HeadlineReader(input.text, analysis);
    const spans = analysis.narratives.length > 0 ? analysis.narratives : [{ start: 0, end: analysis.length, meta: analysis.meta }];
    for (const n of spans) {
      const { country, year } = n.meta;
      if (!country || !year) continue;
      const inside = <T extends Span>(x: T): boolean => n.start <= x.start && x.end <= n.end;
      const figures = analysis.figures.filter(inside);
      const money = analysis.money.filter(inside);
      out.push({
        input, reader, span: { start: n.start, end: n.end }, meta: { ...n.meta, country, year }, figures, money,
        rates: [...reportRates(money, { year }), ...PEGS], dataYear: dataYear(figures, year) ?? year - 1,
      });
    }
  }
  return out;
}

/** The countries the inputs hold narratives of, as their narratives write them, in alphabetical order. */
export function countries(inputs: readonly TimelineInput[]): string[] {
  const names = new Map<string, string>();
  for (const n of narratives(inputs)) if (!names.has(countryKey(n.meta.country))) names.set(countryKey(n.meta.country), n.meta.country);
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

/** The series of every country of the inputs, in alphabetical order. */
export function allSeries(inputs: readonly TimelineInput[]): CountrySeries[] {
  const byCountry = new Map<string, Narrative[]>();
  for (const n of narratives(inputs)) {
    const k = countryKey(n.meta.country);
    const list = byCountry.get(k);
    if (list) list.push(n);
    else byCountry.set(k, [n]);
  }
  return [...byCountry.values()].map(build).sort((a, b) => a.country.localeCompare(b.country));
}

/** The series of one country (its name in any case or accents), or undefined when no narrative is of it. */
export function countrySeries(inputs: readonly TimelineInput[], country: string): CountrySeries | undefined {
  const k = countryKey(country);
  const mine = narratives(inputs).filter((n) => countryKey(n.meta.country) === k);
  return mine.length > 0 ? build(mine) : undefined;
}

/**
 * One metric in one data year across every country: the largest first, then the countries that
 * state nothing for it, by name.
 */
export function compareCountries(from: readonly TimelineInput[] | readonly CountrySeries[], metric: TimelineMetric, year: number): CountryValue[] {
  const series = from.length > 0 && 'analysis' in from[0]! ? allSeries(from as readonly TimelineInput[]) : (from as readonly CountrySeries[]);
  const out: CountryValue[] = series.map((s) => {
    const point = s.metrics.find((m) => m.metric === metric)?.points.find((p) => p.year === year);
    const value = point ? headlineValue(point) : undefined;
    return { country: s.country, ...(point && (point.current || point.restated) ? { point } : {}), ...(value !== undefined ? { value } : {}) };
  });
  return out.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.country.localeCompare(b.country));
}

/** The value a chart draws for a year: the narrative's own, else next year's restatement. */
export function headlineValue(p: YearPoint): number | undefined {
  return (p.current ?? p.restated)?.value;
}

// ---------------------------------------------------------------------------------------

function build(list: readonly Narrative[]): CountrySeries {
  const notes: string[] = [];
  // One narrative a report year: the first given; the others are named in a note.
  const byYear = new Map<number, Narrative>();
  for (const n of list) {
    const kept = byYear.get(n.meta.year);
    if (kept) notes.push(`${n.input.document}: another ${n.meta.country} narrative for ${n.meta.year}; ${kept.input.document} is used`);
    else byYear.set(n.meta.year, n);
  }
  const ordered = [...byYear.values()].sort((a, b) => a.meta.year - b.meta.year);
  const reports: ReportEntry[] = ordered.map((n) => ({
    document: n.input.document, reportYear: n.meta.year, dataYear: n.dataYear, span: n.span,
    ...(n.meta.tier ? { tier: n.meta.tier } : {}), ...(n.meta.tierSpan ? { tierSpan: n.meta.tierSpan } : {}),
    ...(n.meta.tierChange ? { tierChange: n.meta.tierChange.change } : {}),
  }));
  // The year a narrative's "previous reporting period" is: last year's narrative's data year, or,
  // without it, the year before the one last year's report would have covered.
  const priorYear = (n: Narrative): number => byYear.get(n.meta.year - 1)?.dataYear ?? dataYear([], n.meta.year - 1)!;
  const years = new Set<number>();
  for (const n of ordered) years.add(n.dataYear).add(priorYear(n));
  const span = years.size > 0 ? range(Math.min(...years), Math.max(...years)) : [];
  const metrics: MetricSeries[] = TIMELINE_METRICS.map((metric) => {
    const current = new Map<number, SourcePoint>();
    const restated = new Map<number, SourcePoint>();
    for (const n of ordered) {
      const prior = priorYear(n);
      const own = (p: Period): boolean => statesYear(p, n.dataYear);
      const before = (p: Period): boolean => {
        const r = restatement(p, n.dataYear, prior);
        return r !== undefined && (r.year ?? prior) === prior;
      };
      const pick = metric === 'budget' ? (test: (p: Period) => boolean) => budgetPoint(n, test, notes) : (test: (p: Period) => boolean) => countPoint(n, metric, test);
      const mine = pick(own);
      if (mine && !current.has(n.dataYear)) current.set(n.dataYear, mine);
      const theirs = pick(before) ?? (metric === 'budget' ? sameAsBefore(n, own) : undefined);
      if (theirs && !restated.has(prior)) restated.set(prior, theirs);
    }
    const points = span.map((year): YearPoint => {
      const c = current.get(year);
      const r = restated.get(year);
      const disagreement = c && r ? disagree(metric, year, c, r) : undefined;
      return { year, ...(c ? { current: c } : {}), ...(r ? { restated: r } : {}), ...(disagreement ? { disagreement } : {}) };
    });
    return { metric, label: TIMELINE_LABELS[metric], unit: metric === 'budget' ? 'USD' : 'count', points };
  });
  return { country: ordered[0]?.meta.country ?? '', years: span, reports, metrics, notes };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** The headline figure of a count among a narrative's figures of the periods `test` accepts. */
function countPoint(n: Narrative, metric: CountMetric, test: (p: Period) => boolean): SourcePoint | undefined {
  const candidates = n.figures.filter((f) => f.metric === metric && TRACKED(f) && test(f.period));
  const { headline: f, passedOver } = n.reader.headline(candidates, metric);
  if (!f) return undefined;
  return {
    ...where(n, f), value: f.value, text: f.text, passedOver,
    ...(f.max !== undefined ? { max: f.max } : {}), ...(f.qualifier ? { qualifier: f.qualifier } : {}), ...(f.counts ? { counts: f.counts } : {}),
  };
}

/** The budget among a narrative's amounts of the periods `test` accepts, in US dollars at the narrative's own rate. */
function budgetPoint(n: Narrative, test: (p: Period) => boolean, notes: string[]): SourcePoint | undefined {
  const { headline: m, passedOver } = n.reader.budget(n.money.filter((x) => test(x.period)));
  return m ? amountPoint(n, m, m, passedOver, notes) : undefined;
}

/** `..., the same amount allocated the previous year`: this year's budget, restated for the year before. */
function sameAsBefore(n: Narrative, own: (p: Period) => boolean): SourcePoint | undefined {
  const { headline: m } = n.reader.budget(n.money.filter((x) => own(x.period)));
  const words = m && n.reader.sameAsBefore(m);
  return m && words ? amountPoint(n, m, { ...words, sentence: m.sentence, section: m.section }, 0, []) : undefined;
}

function amountPoint(n: Narrative, m: Money, at: Span & { readonly sentence: number; readonly section: Money['section'] }, passedOver: number, notes: string[]): SourcePoint | undefined {
  // Its own stated conversion first (`1.1 million euros ($1.23 million)`), else the narrative's rate, else a peg.
  const stated = m.conversion?.currency === 'USD' && m.conversion.value > 0 ? m.conversion : undefined;
  const usd = m.currency === 'USD' ? { value: m.value, ...(m.max !== undefined ? { max: m.max } : {}), rates: [] as Rate[] }
    : stated ? { value: stated.value, ...(stated.max !== undefined ? { max: stated.max } : {}), rates: [{ base: 'USD', quote: m.currency, value: m.value / stated.value, source: 'document' as const, detail: `stated: ${m.text} (${stated.text})` }] }
      : convert(m, 'USD', n.rates);
  if (!usd) {
    notes.push(`${n.input.document}: ${m.text} has no rate to US dollars (the narrative states no conversion of ${m.currency})`);
    return undefined;
  }
  const rate = usd.rates.length > 0 ? { value: m.value / usd.value, source: usd.rates[0]!.source, detail: usd.rates.map((r) => r.detail).join('; ') } : undefined;
  return {
    ...where(n, at), value: Math.round(usd.value), text: n.input.text.slice(at.start, at.end), passedOver,
    ...(usd.max !== undefined ? { max: Math.round(usd.max) } : {}),
    amount: { value: m.value, currency: m.currency, ...(m.max !== undefined ? { max: m.max } : {}), ...(rate ? { rate } : {}) },
  };
}

function where(n: Narrative, at: Span & { readonly sentence: number; readonly section: Figure['section'] }): Pick<SourcePoint, 'document' | 'reportYear' | 'start' | 'end' | 'section' | 'sentence'> {
  const s = n.input.analysis.sentences[at.sentence] ?? at;
  return {
    document: n.input.document, reportYear: n.meta.year, start: at.start, end: at.end, section: at.section,
    sentence: { start: s.start, end: s.end, text: n.input.text.slice(s.start, s.end) },
  };
}

/**
 * Whether a year's two sources disagree, in words. Counts as the check compares them (`at least
 * 40` and `45` agree); amounts in the currency both state, else in US dollars within 5% (two
 * reports' rates differ).
 */
function disagree(metric: TimelineMetric, year: number, c: SourcePoint, r: SourcePoint): string | undefined {
  if (metric === 'budget' && c.amount && r.amount) {
    const same = c.amount.currency === r.amount.currency ? compatible(c.amount, r.amount) : Math.abs(c.value - r.value) <= 0.05 * Math.max(c.value, r.value);
    if (same) return undefined;
  } else if (compatible(c, r)) return undefined;
  const said = (p: SourcePoint): string => (p.amount ? p.text : `${p.qualifier && !p.text.startsWith(p.qualifier) ? p.qualifier + ' ' : ''}${p.text}${p.counts ? ' ' + p.counts : ''}`);
  const value = (p: SourcePoint): string => (metric === 'budget' ? ` ($${formatNumber(p.value)})` : '');
  return `${TIMELINE_LABELS[metric]} in ${year}: the ${c.reportYear} narrative states ${said(c)}${value(c)}; the ${r.reportYear} narrative restates it as ${said(r)}${value(r)}.`;
}
