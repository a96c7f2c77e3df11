/**
 * One export, whoever reads the files and writes the output. `tip-lens export`
 * (src/cli/export.ts) and the Export Dataset command (src/extension/exportDataset.ts) find the
 * reports by the rules here, hand each report's text, analysis and annotations to one
 * {@link ExportRun}, and write what it gives back: the same rows, the same brat names, the same
 * `annotation.conf`, the same summary. They differ only in how they read and write (Node's file
 * system, VS Code's `workspace.fs` and open documents) and in how they report progress.
 */
import { ANNOTATION_SUFFIX, parseAnnotationFile, type Annotation } from '../annotations';
import { detectTipReport } from '../detect';
import { plural } from '../labels';
import { BRAT_CONF_MARK, BratNames, bratConfig, collectBratTypes, toBrat } from './brat';
import { csvHeader, csvRecords, type CsvOptions } from './csv';
import type { ReadResult } from './decode';
import { jsonlLines } from './jsonl';
import { exportReport, type ExportSource, type Kind } from './rows';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// ---------------------------------------------------------------------------------------
// Finding the reports

/** Folders never searched. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A name that says TIP report: `.tip` or `.tip.txt`. */
export function isTipName(file: string): boolean {
  const f = file.toLowerCase();
  return f.endsWith('.tip') || f.endsWith('.tip.txt');
}

/** A file worth reading when a folder is searched: `.tip` or `.txt` (a `.txt` is a report by its content). */
export function isCandidate(file: string): boolean {
  const f = file.toLowerCase();
  return (f.endsWith('.tip') || f.endsWith('.txt')) && !f.endsWith(ANNOTATION_SUFFIX);
}

/** A `/`-separated path with a skipped folder (`node_modules`, `.git`) among its folders. */
export function inSkippedDir(path: string): boolean {
  return path.split('/').slice(0, -1).some((s) => SKIP_DIRS.has(s));
}

/** What to do with a candidate: export its text, pass over it, or say why it cannot be read. */
export type Verdict =
  | { readonly report: true; readonly text: string; readonly warning?: string }
  | { readonly report: false; readonly error?: string };

export interface JudgeOptions {
  /** Found by searching a folder (else named by the user, and exported whatever it holds). */
  readonly searched: boolean;
  /** Open in the editor as a TIP report (its language), whatever its name and content. */
  readonly tipLanguage?: boolean;
}

/**
 * Whether a candidate is a report, from what reading it gave: a file named by the user always
 * is; a searched one when its name, its language or its content says so (`detectTipReport`).
 * A searched `.txt` that is binary is simply not a report; any other failure is an error.
 */
export function judge(file: string, read: ReadResult, o: JudgeOptions): Verdict {
  const byName = !o.searched || isTipName(file);
  if (!read.ok) return !byName && read.reason.startsWith('binary') ? { report: false } : { report: false, error: read.reason };
  if (!byName && !o.tipLanguage && !detectTipReport(read.text).isTipReport) return { report: false };
  return read.warning ? { report: true, text: read.text, warning: read.warning } : { report: true, text: read.text };
}

/** The annotations of a report from its annotation file's text, or why they cannot be used. */
export function parseAnnotations(read: ReadResult): { readonly annotations: readonly Annotation[] } | { readonly error: string } {
  if (!read.ok) return { error: read.reason };
  const parsed = parseAnnotationFile(read.text);
  return parsed.ok ? { annotations: parsed.file.annotations } : { error: parsed.error };
}

// ---------------------------------------------------------------------------------------
// Running an export

/** What one report gives: records to append to the CSV or JSON Lines output, or a brat pair to write. */
export type ReportOutput =
  | { readonly kind: 'records'; readonly text: string }
  | { readonly kind: 'brat'; readonly name: string; readonly txt: string; readonly ann: string };

export interface ExportRunOptions extends CsvOptions {
  /**
   * For brat: the names of the reports of this export (relative paths), so that reports that
   * share a base name are told apart by their folders (see {@link BratNames}).
   */
  readonly names?: Iterable<string>;
}

/**
 * One export in progress: {@link start} gives what the output begins with, {@link add} each
 * report's output in turn, {@link bratConfig} the collection's `annotation.conf` at the end,
 * and the counts and {@link summary} what was exported.
 */
export class ExportRun {
  readonly counts: Record<Kind, number> = { figure: 0, money: 0, entity: 0, annotation: 0 };
  /** Reports exported. */
  reports = 0;
  rows = 0;
  /** Orphaned annotations, which have no place in a brat `.ann`. */
  unplaced = 0;
  private readonly types = { labels: new Set<string>(), attributes: new Map<string, Set<string>>() };
  private readonly names: BratNames;

  constructor(readonly format: ExportFormat, private readonly options: ExportRunOptions = {}) {
    this.names = new BratNames(options.names ?? []);
  }

  /** What the output starts with: the CSV header (after a byte order mark when asked); nothing for the others. */
  start(): string {
    return this.format === 'csv' ? csvHeader({ bom: this.options.bom ?? false }) : '';
  }

  /** One report: its rows counted, and its output. `name` is what brat names it by (its path below the exported folder). */
  add(source: ExportSource, name: string = source.file): ReportOutput {
    const exported = exportReport(source);
    this.reports++;
    this.rows += exported.rows.length;
    for (const k of Object.keys(this.counts) as Kind[]) this.counts[k] += exported.counts[k];
    if (this.format === 'csv') return { kind: 'records', text: csvRecords(exported.rows) };
    if (this.format === 'jsonl') return { kind: 'records', text: jsonlLines(exported.rows) };
    const doc = toBrat(exported);
    collectBratTypes(this.types, doc);
    this.unplaced += doc.unplaced;
    // The text exactly as read (no byte order mark), so that the offsets point into it.
    return { kind: 'brat', name: this.names.next(name), txt: doc.txt, ann: doc.ann };
  }

  /** The `annotation.conf` declaring every label and attribute value of the brat pairs written. */
  bratConfig(): string {
    return bratConfig(this.types.labels, this.types.attributes);
  }

  /** `3 reports (120 figures, 4 money amounts, 310 entity mentions, 2 annotations)`. */
  summary(): string {
    const c = this.counts;
    return `${plural(this.reports, 'report')} (${plural(c.figure, 'figure')}, ${plural(c.money, 'money amount')}, `
      + `${plural(c.entity, 'entity mention')}, ${plural(c.annotation, 'annotation')})`;
  }
}

/** An `annotation.conf` already in the output folder is rewritten only when TIP Lens wrote it (`undefined`: there is none). */
export function ownsBratConfig(existing: string | undefined): boolean {
  return existing === undefined || existing.startsWith(BRAT_CONF_MARK);
}
