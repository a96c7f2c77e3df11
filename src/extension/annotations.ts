import { randomUUID } from 'crypto';
import { promises as fsp } from 'fs';
import * as vscode from 'vscode';
import {
  anchorAll, annotationFileFor, defaultSchema, parseAnnotationFile, parseSchema, refreshed, SCHEMA_VERSION, selectorFor,
  serializeAnnotationFile, type Anchored, type Annotation, type AnnotationSchema, type Label, type SchemaLabel,
} from '../core/annotations';
import { ENTITY_LABELS, figureValue, METRIC_LABELS } from '../core/labels';
import type { Entity, EntityType, Figure, Mention, Metric, Money, Span } from '../core/model';
import type { Hit } from '../core/query';
import { type AnalysisService, type AnnotationSource, isTipReport, type Report } from './analysisService';
import { LANGUAGE_ID } from './detection';
import type { Checker } from './diagnostics';
import { probes } from './probes';

/**
 * Researchers' annotations in the editor: one set per report, kept in a file beside it
 * (`<report>.annotations.json`, standoff: never in the report's text), the commands that
 * change it, and a code action for the item at the cursor.
 *
 * The store loads a report's set when the analysis service first asks for it, re-anchors it
 * against the document's current text, follows edits (positions move with the text; an edit
 * inside an annotated text leaves it to its quote), and writes the file atomically (a
 * temporary file, then a rename) after each change, and with refreshed selectors when the
 * report is saved. Before each write it reads the file again: a change made outside is
 * taken in first, and a file it cannot use (not JSON, not the schema, not readable) is never
 * written; a warning names it and the reason, and annotating that report is refused until
 * the file is fixed. A watcher on the file takes in changes made outside VS Code.
 *
 * The service applies the set to every analysis it publishes, so the decisions reach the
 * highlights, the tree, the hovers, the checks and the exports from one place.
 */

export const ANNOTATE_SELECTION = 'tipLens.annotateSelection';
export const CONFIRM_ITEM = 'tipLens.confirmItem';
export const REJECT_ITEM = 'tipLens.rejectItem';
export const CHANGE_ITEM_TYPE = 'tipLens.changeItemType';
export const DELETE_ANNOTATION = 'tipLens.deleteAnnotation';
export const EDIT_ANNOTATION_NOTE = 'tipLens.editAnnotationNote';
/** The commands a hover may link to. */
export const ANNOTATION_COMMANDS: readonly string[] = [CONFIRM_ITEM, REJECT_ITEM, CHANGE_ITEM_TYPE, DELETE_ANNOTATION, EDIT_ANNOTATION_NOTE];

/** Where a workspace's annotation schema lives, relative to its folder. */
export const SCHEMA_PATH = '.tip-lens/schema.json';

/** What a command returns (for the tests and for other commands that call it). */
export type CommandResult = { readonly ok: true; readonly id?: string; readonly changed: boolean } | { readonly ok: false; readonly message: string };

const EMPTY: readonly Annotation[] = Object.freeze([]);

// ---------------------------------------------------------------------------------------------
// Labels and what they are called

/** `entity:government-body`, `figure:investigations`, `free:corruption`: a label's identity (the default schema's ids). */
export function labelKey(l: Label): string {
  return l.kind === 'entity' ? `entity:${l.type}` : l.kind === 'figure' ? `figure:${l.metric}` : `free:${l.label}`;
}

/** The schema's entry for a label, if the schema has it. */
export function schemaLabel(schema: AnnotationSchema, l: Label): SchemaLabel | undefined {
  const key = labelKey(l);
  return schema.labels.find((s) => labelKey(s.label) === key);
}

/** `Entity: government body`, `Figure: investigations`, or the schema's own title. */
export function labelTitle(l: Label, schema?: AnnotationSchema): string {
  const own = schema && schemaLabel(schema, l);
  if (own) return own.title;
  if (l.kind === 'entity') return `Entity: ${ENTITY_LABELS[l.type]}`;
  if (l.kind === 'figure') return `Figure: ${METRIC_LABELS[l.metric]}`;
  return l.label.charAt(0).toUpperCase() + l.label.slice(1);
}

/** What an annotation says, in a few words: `Rejected figure`, `Entity: NGO (changed)`, `Note`. */
export function annotationTitle(a: Annotation, schema?: AnnotationSchema): string {
  const about = a.about ?? (a.label?.kind === 'entity' ? 'entity' : a.label?.kind === 'figure' ? 'figure' : undefined);
  const what = about === 'money' ? 'amount of money' : about ?? 'item';
  switch (a.decision) {
    case 'confirm':
      return `Confirmed ${what}`;
    case 'reject':
      return `Rejected ${what}`;
    case 'correct':
      return a.label ? `${labelTitle(a.label, schema)} (type changed)` : `Changed ${what}`;
    case 'manual':
      return a.label ? `${labelTitle(a.label, schema)} (added)` : `Added ${what}`;
    case 'note':
      return a.label ? labelTitle(a.label, schema) : 'Note';
  }
}

/** An item's status in words, for descriptions: undefined for the engine's own. */
export function statusText(item: { readonly status?: string }): string | undefined {
  return item.status && item.status !== 'automatic' ? item.status : undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages (kept for the tests: VS Code offers no API to read notifications back)

export interface Message {
  readonly severity: 'warning' | 'information' | 'error';
  readonly text: string;
}

const shownMessages: Message[] = [];

function notify(severity: Message['severity'], text: string): void {
  shownMessages.push({ severity, text });
  if (shownMessages.length > 50) shownMessages.shift();
  if (severity === 'warning') void vscode.window.showWarningMessage(text);
  else if (severity === 'error') void vscode.window.showErrorMessage(text);
  else void vscode.window.showInformationMessage(text);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function dirname(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
}

/** The file as the user finds it: relative to the workspace when it is in one. */
function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

// ---------------------------------------------------------------------------------------------
// The schema of each workspace folder

/**
 * The annotation schema of each workspace folder: `.tip-lens/schema.json` when it exists and
 * validates (a warning names the file and the reason when it does not), else `defaultSchema()`.
 * Read once per folder and again when the file changes.
 */
export class SchemaStore implements vscode.Disposable {
  private readonly cache = new Map<string, AnnotationSchema>();
  private readonly loading = new Map<string, Promise<AnnotationSchema>>();
  private readonly warned = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  readonly defaults = defaultSchema();
  /** How many changes of schema files the watcher reported. */
  events = 0;
  /** Fires when a folder's schema was read or changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    // The file, and its folder (a folder deleted whole reports no event for the files in it).
    const watcher = vscode.workspace.createFileSystemWatcher('**/.tip-lens{,/schema.json}');
    const reread = (uri: vscode.Uri): void => {
      this.events++;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || !(uri.path.endsWith(`/${SCHEMA_PATH}`) || uri.path.endsWith('/.tip-lens'))) return;
      this.cache.delete(folder.uri.toString());
      void this.load(folder.uri);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(reread),
      watcher.onDidChange(reread),
      watcher.onDidDelete(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache.clear();
        this.emitter.fire();
      }),
    );
  }

  /** The schema for a report (its folder's, or the default); a folder not read yet is read, the default meanwhile. */
  schemaFor(uri: vscode.Uri): AnnotationSchema {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return this.defaults;
    const cached = this.cache.get(folder.uri.toString());
    if (cached) return cached;
    void this.load(folder.uri);
    return this.defaults;
  }

  /** The schema for a report, read first if need be. */
  async schemaForAsync(uri: vscode.Uri): Promise<AnnotationSchema> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return this.defaults;
    return this.cache.get(folder.uri.toString()) ?? this.load(folder.uri);
  }

  private load(folder: vscode.Uri): Promise<AnnotationSchema> {
    const key = folder.toString();
    const running = this.loading.get(key);
    if (running) return running;
    const file = vscode.Uri.joinPath(folder, SCHEMA_PATH);
    const promise = readText(file).then((read) => {
      let schema = this.defaults;
      if (read.kind === 'text') {
        const parsed = parseSchema(read.text);
        if (parsed.ok && parsed.schema.labels.length > 0) {
          schema = parsed.schema;
          this.warned.delete(key);
        } else {
          const reason = parsed.ok ? 'it has no labels' : parsed.error;
          const text = `TIP Lens: the annotation schema ${shownPath(file)} cannot be used: ${reason}. The default labels apply until it is fixed.`;
          if (!this.warned.has(`${key}|${text}`)) notify('warning', text);
          this.warned.add(`${key}|${text}`);
        }
      } else if (read.kind === 'error') {
        notify('warning', `TIP Lens: the annotation schema ${shownPath(file)} cannot be read: ${read.error}. The default labels apply.`);
      }
      this.cache.set(key, schema);
      this.loading.delete(key);
      this.emitter.fire();
      return schema;
    });
    this.loading.set(key, promise);
    return promise;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading and writing files

type Read = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'error'; readonly error: string };

async function readText(uri: vscode.Uri): Promise<Read> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'error', error: 'it is not UTF-8 text' };
  }
}

/**
 * Writes `text` to a temporary file beside `uri`, then renames it over `uri`: a reader sees the
 * old file or the new one, never half of one, and never none.
 *
 * `workspace.fs.rename` with `overwrite` deletes the target before it renames (VS Code's file
 * service does, 1.100), which leaves a moment with no file at all; for files on disk the rename
 * is the system's own (`rename(2)` replaces the target in one step). Other file systems get
 * `workspace.fs.rename`.
 */
async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const tmp = vscode.Uri.joinPath(dirname(uri), `.${basename(uri)}.${randomUUID().slice(0, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    if (uri.scheme === 'file') await fsp.rename(tmp.fsPath, uri.fsPath);
    else await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// The store

interface Entry {
  readonly uri: vscode.Uri;
  /** The annotation file; undefined for a document with no place beside it (untitled). */
  readonly file: vscode.Uri | undefined;
  state: 'loading' | 'ready' | 'invalid';
  /** Why the file cannot be used (state `invalid`): the message shown. */
  problem?: string;
  list: readonly Annotation[];
  /** The file's text as last read or written (undefined: there is no file): what tells an outside change. */
  disk: string | undefined;
  readonly loaded: Promise<void>;
  /** Reads and writes of the file, one after another. */
  queue: Promise<unknown>;
  watcher?: vscode.Disposable;
  reloadTimer?: ReturnType<typeof setTimeout>;
  /** The problem last warned about, so a file is not warned about twice for the same reason. */
  warned?: string;
}

type Mutation = (list: readonly Annotation[]) => readonly Annotation[] | undefined;

/** What the integration tests read through `probes.get('annotations')`. */
export interface AnnotationsProbe {
  readonly store: AnnotationStore;
  readonly schemas: SchemaStore;
  /** The notifications shown, newest last. */
  readonly messages: readonly Message[];
}

/**
 * One set of annotations per report URI (two editors of one report share it), loaded from the
 * file beside the report, written back atomically. See the top of this file.
 */
export class AnnotationStore implements AnnotationSource, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  /** How many times a set was read from its file (the tests tell a reload from the cache with it). */
  loads = 0;

  /** Fires when a report's set changed: a command, a change of the file outside, a load. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.onSave(doc)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri, false)),
    );
  }

  /** The annotation file of a report, or undefined when it has no place beside it (an untitled document). */
  fileFor(uri: vscode.Uri): vscode.Uri | undefined {
    if (uri.scheme === 'untitled') return undefined;
    return uri.with({ path: annotationFileFor(uri.path), query: '', fragment: '' });
  }

  annotations(uri: vscode.Uri): readonly Annotation[] {
    const entry = this.entries.get(uri.toString());
    if (entry) return entry.list;
    // Not loaded (forgotten, or never asked for): an open report's set is read again.
    const doc = openDocument(uri);
    if (doc && isTipReport(doc)) void this.load(doc);
    return EMPTY;
  }

  /** Alias of {@link annotations}. */
  get(uri: vscode.Uri): readonly Annotation[] {
    return this.annotations(uri);
  }

  /** Whether the report's set is in memory. */
  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  /** Why the report's file cannot be used, if it cannot. */
  problem(uri: vscode.Uri): string | undefined {
    const e = this.entries.get(uri.toString());
    return e?.state === 'invalid' ? e.problem : undefined;
  }

  load(doc: vscode.TextDocument): Promise<void> {
    return this.entry(doc.uri).loaded;
  }

  private entry(uri: vscode.Uri): Entry {
    const key = uri.toString();
    const existing = this.entries.get(key);
    if (existing) return existing;
    const file = this.fileFor(uri);
    let resolve!: () => void;
    const loaded = new Promise<void>((r) => (resolve = r));
    const entry: Entry = { uri, file, state: 'loading', list: EMPTY, disk: undefined, loaded, queue: Promise.resolve() };
    this.entries.set(key, entry);
    if (!file) {
      entry.state = 'ready';
      resolve();
      return entry;
    }
    entry.watcher = this.watch(entry, file);
    entry.queue = readText(file)
      .then((read) => {
        if (this.entries.get(key) !== entry) return;
        this.loads++;
        this.adopt(entry, read);
      })
      .finally(resolve);
    return entry;
  }

  /** Takes in the file as read: its annotations re-anchored in the open document, or why it cannot be used. */
  private adopt(entry: Entry, read: Read): void {
    const before = entry.list;
    const beforeState = entry.state;
    if (read.kind === 'missing') {
      entry.state = 'ready';
      entry.problem = undefined;
      entry.disk = undefined;
      entry.list = EMPTY;
    } else if (read.kind === 'error') {
      this.invalid(entry, `it cannot be read (${read.error})`);
      entry.disk = undefined;
      entry.list = EMPTY;
    } else {
      entry.disk = read.text;
      const parsed = parseAnnotationFile(read.text);
      if (!parsed.ok) {
        this.invalid(entry, parsed.error);
        entry.list = EMPTY;
      } else {
        entry.state = 'ready';
        entry.problem = undefined;
        entry.warned = undefined;
        const doc = openDocument(entry.uri);
        const list = parsed.file.annotations;
        // Found by its quote (the text changed since): the selectors move to where it is now, in memory.
        entry.list = doc ? anchorAll(doc.getText(), list).map((a) => refreshed(doc.getText(), a)) : list;
      }
    }
    if (before !== entry.list || beforeState !== entry.state) {
      if (before.length > 0 || entry.list.length > 0) this.emitter.fire(entry.uri);
    }
  }

  private invalid(entry: Entry, reason: string): void {
    entry.state = 'invalid';
    const file = entry.file!;
    entry.problem =
      `TIP Lens: the annotation file ${shownPath(file)} cannot be used: ${reason}. ` +
      `It is left as it is; annotating ${basename(entry.uri)} is off until the file is fixed.`;
    if (entry.warned !== entry.problem) notify('warning', entry.problem);
    entry.warned = entry.problem;
  }

  private watch(entry: Entry, file: vscode.Uri): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dirname(file), basename(file)));
    const changed = (): void => {
      if (entry.reloadTimer) clearTimeout(entry.reloadTimer);
      entry.reloadTimer = setTimeout(() => {
        entry.reloadTimer = undefined;
        void this.reload(entry);
      }, 50);
    };
    return vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  /** Reads the file again (it changed outside, or may have); takes it in if it is not what was last read or written. */
  private reload(entry: Entry): Promise<void> {
    return this.enqueue(entry, async () => {
      if (this.entries.get(entry.uri.toString()) !== entry || !entry.file) return;
      const read = await readText(entry.file);
      if (!this.sameAsKnown(entry, read)) this.adopt(entry, read);
    });
  }

  private sameAsKnown(entry: Entry, read: Read): boolean {
    if (read.kind === 'missing') return entry.disk === undefined && entry.state !== 'invalid';
    if (read.kind === 'error') return false;
    return read.text === entry.disk;
  }

  private enqueue<T>(entry: Entry, job: () => Promise<T>): Promise<T> {
    const run = entry.queue.then(job, job);
    entry.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Changes a report's set and writes the file: reads it first (an outside change is taken in,
   * a file that cannot be used refuses the change), then `mutate` (undefined: nothing to
   * change), then an atomic write. The set changes in memory only once the file is written.
   */
  update(uri: vscode.Uri, mutate: Mutation, options: { readonly fire?: boolean } = {}): Promise<CommandResult> {
    const entry = this.entry(uri);
    return this.enqueue(entry, async (): Promise<CommandResult> => {
      await entry.loaded;
      if (!entry.file) {
        return { ok: false, message: `TIP Lens: save ${basename(uri)} first: its annotations are kept in a file beside it.` };
      }
      const read = await readText(entry.file);
      if (!this.sameAsKnown(entry, read)) this.adopt(entry, read);
      if (entry.state !== 'ready') return { ok: false, message: entry.problem ?? `TIP Lens: the annotations of ${basename(uri)} cannot be used.` };
      const next = mutate(entry.list);
      if (!next) return { ok: true, changed: false };
      const text = serializeAnnotationFile({ schemaVersion: SCHEMA_VERSION, document: basename(uri), annotations: next });
      if (text !== entry.disk) {
        try {
          await writeAtomically(entry.file, text);
        } catch (e) {
          return { ok: false, message: `TIP Lens: could not write ${shownPath(entry.file)}: ${e instanceof Error ? e.message : String(e)}` };
        }
        entry.disk = text;
      }
      entry.list = next;
      if (options.fire !== false) this.emitter.fire(uri);
      return { ok: true, changed: true };
    });
  }

  /** Positions move with the edits; an edit inside an annotated text leaves it to its quote and context. */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry || entry.list.length === 0 || e.contentChanges.length === 0) return;
    let list = entry.list;
    for (const c of e.contentChanges) list = shifted(list, c.rangeOffset + c.rangeLength, c.text.length - c.rangeLength);
    entry.list = list;
  }

  /** On save, the file gets the selectors of the saved text (position, quote and its context), if they changed. */
  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const entry = this.entries.get(doc.uri.toString());
    if (!entry || !entry.file || !isTipReport(doc)) return;
    await entry.loaded;
    if (entry.state !== 'ready' || (entry.list.length === 0 && entry.disk === undefined)) return;
    const result = await this.update(doc.uri, (list) => {
      const text = doc.getText();
      const next = anchorAll(text, list).map((a) => (a.span ? { ...a.annotation, selector: selectorFor(text, a.span.start, a.span.end) } : a.annotation));
      // Written only when a selector differs from the file's (a file formatted by hand is not rewritten for nothing).
      const parsed = entry.disk === undefined ? undefined : parseAnnotationFile(entry.disk);
      const onDisk = new Map(parsed?.ok ? parsed.file.annotations.map((a) => [a.id, JSON.stringify(a.selector)] as const) : []);
      const same = onDisk.size === next.length && next.every((a) => onDisk.get(a.id) === JSON.stringify(a.selector));
      return same ? undefined : next;
    }, { fire: false });
    if (!result.ok) notify('warning', result.message);
  }

  /** Drops a report's set from memory (it is read from its file again when next needed). */
  forget(uri: vscode.Uri, fire = true): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.watcher?.dispose();
    if (entry.reloadTimer) clearTimeout(entry.reloadTimer);
    if (fire && entry.list.length > 0) this.emitter.fire(uri);
  }

  /** Drops every set from memory. */
  clear(): void {
    for (const e of [...this.entries.values()]) this.forget(e.uri);
  }

  dispose(): void {
    for (const e of this.entries.values()) {
      e.watcher?.dispose();
      if (e.reloadTimer) clearTimeout(e.reloadTimer);
    }
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The annotations with their positions moved by an edit that ended at `to` (in the text before it) and changed the length by `delta`. */
export function shifted(list: readonly Annotation[], to: number, delta: number): readonly Annotation[] {
  let out: Annotation[] | undefined;
  list.forEach((a, i) => {
    const [pos, quote] = a.selector;
    // Only an edit wholly before it (an insertion at its start included) moves it. An edit of the
    // annotated text itself leaves it where it was: its quote and context find it, or it is orphaned.
    if (to > pos.start || delta === 0) return;
    out ??= [...list];
    out[i] = { ...a, selector: [{ ...pos, start: Math.max(0, pos.start + delta), end: Math.max(0, pos.end + delta) }, quote] };
  });
  return out ?? list;
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

// ---------------------------------------------------------------------------------------------
// Items: what a decision is about

type Item =
  | { readonly kind: 'figure'; readonly figure: Figure; readonly span: Span }
  | { readonly kind: 'money'; readonly money: Money; readonly span: Span }
  | { readonly kind: 'entity'; readonly entity: Entity; readonly mention: Mention; readonly span: Span };

function itemOfHit(hit: Hit): Item {
  if (hit.kind === 'figure') return { kind: 'figure', figure: hit.figure, span: hit.figure };
  if (hit.kind === 'money') return { kind: 'money', money: hit.money, span: hit.money };
  return { kind: 'entity', entity: hit.entity, mention: hit.mention, span: hit.mention };
}

const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** The item at exactly `span`, else the one at its start (as the cursor is). */
function itemAt(report: Report, span: Span): Item | undefined {
  const a = report.analysis;
  if (span.end > span.start) {
    const f = a.figures.find((x) => same(x, span));
    if (f) return { kind: 'figure', figure: f, span: f };
    const m = a.money.find((x) => same(x, span) || (x.conversion && same(x.conversion, span)));
    if (m) return { kind: 'money', money: m, span: m };
    const men = report.index.allMentions().find((x) => same(x, span));
    if (men) return { kind: 'entity', entity: men.entity, mention: men, span: men };
  }
  const hit = report.index.at(span.start);
  return hit ? itemOfHit(hit) : undefined;
}

function statusOf(item: Item): { readonly status?: string; readonly annotation?: string; readonly note?: string } {
  return item.kind === 'figure' ? item.figure : item.kind === 'money' ? item.money : item.mention;
}

function itemName(item: Item): string {
  if (item.kind === 'figure') return `figure ${item.figure.text}`;
  if (item.kind === 'money') return `amount ${item.money.text}`;
  return `entity ${item.mention.text}`;
}

/** The annotations covering `offset` (anchored in the report's text), innermost first. */
export function annotationsAt(report: Report, offset: number): Anchored[] {
  return report.annotated.anchored
    .filter((a) => a.span && a.span.start <= offset && (offset < a.span.end || (a.span.start === a.span.end && offset === a.span.start)))
    .sort((p, q) => p.span!.end - p.span!.start - (q.span!.end - q.span!.start));
}

// ---------------------------------------------------------------------------------------------
// Command arguments

interface Options {
  uri?: vscode.Uri;
  span?: Span;
  range?: vscode.Range;
  label?: string;
  note?: string;
  id?: string;
  /** A node of the Report view (its context menu passes it). */
  node?: { readonly kind: string; readonly [k: string]: unknown };
}

function toUri(x: unknown): vscode.Uri | undefined {
  if (x instanceof vscode.Uri) return x;
  if (typeof x === 'string' && x) {
    try {
      return vscode.Uri.parse(x, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The arguments of the commands, in each form they come in: none (the active editor and its
 * selection); `(uri, start, end, label?, note?)` or `(uri, range, label?, note?)` (hovers,
 * tests); `(uri, id, note?)` for an annotation; one object `{ uri, start, end, range, label,
 * note, id }`; a node of the Report view; the document's URI alone (the editor's context menu).
 */
function parseArgs(args: readonly unknown[], idFirst = false): Options {
  const [first, ...rest] = args;
  const o: Options = {};
  if (isRecord(first) && !(first instanceof vscode.Uri) && typeof first['kind'] === 'string') {
    o.node = first as Options['node'];
    // The tree's context menu passes (node, selected nodes); a caller may add a note: (node, note).
    if (typeof rest[0] === 'string') o.note = rest[0];
    return o;
  }
  if (isRecord(first) && !(first instanceof vscode.Uri)) {
    const uri = toUri(first['uri']);
    if (uri) o.uri = uri;
    const range = first['range'];
    if (range instanceof vscode.Range) o.range = range;
    if (typeof first['start'] === 'number' && typeof first['end'] === 'number') o.span = { start: first['start'], end: first['end'] };
    if (typeof first['label'] === 'string') o.label = first['label'];
    if (typeof first['note'] === 'string') o.note = first['note'];
    if (typeof first['id'] === 'string') o.id = first['id'];
    return o;
  }
  const uri = toUri(first);
  if (uri) o.uri = uri;
  let i = 0;
  if (idFirst && typeof rest[0] === 'string') {
    o.id = rest[0];
    if (typeof rest[1] === 'string') o.note = rest[1];
    return o;
  }
  if (typeof rest[0] === 'number' && typeof rest[1] === 'number') {
    o.span = { start: rest[0], end: rest[1] };
    i = 2;
  } else if (rest[0] instanceof vscode.Range) {
    o.range = rest[0];
    i = 1;
  }
  if (typeof rest[i] === 'string') o.label = rest[i] as string;
  if (typeof rest[i + 1] === 'string') o.note = rest[i + 1] as string;
  return o;
}

// ---------------------------------------------------------------------------------------------
// The commands

interface Target {
  readonly doc: vscode.TextDocument;
  readonly report: Report;
  /** Spans given, or the selection's. */
  readonly span: Span;
  /** The items a node of the tree stands for (an entity: each of its mentions). */
  readonly items?: readonly Item[];
}

class Annotator {
  constructor(
    private readonly service: AnalysisService,
    private readonly store: AnnotationStore,
    readonly schemas: SchemaStore,
  ) {}

  /** The document a command is about, its current report, and the span. */
  private async target(o: Options, what: string, needsPlace = true): Promise<Target | string> {
    let doc: vscode.TextDocument | undefined;
    let items: Item[] | undefined;
    if (o.node) {
      const found = this.fromNode(o.node);
      if (!found) return `TIP Lens: ${what}: the item is no longer in the report.`;
      doc = found.doc;
      items = found.items;
    } else if (o.uri) {
      try {
        doc = await vscode.workspace.openTextDocument(o.uri);
      } catch (e) {
        return `TIP Lens: ${what}: cannot open ${o.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`;
      }
    } else {
      doc = vscode.window.activeTextEditor?.document;
    }
    if (!doc || !isTipReport(doc)) return `TIP Lens: ${what} works in a TIP report.`;
    const report = await this.service.report(doc);
    if (!report) return `TIP Lens: ${what}: ${basename(doc.uri)} is still being read; try again.`;
    let span = o.span;
    const range = o.range;
    if (range) span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    if (!span && items?.[0]) span = items[0].span;
    // An annotation named by its id needs no place in the text.
    if (!span && !needsPlace) span = { start: 0, end: 0 };
    if (!span) {
      const editor = editorOf(doc);
      if (!editor) return `TIP Lens: ${what}: no place given, and ${basename(doc.uri)} is not in an editor.`;
      span = { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
    }
    const length = doc.getText().length;
    if (span.start < 0 || span.end > length || span.end < span.start) return `TIP Lens: ${what}: ${span.start}-${span.end} is outside ${basename(doc.uri)}.`;
    return { doc, report, span, ...(items ? { items } : {}) };
  }

  /** A Report view node's document (the open report whose analysis holds its item) and items. */
  private fromNode(node: NonNullable<Options['node']>): { doc: vscode.TextDocument; items?: Item[] } | undefined {
    const nodeUri = toUri(node['uri']);
    const docs = nodeUri ? [openDocument(nodeUri)].filter((d): d is vscode.TextDocument => !!d) : vscode.workspace.textDocuments.filter(isTipReport);
    for (const doc of docs) {
      const report = this.service.current(doc);
      if (!report) continue;
      const a = report.analysis;
      switch (node.kind) {
        case 'figure': {
          const f = node['figure'] as Figure;
          const now = a.figures.includes(f) ? f : a.figures.find((x) => same(x, f));
          if (now) return { doc, items: [{ kind: 'figure', figure: now, span: now }] };
          break;
        }
        case 'amount': {
          const m = node['money'] as Money;
          const now = a.money.includes(m) ? m : a.money.find((x) => same(x, m));
          if (now) return { doc, items: [{ kind: 'money', money: now, span: now }] };
          break;
        }
        case 'mention': {
          const men = node['mention'] as Mention;
          const found = report.index.allMentions().find((x) => same(x, men));
          if (found && (a.entities.includes(node['entity'] as Entity) || found.text === men.text)) {
            return { doc, items: [{ kind: 'entity', entity: found.entity, mention: found, span: found }] };
          }
          break;
        }
        case 'entity': {
          const e = node['entity'] as Entity;
          const now = a.entities.includes(e) ? e : a.entities.find((x) => x.id === e.id);
          if (now) return { doc, items: now.mentions.map((m) => ({ kind: 'entity' as const, entity: now, mention: m, span: m })) };
          break;
        }
        case 'annotation':
          return { doc };
        default:
          break;
      }
    }
    return undefined;
  }

  private refuse(message: string, severity: Message['severity'] = 'information'): CommandResult {
    notify(severity, message);
    return { ok: false, message };
  }

  private async finish(result: Promise<CommandResult>): Promise<CommandResult> {
    const r = await result;
    if (!r.ok) notify('warning', r.message);
    return r;
  }

  /** Refuses at once when the report's file cannot be used. */
  private async blocked(doc: vscode.TextDocument): Promise<CommandResult | undefined> {
    await this.store.load(doc);
    const problem = this.store.problem(doc.uri);
    return problem ? this.refuse(problem, 'warning') : undefined;
  }

  // ---- Annotate Selection ----------------------------------------------------------------

  async annotateSelection(...args: unknown[]): Promise<CommandResult> {
    const o = parseArgs(args);
    const t = await this.target(o, 'Annotate Selection');
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    const blocked = await this.blocked(doc);
    if (blocked) return blocked;
    let span = t.span;
    if (span.end === span.start) {
      // No selection: the item at the cursor, else the word.
      const item = itemAt(report, span);
      const word = doc.getWordRangeAtPosition(doc.positionAt(span.start));
      if (item) span = item.span;
      else if (word) span = { start: doc.offsetAt(word.start), end: doc.offsetAt(word.end) };
      else return this.refuse('TIP Lens: select the text to annotate first.');
    }
    const schema = await this.schemas.schemaForAsync(doc.uri);
    let chosen: SchemaLabel | undefined;
    if (o.label !== undefined) {
      chosen = findLabel(schema, o.label) ?? findLabel(this.schemas.defaults, o.label);
      if (!chosen) return this.refuse(`TIP Lens: no label "${o.label}" in the annotation schema.`, 'warning');
    } else {
      chosen = await pickLabel(schema.labels, `Annotate "${clip(doc.getText().slice(span.start, span.end))}"`);
      if (!chosen) return { ok: false, message: 'cancelled' };
    }
    let note = o.note;
    if (note === undefined && o.label === undefined) {
      note = await vscode.window.showInputBox({
        title: `${chosen.title}: a note (optional)`,
        prompt: 'A note for this annotation, shown in hovers and in the Report view. Enter for none.',
      });
      if (note === undefined) return { ok: false, message: 'cancelled' };
    }
    const label = chosen.label;
    const text = doc.getText();
    // An engine item of the same kind at exactly this text: the label confirms or corrects it.
    const item = label.kind === 'free' ? undefined : itemAt(report, span);
    const exact = item && same(item.span, span) && item.kind === label.kind ? item : undefined;
    let decision: Annotation['decision'] = label.kind === 'free' ? 'note' : 'manual';
    if (exact && statusOf(exact).status !== 'manual') {
      const current = exact.kind === 'figure' ? exact.figure.metric : exact.kind === 'entity' ? exact.entity.type : undefined;
      const wanted = label.kind === 'figure' ? label.metric : label.kind === 'entity' ? label.type : undefined;
      decision = current === wanted && statusOf(exact).status !== 'corrected' ? 'confirm' : 'correct';
    }
    const annotation: Annotation = {
      id: newId(),
      decision,
      selector: selectorFor(text, span.start, span.end),
      ...(decision === 'confirm' ? {} : { label }),
      ...(exact && decision !== 'manual' ? { about: exact.kind } : {}),
      ...(note ? { note } : {}),
      created: new Date().toISOString(),
    };
    const replaced = exact && decision !== 'manual' ? decisionsOn(report, exact) : [];
    const manualOf = exact && statusOf(exact).status === 'manual' ? statusOf(exact).annotation : undefined;
    const drop = new Set([...replaced, ...(manualOf ? [manualOf] : [])]);
    const r = await this.finish(this.store.update(doc.uri, (list) => [...list.filter((a) => !drop.has(a.id)), annotation]));
    return r.ok ? { ...r, id: annotation.id } : r;
  }

  // ---- Confirm, Reject, Change Type ------------------------------------------------------

  async decide(kind: 'confirm' | 'reject' | 'correct', args: readonly unknown[]): Promise<CommandResult> {
    const what = kind === 'confirm' ? 'Confirm' : kind === 'reject' ? 'Reject' : 'Change Type';
    const o = parseArgs(args);
    const t = await this.target(o, what);
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    const items = t.items ?? [itemAt(report, t.span)].filter((x): x is Item => !!x);
    if (items.length === 0) return this.refuse(`TIP Lens: ${what}: no figure, amount or entity here.`);
    const blocked = await this.blocked(doc);
    if (blocked) return blocked;
    let label: Label | undefined;
    if (kind === 'correct') {
      const first = items[0]!;
      if (first.kind === 'money') return this.refuse('TIP Lens: an amount of money has no type to change. Reject it if it is not money.');
      const schema = await this.schemas.schemaForAsync(doc.uri);
      const current = first.kind === 'figure' ? labelKey({ kind: 'figure', metric: first.figure.metric }) : labelKey({ kind: 'entity', type: first.entity.type });
      let choices = schema.labels.filter((l) => l.label.kind === first.kind);
      if (choices.length === 0) choices = this.schemas.defaults.labels.filter((l) => l.label.kind === first.kind);
      if (o.label !== undefined) {
        const chosen = findLabel(schema, o.label) ?? findLabel(this.schemas.defaults, o.label);
        if (!chosen || chosen.label.kind !== first.kind) return this.refuse(`TIP Lens: "${o.label}" is not a ${first.kind === 'figure' ? 'figure metric' : 'entity type'} of the annotation schema.`, 'warning');
        label = chosen.label;
      } else {
        const chosen = await pickLabel(choices.filter((l) => labelKey(l.label) !== current), `Change the type of ${itemName(first)} (now ${labelTitle(keyToLabel(current), schema)})`);
        if (!chosen) return { ok: false, message: 'cancelled' };
        label = chosen.label;
      }
    }
    const text = doc.getText();
    const now = new Date().toISOString();
    const drop = new Set<string>();
    const add: Annotation[] = [];
    const edit = new Map<string, (a: Annotation) => Annotation>();
    for (const item of items) {
      const st = statusOf(item);
      if (st.status === 'manual' && st.annotation) {
        // The researcher's own item: rejecting it removes it; a new type changes its label.
        if (kind === 'reject') drop.add(st.annotation);
        else if (kind === 'correct' && label) edit.set(st.annotation, (a) => ({ ...a, label: label!, modified: now }));
        continue;
      }
      if (kind === 'confirm' && (st.status === 'confirmed' || st.status === 'corrected')) continue;
      const previous = decisionsOn(report, item);
      const keptNote = o.note ?? report.annotated.anchored.find((a) => previous.includes(a.annotation.id) && a.annotation.note)?.annotation.note;
      for (const id of previous) drop.add(id);
      add.push({
        id: newId(),
        decision: kind,
        about: item.kind,
        selector: selectorFor(text, item.span.start, item.span.end),
        ...(label ? { label } : {}),
        ...(keptNote ? { note: keptNote } : {}),
        created: now,
      });
    }
    // Confirming what is confirmed already, or the researcher's own: nothing to change.
    if (drop.size === 0 && add.length === 0 && edit.size === 0) return { ok: true, changed: false };
    const r = await this.finish(this.store.update(doc.uri, (list) => [
      ...list.filter((a) => !drop.has(a.id)).map((a) => edit.get(a.id)?.(a) ?? a),
      ...add,
    ]));
    return r.ok && add[0] ? { ...r, id: add[0].id } : r;
  }

  // ---- Delete, Edit Note ------------------------------------------------------------------

  /** The annotation a command is about: by id, a tree node, or the one at the cursor (asked when several). */
  private async chooseAnnotation(o: Options, what: string): Promise<{ doc: vscode.TextDocument; annotation: Annotation } | CommandResult> {
    if (o.node?.kind === 'annotation') {
      const anchored = o.node['anchored'] as Anchored | undefined;
      if (anchored) o.id = anchored.annotation.id;
    }
    const t = await this.target(o, what, o.id === undefined);
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    await this.store.load(doc);
    const all = this.store.annotations(doc.uri);
    if (o.id !== undefined) {
      const a = all.find((x) => x.id === o.id);
      return a ? { doc, annotation: a } : this.refuse(`TIP Lens: ${what}: no annotation ${o.id} in ${basename(doc.uri)}.`);
    }
    const here = annotationsAt(report, t.span.start);
    const item = itemAt(report, t.span);
    const ids = new Set(here.map((a) => a.annotation.id));
    const own = item ? statusOf(item).annotation : undefined;
    if (own) ids.add(own);
    const candidates = all.filter((a) => ids.has(a.id));
    if (candidates.length === 0) return this.refuse(`TIP Lens: ${what}: no annotation here.`);
    if (candidates.length === 1) return { doc, annotation: candidates[0]! };
    const schema = this.schemas.schemaFor(doc.uri);
    const picked = await vscode.window.showQuickPick(
      candidates.map((a) => ({ label: annotationTitle(a, schema), description: `"${clip(a.selector[1].exact)}"`, detail: a.note, a })),
      { title: `TIP Lens: ${what}`, placeHolder: 'Which annotation?' },
    );
    return picked ? { doc, annotation: picked.a } : { ok: false, message: 'cancelled' };
  }

  async deleteAnnotation(...args: unknown[]): Promise<CommandResult> {
    const chosen = await this.chooseAnnotation(parseArgs(args, true), 'Delete Annotation');
    if ('ok' in chosen) return chosen;
    const { doc, annotation } = chosen;
    return this.finish(this.store.update(doc.uri, (list) => (list.some((a) => a.id === annotation.id) ? list.filter((a) => a.id !== annotation.id) : undefined)));
  }

  async editNote(...args: unknown[]): Promise<CommandResult> {
    const o = parseArgs(args, true);
    const chosen = await this.chooseAnnotation(o, 'Edit Annotation Note');
    if ('ok' in chosen) return chosen;
    const { doc, annotation } = chosen;
    let note = o.note;
    if (note === undefined) {
      note = await vscode.window.showInputBox({
        title: `Note on "${clip(annotation.selector[1].exact)}"`,
        prompt: 'Empty removes the note.',
        value: annotation.note ?? '',
      });
      if (note === undefined) return { ok: false, message: 'cancelled' };
    }
    const text = note.trim();
    const now = new Date().toISOString();
    return this.finish(
      this.store.update(doc.uri, (list) => list.map((a) => {
        if (a.id !== annotation.id) return a;
        const { note: _old, ...rest } = a;
        return { ...rest, ...(text ? { note: text } : {}), modified: now };
      })),
    );
  }
}

/** The decision annotations (confirm, reject, correct) on an item's text, to be replaced by a new decision. */
function decisionsOn(report: Report, item: Item): string[] {
  return report.annotated.anchored
    .filter((a) => {
      const d = a.annotation.decision;
      if (!a.span || (d !== 'confirm' && d !== 'reject' && d !== 'correct')) return false;
      const about = a.annotation.about;
      return overlaps(a.span, item.span) && (about === undefined || about === item.kind);
    })
    .map((a) => a.annotation.id);
}

function keyToLabel(key: string): Label {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'entity') return { kind: 'entity', type: value as EntityType };
  if (kind === 'figure') return { kind: 'figure', metric: value as Metric };
  return { kind: 'free', label: value };
}

function findLabel(schema: AnnotationSchema, id: string): SchemaLabel | undefined {
  return schema.labels.find((l) => l.id === id) ?? schema.labels.find((l) => labelKey(l.label) === id);
}

async function pickLabel(labels: readonly SchemaLabel[], title: string): Promise<SchemaLabel | undefined> {
  type Pick = vscode.QuickPickItem & { readonly l?: SchemaLabel };
  const groups: Array<[Label['kind'], string]> = [['entity', 'Entity types'], ['figure', 'Figure metrics'], ['free', 'Labels']];
  const items: Pick[] = [];
  for (const [kind, name] of groups) {
    const of = labels.filter((l) => l.label.kind === kind);
    if (of.length === 0) continue;
    items.push({ label: name, kind: vscode.QuickPickItemKind.Separator });
    for (const l of of) items.push({ label: l.title, ...(l.description ? { detail: l.description } : {}), description: l.id, l });
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'An entity type, a figure metric or a label', matchOnDescription: true, matchOnDetail: true });
  return picked?.l;
}

function editorOf(doc: vscode.TextDocument): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document === doc) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document === doc);
}

function newId(): string {
  return `a-${randomUUID()}`;
}

function clip(text: string, max = 40): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

// ---------------------------------------------------------------------------------------------
// Hovers: what hover.ts adds to the hover of an item, and the hover of an annotation

/** Text from the report, safe in markdown (as hover.ts escapes it). */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|\$(?=\()/g, '\\$&');
}

function commandLink(title: string, command: string, args: readonly unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/**
 * The researcher's side of a hover: the item's status (confirmed, changed, added by you, with
 * the note) and links to Confirm / Reject / Change Type; then the annotations on the text under
 * the pointer that are not the item's (notes, labels, rejected items), with Edit Note / Delete.
 */
export function annotationHover(doc: vscode.TextDocument, report: Report, hit: Hit | undefined, own: readonly Anchored[], schema?: AnnotationSchema): string {
  const uri = doc.uri.toString();
  const parts: string[] = [];
  let itemAnnotation: string | undefined;
  if (hit) {
    const item = itemOfHit(hit);
    const st = statusOf(item);
    itemAnnotation = st.annotation;
    const span = item.span;
    const links: string[] = [];
    if (!st.status || st.status === 'automatic') links.push(commandLink('Confirm', CONFIRM_ITEM, [uri, span.start, span.end]));
    links.push(commandLink(st.status === 'manual' ? 'Remove' : 'Reject', REJECT_ITEM, [uri, span.start, span.end]));
    if (item.kind !== 'money') links.push(commandLink('Change Type…', CHANGE_ITEM_TYPE, [uri, span.start, span.end]));
    if (st.annotation) links.push(commandLink('Edit Note…', EDIT_ANNOTATION_NOTE, [uri, st.annotation]));
    let status = 'found by TIP Lens';
    if (st.status === 'confirmed') status = '$(check) confirmed by you';
    else if (st.status === 'manual') status = '$(person) added by you';
    else if (st.status === 'corrected') status = `$(edit) type changed by you${was(report, item)}`;
    parts.push(`**Status**: ${status}${st.note ? `  \n**Note**: ${esc(st.note)}` : ''}\n\n${links.join(' · ')}`);
  }
  for (const a of own) {
    const ann = a.annotation;
    if (ann.id === itemAnnotation) continue;
    // Decisions about the item under the pointer are said above.
    if (hit && ann.decision !== 'note' && ann.decision !== 'reject' && ann.label?.kind !== 'free') continue;
    const links = [commandLink('Edit Note…', EDIT_ANNOTATION_NOTE, [uri, ann.id]), commandLink(ann.decision === 'reject' ? 'Undo Reject' : 'Delete', DELETE_ANNOTATION, [uri, ann.id])];
    const title = ann.decision === 'reject' ? rejectedTitle(report, ann) : annotationTitle(ann, schema);
    parts.push(`**${esc(title)}**: “${esc(clip(ann.selector[1].exact, 60))}”${ann.note ? `  \n**Note**: ${esc(ann.note)}` : ''}\n\n${links.join(' · ')}`);
  }
  return parts.join('\n\n---\n\n');
}

function rejectedTitle(report: Report, ann: Annotation): string {
  const r = report.annotated.rejected;
  const f = r.figures.find((x) => x.annotation === ann.id);
  if (f) return `Rejected by you: figure ${figureValue(f)} (${METRIC_LABELS[f.metric]})`;
  const m = r.money.find((x) => x.annotation === ann.id);
  if (m) return `Rejected by you: amount ${m.text}`;
  const e = r.mentions.find((x) => x.annotation === ann.id);
  if (e) return `Rejected by you: ${ENTITY_LABELS[e.entity.type]} ${e.text}`;
  return `Rejected by you`;
}

/** `(was: victims identified)`: what the engine said before the researcher changed it. */
function was(report: Report, item: Item): string {
  if (item.kind === 'figure') {
    const f = report.engine.figures.find((x) => overlaps(x, item.span));
    return f && f.metric !== item.figure.metric ? ` (TIP Lens read ${METRIC_LABELS[f.metric]})` : '';
  }
  if (item.kind === 'entity') {
    const e = report.engine.entities.find((x) => x.mentions.some((m) => overlaps(m, item.span)));
    return e && e.type !== item.entity.type ? ` (TIP Lens read ${ENTITY_LABELS[e.type]})` : '';
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Code actions

/**
 * Confirm / Reject / Change Type on the item at the cursor, and Annotate Selection on a
 * selection: offered when asked for (Ctrl+. or the Refactor menu), not as a light bulb on
 * every figure of a report.
 */
export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.Refactor.append('annotate');
  static readonly kinds = [AnnotationCodeActions.kind];

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
    if (context.only && !context.only.contains(AnnotationCodeActions.kind)) return [];
    const report = await this.service.report(doc, token);
    if (!report || token.isCancellationRequested) return [];
    const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    const actions: vscode.CodeAction[] = [];
    const item = itemAt(report, span);
    const uri = doc.uri.toString();
    if (item && (span.end === span.start || overlaps(item.span, span))) {
      const st = statusOf(item).status;
      const name = itemName(item);
      const args = [uri, item.span.start, item.span.end];
      const add = (title: string, command: string): void => {
        const action = new vscode.CodeAction(title, AnnotationCodeActions.kind);
        action.command = { title, command, arguments: args };
        actions.push(action);
      };
      if (!st || st === 'automatic') add(`Confirm ${name}`, CONFIRM_ITEM);
      add(st === 'manual' ? `Remove ${name} (added by you)` : `Reject ${name}`, REJECT_ITEM);
      if (item.kind !== 'money') add(`Change Type of ${name}…`, CHANGE_ITEM_TYPE);
    }
    if (span.end > span.start) {
      const action = new vscode.CodeAction('Annotate Selection…', AnnotationCodeActions.kind);
      action.command = { title: 'Annotate Selection…', command: ANNOTATE_SELECTION, arguments: [{ uri, start: span.start, end: span.end }] };
      actions.push(action);
    }
    return actions;
  }
}

// ---------------------------------------------------------------------------------------------
// Registration

/** The schemas the tree and the hovers name labels with (set on activation). */
let schemaStore: SchemaStore | undefined;

/** The annotation schema for a report (the default before the extension is active). */
export function schemaFor(uri: vscode.Uri): AnnotationSchema | undefined {
  return schemaStore?.schemaFor(uri);
}

/** Context keys for the editor's context menu: what is at the cursor. */
function trackCursor(service: AnalysisService): vscode.Disposable {
  let item = '';
  let annotation = false;
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const report = editor && isTipReport(editor.document) ? service.current(editor.document) : undefined;
    let nextItem = '';
    let nextAnnotation = false;
    if (editor && report) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const hit = report.index.at(offset);
      nextItem = hit ? (hit.kind === 'entity' ? 'entity' : hit.kind) : '';
      nextAnnotation = annotationsAt(report, offset).length > 0 || !!(hit && statusOf(itemOfHit(hit)).annotation);
    }
    if (nextItem !== item) void vscode.commands.executeCommand('setContext', 'tipLens.cursorItem', (item = nextItem));
    if (nextAnnotation !== annotation) void vscode.commands.executeCommand('setContext', 'tipLens.cursorAnnotation', (annotation = nextAnnotation));
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    service.onDidAnalyze((r) => {
      if (vscode.window.activeTextEditor?.document === r.document) update();
    }),
  );
}

export function registerAnnotations(context: vscode.ExtensionContext, service: AnalysisService, checker?: Checker): { store: AnnotationStore; schemas: SchemaStore } {
  const store = new AnnotationStore();
  const schemas = new SchemaStore();
  schemaStore = schemas;
  const annotator = new Annotator(service, store, schemas);
  context.subscriptions.push(
    store,
    schemas,
    service.useAnnotations(store),
    // The checks read the annotated analysis; a report checked already is checked again when its decisions change.
    store.onDidChange((uri) => {
      const doc = openDocument(uri);
      if (doc && checker?.isChecked(uri)) void checker.check(doc, true);
    }),
    vscode.commands.registerCommand(ANNOTATE_SELECTION, (...args: unknown[]) => annotator.annotateSelection(...args)),
    vscode.commands.registerCommand(CONFIRM_ITEM, (...args: unknown[]) => annotator.decide('confirm', args)),
    vscode.commands.registerCommand(REJECT_ITEM, (...args: unknown[]) => annotator.decide('reject', args)),
    vscode.commands.registerCommand(CHANGE_ITEM_TYPE, (...args: unknown[]) => annotator.decide('correct', args)),
    vscode.commands.registerCommand(DELETE_ANNOTATION, (...args: unknown[]) => annotator.deleteAnnotation(...args)),
    vscode.commands.registerCommand(EDIT_ANNOTATION_NOTE, (...args: unknown[]) => annotator.editNote(...args)),
    vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new AnnotationCodeActions(service), {
      providedCodeActionKinds: AnnotationCodeActions.kinds,
    }),
    trackCursor(service),
  );
  const probe: AnnotationsProbe = { store, schemas, messages: shownMessages };
  probes.set('annotations', probe);
  return { store, schemas };
}
