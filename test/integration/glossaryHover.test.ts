/** A common abbreviation that names no one (`NGOs`) has a hover that says what it stands for (issue 11). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, sampleText, suiteFolder } from './support';

suite('Hovers: common abbreviations', () => {
  const folder = suiteFolder('glossary-hover');
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    folder.remove();
  });

  test('NGOs: non-governmental organizations', async () => {
    const uri = folder.write('veldora-2023.tip.txt', sampleText());
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('NGOs');
    assert.ok(at >= 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(at + 1));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*NGO\*\*: non-governmental organization/);
  });
});
