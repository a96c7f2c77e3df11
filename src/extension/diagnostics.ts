import * as vscode from 'vscode';
import {
  applyDismissals, checkAsync, DEFAULT_SEVERITY, RULES,
  type CheckOptions, type DismissedFinding, type Finding, type RuleId, type Severity,
} from '../core/checks';
import type { Span } from '../core/model';
import { type AnalysisService, isTipReport } from './analysisService';
import { probes } from './probes';
import { LineMap } from '../core/lines';
import { ClosedResults } from './closedResults';
import { ruleDocUri } from './docs';
import type { PreviousDocument, PreviousYear } from './previousYear';

export type { PreviousDocument } from './previousYear';

/**
 * The consistency check in the editor: `TIP Lens: Check Consistency`, on open and on save as
 * the settings say, the findings of the engine's rules as diagnostics (source `tip-lens`, the
 * rule as code linking to its description), with last year's narrative for the same country
 * found in the workspace. A report once checked stays checked: its findings follow the edits
 * (after each analysis) until it is closed. The findings a researcher dismissed (`dismiss`
 * annotations of the report's set, core/checks/dismiss.ts) are left out of the diagnostics.
 */

export const SOURCE = 'tip-lens';
const SECTION = 'tipLens.check';

/** The findings of one check of one version of a document, and the diagnostics made of them. */
export interface CheckResult {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly findings: readonly Finding[];
  /** The findings left out by the report's dismissals, with their reasons. */
  readonly dismissed: readonly DismissedFinding[];
  /** One per finding, in the same order. */
  readonly diagnostics: readonly vscode.Diagnostic[];
  readonly previous?: PreviousDocument;
}

/** What the integration tests read through `probes.get('diagnostics')`. */
export interface DiagnosticsProbe {
  readonly checker: Checker;
  /** The diagnostics published for `uri`, as plain data. */
  snapshot(uri: vscode.Uri): DiagnosticSnapshot[];
}

export interface DiagnosticSnapshot {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly text: string;
  readonly related: ReadonlyArray<{ readonly uri: string; readonly line: number; readonly message: string }>;
  readonly fixes: readonly string[];
}

const VS_SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The check's options from the settings of the document's folder. */
export function checkOptions(uri: vscode.Uri | undefined): CheckOptions {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const asked = config.get<Record<string, unknown>>('severity') ?? {};
  const severities: Partial<Record<RuleId, Severity>> = {};
  const off = new Set<RuleId>();
  for (const rule of RULES) {
    const v = asked[rule];
    if (typeof v !== 'string' || !SEVERITIES.has(v)) severities[rule] = DEFAULT_SEVERITY[rule];
    else if (v === 'off') off.add(rule);
    else severities[rule] = v as Severity;
  }
  if (!config.get<boolean>('numberStyle', true)) off.add('number-style');
  const t = config.get<number>('conversionTolerance', 0.02);
  const conversionTolerance = typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : 0.02;
  return { rules: RULES.filter((r) => !off.has(r)), severities, conversionTolerance };
}

/**
 * Whether the check runs on open and as the user types (`tipLens.check.run`: `onType`, the
 * default) rather than on save. The deprecated `tipLens.check.onOpen`, when set and `run` is not,
 * still decides: true is `onType`, false is `onSave`.
 */
export function runsOnType(uri: vscode.Uri | undefined): boolean {
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const explicit = <T>(key: string): T | undefined => {
    const i = config.inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  const run = explicit<string>('run');
  if (run === 'onType' || run === 'onSave') return run === 'onType';
  const onOpen = explicit<boolean>('onOpen');
  if (typeof onOpen === 'boolean') return onOpen;
  return config.get<string>('run', 'onType') !== 'onSave';
}


/** Runs the check and owns the diagnostics it publishes. */
export class Checker implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(SOURCE);
  private readonly results = new Map<string, CheckResult>();
  /** The documents checked since they were opened: their findings follow the edits. */
  private readonly checked = new Set<string>();
  private readonly pending = new Map<string, { version: number; run: number; promise: Promise<CheckResult | undefined> }>();
  private runCount = 0;
  /** The findings of reports closed since they were checked, by URI. */
  private readonly closedResults = new ClosedResults<CheckResult>();
  private readonly emitter = new vscode.EventEmitter<CheckResult | vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires with a new result, or with the URI of a document whose findings were dropped. */
  readonly onDidCheck = this.emitter.event;

  constructor(
    private readonly service: AnalysisService,
    private readonly previousYear: PreviousYear,
  ) {
    this.subscriptions.push(
      this.collection,
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (this.reopened(doc)) return;
        if (isTipReport(doc) && runsOnType(doc.uri)) void this.check(doc);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (isTipReport(doc) && vscode.workspace.getConfiguration(SECTION, doc.uri).get<boolean>('onSave', true)) void this.check(doc);
        this.recheckUsersOf(doc.uri);
      }),
      service.onDidAnalyze((report) => {
        const key = report.document.uri.toString();
        if (this.checked.has(key) && this.results.get(key)?.version !== report.version) void this.check(report.document);
        this.recheckUsersOf(report.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.drop(uri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        for (const doc of vscode.workspace.textDocuments) {
          if (this.checked.has(doc.uri.toString())) void this.check(doc, true);
          else if (isTipReport(doc) && runsOnType(doc.uri)) void this.check(doc);
        }
      }),
    );
    for (const doc of vscode.workspace.textDocuments) {
      if (isTipReport(doc) && runsOnType(doc.uri)) void this.check(doc);
    }
  }

  /** The result for the document as it is now, if there is one. */
  current(doc: vscode.TextDocument): CheckResult | undefined {
    const r = this.results.get(doc.uri.toString());
    return r && r.version === doc.version ? r : undefined;
  }

  /** The last result for `uri`, whatever version it is for. */
  last(uri: vscode.Uri): CheckResult | undefined {
    return this.results.get(uri.toString());
  }

  isChecked(uri: vscode.Uri): boolean {
    return this.checked.has(uri.toString());
  }

  /**
   * Checks the document as it is now and publishes the diagnostics. A check of the same version
   * in progress is shared, unless `force` (the settings or last year's narrative changed).
   * Resolves to undefined for a document that is not a TIP report or was closed; when the text
   * changes meanwhile, to the check of the newer version.
   */
  check(doc: vscode.TextDocument, force = false): Promise<CheckResult | undefined> {
    if (!isTipReport(doc) || doc.isClosed) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    this.checked.add(key);
    const pending = this.pending.get(key);
    if (pending && pending.version === doc.version && !force) return pending.promise;
    const run = ++this.runCount;
    const promise = this.run(doc, key, run).finally(() => {
      if (this.pending.get(key)?.run === run) this.pending.delete(key);
    });
    this.pending.set(key, { version: doc.version, run, promise });
    return promise;
  }

  private async run(doc: vscode.TextDocument, key: string, run: number): Promise<CheckResult | undefined> {
    const superseded = (): boolean => this.pending.get(key)?.run !== run || doc.isClosed || !this.checked.has(key);
    // The run that superseded this one; if it has finished already, its result (or a fresh check).
    const newer = (): Promise<CheckResult | undefined> | undefined => {
      if (doc.isClosed || !this.checked.has(key)) return undefined;
      const pending = this.pending.get(key);
      if (pending && pending.run !== run) return pending.promise;
      const done = this.results.get(key);
      return done && done.version === doc.version ? Promise.resolve(done) : this.check(doc, true);
    };
    for (let attempt = 0; attempt < 10; attempt++) {
      // Last year's narrative first: the analysis and the text below must be of one version.
      const before = await this.service.report(doc);
      if (superseded()) return newer();
      if (!before) {
        // The text changed meanwhile: let the edits settle, then read it again.
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const previous = await this.previousYear.find(doc, before.analysis);
      const report = await this.service.report(doc);
      if (superseded()) return newer();
      if (!report) continue;
      const options = checkOptions(doc.uri);
      let findings: Finding[] | undefined;
      try {
        // One rule at a time with pauses between: a whole report never holds the host for the whole check.
        findings = await checkAsync({ text: doc.getText(), analysis: report.analysis, options, ...(previous ? { previous: previous.report } : {}) });
      } catch {
        findings = [];
      }
      if (superseded()) return newer();
      if (!findings || doc.version !== report.version) continue; // the text changed during the check
      // The dismissals as anchored in the analyzed text: the text the findings are offsets into.
      const { shown, dismissed } = applyDismissals(findings, report.annotated.anchored);
      const diagnostics = shown.map((f) => this.toDiagnostic(doc, f, previous));
      const result: CheckResult = { uri: doc.uri, version: report.version, findings: shown, dismissed, diagnostics, ...(previous ? { previous } : {}) };
      this.results.set(key, result);
      this.collection.set(doc.uri, diagnostics);
      this.emitter.fire(result);
      return result;
    }
    return undefined;
  }

  private toDiagnostic(doc: vscode.TextDocument, f: Finding, previous: PreviousDocument | undefined): vscode.Diagnostic {
    const d = new vscode.Diagnostic(rangeIn(doc, f), f.message, VS_SEVERITY[f.severity]);
    d.source = SOURCE;
    d.code = { value: f.rule, target: ruleDocUri(f.rule) };
    const related: vscode.DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      const where = this.locate(doc, r, previous);
      if (where) related.push(new vscode.DiagnosticRelatedInformation(where, r.message));
    }
    if (related.length > 0) d.relatedInformation = related;
    return d;
  }

  /** A related place: in the checked document, or in last year's narrative. */
  private locate(doc: vscode.TextDocument, r: Span & { document?: string }, previous: PreviousDocument | undefined): vscode.Location | undefined {
    if (r.document === undefined) return new vscode.Location(doc.uri, rangeIn(doc, r));
    if (previous && r.document === previous.report.document) return new vscode.Location(previous.uri, rangeInText(previous.lines, r));
    try {
      return new vscode.Location(vscode.Uri.parse(r.document, true), new vscode.Range(0, 0, 0, 0));
    } catch {
      return undefined;
    }
  }

  /** Checks again the documents that use `uri` as last year's narrative. */
  private recheckUsersOf(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const r of this.results.values()) {
      if (r.previous?.uri.toString() !== key) continue;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri.toString());
      if (doc) void this.check(doc, true);
    }
  }

  /**
   * A report closed: its findings stay (in the Problems panel and the Findings view) if they are
   * for its last text, to be taken up again when the same text is opened again. A change of
   * language closes and opens in one tick: opened as plain text, the findings go.
   */
  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const r = this.results.get(key);
    if (!r || r.version !== doc.version) return this.drop(doc.uri);
    this.checked.delete(key);
    this.pending.delete(key);
    this.closedResults.closed(key, doc.getText(), r);
  }

  /** A document opened: the findings kept from its close, if its text is the same. True when taken up. */
  private reopened(doc: vscode.TextDocument): boolean {
    const key = doc.uri.toString();
    if (!this.closedResults.has(key)) return false;
    const kept = this.closedResults.reopened(key, doc.getText());
    if (!kept || !isTipReport(doc)) {
      this.drop(doc.uri);
      return false;
    }
    const result: CheckResult = { ...kept, version: doc.version };
    this.results.set(key, result);
    this.checked.add(key);
    this.emitter.fire(result);
    return true;
  }

  /** Forgets a document's findings (it is no report any more, or changed while closed). */
  drop(uri: vscode.Uri): void {
    const key = uri.toString();
    this.closedResults.forget(key);
    this.checked.delete(key);
    this.pending.delete(key);
    const had = this.results.delete(key);
    this.collection.delete(uri);
    if (had) this.emitter.fire(uri);
  }

  dispose(): void {
    this.results.clear();
    this.checked.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}

export function rangeIn(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** A range in a text that is not open in the editor (VS Code's line breaks: CRLF, LF, CR). */
export function rangeInText(lines: LineMap, span: Span): vscode.Range {
  const a = lines.position(span.start);
  const b = lines.position(span.end);
  return new vscode.Range(a.line, a.character, b.line, b.character);
}

// ------------------------------------------------------------------------------------------
// Registration

/** Registers the command, the triggers and the diagnostics; returns the checker the other features use. */
export function registerDiagnostics(context: vscode.ExtensionContext, service: AnalysisService, previousYear: PreviousYear): Checker {
  const checker = new Checker(service, previousYear);
  context.subscriptions.push(
    checker,
    vscode.commands.registerCommand('tipLens.checkConsistency', async (arg?: unknown) => {
      const doc = arg instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(arg)
        : vscode.window.activeTextEditor?.document;
      if (!doc || !isTipReport(doc)) {
        void vscode.window.showInformationMessage('TIP Lens: open a TIP report to check its consistency.');
        return undefined;
      }
      const result = await checker.check(doc);
      if (result) {
        const n = result.findings.length;
        vscode.window.setStatusBarMessage(`TIP Lens: ${n === 0 ? 'no findings' : n === 1 ? '1 finding' : `${n} findings`}`, 4000);
      }
      return result;
    }),
  );
  const probe: DiagnosticsProbe = {
    checker,
    snapshot(uri) {
      const r = checker.last(uri);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!r) return [];
      return r.findings.map((f, i) => {
        const d = r.diagnostics[i]!;
        return {
          rule: f.rule, severity: f.severity, message: f.message, line: d.range.start.line + 1,
          text: doc ? doc.getText(d.range) : '',
          related: (d.relatedInformation ?? []).map((x) => ({ uri: x.location.uri.toString(), line: x.location.range.start.line + 1, message: x.message })),
          fixes: f.fixes.map((x) => x.title),
        };
      });
    },
  };
  probes.set('diagnostics', probe);
  return checker;
}
