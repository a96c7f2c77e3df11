/**
 * The status bar item in a real VS Code: what it says for the active TIP report (from the
 * analysis the service holds), that it hides for other files, and the commands it and the
 * Report view's welcome use. VS Code cannot read a status bar item back, so the tests read what
 * the extension set (`probes.get('statusBar')`).
 *
 * Works on copies in a folder of the temporary workspace: the real seed narrative (never committed; read from
 * `<extension root>/../shared/corpus`) and the Veldora sample.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, seedText, suiteFolder, waitFor as wait, workspaceRoot } from './support';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { StatusBarProbe, StatusBarSnapshot } from '../../src/extension/statusBar';

const TIMEOUT_MS = 20_000;

let service: AnalysisService;
let statusBar: StatusBarProbe;

const here = suiteFolder('status-bar');
const write = (name: string, text: string): vscode.Uri => here.write(name, text);

/** Waits, saying in a failure what it waited for and what the status bar shows. */
const waitFor = <T>(what: string, value: () => T | undefined | false, timeoutMs = TIMEOUT_MS): Promise<T> =>
  wait(() => `${what} (status bar: ${JSON.stringify(statusBar())})`, value, timeoutMs);

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

suite('Status bar', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const { probes } = await extension.activate();
    service = probes.get('service') as AnalysisService;
    statusBar = probes.get('statusBar') as StatusBarProbe;
    assert.strictEqual(typeof statusBar, 'function', 'the status bar probe is not registered');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    here.remove();
  });

  test('the seed: country, year, tier and its number of figures', async () => {
    const { doc, item } = await showReport(write('mali-2020.tip.txt', seedText()));
    const n = figuresOf(doc);
    assert.ok(n > 50);
    assert.strictEqual(item.text, `Mali 2020 - Tier 2 Watch List - ${n} figures`);
    assert.ok(item.visible);
    assert.ok(item.activeReport, 'tipLens.activeReport should be true');
    const a = service.current(doc)!.analysis;
    assert.match(item.tooltip, /^1 narrative, \d+ sections$/m);
    assert.ok(item.tooltip.includes(`${a.entities.length} entities`), item.tooltip);
    assert.ok(item.tooltip.includes(`${a.money.length} amounts of money`), item.tooltip);
  });

  test('the Veldora sample', async () => {
    const { doc, item } = await showReport(write('veldora-2023.tip.txt', sampleText()));
    assert.strictEqual(item.text, `Veldora 2023 - Tier 2 Watch List - ${figuresOf(doc)} figures`);
  });

  test('hidden when a plain-text file is active, back for a report', async () => {
    const uri = write('mali-2020.tip.txt', seedText());
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
    assert.strictEqual(item.text, `Mali 2020 - Tier 2 Watch List - ${figuresOf(doc)} figures`);
  });

  test('an edit that adds a figure: the count follows the new version', async () => {
    const { doc } = await showReport(write('mali-2020-status.tip.txt', seedText()));
    const before = figuresOf(doc);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('The government allocated 200 million FCFA');
    edit.insert(doc.uri, doc.positionAt(at), 'In 2019, the government investigated 12 new cases in Gao. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Until the new version is read, the old count is not shown for it.
    const reading = statusBar();
    if (reading.version !== doc.version) assert.ok(!/figure/.test(reading.text), reading.text);
    const after = await waitFor('the new count', () => {
      const s = statusBar();
      return s.version === doc.version && s;
    });
    assert.strictEqual(figuresOf(doc), before + 1);
    assert.strictEqual(after.text, `Mali 2020 - Tier 2 Watch List - ${before + 1} figures`);
    await doc.save();
  });

  test('a report of several narratives says how many', async () => {
    const { doc, item } = await showReport(write('two-narratives.tip.txt', `${seedText()}\n\n${sampleText()}`));
    const a = service.current(doc)!.analysis;
    assert.strictEqual(a.narratives.length, 2);
    // 2020 and 2023: no year they share.
    assert.strictEqual(item.text, `2 narratives - ${a.figures.length} figures`);
  });

  test('Show Report View runs; Open Report is registered', async () => {
    await showReport(write('mali-2020.tip.txt', seedText()));
    await vscode.commands.executeCommand('tipLens.focusReport');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('tipLens.openReport'));
    assert.ok(commands.includes('tipLens.focusReport'));
  });
});
