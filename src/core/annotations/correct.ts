/**
 * Corrections: what a researcher reads otherwise than the engine. Any attribute of a figure (its
 * metric, period, number and what it counts), of an amount (its currency, number and stated
 * conversion) or of an entity (its type and long form). A `correct` annotation keeps the metric
 * or entity type in its `label`, as version 1 of the file did, and the other attributes in `set`;
 * this module joins and splits the two, says what an item reads now attribute by attribute,
 * applies a correction to a figure or an amount, and reads what a researcher types (`236`,
 * `5 to 10`, `USD 1,200`). Plain data, no editor.
 */
import { CURRENCY_CODES, currencyInfo } from '../currencies';
import { impliedRate } from '../currency';
import { ENTITY_LABELS, formatNumber, METRIC_LABELS, periodLabel } from '../labels';
import type { Correction, Entity, Figure, Money, Period, StatedAmount } from '../model';
import { precisionOf } from '../numbers';
import type { CorrectionSet, Label } from './model';

export type ItemKind = 'figure' | 'money' | 'entity';

/** An attribute a researcher may correct. `value` is a number or a range (`value` and `max`). */
export type Attribute = 'metric' | 'period' | 'value' | 'counts' | 'currency' | 'conversion' | 'type' | 'longForm';

/** The attributes of each kind of item, in the order they are offered. */
export const ATTRIBUTES: Readonly<Record<ItemKind, readonly Attribute[]>> = {
  figure: ['metric', 'period', 'value', 'counts'],
  money: ['currency', 'value', 'conversion'],
  entity: ['type', 'longForm'],
};

/** An attribute in words: `period`, `stated conversion`, `long form`. */
export const ATTRIBUTE_NAMES: Readonly<Record<Attribute, string>> = {
  metric: 'metric', period: 'period', value: 'value', counts: 'counts', currency: 'currency',
  conversion: 'stated conversion', type: 'type', longForm: 'long form',
};

const ALL: readonly Attribute[] = ['metric', 'period', 'value', 'counts', 'currency', 'conversion', 'type', 'longForm'];

/** The attributes `c` sets, in the order of {@link ATTRIBUTES}. */
export function attributesOf(c: Correction): Attribute[] {
  return ALL.filter((a) => c[a] !== undefined);
}

/** The correction an annotation makes: its label's metric or entity type, and its `set`. */
export function correctionOf(a: { readonly label?: Label; readonly set?: CorrectionSet }): Correction {
  const l = a.label;
  const typed = l?.kind === 'figure' ? { metric: l.metric } : l?.kind === 'entity' ? { type: l.type } : {};
  return { ...typed, ...(a.set ?? {}) };
}

/** A correction as an annotation holds it: the metric or entity type as its label, the rest as `set`. */
export function annotationFields(c: Correction): { label?: Label; set?: CorrectionSet } {
  const set: Record<string, unknown> = {};
  for (const a of attributesOf(c)) if (a !== 'metric' && a !== 'type') Object.assign(set, only(c, [a]));
  const label: Label | undefined = c.metric ? { kind: 'figure', metric: c.metric } : c.type ? { kind: 'entity', type: c.type } : undefined;
  return { ...(label ? { label } : {}), ...(Object.keys(set).length > 0 ? { set: set as CorrectionSet } : {}) };
}

/** Of `c`, the attributes `attrs` (a value with its upper end). */
export function only(c: Correction, attrs: readonly Attribute[]): Correction {
  const out: Record<string, unknown> = {};
  for (const a of attrs) {
    if (c[a] === undefined) continue;
    out[a] = c[a];
    if (a === 'value' && c.max !== undefined) out['max'] = c.max;
  }
  return out as Correction;
}

/** What an item reads now, attribute by attribute (an amount with no conversion: `conversion: null`). */
export function readingOf(item: { readonly figure: Figure } | { readonly money: Money } | { readonly entity: Entity }): Correction {
  if ('figure' in item) {
    const f = item.figure;
    return { metric: f.metric, period: f.period, value: f.value, ...(f.max !== undefined ? { max: f.max } : {}), counts: f.counts };
  }
  if ('money' in item) {
    const m = item.money;
    const c = m.conversion;
    const conversion = c ? { currency: c.currency, value: c.value, ...(c.max !== undefined ? { max: c.max } : {}) } : null;
    return { currency: m.currency, value: m.value, ...(m.max !== undefined ? { max: m.max } : {}), conversion };
  }
  return { type: item.entity.type, longForm: item.entity.longForm ?? '' };
}

const sameAmount = (a: StatedAmount | null | undefined, b: StatedAmount | null | undefined): boolean =>
  a === b || (!!a && !!b && a.currency === b.currency && a.value === b.value && a.max === b.max);

/** Whether `a` and `b` read attribute `attr` alike. */
export function sameAttribute(attr: Attribute, a: Correction, b: Correction): boolean {
  if (attr === 'value') return a.value === b.value && a.max === b.max;
  if (attr === 'conversion') return sameAmount(a.conversion, b.conversion);
  return a[attr] === b[attr];
}

/**
 * An earlier correction with `next` laid over it, less what reads as `engine` does: correcting an
 * attribute back to what the engine read takes that correction away. Empty: nothing corrected.
 */
export function mergeCorrection(earlier: Correction, next: Correction, engine: Correction): Correction {
  const merged: Correction = { ...only(earlier, attributesOf(earlier).filter((a) => next[a] === undefined)), ...next };
  return only(merged, attributesOf(merged).filter((a) => !sameAttribute(a, merged, engine)));
}

/** A figure as corrected. A value without `max` is one number. */
export function correctFigure(f: Figure, c: Correction): Figure {
  const out: Figure = { ...f, ...only(c, ['metric', 'period', 'counts']) } as Figure;
  if (c.value === undefined) return out;
  const { max: _max, ...rest } = out;
  return { ...rest, value: c.value, ...(c.max !== undefined ? { max: c.max } : {}) };
}

/** An amount as corrected: its currency (no more candidates), its number, its stated conversion and the rate it implies. */
export function correctMoney(m: Money, c: Correction): Money {
  const { max: _max, candidates: _candidates, conversion: _conversion, impliedRate: _rate, ...rest } = m;
  const currency = c.currency ?? m.currency;
  const value = c.value ?? m.value;
  const max = c.value !== undefined ? c.max : m.max;
  let conversion = m.conversion;
  if (c.conversion === null) conversion = undefined;
  else if (c.conversion) {
    const s = c.conversion;
    // Where the text states it, if it does; a conversion the engine did not see has no place of its own.
    const at = m.conversion ?? { start: m.end, end: m.end };
    conversion = {
      start: at.start, end: at.end, text: formatStatedAmount(s), currency: s.currency, value: s.value,
      ...(s.max !== undefined ? { max: s.max } : {}), precision: precisionOf(String(s.value)),
    };
  }
  const next: Money = {
    ...rest, currency, value, ...(max !== undefined ? { max } : {}),
    ...(c.currency === undefined && m.candidates ? { candidates: m.candidates } : {}),
    ...(conversion ? { conversion } : {}),
  };
  return conversion && conversion.value > 0 ? { ...next, impliedRate: impliedRate(next, conversion) } : next;
}

/** An entity with its long form corrected: what its acronym (the mention's, if it has none) stands for. */
export function correctLongForm<E extends Entity>(e: E, longForm: string, mentionText: string): E {
  const { longForm: _old, ...rest } = e;
  const acronym = e.acronym ?? (/^[A-Z][A-Za-z0-9&.-]*[A-Z0-9]s?$/.test(mentionText) && mentionText.length <= 12 ? mentionText : undefined);
  if (!longForm) return { ...rest, name: e.acronym && e.name === e.longForm ? e.acronym : e.name } as E;
  return { ...rest, longForm, ...(acronym ? { acronym, name: longForm } : {}) } as E;
}

// ---------------------------------------------------------------------------------------------
// In words, and from words

/** `USD 1,200`, `USD 1,650 to 8,260`. */
export function formatStatedAmount(a: StatedAmount): string {
  return `${a.currency} ${formatNumber(a.value)}${a.max !== undefined ? ` to ${formatNumber(a.max)}` : ''}`;
}

/** A period in words: `current reporting period`, `previous reporting period`, `no period stated`, `2019`. */
export function periodText(p: Period): string {
  if (p === 'current' || p === 'previous') return `${p} reporting period`;
  return periodLabel(p);
}

/** An attribute as `c` reads it, in words: `previous reporting period`, `236`, `5 to 10`, `USD 1,200`, `none`. */
export function attributeText(attr: Attribute, c: Correction): string {
  switch (attr) {
    case 'metric':
      return c.metric ? METRIC_LABELS[c.metric] : '';
    case 'period':
      return c.period ? periodText(c.period) : '';
    case 'value':
      return c.value === undefined ? '' : `${formatNumber(c.value)}${c.max !== undefined ? ` to ${formatNumber(c.max)}` : ''}`;
    case 'counts':
      return c.counts || 'not stated';
    case 'currency':
      return c.currency ?? '';
    case 'conversion':
      return c.conversion ? formatStatedAmount(c.conversion) : 'none';
    case 'type':
      return c.type ? ENTITY_LABELS[c.type] : '';
    case 'longForm':
      return c.longForm || 'none';
  }
}

/** What the engine read of an item now corrected: its reading with what it read of the corrected attributes (`was`). */
export function engineReading(now: Correction, was: Correction | undefined): Correction {
  if (!was) return now;
  const corrected = attributesOf(was);
  return { ...only(now, attributesOf(now).filter((a) => !corrected.includes(a))), ...was };
}

/** An attribute of an item to offer for correction: `Period: previous reporting period`, with what the engine read if corrected. */
export interface AttributeRow {
  readonly attribute: Attribute;
  /** `Period: previous reporting period` */
  readonly label: string;
  /** `corrected; TIP Lens read 2019`, when corrected. */
  readonly description?: string;
}

/** The attributes of an item of `kind` as it reads `now`, in order; `was`: what the engine read of the corrected ones. */
export function attributeRows(kind: ItemKind, now: Correction, was?: Correction): AttributeRow[] {
  return ATTRIBUTES[kind].map((attribute) => {
    const name = ATTRIBUTE_NAMES[attribute];
    const label = `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${attributeText(attribute, now)}`;
    const read = was?.[attribute] !== undefined ? attributeText(attribute, was) : undefined;
    return { attribute, label, ...(read !== undefined ? { description: `corrected; TIP Lens read ${read}` } : {}) };
  });
}

/** The periods to choose from in a report of `year`: this and the previous reporting period, none stated, and the years before `year`. */
export function periodChoices(year: number | undefined): Array<{ readonly period: Period; readonly label: string; readonly description?: string }> {
  const out: Array<{ period: Period; label: string; description?: string }> = [
    { period: 'current', label: periodText('current'), ...(year ? { description: `the ${year} report's` } : {}) },
    { period: 'previous', label: periodText('previous'), ...(year ? { description: `the ${year - 1} report's` } : {}) },
    { period: 'unspecified', label: periodText('unspecified'), description: 'ages, penalties, provisions of law, counts of no stated time' },
  ];
  if (year) for (let y = year; y >= year - 5; y--) out.push({ period: String(y) as Period, label: String(y), description: 'a named year' });
  return out;
}

/** Every ISO 4217 currency, `first` ones first (the item's own, its country's), each with its name: `USD`, `US dollars`. */
export function currencyChoices(first: readonly string[]): Array<{ readonly code: string; readonly name: string }> {
  const lead = [...new Set(first)].filter((c) => CURRENCY_CODES.has(c));
  const rest = [...CURRENCY_CODES].filter((c) => !lead.includes(c)).sort();
  return [...lead, ...rest].map((code) => ({ code, name: currencyInfo(code)?.other ?? code }));
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUMBER_RE = new RegExp(`^(${NUMBER})(?:\\s*(?:-|–|to)\\s*(${NUMBER}))?$`, 'i');

/** `236`, `1,305`, `2.5`, `5 to 10`, `5-10`: a number, or a range from its lower end to its upper one. */
export function parseNumber(text: string): Read<{ value: number; max?: number }> {
  const m = NUMBER_RE.exec(text.trim());
  if (!m) return { ok: false, error: 'Type a number, such as 236 or 1,305, or a range, such as 5 to 10.' };
  const value = Number(m[1]!.replace(/,/g, ''));
  if (m[2] === undefined) return { ok: true, value: { value } };
  const max = Number(m[2].replace(/,/g, ''));
  if (max <= value) return { ok: false, error: `A range goes from the lower number to the higher: ${formatNumber(value)} to ${formatNumber(max)}?` };
  return { ok: true, value: { value, max } };
}

const SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/**
 * A stated amount as typed: `USD 1,200`, `$1,200`, `1,200 USD`, `EUR 5 to 10`; empty: none
 * (`null`). The currency is an ISO 4217 code (or `$`, `€`, `£`, `¥`).
 */
export function parseStatedAmount(text: string): Read<StatedAmount | null> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  let code: string | undefined;
  let amount: string | undefined;
  const before = /^([A-Za-z]{3}|[$€£¥])\s*(.+)$/.exec(t);
  const after = /^(.+?)\s*([A-Za-z]{3})$/.exec(t);
  if (before) [code, amount] = [SYMBOLS[before[1]!] ?? before[1]!.toUpperCase(), before[2]!];
  else if (after) [code, amount] = [after[2]!.toUpperCase(), after[1]!];
  if (!code || amount === undefined) return { ok: false, error: 'Type a currency code and an amount, such as USD 1,200 (empty: no conversion stated).' };
  if (!CURRENCY_CODES.has(code)) return { ok: false, error: `${code} is not an ISO 4217 currency code.` };
  const n = parseNumber(amount);
  if (!n.ok) return n;
  return { ok: true, value: { currency: code, ...n.value } };
}

// ---------------------------------------------------------------------------------------------
// In the file

const PERIOD = /^(?:current|previous|unspecified|\d{4})$/;

/** Whether `p` is a period: the current or previous reporting period, none stated, or a year. */
export function isPeriod(p: unknown): p is Period {
  return typeof p === 'string' && PERIOD.test(p);
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function amountProblem(x: unknown, what: string): string | undefined {
  if (!isRecord(x) || typeof x['currency'] !== 'string' || !CURRENCY_CODES.has(x['currency']) || !isNumber(x['value'])) {
    return `${what} must be { currency: an ISO 4217 code, value: a number, max?: a number }`;
  }
  if (x['max'] !== undefined && (!isNumber(x['max']) || x['max'] < x['value'])) return `${what}: "max" must be a number not below "value"`;
  return undefined;
}

/** What is wrong with a correction read from a file or a command's arguments, if anything. `label`: also a metric and a type. */
export function correctionProblem(x: unknown, withLabel = false): string | undefined {
  if (!isRecord(x)) return 'must be an object';
  const known = new Set<string>([...ALL, 'max'].filter((k) => withLabel || (k !== 'metric' && k !== 'type')));
  for (const k of Object.keys(x)) if (!known.has(k)) return `has no attribute "${k}"`;
  if (Object.keys(x).length === 0) return 'sets nothing';
  if (x['metric'] !== undefined && !(typeof x['metric'] === 'string' && x['metric'] in METRIC_LABELS)) return '"metric" is not a metric';
  if (x['type'] !== undefined && !(typeof x['type'] === 'string' && x['type'] in ENTITY_LABELS)) return '"type" is not an entity type';
  if (x['period'] !== undefined && !isPeriod(x['period'])) return '"period" must be current, previous, unspecified or a year';
  if (x['value'] !== undefined && !isNumber(x['value'])) return '"value" must be a number';
  if (x['max'] !== undefined && (!isNumber(x['max']) || !isNumber(x['value']) || x['max'] < x['value'])) return '"max" must be a number not below "value"';
  if (x['counts'] !== undefined && typeof x['counts'] !== 'string') return '"counts" must be a string';
  if (x['currency'] !== undefined && !(typeof x['currency'] === 'string' && CURRENCY_CODES.has(x['currency']))) return '"currency" must be an ISO 4217 code';
  if (x['conversion'] !== undefined && x['conversion'] !== null) {
    const p = amountProblem(x['conversion'], '"conversion"');
    if (p) return p;
  }
  if (x['longForm'] !== undefined && typeof x['longForm'] !== 'string') return '"longForm" must be a string';
  return undefined;
}
