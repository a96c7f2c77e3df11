/**
 * Issue 4 in a real VS Code: Go to Definition on an acronym, Find All References on an entity
 * and on a figure, the outline (document symbols) and folding by section. Runs on a copy of the
 * Veldora sample, and of the real seed narrative (never committed) in a suite of its own that
 * runs only where the corpus is; copies are made at test time in the temporary workspace.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { sampleText, seedSuite, seedText, suiteFolder } from './support';

const here = suiteFolder('navigation');

async function reportDocument(name: string, text: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(here.write(name, text));
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

/** Where to look in one narrative, and what must be found there. */
interface NavigationFacts {
  /** An acronym's mention (quote, offset in it, occurrence) and its long form. */
  readonly definition: readonly [quote: string, offset: number, occurrence: number, longForm: string];
  /** The same where the acronym's letters and its long form differ. */
  readonly otherLetters: readonly [quote: string, offset: number, occurrence: number, longForm: string];
  /** An entity's acronym (a mention at `occurrence`), its long form and its number of mentions. */
  readonly entity: readonly [acronym: string, occurrence: number, longForm: string, mentions: number];
  /** A previous-period figure (quote) and the current figure of the same metric that must not be among its references. */
  readonly figure: readonly [quote: string, value: string, current: string];
  /** A figure stated three times (quote), and another figure of the same metric and period that is no mention of it. */
  readonly restated: readonly [quote: string, value: string, other: string];
  /** The title line and the tier, as the outline names them. */
  readonly outline: readonly [title: string, tier: string];
}

/** The navigation of one narrative of sections PROSECUTION to TRAFFICKING PROFILE, on Tier 2 Watch List. */
function navigationSpec(name: string, text: () => string, facts: NavigationFacts): void {
  let doc: vscode.TextDocument;
  suiteSetup(async () => {
    doc = await reportDocument(name, text());
  });

  // The copy goes, so that the workspace index of later suites does not read it.
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    here.remove();
  });

  const definitionOf = async (quote: string, offset: number, occurrence: number): Promise<string> => {
    const links = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider', doc.uri, at(doc, quote, offset, occurrence));
    assert.strictEqual(links.length, 1);
    const l = links[0]!;
    return doc.getText('targetRange' in l ? l.targetRange : l.range);
  };

  test('Go to Definition on an acronym goes to its long form', async () => {
    const [quote, offset, occurrence, longForm] = facts.definition;
    assert.strictEqual(await definitionOf(quote, offset, occurrence), longForm);
  });

  test(`Go to Definition works where letters and long form differ (${facts.otherLetters[0].split(/\W/)[0]})`, async () => {
    const [quote, offset, occurrence, longForm] = facts.otherLetters;
    assert.strictEqual(await definitionOf(quote, offset, occurrence), longForm);
  });

  test('Find All References on an entity lists every mention', async () => {
    const [acronym, occurrence, longForm, mentions] = facts.entity;
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at(doc, acronym, 1, occurrence));
    const texts = refs.map((r) => doc.getText(r.range));
    assert.strictEqual(texts.length, mentions, texts.join(', ')); // the long form and every acronym
    assert.ok(texts.includes(longForm));
    assert.strictEqual(texts.filter((t) => t === acronym).length, doc.getText().split(acronym).length - 1);
  });

  test('Find All References on a figure lists its own mentions: the same quantity stated again', async () => {
    const [quote, value, other] = facts.restated;
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, at(doc, quote, 0));
    const texts = refs.filter((r) => r.uri.toString() === doc.uri.toString()).map((r) => doc.getText(r.range));
    assert.deepStrictEqual(texts, [value, value, value], 'stated three times');
    assert.ok(!texts.includes(other), `another figure of the same metric and period is no mention of it: ${texts.join(', ')}`);
  });

  test('Show Figures of the Same Metric and Period lists those apart', async () => {
    const [quote, value, current] = facts.figure;
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(at(doc, quote, 0), at(doc, quote, 0));
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('tipLens.showSameMetricAndPeriod');
    const texts = locations.map((r) => doc.getText(r.range));
    assert.ok(texts.includes(value));
    // The previous period's figures of that metric only: not the current one.
    assert.ok(!texts.includes(current), texts.join(', '));
    const [restated, , other] = facts.restated;
    editor.selection = new vscode.Selection(at(doc, restated, 0), at(doc, restated, 0));
    const same = (await vscode.commands.executeCommand<vscode.Location[]>('tipLens.showSameMetricAndPeriod')).map((r) => doc.getText(r.range));
    assert.ok(same.includes(other), `the same metric and period: ${same.join(', ')}`);
  });

  test('the outline names the title by its text, the tier by its tier, and the sections', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const [title, tier] = facts.outline;
    assert.deepStrictEqual(symbols.map((s) => s.name),
      [title, tier, 'Summary', 'PRIORITIZED RECOMMENDATIONS', 'PROSECUTION', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']);
    assert.strictEqual(symbols[1]!.detail, 'Tier');
    const prosecution = symbols.find((s) => s.name === 'PROSECUTION')!;
    assert.strictEqual(doc.getText(prosecution.selectionRange), 'PROSECUTION');
  });

  test('sections fold', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    const starts = ranges.map((r) => doc.lineAt(r.start).text);
    for (const h of ['PROSECUTION', 'PROTECTION', 'PREVENTION', 'TRAFFICKING PROFILE']) assert.ok(starts.includes(h), `no fold at ${h}: ${starts.join(' | ')}`);
  });
}

suite('Navigation and structure', () => navigationSpec('veldora-2023.tip.txt', () => sampleText(), {
  // `prosecute FAV personnel` goes to `Veldoran Armed Forces (FAV)`.
  definition: ['FAV personnel', 1, 0, 'Veldoran Armed Forces'],
  // CNLTP: the French order of `National Commission for the Fight against Trafficking in Persons`.
  otherLetters: ['CNLTP, which coordinated', 1, 0, 'National Commission for the Fight against Trafficking in Persons'],
  entity: ['FAV', 2, 'Veldoran Armed Forces', 5], // the long form and four FAV
  figure: ['22 investigations', '22', '33'],
  restated: ['298 trafficking victims', '298', '171'],
  outline: ['2023 Trafficking in Persons Report: Veldora', 'Tier 2 Watch List'],
}));

seedSuite('Navigation and structure: the seed', () => navigationSpec('mali-2020.tip.txt', seedText, {
  definition: ['GATIA', 1, 3, 'Imghad Tuareg and Allies Self-Defense Group'],
  otherLetters: ['RAFY assisted', 1, 0, 'Fodé and Yeguine Network for Action'],
  entity: ['FAMa', 2, 'Malian armed forces', 8], // the long form and seven FAMa
  figure: ['17 investigations', '17', '40'],
  restated: ['215 children', '215', '24'],
  outline: ['2020 Trafficking in Persons Report: Mali', 'Tier 2 Watch List'],
}));
