/**
 * The rule descriptions behind a problem's code and the findings report open rendered in the
 * Markdown preview, as read-only documents with clear titles: no untitled buffer that asks to be
 * saved, no raw Markdown of the extension's own folder (issue 11).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionPath, suiteFolder, waitFor } from './support';

const PREVIEW = 'vscode.markdown.preview.editor';

function activeTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.activeTabGroup.activeTab;
}

suite('Rule descriptions and the findings report, rendered', () => {
  const folder = suiteFolder('rendered-docs');

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    folder.remove();
  });

  test("a problem's code links to its rule, which opens rendered", async () => {
    const uri = folder.write('veldora-2023.tip.txt', fs.readFileSync(path.join(extensionPath(), 'samples', 'veldora-2023.tip.txt'), 'utf8'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('tipLens.checkConsistency');
    const diags = await waitFor('the problems', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'tip-lens');
      return d.length > 0 && d;
    });
    const code = diags[0]!.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.target.toString(), `tip-lens:/rules/${code.value}.md`);
    const text = (await vscode.workspace.openTextDocument(code.target)).getText();
    assert.strictEqual(text, fs.readFileSync(path.join(extensionPath(), 'docs', 'rules', `${code.value}.md`), 'utf8'));
    await vscode.commands.executeCommand('vscode.open', code.target);
    await waitFor(() => `the rule rendered (active tab: ${activeTab()?.label})`, () => {
      const input = activeTab()?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === PREVIEW && input.uri.toString() === code.target.toString();
    });
  });

  test('the findings report is a read-only document, shown rendered, named after the report', async () => {
    const uri = vscode.Uri.file(path.join(folder.path(), 'veldora-2023.tip.txt'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const report = await vscode.commands.executeCommand<vscode.TextDocument>('tipLens.findings.openReport');
    assert.ok(report);
    assert.strictEqual(report.uri.scheme, 'tip-lens');
    assert.ok(!report.isUntitled, 'not an untitled buffer that asks to be saved');
    assert.ok(report.uri.path.endsWith('/Findings of veldora-2023.tip.txt.md'), report.uri.path);
    assert.ok(report.getText().startsWith('# Consistency findings: veldora-2023.tip.txt\n'));
    assert.match(report.getText(), /\| \[acronym\]\(tip-lens:\/rules\/acronym\.md\) \|/);
    await waitFor(() => `the report rendered (active tab: ${activeTab()?.label})`, () => {
      const input = activeTab()?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === PREVIEW && input.uri.toString() === report.uri.toString();
    });
  });
});
