import * as vscode from 'vscode';
import { Analyzer } from '../core/analyze';
import type { Analysis } from '../core/model';
import { ReportIndex } from '../core/query';
import { LANGUAGE_ID } from './detection';

/** An analysis and the document version it was made from. */
export interface Report {
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly analysis: Analysis;
  readonly index: ReportIndex;
}

interface Entry {
  readonly analyzer: Analyzer;
  report?: Report;
  /** The run in progress, for the version it reads; aborted when a newer version arrives. */
  pending?: { version: number; controller: AbortController; promise: Promise<Report | undefined> };
  timer?: ReturnType<typeof setTimeout>;
}

export function isTipReport(doc: vscode.TextDocument): boolean {
  return doc.languageId === LANGUAGE_ID;
}

/**
 * Owns the analysis of every open TIP report: one {@link Analyzer} per document (so an edit
 * re-reads one paragraph), re-analysis debounced after edits and cancelled when stale, and
 * results that always name the version they are for. Features ask `report(doc)` for the
 * current version and listen to `onDidAnalyze`; none of them analyzes on its own.
 */
export class AnalysisService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<Report>();
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Fires when an analysis for the current version of a document is ready. */
  readonly onDidAnalyze = this.emitter.event;

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, this.debounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc)),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private debounceMs(): number {
    return vscode.workspace.getConfiguration('tipLens').get<number>('analysis.debounceMs', 300);
  }

  /** The analysis of the document as it is now, if it is ready; never one of an older version. */
  current(doc: vscode.TextDocument): Report | undefined {
    const r = this.entries.get(doc.uri.toString())?.report;
    return r && r.version === doc.version ? r : undefined;
  }

  /**
   * The analysis of the document as it is now, made at once if needed (a hover, a definition
   * or the tree asks for it); undefined for a document that is not a TIP report, or when the
   * token is cancelled or the text changes meanwhile.
   */
  async report(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Report | undefined> {
    if (!isTipReport(doc)) return undefined;
    const now = this.current(doc);
    if (now) return now;
    const entry = this.entry(doc);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    const r = await this.run(doc, entry);
    if (token?.isCancellationRequested) return undefined;
    return r && r.version === doc.version ? r : undefined;
  }

  private entry(doc: vscode.TextDocument): Entry {
    const key = doc.uri.toString();
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { analyzer: new Analyzer() }));
    return e;
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isTipReport(doc)) {
      // A document that stopped being a TIP report (language changed) drops its analysis.
      if (this.entries.has(doc.uri.toString())) this.forget(doc);
      return;
    }
    const entry = this.entry(doc);
    if (entry.timer) clearTimeout(entry.timer);
    // A run for an older version is of no use any more.
    if (entry.pending && entry.pending.version !== doc.version) entry.pending.controller.abort();
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(doc, entry);
    }, delay);
  }

  private run(doc: vscode.TextDocument, entry: Entry): Promise<Report | undefined> {
    const version = doc.version;
    if (entry.pending?.version === version) return entry.pending.promise;
    entry.pending?.controller.abort();
    const controller = new AbortController();
    const text = doc.getText();
    const promise = entry.analyzer.analyzeAsync(text, { signal: controller.signal }).then((analysis) => {
      if (entry.pending?.controller === controller) entry.pending = undefined;
      if (!analysis || controller.signal.aborted || doc.isClosed) return undefined;
      const report: Report = { document: doc, version, analysis, index: new ReportIndex(analysis) };
      if (doc.version !== version) return report; // a newer version is coming: do not publish this one
      entry.report = report;
      this.emitter.fire(report);
      return report;
    });
    entry.pending = { version, controller, promise };
    return promise;
  }

  private forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const e = this.entries.get(key);
    if (!e) return;
    if (e.timer) clearTimeout(e.timer);
    e.pending?.controller.abort();
    this.entries.delete(key);
  }

  dispose(): void {
    for (const e of this.entries.values()) {
      if (e.timer) clearTimeout(e.timer);
      e.pending?.controller.abort();
    }
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}
