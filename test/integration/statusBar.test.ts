/**
 * The status bar item in a real VS Code: what it says for the active TIP report (from the
 * analysis the service holds), that it hides for other files, that it never shows the count of an
 * older version while an edit is read, and the commands it and the Report view's welcome use:
 * Show Report View shows the view, Open Report opens the report picked from the list or its dialog. VS Code
 * cannot read a status bar item back, so the tests read what the extension set
 * (`probes.get('statusBar')`).
 *
 * Works on copies in a folder of the temporary workspace: the Veldora samples, and the real seed
 * narrative (never committed) in a suite of its own that runs only where the corpus is.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, seedSuite, seedText, suiteFolder, waitFor as wait, workspaceRoot } from './support';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { StatusBarProbe, StatusBarSnapshot } from '../../src/extension/statusBar';

const TIMEOUT_MS = 20_000;
const VELDORA = 'Veldora 2023 - Tier 2 Watch List';

let service: AnalysisService;
let statusBar: StatusBarProbe;
/** The Report view, as the extension records it (`probes.get('reportTree')`). */
let reportView: { readonly view: vscode.TreeView<unknown> };

const here = suiteFolder('status-bar');
const write = (name: string, text: string): vscode.Uri => here.write(name, text);

/** Waits, saying in a failure what it waited for and what the status bar shows. */
const waitFor = <T>(what: string, value: () => T | undefined | false, timeoutMs = TIMEOUT_MS): Promise<T> =>
  wait(() => `${what} (status bar: ${JSON.stringify(statusBar())})`, value, timeoutMs);

let index: { has(uri: vscode.Uri): boolean };

async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const { probes } = await extension.activate();
  service = probes.get('service') as AnalysisService;
  statusBar = probes.get('statusBar') as StatusBarProbe;
  reportView = probes.get('reportTree') as typeof reportView;
  index = probes.get('workspaceIndex') as { has(uri: vscode.Uri): boolean };
  assert.strictEqual(typeof statusBar, 'function', 'the status bar probe is not registered');
  assert.ok(reportView?.view, 'the Report view probe is not registered');
}

async function cleanUp(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  here.remove();
}

/** Shows `uri` and waits until the item describes the analysis of its current version. */
async function showReport(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; item: StatusBarSnapshot }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  const item = await waitFor(`the status bar to describe ${path.basename(uri.fsPath)}`, () => {
    const s = statusBar();
    return s.uri === doc.uri.toString() && s.version === doc.version && !!service.current(doc) && s;
  });
  return { doc, item };
}

function figuresOf(doc: vscode.TextDocument): number {
  const report = service.current(doc);
  assert.ok(report, 'the service holds no analysis of the current version');
  return report.analysis.figures.length;
}

/** The item for one narrative: its heading, its number of figures, and the tooltip's counts. */
async function assertDescribes(name: string, text: string, heading: string): Promise<void> {
  const { doc, item } = await showReport(write(name, text));
  const n = figuresOf(doc);
  assert.ok(n > 50, `${n} figures`);
  assert.strictEqual(item.text, `${heading} - ${n} figures`);
  assert.ok(item.visible);
  assert.ok(item.activeReport, 'tipLens.activeReport should be true');
  const a = service.current(doc)!.analysis;
  assert.match(item.tooltip, /^1 narrative, \d+ sections$/m);
  assert.ok(item.tooltip.includes(`${a.entities.length} entities`), item.tooltip);
  assert.ok(item.tooltip.includes(`${a.money.length} amounts of money`), item.tooltip);
}

/** Two narratives of different years in one file: how many, and no year. */
async function assertSeveral(name: string, text: string): Promise<void> {
  const { doc, item } = await showReport(write(name, text));
  const a = service.current(doc)!.analysis;
  assert.strictEqual(a.narratives.length, 2);
  assert.strictEqual(item.text, `2 narratives - ${a.figures.length} figures`);
}

/** Replaces `vscode.window.showOpenDialog` (the extension calls it through the same API object) until restored. */
function stubOpenDialog(answer: () => vscode.Uri[] | undefined): { asked: vscode.OpenDialogOptions[]; restore(): void } {
  const win = vscode.window as { showOpenDialog: typeof vscode.window.showOpenDialog };
  const real = win.showOpenDialog;
  const asked: vscode.OpenDialogOptions[] = [];
  const stub = (options?: vscode.OpenDialogOptions): Thenable<vscode.Uri[] | undefined> => {
    asked.push(options ?? {});
    return Promise.resolve(answer());
  };
  win.showOpenDialog = stub;
  assert.strictEqual(vscode.window.showOpenDialog, stub, 'vscode.window.showOpenDialog cannot be replaced');
  return {
    asked,
    restore: () => {
      win.showOpenDialog = real;
    },
  };
}

/** Replaces `vscode.window.showQuickPick` until restored; `choose` answers from the items offered. */
function stubQuickPick(choose: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined): { offered: vscode.QuickPickItem[][]; restore(): void } {
  const win = vscode.window as unknown as { showQuickPick: (items: readonly vscode.QuickPickItem[]) => Thenable<vscode.QuickPickItem | undefined> };
  const real = win.showQuickPick;
  const offered: vscode.QuickPickItem[][] = [];
  win.showQuickPick = (items) => {
    offered.push([...items]);
    return Promise.resolve(choose(items));
  };
  return {
    offered,
    restore: () => {
      win.showQuickPick = real;
    },
  };
}

suite('Status bar', () => {
  suiteSetup(activate);
  suiteTeardown(cleanUp);

  test('the Veldora sample: country, year, tier and its number of figures', async () => {
    await assertDescribes('veldora-2023.tip.txt', sampleText(), VELDORA);
  });

  test('hidden when a plain-text file is active, back for a report', async () => {
    const uri = write('veldora-2023.tip.txt', sampleText());
    await showReport(uri);
    const notes = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'notes', 'README.txt'));
    await vscode.window.showTextDocument(notes, { preview: false });
    assert.strictEqual(notes.languageId, 'plaintext');
    const hidden = await waitFor('the item to hide', () => {
      const s = statusBar();
      return !s.visible && s;
    });
    assert.strictEqual(hidden.activeReport, false, 'tipLens.activeReport should be false');
    const { doc, item } = await showReport(uri);
    assert.ok(item.visible);
    assert.strictEqual(item.text, `${VELDORA} - ${figuresOf(doc)} figures`);
  });

  test('an edit that adds a figure: no count while the new version is read, then the new count', async () => {
    const { doc } = await showReport(write('veldora-2023-status.tip.txt', sampleText()));
    const before = figuresOf(doc);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('The government allocated 250 million FCFA');
    assert.ok(at >= 0);
    edit.insert(doc.uri, doc.positionAt(at), 'In 2019, the government investigated 12 new cases in Gao. ');
    // What the item shows the moment the edit arrives. The extension's own listener ran first (it
    // was registered at activation, and listeners run in order), and the new version cannot have
    // been analysed yet: its analysis waits `tipLens.analysis.debounceMs` on a timer.
    let reading: StatusBarSnapshot | undefined;
    const watch = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && e.contentChanges.length > 0 && !reading) reading = statusBar();
    });
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
    } finally {
      watch.dispose();
    }
    assert.ok(reading, 'the edit was not seen');
    assert.strictEqual(reading.uri, doc.uri.toString());
    assert.strictEqual(reading.version, undefined, `the item claims an analysis of the new version: ${JSON.stringify(reading)}`);
    assert.strictEqual(reading.text, `$(loading~spin) ${VELDORA}`, 'until the new version is read, no count is shown');
    const after = await waitFor('the new count', () => {
      const s = statusBar();
      return s.version === doc.version && s;
    });
    assert.strictEqual(figuresOf(doc), before + 1);
    assert.strictEqual(after.text, `${VELDORA} - ${before + 1} figures`);
    await doc.save();
  });

  test('a report of several narratives says how many', async () => {
    // 2022 and 2023: no year they share.
    await assertSeveral('veldora-2022-2023.tip.txt', `${sampleText('veldora-2022.tip.txt')}\n\n${sampleText()}`);
  });

  test('Show Report View shows the Report view', async () => {
    await showReport(write('veldora-2023.tip.txt', sampleText()));
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Report view to be hidden by the Explorer', () => !reportView.view.visible);
    await vscode.commands.executeCommand('tipLens.focusReport');
    await waitFor('Show Report View to show the Report view', () => reportView.view.visible);
  });

  test('Open Report lists the reports to pick from, or browses for any file; cancelled, it opens nothing', async () => {
    const picked = write('picked/veldora-2022.tip.txt', sampleText('veldora-2022.tip.txt'));
    const browsed = write('picked/browsed.tip.txt', sampleText('veldora-2023.tip.txt'));
    let answer: vscode.Uri[] | undefined = [browsed];
    let choice: 'report' | 'browse' | 'cancel' = 'report';
    const dialog = stubOpenDialog(() => answer);
    const pick = stubQuickPick((items) => {
      if (choice === 'cancel') return undefined;
      if (choice === 'browse') return items.find((i) => i.label.includes('Browse'));
      return items.find((i) => (i as { uri?: vscode.Uri }).uri?.toString() === picked.toString());
    });
    try {
      await wait('the new report to be indexed', () => index.has(picked), 60_000);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('tipLens.openReport');
      const listed = pick.offered[0]!.find((i) => (i as { uri?: vscode.Uri }).uri?.toString() === picked.toString());
      assert.ok(listed, `the report is listed: ${pick.offered[0]!.map((i) => i.label).join(', ')}`);
      assert.strictEqual(listed.label, 'Veldora 2022');
      assert.match(listed.description ?? '', /^Tier /);
      assert.strictEqual(dialog.asked.length, 0, 'no file dialog when a listed report is picked');
      let editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.uri.toString(), picked.toString(), 'the picked report is the active editor');
      assert.strictEqual(editor.document.languageId, 'tip-report');
      const { item } = await showReport(picked);
      assert.match(item.text, /^Veldora 2022 - /);

      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      choice = 'browse';
      await vscode.commands.executeCommand('tipLens.openReport');
      assert.strictEqual(dialog.asked.length, 1, 'Browse... asks for a file');
      const options = dialog.asked[0]!;
      assert.strictEqual(options.canSelectMany, false);
      assert.strictEqual(options.defaultUri?.fsPath, workspaceRoot());
      assert.ok(options.filters?.['TIP reports']?.includes('tip') && options.filters['TIP reports'].includes('txt'), JSON.stringify(options.filters));
      editor = vscode.window.activeTextEditor;
      assert.strictEqual(editor?.document.uri.toString(), browsed.toString(), 'the browsed file is the active editor');

      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      choice = 'cancel';
      await vscode.commands.executeCommand('tipLens.openReport');
      assert.strictEqual(dialog.asked.length, 1);
      assert.strictEqual(vscode.window.activeTextEditor, undefined, 'a cancelled pick opens nothing');
      choice = 'browse';
      answer = undefined;
      await vscode.commands.executeCommand('tipLens.openReport');
      assert.strictEqual(dialog.asked.length, 2);
      assert.strictEqual(vscode.window.activeTextEditor, undefined, 'a cancelled dialog opens nothing');
    } finally {
      dialog.restore();
      pick.restore();
    }
  });
});

seedSuite('Status bar: the seed', () => {
  suiteSetup(activate);
  suiteTeardown(cleanUp);

  test('country, year, tier and its number of figures', async () => {
    await assertDescribes('mali-2020.tip.txt', seedText(), 'Mali 2020 - Tier 2 Watch List');
  });

  test('with the Veldora sample: a report of several narratives says how many', async () => {
    // 2020 and 2023: no year they share.
    await assertSeveral('two-narratives.tip.txt', `${seedText()}\n\n${sampleText()}`);
  });
});
