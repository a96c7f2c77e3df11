/**
 * The rows as brat standoff: a `.txt` (the report text exactly as read) and an `.ann` per
 * report, an `annotation.conf` for the collection, and the names of the pairs.
 */
import type { Span } from '../model';
import { basename } from '../labels';
import { Offsets, type ExportedReport } from './rows';

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
  const base = basename(fileName.replace(/\\/g, '/'));
  const stem = base.replace(/\.tip\.txt$/i, '').replace(/\.(?:tip|txt)$/i, '');
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'report';
}

/**
 * Names for the brat pairs of one export, unique in it: a report's base name; when other reports
 * of the export share it, the path below the exported folder too (`2020__mali`); numbered if
 * that is taken as well (`mali-2`).
 */
export class BratNames {
  private readonly taken = new Set<string>();
  private readonly shared = new Map<string, number>();

  /** `files`: the names (relative paths, `/` or `\\` between folders) that may share a stem. */
  constructor(files: Iterable<string>) {
    for (const f of files) {
      const stem = bratStem(f);
      this.shared.set(stem, (this.shared.get(stem) ?? 0) + 1);
    }
  }

  /** The name of the pair of `file` (one of those given): `.txt` and `.ann` are added. */
  next(file: string): string {
    let name = bratStem(file);
    const dir = dirname(file.replace(/\\/g, '/'));
    if ((this.shared.get(name) ?? 0) > 1 && dir !== '.') name = `${dir.split('/').map((s) => bratStem(s)).join('__')}__${name}`;
    const base = name;
    for (let n = 2; this.taken.has(name); n++) name = `${base}-${n}`;
    this.taken.add(name);
    return name;
  }
}

/** The folder part of a `/`-separated path, as `path.posix.dirname` gives it: `a/b/c.txt` -> `a/b`, `c.txt` -> `.`. */
function dirname(p: string): string {
  const trimmed = p.replace(/(?<=.)\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const dir = trimmed.slice(0, i).replace(/(?<=.)\/+$/, '');
  return dir === '' ? '/' : dir;
}
