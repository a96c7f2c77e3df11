/**
 * The integration suites that run in the browser's web worker extension host (vscode.dev-like),
 * against the web-only package of TIP Lens (its manifest without `main`). Files are read and
 * written only through `vscode.workspace.fs`; the driver (scripts/test-web.js) puts the samples
 * in `web/` of the temporary workspace.
 */
import * as vscode from 'vscode';
import { deepEqual, equal, match, ok, waitFor } from './expect';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { DecorationsProbe } from '../../src/extension/decorations';
import type { DiagnosticsProbe } from '../../src/extension/diagnostics';
import type { ReportTreeProbe } from '../../src/extension/reportTree';
import type { StatusBarProbe } from '../../src/extension/statusBar';
import type { TipLensExports } from '../../src/extension/probes';
import type { CommandResult } from '../../src/extension/annotations/protocol';

const EXTENSION_ID = 'tip-lens.tip-lens';

let probes: ReadonlyMap<string, unknown>;
let service: AnalysisService;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  ok(f, 'the web tests need the workspace open');
  return f.uri;
}

const file = (relative: string): vscode.Uri => vscode.Uri.joinPath(folder(), ...relative.split('/'));

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The analysis of `doc`'s current version, once the service holds it. */
const analysed = (doc: vscode.TextDocument) => waitFor(() => service.current(doc));

const VELDORA = 'web/veldora-2023.tip.txt';

suite('Web worker: the host', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is not installed`);
    probes = (await extension.activate()).probes;
    service = probes.get('service') as AnalysisService;
  });

  test('these tests and TIP Lens run in the web worker: UI kind Web, no Node globals, the web-only package', () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    equal(typeof process, 'undefined', 'typeof process');
    equal(typeof (globalThis as { Buffer?: unknown }).Buffer, 'undefined', 'typeof Buffer');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    equal((extension.packageJSON as { main?: string }).main, undefined, 'the package has no main');
    equal((extension.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    ok(extension.isActive, 'TIP Lens is active');
  });
});

suite('Web worker: language', () => {
  test('a .tip.txt report and a plain .txt file whose first line is a title are TIP reports', async () => {
    equal((await show(file(VELDORA))).languageId, 'tip-report', VELDORA);
    const titled = await show(file('titled.txt'));
    await waitFor(() => titled.languageId === 'tip-report' || vscode.window.activeTextEditor?.document.languageId === 'tip-report');
  });

  test('a note stays plain text', async () => {
    const doc = await show(file('notes/essay.txt'));
    equal(doc.languageId, 'plaintext');
  });
});

suite('Web worker: highlights, status bar, hovers and the Report view', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    doc = await show(file(VELDORA));
  });

  test('every figure, amount and entity mention is highlighted', async () => {
    const decorations = probes.get('decorations') as DecorationsProbe;
    const report = await analysed(doc);
    const shown = await waitFor(() => {
      const s = decorations(doc.uri);
      return !!s && s.version === doc.version && s;
    });
    const count = (keys: (k: string) => boolean): number =>
      Object.entries(shown.ranges as Record<string, readonly vscode.Range[]>).filter(([k]) => keys(k)).reduce((n, [, r]) => n + r.length, 0);
    ok(report.analysis.figures.length > 10, 'the sample has figures');
    equal(count((k) => k.startsWith('figure.')), report.analysis.figures.length, 'highlighted figures');
    equal(count((k) => k.startsWith('entity.')), report.analysis.entities.reduce((n, e) => n + e.mentions.length, 0), 'highlighted mentions');
  });

  test('the status bar names the country, year and tier', async () => {
    const statusBar = probes.get('statusBar') as StatusBarProbe;
    const item = await waitFor(() => {
      const s = statusBar();
      return s.uri === doc.uri.toString() && s.version === doc.version && s;
    });
    match(JSON.stringify(item), /Veldora 2023 - Tier 2 Watch List/);
  });

  test('a hover over a figure says what it counts', async () => {
    const report = await analysed(doc);
    const figure = report.analysis.figures.find((f) => f.metric !== 'other')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(figure.start + 1));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    match(md, new RegExp(String(figure.value ?? '').replace(/\D/g, '').slice(0, 2) || '\\d'), 'the hover');
    ok(md.length > 20, 'the hover says something');
  });

  test('the Report view shows the report: its meta, figures, money and entities', async () => {
    const tree = probes.get('reportTree') as ReportTreeProbe;
    await waitFor(() => tree.shown?.version === doc.version);
    const roots = (await tree.provider.getChildren()) ?? [];
    const labels = await Promise.all(roots.map(async (n) => String((await tree.provider.getTreeItem(n)).label ?? '')));
    ok(labels.length >= 3, `root nodes: ${JSON.stringify(labels)}`);
    match(labels.join(' | '), /Figures/i);
    match(labels.join(' | '), /Entities/i);
  });
});

suite('Web worker: the check', () => {
  test('Check Consistency publishes the sample\'s findings with their quick fixes', async () => {
    const doc = await show(file(VELDORA));
    const diagnostics = probes.get('diagnostics') as DiagnosticsProbe;
    await vscode.commands.executeCommand('tipLens.checkConsistency');
    const found = await waitFor(() => {
      const s = diagnostics.snapshot(doc.uri);
      return s.length > 0 && s;
    });
    const repeated = found.find((d) => d.rule === 'repeated-figure' && /63 children/.test(d.message));
    ok(repeated, `the repeated figure: ${JSON.stringify(found.map((d) => d.message))}`);
    deepEqual(repeated.fixes, ['Take 58 here, as in the Summary', 'Take 63 in the Summary too']);
  });
});

suite('Web worker: annotations through workspace.fs', () => {
  test('Annotate Selection writes a valid annotation file beside the report, no temporary file left, the report untouched', async () => {
    const report = file(VELDORA);
    const before = await readText(report);
    const doc = await show(report);
    await analysed(doc);
    const at = doc.getText().indexOf('gendarmerie');
    ok(at > 0, 'the sample names the gendarmerie');
    const r = await vscode.commands.executeCommand<CommandResult>('tipLens.annotateSelection', report, at, at + 'gendarmerie'.length, 'entity:government-body', 'a named force');
    ok(r?.ok && r.id, JSON.stringify(r));
    const json = JSON.parse(await readText(file(`${VELDORA}.annotations.json`))) as { document: string; annotations: Array<{ id: string; decision: string; note?: string }> };
    equal(json.document, 'veldora-2023.tip.txt');
    deepEqual(json.annotations.map((a) => [a.id, a.decision, a.note]), [[r.id, 'manual', 'a named force']]);
    const left = (await vscode.workspace.fs.readDirectory(file('web'))).map(([n]) => n).filter((n) => n.endsWith('.tmp'));
    deepEqual(left, [], 'temporary files');
    equal(await readText(report), before, 'the report text');
    await waitFor(() => service.current(doc)?.analysis.entities.some((e) => e.type === 'government-body' && e.mentions.some((m) => m.start === at && m.status === 'manual')));
  });
});

/**
 * The Node integration suites (test/integration/) not run here: they and their support
 * (test/integration/support.ts) read and write the disk with Node's `fs` and assert with Node's
 * `assert`. Each shows as skipped (pending) with its reason, never as passed.
 */
suite('Web worker: not run in the web (Node suites that read the disk with fs)', () => {
  for (const name of [
    'checks (last year\'s narrative from disk)', 'correct', 'detection (plain-text narratives written with fs)', 'dismiss', 'docs',
    'export (a dataset written to a local folder)', 'glossaryHover', 'navigation', 'openReport', 'plainTextChoice', 'undo',
  ]) {
    test(`${name}: not ported to the web worker, its Node suite reads the disk with fs; it runs in npm run test:integration`);
  }
});
