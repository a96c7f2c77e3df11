/**
 * conversion-rate: a stated conversion that disagrees with the report's rate (the median of its
 * stated conversions of the same currencies; last year's report's rate for an amount of last
 * year's period when last year's narrative is known) beyond the stated amount's rounding plus a
 * tolerance (DOMAIN.md: `$260` is rounded to tens, so any rate from about 566 to 588 fits). The
 * money hover judges at the same named rate (core/currency.ts `checkConversions`).
 */
import { checkConversions, formatRate, lastYearsRates } from '../currency';
import { formatNumber } from '../labels';
import type { Amount } from '../model';
import type { Finding, Rule } from './types';
import { table } from '../table';

export const DEFAULT_TOLERANCE = 0.02;

const SYMBOL = table<string>({ USD: '$', EUR: '€', GBP: '£' });

/** `$66,130`, `€1.2 million`: an amount written as the report writes its conversions, at a precision. */
export function writeAmount(value: number, currency: string, precision: number, like: string): string {
  const rounded = Math.max(precision, 1) * Math.round(value / Math.max(precision, 1));
  const million = /million/.test(like);
  const body = million ? `${formatNumber(Number((rounded / 1e6).toPrecision(3)))} million` : formatNumber(rounded);
  const sym = SYMBOL[currency];
  return sym && like.trim().startsWith(sym) ? `${sym}${body}` : `${body} ${currency}`;
}

/** The conversion restated at `rate` (units of the amount's currency per unit of the conversion's). */
function restate(amount: Amount, conv: Amount, rate: number): string {
  const one = (v: number): string => writeAmount(v / rate, conv.currency, conv.precision, conv.text);
  if (amount.max !== undefined && conv.max !== undefined) return `${one(amount.value)} to ${one(amount.max)}`;
  return one(amount.value);
}

export const conversionRateRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const tolerance = ctx.options.conversionTolerance ?? DEFAULT_TOLERANCE;
  const { analysis, previous } = ctx;
  // Each narrative of a whole report states its own country's conversions, at its own rate.
  const parts = analysis.narratives.length > 1 ? analysis.narratives : [{ start: 0, end: Infinity, meta: analysis.meta }];
  for (const part of parts) {
    const money = analysis.money.filter((m) => m.start >= part.start && m.end <= part.end);
    const lastYear = previous?.money ? lastYearsRates({ ...previous, money: previous.money }, part.meta) : undefined;
    for (const c of checkConversions(money, tolerance, { year: part.meta.year, lastYear })) {
      if (c.agrees || !c.reference || c.rate === undefined) continue;
      const m = c.statement;
      const conv = m.conversion!;
      const r = c.reference;
      const per = `${m.currency} per ${conv.currency}`;
      const theirs = r.owner === 'last-year' ? previous?.document : undefined;
      // Two conversions that disagree: their median is neither's rate, and which one is off the
      // text does not say. One finding, on the second, names both.
      const pair = r.owner === 'this' && r.from.length === 2 ? r.from.find((o) => o !== m) : undefined;
      if (pair) {
        if (pair.start > m.start) continue;
        const otherRate = pair.currency === m.currency ? pair.value / pair.conversion!.value : pair.conversion!.value / pair.value;
        out.push({
          rule: 'conversion-rate', severity: 'warning', start: conv.start, end: conv.end,
          message: `${m.text} (${conv.text}) implies ${formatRate(c.stated.rate)} ${per}, but the report's other conversion, ${pair.text} (${pair.conversion!.text}), implies ${formatRate(otherRate)}: one of the two is off.`,
          related: [{ start: pair.conversion!.start, end: pair.conversion!.end, message: `The other conversion: ${pair.text} (${pair.conversion!.text}), ${formatRate(otherRate)} ${per}.` }],
          fixes: [{ title: `Restate at the other conversion's rate (${formatRate(otherRate)} ${per})`, edits: [{ start: conv.start, end: conv.end, newText: restate(m, conv, otherRate) }] }],
        });
        continue;
      }
      out.push({
        rule: 'conversion-rate', severity: 'warning', start: conv.start, end: conv.end,
        message: `${m.text} (${conv.text}) implies ${formatRate(c.stated.rate)} ${per}; ${r.name}, ${formatRate(c.rate)} ${per} (${r.detail}), is ${Math.round(Math.abs(c.deviation) * 100)}% away, beyond what the rounding of ${conv.text} allows.`,
        related: r.from.filter((o) => o !== m).map((o) => ({
          start: o.conversion!.start, end: o.conversion!.end, ...(theirs ? { document: theirs } : {}),
          message: `${theirs ? "Last year's narrative: " : ''}${o.text} (${o.conversion!.text}): ${formatNumber(o.value / o.conversion!.value)} ${o.currency} per ${o.conversion!.currency}.`,
        })),
        fixes: [{ title: `Restate at ${r.name} (${formatRate(c.rate)} ${per})`, edits: [{ start: conv.start, end: conv.end, newText: restate(m, conv, c.rate) }] }],
      });
    }
  }
  return out;
};
