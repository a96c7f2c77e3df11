/**
 * Finding an annotation again after the text changed: first at its old position if the quote
 * is still there, else the occurrence of the quote whose context matches best (nearest the old
 * position on a tie); orphaned when the quote is nowhere. Never silently dropped.
 */
import type { Span } from '../model';
import type { Anchored, Annotation, Selector } from './model';

/** How much context a quote keeps on each side. */
export const CONTEXT = 32;

/** The selectors for `text[start, end)`. */
export function selectorFor(text: string, start: number, end: number): Selector {
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector', exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT),
    },
  ];
}

/** The length of the common end of `a` and `b` (how much of a prefix still precedes). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

export function anchor(text: string, annotation: Annotation): Anchored {
  const [pos, quote] = annotation.selector;
  const { exact } = quote;
  if (exact.length === 0) return { annotation, how: 'orphaned' };
  if (text.slice(pos.start, pos.end) === exact) {
    // Still there; but if its context changed completely and the quote is short, a better
    // occurrence may exist. The position wins only with some context agreeing.
    const ctx = commonSuffix(text.slice(Math.max(0, pos.start - CONTEXT), pos.start), quote.prefix)
      + commonPrefix(text.slice(pos.end, pos.end + CONTEXT), quote.suffix);
    if (ctx > 0 || (quote.prefix.length === 0 && quote.suffix.length === 0) || exact.length >= 16) {
      return { annotation, span: { start: pos.start, end: pos.end }, how: 'position' };
    }
  }
  const full = quote.prefix.length + quote.suffix.length;
  // Near the old place first (a window around it): an edit elsewhere moves text a little, and
  // a report of 4.5 MB with a thousand annotations must not be searched a thousand times.
  const near = search(text, exact, quote, pos.start, Math.max(0, pos.start - WINDOW), Math.min(text.length, pos.end + WINDOW));
  if (near && near.score === full) return { annotation, span: near.span, how: 'quote' };
  const anywhere = search(text, exact, quote, pos.start, 0, text.length) ?? near;
  // A short quote found again only where little of its context agrees is not the same place
  // (the annotated occurrence was deleted, another remains): orphaned, not moved.
  if (!anywhere || (exact.length < 16 && anywhere.score < Math.min(MIN_CONTEXT, full))) return { annotation, how: 'orphaned' };
  return { annotation, span: anywhere.span, how: 'quote' };
}

/** How many characters of context a short quote must share to be the same place (a space or a `the ` is no evidence). */
const MIN_CONTEXT = 8;

/** How far around its old place an annotation is looked for first. */
const WINDOW = 4096;

function search(text: string, exact: string, quote: { prefix: string; suffix: string }, old: number, from: number, to: number):
  { span: Span; score: number } | undefined {
  let best: Span | undefined;
  let bestScore = -1;
  let bestDistance = Infinity;
  for (let at = text.indexOf(exact, from); at !== -1 && at + exact.length <= to; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score = commonSuffix(text.slice(Math.max(0, at - CONTEXT), at), quote.prefix)
      + commonPrefix(text.slice(end, end + CONTEXT), quote.suffix);
    const distance = Math.abs(at - old);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = { start: at, end };
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best ? { span: best, score: bestScore } : undefined;
}

export function anchorAll(text: string, annotations: readonly Annotation[]): Anchored[] {
  return annotations.map((a) => anchor(text, a));
}

/** The annotation with its selectors moved to where it was found (for saving after edits). */
export function refreshed(text: string, a: Anchored): Annotation {
  if (!a.span || a.how === 'position') return a.annotation;
  return { ...a.annotation, selector: selectorFor(text, a.span.start, a.span.end) };
}
