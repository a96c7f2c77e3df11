/**
 * The pipeline: reads one paragraph by running the recognizers of `recognizers/` over each of
 * its sentences in the order {@link SENTENCE_PIPELINE} declares, then the paragraph-level pass
 * over its figures. It owns the two caches: a paragraph's result by its text (with its section
 * and the document's currency codes), and a sentence's by its text, so an edit re-reads one
 * sentence (see analyze.ts).
 */
import { fold } from './gazetteer';
import type { SectionKind } from './model';
import { scanDates } from './recognizers/dates/rules';
import type { LocalDate } from './recognizers/dates/types';
import { scanEntities } from './recognizers/entities/rules';
import type { LocalEntity } from './recognizers/entities/types';
import { inheritListItems, inheritReferences, inheritVictimParts } from './recognizers/figures/references';
import { SentenceFacts } from './recognizers/figures/metric';
import { scanFigures } from './recognizers/figures/rules';
import type { LocalFigure } from './recognizers/figures/types';
import { documentCodesKey, paragraphCodes, withDocumentCodes } from './recognizers/money/currency';
import { scanMoney } from './recognizers/money/rules';
import type { LocalMoney } from './recognizers/money/types';
import { periodAt, periodMarks, type PeriodMarks } from './recognizers/periods/rules';
import { sentenceRanges } from './sentences';
import type { Block } from './structure';
import { tokenize, type Token } from './tokens';

export type { LocalAmount, LocalMoney } from './recognizers/money/types';
export type { LocalDate, LocalEntity, LocalFigure };

export interface ParagraphResult {
  readonly sentences: ReadonlyArray<readonly [number, number]>;
  readonly figures: readonly LocalFigure[];
  readonly money: readonly LocalMoney[];
  readonly dates: readonly LocalDate[];
  readonly entities: readonly LocalEntity[];
}

/** What one sentence holds, with offsets relative to the sentence: cached by its text. */
export interface SentenceResult {
  readonly figures: readonly LocalFigure[];
  readonly money: readonly LocalMoney[];
  readonly dates: readonly LocalDate[];
  readonly entities: readonly LocalEntity[];
}

// ---------------------------------------------------------------------------------------
// The recognizers, in order

/** One sentence as the recognizers see it. */
interface SentenceDoc {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly section: SectionKind;
  /** Tokens a recognizer has claimed: the ones after it skip them. */
  readonly consumed: Uint8Array;
  /** The period each token is in (../recognizers/periods), read before the recognizers run. */
  readonly periods: PeriodMarks;
}

interface SentenceOut {
  figures: LocalFigure[];
  money: LocalMoney[];
  dates: LocalDate[];
  entities: LocalEntity[];
}

/**
 * The order matters: money claims its numbers first (`500,000 ... francs` is an amount, not a
 * count), then dates claim years and days of the month, then figures read what is left;
 * entities read the whole sentence.
 */
const SENTENCE_PIPELINE: ReadonlyArray<readonly [string, (doc: SentenceDoc, out: SentenceOut) => void]> = [
  ['money', (d, out) => scanMoney(d.text, d.tokens, 0, d.tokens.length, d.consumed, out.money, 0, (i) => periodAt(d.periods, i, d.section))],
  ['dates', (d, out) => scanDates(d.text, d.tokens, 0, d.tokens.length, d.consumed, out.dates)],
  ['figures', (d, out) => scanFigures(d.text, d.tokens, 0, d.tokens.length, d.consumed, out.figures, 0, new SentenceFacts(d.text), d.section, d.periods)],
  ['entities', (d, out) => {
    // Most tokens are plain ASCII words: their lower case is their folded form.
    const folded = d.tokens.map((t) => (/^[\x20-\x26\x28-\x7e]*$/.test(t.t) ? t.l : fold(t.t).replace(/'s$/, '')));
    out.entities = scanEntities(d.text, d.tokens, folded, [[0, d.tokens.length]]);
  }],
];

/** One sentence on its own: its offsets start at 0 and its sentence index is 0. */
function readSentence(text: string, section: SectionKind): SentenceResult {
  const tokens = tokenize(text);
  const out: SentenceOut = { figures: [], money: [], dates: [], entities: [] };
  if (tokens.length === 0) return out;
  const doc: SentenceDoc = { text, tokens, section, consumed: new Uint8Array(tokens.length), periods: periodMarks(tokens, text) };
  for (const [, recognize] of SENTENCE_PIPELINE) recognize(doc, out);
  return out;
}

// ---------------------------------------------------------------------------------------
// A paragraph: its sentences, each cached

/**
 * Reads one paragraph. Each sentence is read on its own and cached by its text (with the
 * section and the document's currency codes), so an edit re-reads one sentence; then the
 * paragraph ties its sentences together (`Of those 106 assisted, 28 ...` takes its metric
 * from a figure of an earlier sentence).
 */
export function analyzeParagraph(text: string, section: SectionKind, codes?: ReadonlySet<string>,
  sentenceCache?: Map<string, SentenceResult>): ParagraphResult {
  return withDocumentCodes(codes, () => read(text, section, sentenceCache));
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
  const prefix = section + '\u0000' + documentCodesKey() + '\u0000';

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
  // The paragraph-level pass: figures that refer to a figure of an earlier sentence.
  for (let si = 0; si < ranges.length; si++) {
    const from = firstFigure[si]!;
    const to = si + 1 < ranges.length ? firstFigure[si + 1]! : figures.length;
    if (to > from) inheritReferences(tokens, figures, from, to, tokenAt);
  }
  inheritVictimParts(figures, text);
  inheritListItems(figures, text);
  return { sentences, figures, money, dates, entities };
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
// The caches

/** The caches an analysis reads from and fills: paragraphs, and sentences within them. */
export interface Caches {
  /** By paragraph text: what it was read with (section, currency codes), the result, and the codes it defines. */
  readonly paragraphs: Map<string, ParagraphEntry>;
  readonly sentences: Map<string, SentenceResult>;
}

export interface ParagraphEntry {
  readonly context: string;
  readonly result: ParagraphResult;
  readonly codes: readonly string[];
}

export interface DocumentCodes {
  readonly set: ReadonlySet<string>;
  /** The codes in a stable order: part of the paragraph cache's key. */
  readonly key: string;
}

/**
 * One cache lookup per paragraph (a paragraph's text is hashed and compared once): the entry
 * gives the codes it defines now and its result later.
 */
export function cachedEntries(bs: readonly Block[], cache: Caches | undefined): Array<ParagraphEntry | undefined> {
  return bs.map((b) => (b.role === 'paragraph' ? cache?.paragraphs.get(b.text) : undefined));
}

/** Currency codes a report defines for itself: `Karsolian rupees (KSR)`, then `KSR 50,000`. */
export function documentCodes(bs: readonly Block[], entries: ReadonlyArray<ParagraphEntry | undefined>): DocumentCodes {
  const set = new Set<string>();
  bs.forEach((b, i) => {
    if (b.role !== 'paragraph') return;
    for (const c of entries[i]?.codes ?? paragraphCodes(b.text)) set.add(c);
  });
  return { set, key: [...set].sort().join(',') };
}

/** A paragraph's result: from the cache when it was read with the same section and codes, else read now. */
export function readParagraph(text: string, section: SectionKind, codes: DocumentCodes, cache: Caches | undefined,
  hit: ParagraphEntry | undefined): ParagraphResult {
  // Keyed by the text alone (no long concatenated key to hash); the entry says what else it was read with.
  const context = section + '\u0000' + codes.key;
  if (hit && hit.context === context) return hit.result;
  const r = analyzeParagraph(text, section, codes.set, cache?.sentences);
  cache?.paragraphs.set(text, { context, result: r, codes: hit?.codes ?? paragraphCodes(text) });
  return r;
}

/**
 * Caches for one analysis that read from `old` and record in the second what the analysis
 * used, so the caller can keep only that (the caches never outgrow the document).
 */
export function trackingCaches(old: Caches): [Caches, Caches] {
  const used: Caches = { paragraphs: new Map(), sentences: new Map() };
  const cache: Caches = {
    paragraphs: new TrackingCache(old.paragraphs, used.paragraphs) as unknown as Caches['paragraphs'],
    sentences: new TrackingCache(old.sentences, used.sentences) as unknown as Map<string, SentenceResult>,
  };
  return [cache, used];
}

/** A Map facade that reads from the old cache and records what this analysis used. */
class TrackingCache<V> {
  constructor(private readonly old: Map<string, V>, private readonly used: Map<string, V>) {}
  get(key: string): V | undefined {
    // The old cache first: nearly every key is there, and a key asked twice is rare.
    const v = this.old.get(key);
    if (v === undefined) return this.used.get(key);
    this.used.set(key, v);
    return v;
  }
  set(key: string, value: V): this {
    this.used.set(key, value);
    return this;
  }
}
