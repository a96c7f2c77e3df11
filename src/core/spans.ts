/** Searching spans sorted by their start: where a narrative, a section or a sentence holds an offset. */
import type { Analysis, Meta, Span } from './model';

/** The index of the last span that starts at or before `offset`, or -1 (binary search). */
export function lastStartingAtOrBefore(spans: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The narrative an offset falls in (a whole report holds many), else the first. */
export function narrativeAt<T extends Span>(narratives: readonly T[], offset: number): T | undefined {
  return narratives[Math.max(0, lastStartingAtOrBefore(narratives, offset))];
}

/** The meta of the narrative an offset falls in, or the analysis' own. */
export function metaAt(a: Analysis, offset: number): Meta {
  return narrativeAt(a.narratives, offset)?.meta ?? a.meta;
}
