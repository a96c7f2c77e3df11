/** What a figure is about, as a bag of words, to tell two statements of one quantity. */
import type { Figure, Qualifier } from '../model';

const STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'for', 'to', 'by', 'and', 'or', 'with', 'from', 'at', 'as', 'during', 'were', 'was',
  'are', 'is', 'had', 'have', 'has', 'been', 'be', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'who',
  'which', 'reporting', 'period', 'previous', 'current', 'year', 'compared', 'than', 'more', 'least', 'approximately',
  'about', 'some', 'all', 'other', 'including', 'also',
]);

/** Content words of the counted phrase and the few words after the figure in its sentence. */
export function subjectWords(text: string, f: Figure, sentenceEnd: number, after = 8): Set<string> {
  const tail = text.slice(f.end, Math.min(sentenceEnd, f.end + 160));
  const words = (f.counts + ' ' + tail).toLowerCase().match(/[\p{L}]+(?:[-'’][\p{L}]+)*/gu) ?? [];
  const out = new Set<string>();
  let n = 0;
  for (const w of words) {
    if (n >= after + f.counts.split(/\s+/).length) break;
    n++;
    if (STOP.has(w) || w.length < 3) continue;
    out.add(w.replace(/(ies)$/, 'y').replace(/s$/, ''));
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
