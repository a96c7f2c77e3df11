/**
 * Figures: a number with what it counts, its qualifier (`at least`), its unit (`years`,
 * `percent`), its metric (metric.ts) and its period (../periods).
 */
import type { Metric, Period, Qualifier, SectionKind, Unit } from '../../model';
import { wordValue } from '../../numbers';
import { Kind, type Token } from '../../tokens';
import { countMetric, durationMetric, listPrev, SentenceFacts, VERB_METRICS } from './metric';
import { inheritBreakdowns } from './references';
import type { LocalFigure } from './types';
import { DURATION_UNITS, isIdentifier, readNumber, readRange } from '../numbers/rules';
import { periodAt, type PeriodMarks } from '../periods/rules';

const QUALIFIERS: Array<[string[], Qualifier]> = [
  [['at', 'least'], 'at least'],
  [['a', 'minimum', 'of'], 'at least'],
  [['no', 'fewer', 'than'], 'at least'],
  [['more', 'than'], 'more than'],
  [['over'], 'more than'],
  [['in', 'excess', 'of'], 'more than'],
  [['approximately'], 'approximately'],
  [['about'], 'approximately'],
  [['around'], 'approximately'],
  [['nearly'], 'approximately'],
  [['almost'], 'approximately'],
  [['roughly'], 'approximately'],
  [['some'], 'approximately'],
  [['an', 'estimated'], 'approximately'],
  [['estimated'], 'approximately'],
  [['fewer', 'than'], 'fewer than'],
  [['less', 'than'], 'fewer than'],
  [['under'], 'fewer than'],
  [['at', 'most'], 'at most'],
  [['up', 'to'], 'up to'],
];

/** Words that end the noun phrase a figure counts. */
const PHRASE_STOP = new Set([
  'in', 'during', 'for', 'from', 'to', 'by', 'at', 'on', 'with', 'between', 'under', 'into', 'and', 'or',
  'were', 'was', 'are', 'is', 'had', 'have', 'has', 'who', 'which', 'that', 'including', 'compared',
  'while', 'but', 'whom', 'whose', 'as', 'than', 'since', 'after', 'before', 'each', 'per', 'against',
  'of', 'received', 'remained', 'through', 'across', 'via', 'because', 'when', 'where', 'if', 'the',
]);

export function scanFigures(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array,
  out: LocalFigure[], sentence: number, facts: SentenceFacts, section: SectionKind, marks: PeriodMarks): void {
  const startCount = out.length;
  for (let i = a; i < b; i++) {
    if (consumed[i]) continue;
    const t = tokens[i]!;
    if (t.k === Kind.Punct) continue;
    if (t.k === Kind.Number && isIdentifier(tokens, i)) {
      consumed[i] = 1;
      continue;
    }
    // `nine-year-old`, `six-month`, `five-year`: a number word joined to its unit.
    const compound = t.k === Kind.Word ? /^(.+?)-(year|month|week|day|hour)s?(-old)?$/.exec(t.l) : null;
    if (compound && wordValue(compound[1]!) !== undefined) {
      consumed[i] = 1;
      const unit = DURATION_UNITS[compound[2]!]!;
      const metric: Metric = compound[3] ? 'age' : 'other';
      const counts = nounPhrase(text, tokens, i + 1, b);
      const period: Period = metric === 'age' || facts.ruleWords || section === 'recommendations' ? 'unspecified' : periodAt(marks, i - a, section);
      out.push({ s: t.s, e: t.e, text: t.t, value: wordValue(compound[1]!)!, counts, metric, period, sentence, unit });
      continue;
    }
    let n = readNumber(tokens, i);
    if (!n) continue;
    if (t.k === Kind.Word && !isCountWord(tokens, i)) continue;
    const unitFirst = DURATION_UNITS[tokens[n.j]?.l ?? ''];
    n = readRange(tokens, n, unitFirst !== undefined);
    if (n.j > b) continue;
    let j = n.j;
    // Units: `10 years’`, `18 months`, `45 percent`, `12%`
    let unit: Unit | undefined = n.unit;
    let metric: Metric | undefined;
    const u = tokens[j];
    if (unit) {
      // read with the range
    } else if (u && (u.l === 'percent' || u.t === '%' || u.l === 'per' && tokens[j + 1]?.l === 'cent')) {
      unit = 'percent';
      metric = 'percentage';
      j += u.l === 'per' ? 2 : 1;
    } else if (u && u.t === '-' && !u.sp && DURATION_UNITS[tokens[j + 1]?.l ?? '']) {
      unit = DURATION_UNITS[tokens[j + 1]!.l];
      j += 2;
    } else if (u && DURATION_UNITS[u.l]) {
      unit = DURATION_UNITS[u.l];
      j++;
    }
    if (tokens[j]?.t === '’' || tokens[j]?.t === "'") j++;
    // `prison terms of six and nine years`: the first of two durations shares the second's unit.
    if (!unit && /^(and|or)$/.test(tokens[j]?.l ?? '')) {
      const other = readNumber(tokens, j + 1);
      const shared = other ? DURATION_UNITS[tokens[other.j]?.l ?? ''] : undefined;
      if (shared && shared !== 'hours') unit = shared;
    }
    for (let q = i; q < j; q++) consumed[q] = 1;
    const s = tokens[n.i]!.s;
    const e = tokens[n.j - 1]!.e;
    const rel = i - a;
    const qualifier = qualifierBefore(tokens, i);
    const counts = unit === 'percent' ? 'percent' : nounPhrase(text, tokens, j, b);
    // `younger than 18 years of age`, `girls 15 years old`: an age, before any duration.
    if (!metric && unit === 'years' && (isAgeContext(tokens, i) || tokens[j]?.l === 'old' || (tokens[j]?.l === 'of' && tokens[j + 1]?.l === 'age'))) metric = 'age';
    // `in the past five years`: a span of time around the report, not a sentence or a penalty.
    if (!metric && unit && unit !== 'percent' && /^(past|next|last|coming|following)$/.test(tokens[i - 1]?.l ?? '')) metric = 'other';
    if (!metric && unit) metric = durationMetric(tokens, i, j, b, facts);
    // `between the ages of 13 and 17`, `as young as 14`, `aged 12`: ages, also without `years`.
    if (!metric && isAgeContext(tokens, i)) {
      metric = 'age';
      unit = 'years';
    }
    if (!metric) metric = countMetric(tokens, a, b, i, j, counts, facts, listPrev(tokens, out, startCount, i));
    let period: Period = periodAt(marks, rel, section);
    // Ages, penalties and durations of rules (`a working day of 12 hours`) belong to no period.
    if (metric === 'age' || metric === 'penalty') period = 'unspecified';
    // A duration a rule sets (`a working day of 12 hours`), unlike one an event lasted (`for three months`).
    if (metric === 'other' && unit && unit !== 'percent' && (facts.ruleWords || section === 'recommendations')) period = 'unspecified';
    if (metric === 'other' && !unit && facts.requirement && /\b(required|requires|must|maximum|minimum)\b/.test(clauseText(text, tokens, a, b, i))) period = 'unspecified';
    // `over the past five years`, `over the next three years`: a span of time around the report, not a count of its period.
    if (metric === 'other' && /^(past|next|last|coming|following)$/.test(tokens[i - 1]?.l ?? '')
      && (unit !== undefined && unit !== 'percent' || /^(years?|months?|decades?|weeks?)\b/.test(counts))) period = 'unspecified';
    const f: LocalFigure = { s, e, text: text.slice(s, e), value: n.value, counts, metric, period, sentence };
    if (n.max !== undefined) f.max = n.max;
    if (qualifier) f.qualifier = qualifier;
    if (unit) f.unit = unit;
    out.push(f);
    i = j - 1;
  }
  inheritBreakdowns(out, startCount, text);
}

/** Number words that are not counts: `no one`, `one another`, `one of them`? (kept), `the one`. */
function isCountWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1]?.l;
  const next = tokens[i + 1]?.l;
  if (t.l === 'one') {
    if (/^(no|any|every|the|this|that|each|previous|other|same|last|next|new|single|another)$/.test(prev ?? '')) return false;
    if (next === 'another' || next === 'way' || next === 'hand' || next === 'or' || next === 'such' || next === 'day') return false;
  }
  // Sentence-initial capitalized `One`/`Two` are counts; `Five Nigerians` too.
  return true;
}

/** The text of the clause (between semicolons) that holds token i. */
function clauseText(text: string, tokens: readonly Token[], a: number, b: number, i: number): string {
  let s = i;
  while (s > a && s > i - 40 && tokens[s - 1]!.t !== ';') s--;
  let e = i;
  while (e < b - 1 && e < i + 40 && tokens[e + 1]!.t !== ';') e++;
  return text.slice(tokens[s]!.s, tokens[e]!.e);
}

function isAgeContext(tokens: readonly Token[], i: number): boolean {
  const w = (k: number): string => tokens[i - k]?.l ?? '';
  if (w(1) === 'aged' || w(1) === 'age') return true;
  if (w(1) === 'of' && (w(2) === 'ages' || w(2) === 'age')) return true;
  if (w(1) === 'as' && (w(2) === 'young' || w(2) === 'old')) return true;
  if (w(1) === 'between' && w(2) === 'ages') return true;
  // `younger than 18`, `children under 18`, `over the age of 15`
  if (w(1) === 'than' && /^(younger|older)$/.test(w(2))) return true;
  if ((w(1) === 'under' || w(1) === 'below') && /^(children|child|girls|boys|minors|persons|anyone|age|aged)$/.test(w(2))) return true;
  return false;
}

function qualifierBefore(tokens: readonly Token[], i: number): Qualifier | undefined {
  let k = i;
  // `between` is part of a range, not a qualifier; `an additional` and `all` are skipped.
  if (tokens[k - 1]?.l === 'additional' && tokens[k - 2]?.l === 'an') k -= 2;
  for (const [words, q] of QUALIFIERS) {
    let ok = k - words.length >= 0;
    for (let w = 0; ok && w < words.length; w++) if (tokens[k - words.length + w]!.l !== words[w]) ok = false;
    if (ok) {
      // `over` and `under` are qualifiers only right before a number, not `over the past five years`.
      return q;
    }
  }
  return undefined;
}

function nounPhrase(text: string, tokens: readonly Token[], j: number, b: number): string {
  // `28 were foreign national children`: the copula does not end the phrase it introduces.
  if (/^(were|was|are|is)$/.test(tokens[j]?.l ?? '') && tokens[j + 1]?.k === Kind.Word && !VERB_METRICS.some(([re]) => re.test(tokens[j + 1]!.l))) j++;
  // `two of those suspects`: what is counted comes after `of those`.
  if (tokens[j]?.l === 'of' && /^(those|these|the)$/.test(tokens[j + 1]?.l ?? '') && tokens[j + 2]?.k === Kind.Word) j += 2;
  let k = j;
  const limit = Math.min(b, j + 6);
  while (k < limit) {
    const t = tokens[k]!;
    if (t.k !== Kind.Word || PHRASE_STOP.has(t.l) || VERB_AFTER.test(t.l)) break;
    k++;
  }
  if (k === j) return '';
  return text.slice(tokens[j]!.s, tokens[k - 1]!.e);
}

const VERB_AFTER = /^(were|was|are|is|been|be|received|remained|had|have|has|did|could|would|may|might|remain|reportedly|allegedly)$/;
