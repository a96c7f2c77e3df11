/**
 * `analyze(text)`: the model of a report. Paragraphs are read on their own (pipeline.ts)
 * and cached by their text and section, so after an edit inside one paragraph only that
 * paragraph is read again; then one cheap pass over the whole puts offsets, sections,
 * entities and currencies together.
 */
import { yieldTurn } from './yieldTurn';
import { fold, gazetteer } from './gazetteer';
import { countriesUsing, countryName, currencyInfo } from './currencies';
import { impliedRate } from './currency';
import { settleCurrency } from './recognizers/money/currency';
import type {
  Analysis, DateMention, Entity, EntityType, Figure, Mention, Meta, Money, NarrativeInfo, Paragraph, Section,
  SectionKind, Sentence, TierStatement,
} from './model';
import {
  cachedEntries, type Caches, documentCodes, type DocumentCodes, type LocalAmount, type LocalEntity, type ParagraphEntry,
  readParagraph, trackingCaches,
} from './pipeline';
import { blocks, type Block, parseTier, parseTierLine, parseTitle, titleCase } from './structure';

export type { Caches } from './pipeline';

export interface AnalyzeOptions {
  /** Caches shared between calls (see {@link Analyzer}). */
  readonly cache?: Caches;
  /**
   * The country of a fragment: a piece of a narrative without its title (one section pasted
   * alone), from a setting, a CLI flag or the file name. A title in the text wins.
   */
  readonly country?: string;
  /** The report year of such a fragment. A title in the text wins. */
  readonly year?: number;
}

/**
 * A fragment's country and year from its file name: `cameroon-2017-prosecution.txt`,
 * `Trinidad and Tobago 2019.txt`, `hong_kong_2021.md`. The country is the words before the year
 * when they name a country (CLDR's names and the narratives' own: `Burma`, `the Gambia`).
 */
export function fragmentFromFileName(name: string): Fragment {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = base.split(/[\s_-]+/).filter(Boolean);
  const at = words.findIndex((w) => /^(?:19|20)\d{2}$/.test(w));
  const out: { country?: string; year?: number } = {};
  if (at >= 0) out.year = Number(words[at]);
  const before = (at >= 0 ? words.slice(0, at) : words).join(' ');
  const country = before ? countryName(before) : undefined;
  if (country) out.country = titleCase(country);
  return out;
}

/** The country and year a fragment's options give, for the narrative the text opens with. */
type Fragment = Pick<AnalyzeOptions, 'country' | 'year'>;

/** Reads the whole text. Never throws: a text it cannot read gives an empty model. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  try {
    const steps = build(text, options.cache, options);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  } catch {
    return empty(text.length);
  }
}

export interface AsyncOptions extends AnalyzeOptions {
  /** Stops the analysis: the promise then resolves to undefined. */
  readonly signal?: AbortSignal;
  /** The longest the caller's thread is held between two yields, in ms (default 8). */
  readonly sliceMs?: number;
}

/**
 * The same analysis, in slices that give the event loop back every `sliceMs`, so a
 * multi-megabyte report never blocks the caller (the extension host, a UI). Resolves to
 * undefined when `signal` aborts; never rejects.
 */
export async function analyzeAsync(text: string, options: AsyncOptions = {}): Promise<Analysis | undefined> {
  const slice = options.sliceMs ?? 8;
  try {
    const steps = build(text, options.cache, options);
    let since = performance.now();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (performance.now() - since >= slice) {
        await yieldTurn();
        if (options.signal?.aborted) return undefined;
        since = performance.now();
      }
    }
  } catch {
    return options.signal?.aborted ? undefined : empty(text.length);
  }
}

/**
 * Keeps the caches between analyses of successive versions of one document, so re-analysis
 * after an edit inside a paragraph re-reads one sentence. Entries the latest analysis did not
 * use are dropped, so the caches never outgrow the document.
 */
export class Analyzer {
  private caches: Caches = { paragraphs: new Map(), sentences: new Map() };

  analyze(text: string, options: Omit<AnalyzeOptions, 'cache'> = {}): Analysis {
    const [cache, used] = this.tracking();
    const result = analyze(text, { ...options, cache });
    this.caches = used;
    return result;
  }

  /** As {@link analyzeAsync}; an aborted run leaves the caches as they were. */
  async analyzeAsync(text: string, options: Omit<AsyncOptions, 'cache'> = {}): Promise<Analysis | undefined> {
    const [cache, used] = this.tracking();
    const result = await analyzeAsync(text, { ...options, cache });
    if (result) this.caches = used;
    return result;
  }

  private tracking(): [Caches, Caches] {
    return trackingCaches(this.caches);
  }
}

export function empty(length: number): Analysis {
  return {
    version: 1, length, meta: {}, narratives: [], sections: [], paragraphs: [], sentences: [], entities: [],
    figures: [], money: [], dates: [],
  };
}

interface Draft {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  figures: Figure[];
  money: Money[];
  dates: DateMention[];
  narratives: NarrativeInfo[];
  text: string;
  blocks: Block[];
  localEntities: LocalEntity[];
}

/** The analysis as steps: one per block of text, so a driver can pause between them. */
function* build(text: string, cache: Caches | undefined, fragment: Fragment = {}): Generator<void, Analysis> {
  const d: Draft = { text, blocks: [], sections: [], paragraphs: [], sentences: [], figures: [], money: [], dates: [], narratives: [], localEntities: [] };
  let section: SectionKind = 'summary';
  let sectionStart = 0;
  let heading = '';
  let headingSpan: { start: number; end: number } | undefined;
  let narrativeStart = -1;
  let meta: { country?: string; year?: number; tier?: Meta['tier']; tierSpan?: { start: number; end: number }; tierChange?: TierStatement } = {};
  let lastEnd = 0;
  let paragraphsInSection = 0;

  const closeSection = (end: number): void => {
    if (end > sectionStart && (section !== 'summary' || paragraphsInSection > 0)) {
      const s: Section = headingSpan
        ? { kind: section, heading, start: sectionStart, end, headingSpan }
        : { kind: section, heading, start: sectionStart, end };
      d.sections.push(s);
    }
  };
  const closeNarrative = (end: number): void => {
    if (narrativeStart < 0) return;
    // A fragment (no title before it) takes its country and year from the options.
    const opening = d.narratives.length === 0 && !d.blocks.some((b) => b.role === 'title' && b.start <= narrativeStart);
    const given = opening ? { ...(fragment.country ? { country: fragment.country } : {}), ...(fragment.year ? { year: fragment.year } : {}) } : {};
    d.narratives.push({ start: narrativeStart, end, meta: { ...given, ...meta } });
  };

  d.blocks = blocks(text);
  const entries = cachedEntries(d.blocks, cache);
  const codes = documentCodes(d.blocks, entries);
  const profileFirst = profileBeforeSummary(d.blocks);
  for (let bi = 0; bi < d.blocks.length; bi++) {
    const b = d.blocks[bi]!;
    if (b.role === 'title' || (b.role === 'tier' && meta.tier !== undefined)) {
      closeSection(lastEnd);
      closeNarrative(lastEnd);
      narrativeStart = b.start;
      meta = {};
      section = 'summary';
      sectionStart = b.start;
      heading = '';
      headingSpan = undefined;
      paragraphsInSection = 0;
    }
    if (narrativeStart < 0) narrativeStart = b.start;
    if (b.role === 'title') {
      const t = parseTitle(b.text);
      if (t.year !== undefined) meta.year = t.year;
      if (t.country) meta.country = t.country;
      d.sections.push({ kind: 'title', heading: '', start: b.start, end: b.end });
      sectionStart = b.end;
    } else if (b.role === 'tier') {
      const t = parseTierLine(b.text);
      if (t.tier) {
        meta.tier = t.tier;
        meta.tierSpan = { start: b.start + Math.max(0, b.text.search(/Tier|Special/)), end: b.end };
      }
      if (t.country && !meta.country) meta.country = t.country;
      d.sections.push({ kind: 'tier', heading: '', start: b.start, end: b.end });
      section = 'summary';
      sectionStart = b.end;
      heading = '';
      headingSpan = undefined;
      paragraphsInSection = 0;
    } else if (b.role === 'heading') {
      closeSection(lastEnd);
      section = b.kind ?? 'other';
      sectionStart = b.start;
      heading = b.text;
      headingSpan = { start: b.start, end: b.end };
      paragraphsInSection = 0;
    } else {
      // Older narratives open with the trafficking profile, before the summary.
      const kind: SectionKind = profileFirst.has(bi) ? 'profile' : section;
      if (kind !== section) {
        closeSection(lastEnd);
        section = kind;
        sectionStart = b.start;
        paragraphsInSection = 0;
      }
      if (section === 'profile' && heading === '' && !profileFirst.has(bi)) {
        closeSection(lastEnd);
        section = 'summary';
        sectionStart = b.start;
        paragraphsInSection = 0;
      }
      paragraphsInSection++;
      addParagraph(d, b.text, b.start, section, cache, codes, entries[bi]);
      if (section === 'summary' && !meta.tierChange) {
        const tc = tierChangeIn(b.text, b.start);
        if (tc) meta.tierChange = tc;
      }
    }
    lastEnd = b.end;
    yield;
  }
  closeSection(lastEnd);
  closeNarrative(lastEnd);

  const narratives = d.narratives;
  yield* resolveCurrencies(d.money, narratives, text);
  addOwnCountry(d, narratives);
  // `Nepali rupees`: the adjective of a currency is not a mention of a nationality.
  if (d.money.length > 0) {
    const spans = d.money.map((m) => ({ s: m.start, e: m.end }));
    const nationalities = d.localEntities.filter((x) => x.type === 'nationality');
    const keep = new Set(withoutOverlaps(nationalities, spans));
    d.localEntities = d.localEntities.filter((x) => x.type !== 'nationality' || keep.has(x));
  }
  const entities = yield* linkEntities(d.localEntities);
  return {
    version: 1,
    length: text.length,
    meta: narratives[0]?.meta ?? {},
    narratives,
    sections: d.sections,
    paragraphs: d.paragraphs,
    sentences: d.sentences,
    entities,
    figures: d.figures,
    money: d.money,
    dates: d.dates,
  };
}

/**
 * The narrative's own country and its people, when the gazetteer does not know them (a
 * fictional country in a training text, a country spelled another way): `Veldora`,
 * `Veldoran`, `Veldorans`.
 */
function addOwnCountry(d: Draft, narratives: readonly NarrativeInfo[]): void {
  const extra: LocalEntity[] = [];
  for (const b of d.blocks) {
    if (b.role === 'heading' && b.kind === 'recommendations') {
      // `Recommendations for Tamboru:` names the country too.
      const m = /^\s*recommendations for\s+(.+?)\s*:\s*$/i.exec(b.text);
      if (m) {
        const s = b.start + b.text.indexOf(m[1]!);
        extra.push({ s, e: s + m[1]!.length, text: m[1]!, key: fold(m[1]!), type: 'country' });
      }
      continue;
    }
    if (b.role !== 'title' && b.role !== 'tier') continue;
    // The country named by the title (`Report: Mali`) and the tier line (`MALI:`).
    const m = b.role === 'title' ? /:\s*(.+?)\s*$/.exec(b.text) : /^\uFEFF?\s*([^:]+?):/.exec(b.text);
    if (!m) continue;
    const s = b.start + b.text.indexOf(m[1]!, b.role === 'title' ? b.text.indexOf(':') : 0);
    const name = m[1]!;
    const known = gazetteer().match([fold(name)], 0);
    extra.push({ s, e: s + name.length, text: name, key: known ? known.key : fold(name), type: 'country' });
  }
  let p = 0;
  for (const n of narratives) {
    const country = n.meta.country;
    while (p < d.paragraphs.length && d.paragraphs[p]!.start < n.start) p++;
    if (!country || gazetteer().match([fold(country)], 0) || !/^\p{L}+$/u.test(country)) continue;
    // `Veldoran`, `Tamboruan`, `Brennish` (Brennmark): a word that starts as the country does
    // and ends as demonyms do.
    const prefix = country.slice(0, Math.min(5, country.length));
    const re = new RegExp(`\\b(?:${country}|${prefix}\\p{Ll}*(?:an|ian|ese|ish|i|ois|ien)s?)\\b`, 'gu');
    for (let q = p; q < d.paragraphs.length && d.paragraphs[q]!.end <= n.end; q++) {
      const para = d.paragraphs[q]!;
      const body = d.text.slice(para.start, para.end);
      re.lastIndex = 0;
      for (let m = re.exec(body); m; m = re.exec(body)) {
        const s = para.start + m.index;
        const isCountry = m[0] === country;
        extra.push({ s, e: s + m[0].length, text: m[0], key: fold(isCountry ? country : m[0].replace(/s$/, '')), type: isCountry ? 'country' : 'nationality' });
      }
    }
  }
  if (extra.length === 0) return;
  extra.sort((x, y) => x.s - y.s);
  // The narrative's own country wins over a guess from its use (`in Ostravia` read as a city).
  const exact = new Set(extra.map((x) => `${x.s}:${x.e}`));
  const taken = d.localEntities.filter((y) => !((y.type === 'city' || y.type === 'region') && exact.has(`${y.s}:${y.e}`)));
  const free = withoutOverlaps(extra, taken);
  d.localEntities = [...taken, ...free].sort((x, y) => x.s - y.s);
}

/** The items of `a` that overlap no item of `b`; both sorted by start, `b` without nesting. */
function withoutOverlaps<T extends { s: number; e: number }>(a: readonly T[], b: readonly { s: number; e: number }[]): T[] {
  const out: T[] = [];
  let k = 0;
  for (const x of a) {
    while (k < b.length && b[k]!.e <= x.s) k++;
    let hit = false;
    for (let q = k; q < b.length && b[q]!.s < x.e; q++) if (b[q]!.e > x.s) hit = true;
    if (!hit) out.push(x);
  }
  return out;
}

/**
 * Older narratives (about 2011 and before) open with the trafficking profile and put the
 * summary ("The Government of X does not fully comply with the minimum standards ...") after
 * it, all before the first heading. Returns the indices of such opening profile paragraphs.
 */
function profileBeforeSummary(bs: readonly Block[]): Set<number> {
  const out = new Set<number>();
  let pending: number[] = [];
  let open = false;
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i]!;
    if (b.role === 'tier' || b.role === 'title') {
      open = true;
      pending = [];
    } else if (b.role === 'heading') {
      open = false;
      pending = [];
    } else if (open) {
      if (/\bminimum standards\b/.test(b.text)) {
        for (const p of pending) out.add(p);
        open = false;
      } else pending.push(i);
    }
  }
  return out;
}

const TIER_CHANGE = /\b(upgraded|downgraded|remain(?:ed|s)?)\s+(?:to|on|at|in)\s+(Tier\s+2\s+Watch\s+List|Tier\s+[123]|Special\s+Case)/g;

function tierChangeIn(p: string, offset: number): TierStatement | undefined {
  TIER_CHANGE.lastIndex = 0;
  let found: TierStatement | undefined;
  for (let m = TIER_CHANGE.exec(p); m; m = TIER_CHANGE.exec(p)) {
    const verb = m[1]!.toLowerCase();
    const change = verb.startsWith('up') ? 'upgraded' : verb.startsWith('down') ? 'downgraded' : 'remained';
    const tier = parseTier(m[2]!);
    if (tier) found = { change, tier, start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] };
  }
  return found;
}

function addParagraph(d: Draft, text: string, start: number, section: SectionKind, cache: Caches | undefined,
  codes: DocumentCodes, hit: ParagraphEntry | undefined): void {
  const r = readParagraph(text, section, codes, cache, hit);
  d.paragraphs.push({ start, end: start + text.length, section });
  const base = d.sentences.length;
  for (const [s, e] of r.sentences) d.sentences.push({ start: start + s, end: start + e });
  for (const f of r.figures) {
    const fig: { -readonly [K in keyof Figure]: Figure[K] } = {
      start: start + f.s, end: start + f.e, text: f.text, value: f.value, counts: f.counts, metric: f.metric,
      period: f.period, section, sentence: base + f.sentence,
    };
    if (f.max !== undefined) fig.max = f.max;
    if (f.qualifier) fig.qualifier = f.qualifier;
    if (f.unit) fig.unit = f.unit;
    d.figures.push(fig);
  }
  for (const m of r.money) {
    const money: Money = {
      start: start + m.s, end: start + m.e, text: m.text, value: m.value, currency: m.currency, precision: m.precision,
      section, sentence: base + m.sentence, period: m.period,
      ...(m.max !== undefined ? { max: m.max } : {}),
      ...(m.conversion ? { conversion: shiftAmount(m.conversion, start) } : {}),
    };
    d.money.push(money);
  }
  for (const x of r.dates) {
    const date: { -readonly [K in keyof DateMention]: DateMention[K] } = { start: start + x.s, end: start + x.e, text: x.text, year: x.year };
    if (x.month) date.month = x.month;
    d.dates.push(date);
  }
  for (const x of r.entities) {
    const ent: LocalEntity = { s: start + x.s, e: start + x.e, text: x.text, key: x.key };
    if (x.type) ent.type = x.type;
    if (x.acronym) ent.acronym = { s: start + x.acronym.s, e: start + x.acronym.e, text: x.acronym.text };
    if (x.bareAcronym) ent.bareAcronym = true;
    if (x.acronymText) ent.acronymText = x.acronymText;
    if (x.fallbackType) ent.fallbackType = x.fallbackType;
    // The key it is grouped by, made once and kept with the cached paragraph (no new string to hash per analysis).
    if (x.type) ent.group = (x as { group?: string }).group ??= groupKey(x);
    d.localEntities.push(ent);
  }
}

function shiftAmount(a: LocalAmount, by: number): Money['conversion'] {
  return {
    start: a.s + by, end: a.e + by, text: a.text, value: a.value, currency: a.currency, precision: a.precision,
    ...(a.max !== undefined ? { max: a.max } : {}),
  };
}

/** How many items a whole-document step handles between two pauses of {@link analyzeAsync}. */
const STEP = 2048;

/**
 * The currencies as the sentences write them (`FCFA`, `rupees`, `Rs`, `Nepali rupees`, `new
 * kwacha`) settled with the narrative's country and year (currencies.ts, from the CLDR). When
 * they do not decide (FCFA of a narrative whose country is unknown), the amount lists its
 * `candidates` and its `currency` is the best guess: for the CFA francs, what the text says
 * (`Central African CFA`), else the region whose member countries it names more.
 */
function* resolveCurrencies(money: Money[], narratives: readonly NarrativeInfo[], text: string): Generator<void, void> {
  if (money.length === 0) return;
  // What the text says is read only when a country does not decide, and only the narrative's own
  // text: a whole report holds many, and folding all of it for one amount held the thread for long.
  let n = 0;
  let scope = -1;
  let narrativeText = text;
  let docRegion: string | undefined;
  let folded: string | undefined;
  let named = new Map<string, string | undefined>();
  const enter = (k: number): void => {
    if (k === scope) return;
    scope = k;
    const nar = narratives[k];
    narrativeText = nar ? text.slice(nar.start, nar.end) : text;
    docRegion = folded = undefined;
    named = new Map();
  };
  const pick = (candidates: readonly string[]): string | undefined => {
    enter(n);
    const key = candidates.join(',');
    if (named.has(key)) return named.get(key);
    // The currency of the countries the text names, or whose adjective it uses (`Bulgarian`), most.
    folded ??= ` ${fold(narrativeText).replace(/[^a-z']+/g, ' ')} `;
    const score = (code: string): number => {
      const names = [...countriesUsing(code)];
      const info = currencyInfo(code);
      if (info) { const w = fold(info.one).split(' '); if (w.length > 1) names.push(w.slice(0, -1).join(' ')); }
      let n = 0;
      for (const name of names) {
        const k = ` ${fold(name).replace(/[^a-z']+/g, ' ').trim()} `;
        if (k.length > 5) for (let at = folded!.indexOf(k); at >= 0; at = folded!.indexOf(k, at + 1)) n++;
      }
      return n;
    };
    const scored = candidates.map((c) => [c, score(c)] as const).sort((a, b) => b[1] - a[1]);
    let best = scored[0] && scored[0][1] > 0 && (scored.length === 1 || scored[1]![1] < scored[0][1]) ? scored[0][0] : undefined;
    if (!best && candidates.includes('XOF') && candidates.includes('XAF')) best = docRegion ??= fcfaRegion(narrativeText);
    named.set(key, best);
    return best;
  };
  for (let i = 0; i < money.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const m = money[i]!;
    while (n + 1 < narratives.length && narratives[n + 1]!.start <= m.start) n++;
    const meta = narratives[n]?.meta ?? {};
    const ctx = { ...(meta.country ? { country: meta.country } : {}), ...(meta.year ? { year: meta.year } : {}) };
    const settled = (written: string): { currency: string; candidates?: readonly string[] } => {
      const r = settleCurrency(written, ctx, pick);
      return r.candidates ? { currency: r.code, candidates: r.candidates } : { currency: r.code };
    };
    const conv = m.conversion ? { ...m.conversion, ...settled(m.conversion.currency) } : undefined;
    const next: Money = { ...m, ...settled(m.currency), ...(conv ? { conversion: conv } : {}) };
    if (conv && conv.value > 0) (next as { impliedRate?: number }).impliedRate = impliedRate(next, conv);
    money[i] = next;
  }
}

/**
 * West or Central African franc for a document whose country the engine does not know: what
 * the text says (`Central African CFA`), else the region whose member countries (CLDR's) it names more.
 */
function fcfaRegion(text: string): 'XOF' | 'XAF' {
  if (/Central African CFA/.test(text)) return 'XAF';
  if (/West African CFA/.test(text)) return 'XOF';
  const folded = fold(text);
  const count = (code: string): number => countriesUsing(code).filter((c) => folded.includes(fold(c))).length;
  return count('XAF') > count('XOF') ? 'XAF' : 'XOF';
}

/** `Malians` and `Malian` are one nationality; other names group by type and folded name. */
function groupKey(x: LocalEntity): string {
  return `${x.type}:${x.type === 'nationality' ? x.key.replace(/s$/, '') : x.key}`;
}

/**
 * Puts mentions together into entities: acronym definitions link the long form and the
 * acronym; bare acronyms and later long forms join the entity they name.
 */
function* linkEntities(local: Draft['localEntities']): Generator<void, Entity[]> {
  interface Building { id: string; type: EntityType; name: string; acronym?: string; longForm?: string; definition?: { start: number; end: number }; mentions: Mention[] }
  const byKey = new Map<string, Building>();
  const byAcronym = new Map<string, Building>();
  const list: Building[] = [];
  const get = (key: string, type: EntityType, name: string): Building => {
    let b = byKey.get(key);
    if (!b) {
      b = { id: `${type}:${key}`, type, name, mentions: [] };
      byKey.set(key, b);
      list.push(b);
    }
    return b;
  };
  // Definitions first, so that acronyms used before their definition still find it.
  let n = 0;
  for (const x of local) {
    if (++n % STEP === 0) yield;
    if (!x.acronym) continue;
    // A defined name no word types: most often a government body's (`Child Protection Units (CPUs)`).
    const type = x.type ?? 'government-body';
    const existing = byAcronym.get(x.acronym.text);
    const b = existing ?? get(x.key, type, x.text);
    if (!existing) {
      b.acronym = x.acronym.text;
      b.longForm = x.text;
      b.definition = { start: x.s, end: x.e };
      byAcronym.set(x.acronym.text, b);
      byKey.set(x.acronym.text.toLowerCase(), b);
    }
  }
  for (const x of local) {
    if (++n % STEP === 0) yield;
    if (x.acronym) {
      const b = byAcronym.get(x.acronym.text)!;
      b.mentions.push({ start: x.s, end: x.e, text: x.text, definition: true });
      b.mentions.push({ start: x.acronym.s, end: x.acronym.e, text: x.acronym.text });
      byKey.set(x.key, b);
      continue;
    }
    if (x.bareAcronym) {
      const acr = x.acronymText ?? x.text;
      const b = byAcronym.get(acr) ?? byAcronym.get(acr.replace(/s$/, '')) ?? byKey.get(x.key);
      const type = x.type ?? x.fallbackType;
      if (b) b.mentions.push({ start: x.s, end: x.e, text: x.text });
      // Never defined here: typed from a known list, or by the default the recognizer gave it.
      else if (type) get(x.key, type, x.text).mentions.push({ start: x.s, end: x.e, text: x.text });
      continue;
    }
    if (!x.type) continue;
    // `Malians` and `Malian` are one nationality.
    const key = x.group ?? groupKey(x);
    const b = byKey.get(key) ?? get(key, x.type, x.text);
    b.mentions.push({ start: x.s, end: x.e, text: x.text });
  }
  const out: Entity[] = [];
  for (const b of list) {
    if (b.mentions.length === 0) continue;
    b.mentions.sort((p, q) => p.start - q.start);
    const e: Entity = {
      id: b.id, type: b.type, name: b.name, mentions: b.mentions,
      ...(b.acronym ? { acronym: b.acronym } : {}),
      ...(b.longForm ? { longForm: b.longForm } : {}),
      ...(b.definition ? { definition: b.definition } : {}),
    };
    out.push(e);
  }
  out.sort((p, q) => p.mentions[0]!.start - q.mentions[0]!.start);
  return out;
}
