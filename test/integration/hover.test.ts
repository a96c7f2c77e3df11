/**
 * Hovers and the workspace index in a real VS Code, on copies of the Veldora samples (2023, with
 * planted inconsistencies, and 2022, the year before) and of the real seed (the 2020 Mali
 * narrative, never committed) in a suite of its own that runs only where the corpus is.
 *
 * Hovers are read back with `vscode.executeHoverProvider`; links are checked by their target
 * (the URI and the selection fragment `#L12,5-L12,9`), and one is opened with `vscode.open` to
 * check that VS Code selects what the link names.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, fileUri, narrativeText, sampleText, seedSuite, seedText, workspaceRoot, writeFile } from './support';
import type { TipLensExports } from '../../src/extension/probes';
import type { WorkspaceIndex } from '../../src/extension/workspaceIndex';

/** How long the index may take to follow a file event. */
const INDEX_TIMEOUT_MS = 20_000;

let index: WorkspaceIndex;

const write = writeFile;

async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension<TipLensExports>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  index = api.probes.get('workspaceIndex') as WorkspaceIndex;
  assert.ok(index, 'the extension exposes its workspace index');
}

/** Waits until `condition` holds, re-checking whenever the index changes; fails after a deadline. */
async function indexUntil(what: string, condition: () => boolean, timeoutMs = INDEX_TIMEOUT_MS): Promise<void> {
  await index.whenReady();
  if (condition()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (index: ${index.state}, ${index.reportCount} reports)`));
    }, timeoutMs);
    const sub = index.onDidChange(() => {
      if (!condition()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
  await index.whenReady();
}

interface HoverText {
  /** The markdown as the hover carries it. */
  readonly markdown: string;
  /** The same with markdown escapes removed, to compare with the report's text. */
  readonly plain: string;
  /** Every link: its label and target. */
  readonly links: ReadonlyArray<{ label: string; target: string }>;
}

/** The hover at the `occurrence`-th `needle` of `uri` (plus `delta` characters). */
async function hoverAt(uri: vscode.Uri, needle: string, occurrence = 0, delta = 0): Promise<HoverText> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const offset = nth(doc.getText(), needle, occurrence) + delta;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset));
  const markdown = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n---\n\n');
  const links = [...markdown.matchAll(/\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g)].map((m) => ({ label: unescape(m[1]!), target: m[2]! }));
  return { markdown, plain: unescape(markdown), links };
}

function unescape(md: string): string {
  return md.replace(/\\([\\`*_[\]<>|~$()#+\-.!{}])/g, '$1');
}

function nth(text: string, needle: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return at;
}

/** The selection fragment a link to `text[start, end)` of `doc` carries. */
function fragmentFor(doc: vscode.TextDocument, start: number, end: number): string {
  const a = doc.positionAt(start);
  const b = doc.positionAt(end);
  return `L${a.line + 1},${a.character + 1}-L${b.line + 1},${b.character + 1}`;
}

function linkTo(links: HoverText['links'], uri: vscode.Uri, fragment: string): { label: string; target: string } | undefined {
  return links.find((l) => {
    const target = vscode.Uri.parse(l.target);
    return target.with({ fragment: '' }).toString() === uri.toString() && target.fragment === fragment;
  });
}

async function setConfig(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  const deadline = Date.now() + 10_000;
  const want = JSON.stringify(value);
  while (JSON.stringify(vscode.workspace.getConfiguration(section).inspect(key)?.workspaceValue) !== want) {
    if (Date.now() > deadline) throw new Error(`${section}.${key} did not take the value ${want}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What the hovers of one narrative must say. Regular expressions are matched against the hover's text. */
interface HoverFacts {
  /** An amount: its USD line (at the report's rate, named) and its EUR line (at the peg). */
  readonly money: readonly [needle: string, usd: RegExp, eur: RegExp];
  /** An amount and its GBP line with the user's rate GBP/USD 1.27. */
  readonly gbp: readonly [needle: string, gbp: RegExp];
  /** A stated conversion (needle, offset) that agrees: what it implies, and that it agrees. */
  readonly agrees: readonly [needle: string, delta: number, implies: RegExp, agreement: RegExp];
  /** A figure stated three times: the first statement, the needle of each statement, its metric and period. */
  readonly figure: readonly [at: string, mentions: string, metric: RegExp, period: RegExp];
  /** A defined acronym (needle at its definition) and its long form. */
  readonly acronym: readonly [acronym: string, type: string, longForm: string];
}

/** The hovers of one narrative: money at the report's rate and at a peg, a user's rate, a stated conversion, a figure, an acronym. */
function hoverSpec(uri: () => vscode.Uri, facts: HoverFacts): void {
  test('money: the amount in USD at the report\'s own rate and in EUR at the peg, each naming its rate', async () => {
    const [needle, usd, eur] = facts.money;
    const h = await hoverAt(uri(), needle);
    assert.match(h.plain, usd, h.plain);
    assert.match(h.plain, eur, h.plain);
  });

  suite('with a user rate for a third target', () => {
    suiteSetup(async () => {
      await setConfig('tipLens', 'currency.targets', ['USD', 'EUR', 'GBP', 'JPY']);
      await setConfig('tipLens', 'currency.rates', [{ pair: 'GBP/USD', rate: 1.27, asOf: '2024-01-31' }]);
    });

    suiteTeardown(async () => {
      await setConfig('tipLens', 'currency.rates', undefined);
      await setConfig('tipLens', 'currency.targets', undefined);
    });

    test('the hover converts with the user\'s rate and names it', async () => {
      const h = await hoverAt(uri(), facts.gbp[0]);
      assert.match(h.plain, facts.gbp[1], h.plain);
    });

    test('a target without any rate says so and how to add one', async () => {
      const h = await hoverAt(uri(), facts.gbp[0]);
      assert.match(h.plain, /\*\*JPY\*\*: no rate known/, h.plain);
      assert.match(h.plain, /tipLens\.currency\.rates`: `\{ "pair": "USD\/JPY"/, h.plain);
      assert.ok(h.links.some((l) => l.target.startsWith('command:workbench.action.openSettings')), 'links to the setting');
    });
  });

  test(`${facts.agrees[0]} (a stated conversion) agrees within its rounding, with its implied rate and range`, async () => {
    const [needle, delta, implies, agreement] = facts.agrees;
    const h = await hoverAt(uri(), needle, 0, delta);
    assert.match(h.plain, implies, h.plain);
    assert.match(h.plain, agreement, h.plain);
    assert.doesNotMatch(h.plain, /Does not agree/);
  });

  test(`a figure (${facts.figure[0]}) links its other mentions`, async () => {
    const [first, mentions, metric, period] = facts.figure;
    const doc = await vscode.workspace.openTextDocument(uri());
    const text = doc.getText();
    const h = await hoverAt(uri(), first, 0);
    assert.match(h.plain, metric);
    assert.match(h.plain, period);
    const value = first.split(' ')[0]!;
    for (const k of [1, 2]) {
      const at = nth(text, mentions, k) + mentions.indexOf(value);
      assert.ok(linkTo(h.links, uri(), fragmentFor(doc, at, at + value.length)), `links the mention at ${doc.positionAt(at).line + 1}: ${h.markdown}`);
    }
  });

  test(`an acronym (${facts.acronym[0]}): type, long form and a link to its definition`, async () => {
    const [acronym, type, longForm] = facts.acronym;
    const doc = await vscode.workspace.openTextDocument(uri());
    const text = doc.getText();
    const h = await hoverAt(uri(), `(${acronym})`, 0, 1);
    assert.ok(h.plain.includes(`**${acronym}**: ${type}`), h.plain);
    assert.ok(h.plain.includes(`Acronym of _${longForm}_`), h.plain);
    const def = text.indexOf(`${longForm} (${acronym})`);
    const link = linkTo(h.links, uri(), fragmentFor(doc, def, def + longForm.length));
    assert.ok(link, `links the definition: ${h.markdown}`);
    assert.match(h.plain, /\*\*\d+ mentions in this report\*\*/);
  });
}

suite('Hovers', () => {
  let v2023: vscode.Uri;
  let v2022: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    v2023 = write('veldora-2023.tip.txt', sampleText());
    v2022 = write('veldora-2022.tip.txt', sampleText('veldora-2022.tip.txt'));
    await indexUntil('the copied reports to be indexed', () => index.has(v2023) && index.has(v2022));
  });

  hoverSpec(() => v2023, {
    // The report's rate: 604.84, the median of 490.02, 600, 600, 604.84, 605.00, 605.45 and 625.
    money: [
      'three million FCFA',
      /\*\*USD\*\* ≈ 4,960 USD, at the report's rate: 604\.84 XOF per USD, the median of its 7 stated conversions/,
      /\*\*EUR\*\* ≈ 4,573 EUR, at the fixed peg of 655\.957 XOF per EUR/,
    ],
    // 4,960 USD (the report's rate) / 1.27 = 3,906 GBP.
    gbp: ['three million FCFA', /\*\*GBP\*\* ≈ 3,906 GBP, at the report's rate: 604\.84 XOF per USD, [^;]*; then at your rate GBP\/USD 1\.27 as of 2024-01-31/],
    agrees: [
      '($250)',
      1,
      /implies 600\.00 XOF per USD; rounded to the nearest 10 USD, it allows 588\.24 to 612\.24/,
      /Agrees within its rounding with the report's rate, 604\.84 XOF per USD \(the median of its 7 stated conversions\)/,
    ],
    figure: ['298 trafficking victims', '298', /Metric: victims identified/, /Period: current reporting period \(2023 report\)/],
    acronym: ['FAV', 'government body', 'Veldoran Armed Forces'],
  });

  test('40 million FCFA ($81,630) does not agree with the report\'s rate', async () => {
    for (const [needle, delta] of [['40 million FCFA', 0], ['($81,630)', 1]] as const) {
      const h = await hoverAt(v2023, needle, 0, delta);
      assert.match(h.plain, /Does not agree with the report's rate, 604\.84 XOF per USD \(the median of its 7 stated conversions\): 19(\.\d)?% away/, h.plain);
      assert.match(h.plain, /would be about 66,133 USD/, h.plain);
    }
  });

  test('one rate in a money hover: it converts and judges the stated conversion at the report\'s rate, named', async () => {
    for (const [needle, delta] of [['($250)', 1], ['40 million FCFA', 0], ['250 million FCFA', 0]] as const) {
      const h = await hoverAt(v2023, needle, 0, delta);
      assert.match(h.plain, /\*\*USD\*\* ≈ [\d,]+ USD, at the report's rate: 604\.84 XOF per USD/, h.plain);
      // Every rate of XOF to USD the hover names, other than the statement's own and the range its rounding allows.
      const named = [...h.plain.replace(/implies [^.]*\.\d\d XOF per USD; [^\n]*allows [\d.,]+ to [\d.,]+/g, '').matchAll(/([\d,]+\.\d\d) XOF per USD/g)].map((m) => m[1]);
      assert.ok(named.length >= 2, h.plain);
      assert.deepStrictEqual([...new Set(named)], ['604.84'], h.plain);
      assert.doesNotMatch(h.plain, /\(median\)|last year/, h.plain);
      // The rule before the researcher's part stands on a line of its own: a `---` right after the
      // conversion check's sentence would be read as part of it.
      const rules = [...h.markdown.matchAll(/---/g)].map((m) => m.index!);
      assert.ok(rules.length > 0, h.markdown);
      for (const at of rules) assert.strictEqual(h.markdown.slice(at - 2, at + 5), '\n\n---\n\n', h.markdown);
    }
  });

  test('an amount of the year before: at last year\'s report\'s rate, with what last year\'s narrative stated for it', async () => {
    const doc2022 = await vscode.workspace.openTextDocument(v2022);
    for (const [needle, usd, stated] of [
      ['35 million FCFA the year before', '63,059', '35 million FCFA ($63,060)'],
      ['230 million FCFA during the previous', '414,389', '230 million FCFA ($414,410)'],
    ] as const) {
      const h = await hoverAt(v2023, needle);
      assert.ok(h.plain.includes(`**USD** ≈ ${usd} USD, at last year's report's rate: 555.03 XOF per USD, the median of its 4 stated conversions`), h.plain);
      assert.doesNotMatch(h.plain, /604\.84/, h.plain);
      assert.match(h.plain, /An amount of the previous reporting period: converted at last year's report's rate, from last year's narrative \[Veldora 2022\]/, h.plain);
      assert.ok(h.plain.includes(`**Last year's narrative** stated the same amount: [${stated}]`), h.plain);
      // A link to it in last year's narrative (this one, or a copy of it another suite wrote).
      const amount = stated.split(' (')[0]!;
      const at = doc2022.getText().indexOf(amount);
      const link = h.links.find((l) => l.label === stated);
      assert.ok(link, h.markdown);
      const target = vscode.Uri.parse(link.target);
      assert.ok(target.path.endsWith('/veldora-2022.tip.txt'), link.target);
      assert.strictEqual(target.fragment, fragmentFor(doc2022, at, at + amount.length));
    }
  });

  test('an amount of the year before without last year\'s narrative: the report\'s rate, and last year\'s unknown', async () => {
    // The same narrative, two years on: no 2024 narrative of Veldora is in the workspace.
    const later = write('hover-later/veldora-2025.tip.txt', sampleText().replace('2023 Trafficking in Persons Report', '2025 Trafficking in Persons Report'));
    const h = await hoverAt(later, '35 million FCFA the year before');
    assert.ok(h.plain.includes("**USD** ≈ 57,867 USD, at the report's rate: 604.84 XOF per USD, the median of its 7 stated conversions"), h.plain);
    assert.ok(h.plain.includes("An amount of the previous reporting period: converted at the report's rate; last year's rate is unknown (last year's narrative, Veldora 2024, is not in the workspace)."), h.plain);
    assert.doesNotMatch(h.plain, /555\.\d\d|Last year's narrative\*\* stated/, h.plain);
  });

  test('a previous-period figure links the previous year\'s current figure in another report', async () => {
    const h = await hoverAt(v2023, 'compared with 22 investigations', 0, 'compared with '.length);
    const doc2022 = await vscode.workspace.openTextDocument(v2022);
    const at = nth(doc2022.getText(), 'investigated 26 cases', 0) + 'investigated '.length;
    const link = linkTo(h.links, v2022, fragmentFor(doc2022, at, at + 2));
    assert.ok(link, `links 2022's "26 cases": ${h.markdown}`);
    assert.match(link.label, /^Veldora 2022: 26 cases/);
    assert.match(h.plain, /[Oo]ther values \(22 here; a different figure, or a part of it\):\n(- .*\n)*- \[Veldora 2022: 26 cases\]\([^)]*\) \(current reporting period \(2022 report\), veldora-2022\.tip\.txt\)/);
    // Each report and value once, a few lines at most.
    const lines = h.plain.split('\n').filter((l) => l.startsWith('- [Veldora 2022'));
    assert.strictEqual(new Set(lines).size, lines.length, 'no line repeated');
    assert.ok(lines.length <= 5, `${lines.length} lines`);

    // The link's target opens the 2022 report with the figure selected.
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(link.target));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === v2022.toString(), 'the 2022 report is open');
    assert.strictEqual(editor.document.getText(editor.selection), '26');
  });

  test('hovers on a 4.5 MB report of many narratives', async function () {
    this.timeout(120_000);
    // Narratives one after another, as in a whole report; figures shifted so that each differs
    // (numbers of two or three digits alone: `75,000` stays whole).
    const v2022Text = sampleText('veldora-2022.tip.txt');
    const v2023Text = sampleText();
    const parts: string[] = [];
    for (let n = 0, length = 0; length < 4.5e6; n++) {
      const part = (n % 2 ? v2022Text : v2023Text).replace(/(?<![\d,.])(\d{2,3})(?![\d,.])/g, (m) => String(+m + (n % 7)));
      parts.push(part);
      length += part.length + 2;
    }
    const big = write('hover-large/whole-report.tip.txt', parts.join('\n\n'));
    // The first hover waits for the analysis of the whole text.
    await hoverAt(big, 'FAV');
    // Each in the last narrative that has it, deep in the text (how fast is `npm run bench`'s business).
    for (const [what, needle, delta, says] of [
      ['money', '250 million FCFA', 0, /\*\*USD\*\* ≈ /],
      // Compared with the other conversions of its own narrative only.
      ['conversion', '($81,630)', 1, /Does not agree with the report's rate, 60\d\.\d\d XOF per USD \(the median of its 7 stated conversions\)/],
      ['figure', 'investigated 33', 'investigated '.length, /Metric: investigations/],
      ['entity', '(FAV)', 1, /\*\*FAV\*\*: government body/],
    ] as const) {
      const doc = await vscode.workspace.openTextDocument(big);
      const occurrence = doc.getText().split(needle).length - 2; // the last one
      assert.ok(occurrence >= 10, `${needle} occurs ${occurrence + 1} times`);
      const h = await hoverAt(big, needle, occurrence, delta);
      assert.match(h.plain, says, `the ${what} hover: ${h.plain}`);
    }
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(workspaceRoot(), 'hover-large'), { recursive: true, force: true });
    fs.rmSync(path.join(workspaceRoot(), 'hover-later'), { recursive: true, force: true });
  });
});

seedSuite('Hovers: the seed', () => {
  let mali: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    mali = write('mali-2020.tip.txt', seedText());
    await indexUntil('the copied seed to be indexed', () => index.has(mali));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  hoverSpec(() => mali, {
    // The report's rate: 581.40, the median of 576.92, 581.40 and 582.00 (the hover once converted at 582.00 and compared with 581.40).
    money: [
      '500,000 to two million',
      /\*\*USD\*\* ≈ 860 to 3,440 USD, at the report's rate: 581\.40 XOF per USD, the median of its 3 stated conversions/,
      /\*\*EUR\*\* ≈ 762 to 3,049 EUR, at the fixed peg of 655\.957 XOF per EUR/,
    ],
    // 344,000 USD (the report's rate) / 1.27 = 270,866 GBP.
    gbp: ['200 million FCFA', /\*\*GBP\*\* ≈ 270,866 GBP, at the report's rate: 581\.40 XOF per USD, [^;]*; then at your rate GBP\/USD 1\.27 as of 2024-01-31/],
    agrees: [
      '($260)',
      1,
      /implies 576\.92 XOF per USD; rounded to the nearest 10 USD, it allows 566\.04 to 588\.24/,
      /Agrees within its rounding with the report's rate, 581\.40 XOF per USD \(the median of its 3 stated conversions\)/,
    ],
    figure: ['215 children', '215 children', /Metric: children in armed groups/, /Period: current reporting period \(2020 report\)/],
    acronym: ['FAMa', 'government body', 'Malian armed forces'],
  });
});

suite('Workspace index', () => {
  suiteSetup(async () => {
    await activate();
    await setConfig('files', 'exclude', { '**/excluded-reports': true });
  });

  suiteTeardown(async () => {
    await setConfig('files', 'exclude', undefined);
  });

  const narrative = narrativeText;

  test('a TIP report in a folder that files.exclude hides is not indexed', async () => {
    const excluded = write('excluded-reports/lunaria-2024.tip.txt', narrative('lunaria-2024.txt'));
    // A .txt narrative recognized by its content, beside it in a folder that is not excluded.
    const included = write('incoming/ostravia-2021.txt', narrative('ostravia-2021.txt'));
    await indexUntil('the included narrative to be indexed', () => index.has(included));
    assert.ok(!index.has(excluded), 'the excluded report was indexed');

    await vscode.commands.executeCommand('tipLens.reindexWorkspace');
    await index.whenReady();
    assert.ok(index.has(included), 'a rebuild indexes the included narrative');
    assert.ok(!index.has(excluded), 'a rebuild leaves the excluded report out');
    assert.ok(!index.has(fileUri('notes/essay.txt')), 'prose is not a TIP report');
  });

  test('follows a report created, changed and deleted on disk', async () => {
    const rel = 'later/zembla-2011.tip.txt';
    const text = narrative('zembla-2011.txt');
    const uri = write(rel, text);
    await indexUntil('the created report to be indexed', () => index.has(uri));

    // A change: the narrative becomes the Veldora 2022 sample; its figures follow.
    write(rel, sampleText('veldora-2022.tip.txt'));
    await indexUntil('the changed report to be read again', () =>
      index.figuresFor('investigations|RP2022', 'Veldora').some((f) => f.uri.toString() === uri.toString()),
    );

    fs.rmSync(path.join(workspaceRoot(), 'later'), { recursive: true });
    await indexUntil('the deleted report to leave the index', () => !index.has(uri));
  });

  test('an exclusion lifted brings the hidden report in', async () => {
    const excluded = fileUri('excluded-reports/lunaria-2024.tip.txt');
    await setConfig('files', 'exclude', undefined);
    await indexUntil('the formerly excluded report to be indexed', () => index.has(excluded));
  });

  test('tipLens.index.enabled set to false empties the index; set back, it reads the workspace again', async () => {
    try {
      await setConfig('tipLens', 'index.enabled', false);
      assert.strictEqual(index.state, 'disabled');
      assert.strictEqual(index.reportCount, 0);
      await index.whenReady();
      // No watching either: a new report stays out.
      const later = write('while-disabled/ostravia-2021.tip.txt', narrative('ostravia-2021.txt'));
      await new Promise((r) => setTimeout(r, 1_500));
      assert.ok(!index.has(later), 'indexed while indexing is off');
    } finally {
      await setConfig('tipLens', 'index.enabled', undefined);
    }
    await indexUntil('the workspace to be read again', () => index.has(fileUri('while-disabled/ostravia-2021.tip.txt')) && index.has(fileUri('zembla-2023.tip.txt')));
    assert.strictEqual(index.state, 'ready');
  });
});
