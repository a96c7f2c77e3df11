import * as vscode from 'vscode';
import {
  anchorAll, annotationFileFor, parseAnnotationFile, refreshed, SCHEMA_VERSION, selectorFor, serializeAnnotationFile, type Annotation,
} from '../../core/annotations';
import { type AnnotationSource, isTipReport } from '../analysisService';
import { basename, dirname, openDocument, type Read, readText, shownPath, writeAtomically } from './files';
import { notify } from './messages';
import type { CommandResult } from './protocol';

/**
 * The annotation store: the researchers' annotations, one set per report, kept in a file beside
 * it (`<report>.annotations.json`, standoff: never in the report's text). The commands
 * (`commands.ts`) change a set through {@link AnnotationStore.update}.
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

const EMPTY: readonly Annotation[] = Object.freeze([]);

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

/** A change of a report's set made through the store's `update`. */
export interface Decided {
  readonly uri: vscode.Uri;
  readonly before: readonly Annotation[];
  readonly after: readonly Annotation[];
}

/**
 * One set of annotations per report URI (two editors of one report share it), loaded from the
 * file beside the report, written back atomically. See the top of this file.
 */
export class AnnotationStore implements AnnotationSource, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly decided = new vscode.EventEmitter<Decided>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter, this.decided];
  /** How many times a set was read from its file (the tests tell a reload from the cache with it). */
  loads = 0;

  /** Fires when a report's set changed: a command, a change of the file outside, a load. */
  readonly onDidChange = this.emitter.event;

  /**
   * Fires after a change made through {@link update} (a decision), with the set before and after
   * it: what the decision history (`undo.ts`) records. Not for the selectors refreshed on save,
   * nor for the history's own undo and redo (`record: false`).
   */
  readonly onDidDecide = this.decided.event;

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
  update(uri: vscode.Uri, mutate: Mutation, options: { readonly fire?: boolean; readonly record?: boolean } = {}): Promise<CommandResult> {
    const entry = this.entry(uri);
    return this.enqueue(entry, async (): Promise<CommandResult> => {
      await entry.loaded;
      if (!entry.file) {
        return { ok: false, message: `TIP Lens: save ${basename(uri)} first: its annotations are kept in a file beside it.` };
      }
      const read = await readText(entry.file);
      if (!this.sameAsKnown(entry, read)) this.adopt(entry, read);
      if (entry.state !== 'ready') return { ok: false, message: entry.problem ?? `TIP Lens: the annotations of ${basename(uri)} cannot be used.` };
      const before = entry.list;
      const next = mutate(before);
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
      if (options.record !== false && options.fire !== false) this.decided.fire({ uri, before, after: next });
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
