/**
 * Annotations in a real VS Code: annotating a selection writes the file beside the report; the
 * annotation follows edits in the editor and on disk, survives a reload from disk, is shown as
 * orphaned when its text is gone; a rejected figure leaves the tree, the highlights and the
 * checks; a corrupt annotation file is left as it is and refuses annotating; two editors of one
 * report share one set; a workspace schema colours its labels.
 *
 * Works on copies of `samples/veldora-2023.tip.txt` in a folder of the temporary workspace,
 * removed when done. The commands are called with their arguments (no quick picks); what the
 * extension shows is read through `probes`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, suiteFolder, waitFor, workspaceRoot } from './support';
import { parseAnnotationFile } from '../../src/core/annotations';
import type { AnalysisService, Report } from '../../src/extension/analysisService';
import type { AnnotationsProbe } from '../../src/extension/annotations';
import type { AnnotationDecorationsProbe } from '../../src/extension/annotations/decorations';
import type { CommandResult } from '../../src/extension/annotations/protocol';
import type { DecorationsProbe } from '../../src/extension/decorations';
import type { DiagnosticsProbe } from '../../src/extension/diagnostics';
import type { TipLensExports } from '../../src/extension/probes';
import type { ReportNode, ReportTreeProbe } from '../../src/extension/reportTree';

const suiteDir = suiteFolder('annotations');

let service: AnalysisService;
let annotations: AnnotationsProbe;
let tree: ReportTreeProbe;
let highlights: DecorationsProbe;
let annotationHighlights: AnnotationDecorationsProbe;
let diagnostics: DiagnosticsProbe;
let sample: string;

const folder = (): string => suiteDir.path();
const write = (name: string, text: string): vscode.Uri => suiteDir.write(name, text);

/** The open document of `uri` (a document closed and opened again is another object). */
function docOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}

/** Waits for the published analysis of the current version of `uri` that satisfies `ok`. */
async function settled(uri: vscode.Uri, what: string, ok: (r: Report) => boolean): Promise<Report> {
  let last: Report | undefined;
  await waitFor(
    () => `${what} (last report: ${last ? `v${last.version}, ${last.annotated.anchored.length} annotations` : 'none'})`,
    () => {
      const doc = docOf(uri);
      last = doc ? service.current(doc) : undefined;
      if (doc && !last) void service.report(doc);
      return !!last && ok(last);
    },
  );
  return last!;
}

const annotationFile = (uri: vscode.Uri): string => `${uri.fsPath}.annotations.json`;

function readAnnotationFile(uri: vscode.Uri) {
  const parsed = parseAnnotationFile(fs.readFileSync(annotationFile(uri), 'utf8'));
  assert.ok(parsed.ok, `the annotation file is valid: ${parsed.ok ? '' : parsed.error}`);
  return parsed.file;
}

/**
 * Reads `file` every few milliseconds until stopped, and counts the reads that found no file:
 * an atomic write never leaves a moment without one.
 */
function watchReads(file: string): { stop(): { reads: number; missing: number } } {
  let reads = 0;
  let missing = 0;
  const timer = setInterval(() => {
    reads++;
    try {
      fs.readFileSync(file);
    } catch {
      missing++;
    }
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return { reads, missing };
    },
  };
}

async function command(id: string, ...args: unknown[]): Promise<CommandResult> {
  const r = await vscode.commands.executeCommand<CommandResult>(id, ...args);
  assert.ok(r, `${id} returned nothing`);
  return r;
}

async function open(uri: vscode.Uri, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.saveAll');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

// ---- The Report view ----------------------------------------------------------------------

const itemOf = (node: ReportNode): vscode.TreeItem => tree.provider.getTreeItem(node) as vscode.TreeItem;

function labelOf(node: ReportNode): string {
  const label = itemOf(node).label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

async function children(node?: ReportNode): Promise<ReportNode[]> {
  return ((await tree.provider.getChildren(node)) ?? []) as ReportNode[];
}

async function walk(node?: ReportNode, out: ReportNode[] = []): Promise<ReportNode[]> {
  for (const c of await children(node)) {
    out.push(c);
    await walk(c, out);
  }
  return out;
}

/** The tree shows `uri` as it is now (the version of the open document). */
async function treeShows(uri: vscode.Uri, ok: (r: Report) => boolean = () => true): Promise<void> {
  await waitFor(`the Report view to show ${path.basename(uri.fsPath)}`, () => {
    const doc = docOf(uri);
    const shown = tree.shown;
    return !!doc && !!shown && shown.document === doc && shown.version === doc.version && shown === service.current(doc) && ok(shown);
  });
}

async function myAnnotations(): Promise<ReportNode[]> {
  const group = (await children()).find((n) => labelOf(n) === 'My annotations');
  assert.ok(group, `no "My annotations" group; the roots are ${(await children()).map(labelOf).join(' | ')}`);
  return children(group);
}

// ---------------------------------------------------------------------------------------------

suite('Annotations', () => {
  let report: vscode.Uri;
  let id: string;

  suiteSetup(async function () {
    this.timeout(60_000);
    const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const api = await extension.activate();
    service = api.probes.get('service') as AnalysisService;
    annotations = api.probes.get('annotations') as AnnotationsProbe;
    tree = api.probes.get('reportTree') as ReportTreeProbe;
    highlights = api.probes.get('decorations') as DecorationsProbe;
    annotationHighlights = api.probes.get('annotationDecorations') as AnnotationDecorationsProbe;
    diagnostics = api.probes.get('diagnostics') as DiagnosticsProbe;
    assert.ok(annotations && annotationHighlights, 'the annotations record themselves in probes');
    sample = sampleText('veldora-2023.tip.txt');
    report = write('veldora-2023.tip.txt', sample);
    await vscode.commands.executeCommand('workbench.view.extension.tipLens');
    await open(report);
  });

  suiteTeardown(async () => {
    await closeAll();
    suiteDir.remove();
    fs.rmSync(path.join(workspaceRoot(), '.tip-lens'), { recursive: true, force: true });
  });

  test('Annotate Selection with arguments: the JSON file appears beside the report, valid, and the annotation shows', async () => {
    const doc = docOf(report)!;
    const at = doc.getText().indexOf('gendarmerie');
    assert.ok(at > 0);
    assert.ok(!fs.existsSync(annotationFile(report)), 'no annotation file before the first annotation');
    const r = await command('tipLens.annotateSelection', report, at, at + 'gendarmerie'.length, 'entity:government-body', 'a named force in this report');
    assert.ok(r.ok && r.id, JSON.stringify(r));
    id = r.id;

    const file = readAnnotationFile(report);
    assert.strictEqual(file.document, 'veldora-2023.tip.txt');
    assert.strictEqual(file.annotations.length, 1);
    const a = file.annotations[0]!;
    assert.deepStrictEqual([a.id, a.decision, a.label, a.note], [id, 'manual', { kind: 'entity', type: 'government-body' }, 'a named force in this report']);
    assert.deepStrictEqual([a.selector[0].start, a.selector[0].end, a.selector[1].exact], [at, at + 11, 'gendarmerie']);
    // No temporary file is left behind.
    assert.deepStrictEqual(fs.readdirSync(folder()).filter((f) => f.endsWith('.tmp')), []);
    // The report text itself is untouched (standoff).
    assert.strictEqual(fs.readFileSync(report.fsPath, 'utf8'), sample);

    // The decision overrides the engine: the analysis every feature reads has the new entity.
    await settled(report, 'the manual entity in the analysis', (rep) =>
      rep.analysis.entities.some((e) => e.type === 'government-body' && e.mentions.some((m) => m.start === at && m.status === 'manual')));
    await waitFor('the annotation highlight', () => (annotationHighlights(report)?.ranges['labelled'] ?? []).some((x) => doc.offsetAt(x.start) === at));
    await treeShows(report);
    const mine = await myAnnotations();
    assert.deepStrictEqual(mine.map(labelOf), ['“gendarmerie”']);
    assert.match(String(itemOf(mine[0]!).description), /Entity: government body \(added\) · line \d+/);
    // The hover says who decided, with the note and the commands.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, doc.positionAt(at + 2));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(md, /added by you/);
    assert.match(md, /a named force in this report/);
    assert.match(md, /command:tipLens\.fromHover\?[^)]*tipLens\.rejectItem/);
  });

  test('an edit above the annotation: it stays on its text, in memory and, once saved, in the file', async () => {
    const doc = docOf(report)!;
    const at = readAnnotationFile(report).annotations[0]!.selector[0].start;
    const line = 'A line of our own, inserted above.\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(report, new vscode.Position(0, 0), line);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const rep = await settled(report, 'the annotation moved with the text', (r) => r.annotated.anchored.some((a) => a.annotation.id === id && a.span?.start === at + line.length));
    const span = rep.annotated.anchored.find((a) => a.annotation.id === id)!.span!;
    assert.strictEqual(doc.getText().slice(span.start, span.end), 'gendarmerie');
    assert.strictEqual(annotations.store.annotations(report)[0]!.selector[0].start, at + line.length, 'the position follows the edit in memory');
    // Saving the report writes the selectors of the saved text.
    await doc.save();
    await waitFor('the file to have the new position', () => readAnnotationFile(report).annotations[0]!.selector[0].start === at + line.length);
    const q = readAnnotationFile(report).annotations[0]!.selector[1];
    assert.strictEqual(q.exact, 'gendarmerie');
  });

  test('"reload": the set is dropped from memory and read again from disk, also after an edit made while the report was closed', async () => {
    // A real window reload (workbench.action.reloadWindow) would end the extension host that
    // runs these tests. Instead, the report is closed for good (the store lets go of its set),
    // edited outside VS Code, and opened again: the set comes from disk.
    assert.ok(annotations.store.has(report), 'the set is in memory while the report is open');
    await closeAll();
    // Closing its editors is not enough: VS Code keeps a document an extension opened (these
    // tests did) for up to three minutes. Moved away by a workspace edit, it lets go of it at once.
    const aside = vscode.Uri.file(path.join(folder(), 'veldora-2023.aside'));
    const move = new vscode.WorkspaceEdit();
    move.renameFile(report, aside);
    assert.ok(await vscode.workspace.applyEdit(move), 'the report moved aside');
    await waitFor('the document to close', () => !docOf(report));
    assert.ok(!annotations.store.has(report), 'nothing of the set is left in memory once the report is closed');
    const loads = annotations.store.loads;
    // Meanwhile, someone edits the report outside VS Code and puts it back where it was. (The
    // copy aside stays until the suite's folder goes: VS Code's local history copies it meanwhile.)
    const prefix = 'An opening paragraph written in another editor.\n\n';
    const saved = fs.readFileSync(aside.fsPath, 'utf8');
    fs.writeFileSync(report.fsPath, prefix + saved);
    const at = saved.indexOf('gendarmerie') + prefix.length;
    await open(report);
    assert.ok(docOf(report)!.getText().startsWith(prefix), 'the report opened again is the text edited outside');
    const rep = await settled(report, 'the annotation read from disk, on its text', (r) => r.annotated.anchored.some((a) => a.annotation.id === id && a.span?.start === at));
    assert.ok(annotations.store.loads > loads, 'the set was read from the file again');
    const doc = docOf(report)!;
    const span = rep.annotated.anchored.find((a) => a.annotation.id === id)!.span!;
    assert.strictEqual(doc.getText().slice(span.start, span.end), 'gendarmerie');
    assert.ok(rep.analysis.entities.some((e) => e.mentions.some((m) => m.start === at && m.status === 'manual')));
  });

  test('an edit of the report on disk while it is open re-anchors the annotation', async () => {
    const doc = docOf(report)!;
    assert.ok(!doc.isDirty);
    const before = doc.getText();
    const at = before.indexOf('gendarmerie');
    const prefix = 'Inserted by a script, outside VS Code.\n';
    fs.writeFileSync(report.fsPath, prefix + before);
    await waitFor('VS Code to read the changed file', () => docOf(report)?.getText().startsWith(prefix) === true);
    const rep = await settled(report, 'the annotation after the outside edit', (r) => r.annotated.anchored.some((a) => a.annotation.id === id && a.span?.start === at + prefix.length));
    assert.strictEqual(rep.annotated.orphaned.length, 0);
  });

  test('deleting the annotated text: the annotation is orphaned, shown with its quote in "My annotations", never dropped', async () => {
    const doc = docOf(report)!;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    // A note on a phrase the report states once (a quote stated elsewhere too would be found there).
    const at = doc.getText().indexOf('mining sites');
    const r = await command('tipLens.annotateSelection', report, at, at + 'mining sites'.length, 'free:note', 'which sites?');
    assert.ok(r.ok && r.id);
    const note = r.id;
    await settled(report, 'the note', (x) => x.annotated.anchored.some((a) => a.annotation.id === note && a.span?.start === at));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(report, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'mining sites'.length)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await settled(report, 'the note orphaned', (x) => x.annotated.orphaned.some((a) => a.id === note));
    await treeShows(report, (x) => x.annotated.orphaned.length > 0);
    const mine = await myAnnotations();
    assert.strictEqual(mine.length, 2, 'the manual entity and the note');
    const orphan = mine.find((n) => labelOf(n) === '“mining sites”');
    assert.ok(orphan, `the orphaned annotation is listed with its quote: ${mine.map(labelOf).join(' | ')}`);
    assert.match(String(itemOf(orphan).description), /orphaned/);
    assert.strictEqual(itemOf(orphan).contextValue, 'annotation.orphaned');
    // Saved: the file keeps it.
    await doc.save();
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(readAnnotationFile(report).annotations.some((a) => a.id === note && a.selector[1].exact === 'mining sites' && a.note === 'which sites?'));
    assert.strictEqual(readAnnotationFile(report).annotations.length, 2);
  });

  test('rejecting the figure 58 takes it out of the tree, the highlights and the checks; the hover offers to undo it', async () => {
    const doc = docOf(report)!;
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
    const at = doc.getText().indexOf('identified 58 children') + 'identified '.length;
    await settled(report, 'the figure 58', (r) => r.analysis.figures.some((f) => f.start === at && f.text === '58'));
    // Planted P1: 58 in the summary, 63 in PROTECTION.
    await vscode.commands.executeCommand('tipLens.checkConsistency', report);
    const repeated = (): boolean => diagnostics.snapshot(report).some((d) => d.rule === 'repeated-figure');
    await waitFor('the repeated-figure finding on 58 and 63', repeated);

    const r = await command('tipLens.rejectItem', report, at, at + 2);
    assert.ok(r.ok, JSON.stringify(r));
    const rep = await settled(report, 'the figure rejected', (x) => !x.analysis.figures.some((f) => f.start === at) && x.annotated.rejected.figures.some((f) => f.start === at));
    assert.ok(rep.engine.figures.some((f) => f.start === at), "the engine's own analysis still has it");
    assert.ok(readAnnotationFile(report).annotations.some((a) => a.decision === 'reject' && a.about === 'figure' && a.selector[0].start === at));

    await treeShows(report, (x) => !x.analysis.figures.some((f) => f.start === at));
    const figures = (await walk((await children()).find((n) => labelOf(n) === 'Figures'))).filter((n) => n.kind === 'figure');
    assert.ok(figures.length > 10);
    assert.ok(!figures.some((n) => n.kind === 'figure' && n.figure.start === at), 'the rejected figure is not in the tree');
    await waitFor('the highlight of 58 to go', () => {
      const s = highlights(report);
      if (!s || s.version !== doc.version) return false;
      const figureRanges = Object.entries(s.ranges).filter(([k]) => k.startsWith('figure.')).flatMap(([, v]) => v);
      return figureRanges.length > 0 && !figureRanges.some((x) => doc.offsetAt(x.start) === at);
    });
    await waitFor('the rejected mark', () => (annotationHighlights(report)?.ranges['rejected'] ?? []).some((x) => doc.offsetAt(x.start) === at));
    await waitFor('the repeated-figure finding to go', () => !repeated());

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, doc.positionAt(at));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(md, /Rejected by you: figure 58/);
    assert.match(md, /\[Undo Reject\]\(command:tipLens\.fromHover\?[^)]*tipLens\.deleteAnnotation/);
  });

  test('confirm and change type at the cursor: code actions, the command with arguments, the tree and the hover follow', async () => {
    const doc = docOf(report)!;
    const at = doc.getText().indexOf('identifying 298') + 'identifying '.length;
    await settled(report, 'the figure 298', (r) => r.analysis.figures.some((f) => f.start === at));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', report, new vscode.Range(doc.positionAt(at + 1), doc.positionAt(at + 1)));
    const titles = actions.map((a) => a.title);
    for (const t of ['Confirm figure 298', 'Reject figure 298', 'Correct figure 298…', 'Change Type of figure 298…']) assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);

    const reader = watchReads(annotationFile(report));
    assert.ok((await command('tipLens.confirmItem', report, at, at + 3)).ok);
    await settled(report, '298 confirmed', (r) => r.analysis.figures.some((f) => f.start === at && f.status === 'confirmed'));
    let hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, doc.positionAt(at + 1));
    assert.match(hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n'), /confirmed by you/);

    assert.ok((await command('tipLens.changeItemType', report, at, at + 3, 'figure:victims-referred', 'counts referrals')).ok);
    const reads = reader.stop();
    assert.strictEqual(reads.missing, 0, `the annotation file was missing in ${reads.missing} of ${reads.reads} reads while it was written`);
    const rep = await settled(report, '298 retyped', (r) => r.analysis.figures.some((f) => f.start === at && f.status === 'corrected' && f.metric === 'victims-referred'));
    // One decision per item: the confirmation was replaced.
    const on298 = rep.annotated.anchored.filter((a) => a.span?.start === at);
    assert.deepStrictEqual(on298.map((a) => a.annotation.decision), ['correct']);
    hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', report, doc.positionAt(at + 1));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(md, /corrected by you: metric \(TIP Lens read victims identified\)/);
    assert.match(md, /counts referrals/);
    await treeShows(report, (r) => r.analysis.figures.some((f) => f.status === 'corrected'));
    const figures = (await walk((await children()).find((n) => labelOf(n) === 'Figures'))).filter((n) => n.kind === 'figure' && n.figure.start === at);
    assert.strictEqual(figures.length, 1);
    assert.match(String(itemOf(figures[0]!).description), /corrected/);
    assert.strictEqual(itemOf(figures[0]!).contextValue, 'figure');
  });

  test('Edit Note and Delete Annotation from the tree (its node as argument): deleting the decision gives the item back to the engine', async () => {
    const doc = docOf(report)!;
    const at = doc.getText().indexOf('identifying 298') + 'identifying '.length;
    await treeShows(report, (r) => r.analysis.figures.some((f) => f.start === at && f.status === 'corrected'));
    const node = (await myAnnotations()).find((n) => n.kind === 'annotation' && n.anchored.span?.start === at);
    assert.ok(node, 'the decision on 298 is listed');
    assert.strictEqual(itemOf(node).contextValue, 'annotation');
    // No editor needed: the node names its report and its annotation.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok((await command('tipLens.editAnnotationNote', node, 'referred, not identified')).ok);
    await waitFor('the new note in the file', () => readAnnotationFile(report).annotations.some((a) => a.selector[0].start === at && a.note === 'referred, not identified'));
    assert.ok((await command('tipLens.deleteAnnotation', node)).ok);
    const rep = await settled(report, "298 back to the engine's", (r) => r.analysis.figures.some((f) => f.start === at && f.status === undefined));
    const engine = rep.engine.figures.find((f) => f.start === at)!;
    assert.strictEqual(rep.analysis.figures.find((f) => f.start === at)!.metric, engine.metric);
    assert.ok(!readAnnotationFile(report).annotations.some((a) => a.selector[0].start === at));
    await open(report);
  });

  test('a corrupt annotation file is left untouched byte for byte, and annotating is refused with a message naming it', async () => {
    const uri = write('corrupt-2023.tip.txt', sample);
    const bad = Buffer.from('{ "schemaVersion": 1, "document": "corrupt-2023.tip.txt", "annotations": [ { "id": "a1", ', 'utf8');
    fs.writeFileSync(annotationFile(uri), bad);
    const editor = await open(uri);
    await settled(uri, 'the corrupt report read', () => true);
    await waitFor('the problem to be known', () => annotations.store.problem(uri) !== undefined);
    const problem = annotations.store.problem(uri)!;
    assert.match(problem, /corrupt-2023\.tip\.txt\.annotations\.json/);
    assert.match(problem, /not valid JSON/);
    assert.ok(annotations.messages.some((m) => m.severity === 'warning' && m.text === problem), 'a warning was shown');

    const at = sample.indexOf('Dira');
    const r = await command('tipLens.annotateSelection', uri, at, at + 4, 'free:note', 'refused');
    assert.ok(!r.ok);
    assert.strictEqual(r.message, problem);
    const rejected = await command('tipLens.rejectItem', uri, sample.indexOf('298'), sample.indexOf('298') + 3);
    assert.ok(!rejected.ok);
    // Edited and saved: the file is still not touched.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    await editor.document.save();
    await new Promise((res) => setTimeout(res, 300));
    assert.ok(fs.readFileSync(annotationFile(uri)).equals(bad), 'the corrupt file is unchanged');
    assert.deepStrictEqual(fs.readdirSync(folder()).filter((f) => f.endsWith('.tmp')), []);

    // A file that is JSON but not of the schema gets the same treatment.
    const newer = Buffer.from(JSON.stringify({ schemaVersion: 7, document: 'corrupt-2023.tip.txt', annotations: [] }));
    fs.writeFileSync(annotationFile(uri), newer);
    await waitFor('the watcher to read the new problem', () => /newer than this TIP Lens reads/.test(annotations.store.problem(uri) ?? ''));
    assert.ok(!(await command('tipLens.annotateSelection', uri, at, at + 4, 'free:note', 'refused')).ok);
    assert.ok(fs.readFileSync(annotationFile(uri)).equals(newer));

    // Fixed outside: annotating works again.
    fs.writeFileSync(annotationFile(uri), JSON.stringify({ schemaVersion: 1, document: 'corrupt-2023.tip.txt', annotations: [] }));
    await waitFor('the file to be usable again', () => annotations.store.problem(uri) === undefined);
    const doc = docOf(uri)!;
    const ok = await command('tipLens.annotateSelection', uri, doc.getText().indexOf('Dira'), doc.getText().indexOf('Dira') + 4, 'free:note', 'fine now');
    assert.ok(ok.ok, JSON.stringify(ok));
    assert.strictEqual(readAnnotationFile(uri).annotations.length, 1);
  });

  test('two editors of one report (split) share one set of annotations', async () => {
    await closeAll();
    const uri = write('split-2023.tip.txt', sample);
    const left = await open(uri, vscode.ViewColumn.One);
    const right = await open(uri, vscode.ViewColumn.Two);
    assert.strictEqual(left.document, right.document);
    const doc = right.document;
    await settled(uri, 'the split report read', () => true);
    // Annotate in the right editor, through its selection.
    const at = doc.getText().indexOf('Ambrou');
    right.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 6));
    const r = await command('tipLens.annotateSelection', { label: 'free:note', note: 'from the right' });
    assert.ok(r.ok, JSON.stringify(r));
    // Then in the left one.
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    const at2 = doc.getText().indexOf('Dira');
    const leftEditor = vscode.window.activeTextEditor!;
    assert.strictEqual(leftEditor.viewColumn, vscode.ViewColumn.One);
    leftEditor.selection = new vscode.Selection(doc.positionAt(at2), doc.positionAt(at2 + 4));
    assert.ok((await command('tipLens.annotateSelection', { label: 'free:note', note: 'from the left' })).ok);

    assert.deepStrictEqual(annotations.store.annotations(uri).map((a) => a.note), ['from the right', 'from the left']);
    assert.deepStrictEqual(readAnnotationFile(uri).annotations.map((a) => a.note), ['from the right', 'from the left']);
    await waitFor(() => `both editors to show both annotations: ${JSON.stringify(annotationHighlights(uri))}`, () => {
      const s = annotationHighlights(uri);
      return !!s && s.editors === 2 && (s.ranges['labelled'] ?? []).length === 2;
    });
  });

  test('a workspace schema (.tip-lens/schema.json) gives its labels and their colours', async () => {
    const schemaFile = path.join(workspaceRoot(), '.tip-lens', 'schema.json');
    fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
    fs.writeFileSync(schemaFile, JSON.stringify({
      labels: [{ id: 'corruption', title: 'Corruption', description: 'Official complicity', label: { kind: 'free', label: 'corruption' }, color: '#c00' }],
    }));
    const uri = vscode.Uri.file(path.join(folder(), 'split-2023.tip.txt'));
    await waitFor(() => `the workspace schema (${annotations.schemas.events} watcher events)`, () => annotations.schemas.schemaFor(uri).labels.some((l) => l.id === 'corruption'));
    const doc = docOf(uri)!;
    const at = doc.getText().indexOf('complicity');
    assert.ok(at > 0);
    assert.ok((await command('tipLens.annotateSelection', uri, at, at + 10, 'corruption')).ok);
    await waitFor(() => `the schema colour: ${JSON.stringify(Object.keys(annotationHighlights(uri)?.ranges ?? {}))}`, () => (annotationHighlights(uri)?.ranges['label:#c00'] ?? []).length === 1);
    fs.rmSync(path.dirname(schemaFile), { recursive: true, force: true });
    await waitFor('the default schema again', () => annotations.schemas.schemaFor(uri).labels.some((l) => l.id === 'entity:ngo'));
  });
});
