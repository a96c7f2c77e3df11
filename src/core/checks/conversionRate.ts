/**
 * conversion-rate: a stated conversion that disagrees with the report's other conversions of
 * the same currency beyond the stated amount's rounding plus a tolerance (DOMAIN.md: `$260` is
 * rounded to tens, so any rate from about 566 to 588 fits).
 */
import { checkConversions, documentRates } from '../currency';
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
  // Each narrative of a whole report states its own country's conversions.
  const groups = ctx.analysis.narratives.length > 1
    ? ctx.analysis.narratives.map((n) => ctx.analysis.money.filter((m) => m.start >= n.start && m.end <= n.end))
    : [ctx.analysis.money];
  for (const money of groups) {
    const checks = checkConversions(money, tolerance);
    const off = checks.filter((c) => !c.agrees && c.reference);
    if (off.length === 0) continue;
    // The fix restates at the narrative's own rate, from the statements that agree (computed once).
    const agreeing = new Set(checks.filter((c) => c.agrees).map((c) => c.statement));
    const rates = documentRates({ money: money.filter((m) => agreeing.has(m)) });
    for (const c of off) {
      const m = c.statement;
      const conv = m.conversion!;
      const pct = Math.round(Math.abs(c.deviation) * 100);
      const ref = c.reference!.rate;
      const docRate = rates.find((r) => r.base === conv.currency && r.quote === m.currency)?.value ?? ref;
      out.push({
        rule: 'conversion-rate', severity: 'warning', start: conv.start, end: conv.end,
        message: `${m.text} (${conv.text}) implies ${formatNumber(c.stated.rate)} ${m.currency} per ${conv.currency}; the report's other conversions imply about ${formatNumber(ref)} (${pct}% apart, beyond what the rounding of ${conv.text} allows).`,
        related: c.reference!.from.map((o) => ({ start: o.conversion!.start, end: o.conversion!.end, message: `${o.text} (${o.conversion!.text}): ${formatNumber(o.value / o.conversion!.value)} ${m.currency} per ${conv.currency}.` })),
        fixes: [{ title: `Restate at the report's rate (${formatNumber(docRate)} ${m.currency} per ${conv.currency})`, edits: [{ start: conv.start, end: conv.end, newText: restate(m, conv, docRate) }] }],
      });
    }
  }
  return out;
};
