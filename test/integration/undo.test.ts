/**
 * Issue 11, "Reject from a hover", in a real VS Code: a decision made through a hover's link shows
 * at once (VS Code is asked for the hover again at the decision's place, and our hover there says
 * the new status); Undo Last Decision, the command that Ctrl+Z runs right after a decision, takes
 * it back without touching the report's text or its version, and Redo does it again; the text's
 * own undo still takes back the typing around a decision. The keys themselves are pressed in the
 * workbench by the UI check (scripts/ui-check.js); here the context keys that route them are read
 * through `probes`.
 *
 * Works on a copy of `samples/veldora-2023.tip.txt` in `undo/` of the temporary workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { extensionProbes, sampleText, suiteFolder, waitFor } from './support';
import { parseAnnotationFile } from '../../src/core/annotations';
import type { AnalysisService, Report } from '../../src/extension/analysisService';
import type { DecisionUndoProbe } from '../../src/extension/annotations/undo';
import type { CommandResult } from '../../src/extension/annotations/protocol';

const suiteDir = suiteFolder('undo');

let service: AnalysisService;
let undo: DecisionUndoProbe;

/** The hover of our provider (and any other) at `offset`, as markdown. */
async function hoverAt(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** The command and arguments of the link titled `title` in a hover's markdown, as VS Code runs it. */
function linkOf(md: string, title: string): { command: string; args: unknown[] } {
  const m = new RegExp(`\\[${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]\\(command:([\\w.]+)\\?([^)]*)\\)`).exec(md);
  assert.ok(m, `no link "${title}" in the hover:\n${md}`);
  const parsed = JSON.parse(decodeURIComponent(m[2]!)) as unknown;
  return { command: m[1]!, args: Array.isArray(parsed) ? parsed : [parsed] };
}

/** Waits for the published analysis of the current version of `doc` that satisfies `ok`. */
async function settled(doc: vscode.TextDocument, what: string, ok: (r: Report) => boolean): Promise<Report> {
  return waitFor(what, () => {
    const r = service.current(doc);
    if (!r) void service.report(doc);
    return !!r && ok(r) && r;
  });
}

function decisionsInFile(uri: vscode.Uri): string[] {
  const file = `${uri.fsPath}.annotations.json`;
  if (!fs.existsSync(file)) return [];
  const parsed = parseAnnotationFile(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.file.annotations.map((a) => `${a.decision} ${a.selector[1].exact}@${a.selector[0].start}`);
}

const rejected = (r: Report, at: number): boolean => r.annotated.rejected.figures.some((f) => f.start === at);
const automatic = (r: Report, at: number): boolean => r.analysis.figures.some((f) => f.start === at && (f.status === undefined || f.status === 'automatic'));

async function insert(editor: vscode.TextEditor, offset: number, text: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.insert(editor.document.positionAt(offset), text)));
}

suite('Undoing a decision', () => {
  let report: vscode.Uri;
  let editor: vscode.TextEditor;
  /** The figure 14 of "convicting 14 traffickers". */
  let at: number;

  suiteSetup(async function () {
    this.timeout(60_000);
    const probes = await extensionProbes();
    service = probes.get('service') as AnalysisService;
    undo = probes.get('decisionUndo') as DecisionUndoProbe;
    assert.ok(service && undo, 'the decision history records itself in probes');
    report = suiteDir.write('veldora-2023.tip.txt', sampleText());
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report), { preview: false });
    at = editor.document.getText().indexOf('convicting 14 traffickers') + 'convicting '.length;
    await settled(editor.document, 'the figure 14', (r) => automatic(r, at));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    suiteDir.remove();
  });

  test('Reject from the hover shows at once: VS Code asks for the hover again at the figure, which now says "rejected by you · Undo Reject"; nothing moves', async () => {
    const doc = editor.document;
    // The cursor elsewhere: the hover is the pointer's, and the re-shown hover must not be the cursor's.
    const cursor = new vscode.Selection(doc.positionAt(3), doc.positionAt(3));
    editor.selection = cursor;
    const before = await hoverAt(doc, at + 1);
    assert.match(before, /found by TIP Lens/);
    const link = linkOf(before, 'Reject');

    // Where VS Code asks for hovers from now on: a second provider that only listens.
    const asked: number[] = [];
    const spy = vscode.languages.registerHoverProvider({ language: 'tip-report' }, {
      provideHover(d, p) {
        if (d === doc) asked.push(d.offsetAt(p));
        return undefined;
      },
    });
    try {
      const r = await vscode.commands.executeCommand<CommandResult>(link.command, ...link.args);
      assert.ok(r?.ok, JSON.stringify(r));
      await waitFor(() => `VS Code to ask for the hover again on the figure 14 (asked at ${JSON.stringify(asked)})`, () => asked.some((o) => o >= at && o < at + 2));
    } finally {
      spy.dispose();
    }
    await settled(doc, 'the figure rejected', (r) => rejected(r, at));
    const after = await hoverAt(doc, at);
    assert.match(after, /Rejected by you: figure 14/);
    assert.match(after, /\[Undo Reject\]/);
    assert.doesNotMatch(after, /found by TIP Lens/);
    // The decision moved nothing: the cursor is where it was, the text unedited.
    assert.ok(editor.selection.isEqual(cursor), `the cursor moved to ${JSON.stringify(editor.selection)}`);
    assert.strictEqual(doc.isDirty, false);
  });

  test('Undo Last Decision (Ctrl+Z right after a decision) takes the Reject back: the annotation goes, the text and its version stay; Redo does it again', async () => {
    const doc = editor.document;
    await settled(doc, 'the figure rejected', (r) => rejected(r, at));
    assert.deepStrictEqual(undo.contextKeys(), { 'tipLens.decisionUndoable': true, 'tipLens.decisionRedoable': false, 'tipLens.hasDecisionsToUndo': true, 'tipLens.hasDecisionsToRedo': false });
    assert.match(undo.lastMessage() ?? '', /Rejected figure 14/);
    const version = doc.version;
    const text = doc.getText();

    // As the keybinding runs it: no argument, the active editor's report.
    let r = await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision');
    assert.ok(r?.ok, JSON.stringify(r));
    await settled(doc, 'the figure 14 back from the engine', (x) => automatic(x, at) && !rejected(x, at));
    assert.deepStrictEqual(decisionsInFile(report), []);
    assert.strictEqual(doc.version, version, 'undoing a decision leaves the text\'s version');
    assert.strictEqual(doc.getText(), text);
    assert.strictEqual(doc.isDirty, false);
    assert.match(undo.lastMessage() ?? '', /^Undone: Rejected figure 14/);
    assert.deepStrictEqual(undo.contextKeys(), { 'tipLens.decisionUndoable': false, 'tipLens.decisionRedoable': true, 'tipLens.hasDecisionsToUndo': false, 'tipLens.hasDecisionsToRedo': true });

    r = await vscode.commands.executeCommand<CommandResult>('tipLens.redoDecision');
    assert.ok(r?.ok, JSON.stringify(r));
    await settled(doc, 'the figure rejected again', (x) => rejected(x, at));
    assert.deepStrictEqual(decisionsInFile(report), [`reject 14@${at}`]);
    assert.strictEqual(doc.version, version);
    assert.deepStrictEqual(undo.contextKeys()['tipLens.decisionUndoable'], true);

    // Nothing left to undo: said, not an error.
    assert.ok((await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision'))?.ok);
    await settled(doc, 'the figure 14 back', (x) => automatic(x, at));
    r = await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision');
    assert.deepStrictEqual(r, { ok: false, message: 'TIP Lens: no decision to undo in veldora-2023.tip.txt.' });
  });

  test('another editor: Ctrl+Z there is not routed to this report\'s decision; back in the report, it is again', async () => {
    const doc = editor.document;
    assert.ok((await vscode.commands.executeCommand<CommandResult>('tipLens.rejectItem', report, at, at + 2))?.ok);
    await settled(doc, 'the figure rejected', (r) => rejected(r, at));
    assert.strictEqual(undo.contextKeys()['tipLens.decisionUndoable'], true);
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a report' });
    await vscode.window.showTextDocument(other, { preview: false });
    await waitFor('the keys of the other editor', () => !undo.contextKeys()['tipLens.decisionUndoable'] && !undo.contextKeys()['tipLens.hasDecisionsToUndo']);
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('the keys of the report again', () => undo.contextKeys()['tipLens.decisionUndoable']);
    assert.ok((await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision'))?.ok);
    await settled(doc, 'the figure 14 back', (x) => automatic(x, at));
  });

  test('the text\'s own undo: type, reject, type; undo (also Ctrl+Z\'s command, if the key was not cleared yet) takes back the second typing, then the first, and the Reject stays', async () => {
    const doc = editor.document;
    const original = doc.getText();
    const end = original.indexOf('\n'); // the end of the title line
    await insert(editor, end, ' A');
    assert.ok((await vscode.commands.executeCommand<CommandResult>('tipLens.rejectItem', report, at + 2, at + 4))?.ok);
    await settled(doc, 'the figure rejected', (r) => rejected(r, at + 2));
    assert.strictEqual(undo.contextKeys()['tipLens.decisionUndoable'], true, 'right after the decision, Ctrl+Z is the decision\'s');
    await insert(editor, end + 2, ' B');
    await waitFor('Ctrl+Z to be the text\'s again after typing', () => !undo.contextKeys()['tipLens.decisionUndoable']);
    assert.strictEqual(undo.contextKeys()['tipLens.hasDecisionsToUndo'], true, 'the palette can still undo it');

    // Ctrl+Z pressed before the extension host heard of the typing (the context key still set):
    // the command the key runs sees the edit and runs the editor's own undo instead.
    const viaKey = await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision', { key: true });
    assert.deepStrictEqual(viaKey, { ok: true, changed: false });
    await waitFor('the second typing to be undone', () => doc.getText() === original.slice(0, end) + ' A' + original.slice(end));
    assert.ok(rejected((await settled(doc, 'the analysis after the undo', (x) => x.version === doc.version)), at + 2), 'the Reject stays');
    await vscode.commands.executeCommand('undo');
    await waitFor('the first typing to be undone', () => doc.getText() === original);
    const r = await settled(doc, 'the analysis of the text as it was', (x) => x.version === doc.version);
    assert.ok(rejected(r, at), 'the Reject stays through the text\'s undo');
    assert.deepStrictEqual(decisionsInFile(report).map((d) => d.replace(/@\d+$/, '')), ['reject 14']);
    assert.strictEqual(doc.isDirty, false, 'the text is as saved');

    // The history followed the edits: Undo Last Decision still finds the Reject.
    assert.ok((await vscode.commands.executeCommand<CommandResult>('tipLens.undoDecision'))?.ok);
    await settled(doc, 'the figure 14 back', (x) => automatic(x, at));
    assert.deepStrictEqual(decisionsInFile(report), []);
    assert.strictEqual(doc.getText(), original);
  });
});
