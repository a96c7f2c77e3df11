/**
 * Every ISO 4217 currency, from the Unicode CLDR (src/core/data/currencies.json, made by
 * scripts/gen-currencies.js): its names and symbols, and which country used it when. A narrative
 * writes a currency many ways, "500,000 Nepali rupees (NPR)", "Trinidad and Tobago dollars",
 * "new kwacha", "CFA francs", "Rs 20,000"; `resolveCurrency` reads the words, and where they do
 * not decide (a bare "rupees", "FCFA") the narrative's country and year do. When nothing decides,
 * the answer says so: the candidates, no code.
 */
import data from './data/currencies.json';

/** Lower case, no accents, straight apostrophes: `Côte d’Ivoire` -> `cote d'ivoire`. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .toLowerCase();
}

export interface CurrencyInfo {
  readonly code: string;
  /** `Pakistani rupee` */
  readonly one: string;
  /** `Pakistani rupees` */
  readonly other: string;
  /** `€`, `$`, `F CFA`; empty when CLDR has none but the code. */
  readonly symbol: string;
  /** `Rs`, `₦`; empty when none. */
  readonly narrow: string;
}

export interface Resolved {
  /** The ISO 4217 code, when the words, the country or the year decide. */
  readonly code?: string;
  /** When they do not: the codes it may be (`XOF`, `XAF` for a bare FCFA of an unknown country). */
  readonly candidates?: readonly string[];
}

/** The narrative's country and report year, when known. */
export interface CurrencyContext {
  readonly country?: string;
  readonly year?: number;
}

type Use = readonly [code: string, from: number, to: number];

const CURRENCIES = new Map<string, CurrencyInfo>(
  Object.entries(data.currencies as unknown as Record<string, [string, string, string, string]>)
    .map(([code, [one, other, symbol, narrow]]) => [code, { code, one, other, symbol, narrow }]),
);

export const CURRENCY_CODES: ReadonlySet<string> = new Set(CURRENCIES.keys());

export function currencyInfo(code: string): CurrencyInfo | undefined {
  return CURRENCIES.get(code);
}

/** CLDR's `&` and `St.` as narratives write them. */
function nameKey(name: string): string {
  return fold(name).replace(/\s*&\s*/g, ' and ').replace(/\bst\.\s*/g, 'saint ').replace(/\s+/g, ' ').trim();
}

/** The names narratives give countries where CLDR's differ (CLDR's own short and variant names are in the data). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'democratic republic of the congo': 'Congo (DRC)', drc: 'Congo (DRC)', 'republic of the congo': 'Congo (Republic)',
  burma: 'Myanmar', 'the gambia': 'Gambia', 'the bahamas': 'Bahamas', 'the philippines': 'Philippines',
  'timor-leste': 'Timor-Leste', 'cabo verde': 'Cape Verde', 'sao tome and principe': 'São Tomé & Príncipe',
  'united states of america': 'United States', 'republic of korea': 'South Korea', 'korea': 'South Korea',
};

const COUNTRIES = new Map<string, readonly Use[]>();
for (const [name, uses] of Object.entries(data.countries as unknown as Record<string, Use[]>)) COUNTRIES.set(nameKey(name), uses);
for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) {
  const uses = COUNTRIES.get(nameKey(name));
  if (uses) COUNTRIES.set(alias, uses);
}

/**
 * The country's name as CLDR or the narratives write it, for a name without apostrophes or
 * accents (`cote divoire`, `burma`), else undefined. Adjectives (`Nepali`) are no names.
 */
export function countryName(name: string): string | undefined {
  return withoutApostrophes().get(nameKey(name).replace(/'/g, ''));
}

/** The country keys by their form without apostrophes, made on first use. */
let byBareName: Map<string, string> | undefined;
function withoutApostrophes(): Map<string, string> {
  if (!byBareName) {
    byBareName = new Map();
    for (const k of COUNTRIES.keys()) if (!byBareName.has(k.replace(/'/g, ''))) byBareName.set(k.replace(/'/g, ''), k);
  }
  return byBareName;
}

/** The currencies a country used, newest first; undefined for a name CLDR does not know. */
export function countryCurrencies(country: string): readonly Use[] | undefined {
  return COUNTRIES.get(nameKey(country)) ?? countryOfAdjective(fold(country).split(' '))?.[1];
}

/**
 * The currency of a country in a report's year. A report covers the twelve months before its
 * publication, so the currency in force during the year before is the one its amounts are in.
 */
export function currencyOf(country: string, year?: number): string | undefined {
  const uses = countryCurrencies(country);
  if (!uses || uses.length === 0) return undefined;
  if (!year) return uses.find((u) => u[2] === 0)?.[0] ?? uses[0]![0];
  const when = year - 1;
  return (uses.find((u) => u[1] <= when && (u[2] === 0 || when < u[2])) ?? uses[0])![0];
}

/** The last word of a currency's names: `rupee`, `rupees`, `kwacha`, `francs`. */
const UNIT_CODES = new Map<string, string[]>();
/** A whole name, folded: `pakistani rupees`, `trinidad and tobago dollars`, `west african cfa francs`. */
const NAME_CODES = new Map<string, string[]>();
const push = (m: Map<string, string[]>, k: string, code: string): void => {
  const list = m.get(k);
  if (!list) m.set(k, [code]);
  else if (!list.includes(code)) list.push(code);
};
for (const c of CURRENCIES.values()) {
  for (const name of [c.one, c.other]) {
    const key = nameKey(name);
    push(NAME_CODES, key, c.code);
    push(UNIT_CODES, key.slice(key.lastIndexOf(' ') + 1), c.code);
  }
}
// Plurals narratives use beside CLDR's (`kwachas`, `takas` are CLDR's; `kwacha`, `taka` the usual plural).
for (const word of [...UNIT_CODES.keys()]) {
  if (word.endsWith('s')) continue;
  const plural = UNIT_CODES.get(`${word}s`);
  if (plural) for (const c of plural) push(UNIT_CODES, word, c);
}
// Plurals narratives write that CLDR does not (`Brazilian reais`).
for (const [word, code] of [['reais', 'BRL'], ['renminbi', 'CNY']] as const) push(UNIT_CODES, word, code);
// The CFA francs, however written.
for (const w of ['fcfa', 'cfa', 'cfaf']) for (const c of ['XOF', 'XAF']) push(UNIT_CODES, w, c);

/**
 * Symbols, wide and narrow (`€`, `GH₵`, `HK$`, `Rs`, `£`), to the currencies CLDR gives them. A
 * lone Latin letter (`K`, `R`, `P`, `L`) is left out: before a number it is more often a label.
 */
const SYMBOL_CODES = new Map<string, string[]>();
for (const c of CURRENCIES.values()) {
  for (const s of [c.symbol, c.narrow]) if (s && s !== c.code && !/^[A-Za-z]$/.test(s)) push(SYMBOL_CODES, s, c.code);
}
const SYMBOL_STARTS = new Set<string>();
for (const s of SYMBOL_CODES.keys()) for (let n = 1; n <= s.length; n++) SYMBOL_STARTS.add(s.slice(0, n));

/** The currencies a symbol may be (`Rs` -> LKR, MUR, NPR, PKR); with `prefix`, whether some symbol starts with `s`. */
export function symbolCodes(s: string, prefix = false): readonly string[] | undefined {
  if (prefix) return SYMBOL_STARTS.has(s) ? NO_CODES : undefined;
  return SYMBOL_CODES.get(s);
}
const NO_CODES: readonly string[] = [];

/** The last year a country used `code` (9999 while some country still does; 0 when CLDR names none). */
export function lastUsed(code: string): number {
  let last = 0;
  for (const uses of COUNTRIES.values()) for (const u of uses) if (u[0] === code) last = Math.max(last, u[2] === 0 ? 9999 : u[2]);
  return last;
}

/**
 * True when `code` replaced an older currency of the same unit in some country (ZMW the kwacha of
 * 1968, SLE the leone): what a narrative calls the "new" kwacha or leone.
 */
export function replacedSameUnit(code: string): boolean {
  const unit = (c: string): string => { const k = nameKey(CURRENCIES.get(c)?.other ?? ''); return k.slice(k.lastIndexOf(' ') + 1); };
  const own = unit(code);
  for (const uses of COUNTRIES.values()) {
    const mine = uses.find((u) => u[0] === code);
    if (mine && uses.some((u) => u[0] !== code && u[2] !== 0 && u[2] <= mine[1] + 1 && unit(u[0]) === own)) return true;
  }
  return false;
}

/** The countries that use `code` today, by CLDR's names (`Mali`, `Côte d’Ivoire` for XOF). */
export function countriesUsing(code: string): readonly string[] {
  const out: string[] = [];
  for (const [name, uses] of Object.entries(data.countries as unknown as Record<string, Use[]>)) if (uses.some((u) => u[0] === code && u[2] === 0)) out.push(name);
  return out;
}

/** True for a word that ends a currency's name: `rupees`, `dollars`, `kwacha`, `fcfa`. */
export function isCurrencyUnit(word: string): boolean {
  return UNIT_CODES.has(fold(word));
}

const inUse = (code: string, ctx: CurrencyContext): boolean => {
  if (!ctx.country) return false;
  const uses = countryCurrencies(ctx.country);
  return !!uses?.some((u) => u[0] === code);
};

/**
 * The currency of `words`: a unit (`rupees`), maybe with words before it (`Pakistani`, `Trinidad
 * and Tobago`, `new`, `West African CFA`), or a whole CLDR name.
 */
export function resolveCurrency(words: readonly string[], ctx: CurrencyContext = {}): Resolved {
  const folded = words.map(fold).filter(Boolean);
  if (folded.length === 0) return {};
  const whole = NAME_CODES.get(nameKey(folded.join(' ')));
  if (whole?.length === 1) return { code: whole[0]! };
  const unit = folded[folded.length - 1]!;
  const candidates = UNIT_CODES.get(unit);
  if (!candidates) return {};
  const before = folded.slice(0, -1).filter((w) => w !== 'the');
  const pick = (codes: readonly string[]): Resolved => {
    const current = codes.filter((c) => candidates.includes(c));
    if (current.length === 1) return { code: current[0]! };
    return {};
  };

  if (before.length > 0 && before[before.length - 1] !== 'new') {
    // `Pakistani rupees`: a CLDR name ends in these words.
    const named = candidates.filter((c) => {
      const info = CURRENCIES.get(c)!;
      return [info.one, info.other].some((n) => nameKey(n).endsWith(`${before.join(' ')} ${unit}`) || nameKey(n) === `${before.join(' ')} ${unit}`);
    });
    const newest = (codes: string[]): Resolved => {
      const r = pick(codes.filter((c) => inUse(c, ctx)));
      if (r.code) return r;
      if (codes.length === 1) return { code: codes[0]! };
      if (!ctx.year) {
        const current = codes.filter(isCurrent);
        if (current.length === 1) return { code: current[0]! };
      }
      // The same name for an old and a new currency (`Zambian kwacha`): the one of the report's time.
      const country = countryOfAdjective(before);
      const byTime = country && ctx.year ? currencyOf(country[0], ctx.year) : undefined;
      return byTime && codes.includes(byTime) ? { code: byTime } : { candidates: codes };
    };
    if (named.length > 0) return newest(named);
    // `Nepali rupees`, `Jamaican dollars`, `Trinidad and Tobago dollars`: the country's own.
    const country = countryOfAdjective(before);
    if (country) {
      const code = currencyOf(country[0], ctx.year);
      if (code && candidates.includes(code)) return { code };
      const used = country[1].map((u) => u[0]).filter((c) => candidates.includes(c));
      if (used.length > 0) return { code: used[0]! };
    }
  }
  // `dollars` alone, in a US report, are US dollars, as `$` is.
  if (before.length === 0 && (unit === 'dollars' || unit === 'dollar')) return { code: 'USD' };
  // A bare unit, or `new kwacha`: the narrative's country decides.
  if (ctx.country) {
    const code = currencyOf(ctx.country, ctx.year);
    if (code && candidates.includes(code)) return { code };
    const used = (countryCurrencies(ctx.country) ?? []).map((u) => u[0]).filter((c) => candidates.includes(c));
    if (used.length > 0) return { code: used[0]! };
  }
  const current = [...new Set(candidates)].filter((c) => !/\(\d{4}/.test(CURRENCIES.get(c)!.one) && isCurrent(c));
  if (current.length === 1) return { code: current[0]! };
  return { candidates: current.length > 0 ? current : candidates };
}

/** A currency some country still uses. */
const CURRENT = new Set<string>();
for (const uses of COUNTRIES.values()) for (const u of uses) if (u[2] === 0) CURRENT.add(u[0]);
function isCurrent(code: string): boolean {
  return CURRENT.has(code);
}

/**
 * The country that words before a unit name: a country's name (`Trinidad and Tobago`), or an
 * adjective made from one (`Nepali`, `Jamaican`, `Philippine`, `Ghanaian`): the longest country
 * name, at least four letters, that the adjective starts with, or that starts with the adjective
 * less its ending.
 */
function countryOfAdjective(words: readonly string[]): [string, readonly Use[]] | undefined {
  const phrase = nameKey(words.join(' '));
  const exact = COUNTRIES.get(phrase);
  if (exact) return [phrase, exact];
  const word = phrase.split(' ').pop()!;
  if (word.length < 4) return undefined;
  const stem = word.replace(/(ese|ian|ean|an|ni|i|ine|ish)$/, '');
  let best: [string, readonly Use[]] | undefined;
  for (const [name, uses] of COUNTRIES) {
    if (name.includes(' ') || name.length < 4) continue;
    if ((word.startsWith(name) || (stem.length >= 4 && name.startsWith(stem))) && (!best || name.length > best[0].length)) best = [name, uses];
  }
  return best;
}
