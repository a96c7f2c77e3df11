/**
 * Issue 12 (the timeline in the editor) in a real VS Code, on a copy of the fictional Corvania
 * series (test/fixtures/timeline/, 2019-2023, one planted disagreement) in `timeline-it/` of the
 * temporary workspace: Show Timeline from the active report gives its panel the series (headline
 * figures, both sources, the planted disagreement with the check's finding, nothing else flagged);
 * the page loads and asks for it; a click on a point (the page's message, sent here) opens its
 * sentence; asked again, the panel is revealed, not opened twice; an edit of a narrative redraws
 * it; a figure's hover links to it; Compare Countries gives one metric of one year across the
 * workspace's countries. What the panels were given is read through `probes.get('timeline')`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CountrySeries, TimelineMetric } from '../../src/core/timeline';
import type { TimelineProbe } from '../../src/extension/timeline';
import type { ChartPanel } from '../../src/extension/timeline/panel';
import type { CompareModel, TimelineModel } from '../../src/extension/timeline/protocol';
import type { WorkspaceIndex } from '../../src/extension/workspaceIndex';
import { extensionPath, extensionProbes, suiteFolder, waitFor } from './support';

const here = suiteFolder('timeline-it');
const YEARS = [2019, 2020, 2021, 2022, 2023];

suite('Timeline', () => {
  let timeline: TimelineProbe;
  let index: WorkspaceIndex;
  const file = (year: number): vscode.Uri => vscode.Uri.file(path.join(here.path(), `corvania-${year}.tip.txt`));

  const modelOf = (panel: ChartPanel): TimelineModel => {
    const m = panel.model;
    assert.ok(m && m.view === 'timeline', 'the panel was given a timeline');
    return m;
  };
  /** The Corvania panel, opened from the 2022 narrative if it is not open, its model computed. */
  const corvania = async (): Promise<ChartPanel> => {
    if (!timeline.timeline('Corvania')) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(2022)));
      await vscode.commands.executeCommand('tipLens.showTimeline');
    }
    const panel = timeline.timeline('Corvania');
    assert.ok(panel, 'a panel for Corvania');
    await panel.settled();
    return panel;
  };
  const points = (s: CountrySeries, metric: TimelineMetric) => s.metrics.find((m) => m.metric === metric)!.points;

  suiteSetup(async () => {
    const probes = await extensionProbes();
    timeline = probes.get('timeline') as TimelineProbe;
    index = probes.get('workspaceIndex') as WorkspaceIndex;
    const fixtures = path.join(extensionPath(), 'test', 'fixtures', 'timeline');
    for (const y of YEARS) here.write(`corvania-${y}.tip.txt`, fs.readFileSync(path.join(fixtures, `corvania-${y}.tip.txt`), 'utf8'));
    await index.whenReady();
    await waitFor('the Corvania narratives in the workspace index', () => YEARS.every((y) => index.has(file(y))));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    here.remove();
  });

  test('Show Timeline opens the active report\'s country: the series, both sources, the planted disagreement and its finding', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(2022)));
    const shown = await vscode.commands.executeCommand<{ country: string }>('tipLens.showTimeline');
    assert.deepStrictEqual(shown, { country: 'Corvania' });
    const panel = timeline.timeline('corvania');
    assert.ok(panel, 'a panel for Corvania');
    await panel.settled();
    const { series, findings } = modelOf(panel);
    assert.strictEqual(panel.panel.title, 'Timeline: Corvania');
    assert.deepStrictEqual(series.reports.map((r) => [r.reportYear, r.dataYear, r.tier]), [
      [2019, 2018, 'Tier 2 Watch List'], [2020, 2019, 'Tier 2 Watch List'], [2021, 2020, 'Tier 2'], [2022, 2021, 'Tier 2'], [2023, 2022, 'Tier 1'],
    ]);
    assert.deepStrictEqual(series.years, [2017, 2018, 2019, 2020, 2021, 2022]);
    // The headline figures, as each narrative states them and as the next year's restates them.
    const both = (metric: TimelineMetric) => points(series, metric).map((p) => [p.year, p.current?.value, p.restated?.value]);
    assert.deepStrictEqual(both('convictions'), [[2017, undefined, 4], [2018, 6, 6], [2019, 9, 9], [2020, 12, 14], [2021, 15, 15], [2022, 18, undefined]]);
    assert.deepStrictEqual(both('investigations').map((p) => p[1]), [undefined, 28, 35, 41, 39, 46]);
    assert.deepStrictEqual(both('victims-identified').map((p) => p[1]), [undefined, 112, 131, 158, 174, 205]);
    assert.deepStrictEqual(both('budget').map((p) => p[1]), [undefined, 1_020_000, 1_230_000, 1_530_000, 1_770_000, 1_840_000]);
    // The planted disagreement, and nothing else.
    const flagged = series.metrics.flatMap((m) => m.points.filter((p) => p.disagreement).map((p) => `${m.metric} ${p.year}`));
    assert.deepStrictEqual(flagged, ['convictions 2020']);
    assert.deepStrictEqual(findings.map((f) => [f.metric, f.year, f.message]), [
      ['convictions', 2020, "14 convictions in the previous reporting period, but last year's narrative stated 12 traffickers."],
    ]);
    // The points name the documents as the editor opens them.
    const p2020 = points(series, 'convictions')[3]!;
    assert.strictEqual(p2020.current!.document, file(2021).toString());
    assert.strictEqual(p2020.restated!.document, file(2022).toString());
    // The page loaded, said it was ready, and was sent the model.
    await waitFor('the page to ask for its model', () => panel.sends > 0);
  });

  test('clicking a point opens its sentence in the editor, selected', async () => {
    const panel = await corvania();
    const restated = points(modelOf(panel).series, 'convictions')[3]!.restated!;
    // What the page sends when the point is clicked.
    const editor = (await panel.receive({ type: 'open', document: restated.document, start: restated.sentence.start, end: restated.sentence.end })) as vscode.TextEditor;
    assert.strictEqual(vscode.window.activeTextEditor, editor);
    assert.strictEqual(editor.document.uri.toString(), file(2022).toString());
    const selected = editor.document.getText(editor.selection);
    assert.strictEqual(selected, restated.sentence.text);
    assert.match(selected, /^Courts convicted 15 traffickers, an increase from 14 convictions in the previous reporting period/);
    // A table's figure: the figure itself.
    const own = points(modelOf(panel).series, 'convictions')[3]!.current!;
    const e2 = (await panel.receive({ type: 'open', document: own.document, start: own.start, end: own.end })) as vscode.TextEditor;
    assert.strictEqual(e2.document.uri.toString(), file(2021).toString());
    assert.strictEqual(e2.document.getText(e2.selection), '12');
  });

  test('asked again from another narrative of the country, the panel is revealed, not opened twice', async () => {
    const panel = await corvania();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file(2019)));
    assert.deepStrictEqual(await vscode.commands.executeCommand('tipLens.showTimeline'), { country: 'Corvania' });
    assert.strictEqual(timeline.timeline('Corvania'), panel);
    assert.strictEqual(panel.panel.visible, true);
  });

  test('an edit of a narrative of the country redraws the timeline', async () => {
    const panel = await corvania();
    const doc = await vscode.workspace.openTextDocument(file(2023));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('convicted 18 traffickers');
    assert.ok(at >= 0);
    const range = new vscode.Range(doc.positionAt(at + 'convicted '.length), doc.positionAt(at + 'convicted 18'.length));
    await editor.edit((e) => e.replace(range, '19'));
    try {
      await waitFor(() => `convictions 2022 to be 19 (${points(modelOf(panel).series, 'convictions')[5]?.current?.value})`,
        () => points(modelOf(panel).series, 'convictions')[5]?.current?.value === 19, 30_000);
    } finally {
      // Back as it was (the file may have been saved meanwhile, by auto save).
      const back = await vscode.window.showTextDocument(doc);
      await back.edit((e) => e.replace(range, '18'));
      await doc.save();
    }
    assert.ok(doc.getText().includes('convicted 18 traffickers'));
    await waitFor('convictions 2022 back to 18', () => points(modelOf(panel).series, 'convictions')[5]?.current?.value === 18, 30_000);
  });

  test('a figure\'s hover links to the timeline over the years', async () => {
    const doc = await vscode.workspace.openTextDocument(file(2022));
    const at = doc.getText().indexOf('convicted 15') + 'convicted '.length;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    const link = /\[over the years\]\(command:tipLens\.showTimeline\?([^ )]+)/.exec(md);
    assert.ok(link, `no "over the years" link in:\n${md}`);
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(link[1]!)), [doc.uri.toString(), at, 'convictions']);
  });

  test('Compare Countries: one metric in one year across the workspace\'s countries, as a table and bars', async () => {
    const asked = await vscode.commands.executeCommand('tipLens.compareCountries', 'convictions', 2021);
    assert.deepStrictEqual(asked, { metric: 'convictions', year: 2021 });
    const panel = timeline.compare();
    assert.ok(panel, 'the Compare Countries panel');
    await panel.settled();
    const model = panel.model as CompareModel;
    assert.strictEqual(model.view, 'compare');
    assert.strictEqual(panel.panel.title, 'Compare: convictions, 2021');
    const corvania = model.values.find((v) => v.country === 'Corvania');
    assert.ok(corvania, `Corvania among ${model.values.map((v) => v.country).join(', ')}`);
    assert.deepStrictEqual([corvania.value, corvania.point?.current?.reportYear, corvania.point?.restated?.reportYear], [15, 2022, 2023]);
    // Largest first, then the countries that state nothing for it.
    const values = model.values.map((v) => v.value ?? -1);
    assert.deepStrictEqual(values, [...values].sort((a, b) => b - a));
    await waitFor('the Compare page to ask for its model', () => panel.sends > 0);
    // Another metric and year in the same panel.
    await vscode.commands.executeCommand('tipLens.compareCountries', 'victims-identified', 2020);
    assert.strictEqual(timeline.compare(), panel);
    await panel.settled();
    const again = panel.model as CompareModel;
    assert.deepStrictEqual([again.metric, again.year, again.values.find((v) => v.country === 'Corvania')?.value], ['victims-identified', 2020, 158]);
  });
});
