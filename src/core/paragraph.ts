/**
 * Everything the engine reads inside one paragraph, with offsets relative to the
 * paragraph. The result depends only on the paragraph's text and its section kind, so it
 * is cached by those two and reused after an edit elsewhere (see analyze.ts).
 */
import { CURRENCY_WORDS, fold, gazetteer, isDemonym, ISO_CODES } from './gazetteer';
import type { EntityType, Metric, Period, Qualifier, SectionKind, Unit } from './model';
import { digitValue, precisionOf, SCALES, wordValue } from './numbers';
import { sentenceRanges } from './sentences';
import { isAcronym, isCapitalized, Kind, tokenize, type Token } from './tokens';
import { table } from './table';

export interface LocalFigure {
  s: number;
  e: number;
  text: string;
  value: number;
  max?: number;
  qualifier?: Qualifier;
  counts: string;
  metric: Metric;
  period: Period;
  unit?: Unit;
  sentence: number;
}

export interface LocalAmount {
  s: number;
  e: number;
  text: string;
  value: number;
  max?: number;
  /** ISO code, or `FCFA` / `FRANC` / a currency word to be settled with the document's country. */
  currency: string;
  precision: number;
}

export interface LocalMoney extends LocalAmount {
  conversion?: LocalAmount;
  sentence: number;
  period: Period;
}

export interface LocalDate {
  s: number;
  e: number;
  text: string;
  year: number;
  month?: number;
}

export interface LocalEntity {
  s: number;
  e: number;
  text: string;
  /** Undefined for a bare acronym that the document-level pass types from its definition. */
  type?: EntityType;
  /** Folded canonical name. */
  key: string;
  /** For `Long Form (ACR)`: the acronym and the long form's span. */
  acronym?: { s: number; e: number; text: string };
  bareAcronym?: boolean;
  /** For a bare acronym whose span carries more (`2018-2022 NPA`): the acronym alone. */
  acronymText?: string;
  /** The key the document-level pass groups it by (type and name), made once. */
  group?: string;
}

export interface ParagraphResult {
  readonly sentences: ReadonlyArray<readonly [number, number]>;
  readonly figures: readonly LocalFigure[];
  readonly money: readonly LocalMoney[];
  readonly dates: readonly LocalDate[];
  readonly entities: readonly LocalEntity[];
}

const MONTHS = table<number>({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
});

const IDENTIFIER_BEFORE = new Set([
  'law', 'laws', 'decree', 'decrees', 'no', 'nos', 'number', 'article', 'articles', 'section', 'sections',
  'tier', 'chapter', 'code', 'act', 'resolution', 'ordinance', 'order', 'paragraph', 'item', 'annex',
  'phase', 'level', 'grade', 'covid', 'page', 'circular', 'instruction', 'regulation', 'bill',
]);

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

const DURATION_UNITS = table<Unit>({
  year: 'years', years: 'years', 'year-old': 'years', 'years-old': 'years', month: 'months', months: 'months',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks', hour: 'hours', hours: 'hours',
});

/** Words that end the noun phrase a figure counts. */
const PHRASE_STOP = new Set([
  'in', 'during', 'for', 'from', 'to', 'by', 'at', 'on', 'with', 'between', 'under', 'into', 'and', 'or',
  'were', 'was', 'are', 'is', 'had', 'have', 'has', 'who', 'which', 'that', 'including', 'compared',
  'while', 'but', 'whom', 'whose', 'as', 'than', 'since', 'after', 'before', 'each', 'per', 'against',
  'of', 'received', 'remained', 'through', 'across', 'via', 'because', 'when', 'where', 'if', 'the',
]);

/** Verb stems that decide a metric, checked in the sentence around a figure. */
const VERB_METRICS: Array<[RegExp, Metric | 'victims']> = [
  [/^investigat(e|ed|es|ing|ion|ions)$/, 'investigations'],
  [/^(prosecut(e|ed|es|ing|ion|ions)|indict(ed|ing|s|ment|ments)?|charged|charges|tried)$/, 'prosecutions'],
  [/^convict(ed|ing|s|ion|ions)?$/, 'convictions'],
  [/^acquit(ted|ting|s|tal|tals)?$/, 'acquittals'],
  [/^arrest(ed|ing|s)?$/, 'arrests'],
  [/^sentenc(e|ed|es|ing)$/, 'convictions'],
  [/^(repatriat(e|ed|es|ing|ion)|return)$/, 'repatriated'],
  [/^train(ed|ing|s)?$/, 'officials-trained'],
  [/^refer(s|red|ring|ral|rals)?$/, 'victims-referred'],
  [/^(assist|assisted|assisting|assistance|served|serving|provided|providing|cared)$/, 'victims-assisted'],
  [/^(sheltered|sheltering|housed|housing|accommodated)$/, 'victims-sheltered'],
  [/^(confirm(ed|ing|s)?|identif(y|ied|ies|ying|ication)|rescu(e|ed|es|ing)|detect(ed|ing)|screen(ed|ing)|remov(al|ed|ing)|withdr(ew|awn|awal)|freed|liberated)$/, 'victims-identified'],
  [/^estimat(e|ed|es|ing)$/, 'victims-estimated'],
  [/^(detained|detain|detaining|jailed|deported|deport|exploit|exploited|exploiting|exploits|abused|abusing|bringing|brought|transporting|transported|selling|sold|recruiting|extradited|extradite|extraditing|employed|employing|hired|confined|sent|expelled|appeals|appealed|fined)$/, 'other'],
];

const TRAINEES = /^(officials?|judges?|prosecutors?|magistrates?|officers?|police|policemen|gendarmes?|investigators?|actors?|personnel|inspectors?|staff|participants?|diplomats?|stakeholders?|soldiers?|troops|guards?|employees|workers|members|teachers|leaders|journalists|students|attendees|trainers|agents|professionals|practitioners|civil|law|border|labor|labour|justice|government|security|immigration|consular|health|social|community|religious|military|customs)$/;

const PERSON_NOUNS = /^(traffickers?|persons?|people|individuals?|suspects?|defendants?|offenders?|perpetrators?|slaveholders?|men|women|nationals|officials?|officers?|employers?|recruiters?|migrants?|workers?|returnees?|citizens?|[a-z]+ans?|[a-z]+ese|[a-z]+is)$/;

const CHILD_SOLDIER_CONTEXT = /\b(armed|soldiers?|soldiering|recruit\w*|combat\w*|militias?|fighters?|conscript\w*|DDR|disarmament|military)\b/i;

/** What one sentence holds, with offsets relative to the sentence: cached by its text. */
export interface SentenceResult {
  readonly figures: readonly LocalFigure[];
  readonly money: readonly LocalMoney[];
  readonly dates: readonly LocalDate[];
  readonly entities: readonly LocalEntity[];
}

/**
 * Reads one paragraph. Each sentence is read on its own and cached by its text (with the
 * section and the document's currency codes), so an edit re-reads one sentence; then the
 * paragraph ties its sentences together (`Of those 106 assisted, 28 ...` takes its metric
 * from a figure of an earlier sentence).
 */
export function analyzeParagraph(text: string, section: SectionKind, codes?: ReadonlySet<string>,
  sentenceCache?: Map<string, SentenceResult>): ParagraphResult {
  const previous = documentCodes;
  documentCodes = codes ?? new Set();
  try {
    return read(text, section, sentenceCache);
  } finally {
    documentCodes = previous;
  }
}

function read(text: string, section: SectionKind, cache: Map<string, SentenceResult> | undefined): ParagraphResult {
  const tokens = tokenize(text);
  const ranges = sentenceRanges(tokens);
  const tokenAt = new Map<number, number>();
  for (let k = 0; k < tokens.length; k++) tokenAt.set(tokens[k]!.s, k);
  const money: LocalMoney[] = [];
  const figures: LocalFigure[] = [];
  const dates: LocalDate[] = [];
  const entities: LocalEntity[] = [];
  const sentences: Array<readonly [number, number]> = [];
  const firstFigure: number[] = [];
  const prefix = section + '\u0000' + [...documentCodes].sort().join(',') + '\u0000';

  for (let si = 0; si < ranges.length; si++) {
    const [a, b] = ranges[si]!;
    const s0 = tokens[a]!.s;
    const sentText = text.slice(s0, tokens[b - 1]!.e);
    sentences.push([s0, tokens[b - 1]!.e]);
    const key = prefix + sentText;
    let r = cache?.get(key);
    if (!r) {
      r = readSentence(sentText, section);
      cache?.set(key, r);
    }
    // Copies: the paragraph pass below may change a figure's metric or period.
    firstFigure.push(figures.length);
    for (const f of r.figures) figures.push({ ...f, s: f.s + s0, e: f.e + s0, sentence: si });
    for (const m of r.money) money.push(shiftMoney(m, s0, si));
    for (const d of r.dates) dates.push({ ...d, s: d.s + s0, e: d.e + s0 });
    for (const x of r.entities) entities.push(shiftEntity(x, s0));
  }
  for (let si = 0; si < ranges.length; si++) {
    const from = firstFigure[si]!;
    const to = si + 1 < ranges.length ? firstFigure[si + 1]! : figures.length;
    if (to > from) inheritReferences(tokens, figures, from, to, tokenAt);
  }
  return { sentences, figures, money, dates, entities };
}

/** One sentence on its own: its offsets start at 0 and its sentence index is 0. */
function readSentence(text: string, section: SectionKind): SentenceResult {
  const tokens = tokenize(text);
  const n = tokens.length;
  const money: LocalMoney[] = [];
  const figures: LocalFigure[] = [];
  const dates: LocalDate[] = [];
  if (n === 0) return { figures, money, dates, entities: [] };
  // Most tokens are plain ASCII words: their lower case is their folded form.
  const folded = tokens.map((t) => (/^[\x20-\x26\x28-\x7e]*$/.test(t.t) ? t.l : fold(t.t).replace(/'s$/, '')));
  const consumed = new Uint8Array(n);
  const facts = new SentenceFacts(text);
  const periods = periodMarks(tokens, text);
  scanMoney(text, tokens, 0, n, consumed, money, 0, (i) => periodAt(periods, i, section));
  scanDates(text, tokens, 0, n, consumed, dates);
  scanFigures(text, tokens, 0, n, consumed, figures, 0, facts, section, periods);
  const entities = scanEntities(text, tokens, folded, [[0, n]]);
  return { figures, money, dates, entities };
}

function shiftMoney(m: LocalMoney, by: number, sentence: number): LocalMoney {
  const out: LocalMoney = { ...m, s: m.s + by, e: m.e + by, sentence };
  if (m.conversion) out.conversion = { ...m.conversion, s: m.conversion.s + by, e: m.conversion.e + by };
  return out;
}

function shiftEntity(x: LocalEntity, by: number): LocalEntity {
  const out: LocalEntity = { ...x, s: x.s + by, e: x.e + by };
  if (x.acronym) out.acronym = { ...x.acronym, s: x.acronym.s + by, e: x.acronym.e + by };
  return out;
}

// ---------------------------------------------------------------------------------------
// Periods

interface PeriodMarks {
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
function periodMarks(sent: readonly Token[], sentText: string): PeriodMarks {
  const at: Array<Period | undefined> = new Array(sent.length).fill(undefined);
  if (!/previous|prior|last|reporting period|\b(?:19|20)\d\d\b|year|compared|from|versus|than/i.test(sentText)) return { at };
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
      from = i - 1;
      while (from > floor && !/^[,;:()]$/.test(sent[from - 1]!.t)) from--;
      // Not a baseline of comparison: the date also governs what follows in its clause
      // (`UNICEF estimated in 2015 that between 6,000 and 10,000 ...`), after the rest.
      if (period !== 'previous') trailing.push([i + len, clauseStart, period]);
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
  if (prep === 'the' && w(1) === 'year' && w(2) === 'before') return [3, 'previous'];
  if (prep === 'a' && w(1) === 'year' && /^(earlier|before)$/.test(w(2))) return [3, 'previous'];
  if ((prep === 'a' || prep === 'an' || prep === 'the') && isYearToken(sent[i + 1]) && /^(survey|study|report|assessment|census|estimate|estimates|investigation|review|analysis)$/.test(w(2))) return [3, sent[i + 1]!.t as Period];
  if (prep === 'by' && w(1) === 'the' && w(2) === 'end' && w(3) === 'of' && isYearToken(sent[i + 4])) return [5, sent[i + 4]!.t as Period];
  // Not `over`: `an increase of 18 percent over 2022` compares with a year, it does not date the figure.
  if (prep !== 'during' && prep !== 'in' && prep !== 'throughout' && prep !== 'for') return undefined;
  if (w(1) === 'the' && /^(previous|prior|last|preceding)$/.test(w(2))) {
    if (w(3) === 'reporting' && w(4) === 'period') return [5, 'previous'];
    if (w(3) === 'year') return [4, 'previous'];
  }
  if (w(1) === 'the' && w(2) === 'reporting' && w(3) === 'period') return [4, 'current'];
  if (w(1) === 'the' && w(2) === 'current' && w(3) === 'reporting' && w(4) === 'period') return [5, 'current'];
  const y = sent[i + 1];
  if (y && y.k === Kind.Number && /^(19|20)\d\d$/.test(y.t) && sent[i + 2]?.t !== '-') return [2, y.t as Period];
  const m = sent[i + 2];
  if (MONTHS[w(1)] && m && m.k === Kind.Number && /^(19|20)\d\d$/.test(m.t)) return [3, m.t as Period];
  return undefined;
}

function periodAt(marks: PeriodMarks, i: number, section: SectionKind): Period {
  return marks.at[i] ?? defaultPeriod(section);
}

function defaultPeriod(section: SectionKind): Period {
  return section === 'profile' || section === 'title' || section === 'tier' || section === 'other' ? 'unspecified' : 'current';
}

// ---------------------------------------------------------------------------------------
// Numbers

interface NumberExpr {
  /** Token index of the first and one past the last token. */
  i: number;
  j: number;
  value: number;
  /** For a range. */
  max?: number;
  /** For a range whose ends carry their own units, already read. */
  unit?: Unit;
}

/** A number at token i: digits or words, with scales (`two million`, `1.5 billion`). */
function readNumber(tokens: readonly Token[], i: number): NumberExpr | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const first = t.k === Kind.Number ? digitValue(t.t) : t.k === Kind.Word ? wordValue(t.l) : undefined;
  if (first === undefined || !Number.isFinite(first)) return undefined;
  let value: number = first;
  let j = i + 1;
  // `two hundred`, `200 million`, `1.5 billion`, `two hundred thousand`
  while (j < tokens.length && tokens[j]!.k === Kind.Word && SCALES[tokens[j]!.l] !== undefined) {
    // toPrecision: 1.9 x 1,000,000 is 1,900,000, not 1,899,999.9999999998.
    const scaled: number = Number((value * SCALES[tokens[j]!.l]!).toPrecision(15));
    if (!Number.isFinite(scaled)) break; // `two million trillion trillion ...` stops where numbers do
    value = scaled;
    j++;
  }
  // `twenty one` is rare in narratives; hyphenated forms are single tokens.
  return { i, j, value };
}

/** `five to 10`, `9 and 14` after `between`, `5-10`: extends a number to a range. */
function readRange(tokens: readonly Token[], n: NumberExpr, unitAware: boolean): NumberExpr {
  const sep = tokens[n.j];
  if (!sep) return n;
  const isDash = (sep.t === '-' || sep.t === '–') && !sep.sp;
  let between = false;
  for (let k = n.i - 1; k >= 0 && k >= n.i - 5; k--) if (tokens[k]!.l === 'between') between = true;
  const ok = sep.l === 'to' || isDash || (sep.l === 'and' && between);
  let k = n.j + 1;
  // `18 months' to two years'`: units may sit on both ends.
  let unitA: Unit | undefined;
  if (unitAware && !ok) {
    unitA = DURATION_UNITS[sep.l];
    if (!unitA) return n;
    let q = n.j + 1;
    if (tokens[q]?.t === '’' || tokens[q]?.t === "'") q++;
    const sep2 = tokens[q];
    if (!sep2 || sep2.l !== 'to') return n;
    k = q + 1;
  } else if (!ok) return n;
  const m = readNumber(tokens, k);
  if (!m) return n;
  if (isDash && /^(19|20)\d\d$/.test(tokens[n.i]!.t)) return n;
  if (unitA) {
    const unitB = DURATION_UNITS[tokens[m.j]?.l ?? ''];
    if (!unitB) return n;
    const toA = (v: number, u: Unit): number => (u === unitA ? v : u === 'years' && unitA === 'months' ? v * 12 : v);
    // `18 months’ to two years’`: the range ends after its second unit, and is in the first one's.
    return { i: n.i, j: m.j + 1, value: n.value, max: toA(m.value, unitB), unit: unitA };
  }
  if (m.value < n.value) return n;
  return { i: n.i, j: m.j, value: n.value, max: m.value };
}

function isYearToken(t: Token | undefined): boolean {
  return !!t && t.k === Kind.Number && /^(1[89]|20)\d\d$/.test(t.t);
}

/** Numbers that are identifiers, years or parts of them, not figures. */
function isIdentifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (t.k !== Kind.Number) return false;
  // Joined to another number by a hyphen or slash without spaces: 2012-023, 2018-2022, 14/2015.
  if (prev && !t.sp && (prev.t === '-' || prev.t === '/' || prev.t === '.') && tokens[i - 2]?.k === Kind.Number) {
    return isYearToken(tokens[i - 2]) || prev.t !== '-' || /^0/.test(t.t);
  }
  if (next && !next.sp && (next.t === '-' || next.t === '/') && tokens[i + 2]?.k === Kind.Number && !tokens[i + 2]!.sp) {
    return isYearToken(t) || next.t === '/' || /^0/.test(tokens[i + 2]!.t) || tokens[i + 2]!.t.length >= 3;
  }
  // `COVID-19`, `G-20`: a number joined to a word.
  if (prev && !t.sp && prev.t === '-' && !prev.sp && tokens[i - 2]?.k === Kind.Word) return true;
  if (prev && IDENTIFIER_BEFORE.has(prev.l)) return true;
  if (prev && prev.t === '.' && tokens[i - 2] && IDENTIFIER_BEFORE.has(tokens[i - 2]!.l)) return true; // No. 14
  if (prev && prev.t === '#') return true;
  return false;
}

// ---------------------------------------------------------------------------------------
// Money

function currencyAfter(tokens: readonly Token[], j: number): { code: string; end: number } | undefined {
  const t = tokens[j];
  if (!t) return undefined;
  // `West African CFA francs (FCFA)`, `Central African CFA francs`
  let k = j;
  let region = '';
  if ((t.l === 'west' || t.l === 'central') && tokens[j + 1]?.l === 'african') {
    region = t.l;
    k = j + 2;
  }
  const w = tokens[k];
  if (!w) return undefined;
  if (w.t === 'CFA' || w.l === 'cfa') {
    let end = k + 1;
    if (tokens[end]?.l === 'francs' || tokens[end]?.l === 'franc') end++;
    const code = region === 'west' ? 'XOF' : region === 'central' ? 'XAF' : 'FCFA';
    return { code, end: withAbbrev(tokens, end) };
  }
  if (region) return undefined;
  if (w.t === 'FCFA' || w.t === 'CFAF') return { code: 'FCFA', end: k + 1 };
  if (isCode(w.t)) return { code: w.t, end: k + 1 };
  // `Emirati dirhams`, `Nigerian naira`, `US dollars`: an adjective may come first.
  const adj = w.k === Kind.Word && isCapitalized(w) && tokens[k + 1] && CURRENCY_WORDS[tokens[k + 1]!.l] ? 1 : 0;
  const word = tokens[k + adj];
  if (!word || word.k !== Kind.Word) return undefined;
  const code = CURRENCY_WORDS[word.l];
  if (!code || code === 'FCFA') return undefined;
  let resolved = code;
  if (adj) {
    const a = tokens[k]!.l;
    if (code === 'USD' && a !== 'us' && a !== 'u.s' && a !== 'american') resolved = `${a} ${word.l}`;
    else if (code !== 'USD') resolved = `${a} ${word.l}`;
  } else if (code !== 'USD' && code !== 'EUR' && code !== 'GBP' && code !== 'NGN' && code !== 'GHS') resolved = word.l;
  const stated = abbrevAfter(tokens, k + adj + 1);
  return { code: stated ?? resolved, end: withAbbrev(tokens, k + adj + 1) };
}

/** A currency name's abbreviation in parentheses right after it: `francs (FCFA)`, `dirhams (AED)`. */
function withAbbrev(tokens: readonly Token[], end: number): number {
  const open = tokens[end];
  const abbr = tokens[end + 1];
  const close = tokens[end + 2];
  if (open?.t === '(' && close?.t === ')' && abbr && (abbr.t === 'FCFA' || abbr.t === 'CFAF' || isCode(abbr.t))) return end + 3;
  return end;
}

/**
 * Currency codes the document defines for itself (`145 million Karsolian rupees (KSR)`), set
 * for the duration of one synchronous {@link analyzeParagraph} call.
 */
let documentCodes: ReadonlySet<string> = new Set();

function isCode(t: string): boolean {
  return ISO_CODES.has(t) || documentCodes.has(t);
}

/** The code a currency name is given in parentheses right after it, if any: `rupees (KSR)`. */
function abbrevAfter(tokens: readonly Token[], end: number): string | undefined {
  const abbr = tokens[end + 1];
  if (tokens[end]?.t === '(' && tokens[end + 2]?.t === ')' && abbr && isCode(abbr.t)) return abbr.t;
  return undefined;
}

const SYMBOLS = table<string>({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₦': 'NGN' });

/** An amount at token i: `$860`, `US$1.5 million`, `EUR 1,200`, `500,000 to two million ... francs`. */
function readAmount(text: string, tokens: readonly Token[], i: number, end: number): (LocalAmount & { j: number }) | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  let k = i;
  let code: string | undefined;
  if (t.t === 'US' && tokens[i + 1]?.t === '$' && !tokens[i + 1]!.sp) {
    code = 'USD';
    k = i + 2;
  } else if (SYMBOLS[t.t]) {
    code = SYMBOLS[t.t];
    k = i + 1;
  } else if (isCode(t.t) && tokens[i + 1]?.k === Kind.Number) {
    code = t.t;
    k = i + 1;
  }
  if (code) {
    const n = readNumber(tokens, k);
    if (!n || tokens[k]!.k !== Kind.Number || n.j > end) return undefined;
    let max: number | undefined;
    let j = n.j;
    // `$860 to $3,440`
    const sep = tokens[j];
    if (sep && (sep.l === 'to' || (sep.t === '-' && !sep.sp)) && tokens[j + 1]?.t === t.t) {
      const m = readNumber(tokens, j + 2);
      if (m && m.j <= end) {
        max = m.value;
        j = m.j;
      }
    }
    const scale = n.j > k + 1 ? n.value / digitValue(tokens[k]!.t)! : 1;
    return mk(text, tokens, i, j, n.value, max, code, precisionOf(tokens[k]!.t, scale));
  }
  const n = readNumber(tokens, i);
  if (!n) return undefined;
  let j = n.j;
  let max: number | undefined;
  const sep = tokens[j];
  if (sep && (sep.l === 'to' || (sep.t === '-' && !sep.sp))) {
    const m = readNumber(tokens, j + 1);
    if (m && currencyAfter(tokens, m.j)) {
      max = m.value;
      j = m.j;
    }
  }
  const cur = currencyAfter(tokens, j);
  if (!cur || cur.end > end) return undefined;
  const base = tokens[i]!.k === Kind.Number ? digitValue(tokens[i]!.t)! : n.value;
  const scale = base ? n.value / base : 1;
  const prec = tokens[i]!.k === Kind.Number ? precisionOf(tokens[i]!.t, scale) : precisionOf(String(n.value));
  return mk(text, tokens, i, cur.end, n.value, max, cur.code, prec);
}

function mk(text: string, tokens: readonly Token[], i: number, j: number, value: number, max: number | undefined,
  currency: string, precision: number): LocalAmount & { j: number } {
  const s = tokens[i]!.s;
  const e = tokens[j - 1]!.e;
  const a: LocalAmount & { j: number } = { s, e, text: text.slice(s, e), value, currency, precision, j };
  if (max !== undefined) a.max = max;
  return a;
}

function scanMoney(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array,
  out: LocalMoney[], sentence: number, period: (i: number) => Period): void {
  for (let i = a; i < b; i++) {
    if (consumed[i]) continue;
    const t = tokens[i]!;
    if (t.k === Kind.Punct && !SYMBOLS[t.t]) continue;
    if (t.k === Kind.Word && wordValue(t.l) === undefined && t.t !== 'US' && !isCode(t.t)) continue;
    if (isIdentifier(tokens, i)) continue;
    const amt = readAmount(text, tokens, i, b);
    if (!amt) continue;
    let j = amt.j;
    const m: LocalMoney = { ...strip(amt), sentence, period: period(i) };
    // The stated conversion: `($860 to $3,440)`, `(approximately $260)`.
    if (tokens[j]?.t === '(') {
      let k = j + 1;
      while (k < b && k < j + 4 && tokens[k]!.k === Kind.Word && !SYMBOLS[tokens[k]!.t] && !isCode(tokens[k]!.t) && wordValue(tokens[k]!.l) === undefined) k++;
      const conv = readAmount(text, tokens, k, b);
      if (conv && tokens[conv.j]?.t === ')') {
        m.conversion = strip(conv);
        for (let q = j; q <= conv.j; q++) consumed[q] = 1;
        j = conv.j + 1;
      }
    }
    for (let q = i; q < amt.j; q++) consumed[q] = 1;
    out.push(m);
    i = j - 1;
  }
}

function strip(a: LocalAmount & { j: number }): LocalAmount {
  const { j: _j, ...rest } = a;
  return rest;
}

// ---------------------------------------------------------------------------------------
// Dates

function scanDates(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array, out: LocalDate[]): void {
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    const month = MONTHS[t.l];
    if (month && isCapitalized(t)) {
      // `October 2019`, `October 5, 2019`
      let k = i + 1;
      if (tokens[k]?.k === Kind.Number && /^\d{1,2}$/.test(tokens[k]!.t)) {
        k++;
        if (tokens[k]?.t === ',') k++;
      }
      if (isYearToken(tokens[k]) && !consumed[k]) {
        for (let q = i; q <= k; q++) consumed[q] = 1;
        out.push({ s: t.s, e: tokens[k]!.e, text: text.slice(t.s, tokens[k]!.e), year: Number(tokens[k]!.t), month });
        i = k;
      } else if (k > i + 1 && tokens[i + 1]!.k === Kind.Number) {
        consumed[i + 1] = 1; // `February 24`: a day of the month, not a count
      }
      continue;
    }
    if (!consumed[i] && isYearToken(t) && !isIdentifier(tokens, i)) {
      const next = tokens[i + 1];
      // A four-digit count (`2000 victims`) is written with a comma in narratives; years are not.
      if (next && next.t === '-' && !next.sp && isYearToken(tokens[i + 2])) {
        consumed[i] = consumed[i + 1] = consumed[i + 2] = 1;
        i += 2;
        continue; // a span of years: part of a plan's name, not a date
      }
      consumed[i] = 1;
      out.push({ s: t.s, e: t.e, text: t.t, year: Number(t.t) });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Figures

function scanFigures(text: string, tokens: readonly Token[], a: number, b: number, consumed: Uint8Array,
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
    const f: LocalFigure = { s, e, text: text.slice(s, e), value: n.value, counts, metric, period, sentence };
    if (n.max !== undefined) f.max = n.max;
    if (qualifier) f.qualifier = qualifier;
    if (unit) f.unit = unit;
    out.push(f);
    i = j - 1;
  }
  inheritBreakdowns(out, startCount, text);
}

/** What a sentence says, computed once and only when a figure asks (a sentence may be 1 MB long). */
class SentenceFacts {
  private cache = new Map<string, boolean>();
  constructor(readonly text: string) {}
  private memo(key: string, re: RegExp): boolean {
    let v = this.cache.get(key);
    if (v === undefined) this.cache.set(key, (v = re.test(this.text)));
    return v;
  }
  get ruleWords(): boolean { return this.memo('rule', RULE_WORDS); }
  get requirement(): boolean { return this.memo('req', /\b(required|requires|must|maximum|minimum)\b/); }
  get childSoldiers(): boolean { return this.memo('child', CHILD_SOLDIER_CONTEXT); }
  get detained(): boolean { return this.memo('held', /\bheld\b[^;]{0,200}\b(camps?|detention|custody|prisons?|jails?|cells?)\b/); }
  get victims(): boolean { return this.memo('victims', /\bvictims?\b/i); }
  get training(): boolean { return this.memo('training', /\b(train(ed|ing|s)?|seminars?|workshops?|courses?)\b/i); }
  get prescribed(): boolean { return this.memo('prescribed', /\bprescrib|penalt|punishable/i); }
  get sentenced(): boolean { return this.memo('sentenced', /\bsentenced|received\b/i); }
}

/**
 * Figures that restate or split another take its metric and period:
 * `Of the 298 victims, 171 were children`, `of those, 29 were identified`, `including two
 * Ghanaian boys`, `compared with 290 during the previous reporting period` (the metric of the
 * figure it is compared with).
 */
/** For the figures `from` to `to` (one sentence's) of the paragraph's `figs`. */
function inheritReferences(tokens: readonly Token[], figs: LocalFigure[], from: number, to: number, tokenAt: ReadonlyMap<number, number>): void {
  if (to === from) return;
  const back = (x: number): number => Math.max(0, x - 30); // how far back a reference may look
  let anchor: LocalFigure | undefined; // the total that `Of the N` / `of those` introduced
  // `Of the new investigations, 97 concerned ...`, `Of the victims identified, 1,204 ...`: the
  // sentence splits a quantity named without a number; its figures count what it counts.
  const first = tokenAt.get(figs[from]!.s);
  const namedMetric = first === undefined ? undefined : namedAnchor(tokens, first, figs, from);
  if (namedMetric) {
    for (let x = from; x < to; x++) if (figs[x]!.metric === 'other' && !figs[x]!.unit) figs[x]!.metric = namedMetric;
  }
  if (to < 2) return;
  for (let x = from; x < to; x++) {
    const f = figs[x]!;
    if (f.unit) continue;
    const k = tokenAt.get(f.s);
    if (k === undefined) continue;
    const w = (d: number): string => tokens[k - d]?.l ?? '';
    const prevFig = figs[x - 1] && !figs[x - 1]!.unit ? figs[x - 1] : undefined;
    // `Of the 298 victims` / `Of those 106 assisted`: the same value stated before in the paragraph.
    if (w(1) === 'the' && w(2) === 'of' || (/^(those|these)$/.test(w(1)) && w(2) === 'of')) {
      for (let y = x - 1; y >= back(x); y--) {
        const g = figs[y]!;
        if (g.value === f.value && !g.unit && g.metric !== 'other') {
          f.metric = g.metric;
          f.period = g.period;
          break;
        }
      }
      anchor = f;
      continue;
    }
    // `; of those, 29 were identified`: part of the total, not of a figure it was compared with.
    if (w(1) === ',' && /^(those|these|them|whom)$/.test(w(2)) && w(3) === 'of' && prevFig) {
      let total = prevFig;
      for (let y = x - 1; y >= Math.max(from, back(x)); y--) {
        const g = figs[y]!;
        if (g.sentence !== f.sentence || g.unit) break;
        const gk = tokenAt.get(g.s) ?? 0;
        if (!(tokens[gk - 2]?.l === 'compared' || tokens[gk - 1]?.l === 'versus')) {
          total = g;
          break;
        }
      }
      f.metric = total.metric;
      f.period = total.period;
      anchor = f;
      continue;
    }
    if (anchor && anchor.sentence === f.sentence && anchor.metric !== 'other' && f.metric === 'other') {
      f.metric = anchor.metric;
      f.period = anchor.period;
      continue;
    }
    // `at least 40 of them`: part of the figure before (unless a verb right before says otherwise:
    // `courts convicted two of them`).
    const verbBefore = verbMetric(w(1));
    if (/^(them|those|these|whom)$/.test(tokens[k + 2]?.l ?? '') && tokens[k + 1]?.l === 'of' && prevFig && prevFig.sentence === f.sentence
      && !(verbBefore && verbBefore !== 'victims' && verbBefore !== 'other')) {
      f.metric = prevFig.metric;
      continue;
    }
    // `Foreign victims included 64 Burkinabe, 38 Nigerians`: parts of the victims counted before.
    if (/^(included|include|includes)$/.test(w(1)) && f.metric === 'other') {
      for (let y = x - 1; y >= back(x); y--) {
        const g = figs[y]!;
        if (!g.unit && g.metric !== 'other') {
          f.metric = g.metric;
          if (f.period === 'current') f.period = g.period;
          break;
        }
      }
      anchor = f;
      continue;
    }
    // `including two Ghanaian boys`
    // `including two Ghanaian boys`, `among them 11 girls`
    const partOf = w(1) === 'including' || (w(2) === 'including' && /^(at|some|about)$/.test(w(1)) === false)
      || (w(2) === 'among' && /^(them|whom|those|these)$/.test(w(1)));
    if (partOf && prevFig && prevFig.sentence === f.sentence && prevFig.metric !== 'other') {
      f.metric = prevFig.metric;
      f.period = f.period === 'current' ? prevFig.period : f.period;
      continue;
    }
    // `compared with 290 during the previous reporting period` with no noun of its own
    if ((w(1) === 'with' || w(1) === 'to') && w(2) === 'compared' && f.counts === '' && prevFig && prevFig.sentence === f.sentence) {
      f.metric = prevFig.metric;
    }
  }
}

const RULE_WORDS = /\b(law(?! enforcement)|laws|limitation|notice|decree|code|regulation|regulations|requires?|required|maximum|minimum|entitled|entitles|permits?|provides?|mandates?|must)\b/i;

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

/**
 * The metric of `Of the <noun phrase>,` opening the sentence that holds token `first`, from its
 * noun (investigations, prosecutions...) or from the figure before it that counted the same
 * noun (`victims identified`).
 */
function namedAnchor(tokens: readonly Token[], first: number, figs: readonly LocalFigure[], from: number): Metric | undefined {
  let s = first;
  while (s > 0 && tokens[s - 1]!.t !== '.' && tokens[s - 1]!.t !== '?' && first - s < 40) s--;
  if (tokens[s]?.l !== 'of' || !/^(the|those|these)$/.test(tokens[s + 1]?.l ?? '')) return undefined;
  const words: string[] = [];
  for (let k = s + 2; k < first && tokens[k]!.t !== ','; k++) {
    if (tokens[k]!.k === Kind.Number) return undefined; // `Of the 298 victims`: handled as a restatement
    words.push(tokens[k]!.l);
  }
  if (words.length === 0 || words.length > 5) return undefined;
  for (const w of words) {
    if (/^investigations?$/.test(w)) return 'investigations';
    if (/^prosecutions?$/.test(w)) return 'prosecutions';
    if (/^convictions?$/.test(w)) return 'convictions';
    if (/^(defendants|convicted)$/.test(w)) return w === 'convicted' ? 'convictions' : 'defendants';
  }
  const verb = words.map((w) => verbMetric(w)).find((m) => m && m !== 'other' && m !== 'victims');
  if (verb && words.some((w) => /^(victims?|children|persons|people|workers|cases)$/.test(w))) return verb as Metric;
  // The figure before that counted the same noun.
  const noun = words[words.length - 1]!;
  for (let y = from - 1; y >= Math.max(0, from - 30); y--) {
    const g = figs[y]!;
    if (g.metric !== 'other' && !g.unit && g.counts.toLowerCase().split(/\s+/).includes(noun)) return g.metric;
  }
  return undefined;
}

/** `text.indexOf(ch, from)` that looks at most `limit` characters. */
function boundedIndexOf(text: string, ch: string, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  for (let k = from; k < end; k++) if (text[k] === ch) return k;
  return -1;
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

function durationMetric(tokens: readonly Token[], i: number, j: number, b: number, facts: SentenceFacts): Metric {
  const before = (k: number): string => tokens[i - k]?.l ?? '';
  const after = tokens[j]?.l ?? '';
  if (after === 'old' || /year-old/.test(tokens[j - 1]?.l ?? '') || before(1) === 'aged' || before(1) === 'age'
    || (before(1) === 'of' && (before(2) === 'ages' || before(2) === 'age')) || (before(1) === 'between' && before(3) === 'ages')
    || (before(2) === 'ages' && before(3) === 'the') || (before(1) === 'of' && before(2) === 'ages')) return 'age';
  const near = (re: RegExp): boolean => {
    for (let k = Math.max(0, i - 20); k < Math.min(b, j + 4); k++) if (re.test(tokens[k]!.l)) return true;
    return false;
  };
  if (near(/^(penalt|prescrib|punishable|punish|carried|carries|carry)/)) return 'penalty';
  if (near(/^(sentenc|imprisonment|suspended|jail|prison|received|served)/)) {
    if (facts.prescribed && !facts.sentenced) return 'penalty';
    return 'sentence';
  }
  return 'other';
}

/**
 * The figure before this one in the sentence, when the two are items of one list
 * (`five Nigerians for sex trafficking and two Malian slaveholders`): only `and`, commas and
 * words that are not verbs of a metric lie between them.
 */
function listPrev(tokens: readonly Token[], figs: readonly LocalFigure[], from: number, i: number): LocalFigure | undefined {
  const prev = figs.length > from ? figs[figs.length - 1] : undefined;
  if (!prev || prev.unit || prev.metric === 'other') return undefined;
  let joined = false;
  for (let k = i - 1; k >= 0 && tokens[k]!.e > prev.e; k--) {
    const t = tokens[k]!;
    if (t.l === 'and' || t.t === ',') joined = true;
    else if (t.t === ';' || t.t === '(' || t.t === ')' || verbMetric(t.l) || PHRASE_STOP_VERBS.test(t.l)) return undefined;
  }
  return joined ? prev : undefined;
}

const PHRASE_STOP_VERBS = /^(involving|compared|while|but|whereas|versus|received|including|of)$/;

function countMetric(tokens: readonly Token[], a: number, b: number, i: number, j: number, counts: string, facts: SentenceFacts,
  listed?: LocalFigure): Metric {
  const words = counts.toLowerCase().split(/\s+/);
  const has = (re: RegExp): boolean => words.some((w) => re.test(w));
  const head = words[words.length - 1] ?? '';
  // Nouns that say it all.
  if (has(/^investigations?$/)) return 'investigations';
  if (has(/^repatriations?$/)) return 'repatriated';
  if (has(/^prosecutions?$/)) return 'prosecutions';
  if (has(/^convictions?$/)) return 'convictions';
  if (has(/^acquittals?$/)) return 'acquittals';
  if (has(/^arrests?$/)) return 'arrests';
  // `three kiln owners convicted under ...`, `nine suspects arrested in 2014`: a participle in the phrase.
  const inner = words.slice(1).map((w) => verbMetric(w)).find((m) => m && m !== 'victims' && m !== 'other' && m !== 'officials-trained');
  if (inner && !has(/^(victims?|children|cases?)$/)) return inner === 'prosecutions' ? 'defendants' : inner as Metric;
  const verb = nearestVerb(tokens, a, b, i, j);
  // `acquitted four defendants`, `convicted 13 defendants`: a verb right before the number decides.
  const before = verbMetric(tokens[i - 1]?.l ?? '') ?? verbMetric(tokens[i - 2]?.l ?? '');
  if (has(/^defendants?$/)) return before && before !== 'prosecutions' && before !== 'victims' && !/^victims-|other/.test(before) ? before : 'defendants';
  // Children held in a camp or in detention are counted as detained, not as recruited.
  if (before && /^victims-(referred|assisted|sheltered)$|^repatriated$/.test(before) && !has(/^(cases?)$/)) return before as Metric;
  if (has(/^(children|child|boys|girls|minors)$/) && facts.childSoldiers && verb !== 'other' && !facts.detained
    && !/^victims?$/.test(head)) return 'child-soldiers';
  // An item of a list counts what the item before it counts.
  if (listed && (counts === '' || words.some((w) => PERSON_NOUNS.test(w)) || has(/^(children|child|boys|girls|minors|adults|men|women)$/))) return listed.metric;
  // `Of those 106 assisted`, `including 18 from Pakistan`: no noun, the verb says what is counted.
  if (counts === '' || words.every((w) => verbMetric(w) !== undefined)) {
    if (verb && verb !== 'victims' && verb !== 'officials-trained') return verb;
    return 'other';
  }
  if (has(/^victims?$/) || has(/^survivors?$/)) {
    // `referred 176 presumed victims`: what was done to them decides; `identified 106 potential victims`.
    if (before && /^victims-(referred|assisted|sheltered)$|^repatriated$/.test(before)) return before as Metric;
    if (has(/^(potential|possible|presumed|suspected)$/)) return 'potential-victims';
    if (verb && verb !== 'victims' && /^victims|repatriated$/.test(verb)) return verb as Metric;
    if (verb === 'investigations' || verb === 'prosecutions' || verb === 'convictions') return 'other';
    return 'other';
  }
  if (verb === 'officials-trained') return words.some((w) => TRAINEES.test(w)) ? 'officials-trained' : 'other';
  if (facts.training && words.some((w) => TRAINEES.test(w)) && !has(/^(victims?|children)$/)) return 'officials-trained';
  if (has(/^cases?$/)) {
    if (verb === 'investigations' || verb === 'prosecutions' || verb === 'convictions' || verb === 'acquittals') return verb;
    return 'other';
  }
  if (words.some((w) => PERSON_NOUNS.test(w)) || has(/^(children|child|boys|girls|minors|adults|men|women|victims)$/)) {
    if (verb === 'prosecutions') return 'defendants';
    if (verb === 'investigations') return 'investigations';
    if (verb === 'convictions' || verb === 'acquittals' || verb === 'arrests' || verb === 'repatriated') return verb;
    if (verb && /^victims-/.test(verb) && verb !== 'victims-estimated') return verb as Metric;
    if (verb === 'victims-estimated' && (facts.victims || has(/^(children|child|girls|boys|women|minors|persons|people|citizens|nationals)$/))) return 'victims-estimated';
  }
  return 'other';
}

/** The metric a verb near the figure implies: the nearest to the left in the clause, else right after. */
function nearestVerb(tokens: readonly Token[], a: number, b: number, i: number, j: number): Metric | 'victims' | undefined {
  const right = (): Metric | 'victims' | undefined => {
    let depth = 0;
    for (let k = j, seen = 0; k < b && seen < 6; k++) {
      const t = tokens[k]!;
      // `64 adults (10 women and 54 men) were assisted`: look past the breakdown.
      if (t.t === '(') depth++;
      else if (t.t === ')') depth = Math.max(0, depth - 1);
      if (depth > 0 || t.t === ')') continue;
      seen++;
      if (t.t === ',' || t.t === ';' || t.l === 'and' || t.l === 'or') break;
      const m = verbMetric(t.l);
      if (m) return m;
    }
    return undefined;
  };
  // `28 were foreign national children ... were assisted`: a verb right after the phrase wins
  // when the figure opens its clause.
  const opens = i === a || tokens[i - 1]!.t === ',' || tokens[i - 1]!.t === ';'
    || (/^(those|these|them)$/.test(tokens[i - 1]!.l) && tokens[i - 2]?.l === 'of');
  if (opens) {
    const r = right();
    if (r) return r;
  }
  // Bounded: a verb more than 40 words back governs some other phrase.
  for (let k = i - 1; k >= a && k >= i - 40; k--) {
    const t = tokens[k]!;
    if (t.t === ';') break;
    if (k > a && isCapitalized(t)) continue; // `Criminal Investigations Department` is a name, not a verb
    const m = verbMetric(t.l);
    if (m) return m;
  }
  return right();
}

function verbMetric(l: string): Metric | 'victims' | undefined {
  for (const [re, m] of VERB_METRICS) if (re.test(l)) return m;
  return undefined;
}

/**
 * Parts of a breakdown take the metric of their total: `106 assisted ... 28 were foreign
 * national children (eight girls and 20 boys)`: the numbers inside the parentheses after a
 * figure count the same thing.
 */
function inheritBreakdowns(figs: LocalFigure[], from: number, text: string): void {
  for (let x = from; x < figs.length; x++) {
    const total = figs[x]!;
    if (total.unit) continue;
    let y = x + 1;
    // Parts sit inside `( ... )` right after the total's noun phrase.
    const afterTotal = boundedIndexOf(text, '(', total.e, 61);
    if (afterTotal === -1) continue;
    const close = boundedIndexOf(text, ')', afterTotal, 300);
    if (close === -1) continue;
    if (text.slice(total.e, afterTotal).includes(',')) continue;
    while (y < figs.length && figs[y]!.s < close) {
      const part = figs[y]!;
      if (part.s > afterTotal && !part.unit) {
        part.metric = total.metric;
        part.period = total.period;
      }
      y++;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Entities

/** Lower-case words after a name that make it an administrative area: `the Ashvin district`. */
const REGION_WORDS = /^(regions?|districts?|prefectures?|provinces?|departments?|governorates?|counties|county|oblasts?|municipality|municipalities)$/;

/** Capitalized words that follow `in`/`from` but are not places. */
const NOT_PLACE = /^(tier|persons|person|trafficking|combat|fight|victims|victim|human|beings|crime|crimes|violent|slavery|labor|labour|rights|justice|english|french|arabic|islamic|quranic|christian|muslim|god|parliament|government|court|law|article|decree|section|chapter|annex|part|phase|the|this|that|these|those|all|some|such|each|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|internet|facebook|whatsapp|telegram|instagram|tiktok|covid-19|covid|ebola|ramadan|christmas|prosecution|protection|prevention|profile|recommendations|summary|report|reports|state|states|national|federal|supreme|high|appeals|criminal|civil|labor|labour|penal|code|constitution|office|ministry|department|agency|committee|commission|council|police|brigade|unit|union|network|association|foundation|group|front|movement|forces|army|navy|i|ii|iii|iv|v)$/;

const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'de', 'des', 'du', 'la', 'le', 'les', 'to', 'on', 'against', 'in', 'et', "d'", 'al', 'el']);

const GOV = /^(ministry|ministries|academy|fund|coordinator|ombudsman|commissioner|police|gendarmerie|brigade|brigades|court|courts|tribunal|committee|commission|agency|directorate|office|department|council|parliament|assembly|prosecutor|prosecutors|unit|service|services|forces|army|navy|inspectorate|secretariat|rapporteur|authority|bureau|cell|presidency|senate|judiciary|government|cabinet|division|center|centre|institute|observatory|taskforce|gendarmes|guard|task|customs|immigration)$/;
const ARMED = /^(group|front|movement|mouvement|militia|militias|brigades|liberation|coalition|alliance|jihad|jama'at|mujahideen|rebels)$/;
const ORG = /^(association|network|federation|union|bar|chamber|confederation|syndicate|company|corporation|club|league|society|platform|consortium)$/;
const NGO = /^(foundation|trust|initiative|caritas|hope|aid|relief|help|helpline|charity)$/;

/** The type a name's words suggest, or undefined when they suggest none. */
export function classifyName(words: readonly string[]): EntityType | undefined {
  const lower = words.map((w) => fold(w));
  const joined = lower.join(' ');
  if (/\b(united nations|international organization|world bank|european union|african union)\b/.test(joined) || lower[0] === 'un') return 'international-organization';
  if (/\bred (cross|crescent)\b/.test(joined)) return 'ngo';
  if (/\bpublic prosecution\b/.test(joined)) return 'government-body';
  if (/\b(system|mechanism|programme|program)$/.test(joined) && !/\binternational\b/.test(joined)) return 'plan';
  if (/\b(self-defense|self-defence|armed group|liberation|jihad|islamic state|boko haram|al-shabaab|militia)\b/.test(joined)) return 'armed-group';
  if (/\b(armed forces|defense and security forces|defence and security forces|security forces)\b/.test(joined)) return 'government-body';
  if (/\b(protocol|convention)\b/.test(joined) && words.some((w) => /^(Protocol|Convention)$/.test(w))) return 'law';
  if (/\bnational (plan|action plan|strategy|policy)\b|\bplan of action\b|\baction plan\b|\bprotocol\b/.test(joined)) return 'plan';
  let type: EntityType | undefined;
  for (const w of lower) {
    if (GOV.test(w)) type ??= 'government-body';
    else if (ARMED.test(w)) type ??= 'armed-group';
    else if (ORG.test(w)) type ??= 'organization';
    else if (NGO.test(w)) type ??= 'ngo';
  }
  return type;
}

function scanEntities(text: string, tokens: readonly Token[], folded: readonly string[],
  ranges: ReadonlyArray<readonly [number, number]>): LocalEntity[] {
  const out: LocalEntity[] = [];
  const used = new Uint8Array(tokens.length);
  const sentenceStart = new Uint8Array(tokens.length);
  for (const [a] of ranges) sentenceStart[a] = 1;
  const g = gazetteer();

  const definitionAt = new Map<number, LocalEntity>();
  const push = (i: number, j: number, type: EntityType | undefined, extra?: Partial<LocalEntity>): LocalEntity => {
    let e = tokens[j - 1]!.e;
    // `Mali’s`: the possessive is not part of the name.
    const last = tokens[j - 1]!.t;
    if (/['’]s$/.test(last)) e -= 2;
    const s = tokens[i]!.s;
    const t = text.slice(s, e);
    const ent: LocalEntity = { s, e, text: t, key: fold(t), ...extra };
    if (type) ent.type = type;
    out.push(ent);
    for (let q = i; q < j; q++) used[q] = 1;
    return ent;
  };

  // 1. Acronym definitions: `Long Form (ACR)`.
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (tokens[i - 1]!.t !== '(' || tokens[i + 1]!.t !== ')' || !isAcronym(tokens[i]!)) continue;
    if (used[i] || tokens[i]!.t === 'FCFA' || tokens[i]!.t === 'CFAF') continue;
    if (isCode(tokens[i]!.t) && CURRENCY_WORDS[tokens[i - 2]?.l ?? '']) continue; // `dirhams (AED)`
    const long = longFormBefore(tokens, i - 1);
    if (!long) continue;
    let [ls, le] = long;
    // `2018-2022 National Plan of Action (NPA)`: the years belong to the name.
    ls = yearsBefore(tokens, ls);
    const words = tokens.slice(ls, le).filter((t) => t.k === Kind.Word).map((t) => t.t);
    const gz = g.match(folded, ls);
    const type = gz && gz.length === le - ls ? gz.type : classifyName(words) ?? lawOrPlan(tokens, ls, le);
    const acr = tokens[i]!;
    // `Safe Haven Lunaria (SHL), an NGO,`: the apposition says what it is.
    const apposition = tokens[i + 2]?.t === ',' ? appositiveType(tokens, i + 3) : undefined;
    definitionAt.set(acr.s, push(ls, le, apposition ?? type, { acronym: { s: acr.s, e: acr.e, text: acr.t } }));
    used[i] = 1;
  }

  // 2. Laws: `Law 2012-023 Relating to ...`, `Law No. 14 of 2015`, `2012 anti-trafficking law`, `Decree No. 5`.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    const lawWord = t.t === 'Law' || t.t === 'Decree' || t.t === 'Act' || t.t === 'Ordinance' || t.t === 'Code';
    if (lawWord && (idAfter(tokens, i + 1) > i + 1 || (i > 0 && isCapitalized(tokens[i - 1]!) && !used[i - 1]))) {
      let j = idAfter(tokens, i + 1);
      // `Domestic Workers Law No. 9`, `Ministerial Decree No. 212`, `Labor Law of 1996`
      let st = i;
      for (;;) {
        const p = tokens[st - 1];
        if (!p || used[st - 1] || i - st >= 12) break;
        if (isCapitalized(p) && !isAcronym(p) && !/^(the|in|under|during|a|an|this|its)$/i.test(p.t)) st--;
        // `Prevention of Human Trafficking Act`, `Bonded Labour System (Abolition) Act`
        else if (/^(of|on|against|for|and)$/.test(p.l) && tokens[st - 2] && isCapitalized(tokens[st - 2]!) && st < i) st--;
        else if (p.t === ')' && tokens[st - 2] && isCapitalized(tokens[st - 2]!) && tokens[st - 3]?.t === '(') st -= 3;
        else break;
      }
      if (tokens[st]?.l === 'of' || tokens[st]?.l === 'and') st++;
      if (st === i && j === i + 1) continue;
      st = yearsBefore(tokens, st);
      // `of 2015`, `, 2011`
      if (tokens[j]?.l === 'of' && isYearToken(tokens[j + 1])) j += 2;
      else if (tokens[j]?.t === ',' && isYearToken(tokens[j + 1]) && t.t === 'Act') j += 2;
      // A title in capitals: `Relating to the Combat against Trafficking in Persons and Similar Practices`, `on ...`
      j = titleAfter(tokens, j);
      push(st, j, 'law');
      i = j - 1;
      continue;
    }
    // `2012 anti-trafficking law`, `2012 law`, `2015 Penal Code`
    if (isYearToken(t)) {
      let j = i + 1;
      while (j < tokens.length && j < i + 4 && tokens[j]!.k === Kind.Word && /^(anti-trafficking|trafficking|labor|labour|penal|criminal|child|protection|amended|new|revised|domestic|worker|workers|migration|code|law|act)$/i.test(tokens[j]!.l) && !/^(law|act|code)$/.test(tokens[j]!.l)) j++;
      if (j < tokens.length && /^(law|act|code)$/.test(tokens[j]!.l)) {
        push(i, j + 1, 'law');
        i = j;
        continue;
      }
      // `2013 inter-ministerial protocol`, `2018-2022 National Plan of Action`
    }
  }

  // 2b. Codes in lower case: `the penal code`, `the labor code`.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (used[i] || used[i + 1]) continue;
    if (/^(penal|criminal|labor|labour|child|family|civil)$/.test(tokens[i]!.l) && tokens[i + 1]!.l === 'code') {
      const ys = yearsBefore(tokens, i);
      push(ys, i + 2, 'law');
      i++;
    }
  }

  // 2c. `the NGO Maison Espoir`: a name right after the word NGO is an NGO's.
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.t !== 'NGO' || used[i + 1] || !isCapitalized(tokens[i + 1]!) || isAcronym(tokens[i + 1]!)) continue;
    let j = properChunkEnd(tokens, i + 1, used);
    for (let q = i + 2; q < j; q++) if (/^(in|to|on|against|for|and)$/.test(tokens[q]!.l)) j = Math.min(j, q);
    if (j > i + 1) {
      push(i + 1, j, 'ngo');
      used[i] = 1;
    }
  }

  // 3. Plans: `2018-2022 National Plan of Action (NPA) to Combat ...`, `2013 inter-ministerial protocol`, `National Action Plan`.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    let j = i;
    if (isYearToken(t)) {
      j = i + 1;
      if (tokens[j]?.t === '-' && isYearToken(tokens[j + 1])) j += 2;
    }
    let k = j;
    while (k < tokens.length && k < j + 6 && tokens[k]!.k === Kind.Word && !used[k] && (isCapitalized(tokens[k]!) || /^(inter-ministerial|interministerial|national|action|of|anti-trafficking)$/.test(tokens[k]!.l))) {
      if (/^(plan|protocol|strategy|policy|roadmap)$/.test(tokens[k]!.l)) break;
      k++;
    }
    const head = tokens[k];
    if (!head || used[k] || !/^(plan|protocol|strategy|roadmap)$/.test(head.l)) continue;
    if (k === j && j === i) continue; // a bare `plan`
    const named = j > i || tokens.slice(j, k).some((x) => isCapitalized(x) && x.l !== 'the');
    if (!named) continue;
    let end = k + 1;
    if (isCapitalized(head) && tokens[end]?.l === 'of' && tokens[end + 1]?.l === 'action') end += 2;
    // `(NPA) to Combat Trafficking in Persons`
    const defStart = end;
    if (tokens[end]?.t === '(' && isAcronym(tokens[end + 1] ?? tokens[end]!) && tokens[end + 2]?.t === ')') end += 3;
    if (tokens[end]?.l === 'to' || tokens[end]?.l === 'for' || tokens[end]?.l === 'against' || tokens[end]?.l === 'on') {
      const te = titleAfter(tokens, end + 1);
      if (te > end + 1) end = te;
      else end = end === defStart ? defStart : end;
    }
    const hadAcr = end > defStart && tokens[defStart]?.t === '(';
    if (hadAcr) {
      // The definition was already read in pass 1 for the long form; extend that mention instead.
      const prior = definitionAt.get(tokens[defStart + 1]!.s);
      if (prior) {
        prior.s = tokens[i]!.s;
        prior.e = tokens[end - 1]!.e;
        prior.text = text.slice(prior.s, prior.e);
        prior.type = 'plan';
        for (let q = i; q < end; q++) used[q] = 1;
        i = end - 1;
        continue;
      }
    }
    // `the 2000 UN TIP Protocol` is an international instrument (a law), a `protocol` of a ministry a plan.
    push(i, end, classifyName(tokens.slice(i, end).map((x) => x.t)) === 'law' ? 'law' : 'plan');
    i = end - 1;
  }

  // 4. Gazetteer: countries, regions, cities, nationalities, international organizations.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || tokens[i]!.k !== Kind.Word || !isCapitalized(tokens[i]!)) continue;
    const hit = g.match(folded, i);
    if (!hit) continue;
    // `Gao region`, `Kayes Region`: the word `region` names a region.
    let type = hit.type;
    if ((type === 'city' || type === 'country') && /^regions?$/.test(tokens[i + hit.length]?.l ?? '') && hit.type === 'city') type = 'region';
    // Part of a longer proper name (`Malian Bar Association`) is not a mention of its own.
    // `Western Balkans`, `Porto Lumen`, `Costa Verde`: a known word inside a longer name.
    const before = tokens[i - 1];
    const after = tokens[i + hit.length];
    if (before && before.k === Kind.Word && isCapitalized(before) && !sentenceStart[i - 1] && !used[i - 1] && !isAcronym(before)
      && !/['’]s$/.test(before.t) && hit.type !== 'nationality' && !g.match(folded, i - 1)) continue;
    if (after && after.sp && isCapitalized(after) && !isAcronym(after) && (hit.type === 'city' || hit.type === 'region') && !classifyName([after.t]) && !g.match(folded, i + hit.length) && !MONTHS[after.l]) continue;
    const possessive = /['’]s$/.test(tokens[i + hit.length - 1]!.t);
    const chunkEnd = possessive ? i : properChunkEnd(tokens, i, used);
    if (chunkEnd > i + hit.length && classifyName(tokens.slice(i, chunkEnd).map((t) => t.t))) continue;
    push(i, i + hit.length, type);
    i += hit.length - 1;
  }

  // 4b. Places the gazetteer does not know, by their use: `in Kangaba and Bamako`, `the salt
  // mines of Taoudeni`, `the Costa Verde region`, `the Sankoro and Dira regions`. One to three
  // capitalized words after a preposition of place or before `region`, not at a sentence
  // start, not inside a longer title, not a known word of another kind.
  const placeEnds = new Set<number>();
  for (const x of out) if (x.type === 'city' || x.type === 'region' || x.type === 'country') placeEnds.add(x.e);
  const placeAt = (k: number): boolean => tokens[k] !== undefined && placeEnds.has(tokens[k]!.e);
  for (let i = 1; i < tokens.length; i++) {
    if (used[i] || sentenceStart[i]) continue;
    const t = tokens[i]!;
    if (!isCapitalized(t) || isAcronym(t) || t.t.length < 3 || /['’]/.test(t.t)) continue;
    let end = i + 1;
    while (end < tokens.length && end < i + 3 && !used[end] && isCapitalized(tokens[end]!) && !isAcronym(tokens[end]!) && tokens[end]!.sp && !/['’]/.test(tokens[end]!.t)) end++;
    const next = tokens[end];
    if (next && isCapitalized(next) && next.sp) continue; // a longer name, not a place
    const prev = tokens[i - 1]!;
    // `Victims of Violent Crime`: after a capitalized word and a preposition it is part of a title.
    if (tokens[i - 2] && isCapitalized(tokens[i - 2]!) && !sentenceStart[i - 2] && CONNECTORS.has(prev.l) && prev.l !== 'and' && !placeAt(i - 2)) continue;
    const regionWord = REGION_WORDS.test(next?.l ?? '') && !isCapitalized(next!);
    const listed = (prev.l === 'and' && (placeAt(i - 2) || (tokens[i - 2]?.t === ',' && placeAt(i - 3)))) || (prev.t === ',' && placeAt(i - 2));
    const placePrep = /^(in|from|near|to|of|at|around|across|throughout|between|outside|within|inside)$/.test(prev.l) || listed;
    const pairRegion = end === i + 1 && next?.l === 'and' && isCapitalized(tokens[i + 2] ?? next) && REGION_WORDS.test(tokens[i + 3]?.l ?? '') && /s$/.test(tokens[i + 3]!.l);
    if (!regionWord && !placePrep && !pairRegion) continue;
    const words = tokens.slice(i, end).map((x) => x.t);
    if (words.some((w) => NOT_PLACE.test(w.toLowerCase()) || isDemonym(w.toLowerCase()) || MONTHS[w.toLowerCase()] || wordValue(w.toLowerCase()) !== undefined)) continue;
    if (classifyName(words)) continue;
    if (/^(ethnicity|ethnic|community|communities|people|peoples|language|languages|tribe|tribes|origin|descent|workers|nationals|countries|authorities|government)$/.test(next?.l ?? '')) continue;
    if (end === i + 1) {
      if (/(ic|ist|ism|ian|ese|ans|ity|ment|tion|ness)$/.test(t.l)) continue;
      if (t.t.includes('-') && !/^[\p{Lu}][\p{L}]*(-[\p{Lu}][\p{L}]*)+$/u.test(t.t)) continue;
    }
    // `the Bala-Bala militias`: a name before a word for armed men is an armed group's.
    if (/^(militias?|rebels|fighters)$/.test(next?.l ?? '') && !isCapitalized(next!)) {
      push(i, end, 'armed-group');
      continue;
    }
    // `Tarsa Province` (a capitalized administrative word ends the run) is a region too.
    const adminLast = /^(Province|Region|District|Prefecture|Governorate|County|State|Department|Oblast)$/.test(tokens[end - 1]!.t);
    push(i, end, regionWord || pairRegion || adminLast ? 'region' : 'city');
    placeEnds.add(tokens[end - 1]!.e);
    i = end - 1;
  }

  // 5. Proper names with an organization word: `Brigade de Moeurs`, `National Police`, `Court of Assizes`.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || !isCapitalized(tokens[i]!) || isAcronym(tokens[i]!)) continue;
    let j = properChunkEnd(tokens, i, used);
    if (j === i) continue;
    let s = i;
    // `Nigeria’s National Agency`: a possessive is the owner, not part of the name.
    for (let q = i; q < j - 1; q++) if (/['’]s$/.test(tokens[q]!.t)) s = q + 1;
    // Leading function words capitalized at a sentence start: `The Brigade`, `During`, `In`.
    while (s < j && (sentenceStart[s] || tokens[s]!.l === 'the') && /^(the|in|during|under|with|as|however|for|and|a|an|its|this)$/.test(tokens[s]!.l)) s++;
    // `Give the Cyber Crimes Division` (recommendations run together): a verb, then `the`.
    if (sentenceStart[s] && tokens[s + 1]?.l === 'the' && s + 2 < j) s += 2;
    // `Secretary of the Ministry of Home Affairs`: the person's title is not the body's name.
    if (/^(secretary|minister|director|head|chairman|chairperson|chair|president|deputy|commissioner|governor|mayor|members?)$/.test(tokens[s]?.l ?? '')
      && tokens[s + 1]?.l === 'of' && s + 2 < j) s += tokens[s + 2]?.l === 'the' ? 3 : 2;
    if (s >= j) continue;
    // Split `X of the Y` when both sides are names of their own: `Brigade de Moeurs of the National Police`.
    const parts = splitChunk(tokens, s, j);
    for (const [ps, pe] of parts) {
      const words = tokens.slice(ps, pe).map((t) => t.t);
      if (pe - ps === 1 && isAcronym(tokens[ps]!)) continue;
      const last = words[words.length - 1]!;
      // `Northern Savanna Province`, `Kayes Region`: an administrative area.
      if (pe - ps > 1 && /^(Province|Region|District|Governorate|County|Prefecture|Oblast|Emirate)$/.test(last)) {
        push(ps, pe, 'region');
        continue;
      }
      const type = classifyName(words);
      if (!type || type === 'plan') continue;
      if (pe - ps === 1 && classifyName(words) && (GOV.test(fold(words[0]!)) || ARMED.test(fold(words[0]!)) || ORG.test(fold(words[0]!)) || NGO.test(fold(words[0]!)) || /s$/.test(words[0]!))) continue;
      if (/^(government)$/i.test(words[0]!) && words.length > 1) continue; // `Government of Mali` is the government, not a name
      push(ps, pe, type);
    }
    i = j - 1;
  }

  // 6. Bare acronyms: typed by the document-level pass from their definitions. `MFEF’s` too.
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    let t = tokens[i]!;
    if (/['’]s$/.test(t.t) && t.k === Kind.Word) {
      const bare = t.t.slice(0, -2);
      t = { ...t, t: bare, l: bare.toLowerCase(), e: t.e - 2 };
    }
    if (!isAcronym(t)) continue;
    const ys = yearsBefore(tokens, i);
    if (ys < i) {
      // `the 2018-2022 NPA`
      const s0 = tokens[ys]!.s;
      out.push({ s: s0, e: t.e, text: text.slice(s0, t.e), key: fold(t.t), bareAcronym: true, acronymText: t.t } as LocalEntity);
      continue;
    }
    const plural = /[a-z]s$|[A-Z]s$/.test(t.t) && t.t.endsWith('s') && t.t.length > 2 ? t.t.slice(0, -1) : t.t;
    const hit = g.match([fold(plural)], 0);
    const ent: LocalEntity = { s: t.s, e: t.e, text: t.t, key: fold(t.t), bareAcronym: true };
    if (hit) ent.type = hit.type;
    out.push(ent);
  }
  out.sort((x, y) => x.s - y.s);
  return out;
}

/** Extends a name start back over `2018-2022 ` or `2013 `. */
function yearsBefore(tokens: readonly Token[], ls: number): number {
  if (isYearToken(tokens[ls - 1]) && tokens[ls - 2]?.t === '-' && !tokens[ls - 2]!.sp && isYearToken(tokens[ls - 3])) return ls - 3;
  if (isYearToken(tokens[ls - 1])) return ls - 1;
  return ls;
}

/** `an NGO`, `a non-governmental organization`, `an international organization`, `a non-state armed group`. */
function appositiveType(tokens: readonly Token[], k: number): EntityType | undefined {
  const w = (d: number): string => tokens[k + d]?.l ?? '';
  if (w(0) !== 'a' && w(0) !== 'an') return undefined;
  if (tokens[k + 1]?.t === 'NGO' || (w(1) === 'non-governmental' && w(2) === 'organization')) return 'ngo';
  if (w(1) === 'international' && w(2) === 'organization') return 'international-organization';
  if ((w(1) === 'non-state' || w(1) === 'non-governmental' || w(1) === 'rebel') && (w(2) === 'armed' || w(2) === 'group')) return 'armed-group';
  if (w(1) === 'armed' && w(2) === 'group') return 'armed-group';
  return undefined;
}

function lawOrPlan(tokens: readonly Token[], s: number, e: number): EntityType | undefined {
  const words = tokens.slice(s, e).map((t) => t.l);
  if (words.includes('law') || words.includes('code') || words.includes('decree') || words.includes('act')) return 'law';
  if (words.includes('plan') || words.includes('strategy') || words.includes('protocol')) return 'plan';
  return undefined;
}

/** The end of an identifier after `Law`: `2012-023`, `No. 14`, `No. 2019-0411`, `14/2015`. */
function idAfter(tokens: readonly Token[], i: number): number {
  let k = i;
  if (tokens[k]?.l === 'no' || tokens[k]?.l === 'number') {
    k++;
    if (tokens[k]?.t === '.') k++;
  }
  if (tokens[k]?.k !== Kind.Number) return i;
  k++;
  while ((tokens[k]?.t === '-' || tokens[k]?.t === '/' || tokens[k]?.t === '.') && !tokens[k]!.sp && tokens[k + 1]?.k === Kind.Number && !tokens[k + 1]!.sp) k += 2;
  return k;
}

/** A capitalized title after a law or plan: `Relating to the Combat against Trafficking in Persons`. */
function titleAfter(tokens: readonly Token[], j: number): number {
  let k = j;
  let end = j;
  const first = tokens[k];
  if (!first || !(isCapitalized(first) || first.l === 'on' || first.l === 'relating')) return j;
  // Titles are short: a run of more than 24 words is not one title.
  while (k < tokens.length && k < j + 24 && tokens[k]!.k === Kind.Word && (isCapitalized(tokens[k]!) || CONNECTORS.has(tokens[k]!.l) || tokens[k]!.l === 'relating')) {
    if (isCapitalized(tokens[k]!)) end = k + 1;
    k++;
  }
  return end;
}

/** The end of a run of capitalized words joined by connectors, from i (exclusive end; i when none). */
function properChunkEnd(tokens: readonly Token[], i: number, used: Uint8Array): number {
  let k = i;
  let end = i;
  // Names are short: a run of more than 24 tokens is not one name.
  while (k < tokens.length && !used[k] && k < i + 24) {
    const t = tokens[k]!;
    if (t.k === Kind.Word && isCapitalized(t)) {
      end = k + 1;
      k++;
      continue;
    }
    if (t.k === Kind.Word && CONNECTORS.has(t.l) && k > i) {
      k++;
      continue;
    }
    // `Women, Children, and the Family`: a comma inside a name continues with a capital or `and`.
    if (t.t === ',' && k > i && tokens[k + 1] && (isCapitalized(tokens[k + 1]!) || tokens[k + 1]!.l === 'and') && /^(ministry|ministries|department|office|commission|council|committee)/i.test(tokens[i]!.t)) {
      k++;
      continue;
    }
    break;
  }
  return end;
}

function splitChunk(tokens: readonly Token[], s: number, e: number): Array<[number, number]> {
  for (let k = s + 1; k < e - 1; k++) {
    // `Specialized Judiciary Brigade and Specialized Investigative Brigade`: two names.
    if (tokens[k]!.l === 'and') {
      const left = tokens.slice(s, k).map((t) => fold(t.t));
      const right = tokens.slice(k + 1, e).map((t) => t.t);
      const head = left[left.length - 1]!;
      if ((GOV.test(head) || ORG.test(head) || ARMED.test(head)) && classifyName(right)) return [[s, k], ...splitChunk(tokens, k + 1, e)];
    }
  }
  for (let k = s + 1; k < e - 2; k++) {
    if (tokens[k]!.l === 'of' && tokens[k + 1]!.l === 'the') {
      const left = tokens.slice(s, k).map((t) => t.t);
      const right = tokens.slice(k + 2, e).map((t) => t.t);
      if (classifyName(left) && classifyName(right) && !/^(ministry|minister|department|office|directorate|commission)$/i.test(left[0]!)) {
        return [[s, k], ...splitChunk(tokens, k + 2, e)];
      }
    }
  }
  return [[s, e]];
}

/** `national referral mechanism (NRM)`: a lower-case long form whose initials spell the acronym. */
function initialsBefore(tokens: readonly Token[], open: number): [number, number] | undefined {
  const acr = tokens[open + 1]?.t ?? '';
  const letters = acr.replace(/s$/, '');
  if (letters.length < 2 || letters.length > 6) return undefined;
  const start = open - letters.length;
  if (start < 0) return undefined;
  for (let q = 0; q < letters.length; q++) {
    const t = tokens[start + q]!;
    if (t.k !== Kind.Word || t.t.charAt(0).toUpperCase() !== letters.charAt(q).toUpperCase()) return undefined;
  }
  return [start, open];
}

/**
 * The long form before `(ACR)`: back over capitalized words, connectors and the lower-case
 * words of a noun phrase (`Malian armed forces`), to a determiner or verb.
 */
function longFormBefore(tokens: readonly Token[], openAt: number): [number, number] | undefined {
  // `the Prevention of Human Trafficking Act, 2011 (PHTA)`: the year belongs to the title.
  const open = tokens[openAt - 1] && isYearToken(tokens[openAt - 1]) && tokens[openAt - 2]?.t === ',' ? openAt - 2 : openAt;
  let k = open - 1;
  let start = open;
  let caps = 0;
  let lowerRun = 0;
  while (k >= 0 && open - k <= 16) {
    const t = tokens[k]!;
    if (t.k === Kind.Word && isCapitalized(t)) {
      start = k;
      caps++;
      lowerRun = 0;
    } else if (t.k === Kind.Word && (t.l === 'the' || t.l === 'and') && k > 0 && (CONNECTORS.has(tokens[k - 1]!.l) || tokens[k - 1]!.t === ',')) {
      // `for the Advancement`, `and the Family`
    } else if (t.k === Kind.Word && CONNECTORS.has(t.l) && t.l !== 'the') {
      // keep going
    } else if (t.t === ',' && k > 0 && isCapitalized(tokens[k - 1]!) && tokens[k + 1] && (isCapitalized(tokens[k + 1]!) || tokens[k + 1]!.l === 'and')) {
      // a comma inside a name
    } else if (t.k === Kind.Word && caps === 0 && lowerRun < 3 && !/^(the|a|an|its|their|his|her|with|by|to|of|from|as|is|was|were|are|called|named|known)$/.test(t.l)) {
      lowerRun++;
      start = k;
    } else if (t.k === Kind.Word && caps > 0 && /^(des|de|du|la|le|les|pour|et|del|dos|da|di)$/.test(tokens[k - 1]?.l ?? '')) {
      // `Mouvement des patriotes du Nord`: lower-case words of a French or Spanish name
    } else if (t.k === Kind.Word && caps > 0 && lowerRun === 0 && /^(armed|security|defense|police|national|forces)$/.test(t.l) === false) {
      break;
    } else break;
    k--;
  }
  if (start === open || caps === 0) return initialsBefore(tokens, openAt);
  // Trim leading connectors, an owner (`PNL's`) and a sentence-initial `Members of the`.
  for (let q = start; q < open - 1; q++) if (/['’]s$/.test(tokens[q]!.t)) start = q + 1;
  if (tokens[start + 1]?.l === 'of' && /^(members|member|part|some|most|many|leaders|leader|head|heads|officials|units?|elements|fighters)$/.test(tokens[start]!.l)) start += 2;
  while (start < open && CONNECTORS.has(tokens[start]!.l)) start++;
  if (start >= open || !isCapitalized(tokens[start]!)) return initialsBefore(tokens, openAt);
  return [start, openAt];
}
