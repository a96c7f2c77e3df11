/**
 * previous-period: `compared with 17 investigations during the previous reporting period`
 * should equal what last year's narrative for the same country stated for its own period.
 */
import { fold } from '../gazetteer';
import { METRIC_LABELS } from '../labels';
import type { Figure } from '../model';
import { compatible, jaccard, subjectWords } from './subject';
import type { Finding, Rule } from './types';

const TRACKED = (f: Figure): boolean => !f.unit && f.metric !== 'other' && f.metric !== 'age' && f.metric !== 'penalty' && f.metric !== 'percentage';

export const previousPeriodRule: Rule = (ctx) => {
  const prev = ctx.previous;
  if (!prev) return [];
  // Only last year's narrative of the same country says what this one's previous period was;
  // in a whole report, that is one narrative among many.
  const sameCountry = ctx.analysis.narratives.filter(({ meta }) =>
    !(meta.country && prev.meta.country && fold(meta.country) !== fold(prev.meta.country))
    && !(meta.year && prev.meta.year && prev.meta.year !== meta.year - 1));
  if (sameCountry.length === 0 && ctx.analysis.narratives.length > 0) return [];
  const within = (f: Figure): boolean => ctx.analysis.narratives.length === 0 || sameCountry.some((n) => n.start <= f.start && f.end <= n.end);
  const out: Finding[] = [];
  const { text, analysis } = ctx;
  const theirs = prev.figures.filter((f) => f.period === 'current' && TRACKED(f));
  for (const f of analysis.figures) {
    if (f.period !== 'previous' || !TRACKED(f) || !within(f)) continue;
    const candidates = theirs.filter((g) => g.metric === f.metric);
    if (candidates.length === 0 || candidates.some((g) => compatible(f, g))) continue;
    const mine = subjectWords(text, f, analysis.sentences[f.sentence]?.end ?? f.end, 3);
    let best = candidates[0]!;
    let bestScore = -1;
    for (const g of candidates) {
      const score = jaccard(mine, new Set(g.counts.toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, ''))));
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    out.push({
      rule: 'previous-period', severity: 'warning', start: f.start, end: f.end,
      message: `${f.text} ${METRIC_LABELS[f.metric]} in the previous reporting period, but last year's narrative stated ${best.text}${best.counts ? ' ' + best.counts : ''}.`,
      related: [{ start: best.start, end: best.end, document: prev.document, message: `Last year's narrative: ${best.text}${best.counts ? ' ' + best.counts : ''}.` }],
      fixes: [{ title: `Take last year's ${best.text}`, edits: [{ start: f.start, end: f.end, newText: best.text }] }],
    });
  }
  return out;
};
