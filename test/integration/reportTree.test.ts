/**
 * The Report view in a real VS Code: its items for the Veldora sample (and for the seed narrative,
 * Mali 2020, where the corpus is), grouping, filtering, revealing an item in the editor, following
 * the active editor, refreshing after an edit, and staying lazy on a 4.5 MB report (what it
 * builds; how fast is `npm run bench`'s business).
 *
 * The samples are copied from `samples/` into the temporary workspace at test time, the seed (never
 * committed) in a suite of its own that runs only where the corpus is. The tree is read through
 * the provider the extension records in `probes.get('reportTree')`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, seedSuite, seedText, suiteFolder, waitFor as wait, workspaceRoot } from './support';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { TipLensExports } from '../../src/extension/probes';
import type { ReportNode, ReportTreeProbe } from '../../src/extension/reportTree';

const TIMEOUT_MS = 20_000;

let tree: ReportTreeProbe;
let service: AnalysisService;
/** The report the suite's tests look at (Veldora 2023, or the seed), and another one (Veldora 2022). */
let main: vscode.TextDocument;
let other: vscode.TextDocument;

const here = suiteFolder('report-tree');

async function waitFor(what: string, condition: () => boolean, timeoutMs = TIMEOUT_MS): Promise<void> {
  await wait(what, condition, timeoutMs);
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

/** Opens `name` (a copy of `text`) as the suite's report, and Veldora 2022 as the other one, with the view drawn. */
async function openReports(name: string, text: string): Promise<void> {
  const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  tree = api.probes.get('reportTree') as ReportTreeProbe;
  service = api.probes.get('service') as AnalysisService;
  assert.ok(tree, 'the Report view records itself in probes');
  main = await vscode.workspace.openTextDocument(here.write(name, text));
  other = await vscode.workspace.openTextDocument(here.write('veldora-2022.tip.txt', sampleText('veldora-2022.tip.txt')));
  // The view drawn for real, so VS Code asks the provider too.
  await vscode.commands.executeCommand('workbench.view.extension.tipLens');
  await showReport(main);
}

async function cleanUp(): Promise<void> {
  await vscode.commands.executeCommand('tipLens.report.clearFilter');
  await vscode.commands.executeCommand('tipLens.report.groupBySection');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // The copies go, so that the workspace index of later suites does not read them.
  here.remove();
}

/** What the view must show for one narrative. */
interface TreeFacts {
  readonly file: string;
  /** `Mali · 2020 · Tier 2 Watch List`, and the same as the Report node's three children. */
  readonly meta: readonly [country: string, year: string, tier: string];
  /** The tier node's description (the tier-change sentence) and a word of its tooltip. */
  readonly tierSentence: RegExp;
  readonly tierWord: RegExp;
  /** A current-period investigations figure in Prosecution, stated as `<value> new cases`. */
  readonly newCases: string;
  /** A government body's tree label (`long form (ACRONYM)`) and its acronym. */
  readonly body: readonly [label: string, acronym: string];
  /** An amount's label with its stated conversion, and its implied rate as the tooltip says it. */
  readonly money: readonly [label: string, rate: string];
}

/** The view's items for one narrative: its Report node, a figure, an entity, money, a filter, a click and an edit. */
function contentSpec(facts: TreeFacts): void {
  const figureLabel = (value: string): RegExp => new RegExp(`${value} new cases - investigations - current period$`);
  const [country, year, tier] = facts.meta;
  const [bodyLabel, acronym] = facts.body;

  test(`the Report node says ${country}, ${year}, ${tier} and the tier-change sentence`, async () => {
    const report = await at('Report');
    assert.strictEqual(descriptionOf(report), facts.meta.join(' · '));
    const meta = await children(report);
    assert.deepStrictEqual(meta.map(labelOf), [...facts.meta]);
    const tierNode = meta[2]!;
    assert.match(descriptionOf(tierNode), facts.tierSentence);
    assert.match(await tooltipOf(tierNode), facts.tierWord);
  });

  test(`a figure "${facts.newCases} new cases - investigations - current period" under Prosecution, with its sentence`, async () => {
    const figure = await at('Figures', 'Prosecution', 'investigations', figureLabel(facts.newCases));
    const it = item(figure);
    assert.strictEqual(it.contextValue, 'figure');
    // The label starts with the value already: no description repeats it.
    assert.strictEqual(descriptionOf(figure), '');
    const tooltip = await tooltipOf(figure);
    const f = (figure as Extract<ReportNode, { kind: 'figure' }>).figure;
    const sentence = main.getText(new vscode.Range(main.positionAt(tree.shown!.analysis.sentences[f.sentence]!.start), main.positionAt(tree.shown!.analysis.sentences[f.sentence]!.end)));
    assert.ok(sentence.includes(facts.newCases), `the figure's sentence: ${sentence}`);
    for (const expected of ['investigations', 'current period', 'Qualifier', 'new cases']) {
      assert.ok(tooltip.includes(expected), `the tooltip says ${expected}: ${tooltip}`);
    }
    assert.ok(tooltip.includes(sentence.replace(/\s+/g, ' ').trim().slice(0, 40)), `the tooltip quotes the sentence: ${tooltip}`);
  });

  test('a figure written in words has its value in numbers as description', async () => {
    const penalty = await at('Figures', 'Prosecution', 'penalty prescribed by law', /^five to 10 .* - penalty prescribed by law/);
    assert.strictEqual(descriptionOf(penalty), '5-10 years');
  });

  test(`entity "${bodyLabel}" under Government bodies with its mentions`, async () => {
    const entity = await at('Entities', 'Government bodies', bodyLabel);
    const model = tree.shown!.analysis.entities.find((e) => e.acronym === acronym);
    assert.ok(model);
    const n = model.mentions.length;
    assert.ok(n > 1);
    assert.strictEqual(descriptionOf(entity), `${n} mentions`);
    const mentions = await children(entity);
    assert.strictEqual(mentions.length, n);
    const longForm = bodyLabel.slice(0, bodyLabel.lastIndexOf(' ('));
    for (const m of mentions) assert.ok(new RegExp(`^line \\d+: .*(${acronym}|${longForm})`, 'i').test(labelOf(m)), labelOf(m));
    const label = item(mentions[0]!).label as vscode.TreeItemLabel;
    assert.ok(label.highlights && label.highlights.length === 1, 'the mention is highlighted in its line');
    // The entity itself goes to its definition.
    const cmd = item(entity).command!;
    assert.strictEqual(cmd.command, 'tipLens.report.reveal');
    assert.strictEqual(cmd.arguments![1], (model.definition ?? model.mentions[0]!).start);
  });

  test(`money shows the amount in XOF with its stated conversion and the implied rate (${facts.money[0]})`, async () => {
    const amount = await at('Money', facts.money[0]);
    assert.strictEqual(item(amount).contextValue, 'amount');
    const tooltip = await tooltipOf(amount);
    assert.match(tooltip, /Implied rate/);
    // At the precision every view shows a rate (formatRate in core/currency.ts), as the hover does.
    assert.ok(tooltip.includes(`1 USD = ${facts.money[1]} XOF`), tooltip);
  });

  test('a filter narrows the tree, says so, and clears', async () => {
    const all = (await walk()).length;
    await vscode.commands.executeCommand('tipLens.report.filter', acronym);
    try {
      assert.strictEqual(tree.filter, acronym);
      assert.ok(String(tree.view.description).includes(acronym), String(tree.view.description));
      const roots = (await children()).map(labelOf);
      assert.ok(!roots.includes('Money'), `no amount mentions ${acronym}: ${roots.join(', ')}`);
      await at('Entities', 'Government bodies', bodyLabel);
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
    assert.strictEqual(tree.view.description, facts.file);
    assert.strictEqual(tree.view.message, undefined);
    assert.strictEqual((await walk()).length, all);
  });

  test("clicking a figure selects its text in the editor, even once the editor was closed", async () => {
    const figure = await at('Figures', 'Prosecution', 'investigations', figureLabel(facts.newCases));
    const cmd = item(figure).command!;
    assert.strictEqual(cmd.command, 'tipLens.report.reveal');
    const [uri, start, end] = cmd.arguments as [vscode.Uri, number, number];
    assert.strictEqual(uri.toString(), main.uri.toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('no editor', () => vscode.window.activeTextEditor === undefined);
    await vscode.commands.executeCommand(cmd.command, ...cmd.arguments!);
    await waitFor('the report to be active', () => vscode.window.activeTextEditor?.document.uri.toString() === main.uri.toString());
    const editor = vscode.window.activeTextEditor!;
    const selected = editor.document.getText(editor.selection);
    assert.strictEqual(editor.document.offsetAt(editor.selection.start), start);
    assert.strictEqual(editor.document.offsetAt(editor.selection.end), end);
    assert.ok(selected.includes(facts.newCases), selected);
  });

  test('refreshes after an edit, from the analysis of the new version', async () => {
    const editor = await vscode.window.showTextDocument(main);
    const offset = main.getText().indexOf(`${facts.newCases} new cases`);
    assert.ok(offset >= 0);
    const edited = String(Number(facts.newCases) + 1);
    const range = new vscode.Range(main.positionAt(offset), main.positionAt(offset + facts.newCases.length));
    const groupId = item(await at('Figures', 'Prosecution')).id;
    assert.ok(await editor.edit((b) => b.replace(range, edited)));
    try {
      await waitForTreeOf(main);
      assert.strictEqual(service.current(main), tree.shown, 'the tree shows the current analysis');
      await at('Figures', 'Prosecution', 'investigations', figureLabel(edited));
      const labels = (await walk(await at('Figures'))).map(labelOf);
      assert.ok(!labels.some((l) => new RegExp(`\\b${facts.newCases} new cases`).test(l)), 'the old figure is gone');
      assert.strictEqual(item(await at('Figures', 'Prosecution')).id, groupId, 'the group keeps its id');
    } finally {
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(range.start, range.start.translate(0, edited.length)), facts.newCases)));
      await waitForTreeOf(main);
    }
    await at('Figures', 'Prosecution', 'investigations', figureLabel(facts.newCases));
  });
}

const VELDORA: TreeFacts = {
  file: 'veldora-2023.tip.txt',
  meta: ['Veldora', '2023', 'Tier 2 Watch List'],
  tierSentence: /Therefore Veldora remained on Tier 2\./,
  tierWord: /remained/,
  newCases: '33',
  body: ['Veldoran Armed Forces (FAV)', 'FAV'],
  money: ['1,000,000-5,000,000 XOF ($1,650 to $8,260)', '605.45'],
};

suite('Report view', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await openReports(VELDORA.file, sampleText());
  });

  suiteTeardown(cleanUp);

  setup(async () => {
    await showReport(main);
  });

  test('is visible in the TIP Lens container', async () => {
    await waitFor('the Report view to be visible', () => tree.view.visible);
    assert.strictEqual(tree.view.description, VELDORA.file);
    assert.strictEqual(tree.view.message, undefined);
  });

  contentSpec(VELDORA);

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

  test('grouping by metric then section, and back', async () => {
    await vscode.commands.executeCommand('tipLens.report.groupByMetric');
    assert.strictEqual(tree.groupBy, 'metric');
    const figures = await at('Figures');
    const outer = (await children(figures)).map(labelOf);
    assert.ok(outer.includes('investigations') && !outer.includes('Prosecution'), `metrics first: ${outer.join(', ')}`);
    await at('Figures', 'investigations', 'Prosecution', /33 new cases - investigations - current period$/);
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

  test('follows the active editor: Veldora 2022, then a file that is not a report, then Veldora 2023 again', async () => {
    await showReport(other);
    const report = await at('Report');
    assert.match(descriptionOf(report), /^Veldora · 2022 · /);
    assert.deepStrictEqual((await children(report)).map(labelOf).slice(0, 2), ['Veldora', '2022']);
    assert.strictEqual(tree.view.description, 'veldora-2022.tip.txt');
    assert.ok(!(await walk(await at('Money'))).some((n) => /\$81,630/.test(labelOf(n))), 'the 2023 money is gone');

    const notes = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), 'notes', 'README.txt'));
    await vscode.window.showTextDocument(notes);
    await waitFor('the tree to empty', () => tree.shown === undefined);
    assert.deepStrictEqual(await children(), []);
    assert.match(String(tree.view.message), /README\.txt is not a TIP report/);

    await showReport(main);
    assert.strictEqual(descriptionOf(await at('Report')), 'Veldora · 2023 · Tier 2 Watch List');
    // The sample's money: a conversion at 490 FCFA per dollar.
    await at('Money', /^40,000,000 XOF \(\$81,630\)$/);
    assert.strictEqual(tree.view.message, undefined);
  });

  test('a report set to plain text leaves the view; set back, it returns', async () => {
    await showReport(other);
    const plain = await vscode.languages.setTextDocumentLanguage(other, 'plaintext');
    try {
      await waitFor('the tree to let go of the report', () => tree.shown === undefined);
      assert.deepStrictEqual(await children(), []);
    } finally {
      other = await vscode.languages.setTextDocumentLanguage(plain, 'tip-report');
    }
    await waitForTreeOf(other);
    assert.match(descriptionOf(await at('Report')), /^Veldora · 2022/);
  });

  test('a 4.5 MB report: the roots, children built per group, and mentions in ranges of 500', async function () {
    this.timeout(180_000);
    const sample = main.getText();
    const copies = Math.ceil(4.5e6 / sample.length);
    const uri = here.write('big-report.tip.txt', Array.from({ length: copies }, () => sample).join('\n\n'));
    const big = await vscode.workspace.openTextDocument(uri);
    assert.ok(big.getText().length > 4.4e6);
    await showReport(big, 150_000);
    try {
      const roots = await children();
      roots.forEach(item);
      assert.deepStrictEqual(roots.map(labelOf), ['Report', 'Figures', 'Money', 'Entities']);

      const report = roots[0]!;
      assert.match(descriptionOf(report), new RegExp(`^${copies} narratives$`));
      const narratives = await children(report);
      assert.strictEqual(narratives.length, copies);
      assert.deepStrictEqual((await children(narratives[copies - 1]!)).map(labelOf), [...VELDORA.meta]);

      const sections = await children(roots[1]!);
      sections.forEach(item);
      const investigations = await child(await child(roots[1]!, 'Prosecution'), 'investigations');
      const figures = await children(investigations);
      assert.ok(figures.length > 0);
      assert.ok(figures.every((n) => item(n).contextValue === 'figure' || item(n).contextValue === 'chunk'));

      // `Veldora` is mentioned thousands of times: its mentions come in ranges.
      const country = await at('Entities', 'Countries', 'Veldora');
      const ranges = await children(country);
      assert.ok(ranges.length > 1 && ranges.every((n) => item(n).contextValue === 'chunk'), `ranges: ${ranges.map(labelOf).join(', ')}`);
      assert.strictEqual(labelOf(ranges[0]!), '1-500');
      const first = await children(ranges[0]!);
      assert.strictEqual(first.length, 500);
      first.forEach(item);
      assert.match(labelOf(first[0]!), /^line \d+: /);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(uri.fsPath, { force: true });
    }
  });
});

seedSuite('Report view: the seed', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await openReports('mali-2020.tip.txt', seedText());
  });

  suiteTeardown(cleanUp);

  setup(async () => {
    await showReport(main);
  });

  contentSpec({
    file: 'mali-2020.tip.txt',
    meta: ['Mali', '2020', 'Tier 2 Watch List'],
    tierSentence: /Therefore Mali was downgraded to Tier 2 Watch List/,
    tierWord: /downgraded/,
    newCases: '40',
    body: ['Malian armed forces (FAMa)', 'FAMa'],
    money: ['500,000-2,000,000 XOF ($860 to $3,440)', '581.40'],
  });
});
