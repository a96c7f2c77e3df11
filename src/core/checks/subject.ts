/** What a figure is about, as a bag of words, to tell two statements of one quantity. */
import { isCurrencyUnit } from '../currencies';
import type { Figure, Qualifier, Span } from '../model';

const STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'by', 'and', 'or', 'with', 'from', 'at', 'as', 'during', 'were', 'was',
  'are', 'is', 'had', 'have', 'has', 'been', 'be', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'who',
  'which', 'reporting', 'period', 'previous', 'current', 'year', 'compared', 'than', 'more', 'least', 'approximately',
  'about', 'some', 'all', 'other', 'including', 'also',
]);

const WORD = /[\p{L}]+(?:[-'’][\p{L}]+)*/gu;
const words = (text: string): string[] => text.toLowerCase().match(WORD) ?? [];
/** A content word as compared: `shelters` -> `shelter`, `activities` -> `activity`; undefined for a stop word. */
const content = (w: string): string | undefined => (STOP.has(w) || w.length < 3 ? undefined : w.replace(/(ies)$/, 'y').replace(/s$/, ''));

/** Content words of the counted phrase and the few words after the figure in its sentence. */
export function subjectWords(text: string, f: Figure, sentenceEnd: number, after = 8): Set<string> {
  const tail = text.slice(f.end, Math.min(sentenceEnd, f.end + 160));
  const out = new Set<string>();
  for (const w of words(f.counts + ' ' + tail).slice(0, after + f.counts.split(/\s+/).length)) {
    const c = content(w);
    if (c) out.add(c);
  }
  return out;
}

/**
 * What an amount is said of, as a bag of words: the content words of its sentence, `around` on
 * each side, less the words of amounts (`million`, `FCFA`), since an amount names no metric.
 */
export function sentenceWords(text: string, s: Span, sentence: Span, around = 8): Set<string> {
  const near = [
    ...words(text.slice(Math.max(sentence.start, s.start - 160), s.start)).slice(-around),
    ...words(text.slice(s.end, Math.min(sentence.end, s.end + 160))).slice(0, around),
  ];
  const out = new Set<string>();
  for (const w of near) {
    const c = /^(hundred|thousand|million|billion)s?$/.test(w) || isCurrencyUnit(w) ? undefined : content(w);
    if (c) out.add(c);
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}

/** Can two statements be of one value? `at least 40` and `45` can; `40` and `45` cannot. */
export function compatible(a: { value: number; max?: number; qualifier?: Qualifier }, b: { value: number; max?: number; qualifier?: Qualifier }): boolean {
  if (a.value === b.value && a.max === b.max) return true;
  const fits = (x: typeof a, y: typeof b): boolean => {
    switch (x.qualifier) {
      case 'at least': return y.value >= x.value;
      case 'more than': return y.value > x.value;
      case 'fewer than': return y.value < x.value;
      case 'at most':
      case 'up to': return y.value <= x.value;
      case 'approximately': return Math.abs(y.value - x.value) <= 0.1 * x.value;
      default: return false;
    }
  };
  return fits(a, b) || fits(b, a);
}

/** Words before a figure that make it a different quantity from an earlier one of the same kind. */
export function isAnother(text: string, f: Figure): boolean {
  return /\b(an additional|additional|another|a further|further|other|remaining|new|more)\s+$/i.test(text.slice(Math.max(0, f.start - 20), f.start));
}
