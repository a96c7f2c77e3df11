/**
 * The Report view in a real VS Code: its items for the seed narrative (Mali 2020) and for the
 * Veldora sample, grouping, filtering, revealing an item in the editor, following the active
 * editor, refreshing after an edit, and staying lazy on a 4.5 MB report.
 *
 * The seed is copied from `<extension>/../shared/corpus/mali-2020.txt` into the temporary
 * workspace at test time (it is never committed), the sample from `samples/`. The tree is read
 * through the provider the extension records in `probes.get('reportTree')`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, workspaceRoot } from './support';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { TipLensExports } from '../../src/extension/probes';
import type { ReportNode, ReportTreeProbe } from '../../src/extension/reportTree';

const FOLDER = 'report-tree';
const TIMEOUT_MS = 20_000;

let tree: ReportTreeProbe;
let service: AnalysisService;
let mali: vscode.TextDocument;
let veldora: vscode.TextDocument;

async function waitFor(what: string, condition: () => boolean, timeoutMs = TIMEOUT_MS): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Shows `doc` and waits until the tree shows the analysis of its current version. */
async function showReport(doc: vscode.TextDocument, timeoutMs = TIMEOUT_MS): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitForTreeOf(doc, timeoutMs);
}

async function waitForTreeOf(doc: vscode.TextDocument, timeoutMs = TIMEOUT_MS): Promise<void> {
  const key = doc.uri.toString();
  await waitFor(
    `the Report view to show ${path.basename(doc.uri.fsPath)} v${doc.version} (shows ${tree.shown ? `${path.basename(tree.shown.document.uri.fsPath)} v${tree.shown.version}` : 'nothing'})`,
    () => tree.shown?.document.uri.toString() === key && tree.shown.version === doc.version,
    timeoutMs,
  );
}

const item = (node: ReportNode): vscode.TreeItem => tree.provider.getTreeItem(node) as vscode.TreeItem;

function labelOf(node: ReportNode): string {
  const label = item(node).label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

const descriptionOf = (node: ReportNode): string => String(item(node).description ?? '');

async function children(node?: ReportNode): Promise<ReportNode[]> {
  return ((await tree.provider.getChildren(node)) ?? []) as ReportNode[];
}

async function tooltipOf(node: ReportNode): Promise<string> {
  const it = item(node);
  const resolved = (await tree.provider.resolveTreeItem?.(it, node, new vscode.CancellationTokenSource().token)) ?? it;
  const t = resolved.tooltip;
  // As rendered: MarkdownString.appendText escapes punctuation and writes spaces as &nbsp;.
  return (typeof t === 'string' ? t : t?.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(?=[^\w\s])/g, '');
}

/** The child of `parent` (a root when undefined) whose label matches. */
async function child(parent: ReportNode | undefined, label: string | RegExp): Promise<ReportNode> {
  const list = await children(parent);
  const found = list.find((n) => (typeof label === 'string' ? labelOf(n) === label : label.test(labelOf(n))));
  assert.ok(found, `no item ${label} under ${parent ? labelOf(parent) : 'the root'}; there are: ${list.map(labelOf).join(' | ')}`);
  return found;
}

/** Follows labels from the root. */
async function at(...labels: Array<string | RegExp>): Promise<ReportNode> {
  let node: ReportNode | undefined;
  for (const l of labels) node = await child(node, l);
  return node!;
}

/** Every node of the tree, depth first (expanding everything, as a test may). */
async function walk(node?: ReportNode, out: ReportNode[] = []): Promise<ReportNode[]> {
  for (const c of await children(node)) {
    out.push(c);
    await walk(c, out);
  }
  return out;
}

function copyInto(relative: string, from: string): string {
  const file = path.join(workspaceRoot(), relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(from, file);
  return file;
}

suite('Report view', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const api = await extension.activate();
    tree = api.probes.get('reportTree') as ReportTreeProbe;
    service = api.probes.get('service') as AnalysisService;
    assert.ok(tree, 'the Report view records itself in probes');
    const root = extension.extensionPath;
    const seed = path.join(root, '..', 'shared', 'corpus', 'mali-2020.txt');
    assert.ok(fs.existsSync(seed), `the seed narrative is missing: ${seed}`);
    mali = await vscode.workspace.openTextDocument(copyInto(`${FOLDER}/mali-2020.tip.txt`, seed));
    veldora = await vscode.workspace.openTextDocument(copyInto(`${FOLDER}/veldora-2023.tip.txt`, path.join(root, 'samples', 'veldora-2023.tip.txt')));
    // The view drawn for real, so VS Code asks the provider too.
    await vscode.commands.executeCommand('workbench.view.extension.tipLens');
    await showReport(mali);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('tipLens.report.clearFilter');
    await vscode.commands.executeCommand('tipLens.report.groupBySection');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The copies go, so that the workspace index of later suites does not read them.
    fs.rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
  });

  setup(async () => {
    await showReport(mali);
  });

  test('is visible in the TIP Lens container', async () => {
    await waitFor('the Report view to be visible', () => tree.view.visible);
    assert.strictEqual(tree.view.description, 'mali-2020.tip.txt');
    assert.strictEqual(tree.view.message, undefined);
  });

  test('the roots are Report, Figures, Money and Entities, with counts', async () => {
    const roots = await children();
    assert.deepStrictEqual(roots.map(labelOf), ['Report', 'Figures', 'Money', 'Entities']);
    const a = tree.shown!.analysis;
    assert.strictEqual(descriptionOf(roots[1]!), String(a.figures.length));
    assert.strictEqual(descriptionOf(roots[2]!), String(a.money.length));
    assert.strictEqual(descriptionOf(roots[3]!), String(a.entities.length));
    assert.deepStrictEqual(roots.map((n) => item(n).contextValue), ['report', 'figures', 'money', 'entities']);
    for (const n of roots) assert.ok(item(n).iconPath instanceof vscode.ThemeIcon, `${labelOf(n)} has a ThemeIcon`);
  });

  test('the Report node says Mali, 2020, Tier 2 Watch List and the tier-change sentence', async () => {
    const report = await at('Report');
    assert.strictEqual(descriptionOf(report), 'Mali · 2020 · Tier 2 Watch List');
    const meta = await children(report);
    assert.deepStrictEqual(meta.map(labelOf), ['Mali', '2020', 'Tier 2 Watch List']);
    const tier = meta[2]!;
    assert.match(descriptionOf(tier), /Therefore Mali was downgraded to Tier 2 Watch List/);
    assert.match(await tooltipOf(tier), /downgraded/);
  });

  test('a figure "40 new cases - investigations - current period" under Prosecution, with its sentence', async () => {
    const figure = await at('Figures', 'Prosecution', 'investigations', /40 new cases - investigations - current period$/);
    const it = item(figure);
    assert.strictEqual(it.contextValue, 'figure');
    // The label starts with the value already: no description repeats it.
    assert.strictEqual(descriptionOf(figure), '');
    const tooltip = await tooltipOf(figure);
    const f = (figure as Extract<ReportNode, { kind: 'figure' }>).figure;
    const sentence = mali.getText(new vscode.Range(mali.positionAt(tree.shown!.analysis.sentences[f.sentence]!.start), mali.positionAt(tree.shown!.analysis.sentences[f.sentence]!.end)));
    assert.ok(sentence.includes('40'), `the figure's sentence: ${sentence}`);
    for (const expected of ['investigations', 'current period', 'Qualifier', 'new cases']) {
      assert.ok(tooltip.includes(expected), `the tooltip says ${expected}: ${tooltip}`);
    }
    assert.ok(tooltip.includes(sentence.replace(/\s+/g, ' ').trim().slice(0, 40)), `the tooltip quotes the sentence: ${tooltip}`);
  });

  test('a figure written in words has its value in numbers as description', async () => {
    const penalty = await at('Figures', 'Prosecution', 'penalty prescribed by law', /^five to 10 .* - penalty prescribed by law/);
    assert.strictEqual(descriptionOf(penalty), '5-10 years');
  });

  test('entity "Malian armed forces (FAMa)" under Government bodies with its mentions', async () => {
    const entity = await at('Entities', 'Government bodies', 'Malian armed forces (FAMa)');
    const model = tree.shown!.analysis.entities.find((e) => e.acronym === 'FAMa');
    assert.ok(model);
    const n = model.mentions.length;
    assert.ok(n > 1);
    assert.strictEqual(descriptionOf(entity), `${n} mentions`);
    const mentions = await children(entity);
    assert.strictEqual(mentions.length, n);
    for (const m of mentions) assert.match(labelOf(m), /^line \d+: .*(FAMa|Malian armed forces)/i);
    const label = item(mentions[0]!).label as vscode.TreeItemLabel;
    assert.ok(label.highlights && label.highlights.length === 1, 'the mention is highlighted in its line');
    // The entity itself goes to its definition.
    const cmd = item(entity).command!;
    assert.strictEqual(cmd.command, 'tipLens.report.reveal');
    assert.strictEqual(cmd.arguments![1], (model.definition ?? model.mentions[0]!).start);
  });

  test('money shows the amount in XOF with its stated conversion ($860) and the implied rate', async () => {
    const amount = await at('Money', '500,000-2,000,000 XOF ($860 to $3,440)');
    assert.strictEqual(item(amount).contextValue, 'amount');
    const tooltip = await tooltipOf(amount);
    assert.match(tooltip, /Implied rate/);
    // At the precision every view shows a rate (formatRate in core/currency.ts): the hover's `582.00`.
    assert.match(tooltip, /1 USD = 581\.40 XOF/);
  });

  test('grouping by metric then section, and back', async () => {
    await vscode.commands.executeCommand('tipLens.report.groupByMetric');
    assert.strictEqual(tree.groupBy, 'metric');
    const figures = await at('Figures');
    const outer = (await children(figures)).map(labelOf);
    assert.ok(outer.includes('investigations') && !outer.includes('Prosecution'), `metrics first: ${outer.join(', ')}`);
    await at('Figures', 'investigations', 'Prosecution', /40 new cases - investigations - current period$/);
    await vscode.commands.executeCommand('tipLens.report.groupBySection');
    assert.strictEqual(tree.groupBy, 'section');
    const again = (await children(await at('Figures'))).map(labelOf);
    assert.ok(again.includes('Prosecution') && !again.includes('investigations'), `sections first: ${again.join(', ')}`);
  });

  test('ids are unique, and stay the same across a refresh', async () => {
    const ids = (await walk()).map((n) => item(n).id!);
    assert.strictEqual(new Set(ids).size, ids.length, 'unique ids');
    await vscode.commands.executeCommand('tipLens.report.groupByMetric');
    await vscode.commands.executeCommand('tipLens.report.groupBySection');
    const again = (await walk()).map((n) => item(n).id!);
    assert.deepStrictEqual(again, ids);
  });

  test('a filter narrows the tree, says so, and clears', async () => {
    const all = (await walk()).length;
    await vscode.commands.executeCommand('tipLens.report.filter', 'FAMa');
    try {
      assert.strictEqual(tree.filter, 'FAMa');
      assert.match(String(tree.view.description), /FAMa/);
      const roots = (await children()).map(labelOf);
      assert.ok(!roots.includes('Money'), `no amount mentions FAMa: ${roots.join(', ')}`);
      await at('Entities', 'Government bodies', 'Malian armed forces (FAMa)');
      const shown = (await walk()).length;
      assert.ok(shown < all, `${shown} items shown of ${all}`);

      await vscode.commands.executeCommand('tipLens.report.filter', 'investigations');
      const figures = await walk(await at('Figures'));
      const leaves = figures.filter((n) => item(n).contextValue === 'figure');
      assert.ok(leaves.length > 0);
      for (const f of leaves) assert.match(labelOf(f), /investigations/i);
      assert.ok(!(await children()).map(labelOf).includes('Money'));

      await vscode.commands.executeCommand('tipLens.report.filter', 'no such thing anywhere');
      assert.deepStrictEqual(await children(), []);
      assert.match(String(tree.view.message), /matches "no such thing anywhere"/);
    } finally {
      await vscode.commands.executeCommand('tipLens.report.clearFilter');
    }
    assert.strictEqual(tree.filter, undefined);
    assert.strictEqual(tree.view.description, 'mali-2020.tip.txt');
    assert.strictEqual(tree.view.message, undefined);
    assert.strictEqual((await walk()).length, all);
  });

  test("clicking a figure selects its text in the editor, even once the editor was closed", async () => {
    const figure = await at('Figures', 'Prosecution', 'investigations', /40 new cases - investigations - current period$/);
    const cmd = item(figure).command!;
    assert.strictEqual(cmd.command, 'tipLens.report.reveal');
    const [uri, start, end] = cmd.arguments as [vscode.Uri, number, number];
    assert.strictEqual(uri.toString(), mali.uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no editor', () => vscode.window.activeTextEditor === undefined);
    await vscode.commands.executeCommand(cmd.command, ...cmd.arguments!);
    await waitFor('the report to be active', () => vscode.window.activeTextEditor?.document.uri.toString() === mali.uri.toString());
    const editor = vscode.window.activeTextEditor!;
    const selected = editor.document.getText(editor.selection);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), end);
    assert.match(selected, /40/);
  });

  test('follows the active editor: Veldora, then a file that is not a report, then Mali again', async () => {
    await showReport(veldora);
    const report = await at('Report');
    assert.match(descriptionOf(report), /^Veldora · 2023 · Tier 2 Watch List$/);
    assert.deepStrictEqual((await children(report)).map(labelOf).slice(0, 2), ['Veldora', '2023']);
    assert.strictEqual(tree.view.description, 'veldora-2023.tip.txt');
    // The sample's money: a conversion at 605 FCFA per dollar.
    await at('Money', /^40,000,000 XOF \(\$81,630\)$/);

    const notes = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'notes', 'README.txt'));
    await vscode.window.showTextDocument(notes);
    await waitFor('the tree to empty', () => tree.shown === undefined);
    assert.deepStrictEqual(await children(), []);
    assert.match(String(tree.view.message), /README\.txt is not a TIP report/);

    await showReport(mali);
    assert.strictEqual(descriptionOf(await at('Report')), 'Mali · 2020 · Tier 2 Watch List');
    assert.strictEqual(tree.view.message, undefined);
  });

  test('a report set to plain text leaves the view; set back, it returns', async () => {
    await showReport(veldora);
    const plain = await vscode.languages.setTextDocumentLanguage(veldora, 'plaintext');
    try {
      await waitFor('the tree to let go of the report', () => tree.shown === undefined);
      assert.deepStrictEqual(await children(), []);
    } finally {
      veldora = await vscode.languages.setTextDocumentLanguage(plain, 'tip-report');
    }
    await waitForTreeOf(veldora);
    assert.match(descriptionOf(await at('Report')), /^Veldora/);
  });

  test('refreshes after an edit, from the analysis of the new version', async () => {
    const editor = await vscode.window.showTextDocument(mali);
    const offset = mali.getText().indexOf('40 new cases');
    assert.ok(offset >= 0);
    const range = new vscode.Range(mali.positionAt(offset), mali.positionAt(offset + 2));
    const groupId = item(await at('Figures', 'Prosecution')).id;
    assert.ok(await editor.edit((b) => b.replace(range, '41')));
    try {
      await waitForTreeOf(mali);
      assert.strictEqual(service.current(mali), tree.shown, 'the tree shows the current analysis');
      await at('Figures', 'Prosecution', 'investigations', /41 new cases - investigations - current period$/);
      const labels = (await walk(await at('Figures'))).map(labelOf);
      assert.ok(!labels.some((l) => /\b40 new cases/.test(l)), 'the old figure is gone');
      assert.strictEqual(item(await at('Figures', 'Prosecution')).id, groupId, 'the group keeps its id');
    } finally {
      assert.ok(await editor.edit((b) => b.replace(range, '40')));
      await waitForTreeOf(mali);
    }
    await at('Figures', 'Prosecution', 'investigations', /40 new cases - investigations - current period$/);
  });

  test('a 4.5 MB report: roots at once, children built per group and in ranges of 500', async function () {
    this.timeout(180_000);
    const seed = mali.getText();
    const copies = Math.ceil(4.5e6 / seed.length);
    const file = path.join(workspaceRoot(), FOLDER, 'big-report.tip.txt');
    fs.writeFileSync(file, Array.from({ length: copies }, () => seed).join('\n\n'));
    const big = await vscode.workspace.openTextDocument(file);
    assert.ok(big.getText().length > 4.4e6);
    await showReport(big, 150_000);
    try {
      const started = Date.now();
      const roots = await children();
      roots.forEach(item);
      const rootsMs = Date.now() - started;
      assert.deepStrictEqual(roots.map(labelOf), ['Report', 'Figures', 'Money', 'Entities']);
      assert.ok(rootsMs < 250, `the roots took ${rootsMs} ms`);

      const report = roots[0]!;
      assert.match(descriptionOf(report), new RegExp(`^${copies} narratives$`));
      const narratives = await children(report);
      assert.strictEqual(narratives.length, copies);
      assert.deepStrictEqual((await children(narratives[copies - 1]!)).map(labelOf), ['Mali', '2020', 'Tier 2 Watch List']);

      const t1 = Date.now();
      const sections = await children(roots[1]!);
      sections.forEach(item);
      const investigations = await child(await child(roots[1]!, 'Prosecution'), 'investigations');
      const figures = await children(investigations);
      const groupMs = Date.now() - t1;
      assert.ok(groupMs < 2_000, `a figure group took ${groupMs} ms`);
      assert.ok(figures.every((n) => item(n).contextValue === 'figure' || item(n).contextValue === 'chunk'));

      // `Mali` is mentioned thousands of times: its mentions come in ranges.
      const t2 = Date.now();
      const country = await at('Entities', 'Countries', 'Mali');
      const ranges = await children(country);
      assert.ok(ranges.length > 1 && ranges.every((n) => item(n).contextValue === 'chunk'), `ranges: ${ranges.map(labelOf).join(', ')}`);
      assert.strictEqual(labelOf(ranges[0]!), '1-500');
      const first = await children(ranges[0]!);
      assert.strictEqual(first.length, 500);
      first.forEach(item);
      const mentionsMs = Date.now() - t2;
      assert.ok(mentionsMs < 2_000, `500 mentions took ${mentionsMs} ms`);
      assert.match(labelOf(first[0]!), /^line \d+: /);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });
});
