/**
 * Highlights in a real VS Code: every entity, figure and amount of money of the analysis the
 * service holds is decorated with its category's colour, the settings and commands switch them,
 * an edit is shown from the new version's analysis only, and a 4.5 MB report is highlighted whole.
 *
 * VS Code cannot read decorations back, so the tests read what the extension recorded when it
 * called `setDecorations` (`probes.get('decorations')`) and compare it, range by range, with the
 * analysis the service holds for the document's current version.
 *
 * Works on copies in a folder of the temporary workspace: the Veldora samples, and the real seed
 * narrative (never committed) in a suite of its own that runs only where the corpus is.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, seedSuite, seedText, suiteFolder, waitFor as wait } from './support';
import { ENTITY_GROUP, METRIC_GROUP } from '../../src/core/labels';
import type { Analysis } from '../../src/core/model';
import type { AnalysisService } from '../../src/extension/analysisService';
import type { DecorationSnapshot, DecorationsProbe } from '../../src/extension/decorations';

const TIMEOUT_MS = 20_000;
const CATEGORIES = ['entities', 'figures', 'money'] as const;
type Category = (typeof CATEGORIES)[number];

let service: AnalysisService;
let decorations: DecorationsProbe;

const here = suiteFolder('highlights');
const write = (name: string, text: string): vscode.Uri => here.write(name, text);
const waitFor = <T>(what: string, value: () => T | undefined | false, timeoutMs = TIMEOUT_MS): Promise<T> => wait(what, value, timeoutMs);

/** The highlights of `doc` once they show the analysis of its current version. */
function settled(doc: vscode.TextDocument, check: (s: DecorationSnapshot) => boolean = () => true): Promise<DecorationSnapshot> {
  return waitFor(`the highlights of ${path.basename(doc.uri.fsPath)} v${doc.version}`, () => {
    const s = decorations(doc.uri);
    return !!s && s.version === doc.version && !!service.current(doc) && check(s) && s;
  });
}

async function show(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; shown: DecorationSnapshot }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  assert.strictEqual(doc.languageId, 'tip-report');
  return { doc, shown: await settled(doc) };
}

function analysisOf(doc: vscode.TextDocument): Analysis {
  const report = service.current(doc);
  assert.ok(report, 'the service holds no analysis of the current version');
  return report.analysis;
}

/** What should be highlighted, as offsets per decoration key, from the analysis alone. */
function expected(analysis: Analysis): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  const add = (key: string, start: number, end: number): void => {
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push([start, end]);
  };
  for (const e of analysis.entities) for (const m of e.mentions) add(`entity.${ENTITY_GROUP[e.type]}`, m.start, m.end);
  for (const f of analysis.figures) add(`figure.${METRIC_GROUP[f.metric]}`, f.start, f.end);
  for (const m of analysis.money) {
    add('money', m.start, m.end);
    if (m.conversion) add('money', m.conversion.start, m.conversion.end);
  }
  return out;
}

const categoryOf = (key: string): Category => (key.startsWith('entity.') ? 'entities' : key.startsWith('figure.') ? 'figures' : 'money');

const sortPairs = (pairs: Array<[number, number]>): Array<[number, number]> => pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

/** The shown ranges of `key` as offsets in `doc`, sorted. */
function shownOffsets(doc: vscode.TextDocument, s: DecorationSnapshot, key: string): Array<[number, number]> {
  const ranges = (s.ranges as Record<string, readonly vscode.Range[]>)[key] ?? [];
  return sortPairs(ranges.map((r) => [doc.offsetAt(r.start), doc.offsetAt(r.end)]));
}

/** Every shown range is one the analysis names, under its key, and none is missing. */
function assertShowsAnalysis(doc: vscode.TextDocument, s: DecorationSnapshot, on: readonly Category[] = CATEGORIES): void {
  const want = expected(analysisOf(doc));
  for (const key of Object.keys(s.counts)) {
    const pairs = on.includes(categoryOf(key)) ? sortPairs(want.get(key) ?? []) : [];
    const got = shownOffsets(doc, s, key);
    assert.strictEqual((s.counts as Record<string, number>)[key], got.length, `${key}: count and ranges disagree`);
    assert.deepStrictEqual(got, pairs, `${key}: the shown ranges are not the analysis'`);
  }
  for (const key of want.keys()) assert.ok(key in s.counts, `no decoration for ${key}`);
}

function hasRange(doc: vscode.TextDocument, s: DecorationSnapshot, key: string, text: string, from = 0): boolean {
  const start = doc.getText().indexOf(text, from);
  assert.ok(start >= 0, `${text} is not in the document`);
  return shownOffsets(doc, s, key).some(([a, b]) => a === start && b === start + text.length);
}

const total = (s: DecorationSnapshot): number => Object.values(s.counts as Record<string, number>).reduce((a, b) => a + b, 0);

/** Facts of one narrative that its highlights must show. */
interface HighlightFacts {
  /** At least this many figures and entity mentions. */
  readonly figures: number;
  readonly mentions: number;
  /** A government body's acronym and long form: highlighted as actors, not as an armed group. */
  readonly body: readonly [acronym: string, longForm: string];
  /** An amount and its stated conversion. */
  readonly money: readonly [amount: string, conversion: string];
  /** A figure of children. */
  readonly children: string;
}

/** Every entity, figure and amount of the analysis of `text`, and nothing else, by group. */
async function assertHighlightsWhole(name: string, text: string, facts: HighlightFacts): Promise<{ doc: vscode.TextDocument; shown: DecorationSnapshot }> {
  const { doc, shown } = await show(write(name, text));
  assertShowsAnalysis(doc, shown);
  const a = analysisOf(doc);
  const mentions = a.entities.reduce((n, e) => n + e.mentions.length, 0);
  const amounts = a.money.length + a.money.filter((m) => m.conversion).length;
  assert.strictEqual(total(shown), mentions + a.figures.length + amounts);
  assert.ok(a.figures.length > facts.figures && mentions > facts.mentions, `${a.figures.length} figures, ${mentions} mentions: should be many`);
  const [acronym, longForm] = facts.body;
  assert.ok(hasRange(doc, shown, 'entity.actors', acronym), `${acronym} is not highlighted as an actor`);
  assert.ok(hasRange(doc, shown, 'entity.actors', longForm), 'its long form is not highlighted');
  assert.ok(!hasRange(doc, shown, 'entity.armed', acronym), `${acronym} is highlighted as an armed group`);
  const [amount, conversion] = facts.money;
  assert.ok(hasRange(doc, shown, 'money', amount), 'the amount is not highlighted');
  assert.ok(hasRange(doc, shown, 'money', conversion), 'its conversion is not highlighted');
  assert.ok(hasRange(doc, shown, 'figure.children', facts.children), `${facts.children} is not a children figure`);
  return { doc, shown };
}

async function setCategories(values: Partial<Record<Category | 'enabled', boolean | undefined>>): Promise<void> {
  const c = vscode.workspace.getConfiguration('tipLens.highlights');
  for (const [key, value] of Object.entries(values)) await c.update(key, value, vscode.ConfigurationTarget.Global);
}

async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const { probes } = await extension.activate();
  service = probes.get('service') as AnalysisService;
  decorations = probes.get('decorations') as DecorationsProbe;
  assert.strictEqual(typeof decorations, 'function', 'the decorations probe is not registered');
}

async function cleanUp(): Promise<void> {
  await setCategories({ enabled: undefined, entities: undefined, figures: undefined, money: undefined });
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  here.remove();
}

/**
 * Wraps `vscode.window.showQuickPick` (the extension calls it through the same API object) to
 * record what it is asked to show, still showing the real quick pick, until restored.
 */
function spyOnQuickPick(): { calls: Array<{ items: readonly vscode.QuickPickItem[]; options: vscode.QuickPickOptions | undefined }>; restore(): void } {
  const win = vscode.window as { showQuickPick: (...args: unknown[]) => Thenable<unknown> };
  const real = win.showQuickPick;
  const calls: Array<{ items: readonly vscode.QuickPickItem[]; options: vscode.QuickPickOptions | undefined }> = [];
  const spy = (...args: unknown[]): Thenable<unknown> => {
    const [items, options] = args as [readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, vscode.QuickPickOptions | undefined];
    void Promise.resolve(items).then((list) => calls.push({ items: list, options }));
    return real.apply(vscode.window, args);
  };
  win.showQuickPick = spy;
  assert.strictEqual(vscode.window.showQuickPick, spy, 'vscode.window.showQuickPick cannot be wrapped');
  return {
    calls,
    restore: () => {
      win.showQuickPick = real;
    },
  };
}

const VELDORA: HighlightFacts = {
  figures: 50,
  mentions: 80,
  // `the Veldoran Armed Forces (FAV)` is a government body: an actor, not an armed group.
  body: ['FAV', 'Veldoran Armed Forces'],
  money: ['250 million FCFA', '$413,220'],
  // `58 children associated with armed groups`.
  children: '58',
};

suite('Highlights', () => {
  suiteSetup(activate);
  suiteTeardown(cleanUp);

  test('the Veldora sample: every entity, figure and amount of its analysis, by group', async () => {
    await assertHighlightsWhole('veldora-2023.tip.txt', sampleText(), VELDORA);
  });

  test('the Veldora sample: armed groups, children, money', async () => {
    const { doc, shown } = await show(write('veldora-2023.tip.txt', sampleText()));
    assertShowsAnalysis(doc, shown);
    assert.ok(hasRange(doc, shown, 'entity.armed', 'CAD'), 'the Dira Self-Defense Coalition (CAD) is not an armed group');
    assert.ok(hasRange(doc, shown, 'entity.actors', 'OCPM'));
    assert.ok(hasRange(doc, shown, 'entity.places', 'Dira'));
    assert.ok(hasRange(doc, shown, 'figure.children', '58'));
    assert.ok(hasRange(doc, shown, 'figure.law-enforcement', '14'));
    assert.ok(hasRange(doc, shown, 'money', '$81,630'));
  });

  test('the same highlights in a second editor of the same report', async () => {
    const { doc } = await show(write('veldora-2023.tip.txt', sampleText()));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    const editors = await waitFor('two editors of the sample', () => {
      const e = vscode.window.visibleTextEditors.filter((x) => x.document === doc);
      return e.length === 2 && e;
    });
    assert.strictEqual(editors.length, 2);
    assertShowsAnalysis(doc, await settled(doc));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('switching a category off removes its highlights; switching it back restores them', async () => {
    const { doc, shown: before } = await show(write('veldora-2023.tip.txt', sampleText()));
    await vscode.commands.executeCommand('tipLens.toggleHighlightCategory', 'figures');
    const off = await settled(doc, (s) => !s.shown.figures);
    assert.strictEqual(vscode.workspace.getConfiguration('tipLens.highlights').get('figures'), false);
    assertShowsAnalysis(doc, off, ['entities', 'money']);
    for (const [key, n] of Object.entries(off.counts)) {
      if (key.startsWith('figure.')) assert.strictEqual(n, 0, `${key} still shows ${n}`);
      else assert.strictEqual(n, (before.counts as Record<string, number>)[key], `${key} changed`);
    }

    await vscode.commands.executeCommand('tipLens.toggleHighlightCategory', 'figures');
    const back = await settled(doc, (s) => s.shown.figures);
    assert.deepStrictEqual(back.counts, before.counts);
    assertShowsAnalysis(doc, back);
  });

  test('a setting switches a category too; Toggle Highlights switches them all', async () => {
    const { doc, shown: before } = await show(write('veldora-2023.tip.txt', sampleText()));
    await setCategories({ money: false, entities: false });
    assertShowsAnalysis(doc, await settled(doc, (s) => !s.shown.money && !s.shown.entities), ['figures']);
    await setCategories({ money: undefined, entities: undefined });
    await settled(doc, (s) => s.shown.money && s.shown.entities);

    await vscode.commands.executeCommand('tipLens.toggleHighlights');
    assert.strictEqual(vscode.workspace.getConfiguration('tipLens.highlights').inspect('enabled')?.globalValue, false);
    const none = await settled(doc, (s) => !s.shown.entities && !s.shown.figures && !s.shown.money);
    assert.strictEqual(total(none), 0);
    await vscode.commands.executeCommand('tipLens.toggleHighlights');
    const back = await settled(doc, (s) => s.shown.entities && s.shown.figures && s.shown.money);
    assert.deepStrictEqual(back.counts, before.counts);
  });

  test('the category quick pick opens, each category checked as it is shown, and Escape leaves the settings alone', async () => {
    await show(write('veldora-2023.tip.txt', sampleText()));
    await setCategories({ figures: false });
    const pick = spyOnQuickPick();
    try {
      const before = vscode.workspace.getConfiguration('tipLens.highlights');
      let done = false;
      const run = Promise.resolve(vscode.commands.executeCommand('tipLens.toggleHighlightCategory')).then(() => {
        done = true;
      });
      const [call] = await waitFor('the command to show a quick pick', () => pick.calls.length > 0 && pick.calls);
      assert.strictEqual(pick.calls.length, 1);
      assert.strictEqual(call!.options?.canPickMany, true);
      assert.strictEqual(call!.options?.title, 'TIP Lens: Highlights');
      assert.deepStrictEqual(call!.items.map((i) => i.picked), [true, false, true], 'checked: entities and money, not figures');
      assert.strictEqual(call!.items.length, CATEGORIES.length);
      // The pick waits for the user: the command has not returned.
      await new Promise((r) => setTimeout(r, 200));
      assert.strictEqual(done, false, 'the command returned without waiting for the pick');
      // Escape; the pick may still be on its way: close it until the command returns.
      await waitFor('the quick pick to close', () => {
        if (!done) void vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return done;
      });
      await run;
      const after = vscode.workspace.getConfiguration('tipLens.highlights');
      for (const c of CATEGORIES) assert.strictEqual(after.get(c), before.get(c));
      assert.strictEqual(after.get('figures'), false);
    } finally {
      pick.restore();
      await setCategories({ figures: undefined });
    }
  });

  test('after edits, the highlights are those of the new version, never of an older one', async () => {
    const { doc } = await show(write('veldora-2023-edited.tip.txt', sampleText()));
    const anchor = 'The government allocated 250 million FCFA';
    const at = doc.getText().indexOf(anchor);
    assert.ok(at >= 0);
    const favBefore = doc.getText().indexOf('FAV');
    const insertion = 'In 2019, the government investigated 12 new cases in Gao. ';
    // Typed in pieces, as a user would, faster than the analysis waits.
    for (const piece of insertion.match(/.{1,12}/g)!) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, doc.positionAt(doc.getText().indexOf(anchor)), piece);
      assert.ok(await vscode.workspace.applyEdit(edit));
      // Shown for the version in hand only when made from that version's analysis.
      const s = decorations(doc.uri);
      assert.ok(s);
      if (s.version === doc.version) assertShowsAnalysis(doc, s);
    }
    assert.strictEqual(doc.getText().indexOf(anchor), at + insertion.length);
    const after = await settled(doc);
    assert.strictEqual(after.version, doc.version);
    assertShowsAnalysis(doc, after);
    // The first FAV is before the edit and did not move; `$413,220` is after it and did.
    assert.strictEqual(doc.getText().indexOf('FAV'), favBefore);
    assert.ok(hasRange(doc, after, 'entity.actors', 'FAV'));
    assert.ok(hasRange(doc, after, 'money', '$413,220', at + insertion.length));
    assert.ok(hasRange(doc, after, 'figure.law-enforcement', '12', at), 'the inserted figure is not highlighted');
    await doc.save();
  });

  test('a report set back to plain text loses its highlights', async () => {
    // Detection off, so that the narrative stays plain text once set back.
    const detection = vscode.workspace.getConfiguration('tipLens');
    await detection.update('detection.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const { doc, shown } = await show(write('veldora-2023-plain.tip.txt', sampleText()));
      assert.ok(total(shown) > 0);
      const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      const cleared = await waitFor('the highlights to go', () => {
        const s = decorations(plain.uri);
        return !!s && total(s) === 0 && s;
      });
      assert.deepStrictEqual(cleared.shown, { entities: false, figures: false, money: false });
      assert.strictEqual(plain.languageId, 'plaintext');
    } finally {
      await detection.update('detection.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a 4.5 MB report is highlighted whole', async function () {
    this.timeout(180_000);
    const v2022 = sampleText('veldora-2022.tip.txt');
    const v2023 = sampleText();
    const parts: string[] = [];
    let length = 0;
    for (let n = 0; length < 4.5 * 1024 * 1024; n++) {
      // Varied copies: other numbers in each, the 2023 and the 2022 samples in turn.
      const text = (n % 2 ? v2022 : v2023).replace(/\b(\d{2,3})\b/g, (d) => String(Number(d) + (n % 7)));
      parts.push(text);
      length += text.length + 2;
    }
    // Windows line breaks, so that the conversion of offsets meets `\r\n`.
    const { doc, shown } = await show(write('whole-report.tip.txt', parts.join('\n\n').replace(/\n/g, '\r\n')));
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    assert.ok(doc.getText().length > 4.5e6, `only ${doc.getText().length} characters`);
    const a = analysisOf(doc);
    assert.ok(a.narratives.length >= 100, `${a.narratives.length} narratives`);
    const mentions = a.entities.reduce((n, e) => n + e.mentions.length, 0);
    const amounts = a.money.length + a.money.filter((m) => m.conversion).length;
    assert.strictEqual(total(shown), mentions + a.figures.length + amounts);
    assert.ok(total(shown) > 50_000, `only ${total(shown)} highlights`);
    assertShowsAnalysis(doc, shown);
    // The last narrative is highlighted as the first is.
    const last = doc.getText().lastIndexOf('(FAV)') + 1;
    assert.ok(hasRange(doc, shown, 'entity.actors', 'FAV', last));
  });
});

seedSuite('Highlights: the seed', () => {
  suiteSetup(activate);
  suiteTeardown(cleanUp);

  test('every entity, figure and amount of its analysis, by group', async () => {
    await assertHighlightsWhole('mali-2020.tip.txt', seedText(), {
      figures: 50,
      mentions: 100,
      // `the Malian armed forces (FAMa)` is a government body: an actor, not an armed group.
      body: ['FAMa', 'Malian armed forces'],
      money: ['200 million FCFA', '$343,640'],
      // `215 children used by armed groups`.
      children: '215',
    });
  });
});
