/**
 * Last year's narrative of the same country, as the features that compare with it read it: which
 * narratives of a report it is last year's for, which periods it covers, and what it stated for a
 * figure or an amount of those periods. The previous-period rule, the conversion-rate rule and the
 * money hover all ask here, so they match the same statements.
 */
import { fold } from './gazetteer';
import type { Analysis, Meta, Money, NarrativeInfo, Period, Qualifier } from './model';
import { compatible, jaccard, sentenceWords } from './checks/subject';
import { metaAt } from './spans';

/**
 * `previous` may be last year's narrative for a narrative of `meta`: the same country and the
 * year before, where both say (a draft may name neither).
 */
export function follows(meta: Meta, previous: Meta): boolean {
  return !(meta.country && previous.country && fold(meta.country) !== fold(previous.country))
    && !(meta.year && previous.year && previous.year !== meta.year - 1);
}

/**
 * The narratives of `analysis` that `previous` is last year's narrative for. A document of one
 * narrative with no narrative info gives `[]`, to be read as "the whole document".
 */
export function followedBy(analysis: Pick<Analysis, 'narratives'>, previous: Meta): readonly NarrativeInfo[] {
  return analysis.narratives.filter(({ meta }) => follows(meta, previous));
}

/**
 * The part of last year's document that is last year's narrative for a narrative of `meta`: in a
 * whole report, that country's narrative; else the whole document, if it follows. Undefined when
 * none does.
 */
export function lastYearsPart(previous: { readonly meta: Meta; readonly narratives?: readonly NarrativeInfo[] }, meta: Meta): NarrativeInfo | undefined {
  const parts = previous.narratives?.length ? previous.narratives : [{ start: 0, end: Infinity, meta: previous.meta }];
  return parts.find((n) => follows(meta, n.meta));
}

/**
 * True for what belongs to the period last year's narrative covers: the previous reporting period,
 * or the calendar year before the one this report mostly covers (a 2023 report covers about April
 * 2022 to March 2023, last year's about April 2021 to March 2022: `in 2021`).
 */
export function ofLastYearsPeriod(period: Period, year: number | undefined): boolean {
  if (period === 'previous') return true;
  return year !== undefined && /^\d{4}$/.test(period) && Number(period) === year - 2;
}

/** True for what belongs to an earlier period than the report's own: last year's, or an earlier year still. */
export function ofEarlierPeriod(period: Period, year: number | undefined): boolean {
  if (period === 'previous') return true;
  return year !== undefined && /^\d{4}$/.test(period) && Number(period) <= year - 2;
}

/** A statement of a quantity: a figure or an amount. */
interface Quantity {
  readonly value: number;
  readonly max?: number;
  readonly qualifier?: Qualifier;
}

/** What last year's narrative stated for a quantity of its period. */
export interface LastYearsMatch<T> {
  readonly match: T;
  /** It states the same value (or one the qualifiers allow). */
  readonly same: boolean;
}

/**
 * Among last year's statements of the same kind (the same metric, the same currency), the one of
 * the same value; else the one whose words are most like this one's, with at least `minScore` of
 * them in common (without it, the likest even when none shares a word). Undefined when none qualifies.
 */
export function lastYearsMatch<T extends Quantity>(
  mine: Quantity, words: () => ReadonlySet<string>, candidates: readonly T[], wordsOf: (t: T) => ReadonlySet<string>, minScore?: number,
): LastYearsMatch<T> | undefined {
  const same = candidates.find((g) => compatible(mine, g));
  if (same) return { match: same, same: true };
  const own = words();
  let best: T | undefined;
  let bestScore = -1;
  for (const g of candidates) {
    const score = jaccard(own, wordsOf(g));
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  }
  return best && (minScore === undefined || bestScore >= minScore) ? { match: best, same: false } : undefined;
}

/** A narrative's text and analysis. */
export interface Narrative {
  readonly text: string;
  readonly analysis: Analysis;
}

/**
 * What last year's narrative stated for an amount of last year's period: an amount of its own
 * period in the same currency, of the same value, or else the one said of the same thing (the
 * words around it). Undefined when it states none like it.
 */
export function lastYearsAmount(mine: Narrative, money: Money, theirs: Narrative): LastYearsMatch<Money> | undefined {
  const part = lastYearsPart(theirs.analysis, metaAt(mine.analysis, money.start));
  if (!part) return undefined;
  const candidates = theirs.analysis.money.filter((m) =>
    m.currency === money.currency && part.start <= m.start && m.end <= part.end && !ofEarlierPeriod(m.period, part.meta.year));
  const words = (n: Narrative, m: Money): ReadonlySet<string> => sentenceWords(n.text, m, n.analysis.sentences[m.sentence] ?? m);
  // No metric joins two amounts: they must share some words to be of the same thing.
  return lastYearsMatch(money, () => words(mine, money), candidates, (m) => words(theirs, m), 0.1);
}
