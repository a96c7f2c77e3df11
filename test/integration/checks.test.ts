/**
 * Issue 5 in a real VS Code: `TIP Lens: Check Consistency` on the Veldora sample (with 2022, the
 * year before, beside it) publishes one diagnostic per planted inconsistency, with source
 * `tip-lens`, the rule as code linking to its description and related information; quick fixes
 * edit the text and Undo restores it; the Findings view groups by rule; the Markdown report
 * opens; the settings turn rules off and change severities. A narrative with nothing planted
 * (Veldora 2022) gets nothing above Information, and so does the real seed narrative (copied at
 * test time, never committed) in a suite of its own that runs only where the corpus is.
 *
 * Works on copies in `checks/` of the temporary workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, seedSuite, seedText, waitFor as wait, workspaceRoot } from './support';
import type { FindingsCodeActions } from '../../src/extension/codeActions';
import type { DiagnosticsProbe } from '../../src/extension/diagnostics';
import type { FindingsProbe } from '../../src/extension/findingsTree';

const TIMEOUT_MS = 20_000;

let extensionPath: string;
let diagnosticsProbe: DiagnosticsProbe;
let findings: FindingsProbe;
let codeActions: FindingsCodeActions;

function copy(from: string, rel: string): vscode.Uri {
  const file = path.join(workspaceRoot(), 'checks', rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(from, file);
  return vscode.Uri.file(file);
}

const sample = (name: string): string => path.join(extensionPath, 'samples', name);

const waitFor = <T>(what: string, value: () => T | undefined | false, timeoutMs = TIMEOUT_MS): Promise<T> => wait(what, value, timeoutMs);

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.strictEqual(doc.languageId, 'tip-report');
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Runs the command on the active report and returns the diagnostics of its current version. */
async function checkActive(): Promise<vscode.Diagnostic[]> {
  const doc = vscode.window.activeTextEditor!.document;
  const result = await vscode.commands.executeCommand<{ version: number } | undefined>('tipLens.checkConsistency');
  assert.ok(result, 'the command returns its result');
  assert.strictEqual(result.version, doc.version);
  return ours(doc.uri);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tip-lens');
}

function ruleOf(d: vscode.Diagnostic): string {
  assert.ok(typeof d.code === 'object', 'the code carries a link');
  return String(d.code.value);
}

function byRule(diags: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return diags.filter((d) => ruleOf(d) === rule);
}

async function setCheck(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('tipLens.check').update(key, value, vscode.ConfigurationTarget.Workspace);
}

async function activate(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  extensionPath = extension.extensionPath;
  const { probes } = await extension.activate();
  diagnosticsProbe = probes.get('diagnostics') as DiagnosticsProbe;
  findings = probes.get('findingsTree') as FindingsProbe;
  codeActions = probes.get('codeActions') as FindingsCodeActions;
  assert.ok(diagnosticsProbe && findings && codeActions, 'the probes of the check are registered');
}

/** Runs the check on a copy of `uri`'s narrative and asserts that nothing is above Information. */
async function assertNothingAboveInformation(uri: vscode.Uri): Promise<void> {
  await show(uri);
  const diags = await checkActive();
  const loud = diags.filter((d) => d.severity < vscode.DiagnosticSeverity.Information);
  const doc = await vscode.workspace.openTextDocument(uri);
  assert.deepStrictEqual(loud.map((d) => `${ruleOf(d)}@${d.range.start.line + 1} "${doc.getText(d.range)}": ${d.message}`), []);
}

suite('Consistency check', () => {
  let v2023: vscode.Uri;
  let v2022: vscode.Uri;

  suiteSetup(async () => {
    await activate();
    v2022 = copy(sample('veldora-2022.tip.txt'), 'veldora-2022.tip.txt');
    v2023 = copy(sample('veldora-2023.tip.txt'), 'veldora-2023.tip.txt');
  });

  suiteTeardown(async () => {
    for (const key of ['severity', 'numberStyle', 'onOpen', 'run', 'conversionTolerance']) await setCheck(key, undefined);
    // Nothing of ours is left dirty, so closing never asks.
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && (doc.isUntitled || doc.uri.fsPath.includes(`${path.sep}checks${path.sep}`))) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a narrative with nothing planted (Veldora 2022): nothing above Information', async () => {
    await assertNothingAboveInformation(v2022);
  });

  test('by default, checked on open and again as the user types, without saving', async () => {
    const typed = copy(sample('veldora-2023.tip.txt'), path.join('typed', 'veldora-2023.tip.txt'));
    const editor = await show(typed);
    const doc = editor.document;
    await waitFor('diagnostics on open', () => byRule(ours(typed), 'number-style').length === 2);
    const at = doc.positionAt(doc.getText().indexOf('the removal of 7 victims') + 'the removal of '.length);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 1)), 'seven')));
    assert.ok(doc.isDirty);
    const diags = await waitFor('the findings of the edited text', () => {
      const d = ours(typed);
      return byRule(d, 'number-style').length === 1 && diagnosticsProbe.checker.current(doc) && d;
    });
    assert.deepStrictEqual(byRule(diags, 'number-style').map((d) => doc.getText(d.range)), ['fifteen']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('one diagnostic per planted inconsistency, with source, code, link and related information', async () => {
    const editor = await show(v2023);
    const doc = editor.document;
    const diags = await checkActive();
    const text = (d: vscode.Diagnostic): string => doc.getText(d.range);
    const line = (d: vscode.Diagnostic): number => d.range.start.line + 1;
    const summary = diags.map((d) => `${ruleOf(d)}@${line(d)} "${text(d)}"`).join('; ');

    for (const d of diags) {
      assert.strictEqual(d.source, 'tip-lens');
      const code = d.code as { value: string; target: vscode.Uri };
      // Shown rendered from the extension's docs/rules (docs.test.ts opens one).
      assert.strictEqual(code.target.toString(), `tip-lens:/rules/${code.value}.md`);
      assert.ok(fs.existsSync(path.join(extensionPath, 'docs', 'rules', `${code.value}.md`)), `the rule's description exists: ${code.value}`);
    }
    assert.deepStrictEqual([...new Set(diags.map(ruleOf))].sort(),
      ['acronym', 'breakdown-sum', 'conversion-rate', 'number-style', 'previous-period', 'repeated-figure', 'tier', 'trend-claim'], summary);

    // P1: 58 in the summary, 63 in PROTECTION; the finding points at the other one.
    const [repeated, ...moreRepeated] = byRule(diags, 'repeated-figure');
    assert.ok(repeated && moreRepeated.length === 0, summary);
    assert.ok(['58', '63'].includes(text(repeated)), summary);
    const other = repeated.relatedInformation?.find((r) => r.location.uri.toString() === doc.uri.toString());
    assert.ok(other, 'related information points at the other occurrence');
    assert.strictEqual(doc.getText(other.location.range), text(repeated) === '63' ? '58' : '63');
    assert.deepStrictEqual([line(repeated), other.location.range.start.line + 1].sort((a, b) => a - b), [5, 23]);

    // P2: 68 + 52 is not 127 (an error by default).
    const [breakdown, ...moreBreakdowns] = byRule(diags, 'breakdown-sum');
    assert.ok(breakdown && moreBreakdowns.length === 0, summary);
    assert.strictEqual(line(breakdown), 21);
    assert.strictEqual(text(breakdown), '127');
    assert.strictEqual(breakdown.severity, vscode.DiagnosticSeverity.Error);

    // P3: $81,630 for 40 million FCFA; the other conversions are related.
    const [conversion, ...moreConversions] = byRule(diags, 'conversion-rate');
    assert.ok(conversion && moreConversions.length === 0, summary);
    assert.strictEqual(text(conversion), '$81,630');
    assert.ok((conversion.relatedInformation?.length ?? 0) >= 1);

    // P4: 22 investigations last period, where 2022 says 26; related is in the 2022 file.
    const [previous, ...morePrevious] = byRule(diags, 'previous-period');
    assert.ok(previous && morePrevious.length === 0, summary);
    assert.strictEqual(line(previous), 15);
    assert.strictEqual(text(previous), '22');
    const last = previous.relatedInformation?.find((r) => r.location.uri.toString() === v2022.toString());
    assert.ok(last, `related information in last year's file: ${JSON.stringify(previous.relatedInformation)}`);
    assert.strictEqual(last.location.range.start.line + 1, 15);
    const doc2022 = await vscode.workspace.openTextDocument(v2022);
    assert.strictEqual(doc2022.getText(last.location.range), '26');

    // P5: the tier line against the summary (and last year).
    const tiers = byRule(diags, 'tier');
    assert.ok(tiers.some((d) => line(d) === 5 && /Tier 2/.test(text(d))), summary);
    assert.ok(tiers.every((d) => [3, 5].includes(line(d))), summary);

    // P6: "an increase from 344" while 298 < 344.
    const [trend, ...moreTrends] = byRule(diags, 'trend-claim');
    assert.ok(trend && moreTrends.length === 0, summary);
    assert.strictEqual(line(trend), 21);
    assert.match(text(trend), /increase/);

    // P7: OCPM used before its definition on line 15.
    const acronyms = byRule(diags, 'acronym');
    assert.ok(acronyms.length >= 1 && acronyms.every((d) => text(d) === 'OCPM' && [5, 9].includes(line(d))), summary);
    assert.ok(acronyms[0]!.relatedInformation?.some((r) => r.location.range.start.line + 1 === 15));

    // P8, P9: "7 victims" and "fifteen Nigerian girls", hints by default.
    const styles = byRule(diags, 'number-style');
    assert.deepStrictEqual(styles.map(text).sort(), ['7', 'fifteen'], summary);
    for (const d of styles) assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Hint);

    // The probe says the same.
    assert.strictEqual(diagnosticsProbe.snapshot(doc.uri).length, diags.length);
  });

  test('a quick fix writes "seven" for "7 victims", and Undo restores it', async () => {
    const editor = await show(v2023);
    const doc = editor.document;
    const before = doc.getText();
    const diags = await checkActive();
    const seven = byRule(diags, 'number-style').find((d) => doc.getText(d.range) === '7')!;
    assert.ok(seven);
    // The provider ties the fix to its diagnostic (executeCodeActionProvider does not return `diagnostics`).
    const token = new vscode.CancellationTokenSource().token;
    const provided = await codeActions.provideCodeActions(doc, seven.range, { diagnostics: [seven], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Invoke }, token);
    const tied = provided.find((a) => a.title === 'Write "seven"');
    assert.ok(tied, provided.map((a) => a.title).join(', '));
    assert.deepStrictEqual(tied.diagnostics, [seven]);
    assert.strictEqual(tied.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // Through VS Code, as the light bulb asks for them.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, seven.range);
    const fix = actions.find((a) => a.title === 'Write "seven"');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.strictEqual(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(fix.edit, 'the fix is an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('the removal of seven victims'));
    assert.strictEqual(doc.getText().length, before.length + 'seven'.length - 1);
    // The check follows the edit: "7" is no longer flagged.
    await waitFor('the findings of the edited version', () => diagnosticsProbe.checker.current(doc));
    assert.ok(!byRule(ours(doc.uri), 'number-style').some((d) => doc.getText(d.range) === '7'));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('Undo to restore the text', () => doc.getText() === before);
    assert.ok(!doc.isDirty, 'back to the saved text');
  });

  test('the repeated figure: the quick fix takes the other value, and Undo restores it', async () => {
    const editor = await show(v2023);
    const doc = editor.document;
    const before = doc.getText();
    const [repeated] = byRule(await checkActive(), 'repeated-figure');
    assert.ok(repeated);
    const value = doc.getText(repeated.range);
    const otherValue = value === '63' ? '58' : '63';
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, repeated.range, vscode.CodeActionKind.QuickFix.value);
    const ours2 = actions.filter((a) => a.title.startsWith('Take '));
    assert.ok(ours2.length >= 1, actions.map((a) => a.title).join(', '));
    assert.strictEqual(ours2.filter((a) => a.isPreferred).length, 1);
    const take = ours2.find((a) => a.title.startsWith(`Take ${otherValue} here`));
    assert.ok(take?.edit, ours2.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(take.edit));
    assert.strictEqual(doc.getText(new vscode.Range(repeated.range.start, repeated.range.start.translate(0, 2))), otherValue);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor('Undo to restore the text', () => doc.getText() === before);
  });

  test("last year's narrative as a plain .txt (recognized by its content) is found through the workspace index", async () => {
    const folder = path.join(workspaceRoot(), 'checks-plain');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(sample('veldora-2022.tip.txt'), path.join(folder, 'veldora-2022.txt'));
    fs.copyFileSync(sample('veldora-2023.tip.txt'), path.join(folder, 'veldora-2023.tip.txt'));
    try {
      const index = (await vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID)!.activate())
        .probes.get('workspaceIndex') as { whenReady(): Promise<void>; reportUris(): vscode.Uri[] };
      await index.whenReady();
      await waitFor('the index to know the plain 2022 narrative', () => index.reportUris().some((u) => u.fsPath.endsWith(path.join('checks-plain', 'veldora-2022.txt'))));
      await show(vscode.Uri.file(path.join(folder, 'veldora-2023.tip.txt')));
      const [previous] = byRule(await checkActive(), 'previous-period');
      assert.ok(previous, 'a previous-period finding against the plain .txt');
      assert.ok(previous.relatedInformation?.some((r) => r.location.uri.fsPath.endsWith('veldora-2022.txt')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the Findings view groups the findings by rule', async () => {
    const editor = await show(v2023);
    await checkActive();
    const snap = await waitFor('the Findings view to show the 2023 report', () => {
      const s = findings.snapshot();
      return s.uri === editor.document.uri.toString() && s.state === 'found' && s.groups.length === 8 && s;
    });
    const diags = ours(editor.document.uri);
    assert.deepStrictEqual(snap.groups.map((g) => g.rule),
      ['repeated-figure', 'breakdown-sum', 'conversion-rate', 'previous-period', 'tier', 'trend-claim', 'acronym', 'number-style']);
    for (const g of snap.groups) {
      assert.strictEqual(g.label, g.rule);
      assert.strictEqual(g.children.length, byRule(diags, g.rule).length, g.rule);
      assert.strictEqual(g.description, `${g.children.length} finding${g.children.length === 1 ? '' : 's'}`);
      for (const c of g.children) assert.match(c.description, /^Ln \d+, Col \d+$/);
    }
    const style = snap.groups.find((g) => g.rule === 'number-style')!;
    assert.deepStrictEqual(style.children.map((c) => c.line), [15, 15]);
    assert.strictEqual(findings.view.badge?.value, diags.length);
  });

  test('the findings report opens as a read-only Markdown document', async () => {
    await show(v2023);
    await checkActive();
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('tipLens.findings.openReport');
    assert.ok(report);
    assert.strictEqual(report.languageId, 'markdown');
    assert.ok(!report.isUntitled);
    const text = report.getText();
    assert.ok(text.startsWith('# Consistency findings: veldora-2023.tip.txt\n'), text.slice(0, 200));
    assert.match(text, /Last year's narrative: \[checks\/veldora-2022\.tip\.txt\]/);
    for (const rule of ['repeated-figure', 'breakdown-sum', 'conversion-rate', 'previous-period', 'tier', 'trend-claim', 'acronym', 'number-style']) {
      assert.ok(text.includes(`\n## ${rule}\n`), rule);
    }
    assert.match(text, /\*\*error\*\* \(\[line 21\]\(file:[^)]*veldora-2023\.tip\.txt#L21,\d+\)\): The parts of 127/);
    assert.strictEqual(findings.lastReport()?.document, report);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('settings: severity per rule, rules off, the number-style switch and the conversion tolerance', async () => {
    const editor = await show(v2023);
    const doc = editor.document;
    // Checked here too, so that the test also runs alone (`--grep conversion`).
    await checkActive();
    await setCheck('severity', { 'breakdown-sum': 'information', acronym: 'off' });
    let diags = await waitFor('the settings to apply', () => {
      const d = ours(doc.uri);
      return byRule(d, 'acronym').length === 0 && d.length > 0 && d;
    });
    assert.strictEqual(byRule(diags, 'breakdown-sum')[0]!.severity, vscode.DiagnosticSeverity.Information);
    // The rules left at their default keep it.
    assert.strictEqual(byRule(diags, 'number-style')[0]!.severity, vscode.DiagnosticSeverity.Hint);
    await setCheck('numberStyle', false);
    diags = await waitFor('number style to be off', () => {
      const d = ours(doc.uri);
      return byRule(d, 'number-style').length === 0 && d.length > 0 && d;
    });
    assert.ok(byRule(diags, 'repeated-figure').length === 1);
    // The conversion tolerance: $81,630 is 19% off the report's rate; 25% lets it pass.
    await setCheck('conversionTolerance', 0.25);
    await waitFor('the wider tolerance to apply', () => byRule(ours(doc.uri), 'conversion-rate').length === 0 && byRule(ours(doc.uri), 'repeated-figure').length === 1);
    await setCheck('conversionTolerance', undefined);
    await waitFor('the default tolerance again', () => byRule(ours(doc.uri), 'conversion-rate').length === 1);
    await setCheck('severity', undefined);
    await setCheck('numberStyle', undefined);
    await waitFor('the defaults again', () => byRule(ours(doc.uri), 'number-style').length === 2 && byRule(ours(doc.uri), 'acronym').length >= 1);
  });

  test('"run": "onSave" checks on save only; the old onOpen setting is still honoured', async () => {
    await setCheck('run', 'onSave');
    await setCheck('onOpen', true); // deprecated, and outranked by an explicit `run`
    const saved = copy(sample('veldora-2023.tip.txt'), path.join('save', 'veldora-2023.tip.txt'));
    const editor = await show(saved);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(ours(saved), [], 'not checked on open when run is onSave');
    const doc = editor.document;
    const at = doc.positionAt(doc.getText().indexOf('the removal of 7 victims') + 'the removal of '.length);
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 1)), 'seven')));
    assert.ok(await doc.save());
    const diags = await waitFor('diagnostics on save', () => {
      const d = ours(saved);
      return d.length > 0 && diagnosticsProbe.checker.current(doc) && d;
    });
    assert.deepStrictEqual(byRule(diags, 'number-style').map((d) => doc.getText(d.range)), ['fifteen']);

    // Without `run`, the old `onOpen: false` still means "not on open".
    await setCheck('run', undefined);
    await setCheck('onOpen', false);
    const legacy = copy(sample('veldora-2023.tip.txt'), path.join('legacy', 'veldora-2023.tip.txt'));
    await show(legacy);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(ours(legacy), [], 'onOpen: false is honoured');
    await setCheck('onOpen', undefined);
  });

});

seedSuite('Consistency check: the seed', () => {
  suiteSetup(activate);

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the real seed narrative: nothing above Information', async () => {
    const file = path.join(workspaceRoot(), 'checks', 'seed', 'mali-2020.tip.txt');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, seedText());
    await assertNothingAboveInformation(vscode.Uri.file(file));
  });
});
