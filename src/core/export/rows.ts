/**
 * Exporting reports as a dataset: one row per figure, money amount, entity mention and
 * annotation of each report, with the researcher's decisions applied (a decision overrides the
 * engine; what was rejected stays, with status `rejected`; an annotation whose text is gone
 * stays, with status `orphaned` and its quote). The rows are written as CSV (`csv.ts`), JSON
 * Lines (`jsonl.ts`) or brat standoff (`brat.ts`); `pipeline.ts` runs a whole export.
 *
 * Plain data in, strings out: no `vscode`, no file system. The command line and the
 * extension read the files and write what this returns.
 *
 * Offsets. `start` and `end` count Unicode code points (as Python and R index strings, and as
 * brat reads its `.txt`), not the UTF-16 code units of the model: they differ only after a
 * character beyond U+FFFF. They are offsets into the report text as read (a UTF-8 byte order
 * mark dropped, line ends kept as they are, CRLF included), which is exactly the text of the
 * brat `.txt` copy. `line` and `column` are 1-based; the column counts code points too.
 */
import { anchorAll, applyAnnotations, type Anchored, type Annotation, type Label } from '../annotations';
import { roundRate } from '../currency';
import { LineMap } from '../lines';
import type { Analysis, Decided, Entity, Figure, Mention, Money, SectionKind, Span } from '../model';
import { lastStartingAtOrBefore, metaAt } from '../spans';

export type Kind = 'figure' | 'money' | 'entity' | 'annotation';

/**
 * An item's status: what the engine found (`automatic`) or what a researcher decided. An
 * annotation row says what it decided (`note` decides nothing), or `orphaned` when its text is
 * gone from the report.
 */
export type RowStatus = 'automatic' | 'confirmed' | 'corrected' | 'rejected' | 'manual' | 'note' | 'orphaned';

/** Every column of every kind; a row leaves empty what its kind does not have. */
export const COLUMNS = [
  'kind', 'file', 'country', 'year', 'tier', 'section', 'start', 'end', 'line', 'column', 'text', 'status',
  'metric', 'period', 'value', 'max', 'qualifier', 'unit', 'counts',
  'currency', 'conversion_value', 'conversion_max', 'conversion_currency', 'implied_rate',
  'entity_id', 'entity_type', 'entity_name', 'acronym', 'definition',
  'annotation_id', 'decision', 'label', 'note', 'anchor',
  'set', 'engine_read',
] as const;

export type Column = (typeof COLUMNS)[number];

/** A cell: text, a number (never guarded in CSV), or a flag. */
export type Cell = string | number | boolean;

export type Row = { readonly kind: Kind; readonly status: RowStatus } & Partial<Record<Column, Cell>>;

/** One report to export: its name as it should appear, its text, the engine's analysis and its annotation file's annotations. */
export interface ExportSource {
  readonly file: string;
  readonly text: string;
  /** The engine's analysis of `text`, before any annotation. */
  readonly analysis: Analysis;
  readonly annotations?: readonly Annotation[];
}

/** A place in the text for the brat `.ann`: the label and the span (UTF-16, into `text`). */
export interface BratSpan {
  readonly row: number;
  readonly label: string;
  readonly span: Span;
}

export interface ExportedReport {
  readonly file: string;
  readonly text: string;
  readonly rows: readonly Row[];
  /** The rows that are text-bound in brat, by index into `rows`. */
  readonly brat: readonly BratSpan[];
  readonly counts: Readonly<Record<Kind, number>>;
  /** Annotations whose text is gone: rows, but no place in a brat `.ann`. */
  readonly orphaned: number;
}

// ---------------------------------------------------------------------------------------
// Offsets: UTF-16 code units to code points, and lines

/** Converts UTF-16 offsets into `text` to code points, and finds 1-based lines and columns. */
export class Offsets {
  /** UTF-16 offsets of the high surrogates of astral characters, ascending. */
  private readonly astral: number[] = [];
  /** Where lines start (after CRLF, LF or a lone CR), as VS Code counts them. */
  private readonly lines: LineMap;

  constructor(text: string) {
    this.lines = new LineMap(text);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** The code point offset of a UTF-16 offset (inside a surrogate pair: the character's start). */
  codePoint(offset: number): number {
    // Each pair that starts before `offset` is one code point for two code units.
    return offset - countBelow(this.astral, offset);
  }

  /** 1-based line, and column in code points. */
  position(offset: number): { line: number; column: number } {
    const line = this.lines.line(offset);
    return { line: line + 1, column: this.codePoint(offset) - this.codePoint(this.lines.lineStart(line)) + 1 };
  }
}

/** How many of the ascending `xs` are below `v`. */
function countBelow(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------
// Rows

/** The section an offset falls in, from the analysis' sections (ascending, not overlapping); the last one holds its end. */
function sectionAt(a: Analysis, offset: number): SectionKind | undefined {
  const ss = a.sections;
  const i = lastStartingAtOrBefore(ss, offset);
  const s = ss[i];
  return s && (offset < s.end || (offset === s.end && i === ss.length - 1)) ? s.kind : undefined;
}

/** A number cell, or nothing for a value that is not a finite number. */
function num(v: number | undefined): number | undefined {
  return v === undefined || !Number.isFinite(v) ? undefined : v;
}

/** An implied rate at the precision every view shows ({@link roundRate}), or nothing. */
function rate(r: number | undefined): number | undefined {
  return r === undefined || !Number.isFinite(r) ? undefined : roundRate(r);
}

/** `figure:victims-identified`, `entity:country`, `free:needs source`. */
export function labelText(l: Label | undefined): string | undefined {
  if (!l) return undefined;
  if (l.kind === 'entity') return `entity:${l.type}`;
  if (l.kind === 'figure') return `figure:${l.metric}`;
  return `free:${l.label}`;
}

const DECISION_STATUS: Record<Annotation['decision'], RowStatus> = {
  manual: 'manual', confirm: 'confirmed', reject: 'rejected', correct: 'corrected', note: 'note', dismiss: 'note',
};

/** Keeps only defined cells, so that rows compare and serialize cleanly. */
function compact(r: Record<string, Cell | undefined>): Row {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== '') out[k] = v;
  return out as unknown as Row;
}

/**
 * The rows of one report: its figures, money and entity mentions (the researcher's decisions
 * applied, rejected ones kept with status `rejected`), then its annotations (orphaned ones
 * with their quote). Each kind is in text order.
 */
export function exportReport(src: ExportSource): ExportedReport {
  const { file, text } = src;
  const anchored: Anchored[] = src.annotations && src.annotations.length > 0 ? anchorAll(text, src.annotations) : [];
  const applied = applyAnnotations(src.analysis, anchored, text);
  const a = applied.analysis;
  const offsets = new Offsets(text);
  const rows: Row[] = [];
  const brat: BratSpan[] = [];

  const place = (span: Span): Record<string, Cell | undefined> => {
    const m = metaAt(a, span.start);
    const p = offsets.position(span.start);
    return {
      country: m.country, year: m.year, tier: m.tier,
      start: offsets.codePoint(span.start), end: offsets.codePoint(span.end), line: p.line, column: p.column,
    };
  };
  // A corrected item says what the engine read of what was corrected (`{"period":"previous"}`).
  const decided = (d: Decided): Record<string, Cell | undefined> => ({
    status: d.status ?? 'automatic', annotation_id: d.annotation, note: d.note, engine_read: d.was ? JSON.stringify(d.was) : undefined,
  });
  const push = (row: Row, span: Span | undefined, label: string | undefined): void => {
    if (span && label) brat.push({ row: rows.length, label, span: { start: span.start, end: span.end } });
    rows.push(row);
  };

  // Figures, the rejected ones among them.
  const figures: Figure[] = [...a.figures, ...applied.rejected.figures].sort((p, q) => p.start - q.start || p.end - q.end);
  for (const f of figures) {
    push(compact({
      kind: 'figure', file, ...place(f), section: f.section, text: f.text, ...decided(f),
      metric: f.metric, period: f.period, value: num(f.value), max: num(f.max), qualifier: f.qualifier, unit: f.unit, counts: f.counts,
    }), f, `Figure-${f.metric}`);
  }

  const money: Money[] = [...a.money, ...applied.rejected.money].sort((p, q) => p.start - q.start || p.end - q.end);
  for (const m of money) {
    push(compact({
      kind: 'money', file, ...place(m), section: m.section, text: m.text, ...decided(m),
      period: m.period, value: num(m.value), max: num(m.max), currency: m.currency,
      conversion_value: num(m.conversion?.value), conversion_max: num(m.conversion?.max), conversion_currency: m.conversion?.currency,
      implied_rate: rate(m.impliedRate),
    }), m, 'Money');
  }

  // Entity mentions, one row each.
  const mentions: Array<{ m: Mention; e: Entity }> = [];
  for (const e of a.entities) for (const m of e.mentions) mentions.push({ m, e });
  for (const r of applied.rejected.mentions) mentions.push({ m: r, e: r.entity });
  mentions.sort((p, q) => p.m.start - q.m.start || p.m.end - q.m.end);
  for (const { m, e } of mentions) {
    push(compact({
      kind: 'entity', file, ...place(m), section: sectionAt(a, m.start), text: m.text, ...decided(m),
      entity_id: e.id, entity_type: e.type, entity_name: e.name, acronym: e.acronym, definition: m.definition ? true : undefined,
    }), m, `Entity-${e.type}`);
  }

  // Annotations: the anchored ones in text order, then the orphaned ones in file order.
  const order = anchored.map((x, i) => ({ x, i })).sort((p, q) =>
    (p.x.span ? 0 : 1) - (q.x.span ? 0 : 1) || (p.x.span && q.x.span ? p.x.span.start - q.x.span.start : 0) || p.i - q.i);
  let orphaned = 0;
  for (const { x } of order) {
    const ann = x.annotation;
    const common = {
      kind: 'annotation', file, annotation_id: ann.id, decision: ann.decision, label: labelText(ann.label), note: ann.note, anchor: x.how,
      set: ann.set ? JSON.stringify(ann.set) : undefined,
    };
    if (!x.span) {
      orphaned++;
      // Where it was is unknown now; a report of one narrative still names its country.
      const m = a.narratives.length <= 1 ? a.meta : undefined;
      push(compact({ ...common, country: m?.country, year: m?.year, tier: m?.tier, text: ann.selector[1].exact, status: 'orphaned' }), undefined, undefined);
      continue;
    }
    // Notes and free labels are places of their own in brat; other decisions live on their item.
    const label = ann.label?.kind === 'free' ? `Label-${ann.label.label}` : ann.decision === 'note' ? 'Note' : undefined;
    push(compact({
      ...common, ...place(x.span), section: sectionAt(a, x.span.start), text: text.slice(x.span.start, x.span.end),
      status: DECISION_STATUS[ann.decision],
    }), x.span, label);
  }

  const counts: Record<Kind, number> = { figure: figures.length, money: money.length, entity: mentions.length, annotation: anchored.length };
  return { file, text, rows, brat, counts, orphaned };
}

