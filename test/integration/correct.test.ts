/**
 * Correct... in a real VS Code (issue 11): a previous-period finding whose period is in doubt
 * offers to correct the period before "Take last year's N"; the correction is an annotation
 * that the analysis, the check, the hover and the Report view follow, and Undo Correction takes
 * back; the command's quick picks and input box, answered as a user would, correct a misread
 * value, merge with an earlier correction, and drop an attribute corrected back to what the
 * engine read.
 *
 * Works on copies of the Veldora samples in `correct/` of the temporary workspace; in the 2023
 * copy the summary also says "investigating 22 cases", so that the 22 investigations that
 * PROSECUTION compares with the previous period may be this period's.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, suiteFolder, waitFor } from './support';
import { parseAnnotationFile } from '../../src/core/annotations';
import type { AnalysisService, Report } from '../../src/extension/analysisService';
import type { AnnotationsProbe } from '../../src/extension/annotations';
import type { CommandResult } from '../../src/extension/annotations/protocol';
import type { FindingsCodeActions } from '../../src/extension/codeActions';
import type { DiagnosticsProbe } from '../../src/extension/diagnostics';
import type { TipLensExports } from '../../src/extension/probes';
import type { ReportNode, ReportTreeProbe } from '../../src/extension/reportTree';

const suiteDir = suiteFolder('correct');

let service: AnalysisService;
let annotations: AnnotationsProbe;
let diagnostics: DiagnosticsProbe;
let codeActions: FindingsCodeActions;
let tree: ReportTreeProbe;

const docOf = (uri: vscode.Uri): vscode.TextDocument => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed)!;

/** The published analysis of the current version of `uri` once it satisfies `ok`. */
async function settled(uri: vscode.Uri, what: string, ok: (r: Report) => boolean): Promise<Report> {
  return waitFor(what, () => {
    const r = service.current(docOf(uri));
    return !!r && r.version === docOf(uri).version && ok(r) && r;
  });
}

async function hoverAt(uri: vscode.Uri, offset: number): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, docOf(uri).positionAt(offset));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** The rules of the findings published for the current version of `uri` at `offset`. */
function findingsAt(uri: vscode.Uri, offset: number): string[] | undefined {
  const r = diagnostics.checker.last(uri);
  if (!r || r.version !== docOf(uri).version) return undefined;
  return r.findings.filter((f) => f.start === offset).map((f) => f.rule);
}

function annotationFile(uri: vscode.Uri) {
  const parsed = parseAnnotationFile(fs.readFileSync(`${uri.fsPath}.annotations.json`, 'utf8'));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return { version: JSON.parse(fs.readFileSync(`${uri.fsPath}.annotations.json`, 'utf8')).schemaVersion as number, annotations: parsed.file.annotations };
}

async function command(id: string, ...args: unknown[]): Promise<CommandResult> {
  const r = await vscode.commands.executeCommand<CommandResult>(id, ...args);
  assert.ok(r, `${id} returned nothing`);
  return r;
}

/** The quick pick or input box of Correct... that is open, once it is. */
function input<T extends 'quickPick' | 'inputBox'>(kind: T, what: string): Promise<T extends 'quickPick' ? vscode.QuickPick<vscode.QuickPickItem> : vscode.InputBox> {
  return waitFor(`the ${what}`, () => [...annotations.inputs].find((i) => ('items' in i) === (kind === 'quickPick'))) as never;
}

/** Accepts the open quick input, as Enter does. */
const accept = (): Thenable<unknown> => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');

async function figureNode(at: number): Promise<vscode.TreeItem | undefined> {
  const walk = async (node?: ReportNode): Promise<ReportNode | undefined> => {
    for (const c of ((await tree.provider.getChildren(node)) ?? []) as ReportNode[]) {
      if (c.kind === 'figure' && c.figure.start === at) return c;
      const found = await walk(c);
      if (found) return found;
    }
    return undefined;
  };
  const node = await walk();
  return node ? (tree.provider.getTreeItem(node) as vscode.TreeItem) : undefined;
}

suite('Annotations: Correct…', () => {
  let report: vscode.Uri;
  let text: string;
  /** The 22 investigations of PROSECUTION (previous period), and the 58 child soldiers of the summary. */
  let at22: number;
  let at58: number;

  suiteSetup(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
    assert.ok(extension);
    const { probes } = await extension.activate();
    service = probes.get('service') as AnalysisService;
    annotations = probes.get('annotations') as AnnotationsProbe;
    diagnostics = probes.get('diagnostics') as DiagnosticsProbe;
    codeActions = probes.get('codeActions') as FindingsCodeActions;
    tree = probes.get('reportTree') as ReportTreeProbe;
    suiteDir.write('veldora-2022.tip.txt', sampleText('veldora-2022.tip.txt'));
    text = sampleText('veldora-2023.tip.txt').replace('These efforts included prosecuting', 'These efforts included investigating 22 cases, prosecuting');
    report = suiteDir.write('veldora-2023.tip.txt', text);
    at22 = text.indexOf('compared with 22 investigations') + 'compared with '.length;
    at58 = text.indexOf('identified 58 children') + 'identified '.length;
    await vscode.commands.executeCommand('workbench.view.extension.tipLens');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report), { preview: false });
    await vscode.commands.executeCommand('tipLens.checkConsistency', report);
    await waitFor('the previous-period finding on 22', () => findingsAt(report, at22)?.includes('previous-period'));
  });

  // A quick input a failed test left open would answer the next test's questions.
  setup(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    suiteDir.remove();
  });

  test('a previous-period figure whose period is in doubt: correcting the period comes before "Take last year\'s 26", and is the one preferred', async () => {
    const doc = docOf(report);
    const diagnostic = vscode.languages.getDiagnostics(report).find((d) => d.source === 'tip-lens' && doc.offsetAt(d.range.start) === at22);
    assert.ok(diagnostic, 'the finding is in Problems');
    const token = new vscode.CancellationTokenSource().token;
    const actions = await codeActions.provideCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Invoke }, token);
    assert.deepStrictEqual(actions.map((a) => a.title), [
      "Mark 22 as this reporting period's figure", 'Correct the period of figure 22…', "Take last year's 26", 'Dismiss this finding...',
    ]);
    assert.deepStrictEqual(actions.map((a) => !!a.isPreferred), [true, false, false, false]);
    assert.strictEqual(actions[0]!.edit, undefined, 'it edits no text: it is an annotation');
  });

  test('the quick fix marks the period: the check, the hover and the Report view follow; Undo Correction gives the engine its reading back', async () => {
    const doc = docOf(report);
    const diagnostic = vscode.languages.getDiagnostics(report).find((d) => d.source === 'tip-lens' && doc.offsetAt(d.range.start) === at22)!;
    const token = new vscode.CancellationTokenSource().token;
    const [mark] = await codeActions.provideCodeActions(doc, diagnostic.range, { diagnostics: [diagnostic], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Invoke }, token);
    const r = await command(mark!.command!.command, ...(mark!.command!.arguments ?? []));
    assert.ok(r.ok && r.id, JSON.stringify(r));
    assert.strictEqual(doc.getText(), text, 'the text is untouched');

    await settled(report, '22 of the current period', (x) => x.analysis.figures.some((f) => f.start === at22 && f.period === 'current' && f.status === 'corrected'));
    const file = annotationFile(report);
    assert.strictEqual(file.version, 2);
    assert.deepStrictEqual(file.annotations.map((a) => [a.decision, a.about, a.set]), [['correct', 'figure', { period: 'current' }]]);
    await waitFor('the previous-period finding to go', () => findingsAt(report, at22)?.length === 0);
    const md = await hoverAt(report, at22);
    assert.match(md, /corrected by you: period \(TIP Lens read previous reporting period\)/);
    assert.match(md, /Period: current reporting period/);
    assert.match(md, /\[Correct…\]\(command:tipLens\.fromHover\?[^)]*tipLens\.correctItem/);
    assert.match(md, /\[Undo Correction\]\(command:tipLens\.fromHover\?[^)]*tipLens\.deleteAnnotation/);
    await waitFor('the Report view to show the correction', () => tree.shown?.analysis.figures.some((f) => f.start === at22 && f.period === 'current'));
    const item = await figureNode(at22);
    assert.ok(item, 'the figure is in the Report view');
    assert.match(String(item.label), /current period$/);
    assert.match(String(item.description), /corrected/);

    // Undo Correction, as the hover links it.
    assert.ok((await command('tipLens.deleteAnnotation', report.toString(), r.id)).ok);
    await settled(report, "the engine's reading back", (x) => x.analysis.figures.some((f) => f.start === at22 && f.period === 'previous' && f.status === undefined));
    await waitFor('the previous-period finding back', () => findingsAt(report, at22)?.includes('previous-period'));
  });

  test('Correct… answered as a user would: the value of 58 is 63; a second correction merges; back to what TIP Lens read, it goes', async () => {
    await waitFor('the repeated-figure finding on 63', () => diagnostics.snapshot(report).some((d) => d.rule === 'repeated-figure'));
    const running = vscode.commands.executeCommand<CommandResult>('tipLens.correctItem', report, at58, at58 + 2);
    const attributes = await input('quickPick', 'quick pick of attributes');
    assert.deepStrictEqual(attributes.items.map((i) => i.label), ['Metric: children in armed groups', 'Period: current reporting period', 'Value: 58', 'Counts: children associated']);
    // Down twice, as a user would: from the metric to the value.
    assert.strictEqual(attributes.activeItems[0] ?? attributes.items[0], attributes.items[0]);
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await accept();
    const box = await input('inputBox', 'input box of the value');
    assert.strictEqual(box.value, '58');
    box.value = 'sixty-three';
    await accept();
    assert.ok(annotations.inputs.has(box), 'a value that is no number is refused, the box stays');
    assert.match(box.validationMessage as string, /Type a number/);
    box.value = '63';
    await accept();
    const r = await running;
    assert.ok(r?.ok, JSON.stringify(r));
    await settled(report, '58 read as 63', (x) => x.analysis.figures.some((f) => f.start === at58 && f.value === 63 && f.status === 'corrected'));
    await waitFor('the repeated-figure finding to go', () => !diagnostics.snapshot(report).some((d) => d.rule === 'repeated-figure'));
    assert.match(await hoverAt(report, at58), /corrected by you: value \(TIP Lens read 58\)/);

    // A second correction of the same figure: one annotation with both.
    assert.ok((await command('tipLens.correctItem', report, at58, at58 + 2, { period: '2022' })).ok);
    await settled(report, 'the period too', (x) => x.analysis.figures.some((f) => f.start === at58 && f.period === '2022' && f.value === 63));
    const on58 = () => annotationFile(report).annotations.filter((a) => a.selector[0].start === at58);
    assert.deepStrictEqual(on58().map((a) => [a.decision, a.set]), [['correct', { value: 63, period: '2022' }]]);
    // The value back to what TIP Lens read: only the period stays corrected; then the period too: nothing is.
    assert.ok((await command('tipLens.correctItem', { uri: report.toString(), start: at58, end: at58 + 2, set: { value: 58 } })).ok);
    assert.deepStrictEqual(on58().map((a) => a.set), [{ period: '2022' }]);
    assert.ok((await command('tipLens.correctItem', report, at58, at58 + 2, { period: 'current' })).ok);
    assert.deepStrictEqual(on58(), []);
    await settled(report, "58 as TIP Lens read it", (x) => x.analysis.figures.some((f) => f.start === at58 && f.value === 58 && f.status === undefined));
    await waitFor('the repeated-figure finding back', () => diagnostics.snapshot(report).some((d) => d.rule === 'repeated-figure'));
  });

  test('escaping the quick pick changes nothing; an attribute the item does not have is refused', async () => {
    const before = fs.readFileSync(`${report.fsPath}.annotations.json`, 'utf8');
    const running = vscode.commands.executeCommand<CommandResult>('tipLens.correctItem', report, at58, at58 + 2, 'period');
    const periods = await input('quickPick', 'quick pick of periods');
    assert.strictEqual(periods.activeItems[0]?.label, 'current reporting period', 'the period it reads now is the active one');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepStrictEqual(await running, { ok: false, message: 'cancelled' });
    const r = await command('tipLens.correctItem', report, at58, at58 + 2, { currency: 'USD' });
    assert.ok(!r.ok && /a figure has no currency/.test(r.message), JSON.stringify(r));
    assert.strictEqual(fs.readFileSync(`${report.fsPath}.annotations.json`, 'utf8'), before);
    assert.ok(path.isAbsolute(report.fsPath));
  });
});
