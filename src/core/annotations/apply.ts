/**
 * A researcher's decision overrides the engine everywhere: the analysis every feature reads
 * (highlights, tree, hovers, checks, exports) is the engine's with the annotations applied.
 * Rejected items leave it (and are kept aside for exports); corrected ones take the attributes
 * the researcher set (`correct.ts`) and keep what the engine read of them (`was`); manual ones are
 * added; confirmed ones say so.
 */
import { fold } from '../gazetteer';
import type { Analysis, Correction, Entity, EntityType, Figure, Mention, Metric, Money, Span } from '../model';
import { digitValue, wordValue } from '../numbers';
import { lastStartingAtOrBefore } from '../spans';
import { ATTRIBUTES, attributesOf, correctFigure, correctionOf, correctLongForm, correctMoney, only, readingOf, sameAttribute } from './correct';
import type { Anchored, Annotation } from './model';

export interface Annotated {
  readonly analysis: Analysis;
  /** What was rejected, for exports that list every decision. */
  readonly rejected: {
    readonly figures: readonly Figure[];
    readonly money: readonly Money[];
    readonly mentions: ReadonlyArray<Mention & { readonly entity: Entity }>;
  };
  /** Annotations whose text is gone: shown with their quote, never dropped. */
  readonly orphaned: readonly Annotation[];
  /** Notes and free labels, anchored: shown as their own highlights and in hovers. */
  readonly notes: readonly Anchored[];
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;


/** The engine item an annotation decides about: the exact span first, else the one it overlaps. */
function pick<T extends Span>(items: readonly T[], span: Span): number {
  let overlap = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.start === span.start && it.end === span.end) return i;
    if (overlap < 0 && overlaps(it, span)) overlap = i;
  }
  return overlap;
}

/** A number read from the annotated text (`40`, `two million`), NaN when there is none. */
function valueOf(text: string): number {
  const t = text.trim().toLowerCase();
  const d = digitValue(t.replace(/[^\d.,]/g, ''));
  if (/\d/.test(t) && d !== undefined) return d;
  const w = wordValue(t.split(/\s+/)[0] ?? '');
  return w ?? Number.NaN;
}

export function applyAnnotations(base: Analysis, anchored: readonly Anchored[], text: string): Annotated {
  let figures: Figure[] = [...base.figures];
  let money: Money[] = [...base.money];
  type Mutable = MutableEntity;
  const entities: Mutable[] = base.entities.map((e) => ({ ...e, mentions: [...e.mentions] }));
  const rejected = { figures: [] as Figure[], money: [] as Money[], mentions: [] as Array<Mention & { entity: Entity }> };
  const orphaned: Annotation[] = [];
  const notes: Anchored[] = [];
  const sentenceAt = (offset: number): number => Math.max(0, lastStartingAtOrBefore(base.sentences, offset));
  const sectionAt = (offset: number): Figure['section'] => base.paragraphs[lastStartingAtOrBefore(base.paragraphs, offset)]?.section ?? 'other';
  const gone = { figures: new Set<Figure>(), money: new Set<Money>() };

  for (const a of anchored) {
    const ann = a.annotation;
    if (!a.span) {
      orphaned.push(ann);
      continue;
    }
    // A dismissal decides about a finding of the check, not about an item (checks/dismiss.ts).
    if (ann.decision === 'dismiss') continue;
    const span = a.span;
    const decided = { annotation: ann.id, ...(ann.note ? { note: ann.note } : {}) };
    if (ann.decision === 'note' || ann.label?.kind === 'free') {
      notes.push(a);
      if (ann.decision === 'note') continue;
    }
    const about = ann.about ?? (ann.label?.kind === 'entity' ? 'entity' : ann.label?.kind === 'figure' ? 'figure' : undefined);
    const correction = correctionOf(ann);
    if (ann.decision === 'manual') {
      if (ann.label?.kind === 'figure') {
        const t = text.slice(span.start, span.end);
        figures.push(correctFigure({
          start: span.start, end: span.end, text: t, value: valueOf(t), counts: '', metric: ann.label.metric as Metric,
          period: 'unspecified', section: sectionAt(span.start), sentence: sentenceAt(span.start), status: 'manual', ...decided,
        }, correction));
      } else if (ann.label?.kind === 'entity') {
        const e = addMention(entities, span, text, ann.label.type, { status: 'manual', ...decided });
        if (correction.longForm !== undefined) entities[entities.indexOf(e)] = correctLongForm(e, correction.longForm, text.slice(span.start, span.end));
      }
      continue;
    }
    // confirm, reject, correct: about the engine's item here.
    const fi = about !== 'entity' && about !== 'money' ? pick(figures, span) : -1;
    const mi = fi < 0 && about !== 'entity' && about !== 'figure' ? pick(money, span) : -1;
    if (fi >= 0) {
      const f = figures[fi]!;
      if (ann.decision === 'reject') {
        rejected.figures.push({ ...f, status: 'rejected', ...decided });
        gone.figures.add(f);
      } else if (ann.decision === 'correct') {
        const c = changed(correction, readingOf({ figure: f }), 'figure');
        if (c) figures[fi] = { ...correctFigure(f, c), status: 'corrected', ...decided, was: only(readingOf({ figure: f }), attributesOf(c)) };
      } else if (ann.decision === 'confirm') {
        figures[fi] = { ...f, status: 'confirmed', ...decided };
      }
      continue;
    }
    if (mi >= 0) {
      const m = money[mi]!;
      if (ann.decision === 'reject') {
        rejected.money.push({ ...m, status: 'rejected', ...decided });
        gone.money.add(m);
      } else if (ann.decision === 'confirm') {
        money[mi] = { ...m, status: 'confirmed', ...decided };
      } else {
        const c = changed(correction, readingOf({ money: m }), 'money');
        money[mi] = c ? { ...correctMoney(m, c), status: 'corrected', ...decided, was: only(readingOf({ money: m }), attributesOf(c)) } : { ...m, status: 'corrected', ...decided };
      }
      continue;
    }
    // An entity mention.
    for (let e = 0; e < entities.length; e++) {
      const ent = entities[e]!;
      const k = pick(ent.mentions, span);
      if (k < 0) continue;
      const m = ent.mentions[k]!;
      if (ann.decision === 'reject') {
        rejected.mentions.push({ ...m, entity: ent, status: 'rejected', ...decided });
        ent.mentions.splice(k, 1);
      } else if (ann.decision === 'correct') {
        const c = changed(correction, readingOf({ entity: ent }), 'entity');
        if (!c) break;
        const was = only(readingOf({ entity: ent }), attributesOf(c));
        let target: Mutable = ent;
        if (c.type) {
          ent.mentions.splice(k, 1);
          target = addMention(entities, m, text, c.type, { status: 'corrected', ...decided, was });
        } else ent.mentions[k] = { ...m, status: 'corrected', ...decided, was };
        if (c.longForm !== undefined) entities[entities.indexOf(target)] = correctLongForm(target, c.longForm, m.text);
      } else if (ann.decision === 'confirm') {
        ent.mentions[k] = { ...m, status: 'confirmed', ...decided };
      }
      break;
    }
  }
  // Rejections are dropped once, at the end (not an array copy per rejection).
  if (gone.figures.size) figures = figures.filter((f) => !gone.figures.has(f));
  if (gone.money.size) money = money.filter((m) => !gone.money.has(m));
  figures.sort((p, q) => p.start - q.start);
  const kept = entities.filter((e) => e.mentions.length > 0);
  for (const e of kept) e.mentions.sort((p, q) => p.start - q.start);
  kept.sort((p, q) => p.mentions[0]!.start - q.mentions[0]!.start);
  return { analysis: { ...base, figures, money, entities: kept }, rejected, orphaned, notes };
}

/**
 * Of a correction, the attributes of an item of `kind` that it reads otherwise than the item
 * does now; undefined when there are none (a metric on an entity, say, or what the engine read).
 */
function changed(c: Correction, now: Correction, kind: 'figure' | 'money' | 'entity'): Correction | undefined {
  const attrs = ATTRIBUTES[kind].filter((a) => c[a] !== undefined && !sameAttribute(a, c, now));
  return attrs.length > 0 ? only(c, attrs) : undefined;
}

type MutableEntity = Entity & { mentions: Mention[] };

/** A mention of `type` at `span`: joins the entity of that type and name, or starts one; returns that entity. */
function addMention(entities: MutableEntity[], span: Span, text: string, type: EntityType, decided: Partial<Mention>): MutableEntity {
  const t = text.slice(span.start, span.end);
  const key = fold(t);
  const mention: Mention = { start: span.start, end: span.end, text: t, ...decided };
  const same = entities.find((e) => e.type === type && (fold(e.name) === key || (e.acronym && fold(e.acronym) === key)));
  if (same) {
    same.mentions.push(mention);
    return same;
  }
  const created: MutableEntity = { id: `${type}:${key}`, type, name: t, mentions: [mention] };
  entities.push(created);
  return created;
}
