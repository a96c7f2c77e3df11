/**
 * previous-period: `compared with 17 investigations during the previous reporting period`
 * should equal what last year's narrative for the same country stated for its own period.
 *
 * Taking last year's figure is right only if the figure is of the previous period. When that is
 * itself in doubt ({@link periodInDoubt}), the finding offers first to correct the figure's
 * period, and does not prefer taking last year's.
 */
import { fold } from '../gazetteer';
import { METRIC_LABELS } from '../labels';
import type { Figure } from '../model';
import { compatible, jaccard, subjectWords } from './subject';
import type { CheckContext, Finding, Rule } from './types';

/** Words by which a sentence ties a figure to an earlier period, or compares it with one. */
const EARLIER = /\b(?:previous|prior|preceding|earlier|before|compared|comparison|versus|vs|than|from|last)\b/i;

/**
 * Whether a previous-period figure's period may be misread, and why. It is in doubt when
 * - its own sentence has no word of an earlier period or of a comparison (the period came with a
 *   figure of another sentence that it restates or splits), or
 * - this narrative states the same number for the same metric as a figure of this reporting
 *   period (`same`): the figure may be that one, stated again.
 */
function periodInDoubt(ctx: CheckContext, f: Figure, within: (g: Figure) => boolean): { same?: Figure } | undefined {
  const sentence = ctx.analysis.sentences[f.sentence];
  const same = ctx.analysis.figures.find((g) => g !== f && g.period === 'current' && g.metric === f.metric && g.value === f.value && g.max === f.max && within(g)
    && ctx.index.narrativeAt(g.start) === ctx.index.narrativeAt(f.start));
  if (same) return { same };
  if (sentence && !EARLIER.test(ctx.text.slice(sentence.start, sentence.end))) return {};
  return undefined;
}

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
    const doubt = periodInDoubt(ctx, f, within);
    out.push({
      rule: 'previous-period', severity: 'warning', start: f.start, end: f.end,
      message: `${f.text} ${METRIC_LABELS[f.metric]} in the previous reporting period, but last year's narrative stated ${best.text}${best.counts ? ' ' + best.counts : ''}.`,
      related: [
        { start: best.start, end: best.end, document: prev.document, message: `Last year's narrative: ${best.text}${best.counts ? ' ' + best.counts : ''}.` },
        ...(doubt?.same ? [{ start: doubt.same.start, end: doubt.same.end, message: `${doubt.same.text} ${METRIC_LABELS[f.metric]} in this reporting period: is ${f.text} of this period too?` }] : []),
      ],
      fixes: [{ title: `Take last year's ${best.text}`, edits: [{ start: f.start, end: f.end, newText: best.text }] }],
      ...(doubt ? {
        corrections: [
          { title: `Mark ${f.text} as this reporting period's figure`, about: 'figure', start: f.start, end: f.end, set: { period: 'current' } },
          { title: `Correct the period of figure ${f.text}…`, about: 'figure', start: f.start, end: f.end, attribute: 'period' },
        ],
      } satisfies Partial<Finding> : {}),
    });
  }
  return out;
};
