/**
 * Exporting reports as a dataset: one row per figure, money amount, entity mention and
 * annotation of each report, with the researcher's decisions applied (a decision overrides the
 * engine; what was rejected stays, with status `rejected`; an annotation whose text is gone
 * stays, with status `orphaned` and its quote), written as CSV, JSON Lines or brat standoff.
 *
 * Plain data in, strings out: no `vscode`, no file system. The command line and the
 * extension read the files and write what this returns.
 *
 * Offsets. `start` and `end` count Unicode code points (as Python and R index strings, and as
 * brat reads its `.txt`), not the UTF-16 code units of the model: they differ only after a
 * character beyond U+FFFF. They are offsets into the report text as read (a UTF-8 byte order
 * mark dropped, line ends kept as they are, CRLF included), which is exactly the text of the
 * brat `.txt` copy. `line` and `column` are 1-based; the column counts code points too.
 *
 * CSV. RFC 4180: every record ends in CRLF; a field holding a comma, a double quote, CR or LF
 * is quoted, its quotes doubled. A UTF-8 byte order mark on request, so that spreadsheets
 * that guess the encoding read UTF-8. Formula injection: a text field (a cell that is text in
 * the model: the text as written, a note, a name, a file name) starting with `=`, `+`, `-`,
 * `@`, a tab or CR gets a leading `'`, so a spreadsheet shows it instead of evaluating it.
 * Numeric fields (offsets, year, value, rate) are never prefixed: `-5` stays a number. JSON
 * Lines carry the text unchanged (no spreadsheet reads them).
 */
import { anchorAll, applyAnnotations, type Anchored, type Annotation, type Label } from './annotations';
import type { Analysis, Entity, Figure, Mention, Money, SectionKind, Span } from './model';
import { metaAt } from './spans';

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
  /** UTF-16 offsets where lines start (after CRLF, LF or a lone CR). */
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c >= 0xd800 && c <= 0xdbff) {
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
    const line = countBelow(this.lineStarts, offset + 1) - 1;
    return { line: line + 1, column: this.codePoint(offset) - this.codePoint(this.lineStarts[line]!) + 1 };
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


/** The section an offset falls in, from the analysis' sections (ascending, not overlapping). */
function sectionAt(a: Analysis, offset: number): SectionKind | undefined {
  const ss = a.sections;
  let lo = 0;
  let hi = ss.length - 1;
  let found: SectionKind | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.start <= offset) {
      if (offset < ss[mid]!.end || (offset === ss[mid]!.end && mid === ss.length - 1)) found = ss[mid]!.kind;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A number cell, or nothing for a value that is not a finite number. */
function num(v: number | undefined): number | undefined {
  return v === undefined || !Number.isFinite(v) ? undefined : v;
}

function rate(r: number | undefined): number | undefined {
  return r === undefined || !Number.isFinite(r) ? undefined : Math.round(r * 10000) / 10000;
}

/** `figure:victims-identified`, `entity:country`, `free:needs source`. */
export function labelText(l: Label | undefined): string | undefined {
  if (!l) return undefined;
  if (l.kind === 'entity') return `entity:${l.type}`;
  if (l.kind === 'figure') return `figure:${l.metric}`;
  return `free:${l.label}`;
}

const DECISION_STATUS: Record<Annotation['decision'], RowStatus> = {
  manual: 'manual', confirm: 'confirmed', reject: 'rejected', correct: 'corrected', note: 'note',
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
  const decided = (d: { status?: string; annotation?: string; note?: string }): Record<string, Cell | undefined> => ({
    status: d.status ?? 'automatic', annotation_id: d.annotation, note: d.note,
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

// ---------------------------------------------------------------------------------------
// CSV

/** The first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled).
 * `guard` prefixes `'` to a text starting like a formula (see the module comment).
 */
export function csvField(s: string, guard = false): string {
  const v = guard && FORMULA_START.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A cell: text is guarded, numbers and flags are written as they are. */
export function csvCell(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return csvField(c, true);
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), for spreadsheets that guess the encoding. */
  readonly bom?: boolean;
}

/** The header record, after the byte order mark when asked. */
export function csvHeader(options: CsvOptions = {}): string {
  return (options.bom ? '\uFEFF' : '') + COLUMNS.join(',') + '\r\n';
}

/** The records of `rows`, each ending in CRLF. */
export function csvRecords(rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) out += COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n';
  return out;
}

/** A whole CSV document. */
export function toCsv(rows: readonly Row[], options: CsvOptions = {}): string {
  return csvHeader(options) + csvRecords(rows);
}

// ---------------------------------------------------------------------------------------
// JSON Lines

/**
 * One JSON object a line, its keys in column order, empty cells left out. Line and paragraph
 * separators (and NEL) are escaped too, so that no line reader splits a record.
 */
export function jsonlLines(rows: readonly Row[]): string {
  let out = '';
  for (const r of rows) {
    const o: Record<string, Cell> = {};
    for (const c of COLUMNS) {
      const v = r[c];
      if (v !== undefined) o[c] = v;
    }
    out += JSON.stringify(o).replace(/[\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// brat standoff

/** A brat type or attribute name: letters, digits, `_` and `-` only (no spaces). */
export function bratLabel(s: string): string {
  const safe = s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return safe || 'Label';
}

/**
 * What ends a line for brat: it reads the `.ann` with Python's codecs, whose `readline` splits
 * at every Unicode line boundary, not only at LF.
 */
const BRAT_BREAK = /[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** The line-free pieces of a span (a brat text-bound annotation cannot hold a line break). */
function fragments(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || BRAT_BREAK.test(text[i]!)) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** Text on one line for a brat note: line breaks and tabs as spaces. */
function oneLine(s: string): string {
  return s.replace(/\s*[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+\s*/g, ' ').trim();
}

export interface BratDocument {
  /** The `.txt`: the report text exactly as read; offsets of `.ann` point into it. */
  readonly txt: string;
  readonly ann: string;
  /** The labels and attribute values used, for `annotation.conf`. */
  readonly labels: ReadonlySet<string>;
  readonly attributes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Annotations left out because their text is gone (orphaned). */
  readonly unplaced: number;
}

/**
 * The brat standoff of a report: `T` lines (`T1\tLabel start end\ttext`, offsets in code points
 * into the `.txt`; a span over a line break becomes fragments `s1 e1;s2 e2`, their texts joined
 * by a space, as brat writes them), `A` lines for the status and period (`A1\tStatus T1
 * rejected`), `#` lines for researchers' notes (`#1\tAnnotatorNotes T1\tnote`).
 */
export function toBrat(report: ExportedReport): BratDocument {
  const { text } = report;
  const offsets = new Offsets(text);
  const labels = new Set<string>();
  const attributes = new Map<string, Set<string>>();
  const attr = (name: string, value: string): string => {
    let set = attributes.get(name);
    if (!set) attributes.set(name, (set = new Set()));
    const v = bratLabel(value);
    set.add(v);
    return v;
  };
  const items = [...report.brat].sort((p, q) => p.span.start - q.span.start || p.span.end - q.span.end || p.row - q.row);
  let t = 0;
  let an = 0;
  let notes = 0;
  let out = '';
  for (const item of items) {
    const row = report.rows[item.row]!;
    const parts = fragments(text, item.span);
    if (parts.length === 0) continue;
    const label = bratLabel(item.label);
    labels.add(label);
    const id = `T${++t}`;
    const where = parts.map((p) => `${offsets.codePoint(p.start)} ${offsets.codePoint(p.end)}`).join(';');
    out += `${id}\t${label} ${where}\t${parts.map((p) => text.slice(p.start, p.end)).join(' ')}\n`;
    out += `A${++an}\tStatus ${id} ${attr('Status', row.status)}\n`;
    if (typeof row.period === 'string') out += `A${++an}\tPeriod ${id} ${attr('Period', row.period)}\n`;
    if (typeof row.note === 'string' && oneLine(row.note)) out += `#${++notes}\tAnnotatorNotes ${id}\t${oneLine(row.note)}\n`;
  }
  return { txt: text, ann: out, labels, attributes, unplaced: report.orphaned };
}

/** The first line of the `annotation.conf` TIP Lens writes: a file starting so is its own to rewrite. */
export const BRAT_CONF_MARK = '# annotation.conf written by TIP Lens export';

/**
 * An `annotation.conf` declaring every label and attribute value used, so brat shows the
 * collection as it is (overlaps allowed: a figure may lie inside a note).
 */
export function bratConfig(labels: Iterable<string>, attributes: ReadonlyMap<string, Iterable<string>>): string {
  const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
  let out = `${BRAT_CONF_MARK}\n[entities]\n`;
  for (const l of sorted(labels)) out += `${l}\n`;
  out += '\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n';
  for (const [name, values] of [...attributes].sort((p, q) => p[0].localeCompare(q[0]))) {
    out += `${name}\tArg:<ENTITY>, Value:${sorted(values).join('|')}\n`;
  }
  return out;
}

/** Merges one document's labels and attribute values into a running set for `annotation.conf`. */
export function collectBratTypes(into: { labels: Set<string>; attributes: Map<string, Set<string>> }, doc: BratDocument): void {
  for (const l of doc.labels) into.labels.add(l);
  for (const [name, values] of doc.attributes) {
    let set = into.attributes.get(name);
    if (!set) into.attributes.set(name, (set = new Set()));
    for (const v of values) set.add(v);
  }
}

/** The name of a report's brat pair: `veldora-2023.tip.txt` -> `veldora-2023` (`.txt` and `.ann` are added). */
export function bratStem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const stem = base.replace(/\.tip\.txt$/i, '').replace(/\.(?:tip|txt)$/i, '');
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'report';
}
