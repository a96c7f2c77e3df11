/**
 * Issue 6 (export) in a real VS Code: `TIP Lens: Export Dataset` with its arguments (folder,
 * format, output) on copies of the samples: the CSV reads back with the Veldora figures and
 * their status (a rejection in the annotation file beside the report says `rejected`); an open
 * report is exported as it is in the editor; a folder outside the workspace as brat, with a
 * corrupt annotation file reported; the BOM setting.
 *
 * Works on copies in `export-it/` of the temporary workspace and in a temporary folder outside
 * it, both removed when done (so that later suites' workspace index does not read them).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { selectorFor, type Annotation } from '../../src/core/annotations';
import type { ExportDatasetResult } from '../../src/extension/exportDataset';
import { parseCsv } from '../support/cli';
import { EXTENSION_ID } from './support';

function objects(csv: string): Array<Record<string, string>> {
  const [header, ...body] = parseCsv(csv);
  assert.ok(header);
  return body.map((r) => {
    assert.strictEqual(r.length, header.length);
    return Object.fromEntries(header.map((h, k) => [h, r[k]!]));
  });
}

function annotation(text: string, quote: string, rest: Partial<Annotation>): Annotation {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, quote);
  return { id: `it-${at}`, decision: 'note', selector: selectorFor(text, at, at + quote.length), created: '2026-12-01T00:00:00Z', ...rest };
}

suite('Export Dataset', () => {
  let samples: string;
  let inside: string;
  let outside: string;

  const run = (...args: unknown[]): Thenable<ExportDatasetResult> => vscode.commands.executeCommand<ExportDatasetResult>('tipLens.exportDataset', ...args);

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    samples = path.join(extension.extensionPath, 'samples');
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(root, 'the tests need the fixture workspace open');
    inside = path.join(root, 'export-it');
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-export-it-'));
    for (const dir of [inside, path.join(outside, 'reports')]) {
      fs.mkdirSync(dir, { recursive: true });
      fs.cpSync(samples, dir, { recursive: true });
    }
    const text = fs.readFileSync(path.join(samples, 'veldora-2023.tip.txt'), 'utf8');
    const annotations = [
      annotation(text, '58', { decision: 'reject', about: 'figure', note: 'the summary should say 63' }),
      annotation(text, 'gendarmerie', { decision: 'manual', label: { kind: 'entity', type: 'government-body' } }),
    ];
    fs.writeFileSync(path.join(inside, 'veldora-2023.tip.txt.annotations.json'),
      JSON.stringify({ schemaVersion: 1, document: 'veldora-2023.tip.txt', annotations }, null, 2));
    // Not reports, or not to be searched.
    fs.writeFileSync(path.join(inside, 'notes.txt'), 'Notes on trafficking: 40 cases to check.\n');
    fs.mkdirSync(path.join(inside, 'node_modules', 'pkg'), { recursive: true });
    fs.copyFileSync(path.join(samples, 'veldora-2022.tip.txt'), path.join(inside, 'node_modules', 'pkg', 'copy.tip.txt'));
    fs.writeFileSync(path.join(outside, 'reports', 'veldora-2022.tip.txt.annotations.json'), '{ "schemaVersion": 1, "document": "x", "annotations": [ {} ] }');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('tipLens').update('export.byteOrderMark', undefined, vscode.ConfigurationTarget.Global);
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.fsPath.includes(`${path.sep}export-it${path.sep}`)) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(inside, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  test('a folder as CSV: the Veldora figures with their status, the annotation file applied', async () => {
    const out = vscode.Uri.file(path.join(outside, 'dataset.csv'));
    const result = await run(vscode.Uri.file(inside), 'csv', out);
    assert.deepStrictEqual([result.cancelled, result.format, result.reports, result.annotationErrors], [false, 'csv', 2, []]);
    // The message offers what works here: Open; no Reveal in the browser's workbench, nor Show in Explorer outside the workspace.
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { probes: ReadonlyMap<string, unknown> };
    assert.deepStrictEqual((api.probes.get('exportActions') as () => string[])(), vscode.env.uiKind === vscode.UIKind.Web ? ['Open'] : ['Open', 'Reveal in File Manager']);
    const csv = fs.readFileSync(out.fsPath, 'utf8');
    assert.ok(csv.startsWith('kind,file,country,year,tier,section,start,end,'), 'no BOM by default');
    const rows = objects(csv);
    assert.strictEqual(rows.length, result.rows);
    assert.deepStrictEqual([...new Set(rows.map((r) => r.file))], ['veldora-2022.tip.txt', 'veldora-2023.tip.txt']);
    const fig = (file: string, text: string): Record<string, string> | undefined =>
      rows.find((r) => r.file === file && r.kind === 'figure' && r.text === text);
    const f58 = fig('veldora-2023.tip.txt', '58')!;
    assert.deepStrictEqual(
      [f58.country, f58.year, f58.tier, f58.section, f58.metric, f58.period, f58.value, f58.status, f58.note],
      ['Veldora', '2023', 'Tier 2 Watch List', 'summary', 'child-soldiers', 'current', '58', 'rejected', 'the summary should say 63']);
    assert.deepStrictEqual([fig('veldora-2023.tip.txt', '298')?.metric, fig('veldora-2023.tip.txt', '298')?.status], ['victims-identified', 'automatic']);
    assert.strictEqual(fig('veldora-2022.tip.txt', '344')?.year, '2022');
    const g = rows.find((r) => r.kind === 'entity' && r.text === 'gendarmerie')!;
    assert.deepStrictEqual([g.status, g.entity_type], ['manual', 'government-body']);
    assert.deepStrictEqual(rows.filter((r) => r.kind === 'annotation').map((r) => r.status).sort(), ['manual', 'rejected']);
    // Offsets point at the text of the report.
    const text = fs.readFileSync(path.join(inside, 'veldora-2023.tip.txt'), 'utf8');
    for (const r of rows.filter((x) => x.file === 'veldora-2023.tip.txt')) assert.strictEqual(text.slice(Number(r.start), Number(r.end)), r.text);
  });

  test('an open report is exported as it is in the editor, unsaved edits included', async () => {
    const uri = vscode.Uri.file(path.join(inside, 'veldora-2022.tip.txt'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const line = editor.document.lineAt(4);
    await editor.edit((e) => e.insert(line.range.end, ' Officials identified 777 victims during the reporting period.'));
    assert.ok(editor.document.isDirty);
    const out = vscode.Uri.file(path.join(outside, 'dataset.jsonl'));
    const result = await run(vscode.Uri.file(inside), 'jsonl', out);
    assert.strictEqual(result.reports, 2);
    const rows = fs.readFileSync(out.fsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const added = rows.find((r) => r['file'] === 'veldora-2022.tip.txt' && r['text'] === '777');
    assert.ok(added, 'the unsaved figure is exported');
    assert.deepStrictEqual([added['value'], added['kind'], added['status']], [777, 'figure', 'automatic']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a folder outside the workspace as brat; a corrupt annotation file is reported, its report exported without it', async () => {
    const out = vscode.Uri.file(path.join(outside, 'brat'));
    const result = await run(path.join(outside, 'reports'), 'brat', out);
    assert.strictEqual(result.reports, 2);
    assert.deepStrictEqual(result.annotationErrors.map((e) => e.file), ['veldora-2022.tip.txt.annotations.json']);
    assert.match(result.annotationErrors[0]!.error, /annotation 1/);
    assert.deepStrictEqual(fs.readdirSync(out.fsPath).sort(), ['annotation.conf', 'veldora-2022.ann', 'veldora-2022.txt', 'veldora-2023.ann', 'veldora-2023.txt']);
    const txt = fs.readFileSync(path.join(out.fsPath, 'veldora-2023.txt'), 'utf8');
    assert.strictEqual(txt, fs.readFileSync(path.join(samples, 'veldora-2023.tip.txt'), 'utf8'));
    const ann = fs.readFileSync(path.join(out.fsPath, 'veldora-2023.ann'), 'utf8');
    const chars = Array.from(txt);
    let n = 0;
    for (const l of ann.split('\n').filter((x) => x.startsWith('T'))) {
      const m = /^T\d+\t\S+ (\d+) (\d+)\t(.*)$/.exec(l);
      assert.ok(m, l);
      assert.strictEqual(chars.slice(Number(m[1]), Number(m[2])).join(''), m[3]);
      n++;
    }
    assert.ok(n > 100, `${n} T lines`);
    assert.match(ann, /^T\d+\tFigure-child-soldiers \d+ \d+\t58$/m);
  });

  test('the byteOrderMark setting starts the CSV with a byte order mark', async () => {
    await vscode.workspace.getConfiguration('tipLens').update('export.byteOrderMark', true, vscode.ConfigurationTarget.Global);
    const out = vscode.Uri.file(path.join(outside, 'bom.csv'));
    const result = await run(vscode.Uri.file(path.join(inside, 'veldora-2023.tip.txt')), 'csv', out);
    assert.strictEqual(result.reports, 1);
    const bytes = fs.readFileSync(out.fsPath);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    await vscode.workspace.getConfiguration('tipLens').update('export.byteOrderMark', undefined, vscode.ConfigurationTarget.Global);
  });
});
