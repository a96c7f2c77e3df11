/**
 * Issue 4 in a real VS Code: Go to Definition on an acronym, Find All References on an entity
 * and on a figure, the outline (document symbols) and folding by section. Runs on a copy of the
 * real seed narrative, made at test time in the temporary workspace (never committed).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'tip-lens.tip-lens';

async function seedDocument(): Promise<vscode.TextDocument> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'the extension is installed');
  const seed = path.resolve(ext.extensionPath, '..', 'shared', 'corpus', 'mali-2020.txt');
  assert.ok(fs.existsSync(seed), `the seed narrative is missing: ${seed}`);
  const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
  const copy = path.join(folder, 'navigation', 'mali-2020.tip.txt');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(seed, copy);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(copy));
  await vscode.window.showTextDocument(doc);
  assert.strictEqual(doc.languageId, 'tip-report');
  return doc;
}

function at(doc: vscode.TextDocument, quote: string, offsetInQuote = 0, occurrence = 0): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k <= occurrence; k++) i = text.indexOf(quote, i + 1);
  assert.ok(i >= 0, `not found: ${quote}`);
  return doc.positionAt(i + offsetInQuote);
}

suite('Navigation and structure', () => {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    doc = await seedDocument();
  });

  test('Go to Definition on an acronym goes to its long form', async () => {
    const links = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider', doc.uri, at(doc, 'GATIA', 1, 3));
    assert.strictEqual(links.length, 1);
    const l = links[0]!;
    const range = 'targetRange' in l ? l.targetRange : l.range;
    assert.strictEqual(doc.getText(range), 'Imghad Tuareg and Allies Self-Defense Group');
  });

  test('Go to Definition works where letters and long form differ (RAFY)', async () => {
    const links = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider', doc.uri, at(doc, 'RAFY assisted', 1));
    const l = links[0]!;
    assert.strictEqual(doc.getText('targetRange' in l ? l.targetRange : l.range), 'Fodé and Yeguine Network for Action');
  });

  test('Find All References on an entity lists every mention', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at(doc, 'FAMa', 1, 2));
    const texts = refs.map((r) => doc.getText(r.range));
    assert.strictEqual(texts.length, 8, texts.join(', ')); // the long form and seven FAMa
    assert.ok(texts.includes('Malian armed forces'));
    assert.strictEqual(texts.filter((t) => t === 'FAMa').length, doc.getText().split('FAMa').length - 1);
  });

  test('Find All References on a figure lists the figures of the same metric and period', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at(doc, '17 investigations', 0));
    const texts = refs.map((r) => doc.getText(r.range));
    assert.ok(texts.includes('17'));
    // The previous period's investigations only: not the current 40 new cases.
    assert.ok(!texts.includes('40'), texts.join(', '));
  });

  test('the outline lists the title, the tier and the sections', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(symbols.map((s) => s.name),
      ['Title', 'Tier', 'Summary', 'PRIORITIZED RECOMMENDATIONS', 'PROSECUTION', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']);
    const tier = symbols.find((s) => s.name === 'Tier')!;
    assert.strictEqual(tier.detail, 'Tier 2 Watch List');
    const prosecution = symbols.find((s) => s.name === 'PROSECUTION')!;
    assert.strictEqual(doc.getText(prosecution.selectionRange), 'PROSECUTION');
  });

  test('sections fold', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const starts = ranges.map((r) => doc.lineAt(r.start).text);
    for (const h of ['PROSECUTION', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']) assert.ok(starts.includes(h), `no fold at ${h}: ${starts.join(' | ')}`);
  });
});
