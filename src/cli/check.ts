/**
 * `tip-lens check FILE... [--previous FILE] [--format text|json|sarif] [--show-dismissed]`:
 * the consistency rules of the engine over each FILE, printed as lines a terminal or an
 * editor's problem matcher reads, as one JSON document, or as SARIF 2.1.0 for code-scanning
 * tools. A researcher's decisions in the annotation file beside a report
 * (`FILE.annotations.json`) are applied first, as in the editor: what was rejected is not checked,
 * what was corrected is checked as corrected. The findings dismissed there are left out, or
 * listed apart with `--show-dismissed`. No `vscode` here.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../core/analyze';
import { anchorAll, annotationFileFor, applyAnnotations, type Annotation } from '../core/annotations';
import { parseAnnotations } from '../core/export/pipeline';
import { applyDismissals, check, previousReport, type DismissedFinding, RULE_SUMMARIES, RULES, DEFAULT_SEVERITY, type Finding, type PreviousReport, type RuleId, type Severity } from '../core/checks';
import type { Analysis } from '../core/model';
import { LineIndex } from './format';
import { readTextFile } from './input';
import { fragmentArgs, fragmentOf, preamble, scanArgs, withoutCommand } from './args';
import { plural } from '../core/labels';
import { isYearBefore, sameCountry } from '../core/country';

export const CHECK_FORMATS = ['text', 'json', 'sarif'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where output goes (the same shape as `run`'s). */
export interface CheckIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export interface CheckArgs {
  readonly files: string[];
  /** `--country`, `--year`: a fragment's, when given (else each file's name says). */
  readonly fragment?: { readonly country?: string; readonly year?: number };
  readonly format: CheckFormat;
  readonly previous?: string;
  /** `--show-dismissed`: list the dismissed findings too (text: apart; json: a list; SARIF: suppressed results). */
  readonly showDismissed: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly error?: string;
}

/** The options that take a value, so that the command is found among the arguments. */
export { commandOf } from './args';

/** Parses the arguments of `check` (the command itself among them). */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  let format: CheckFormat = 'text';
  let previous: string | undefined;
  let showDismissed = false;
  const fragment = fragmentArgs();
  const scanned = scanArgs(argv, {
    flags: { 'show-dismissed': () => { showDismissed = true; } },
    values: {
      ...fragment.values,
      format: {
        short: 'f',
        set: (v) => {
          if (v === undefined) return 'option --format needs a value: text, json or sarif';
          if (!(CHECK_FORMATS as readonly string[]).includes(v)) return `unknown format '${v}' for check: use text, json or sarif`;
          format = v as CheckFormat;
          return undefined;
        },
      },
      previous: {
        set: (v) => {
          if (v === undefined || v === '') return 'option --previous needs a FILE';
          if (previous !== undefined) return 'option --previous is given more than once';
          previous = v;
          return undefined;
        },
      },
    },
  });
  const files = withoutCommand(scanned.positional, 'check');
  return {
    files, format, showDismissed, help: scanned.help, version: scanned.version,
    ...(Object.keys(fragment.given()).length > 0 ? { fragment: fragment.given() } : {}),
    ...(previous !== undefined ? { previous } : {}), ...(scanned.error ? { error: scanned.error } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Running

interface Checked {
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
  /** The engine's analysis with the decisions of the file's annotations applied. */
  readonly analysis: Analysis;
  /** The annotation file's annotations (none when there is none, or it cannot be used). */
  readonly annotations: readonly Annotation[];
  previous?: Loaded;
  findings: Finding[];
  /** The findings left out by the dismissals of the file's annotations. */
  dismissed: DismissedFinding[];
}

interface Loaded {
  readonly file: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly analysis: Analysis;
  readonly report: PreviousReport;
}

interface Failed {
  readonly file: string;
  readonly error: string;
}

/**
 * Runs `check`; resolves to the exit code: 1 when a finding of severity error is present or
 * a FILE could not be read, 0 otherwise, 2 on bad usage (including an unreadable --previous).
 */
export async function runCheck(argv: readonly string[], io: CheckIo, version: string, usage: string): Promise<number> {
  const args = parseCheckArgs(argv);
  const stop = preamble(args, io, version, usage, args.files.length === 0 ? 'check needs at least one FILE' : undefined);
  if (stop !== undefined) return stop;
  const usageError = (message: string): number => preamble({ help: false, version: false, error: message }, io, version, usage)!;

  let given: Loaded | undefined;
  if (args.previous !== undefined) {
    const r = await readTextFile(args.previous);
    if (!r.ok) return usageError(`--previous ${args.previous}: ${r.reason}`);
    if (r.warning) io.stderr(`tip-lens: ${args.previous}: warning: ${r.warning}\n`);
    given = load(args.previous, r.text, await annotationsOf(args.previous, io));
  }

  let code = 0;
  const checked: Checked[] = [];
  const failed: Failed[] = [];
  for (const file of args.files) {
    const r = await readTextFile(file);
    if (!r.ok) {
      io.stderr(`tip-lens: ${file}: ${r.reason}\n`);
      failed.push({ file, error: r.reason });
      code = 1;
      continue;
    }
    if (r.warning) io.stderr(`tip-lens: ${file}: warning: ${r.warning}\n`);
    const annotations = await annotationsOf(file, io);
    const analysis = decided(analyze(r.text, fragmentOf(file, args.fragment ?? {})), r.text, annotations);
    checked.push({ file, text: r.text, lines: new LineIndex(r.text), analysis, annotations, findings: [], dismissed: [] });
  }

  for (const c of checked) {
    if (given) {
      if (fits(c.analysis, given.analysis)) c.previous = given;
      else {
        io.stderr(`tip-lens: ${c.file}: warning: --previous ${given.file} is not the year before for the same country; ignored\n`);
      }
    } else {
      // Without --previous, another FILE given may be the year before for the same country.
      const other = checked.find((o) => o !== c && isYearBefore(c.analysis.meta, o.analysis.meta));
      if (other) c.previous = { file: other.file, text: other.text, lines: other.lines, analysis: other.analysis, report: previousReport(other.file, other.analysis) };
    }
    const found = check({ text: c.text, analysis: c.analysis, ...(c.previous ? { previous: c.previous.report } : {}) });
    const { shown, dismissed } = applyDismissals(found, anchorAll(c.text, c.annotations.filter((a) => a.decision === 'dismiss')));
    c.findings = shown;
    c.dismissed = dismissed;
    if (c.findings.some((f) => f.severity === 'error')) code = code || 1;
  }

  const show = args.showDismissed;
  if (args.format === 'json') io.stdout(JSON.stringify(jsonReport(version, args.files, checked, failed, show), null, 2) + '\n');
  else if (args.format === 'sarif') io.stdout(JSON.stringify(sarifReport(version, checked, show), null, 2) + '\n');
  else io.stdout(textReport(checked, show));
  return code;
}

/**
 * The annotations beside a report (`FILE.annotations.json`): none when there is no file; a file
 * that cannot be used is named with the reason, and decides and dismisses nothing.
 */
async function annotationsOf(file: string, io: CheckIo): Promise<readonly Annotation[]> {
  const annotations = annotationFileFor(file);
  const r = await readTextFile(annotations);
  if (!r.ok && r.reason === 'no such file') return [];
  const parsed = parseAnnotations(r);
  if ('error' in parsed) {
    io.stderr(`tip-lens: ${annotations}: warning: cannot be used (${parsed.error}); no decision about ${file} is applied and no finding is dismissed\n`);
    return [];
  }
  return parsed.annotations;
}

/** The analysis with the researcher's decisions applied (rejected items out, corrections in), as every feature of the editor reads it. */
function decided(analysis: Analysis, text: string, annotations: readonly Annotation[]): Analysis {
  return annotations.some((a) => a.decision !== 'dismiss') ? applyAnnotations(analysis, anchorAll(text, annotations), text).analysis : analysis;
}

function load(file: string, text: string, annotations: readonly Annotation[]): Loaded {
  const analysis = decided(analyze(text, fragmentOf(file, {})), text, annotations);
  return { file, text, lines: new LineIndex(text), analysis, report: previousReport(file, analysis) };
}


/** A --previous that may serve: the same country (when both say) and not a later year. */
function fits(cur: Analysis, prev: Analysis): boolean {
  const a = cur.meta;
  const b = prev.meta;
  if (a.country && b.country && !sameCountry(a.country, b.country)) return false;
  if (a.year && b.year && b.year >= a.year) return false;
  return true;
}

// ---------------------------------------------------------------------------------------
// Positions

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  /** 1-based; the column after the last character, as SARIF's `endColumn`. */
  readonly endLine: number;
  readonly endColumn: number;
}

function region(lines: LineIndex, start: number, end: number): Region {
  const s = lines.position(start);
  const e = lines.position(end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

/** Where a related location lies: the checked file, or the previous year's. */
function relatedFile(c: Checked, document: string | undefined): { file: string; lines?: LineIndex } {
  if (document === undefined) return { file: c.file, lines: c.lines };
  if (c.previous && document === c.previous.report.document) return { file: c.previous.file, lines: c.previous.lines };
  return { file: document };
}

// ---------------------------------------------------------------------------------------
// Text

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}


/**
 * `file:line:col: severity: message [rule]`, related places and fixes indented below; with
 * `showDismissed`, then a line per dismissed finding: `file:line:col: dismissed: message [rule] (reason)`.
 */
function textReport(checked: readonly Checked[], showDismissed: boolean): string {
  let out = '';
  const all: Finding[] = [];
  for (const c of checked) {
    for (const f of c.findings) {
      all.push(f);
      const p = c.lines.position(f.start);
      out += `${c.file}:${p.line}:${p.column}: ${f.severity}: ${f.message} [${f.rule}]\n`;
      for (const r of f.related) {
        const where = relatedFile(c, r.document);
        const q = where.lines?.position(r.start);
        out += `  ${where.file}${q ? `:${q.line}:${q.column}` : ''}: ${r.message}\n`;
      }
      for (const fix of f.fixes) out += `  fix: ${fix.title}\n`;
    }
  }
  let dismissed = 0;
  for (const c of checked) {
    dismissed += c.dismissed.length;
    if (!showDismissed) continue;
    for (const d of c.dismissed) {
      const p = c.lines.position(d.finding.start);
      out += `${c.file}:${p.line}:${p.column}: dismissed: ${d.finding.message} [${d.finding.rule}]${d.reason ? ` (${d.reason})` : ''}\n`;
    }
  }
  const n = countBySeverity(all);
  const parts = SEVERITY_ORDER.filter((s) => n[s] > 0).map((s) => (s === 'information' ? `${n[s]} information` : plural(n[s], s)));
  const files = plural(checked.length, 'file');
  const also = dismissed > 0 ? `; ${dismissed} dismissed${showDismissed ? '' : ' (--show-dismissed lists them)'}` : '';
  out += all.length === 0 ? `no findings in ${files}${also}\n` : `${plural(all.length, 'finding')} in ${files} (${parts.join(', ')})${also}\n`;
  return out;
}

// ---------------------------------------------------------------------------------------
// JSON

function jsonReport(version: string, order: readonly string[], checked: readonly Checked[], failed: readonly Failed[], showDismissed: boolean): unknown {
  const finding = (c: Checked, f: Finding): Record<string, unknown> => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    start: f.start,
    end: f.end,
    ...region(c.lines, f.start, f.end),
    related: f.related.map((r) => {
      const where = relatedFile(c, r.document);
      return {
        file: where.file, message: r.message, start: r.start, end: r.end,
        ...(where.lines ? region(where.lines, r.start, r.end) : {}),
      };
    }),
    fixes: f.fixes.map((x) => ({
      title: x.title,
      edits: x.edits.map((e) => ({ start: e.start, end: e.end, ...region(c.lines, e.start, e.end), newText: e.newText })),
    })),
  });
  const files = order.flatMap((file): unknown[] => {
    const c = checked.find((x) => x.file === file);
    if (c) {
      return [{
        file,
        ...(c.previous ? { previous: c.previous.file } : {}),
        findings: c.findings.map((f) => finding(c, f)),
        ...(showDismissed ? { dismissed: c.dismissed.map((d) => ({ ...finding(c, d.finding), annotation: d.annotation.id, ...(d.reason ? { reason: d.reason } : {}) })) } : {}),
      }];
    }
    const e = failed.find((x) => x.file === file);
    return e ? [{ file, error: e.error }] : [];
  });
  const dismissed = checked.reduce((n, c) => n + c.dismissed.length, 0);
  const summary = { ...countBySeverity(checked.flatMap((c) => c.findings)), ...(dismissed > 0 ? { dismissed } : {}) };
  return { tool: 'tip-lens', version, command: 'check', summary, files };
}

// ---------------------------------------------------------------------------------------
// SARIF 2.1.0

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A file argument as a SARIF artifact URI: relative paths stay relative (to %SRCROOT%). */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const rel = file.split(path.sep).join('/').split('/').map(encodeURIComponent).join('/');
  return { uri: rel, uriBaseId: '%SRCROOT%' };
}

/** The rule's documentation shipped with the package (`docs/rules/<rule>.md`). */
export function ruleDocUri(rule: RuleId): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    const doc = path.join(dir, 'docs', 'rules', `${rule}.md`);
    if (existsSync(path.join(dir, 'package.json')) && existsSync(doc)) return pathToFileURL(doc).href;
    dir = path.dirname(dir);
  }
  return `docs/rules/${rule}.md`;
}

function sarifReport(version: string, checked: readonly Checked[], showDismissed: boolean): unknown {
  const rules = RULES.map((id) => ({
    id,
    name: id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: RULE_SUMMARIES[id] },
    helpUri: ruleDocUri(id),
    defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITY[id]] },
    properties: { severity: DEFAULT_SEVERITY[id] },
  }));
  // Dismissed findings, when shown, are results with an external suppression (SARIF 3.58): the decision lives in the annotation file.
  const results = checked.flatMap((c) =>
    [...c.findings.map((f) => ({ f })), ...(showDismissed ? c.dismissed.map((d) => ({ f: d.finding, d })) : [])].map(({ f, d }: { f: Finding; d?: DismissedFinding }) => {
      const relatedLocations = f.related.map((r, i) => {
        const where = relatedFile(c, r.document);
        return {
          id: i + 1,
          message: { text: r.message },
          physicalLocation: {
            artifactLocation: artifactLocation(where.file),
            ...(where.lines ? { region: region(where.lines, r.start, r.end) } : {}),
          },
        };
      });
      return {
        ruleId: f.rule,
        ruleIndex: RULES.indexOf(f.rule),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(c.file), region: region(c.lines, f.start, f.end) } }],
        ...(relatedLocations.length > 0 ? { relatedLocations } : {}),
        ...(f.fixes.length > 0
          ? {
              fixes: f.fixes.map((x) => ({
                description: { text: x.title },
                artifactChanges: [{
                  artifactLocation: artifactLocation(c.file),
                  replacements: x.edits.map((e) => ({ deletedRegion: region(c.lines, e.start, e.end), insertedContent: { text: e.newText } })),
                }],
              })),
            }
          : {}),
        ...(d ? { suppressions: [{ kind: 'external', status: 'accepted', ...(d.reason ? { justification: d.reason } : {}), properties: { annotation: d.annotation.id, annotationFile: annotationFileFor(c.file) } }] } : {}),
        properties: { severity: f.severity },
      };
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'tip-lens', version, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}
