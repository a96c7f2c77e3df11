/**
 * A report that the user sets back to plain text stays plain text (issue 11); the unit test
 * test/unit/languageChoices.test.ts covers a real close and the next session. Detection records what it decided for each
 * document (the `detection` probe), so the test waits for the decision instead of a delay.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, suiteFolder, waitFor } from './support';

const TIP = 'tip-report';
const PLAIN = 'plaintext';

function docOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
}

suite('Detection: the user\'s choice of plain text', () => {
  const folder = suiteFolder('plain-choice');
  let decisions: ReadonlyMap<string, string>;

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const api = (await ext.activate()) as { probes: ReadonlyMap<string, unknown> };
    decisions = api.probes.get('detection') as ReadonlyMap<string, string>;
    assert.ok(decisions, 'the detection probe');
  });
  suiteTeardown(() => folder.remove());

  test('is recorded, and the report stays plain text when shown again', async () => {
    const text = fs.readFileSync(path.join(folder.path(), '..', 'drafts', 'zembla-draft.txt'), 'utf8');
    const uri = folder.write('kept-plain.txt', text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('the narrative to be switched to TIP Report', () => docOf(uri)?.languageId === TIP);
    await vscode.languages.setTextDocumentLanguage(docOf(uri)!, PLAIN);
    await waitFor('the choice of plain text to be kept', () => decisions.get(uri.toString()) === 'kept plain by the user');

    // VS Code lets go of a closed file's document only minutes later, so a test cannot force a real
    // close: test/unit/languageChoices.test.ts covers that and the next session. Here: shown again,
    // it stays plain text.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await new Promise((r) => setTimeout(r, 50));
    assert.strictEqual(docOf(uri)?.languageId, PLAIN, 'the report was switched to TIP Report again');
  });

  test('set to TIP Report by the user, it is a report again', async () => {
    const uri = vscode.Uri.file(path.join(folder.path(), 'kept-plain.txt'));
    const doc = docOf(uri) ?? (await vscode.workspace.openTextDocument(uri));
    await vscode.languages.setTextDocumentLanguage(doc, TIP);
    await waitFor('the choice to be forgotten', () => docOf(uri)?.languageId === TIP && decisions.get(uri.toString()) !== 'kept plain by the user');
  });
});
