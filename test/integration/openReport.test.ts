/**
 * Open Report... lists the workspace's reports by country, year and tier (not every .txt or CSV),
 * and Re-index Workspace Reports says what it found (issue 11).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, fileUri, waitFor } from './support';

type Pick = vscode.QuickPickItem & { uri?: vscode.Uri };

suite('Open Report and Re-index', () => {
  let picks: () => Pick[];

  suiteSetup(async () => {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as { probes: ReadonlyMap<string, unknown> };
    picks = api.probes.get('reportPicks') as () => Pick[];
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri('zembla-2023.tip.txt')));
  });
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Re-index Workspace Reports says how many reports it indexed', async () => {
    const said = await vscode.commands.executeCommand<string>('tipLens.reindexWorkspace');
    assert.match(said ?? '', /^TIP Lens: \d+ reports? indexed \(\d+ files? read\)$/);
  });

  test('Open Report lists the reports with their country, year and tier, and no other files', async () => {
    const list = await waitFor('the reports to be listed', () => picks().length > 0 && picks());
    const zembla = list.find((p) => p.uri?.toString() === fileUri('zembla-2023.tip.txt').toString());
    assert.ok(zembla, `zembla-2023.tip.txt listed: ${list.map((p) => p.detail).join(', ')}`);
    assert.strictEqual(zembla.label, 'Zembla 2023');
    assert.match(zembla.description ?? '', /^Tier /);
    for (const p of list) assert.ok(!/\.(csv|json)$/.test(p.detail ?? ''), `${p.detail} is not a report`);
    assert.ok(!list.some((p) => /README\.txt$|essay\.txt$/.test(p.detail ?? '')), 'plain notes are not reports');
  });
});
