/**
 * previous-period: `compared with 17 investigations during the previous reporting period`, or
 * `compared with 286 victims in 2021` when 2021 is the year last year's narrative covered, should
 * equal what last year's narrative for the same country stated for its own period.
 *
 * Taking last year's figure is right only if the figure is of the previous period. When that is
 * itself in doubt ({@link periodInDoubt}), the finding offers first to correct the figure's
 * period, and does not prefer taking last year's.
 */
import { METRIC_LABELS } from '../labels';
import { followedBy, lastYearsMatch } from '../lastYear';
import type { Figure, Period } from '../model';
import { subjectWords } from './subject';
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

/** Counts a narrative follows from year to year: no unit, and not an age, a penalty, a percentage or another count. */
export const TRACKED = (f: Figure): boolean => !f.unit && f.metric !== 'other' && f.metric !== 'age' && f.metric !== 'penalty' && f.metric !== 'percentage';

const YEAR = /^\d{4}$/;

/**
 * The year whose figures a narrative of report year `year` reports as its own: the latest year
 * before the report's that its figures name (a 2015 narrative may report 2013's data, and compare
 * them with 2012's), else the year before the report's (the 2023 report covers 2022).
 */
export function dataYear(figures: readonly Figure[], year: number | undefined): number | undefined {
  if (!year) return undefined;
  let latest: number | undefined;
  for (const f of figures) {
    if (!TRACKED(f) || !YEAR.test(f.period)) continue;
    const y = Number(f.period);
    if (y < year && y >= year - 3 && (latest === undefined || y > latest)) latest = y;
  }
  return latest ?? year - 1;
}

/**
 * Whether a figure (or an amount) of `period`, in a narrative whose own data year is `own`, is
 * stated for `year`: by that year's name, or as the narrative's current period when `year` is its
 * own. By default, whether it is of the narrative's own period.
 */
export function statesYear(period: Period, own: number | undefined, year: number | undefined = own): boolean {
  return period === String(year) || (year === own && period === 'current');
}

/**
 * Whether a figure of `period`, in a narrative whose own data year is `mine`, restates what last
 * year's narrative (own data year `theirYear`) stated: `previous` is last year's own period; a
 * named year before this narrative's own, and not after last year's, is that year. `year` is the
 * year restated (undefined when last year's is unknown), `when` says it in words.
 */
export function restatement(period: Period, mine: number | undefined, theirYear: number | undefined): { readonly year?: number; readonly when: string } | undefined {
  if (period === 'previous') return { ...(theirYear !== undefined ? { year: theirYear } : {}), when: 'in the previous reporting period' };
  if (YEAR.test(period) && mine !== undefined && Number(period) < mine && theirYear !== undefined && Number(period) <= theirYear) {
    return { year: Number(period), when: `in ${period}` };
  }
  return undefined;
}

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
  const year = sameCountry[0]?.meta.year ?? analysis.meta.year ?? (prev.meta.year ? prev.meta.year + 1 : undefined);
  const mine = year === undefined ? undefined : dataYear(analysis.figures.filter(within), year);
  const theirYear = dataYear(prev.figures, prev.meta.year);
  for (const f of analysis.figures) {
    if (!TRACKED(f) || !within(f)) continue;
    // `previous`: what last year's narrative counted as its own (its current period, or its data
    // year by name). A figure of a named year: what last year's narrative stated for that year, by
    // name or as its own period. The years of this narrative's own period are not last year's to say.
    const restated = restatement(f.period, mine, theirYear);
    if (!restated) continue;
    const candidates = prev.figures.filter((g) => TRACKED(g) && g.metric === f.metric && statesYear(g.period, theirYear, restated.year ?? theirYear));
    const found = lastYearsMatch(
      f, () => subjectWords(text, f, analysis.sentences[f.sentence]?.end ?? f.end, 3), candidates,
      (g) => new Set(g.counts.toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, ''))),
    );
    if (!found || found.same) continue;
    const best = found.match;
    // A year named in the figure's own clause is no doubt; `previous` may have come from elsewhere.
    const doubt = f.period === 'previous' ? periodInDoubt(ctx, f, within) : undefined;
    out.push({
      rule: 'previous-period', severity: 'warning', start: f.start, end: f.end,
      message: `${f.text} ${METRIC_LABELS[f.metric]} ${restated.when}, but last year's narrative stated ${best.text}${best.counts ? ' ' + best.counts : ''}.`,
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
