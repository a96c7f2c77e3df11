/**
 * Currencies as a sentence writes them, read with the CLDR data of `currencies.ts`: codes
 * (`KES 50,000`, `25,000 NPR`), symbols (`$`, `€`, `GH₵`, `HK$`, `Rs`), the codes a document
 * defines for itself (`Karsolian rupees (KSR)`), and currency names after an amount, with the
 * words before the unit (`Nepali rupees (NPR)`, `Trinidad and Tobago dollars`, `new kwacha`,
 * `West African CFA francs (FCFA)`).
 *
 * What the sentence writes is kept as it is (a code, a symbol, or the name's words, folded); the
 * document-level pass settles it with the narrative's country and year ({@link settleCurrency}).
 */
import { CURRENCY_CODES, currencyInfo, type CurrencyContext, isCurrencyUnit, lastUsed, replacedSameUnit, resolveCurrency, type Resolved, symbolCodes } from '../../currencies';
import { fold } from '../../gazetteer';
import { isCapitalized, Kind, type Token } from '../../tokens';

/**
 * Unit words that are no currency alone after a number: CLDR's `unit`, `gold`, `value` (of
 * funds' names), and English words that are a currency only with its country (`South Korean won`,
 * `Brazilian real`, `German marks`).
 */
const NOT_ALONE = new Set(['account', 'gold', 'unit', 'units', 'value', 'mark', 'marks', 'won', 'real', 'reals', 'sol', 'austral', 'australs', 'cupon', 'inti', 'ley', 'mvdol', 'mvdols', 'soberano', 'soberanos']);
/** Words that may stand between an amount and its currency's unit, besides capitalized ones. */
const NAME_WORDS = new Set(['new', 'old', 'and', 'cfa', 'us', 'u.s']);

/** The currency's written form after an amount at token j, and the token after it. */
export function currencyAfter(tokens: readonly Token[], j: number): { code: string; end: number } | undefined {
  const t = tokens[j];
  if (!t || t.k !== Kind.Word) return undefined;
  if (t.t === 'FCFA' || t.t === 'CFAF') return { code: 'FCFA', end: withAbbrev(tokens, j + 1).end };
  if (isCode(t.t)) return { code: t.t, end: j + 1 };
  // `Nepali rupees`, `Trinidad and Tobago dollars`, `new kwacha`, `West African CFA francs`: up to
  // four words of the name, then its unit.
  for (let u = j; u < tokens.length && u <= j + 4; u++) {
    const w = tokens[u]!;
    if (w.k !== Kind.Word) return undefined;
    if (isCurrencyUnit(w.l) && (u > j || !NOT_ALONE.has(w.l)) && !(u === j + 1 && tokens[j]!.l === 'and')) {
      // `CFA francs`: a unit word may come before the unit.
      while (tokens[u + 1]?.k === Kind.Word && isCurrencyUnit(tokens[u + 1]!.l) && u < j + 5) u++;
      const words = tokens.slice(j, u + 1).map((x) => fold(x.t));
      if (u > j && !resolveCurrency(words).code && !resolveCurrency(words).candidates) return undefined;
      const abbr = withAbbrev(tokens, u + 1);
      return { code: abbr.code ?? words.join(' '), end: abbr.end };
    }
    const nameWord = isCapitalized(w) || w.t === 'CFA' || NAME_WORDS.has(w.l);
    if (!nameWord || (u === j && w.l === 'and')) return undefined;
  }
  return undefined;
}

/** A currency name's code in parentheses right after it: `francs (FCFA)`, `rupees (NPR)`, `rupees (KSR)`. */
function withAbbrev(tokens: readonly Token[], end: number): { code?: string; end: number } {
  const open = tokens[end];
  const abbr = tokens[end + 1];
  const close = tokens[end + 2];
  if (open?.t !== '(' || close?.t !== ')' || !abbr) return { end };
  if (abbr.t === 'FCFA' || abbr.t === 'CFAF') return { end: end + 3 };
  if (isCode(abbr.t)) return { code: abbr.t, end: end + 3 };
  return { end };
}

/**
 * Currency codes the document defines for itself (`145 million Karsolian rupees (KSR)`), set
 * for the duration of one synchronous {@link withDocumentCodes} call.
 */
let documentCodes: ReadonlySet<string> = new Set();

/** Runs `read` with the document's own currency codes known to {@link isCode}. */
export function withDocumentCodes<T>(codes: ReadonlySet<string> | undefined, read: () => T): T {
  const previous = documentCodes;
  documentCodes = codes ?? new Set();
  try {
    return read();
  } finally {
    documentCodes = previous;
  }
}

/** The codes known for the paragraph being read, in a stable order: part of a sentence's cache key. */
export function documentCodesKey(): string {
  return [...documentCodes].sort().join(',');
}

const NONE: readonly string[] = [];

/**
 * The currency codes one paragraph defines: `(ABC)` right after a currency's unit word
 * (`Karsolian rupees (KSR)`), a code CLDR does not know.
 */
export function paragraphCodes(text: string): readonly string[] {
  let out: string[] | undefined;
  // Find `(ABC)` first, then the word before it: a scan that starts at every letter of a long
  // paragraph held a whole report's first step for hundreds of milliseconds.
  const CODE = /\(([A-Z]{2,4})\)/g;
  for (let m = CODE.exec(text); m; m = CODE.exec(text)) {
    let e = m.index;
    while (e > 0 && /\s/.test(text[e - 1]!)) e--;
    let b = e;
    while (b > 0 && /\p{L}/u.test(text[b - 1]!)) b--;
    if (b === e) continue;
    const word = text.slice(b, e);
    if (isCurrencyUnit(word) && !NOT_ALONE.has(fold(word))) (out ??= []).push(m[1]!);
  }
  return out ?? NONE;
}

/**
 * ISO 4217 codes that narratives write more often as something else: an acronym (`SDG` 8.7, the
 * Sustainable Development Goal; `COP` 28) or an English word in capitals.
 */
const NOT_CODES = new Set(['ALL', 'SDG', 'COP', 'CUP', 'TOP', 'MOP', 'PEN', 'BOB', 'GEL', 'MAD', 'TRY', 'SOS', 'CAD', 'DEM', 'BAM', 'ANG', 'NAD', 'AMD', 'SUR', 'XXX', 'XTS', 'XAU', 'XAG', 'XPT', 'XPD', 'XDR']);

/** An ISO 4217 code (CLDR's list), or a code the document defined. */
export function isCode(t: string): boolean {
  return (t.length === 3 && CURRENCY_CODES.has(t) && !NOT_CODES.has(t)) || documentCodes.has(t);
}

/**
 * A currency symbol at token i, made of up to three tokens written together (`$`, `€`, `GH₵`,
 * `HK$`, `R$`, `Rs`, `Rs.`): the code when the symbol names one currency, else the symbol as
 * written (`Rs`, `£`, `¥`), for the narrative's country to settle. Single Latin letters (`K`, `R`,
 * `P`, `L`) are too ambiguous to read as symbols.
 */
export function symbolAt(tokens: readonly Token[], i: number): { code: string; j: number } | undefined {
  const t = tokens[i];
  if (!t || t.k === Kind.Number) return undefined;
  if (t.t === 'US' && tokens[i + 1]?.t === '$') return { code: 'USD', j: i + 2 };
  let best: { code: string; j: number } | undefined;
  let s = '';
  for (let k = i; k < i + 3 && k < tokens.length; k++) {
    const x = tokens[k]!;
    if (x.k === Kind.Number || (k > i && x.sp)) break;
    s += x.t;
    if (/^[A-Za-z]$/.test(s)) continue;
    // `$` is the US dollar in a US report; a country's own dollar has its own symbol (`HK$`, `NT$`).
    if (s === '$') best = { code: 'USD', j: k + 1 };
    else if (s === 'Rs.' && best) best = { ...best, j: k + 1 };
    else {
      const codes = symbolCodes(s) ?? dollarPrefix(s);
      if (codes) best = { code: codes.length === 1 ? codes[0]! : s, j: k + 1 };
    }
  }
  return best;
}

/**
 * `TT$`, `J$`, `BZ$`: a country's dollar (or peso) written with the first letters of its code,
 * when CLDR gives no such symbol but `$` to one currency whose code starts so.
 */
function dollarPrefix(s: string): readonly string[] | undefined {
  const m = /^([A-Z]{1,3})\$$/.exec(s);
  if (!m) return undefined;
  const codes = (symbolCodes('$') ?? []).filter((c) => c.startsWith(m[1]!));
  return codes.length === 1 ? codes : undefined;
}

/** The first characters of every symbol: a cheap test before {@link symbolAt}. */
export function mayStartSymbol(t: Token): boolean {
  return t.k === Kind.Punct ? t.t !== '(' && t.t !== ')' && t.t !== ',' && t.t !== '.' : !!symbolCodes(t.t, true) || /^[A-Z]{1,3}$/.test(t.t);
}

/**
 * A written currency settled with the narrative's country and year: a code stays; a symbol or
 * a name (`Rs`, `rupees`, `FCFA`, `new kwacha`) is the country's when it is one of those the words
 * may mean. When nothing decides, `candidates` lists what it may be and `code` is the best guess:
 * the currency CLDR gives the written symbol to, else the one with a symbol of its own (the
 * widely used one: `₹` for rupees, `£` for pounds), else `pick` (the caller's guess from the
 * text, for the CFA francs) or the first.
 */
export function settleCurrency(written: string, ctx: CurrencyContext, pick?: (candidates: readonly string[]) => string | undefined): { code: string; candidates?: readonly string[] } {
  if (/^[A-Z]{2,5}$/.test(written) && written !== 'FCFA') return { code: written };
  let r: Resolved;
  // `FCFA` is CLDR's symbol of the Central African franc, but narratives write it for both.
  const symbol = written === 'FCFA' ? undefined : symbolCodes(written);
  if (symbol) {
    // `Rs` is any rupee: CLDR gives it to four of them, narratives to India's too.
    const units = new Set(symbol.map((c) => unitOf(c)));
    const codes = units.size === 1 ? resolveCurrency([[...units][0]!]).candidates ?? symbol : symbol;
    const own = ctx.country ? resolveCurrency([[...units][0]!], ctx).code : undefined;
    if (own && codes.includes(own)) return { code: own };
    const bySymbol = symbol.filter((c) => currencyInfo(c)!.symbol === written);
    if (bySymbol.length === 1) return { code: bySymbol[0]! };
    r = { candidates: [...new Set([...symbol, ...codes])] };
  } else {
    r = resolveCurrency(written.split(' '), ctx);
  }
  if (r.code) return { code: r.code };
  // The currencies still in use, or used latest, first (`lev`: BGN before the hard lev of 1962).
  let candidates = [...(r.candidates ?? [])].sort((a, b) => lastUsed(b) - lastUsed(a) || (a < b ? -1 : 1));
  // `new kwacha`: the currency that replaced an older one of its name.
  if (written.startsWith('new ')) {
    const renamed = candidates.filter(replacedSameUnit);
    if (renamed.length === 1) return { code: renamed[0]! };
    if (renamed.length > 1) candidates = renamed;
  }
  if (candidates.length === 0) return { code: written.toUpperCase() };
  const wide = candidates.filter((c) => { const s = currencyInfo(c)?.symbol; return !!s && s !== c && !/[A-Z]{2}/.test(s); });
  const guess = pick?.(candidates) ?? (wide.length === 1 ? wide[0] : undefined) ?? candidates[0]!;
  return { code: guess, candidates: [guess, ...candidates.filter((c) => c !== guess)] };
}

function unitOf(code: string): string {
  const other = fold(currencyInfo(code)?.other ?? '');
  return other.slice(other.lastIndexOf(' ') + 1);
}
