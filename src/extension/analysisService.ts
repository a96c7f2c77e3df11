import * as vscode from 'vscode';
import { Analyzer, fragmentFromFileName } from '../core/analyze';
import { anchorAll, applyAnnotations, type Anchored, type Annotated, type Annotation } from '../core/annotations';
import type { Analysis } from '../core/model';
import { ReportIndex } from '../core/query';
import { LANGUAGE_ID } from './detection';

/** An analysis and the document version it was made from. */
export interface Report {
  readonly document: vscode.TextDocument;
  readonly version: number;
  /** The text of that version: offsets of the analysis point into it, not into a newer text. */
  readonly text: string;
  /** The engine's analysis with the researcher's annotations applied: what every feature shows. */
  readonly analysis: Analysis;
  /** Built on `analysis` (the annotated one). */
  readonly index: ReportIndex;
  /** What the annotations did: rejected items, orphaned annotations, notes, and every annotation as anchored now. */
  readonly annotated: AnnotationResult;
  /** The engine's own analysis, before the annotations. */
  readonly engine: Analysis;
}

export type AnnotationResult = Omit<Annotated, 'analysis'> & {
  /** Every annotation of the document, anchored in the analyzed text (orphaned ones without a span). */
  readonly anchored: readonly Anchored[];
};

/**
 * Where the service gets a document's annotations (the annotation store): loaded once per
 * document, and a change event when they change, after which the service publishes again.
 */
export interface AnnotationSource {
  /** Loads the document's annotations if need be; never rejects (a file it cannot use gives none). */
  load(doc: vscode.TextDocument): Promise<unknown>;
  /** The document's annotations as they are now (empty before they are loaded). */
  annotations(uri: vscode.Uri): readonly Annotation[];
  readonly onDidChange: vscode.Event<vscode.Uri>;
}

const NONE: AnnotationResult = { rejected: { figures: [], money: [], mentions: [] }, orphaned: [], notes: [], anchored: [] };

interface Entry {
  readonly analyzer: Analyzer;
  report?: Report;
  /** The run in progress, for the version it reads; aborted when a newer version arrives. */
  pending?: { version: number; controller: AbortController; promise: Promise<Report | undefined> };
  timer?: ReturnType<typeof setTimeout>;
  /** The annotations the published report applied (to tell whether they changed since). */
  applied?: readonly Annotation[];
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
  private source: AnnotationSource | undefined;

  /**
   * Fires when an analysis for the current version of a document is ready, and again with the
   * same version when the document's annotations change.
   */
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

  /**
   * Applies the annotations of `source` to every analysis from now on (the one place where a
   * researcher's decisions meet the engine's), and publishes again when they change.
   */
  useAnnotations(source: AnnotationSource): vscode.Disposable {
    this.source = source;
    const sub = source.onDidChange((uri) => this.reannotate(uri));
    for (const e of this.entries.values()) if (e.report) this.reannotate(e.report.document.uri);
    return new vscode.Disposable(() => {
      sub.dispose();
      if (this.source === source) this.source = undefined;
    });
  }

  /** Publishes the current analysis of `uri` again with its annotations as they are now. */
  private reannotate(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    const old = entry?.report;
    if (!entry || !old) return;
    const doc = old.document;
    // Edited since: the run for the new version applies the annotations as they are then.
    if (doc.isClosed || doc.version !== old.version) return;
    const list = this.source?.annotations(doc.uri) ?? [];
    if (list === entry.applied) return;
    const report = this.build(doc, old.version, doc.getText(), old.engine, list);
    entry.report = report;
    entry.applied = list;
    this.emitter.fire(report);
  }

  /** The report of `engine` (the analysis of `text`, version `version`) with the document's annotations. */
  private build(doc: vscode.TextDocument, version: number, text: string, engine: Analysis, list: readonly Annotation[]): Report {
    if (list.length === 0) return { document: doc, version, text, analysis: engine, index: new ReportIndex(engine), annotated: NONE, engine };
    const anchored = anchorAll(text, list);
    const { analysis, ...rest } = applyAnnotations(engine, anchored, text);
    return { document: doc, version, text, analysis, index: new ReportIndex(analysis), annotated: { ...rest, anchored }, engine };
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
    // A closed document is not analyzed again (that would also bring back the entry `forget` dropped).
    if (!isTipReport(doc) || doc.isClosed) return undefined;
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
    // The annotations are read from their file while the engine reads the text.
    const loaded = this.source?.load(doc).catch(() => undefined);
    const promise = Promise.all([entry.analyzer.analyzeAsync(text, { signal: controller.signal, ...fragmentFromFileName(doc.uri.path) }), loaded]).then(([analysis]): Report | undefined => {
      if (entry.pending?.controller === controller) entry.pending = undefined;
      if (!analysis || controller.signal.aborted || doc.isClosed) return undefined;
      const list = this.source?.annotations(doc.uri) ?? [];
      const report = this.build(doc, version, text, analysis, list);
      if (doc.version !== version) return report; // a newer version is coming: do not publish this one
      entry.report = report;
      entry.applied = list;
      this.emitter.fire(report);
      return report;
    }).catch(() => {
      // Never an unhandled rejection in the host: a listener that throws, or annotations that
      // cannot be applied, leave this version without a published report.
      if (entry.pending?.controller === controller) entry.pending = undefined;
      return undefined;
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
