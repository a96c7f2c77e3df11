import type { Anchored } from '../../core/annotations';
import type { Decided, Entity, Figure, Mention, Money, Span } from '../../core/model';
import type { Hit } from '../../core/query';
import type { Report } from '../analysisService';

/**
 * What a decision is about: the figure, amount or entity mention of a report at a place, its
 * status, and the annotations there. Functions of the analysis service's report, shared by the
 * commands, the code actions, the hover and the cursor's context keys.
 */

export type Item =
  | { readonly kind: 'figure'; readonly figure: Figure; readonly span: Span }
  | { readonly kind: 'money'; readonly money: Money; readonly span: Span }
  | { readonly kind: 'entity'; readonly entity: Entity; readonly mention: Mention; readonly span: Span };

export function itemOfHit(hit: Hit): Item {
  if (hit.kind === 'figure') return { kind: 'figure', figure: hit.figure, span: hit.figure };
  if (hit.kind === 'money') return { kind: 'money', money: hit.money, span: hit.money };
  return { kind: 'entity', entity: hit.entity, mention: hit.mention, span: hit.mention };
}

export const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The item at exactly `span`, else the one at its start (as the cursor is). */
export function itemAt(report: Report, span: Span): Item | undefined {
  const a = report.analysis;
  if (span.end > span.start) {
    const f = a.figures.find((x) => same(x, span));
    if (f) return { kind: 'figure', figure: f, span: f };
    const m = a.money.find((x) => same(x, span) || (x.conversion && same(x.conversion, span)));
    if (m) return { kind: 'money', money: m, span: m };
    const men = report.index.allMentions().find((x) => same(x, span));
    if (men) return { kind: 'entity', entity: men.entity, mention: men, span: men };
  }
  const hit = report.index.at(span.start);
  return hit ? itemOfHit(hit) : undefined;
}

export function statusOf(item: Item): Decided {
  return item.kind === 'figure' ? item.figure : item.kind === 'money' ? item.money : item.mention;
}

export function itemName(item: Item): string {
  if (item.kind === 'figure') return `figure ${item.figure.text}`;
  if (item.kind === 'money') return `amount ${item.money.text}`;
  return `entity ${item.mention.text}`;
}

/** The annotations covering `offset` (anchored in the report's text), innermost first. */
export function annotationsAt(report: Report, offset: number): Anchored[] {
  return report.annotated.anchored
    .filter((a) => a.span && a.span.start <= offset && (offset < a.span.end || (a.span.start === a.span.end && offset === a.span.start)))
    .sort((p, q) => p.span!.end - p.span!.start - (q.span!.end - q.span!.start));
}
