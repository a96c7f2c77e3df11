/**
 * Currencies: symbols, ISO codes, the codes a document defines for itself (`Karsolian rupees
 * (KSR)`), and currency names after an amount (`West African CFA francs (FCFA)`, `Emirati dirhams`).
 */
import { CURRENCY_WORDS, ISO_CODES } from '../../gazetteer';
import { isCapitalized, Kind, type Token } from '../../tokens';
import { table } from '../../table';

export function currencyAfter(tokens: readonly Token[], j: number): { code: string; end: number } | undefined {
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

const CURRENCY_DEFINITION = /\b(?:rupees?|pesos?|francs?|dollars?|dinars?|riyals?|rials?|shillings?|pounds?|naira|cedis?|dirhams?|taka|kwacha|leones?|birr|lei|lev|leva|hryvnias?|rubles?|roubles?|yuan|yen|won|baht|dong|kyats?|ringgit|rupiah|soms?|manats?|tenge|lari|drams?|afghanis?|lempiras?|quetzals?|colones?|cordobas?|bolivianos?|soles?|guaranies?|reais|kips?|riels?|rufiyaa|ouguiyas?|dalasis?|marks?|kunas?|forints?|zlotys?|korunas?|krona|kronor|krone|kroner|denars?|lek|euros?)\s*\(([A-Z]{2,4})\)/g;

const NONE: readonly string[] = [];

/** The currency codes one paragraph defines: `(ABC)` first (a fast literal scan), then a currency name before it. */
export function paragraphCodes(text: string): readonly string[] {
  let out: string[] | undefined;
  const ABBR = /\(([A-Z]{2,4})\)/g;
  for (let m = ABBR.exec(text); m; m = ABBR.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index + m[0].length);
    CURRENCY_DEFINITION.lastIndex = 0;
    const c = CURRENCY_DEFINITION.exec(before);
    if (c && c.index + c[0].length === before.length) (out ??= []).push(c[1]!);
  }
  return out ?? NONE;
}

export function isCode(t: string): boolean {
  return ISO_CODES.has(t) || documentCodes.has(t);
}

/** The code a currency name is given in parentheses right after it, if any: `rupees (KSR)`. */
function abbrevAfter(tokens: readonly Token[], end: number): string | undefined {
  const abbr = tokens[end + 1];
  if (tokens[end]?.t === '(' && tokens[end + 2]?.t === ')' && abbr && isCode(abbr.t)) return abbr.t;
  return undefined;
}

export const SYMBOLS = table<string>({ $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₦': 'NGN' });
