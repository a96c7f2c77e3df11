/**
 * The `tip-lens` command line, separate from `main` so tests call `run(argv, io)` with their
 * own writers and get the exit code back. No `vscode` here: it runs in plain Node.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { detectTipReport } from '../core/detect';
import { runCheck } from './check';
import { runExport, terminalProgress } from './export';
import { runTimeline } from './timeline';
import { csvField, csvHeader, csvRows, isFailed, jsonDocument, table, type FileOutcome } from './format';
import { readTextFile } from './input';
import { commandOf, fragmentArgs, fragmentOf, preamble, scanArgs } from './args';

/** Where output goes; tests pass their own. */
export interface Io {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const processIo: Io = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `usage: tip-lens analyze FILE... [--format table|json|csv]
       tip-lens detect FILE... [--format table|json|csv]
       tip-lens check FILE... [--previous FILE] [--format text|json|sarif]
                      [--show-dismissed]
       tip-lens export DIR|FILE... [--format csv|jsonl|brat] [--out PATH] [--bom]
       tip-lens timeline DIR|FILE... [--country NAME] [--format table|csv|json|svg]
       tip-lens analyze|check|export ... [--country NAME] [--year YYYY]
       tip-lens --help | --version

Commands:
  analyze   list the figures, money amounts and entities found in each FILE
  detect    tell whether each FILE is a Trafficking in Persons narrative, and why
  check     check each FILE for figures that disagree, breakdowns that do not add
            up, conversions out of line, tier contradictions, trend claims the
            figures contradict, acronyms used before their definition and the
            number style; --previous FILE is last year's narrative for the same
            country (another FILE of that country and year serves too)
  export    a dataset of every TIP report in each DIR (searched recursively for
            .tip, .tip.txt and .txt narratives) and each FILE: one row per figure,
            money amount, entity mention and annotation, with a "kind" and a
            "status" column (automatic, confirmed, corrected, rejected, manual;
            note and orphaned for annotations); the annotations in
            REPORT.annotations.json beside each report are applied. Offsets count
            Unicode code points into the report text as read (CRLF kept)
  timeline  one country's figures over the years, from its narratives in each DIR
            and FILE: one row per metric (investigations, prosecutions,
            defendants, convictions, acquittals, victims identified, assisted and
            referred, officials trained, the budget in USD at each report's own
            rate), one column per data year, the tier above; each year as its own
            narrative states it and as the next year's restates it, marked * where
            the two disagree. With narratives of several countries, --country NAME
            says which

A fragment (one section pasted alone, with no title line) takes its country
and report year from --country and --year, else from its file name
(nepal-2020-prosecution.txt); a title in the text wins over both.

Options:
  -f, --format FORMAT   table (default: aligned columns), json (one document for all
                        files) or csv (RFC 4180, a "kind" column: figure, money, entity);
                        for check: text (default), json or sarif (SARIF 2.1.0);
                        for export: csv (default; text cells starting with = + - @
                        get a leading '), jsonl (one JSON object a line) or brat
                        (a NAME.txt copy and a NAME.ann per report, and an
                        annotation.conf, in --out DIR);
                        for timeline: table (default), csv (a row per source
                        of each year, and per tier), json or svg (one line chart
                        per metric, a self-contained SVG document)
      --previous FILE   check: last year's narrative for the same country
      --show-dismissed  check: list the findings dismissed in FILE.annotations.json
                        too (they are left out otherwise)
  -o, --out PATH        export: the file to write (csv, jsonl; default: stdout) or
                        the folder (brat; required)
      --bom             export csv: start with a UTF-8 byte order mark (for
                        spreadsheets that do not assume UTF-8)
  -h, --help            print this help
  -V, --version         print the version

Lines and columns are 1-based. Exit status: 0 when every file was read, 1 when a
file could not be read (the others are still processed), 2 on bad usage. check
also exits with 1 when a finding of severity error is present; export when an
annotation file is corrupt (the report is exported without it) or no report was
found; timeline when no narrative was found (2 when several countries were
found and --country does not choose one of them).
`;

interface Parsed {
  readonly command?: string;
  /** `--country`, `--year`: a fragment's, when given. */
  readonly country?: string;
  readonly year?: number;
  readonly files: string[];
  readonly format: Format;
  readonly help: boolean;
  readonly version: boolean;
  readonly error?: string;
}

export function parseArgs(argv: readonly string[]): Parsed {
  let format: Format = 'table';
  const fragment = fragmentArgs();
  const scanned = scanArgs(argv, {
    values: {
      ...fragment.values,
      format: {
        short: 'f',
        set: (v) => {
          if (v === undefined) return 'option --format needs a value: table, json or csv';
          if (!(FORMATS as readonly string[]).includes(v)) return `unknown format '${v}': use table, json or csv`;
          format = v as Format;
          return undefined;
        },
      },
    },
  });
  const [command, ...files] = scanned.positional;
  const given = fragment.given();
  return {
    files, format, help: scanned.help, version: scanned.version,
    ...(command !== undefined ? { command } : {}), ...(scanned.error ? { error: scanned.error } : {}),
    ...(given.country ? { country: given.country } : {}), ...(given.year ? { year: given.year } : {}),
  };
}

/** The version of the package this file ships in (dist/cli.js or out/src/cli/run.js). */
export function packageVersion(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tip-lens' && pkg.version) return pkg.version;
    } catch {
      // not here: look further up
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

/** Runs the command line; resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  const command = commandOf(argv);
  if (command === 'check') return runCheck(argv, io, packageVersion(), USAGE);
  if (command === 'timeline') return runTimeline(argv, io, packageVersion(), USAGE);
  if (command === 'export') {
    const progress = io === processIo && process.stderr.isTTY ? { progress: terminalProgress(process.stderr) } : {};
    return runExport(argv, { ...io, ...progress }, packageVersion(), USAGE);
  }
  const args = parseArgs(argv);
  const problem = args.command === undefined ? 'no command given'
    : args.command !== 'analyze' && args.command !== 'detect' ? `unknown command '${args.command}'`
      : args.files.length === 0 ? `${args.command} needs at least one FILE` : undefined;
  const stop = preamble(args, io, packageVersion(), USAGE, problem);
  if (stop !== undefined) return stop;
  return args.command === 'analyze' ? analyzeFiles(args.files, args.format, io, args) : detectFiles(args.files, args.format, io);
}

/** Reads a file, reporting a failure or a warning on stderr in one line that names the file. */
async function load(file: string, io: Io): Promise<{ text: string } | { error: string }> {
  const r = await readTextFile(file);
  if (!r.ok) {
    io.stderr(`tip-lens: ${file}: ${r.reason}\n`);
    return { error: r.reason };
  }
  if (r.warning) io.stderr(`tip-lens: ${file}: warning: ${r.warning}\n`);
  return { text: r.text };
}

async function analyzeFiles(files: readonly string[], format: Format, io: Io, given: { country?: string; year?: number }): Promise<number> {
  let code = 0;
  const outcomes: FileOutcome[] = [];
  if (format === 'csv') io.stdout(csvHeader());
  let first = true;
  for (const file of files) {
    const got = await load(file, io);
    let outcome: FileOutcome;
    if ('error' in got) {
      code = 1;
      outcome = { file, error: got.error };
    } else {
      outcome = { file, text: got.text, analysis: analyze(got.text, fragmentOf(file, given)) };
    }
    // JSON is one document, written at the end; table and CSV stream file by file.
    if (format === 'json') {
      outcomes.push(isFailed(outcome) ? outcome : { file, text: '', analysis: outcome.analysis });
    } else if (!isFailed(outcome)) {
      if (format === 'csv') io.stdout(csvRows(outcome));
      else {
        io.stdout((first ? '' : '\n') + table(outcome));
        first = false;
      }
    }
  }
  if (format === 'json') io.stdout(jsonDocument(packageVersion(), outcomes));
  return code;
}

async function detectFiles(files: readonly string[], format: Format, io: Io): Promise<number> {
  let code = 0;
  const results: Array<{ file: string; isTipReport?: boolean; reason?: string; error?: string }> = [];
  if (format === 'csv') io.stdout('file,is_tip_report,reason\r\n');
  for (const file of files) {
    const got = await load(file, io);
    if ('error' in got) {
      code = 1;
      if (format === 'json') results.push({ file, error: got.error });
      continue;
    }
    const d = detectTipReport(got.text);
    if (format === 'json') results.push({ file, isTipReport: d.isTipReport, reason: d.reason });
    else if (format === 'csv') io.stdout(`${csvField(file)},${d.isTipReport},${csvField(d.reason)}\r\n`);
    else io.stdout(`${file}: ${d.isTipReport ? 'TIP report' : 'not a TIP report'} (${d.reason})\n`);
  }
  if (format === 'json') io.stdout(JSON.stringify({ tool: 'tip-lens', version: packageVersion(), files: results }) + '\n');
  return code;
}
