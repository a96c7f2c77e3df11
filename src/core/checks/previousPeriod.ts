/**
 * previous-period: `compared with 17 investigations during the previous reporting period`
 * should equal what last year's narrative for the same country stated for its own period.
 */
import { METRIC_LABELS } from '../labels';
import { followedBy, lastYearsMatch } from '../lastYear';
import type { Figure } from '../model';
import { subjectWords } from './subject';
import type { Finding, Rule } from './types';

const TRACKED = (f: Figure): boolean => !f.unit && f.metric !== 'other' && f.metric !== 'age' && f.metric !== 'penalty' && f.metric !== 'percentage';

export const previousPeriodRule: Rule = (ctx) => {
  const prev = ctx.previous;
  if (!prev) return [];
  // Only last year's narrative of the same country says what this one's previous period was;
  // in a whole report, that is one narrative among many.
  const sameCountry = followedBy(ctx.analysis, prev.meta);
  if (sameCountry.length === 0 && ctx.analysis.narratives.length > 0) return [];
  const within = (f: Figure): boolean => ctx.analysis.narratives.length === 0 || sameCountry.some((n) => n.start <= f.start && f.end <= n.end);
  const out: Finding[] = [];
  const { text, analysis } = ctx;
  const theirs = prev.figures.filter((f) => f.period === 'current' && TRACKED(f));
  for (const f of analysis.figures) {
    if (f.period !== 'previous' || !TRACKED(f) || !within(f)) continue;
    const found = lastYearsMatch(
      f, () => subjectWords(text, f, analysis.sentences[f.sentence]?.end ?? f.end, 3), theirs.filter((g) => g.metric === f.metric),
      (g) => new Set(g.counts.toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, ''))),
    );
    if (!found || found.same) continue;
    const best = found.match;
    out.push({
      rule: 'previous-period', severity: 'warning', start: f.start, end: f.end,
      message: `${f.text} ${METRIC_LABELS[f.metric]} in the previous reporting period, but last year's narrative stated ${best.text}${best.counts ? ' ' + best.counts : ''}.`,
      related: [{ start: best.start, end: best.end, document: prev.document, message: `Last year's narrative: ${best.text}${best.counts ? ' ' + best.counts : ''}.` }],
      fixes: [{ title: `Take last year's ${best.text}`, edits: [{ start: f.start, end: f.end, newText: best.text }] }],
    });
  }
  return out;
};
