/**
 * Periods: which tokens of a sentence a period phrase governs (`during the previous reporting
 * period`, `compared with`, `in 2019`, `In October 2019, ...`), and the default period of a section.
 */
import type { Period, SectionKind } from '../../model';
import { wordValue } from '../../numbers';
import { Kind, type Token } from '../../tokens';
import { MONTHS } from '../dates/rules';
import { isYearToken } from '../numbers/rules';

export interface PeriodMarks {
  /** Per token of the sentence: the period stated for it, or undefined for the default. */
  readonly at: Array<Period | undefined>;
}

const COMPARATORS = new Set(['compared', 'versus', 'vs', 'than']);

const CHANGE_WORDS = /^(increase|increases|decrease|decreases|up|down|rise|drop|fall|decline|decreased|increased|rose|fell|dropped|declined)$/;

/** `compared with`, `versus`, and `from` after a word of change (`an increase from one conviction`). */
function isComparator(sent: readonly Token[], k: number): boolean {
  const t = sent[k];
  if (!t) return false;
  // `fewer than in 2020` compares; `more than 1,100` qualifies a number.
  if (t.l === 'than') return sent[k + 1] !== undefined && sent[k + 1]!.k !== Kind.Number && wordValue(sent[k + 1]!.l) === undefined;
  if (COMPARATORS.has(t.l)) return true;
  return t.l === 'from' && CHANGE_WORDS.test(sent[k - 1]?.l ?? '');
}

/**
 * Marks which tokens of a sentence a period phrase governs: `compared with 17
 * investigations during the previous reporting period`, `an increase from one conviction in
 * the previous reporting period`, `During the previous reporting period, ...`, `... 1,305
 * Malians from Libya in 2019`.
 */
export function periodMarks(sent: readonly Token[], sentText: string): PeriodMarks {
  const at: Array<Period | undefined> = new Array(sent.length).fill(undefined);
  if (!/previous|prior|preceding|last|reporting period|\b(?:19|20)\d\d\b|year|compared|from|versus|than/i.test(sentText)) return { at };
  // Two passes: a phrase after its figures (`compared with nine investigations during the
  // previous reporting period`) is more specific than one that opens the sentence (`In 2010,
  // ...`), so it is applied first and the opening phrase fills in the rest.
  const openings: Array<[number, number, Period]> = [];
  const trailing: Array<[number, number, Period]> = [];
  let firstComma = sent.findIndex((t) => t.t === ',');
  if (firstComma < 0) firstComma = 0;
  let clauseStart = 0;
  for (let i = 0; i < sent.length; i++) {
    const t = sent[i]!;
    if (t.t === ';') clauseStart = i + 1;
    const p = periodPhraseAt(sent, i);
    if (!p) continue;
    const [len, period] = p;
    const opening = (i <= clauseStart + 1 && (i === clauseStart || /^(during|in|over|throughout)$/.test(sent[clauseStart]?.l ?? '')))
      // `In a case that ended in October 2023, the court ...`: a date in the opening adverbial clause.
      || (clauseStart === 0 && i < firstComma && /^(in|during|on|over|after|following|by|until|between|from|throughout)$/.test(sent[0]?.l ?? ''));
    if (opening) {
      // One opening phrase per clause governs it; a second is a repetition, not a new scope.
      // In an opening adverbial clause (`Over three days in January 2019, ...`) it covers the clause too.
      const scopeStart = clauseStart === 0 && i < firstComma ? 0 : i + len;
      if (openings.length === 0 || openings[openings.length - 1]![1] !== clauseStart) openings.push([scopeStart, clauseStart, period]);
      i += len - 1;
      continue;
    }
    // It governs backwards to the nearest comparator in its clause; without one, only its own
    // comma-free stretch (`147 Malians from Algeria and 1,305 Malians from Libya in 2019`).
    const floor = Math.max(clauseStart, i - 40);
    let from = Math.max(i - 1, floor);
    while (from > floor && !isComparator(sent, from)) from--;
    const compared = isComparator(sent, from);
    if (!compared) {
      // `230 million FCFA ($414,410) during the previous reporting period`, `24 victims (eight
      // girls and 16 boys) in 2019`: a parenthesis inside the phrase's stretch is part of it.
      let k = i - 1;
      while (k >= floor && !/^[,;:(]$/.test(sent[k]!.t)) {
        if (sent[k]!.t === ')') {
          let open = k - 1;
          while (open > floor && sent[open]!.t !== '(') open--;
          if (sent[open]?.t !== '(') break;
          k = open;
        }
        k--;
      }
      from = Math.max(k + 1, floor);
      // Not a baseline of comparison: the date also governs what follows in its clause
      // (`UNICEF estimated in 2015 that between 6,000 and 10,000 ...`), after the rest.
      if (period !== 'previous') trailing.push([i + len, clauseStart, period]);
    }
    // `(21 victims of sex trafficking, eight ..., and two ... in 2018)`: a year that closes a
    // parenthesis dates all of it.
    if (!compared && sent[i + len]?.t === ')') {
      let open = i - 1;
      while (open > clauseStart && sent[open]!.t !== '(' && sent[open]!.t !== ')') open--;
      if (sent[open]?.t === '(') from = Math.min(from, open + 1);
    }
    for (let j = Math.max(from, clauseStart); j < i; j++) at[j] ??= period;
    i += len - 1;
  }
  // The first scope of a clause fills it to its end; any later one would find nothing left to
  // fill, so each clause is filled once (linear on a sentence of a thousand dates).
  const filled = new Set<number>();
  for (const [from, clause, period] of [...openings, ...trailing]) {
    if (filled.has(clause)) continue;
    filled.add(clause);
    for (let j = from; j < sent.length && sent[j]!.t !== ';'; j++) at[j] ??= period;
  }
  // `convicted nine traffickers, down from 21`: a baseline with no period stated is the previous one.
  for (let k = 0; k < sent.length; k++) {
    if (!isComparator(sent, k)) continue;
    for (let j = k + 1; j < sent.length && j <= k + 3; j++) if (sent[j]!.k === Kind.Number || wordValue(sent[j]!.l) !== undefined) at[j] ??= 'previous';
  }
  return { at };
}

/** `during the previous reporting period` and friends at token i: [length, period]. */
function periodPhraseAt(sent: readonly Token[], i: number): [number, Period] | undefined {
  const w = (k: number): string => sent[i + k]?.l ?? '';
  const prep = w(0);
  // `compared with 164 the previous year`, `a 2009 survey estimated`, `by the end of 2010`
  if (prep === 'the' && /^(previous|prior|preceding)$/.test(w(1)) && w(2) === 'year') return [3, 'previous'];
  // `two convictions the previous reporting period`, `the prior period`
  if (prep === 'the' && /^(previous|prior|preceding)$/.test(w(1)) && w(2) === 'reporting' && w(3) === 'period') return [4, 'previous'];
  if (prep === 'the' && /^(previous|prior|preceding)$/.test(w(1)) && w(2) === 'period') return [3, 'previous'];
  if (prep === 'the' && w(1) === 'year' && w(2) === 'before') return [3, 'previous'];
  if (prep === 'a' && w(1) === 'year' && /^(earlier|before)$/.test(w(2))) return [3, 'previous'];
  if ((prep === 'a' || prep === 'an' || prep === 'the') && isYearToken(sent[i + 1]) && /^(survey|study|report|assessment|census|estimate|estimates|investigation|review|analysis)$/.test(w(2))) return [3, sent[i + 1]!.t as Period];
  if (prep === 'by' && w(1) === 'the' && w(2) === 'end' && w(3) === 'of' && isYearToken(sent[i + 4])) return [5, sent[i + 4]!.t as Period];
  // `313,687 since 1976`, `since January 2021`: a count since then is cumulative, of no one period.
  if (prep === 'since') {
    if (isYearToken(sent[i + 1])) return [2, 'unspecified'];
    if (MONTHS[w(1)] && isYearToken(sent[i + 2])) return [3, 'unspecified'];
    return undefined;
  }
  // `from October 2021 through December 2022`, `between 2019 and 2021`: a span of several years
  // is no one period; within one year, it is that year.
  if (prep === 'from' || prep === 'between') {
    let k = i + 1;
    if (MONTHS[sent[k]?.l ?? '']) k++;
    const y1 = sent[k];
    // `from March to October 2021`: the months of one year.
    const linkAt = isYearToken(y1) ? k + 1 : k;
    if (!isYearToken(y1) && !(k > i + 1 && /^(to|through|until|till|and)$/.test(sent[k]?.l ?? ''))) return undefined;
    if (!isYearToken(y1)) {
      const end = MONTHS[sent[k + 1]?.l ?? ''] ? k + 2 : -1;
      return end > 0 && isYearToken(sent[end]) ? [end - i + 1, sent[end]!.t as Period] : undefined;
    }
    const link = sent[linkAt]?.l ?? '';
    if (!(prep === 'from' ? /^(to|through|until|till)$/.test(link) : link === 'and')) return undefined;
    let m = k + 2;
    if (MONTHS[sent[m]?.l ?? '']) m++;
    const y2 = sent[m];
    if (!isYearToken(y2)) return undefined;
    if (y1!.t === y2!.t) return [m - i + 1, y1!.t as Period];
    // `from April 2019 to March 2020`: twelve months across two years are a reporting period.
    const m1 = MONTHS[sent[k - 1]?.l ?? ''];
    const m2 = MONTHS[sent[m - 1]?.l ?? ''];
    const months = m1 && m2 ? (Number(y2!.t) - Number(y1!.t)) * 12 + (m2 - m1) + 1 : Infinity;
    return [m - i + 1, months <= 12 ? 'current' : 'unspecified'];
  }
  // `in the past five years`, `over the last three years`: a span around the report, no one period.
  if ((prep === 'in' || prep === 'over' || prep === 'during') && w(1) === 'the' && /^(past|last)$/.test(w(2))
    && (sent[i + 3]?.k === Kind.Number || wordValue(w(3)) !== undefined) && /^years?$/.test(w(4))) return [5, 'unspecified'];
  // Not `over`: `an increase of 18 percent over 2022` compares with a year, it does not date the figure.
  if (prep !== 'during' && prep !== 'in' && prep !== 'throughout' && prep !== 'for') return undefined;
  if (w(1) === 'the' && /^(previous|prior|last|preceding)$/.test(w(2))) {
    if (w(3) === 'reporting' && w(4) === 'period') return [5, 'previous'];
    if (w(3) === 'year' || w(3) === 'period') return [4, 'previous'];
    // `in the previous fiscal year`, `in the previous Nepali fiscal year`
    for (let k = 3; k <= 4; k++) if (w(k) === 'fiscal' && w(k + 1) === 'year') return [k + 2, 'previous'];
  }
  // `in fiscal year 2019`, `in FY 2013`, `during FY2013`
  if ((w(1) === 'fiscal' && w(2) === 'year' || w(1) === 'fy') && sent[i + (w(1) === 'fy' ? 2 : 3)] && isYearToken(sent[i + (w(1) === 'fy' ? 2 : 3)])) {
    const k = w(1) === 'fy' ? 2 : 3;
    return [k + 1, sent[i + k]!.t as Period];
  }
  if (w(1) === 'the' && w(2) === 'reporting' && w(3) === 'period') return [4, 'current'];
  if (w(1) === 'the' && w(2) === 'current' && w(3) === 'reporting' && w(4) === 'period') return [5, 'current'];
  const y = sent[i + 1];
  if (y && y.k === Kind.Number && /^(19|20)\d\d$/.test(y.t) && sent[i + 2]?.t !== '-') return [2, y.t as Period];
  const m = sent[i + 2];
  if (MONTHS[w(1)] && m && m.k === Kind.Number && /^(19|20)\d\d$/.test(m.t)) return [3, m.t as Period];
  return undefined;
}

export function periodAt(marks: PeriodMarks, i: number, section: SectionKind): Period {
  return marks.at[i] ?? defaultPeriod(section);
}

function defaultPeriod(section: SectionKind): Period {
  return section === 'profile' || section === 'title' || section === 'tier' || section === 'other' ? 'unspecified' : 'current';
}
