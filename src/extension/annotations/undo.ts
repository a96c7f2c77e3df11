import * as vscode from 'vscode';
import { DecisionHistory, changeBetween, describeChange, redone, undone } from '../../core/annotations/history';
import { isTipReport } from '../analysisService';
import { type AnnotationStore, type Decided, shifted } from './annotationStore';
import { basename, openDocument } from './files';
import { notify } from './messages';
import { type CommandResult, REDO_DECISION, UNDO_DECISION } from './protocol';

/**
 * Undoing a decision, as an edit is undone: the history of each open report's decisions
 * (`core/annotations/history.ts`), fed by the annotation store's `onDidDecide`, and Undo Last
 * Decision / Redo Last Decision, which change the set back through the store (so the file, the
 * highlights, the tree, the hovers and the checks follow) and never touch the report's text or
 * its undo stack.
 *
 * Ctrl+Z (Cmd+Z) runs Undo Last Decision only while the last thing done in the active report
 * was a decision (or the undo or redo of one): the context key `tipLens.decisionUndoable`, set
 * after a decision, cleared by an edit of the text, recomputed for each active editor (so Ctrl+Z
 * in another editor is never this report's). Otherwise Ctrl+Z is the editor's own undo. Redo
 * (Ctrl+Shift+Z, Ctrl+Y) likewise with `tipLens.decisionRedoable`. The palette offers both while
 * the active report has a decision to undo or redo, also after an edit.
 *
 * Each decision, undo and redo is said in the status bar for a few seconds ("Rejected figure 236
 * · Ctrl+Z undoes it"), never in a dialog.
 */

/** The context keys: the keybindings read the first two, the palette the last two. */
export const DECISION_KEYS = {
  undoable: 'tipLens.decisionUndoable',
  redoable: 'tipLens.decisionRedoable',
  toUndo: 'tipLens.hasDecisionsToUndo',
  toRedo: 'tipLens.hasDecisionsToRedo',
} as const;

const SHOWN_MS = 6_000;
// `process` in the Node extension host, `navigator` in the browser's web worker.
const MAC = typeof process !== 'undefined' ? process.platform === 'darwin' : /Mac/.test((globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '');
const UNDO_KEY = MAC ? 'Cmd+Z' : 'Ctrl+Z';
const REDO_KEY = MAC ? 'Cmd+Shift+Z' : 'Ctrl+Shift+Z';

/** What the integration tests read through `probes.get('decisionUndo')`. */
export interface DecisionUndoProbe {
  /** The context keys as last set. */
  contextKeys(): Readonly<Record<string, boolean>>;
  /** The last message shown in the status bar. */
  lastMessage(): string | undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export class DecisionUndo implements vscode.Disposable, DecisionUndoProbe {
  private readonly histories = new Map<string, DecisionHistory>();
  private readonly keys: Record<string, boolean> = {};
  private message: string | undefined;
  private shown: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.subscriptions = [
      store.onDidDecide((e) => this.decided(e)),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (this.histories.delete(doc.uri.toString())) this.updateKeys();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateKeys()),
      vscode.commands.registerCommand(UNDO_DECISION, (uri?: unknown) => this.run('undo', uri)),
      vscode.commands.registerCommand(REDO_DECISION, (uri?: unknown) => this.run('redo', uri)),
    ];
    this.updateKeys();
  }

  contextKeys(): Readonly<Record<string, boolean>> {
    return { ...this.keys };
  }

  lastMessage(): string | undefined {
    return this.message;
  }

  private history(uri: vscode.Uri): DecisionHistory {
    const key = uri.toString();
    let h = this.histories.get(key);
    if (!h) this.histories.set(key, (h = new DecisionHistory()));
    return h;
  }

  private decided({ uri, before, after }: Decided): void {
    const change = changeBetween(before, after);
    if (!change) return;
    const label = describeChange(change);
    this.history(uri).record(change, label);
    this.say(`${label} · ${UNDO_KEY} undoes it`);
    this.updateKeys();
  }

  /** An edit of a report's text: the undo key is the text's again; the kept annotations move with the text. */
  private edited(e: vscode.TextDocumentChangeEvent): void {
    const h = this.histories.get(e.document.uri.toString());
    if (!h || e.contentChanges.length === 0) return;
    h.edited((list) => e.contentChanges.reduce((l, c) => shifted(l, c.rangeOffset + c.rangeLength, c.text.length - c.rangeLength), list));
    if (vscode.window.activeTextEditor?.document === e.document) this.updateKeys();
  }

  /**
   * Undo or Redo Last Decision in the report `arg` (a URI), else the active editor's. From the
   * keybinding (`{ key: true }`): if the text was edited since the context key was set (a key
   * pressed before the extension host heard of the edit), the editor's own undo or redo instead.
   */
  private async run(what: 'undo' | 'redo', arg: unknown): Promise<CommandResult> {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    const doc = uri && openDocument(uri);
    const h = uri && doc && isTipReport(doc) ? this.histories.get(uri.toString()) : undefined;
    if (isRecord(arg) && arg['key'] === true && !(what === 'undo' ? h?.undoIsNext : h?.redoIsNext)) {
      this.updateKeys();
      await vscode.commands.executeCommand(what);
      return { ok: true, changed: false };
    }
    if (!uri || !doc || !isTipReport(doc)) return this.refuse(`TIP Lens: ${what === 'undo' ? 'Undo' : 'Redo'} Last Decision works in an open TIP report.`);
    const step = what === 'undo' ? h?.undo() : h?.redo();
    if (!h || !step) return this.refuse(`TIP Lens: no decision to ${what} in ${basename(uri)}.`);
    this.updateKeys();
    const change = step.change;
    const r = await this.store.update(uri, (list) => (what === 'undo' ? undone(list, change) : redone(list, change)), { record: false });
    if (!r.ok) {
      h.putBack(step, what);
      this.updateKeys();
      notify('warning', r.message);
      return r;
    }
    this.say(what === 'undo' ? `Undone: ${step.label} · ${REDO_KEY} redoes it` : `Redone: ${step.label}`);
    return r;
  }

  private refuse(message: string): CommandResult {
    notify('information', message);
    return { ok: false, message };
  }

  private say(text: string): void {
    this.message = text;
    this.shown?.dispose();
    this.shown = vscode.window.setStatusBarMessage(`$(history) TIP Lens: ${text}`, SHOWN_MS);
  }

  /** The context keys for the active editor's report. */
  private updateKeys(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const h = doc && isTipReport(doc) ? this.histories.get(doc.uri.toString()) : undefined;
    this.setKey(DECISION_KEYS.undoable, !!h?.undoIsNext);
    this.setKey(DECISION_KEYS.redoable, !!h?.redoIsNext);
    this.setKey(DECISION_KEYS.toUndo, !!h?.canUndo);
    this.setKey(DECISION_KEYS.toRedo, !!h?.canRedo);
  }

  private setKey(key: string, value: boolean): void {
    if (this.keys[key] === value) return;
    this.keys[key] = value;
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    this.shown?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
