/**
 * Issue 11, "A finding cannot be dismissed", in a real VS Code: a finding of the Veldora sample
 * dismissed through its quick fix's command (the reason passed as an argument, so no input box)
 * leaves the Problems panel and the Findings view, the annotation file beside the report holds
 * the dismissal, an edit elsewhere keeps it dismissed, a change of the flagged figure brings the
 * finding back with its new message, and Delete Annotation shows a dismissed finding again.
 *
 * Works on a copy in `dismiss/` of the temporary workspace.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, suiteFolder, waitFor } from './support';
import { parseAnnotationFile } from '../../src/core/annotations';
import type { Finding } from '../../src/core/checks';
import type { CommandResult } from '../../src/extension/annotations/protocol';
import type { FindingsCodeActions } from '../../src/extension/codeActions';
import type { DiagnosticsProbe } from '../../src/extension/diagnostics';
import type { FindingsProbe } from '../../src/extension/findingsTree';

const suiteDir = suiteFolder('dismiss');
const REASON = 'the report counts one adult whose sex is not given';

let diagnostics: DiagnosticsProbe;
let findings: FindingsProbe;
let codeActions: FindingsCodeActions;
let extensionPath: string;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tip-lens');
}

const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** The findings published for the current version of `doc`. */
function current(doc: vscode.TextDocument): readonly Finding[] | undefined {
  const r = diagnostics.checker.last(doc.uri);
  return r && r.version === doc.version ? r.findings : undefined;
}

async function replace(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, from);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

suite('Dismissing a finding', () => {
  let report: vscode.Uri;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<{ probes: ReadonlyMap<string, unknown> }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    extensionPath = extension.extensionPath;
    const { probes } = await extension.activate();
    diagnostics = probes.get('diagnostics') as DiagnosticsProbe;
    findings = probes.get('findingsTree') as FindingsProbe;
    codeActions = probes.get('codeActions') as FindingsCodeActions;
    assert.ok(diagnostics && findings && codeActions);
    report = suiteDir.write('veldora-2023.tip.txt', fs.readFileSync(path.join(extensionPath, 'samples', 'veldora-2023.tip.txt'), 'utf8'));
  });

  suiteTeardown(async () => {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty && doc.uri.fsPath.includes(`${path.sep}dismiss${path.sep}`)) {
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    suiteDir.remove();
  });

  test('dismissed through the quick fix: gone from Problems and Findings, kept in the annotation file, back when its figure changes', async () => {
    const doc = await vscode.workspace.openTextDocument(report);
    await vscode.window.showTextDocument(doc, { preview: false });
    const result = await vscode.commands.executeCommand<{ version: number } | undefined>('tipLens.checkConsistency');
    assert.ok(result);
    const p2 = ours(doc.uri).find((d) => ruleOf(d) === 'breakdown-sum');
    assert.ok(p2, 'P2 is flagged');
    const message = p2.message;
    assert.match(message, /add up to 120, not 127/);
    const before = ours(doc.uri).length;
    await waitFor('the Findings view to list P2', () => findings.snapshot().groups.some((g) => g.rule === 'breakdown-sum'));

    // The quick fix, last after the rule's own fixes; its command with the reason as an argument asks nothing.
    const token = new vscode.CancellationTokenSource().token;
    const actions = await codeActions.provideCodeActions(doc, p2.range, { diagnostics: [p2], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Invoke }, token);
    const dismiss = actions.find((a) => a.title === 'Dismiss this finding...' && a.diagnostics?.[0]?.message === message);
    assert.ok(dismiss?.command, actions.map((a) => a.title).join(', '));
    assert.strictEqual(dismiss.command.command, 'tipLens.dismissFinding');
    const r = await vscode.commands.executeCommand<CommandResult>(dismiss.command.command, ...(dismiss.command.arguments ?? []), REASON);
    assert.ok(r?.ok, JSON.stringify(r));

    // Gone from the Problems panel and the Findings view; the rest stays.
    await waitFor('P2 to leave the Problems panel', () => !ours(doc.uri).some((d) => ruleOf(d) === 'breakdown-sum'));
    assert.strictEqual(ours(doc.uri).length, before - 1);
    const snap = await waitFor('P2 to leave the Findings view', () => {
      const s = findings.snapshot();
      return s.uri === doc.uri.toString() && !s.groups.some((g) => g.rule === 'breakdown-sum') && s;
    });
    assert.strictEqual(snap.groups.reduce((n, g) => n + g.children.length, 0), before - 1);
    assert.match(snap.message ?? '', /^1 finding dismissed/);
    assert.deepStrictEqual(diagnostics.checker.last(doc.uri)!.dismissed.map((d) => [d.finding.message, d.reason]), [[message, REASON]]);

    // The annotation file beside the report holds it; the report's text is unchanged.
    const file = parseAnnotationFile(fs.readFileSync(`${report.fsPath}.annotations.json`, 'utf8'));
    assert.ok(file.ok, file.ok ? '' : file.error);
    assert.strictEqual(file.file.annotations.length, 1);
    const ann = file.file.annotations[0]!;
    assert.deepStrictEqual([ann.decision, ann.rule, ann.fingerprint, ann.note], ['dismiss', 'breakdown-sum', message, REASON]);
    assert.strictEqual(doc.getText(new vscode.Range(doc.positionAt(ann.selector[0].start), doc.positionAt(ann.selector[0].end))), ann.selector[1].exact);
    assert.strictEqual(doc.isDirty, false, 'dismissing edits nothing in the report');

    // The hover on its text lists the dismissal, with its reason and Show Again.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(ann.selector[0].start));
    const md = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(md.includes('Dismissed: '), md);
    assert.ok(md.includes('one adult whose sex is not given'), md);
    assert.match(md, /\[Show Again\]\(command:tipLens\.fromHover\?[^)]*tipLens\.deleteAnnotation/);

    // An edit elsewhere: still dismissed.
    await replace(doc, 'These efforts included', 'A sentence added by hand. These efforts included');
    await waitFor('the check of the edited text', () => current(doc));
    assert.ok(!ours(doc.uri).some((d) => ruleOf(d) === 'breakdown-sum'), 'still dismissed after an edit elsewhere');
    assert.strictEqual(ours(doc.uri).length, before - 1);

    // The flagged figure's text changes: the finding is back, with its new message.
    await replace(doc, '52 men', '50 men');
    const back = await waitFor('P2 to come back with its new message', () => current(doc) && ours(doc.uri).find((d) => ruleOf(d) === 'breakdown-sum'));
    assert.match(back.message, /add up to 118, not 127/);
    await waitFor('the Findings view to list it again', () => {
      const s = findings.snapshot();
      return s.groups.some((g) => g.rule === 'breakdown-sum' && g.children.some((c) => c.label === back.message)) && s.message === undefined;
    });

    // The figure as it was: dismissed again; Delete Annotation shows it again.
    await replace(doc, '50 men', '52 men');
    await waitFor('P2 dismissed again', () => current(doc) && !ours(doc.uri).some((d) => ruleOf(d) === 'breakdown-sum'));
    const del = await vscode.commands.executeCommand<CommandResult>('tipLens.deleteAnnotation', doc.uri, ann.id);
    assert.ok(del?.ok, JSON.stringify(del));
    const again = await waitFor('P2 shown again after its dismissal is deleted', () => ours(doc.uri).find((d) => ruleOf(d) === 'breakdown-sum'));
    assert.strictEqual(again.message, message);
  });

  test('from the Findings view: Escape in the reason box cancels; the command without a finding refuses', async () => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === report.toString())!;
    const f = current(doc) ?? (await diagnostics.checker.check(doc))!.findings;
    const p8 = f.find((x) => x.rule === 'number-style');
    assert.ok(p8);
    // As the Findings view's context menu calls it: with the node, no reason, so the input box asks.
    const node = { kind: 'finding', uri: doc.uri, rule: p8.rule, finding: p8, range: new vscode.Range(doc.positionAt(p8.start), doc.positionAt(p8.end)), related: [] };
    const pending = vscode.commands.executeCommand<CommandResult>('tipLens.dismissFinding', node);
    await new Promise((r) => setTimeout(r, 300));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const r = await pending;
    assert.deepStrictEqual(r, { ok: false, message: 'cancelled' });
    const none = await vscode.commands.executeCommand<CommandResult>('tipLens.dismissFinding', doc.uri, { rule: 'breakdown-sum', message: 'no such finding' }, '');
    assert.strictEqual(none?.ok, false);
    const file = parseAnnotationFile(fs.readFileSync(`${report.fsPath}.annotations.json`, 'utf8'));
    assert.ok(file.ok && file.file.annotations.length === 0, 'nothing was written');
  });
});
