import * as vscode from 'vscode';
import { analyzeAsync, fragmentFromFileName } from '../core/analyze';
import type { Analysis } from '../core/model';
import { type AnalysisService, isTipReport, type Report } from './analysisService';
import { narrativeAt } from '../core/spans';
import { countryKey } from '../core/country';
import { CANDIDATE, type IndexedEntity, type IndexedNarrative, type IndexedReport, isTipName, isUnder, nameKey, rangeOf, summarize, type WorkspaceFigure, type WorkspaceMentions } from './indexedReport';

export type { IndexedEntity, IndexedNarrative, IndexedReport, WorkspaceFigure, WorkspaceMentions } from './indexedReport';
import { plural } from '../core/labels';
import type { TimelineInput } from '../core/timeline';
import { TimelineInputs } from './timelineInputs';
import { readReportFile } from './reportFile';

/** The files the index considers: TIP reports are `.tip`, `.tip.txt`, or `.txt` narratives. */
const GLOB = '**/*.{tip,txt}';
/** How long after activation the first scan starts, so that it never competes with start-up. */
const START_DELAY_MS = 1_000;
/** File events are collected for this long before the index reads anything again. */
const WATCH_DEBOUNCE_MS = 400;
/** An open report's new analysis is summarized this long after the last one, not on every edit. */
const EDITOR_DEBOUNCE_MS = 750;
/** Past this many other new paths in one batch of events, list again rather than look at each. */
const MAX_FOLDER_CHECKS = 32;

export type IndexState = 'disabled' | 'waiting' | 'indexing' | 'ready';

/** What changed in the index: the countries (by `countryKey`) whose reports were put or removed; all of them when `countries` is absent. */
export interface IndexChange {
  readonly countries?: ReadonlySet<string>;
}

/** Whether a change of the index may concern the reports of `country`. */
export function concerns(change: IndexChange, country: string): boolean {
  return !change.countries || change.countries.has(countryKey(country));
}

/** Which reports the timeline reads: of one country, and of report years in a range. */
export interface TimelineFilter {
  readonly country?: string;
  readonly reportYears?: readonly [number, number];
}

/**
 * The TIP reports of the workspace, read in the background: every `*.tip` / `*.txt` that
 * `files.exclude` leaves in, kept when it is a TIP report by name or by content, analyzed in
 * yielding slices and reduced to what cross-references need (meta, tracked figures, entity
 * names and mention offsets). Open reports come from the {@link AnalysisService}, never from
 * the disk copy. A file watcher keeps the index fresh; `tipLens.reindexWorkspace` rebuilds it.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly reports = new Map<string, IndexedReport>();
  /** Every candidate file read so far (TIP report or not), so a new listing reads only what is new. */
  private readonly seen = new Set<string>();
  /** The last listing: the candidates `files.exclude` lets in. */
  private listed = new Set<string>();
  private readonly queue = new Map<string, vscode.Uri>();
  private needsListing = false;
  private started = false;
  private worker?: Promise<void>;
  private cts?: vscode.CancellationTokenSource;
  private startTimer?: ReturnType<typeof setTimeout>;
  private watchTimer?: ReturnType<typeof setTimeout>;
  private readonly pendingEvents = new Map<string, { uri: vscode.Uri; created: boolean }>();
  private readonly pendingDeletes = new Set<string>();
  /** New paths that are not candidates: a new folder may hold reports whose own events were lost. */
  private readonly pendingOther = new Map<string, vscode.Uri>();
  private readonly folderChecks = new Map<string, vscode.Uri>();
  /** The latest analysis of each open report, waiting for {@link EDITOR_DEBOUNCE_MS}. */
  private readonly pendingEditor = new Map<string, Report>();
  private editorTimer?: ReturnType<typeof setTimeout>;
  private watchers: vscode.Disposable[] = [];
  private waiters: Array<() => void> = [];
  private readonly changeEmitter = new vscode.EventEmitter<IndexChange>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The countries of the reports put or removed since the last change event; all of them after a clear. */
  private touched = new Set<string>();
  private touchedAll = false;
  /** The reports' texts and analyses read again for the timeline (the index keeps neither). */
  private readonly inputs: TimelineInputs;

  /** Fires when reports are added, refreshed or removed, with the countries they are of. */
  readonly onDidChange = this.changeEmitter.event;

  // Readable state, for the probes and the tests.
  state: IndexState = 'disabled';
  /** Candidate files found by the last listing. */
  get fileCount(): number {
    return this.listed.size;
  }
  get reportCount(): number {
    return this.reports.size;
  }
  get figureCount(): number {
    let n = 0;
    for (const r of this.reports.values()) n += r.figures.length;
    return n;
  }
  get entityCount(): number {
    let n = 0;
    for (const r of this.reports.values()) n += r.entities.length;
    return n;
  }
  /** Files read and left out, by reason. */
  readonly skipped = { tooLarge: 0, binary: 0, notReport: 0, unreadable: 0 };
  /** How long the last full pass took, in ms. */
  lastPassMs = 0;

  constructor(private readonly service: AnalysisService) {
    this.inputs = new TimelineInputs(service);
    this.subscriptions.push(
      this.changeEmitter,
      vscode.commands.registerCommand('tipLens.reindexWorkspace', () => this.rebuild()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tipLens.index.enabled')) {
          if (this.enabled()) this.start();
          else this.stop();
        } else if (e.affectsConfiguration('files.exclude')) this.relist();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.relist()),
      service.onDidAnalyze((report) => {
        // The workspace is read once a TIP report is open, not whenever any .txt activates the
        // extension: a workspace of plain notes costs nothing.
        if (!this.started && this.enabled() && !this.startTimer) {
          this.state = 'waiting';
          this.startTimer = setTimeout(() => this.start(), START_DELAY_MS);
        }
        this.fromEditor(report);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // The editor's version may not have been saved: read the file again.
        const key = doc.uri.toString();
        if (this.reports.get(key)?.source === 'editor') this.enqueue(doc.uri);
      }),
    );
    if (this.enabled()) this.state = 'waiting'; // for the first TIP report to open
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('tipLens').get<boolean>('index.enabled', true);
  }

  // ------------------------------------------------------------------------------------------
  // Queries

  /** Whether `uri` is indexed as a TIP report. */
  has(uri: vscode.Uri): boolean {
    return this.reports.has(uri.toString());
  }

  /** The indexed reports' URIs. */
  reportUris(): vscode.Uri[] {
    return [...this.reports.values()].map((r) => r.uri);
  }

  /** The indexed reports with the narratives each holds (country, year, tier), for a picker. */
  reportList(): Array<{ readonly uri: vscode.Uri; readonly narratives: readonly IndexedNarrative[] }> {
    return [...this.reports.values()].map((r) => ({ uri: r.uri, narratives: r.narratives }));
  }

  /**
   * The text and analysis of each indexed report with a narrative that `filter` lets in (all of
   * them without one), by URI: what `src/core/timeline` builds a country's series from. The index
   * keeps neither; open reports come from the editor, others are read again (and kept a while).
   */
  timelineInputs(filter: TimelineFilter = {}, token?: vscode.CancellationToken): Promise<TimelineInput[]> {
    const wanted = filter.country !== undefined ? countryKey(filter.country) : undefined;
    const [from, to] = filter.reportYears ?? [-Infinity, Infinity];
    const chosen = [...this.reports.values()]
      .filter((r) => r.narratives.some((n) => (wanted === undefined || (n.country !== undefined && countryKey(n.country) === wanted))
        && (filter.reportYears === undefined || (n.year !== undefined && n.year >= from && n.year <= to))))
      .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    return this.inputs.read(chosen, token);
  }

  /**
   * The figures of other reports that state the quantity `key` (`ReportIndex.quantityKey`:
   * metric and absolute period) for the same country. First those that state it as their
   * current period (the report of that year, the authority on it), then the newest report first.
   */
  figuresFor(key: string, country: string | undefined, except?: vscode.Uri): WorkspaceFigure[] {
    if (!country) return [];
    const wanted = `${countryKey(country)}|${key}`;
    const skip = except?.toString();
    const out: WorkspaceFigure[] = [];
    for (const [k, r] of this.reports) {
      if (k === skip) continue;
      for (const f of r.byQuantity.get(wanted) ?? []) {
        out.push({
          uri: r.uri, figure: f.figure, range: rangeOf(r.lines, f.figure),
          ...(f.country ? { country: f.country } : {}), ...(f.year ? { year: f.year } : {}),
        });
      }
    }
    const authority = (f: WorkspaceFigure): number => (f.figure.period === 'current' ? 0 : 1);
    return out.sort((a, b) =>
      authority(a) - authority(b) || (b.year ?? 0) - (a.year ?? 0) || a.uri.toString().localeCompare(b.uri.toString()) || a.figure.start - b.figure.start,
    );
  }

  /** The mentions of an entity (same name or long form, or same acronym) in other reports; newest report first. */
  mentionsOf(entity: { name: string; acronym?: string | undefined }, except?: vscode.Uri): WorkspaceMentions[] {
    const keys = [`n:${nameKey(entity.name)}`];
    if (entity.acronym) keys.push(`a:${entity.acronym.toUpperCase()}`);
    const skip = except?.toString();
    const out: WorkspaceMentions[] = [];
    for (const [k, r] of this.reports) {
      if (k === skip) continue;
      const found = new Set<IndexedEntity>();
      for (const key of keys) for (const e of r.byName.get(key) ?? []) found.add(e);
      for (const e of found) {
        if (e.mentions.length === 0) continue;
        const first = { start: e.mentions[0]!, end: e.mentions[1]! };
        const n = narrativeAt(r.narratives, first.start);
        out.push({
          uri: r.uri, entity: e, count: e.mentions.length / 2, first: rangeOf(r.lines, first),
          ...(e.definition ? { definition: rangeOf(r.lines, e.definition) } : {}),
          ...(n?.country ? { country: n.country } : {}), ...(n?.year ? { year: n.year } : {}),
        });
      }
    }
    return out.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.uri.toString().localeCompare(b.uri.toString()));
  }

  /**
   * Resolves once the index has caught up with everything it knows of: the scan, the file
   * events received so far and the reports to re-read. Starts the index if it is still waiting.
   */
  whenReady(): Promise<void> {
    if (!this.enabled()) return Promise.resolve();
    if (!this.started) this.start();
    if (!this.busy()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  // ------------------------------------------------------------------------------------------
  // Lifecycle

  private start(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = undefined;
    if (this.started || !this.enabled()) return;
    this.started = true;
    this.state = 'indexing';
    this.watch();
    this.needsListing = true;
    this.kick();
  }

  /** Stops and forgets everything (the setting was turned off). */
  private stop(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = undefined;
    this.started = false;
    this.cts?.cancel();
    this.unwatch();
    this.clear();
    this.state = 'disabled';
    this.changed();
    this.settle();
  }

  /**
   * `tipLens.reindexWorkspace`: forgets what was read and reads the workspace again, with
   * progress in the status bar, then says how many reports it found. Resolves to that message.
   */
  private async rebuild(): Promise<string> {
    if (!this.enabled()) {
      const off = 'TIP Lens: indexing of workspace reports is off (setting TIP Lens › Index: Enabled).';
      void vscode.window.showInformationMessage(off);
      return off;
    }
    this.cts?.cancel();
    this.clear();
    this.changed();
    if (!this.started) this.start();
    else {
      this.needsListing = true;
      this.kick();
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'TIP Lens: re-indexing workspace reports' },
      () => this.whenReady(),
    );
    const done = `TIP Lens: ${plural(this.reportCount, 'report')} indexed (${plural(this.fileCount, 'file')} read)`;
    vscode.window.setStatusBarMessage(`$(check) ${done}`, 5000);
    return done;
  }

  private clear(): void {
    this.touchedAll = true;
    this.inputs.clear();
    this.reports.clear();
    this.seen.clear();
    this.listed = new Set();
    this.queue.clear();
    this.pendingEvents.clear();
    this.pendingDeletes.clear();
    this.pendingOther.clear();
    this.folderChecks.clear();
    this.pendingEditor.clear();
    if (this.watchTimer) clearTimeout(this.watchTimer);
    if (this.editorTimer) clearTimeout(this.editorTimer);
    this.watchTimer = undefined;
    this.editorTimer = undefined;
    this.needsListing = false;
  }

  /** `files.exclude` or the folders changed: list again; what is new is read, what left is dropped. */
  private relist(): void {
    if (!this.started) return;
    this.needsListing = true;
    this.kick();
  }

  private watch(): void {
    const files = vscode.workspace.createFileSystemWatcher(GLOB);
    // Folders: a deleted folder is reported alone, and the files of a new folder can be missed
    // (the folder is watched only once it exists), neither of which the glob above sees.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.watchers = [
      files, folders,
      files.onDidCreate((uri) => this.onFileEvent(uri, true)),
      files.onDidChange((uri) => this.onFileEvent(uri, false)),
      files.onDidDelete((uri) => this.onDelete(uri)),
      folders.onDidCreate((uri) => this.onOtherCreated(uri)),
      folders.onDidDelete((uri) => this.onDelete(uri)),
    ];
  }

  private onOtherCreated(uri: vscode.Uri): void {
    if (CANDIDATE.test(uri.path)) return; // the files watcher reports it
    this.pendingOther.set(uri.toString(), uri);
    this.scheduleFlush();
  }

  private unwatch(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  private onFileEvent(uri: vscode.Uri, created: boolean): void {
    const key = uri.toString();
    this.pendingDeletes.delete(key);
    const prev = this.pendingEvents.get(key);
    this.pendingEvents.set(key, { uri, created: created || (prev?.created ?? false) });
    this.scheduleFlush();
  }

  private onDelete(uri: vscode.Uri): void {
    const key = uri.toString();
    this.pendingEvents.delete(key);
    this.pendingDeletes.add(key);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(() => this.flush(), WATCH_DEBOUNCE_MS);
  }

  /** Applies the file events collected during the debounce. */
  private flush(): void {
    this.watchTimer = undefined;
    if (this.pendingDeletes.size > 0) {
      const deleted = this.pendingDeletes;
      let removed = false;
      for (const key of new Set([...this.seen, ...this.listed, ...this.reports.keys()])) {
        if (isUnder(key, deleted)) removed = this.forget(key) || removed;
      }
      for (const key of deleted) this.queue.delete(key);
      deleted.clear();
      if (removed) this.changed();
    }
    for (const { uri, created } of this.pendingEvents.values()) {
      const key = uri.toString();
      // A file the last listing let in is read again; a new one is checked against
      // `files.exclude` by listing again (the watcher does not apply it).
      if (this.listed.has(key) || this.seen.has(key)) this.queue.set(key, uri);
      else if (created) this.needsListing = true;
    }
    this.pendingEvents.clear();
    if (this.pendingOther.size > MAX_FOLDER_CHECKS) this.needsListing = true;
    else for (const [key, uri] of this.pendingOther) this.folderChecks.set(key, uri);
    this.pendingOther.clear();
    this.kick();
    this.settle();
  }

  private enqueue(uri: vscode.Uri): void {
    if (!this.started) return;
    this.queue.set(uri.toString(), uri);
    this.kick();
  }

  private hasWork(): boolean {
    return this.needsListing || this.queue.size > 0 || this.folderChecks.size > 0;
  }

  private busy(): boolean {
    return !!this.worker || this.hasWork() || !!this.watchTimer || !!this.editorTimer || (!this.started && !!this.startTimer);
  }

  private settle(): void {
    if (this.busy()) return;
    if (this.started) this.state = 'ready';
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  // ------------------------------------------------------------------------------------------
  // The worker: one file at a time, in the background, with progress in the status bar.

  private kick(): void {
    if (this.worker || !this.started || !this.hasWork()) return;
    this.state = 'indexing';
    this.worker = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.worker = undefined;
        if (this.started && this.hasWork()) this.kick();
        else this.settle();
      });
  }

  private async drain(): Promise<void> {
    const cts = new vscode.CancellationTokenSource();
    this.cts = cts;
    const token = cts.token;
    const started = performance.now();
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window }, async (progress) => {
        let done = 0;
        while (!token.isCancellationRequested && this.hasWork()) {
          if (this.folderChecks.size > 0 && !this.needsListing) {
            const uris = [...this.folderChecks.values()];
            this.folderChecks.clear();
            if (await anyFolder(uris)) this.needsListing = true;
            continue;
          }
          if (this.needsListing) {
            this.folderChecks.clear(); // a listing sees every folder
            this.needsListing = false;
            progress.report({ message: 'Indexing TIP reports' });
            await this.list(token);
            continue;
          }
          const [key, uri] = this.queue.entries().next().value!;
          this.queue.delete(key);
          progress.report({ message: `Indexing TIP reports (${done + 1}/${done + 1 + this.queue.size})` });
          await this.load(uri, token);
          done++;
        }
      });
    } finally {
      if (this.cts === cts) this.cts = undefined;
      cts.dispose();
      if (!token.isCancellationRequested) this.lastPassMs = Math.round(performance.now() - started);
    }
  }

  /** Lists the candidates (`files.exclude` applies), drops what left, queues what is new. */
  private async list(token: vscode.CancellationToken): Promise<void> {
    let uris: vscode.Uri[];
    try {
      // `undefined` as the exclude applies `files.exclude`.
      uris = await vscode.workspace.findFiles(GLOB, undefined, undefined, token);
    } catch {
      uris = []; // a file system without search (some virtual workspaces): nothing to list
    }
    if (token.isCancellationRequested) {
      this.needsListing = true;
      return;
    }
    const now = new Map(uris.map((u) => [u.toString(), u] as const));
    let removed = false;
    for (const key of new Set([...this.seen, ...this.reports.keys()])) {
      if (!now.has(key)) removed = this.forget(key) || removed;
    }
    for (const key of this.queue.keys()) if (!now.has(key)) this.queue.delete(key);
    this.listed = new Set(now.keys());
    // Named reports first, then by path, so the likely reports are ready soonest.
    const fresh = [...now.values()].filter((u) => !this.seen.has(u.toString()) && !this.reports.has(u.toString()));
    fresh.sort((a, b) => Number(isTipName(b)) - Number(isTipName(a)) || a.path.localeCompare(b.path));
    for (const u of fresh) this.queue.set(u.toString(), u);
    if (removed) this.changed();
  }

  /** Reads one candidate: from the open document's analysis if it is open, else from disk. */
  private async load(uri: vscode.Uri, token: vscode.CancellationToken): Promise<void> {
    const key = uri.toString();
    const open = openReport(uri);
    if (open) {
      const report = await this.service.report(open, token);
      // Undefined when the text changed meanwhile: `onDidAnalyze` brings the newer one.
      if (report && !token.isCancellationRequested) this.commitEditor(report);
      return;
    }
    const file = await readReportFile(uri);
    if (file.kind === 'folder' || file.kind === 'unreadable') {
      // A folder, or gone or unreadable: forget it; a later event brings it back.
      if (this.forget(key)) this.changed();
      if (file.kind === 'unreadable') this.skipped.unreadable++;
      return;
    }
    if (token.isCancellationRequested) return;
    if (file.kind === 'skipped') {
      this.skip(key, file.why);
      return;
    }
    const text = file.text;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    let analysis: Analysis | undefined;
    try {
      analysis = await analyzeAsync(text, { signal: controller.signal, ...fragmentFromFileName(uri.path) });
    } finally {
      cancel.dispose();
    }
    if (!analysis || token.isCancellationRequested) return;
    // Deleted (or excluded) while it was read: do not bring it back.
    if (!this.listed.has(key)) return;
    if (openReport(uri)) {
      // Opened while it was read: the editor's analysis wins.
      this.queue.set(key, uri);
      return;
    }
    this.seen.add(key);
    this.put(key, summarize(uri, 'disk', analysis, text));
    this.changed();
  }

  private skip(key: string, why: keyof WorkspaceIndex['skipped']): void {
    this.skipped[why]++;
    this.seen.add(key);
    if (this.remove(key)) this.changed();
  }

  /** A new analysis of an open report: summarized once the edits pause. */
  private fromEditor(report: Report): void {
    if (!this.started) return;
    const key = report.document.uri.toString();
    // Not listed (yet): the scan reads it through the service when it gets there.
    if (!this.listed.has(key)) return;
    this.pendingEditor.set(key, report);
    if (this.editorTimer) clearTimeout(this.editorTimer);
    this.editorTimer = setTimeout(() => {
      this.editorTimer = undefined;
      const reports = [...this.pendingEditor.values()];
      this.pendingEditor.clear();
      for (const r of reports) this.commitEditor(r);
      this.settle();
    }, EDITOR_DEBOUNCE_MS);
  }

  /** The open document's analysis replaces the disk copy, for files the listing let in. */
  private commitEditor(report: Report): void {
    const doc = report.document;
    const key = doc.uri.toString();
    // An analysis of an older version: a newer one is on its way.
    if (!this.started || doc.isClosed || doc.version !== report.version || !this.listed.has(key)) return;
    this.put(key, summarize(doc.uri, 'editor', report.analysis, doc.getText()));
    this.changed();
  }

  /** Drops a file; true when it was an indexed report. */
  private forget(key: string): boolean {
    this.seen.delete(key);
    this.listed.delete(key);
    return this.remove(key);
  }

  private put(key: string, report: IndexedReport): void {
    this.touch(this.reports.get(key));
    this.touch(report);
    this.reports.set(key, report);
  }

  private remove(key: string): boolean {
    this.touch(this.reports.get(key));
    return this.reports.delete(key);
  }

  private touch(report: IndexedReport | undefined): void {
    for (const n of report?.narratives ?? []) if (n.country) this.touched.add(countryKey(n.country));
  }

  /** Tells the listeners which countries' reports changed since the last time. */
  private changed(): void {
    const change: IndexChange = this.touchedAll ? {} : { countries: this.touched };
    this.touched = new Set();
    this.touchedAll = false;
    this.changeEmitter.fire(change);
  }

  dispose(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    if (this.watchTimer) clearTimeout(this.watchTimer);
    if (this.editorTimer) clearTimeout(this.editorTimer);
    this.pendingEditor.clear();
    this.started = false;
    this.cts?.cancel();
    this.unwatch();
    this.reports.clear();
    this.seen.clear();
    this.queue.clear();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
    for (const s of this.subscriptions) s.dispose();
  }
}

// ------------------------------------------------------------------------------------------
// Helpers

async function anyFolder(uris: readonly vscode.Uri[]): Promise<boolean> {
  const stats = await Promise.all(uris.map((u) => Promise.resolve(vscode.workspace.fs.stat(u)).catch(() => undefined)));
  return stats.some((s) => s !== undefined && (s.type & vscode.FileType.Directory) !== 0);
}

/** The open document for `uri` when it is a TIP report (the service analyzes it). */
function openReport(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key && isTipReport(d));
}
