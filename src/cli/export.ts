/**
 * `tip-lens export DIR|FILE... [--format csv|jsonl|brat] [--out PATH] [--bom]`: the reports
 * as a dataset, with the annotations beside each report applied: the export run of
 * src/core/export/pipeline.ts, shared with the Export Dataset command; this file finds and reads
 * the files with Node and writes the output.
 *
 * A DIR is searched recursively for `.tip`, `.tip.txt` and `.txt` files; `.txt` files are kept
 * when their content is a TIP narrative (`detectTipReport`), named ones always, as in the
 * editor. `node_modules`, `.git` and the `--out` folder are not searched. A FILE given by name
 * is exported whatever it holds. No `vscode` here.
 */
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { annotationFileFor, type Annotation } from '../core/annotations';
import {
  EXPORT_FORMATS, ExportRun, isCandidate, judge, ownsBratConfig, parseAnnotations, SKIP_DIRS, type ExportFormat,
} from '../core/export';
import { readTextFile } from './input';
import { fragmentArgs, fragmentOf, preamble, scanArgs, withoutCommand } from './args';
import { plural } from '../core/labels';

export { EXPORT_FORMATS, type ExportFormat } from '../core/export';

/** Where output goes; `progress` (optional) is told of each report, for a terminal. */
export interface ExportIo {
  stdout(s: string): void;
  stderr(s: string): void;
  progress?(done: number, total: number): void;
}

export interface ExportArgs {
  readonly inputs: string[];
  /** `--country`, `--year`: a fragment's, when given (else each file's name says). */
  readonly fragment?: { readonly country?: string; readonly year?: number };
  readonly format: ExportFormat;
  readonly out?: string;
  readonly bom: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly error?: string;
}


/** Parses the arguments of `export` (the command itself among them). */
export function parseExportArgs(argv: readonly string[]): ExportArgs {
  let format = 'csv' as ExportFormat;
  let out: string | undefined;
  let bom = false;
  const fragment = fragmentArgs();
  const scanned = scanArgs(argv, {
    values: {
      ...fragment.values,
      format: {
        short: 'f',
        set: (v) => {
          if (v === undefined) return 'option --format needs a value: csv, jsonl or brat';
          if (!(EXPORT_FORMATS as readonly string[]).includes(v)) return `unknown format '${v}' for export: use csv, jsonl or brat`;
          format = v as ExportFormat;
          return undefined;
        },
      },
      out: {
        short: 'o',
        set: (v) => {
          if (v === undefined || v === '') return 'option --out needs a PATH';
          if (out !== undefined) return 'option --out is given more than once';
          out = v;
          return undefined;
        },
      },
    },
    flags: { bom: () => { bom = true; } },
  });
  const inputs = withoutCommand(scanned.positional, 'export');
  let error = scanned.error;
  if (!error && format === 'brat' && out === undefined) error = 'export --format brat needs --out DIR (a .txt and an .ann per report go there)';
  if (!error && bom && format !== 'csv') error = '--bom is for --format csv';
  return {
    inputs, format, bom, help: scanned.help, version: scanned.version,
    ...(Object.keys(fragment.given()).length > 0 ? { fragment: fragment.given() } : {}),
    ...(out !== undefined ? { out } : {}), ...(error ? { error } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Finding the reports

export interface Found {
  /** The path to read. */
  readonly file: string;
  /** Found in a DIR: kept only when its name or its content says TIP report. */
  readonly searched: boolean;
  /** The path relative to the DIR it was found in (for brat names), or its base name. */
  readonly rel: string;
}

/** The candidate files under `dir`, sorted; `skip` (absolute) is left out. */
async function walk(dir: string, root: string, skip: string | undefined, into: Found[], io: Pick<ExportIo, 'stderr'>): Promise<boolean> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    io.stderr(`tip-lens: ${dir}: ${(e as Error).message}\n`);
    return false;
  }
  let ok = true;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (skip !== undefined && path.resolve(p) === skip) continue;
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // A link to a file is followed; links to folders are not (no loops).
      const st = await fs.stat(p).catch(() => undefined);
      isFile = !!st?.isFile();
      isDir = false;
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name)) ok = (await walk(p, root, skip, into, io)) && ok;
    } else if (isFile && isCandidate(e.name)) {
      into.push({ file: p, searched: true, rel: path.relative(root, p) });
    }
  }
  return ok;
}

/**
 * The candidate reports of the inputs: each FILE as given, each DIR searched (leaving out `skip`,
 * an absolute path); `ok` is false when a DIR could not be read. Shared with `timeline`.
 */
export async function findReports(inputs: readonly string[], io: Pick<ExportIo, 'stderr'>, skip?: string): Promise<{ found: Found[]; ok: boolean }> {
  let ok = true;
  const found: Found[] = [];
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => undefined);
    if (st?.isDirectory()) {
      const before = found.length;
      if (!(await walk(input, input, skip, found, io))) ok = false;
      if (found.length === before) io.stderr(`tip-lens: ${input}: no .tip, .tip.txt or .txt files\n`);
    } else {
      found.push({ file: input, searched: false, rel: path.basename(input) });
    }
  }
  return { found, ok };
}

/**
 * Reads a candidate of {@link findReports}: its text when it is a report (a warning said on
 * stderr), else no text; `error` when it could not be read (the reason said on stderr).
 */
export async function readReport(f: Found, io: Pick<ExportIo, 'stderr'>): Promise<{ readonly text?: string; readonly error: boolean }> {
  const verdict = judge(f.file, await readTextFile(f.file), { searched: f.searched });
  if (!verdict.report) {
    if (verdict.error !== undefined) io.stderr(`tip-lens: ${f.file}: ${verdict.error}\n`);
    return { error: verdict.error !== undefined };
  }
  if (verdict.warning) io.stderr(`tip-lens: ${f.file}: warning: ${verdict.warning}\n`);
  return { text: verdict.text, error: false };
}

// ---------------------------------------------------------------------------------------
// Output

/** Where CSV and JSON Lines go: stdout, or the --out file. */
interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

function stdoutSink(io: ExportIo): Sink {
  return { write: async (s) => io.stdout(s), close: async () => undefined };
}

async function fileSink(file: string): Promise<Sink> {
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const stream: WriteStream = createWriteStream(file, { encoding: 'utf8' });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return {
    write: (s) => new Promise<void>((resolve, reject) => {
      if (stream.write(s)) resolve();
      else {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }
    }),
    close: () => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  };
}

/** Reads the annotations beside a report: none when there is no file; an error in words when it is corrupt. */
async function readAnnotations(report: string): Promise<{ annotations: readonly Annotation[] } | { error: string; file: string }> {
  const file = annotationFileFor(report);
  const r = await readTextFile(file);
  if (!r.ok && r.reason === 'no such file') return { annotations: [] };
  const parsed = parseAnnotations(r);
  return 'error' in parsed ? { error: parsed.error, file } : parsed;
}

/**
 * Runs `export`; resolves to the exit code: 0 when every report was exported with its
 * annotations, 1 when a FILE or DIR could not be read, an annotation file is corrupt (the
 * report is exported without it) or no report was found, 2 on bad usage.
 */
export async function runExport(argv: readonly string[], io: ExportIo, version: string, usage: string): Promise<number> {
  const args = parseExportArgs(argv);
  const stop = preamble(args, io, version, usage, args.inputs.length === 0 ? 'export needs at least one DIR or FILE' : undefined);
  if (stop !== undefined) return stop;

  const outAbs = args.out !== undefined ? path.resolve(args.out) : undefined;
  const { found, ok } = await findReports(args.inputs, io, outAbs);
  let code = ok ? 0 : 1;

  // Brat names tell apart the candidates that share a base name by their folders.
  const run = new ExportRun(args.format, { bom: args.bom, names: found.map((f) => f.rel) });
  let sink: Sink | undefined;
  if (args.format !== 'brat') {
    try {
      sink = args.out !== undefined ? await fileSink(args.out) : stdoutSink(io);
    } catch (e) {
      io.stderr(`tip-lens: ${args.out}: ${(e as Error).message}\n`);
      return 1;
    }
    const start = run.start();
    if (start) await sink.write(start);
  } else {
    try {
      await fs.mkdir(outAbs!, { recursive: true });
    } catch (e) {
      io.stderr(`tip-lens: ${args.out}: ${(e as Error).message}\n`);
      return 1;
    }
  }

  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    io.progress?.(i, found.length);
    const report = await readReport(f, io);
    if (report.error) code = 1;
    if (report.text === undefined) continue;
    const ann = await readAnnotations(f.file);
    let annotations: readonly Annotation[] = [];
    if ('error' in ann) {
      io.stderr(`tip-lens: ${ann.file}: corrupt annotation file (${ann.error}); ${f.file} is exported without its annotations\n`);
      code = 1;
    } else annotations = ann.annotations;

    const out = run.add({ file: f.file, text: report.text, analysis: analyze(report.text, fragmentOf(f.file, args.fragment ?? {})), annotations }, f.rel);
    if (out.kind === 'records') await sink!.write(out.text);
    else {
      try {
        await fs.writeFile(path.join(outAbs!, `${out.name}.txt`), out.txt, 'utf8');
        await fs.writeFile(path.join(outAbs!, `${out.name}.ann`), out.ann, 'utf8');
      } catch (e) {
        io.stderr(`tip-lens: ${args.out}: ${(e as Error).message}\n`);
        return 1;
      }
    }
  }
  io.progress?.(found.length, found.length);

  try {
    if (sink) await sink.close();
    if (args.format === 'brat') {
      const conf = path.join(outAbs!, 'annotation.conf');
      const existing = await fs.readFile(conf, 'utf8').catch(() => undefined);
      if (ownsBratConfig(existing)) await fs.writeFile(conf, run.bratConfig(), 'utf8');
      else io.stderr(`tip-lens: ${conf}: kept (not written by TIP Lens); it may not declare every label of this export\n`);
    }
  } catch (e) {
    io.stderr(`tip-lens: ${args.out}: ${(e as Error).message}\n`);
    return 1;
  }

  if (run.reports === 0) {
    io.stderr('tip-lens: no TIP report found to export\n');
    return 1;
  }
  if (run.unplaced > 0) {
    io.stderr(`tip-lens: ${plural(run.unplaced, 'orphaned annotation')} (their text is gone) cannot be placed in brat; export csv or jsonl to list them\n`);
  }
  if (args.out !== undefined) io.stderr(`tip-lens: exported ${run.summary()} to ${args.out}\n`);
  return code;
}

/** How many reports make a folder large enough to show progress on a terminal. */
const PROGRESS_FROM = 10;

/**
 * Progress on a terminal's stderr (`exporting 12/340 reports`), rewritten in place at most
 * every 100 ms and cleared at the end; nothing for a few reports.
 */
export function terminalProgress(stream: { write(s: string): unknown }): (done: number, total: number) => void {
  let last = 0;
  let shown = false;
  return (done, total) => {
    if (total < PROGRESS_FROM) return;
    if (done >= total) {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      return;
    }
    const now = Date.now();
    if (shown && now - last < 100) return;
    last = now;
    shown = true;
    stream.write(`\rtip-lens: exporting ${done + 1}/${total} reports\x1b[K`);
  };
}
