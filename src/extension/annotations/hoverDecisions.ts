import * as vscode from 'vscode';
import { notify } from './messages';
import { ANNOTATION_COMMANDS, type CommandResult, FROM_HOVER, type HoverDecision } from './protocol';

/**
 * A decision made from a hover's link shows at once. VS Code keeps an open hover as it was drawn,
 * and a hover provider has no event to say that its hover changed (microsoft/vscode#110350 asked
 * for one); `editor.action.showHover` asks the providers again, at the cursor, once the hover is
 * hidden (`editor.action.hideHover`): shown again at the same place, a hover is not recomputed.
 *
 * So the hover's links run their command through {@link FROM_HOVER}: after a decision that
 * changed something, the stale hover is hidden and shown again at the decision's place, the
 * cursor put there for that moment and given back at once. The text is not touched; the
 * selections end as they were.
 */
export function registerHoverDecisions(): vscode.Disposable {
  return vscode.commands.registerCommand(FROM_HOVER, async (link: HoverDecision | undefined): Promise<CommandResult> => {
    const command = link?.command;
    if (!link || typeof command !== 'string' || command === FROM_HOVER || !ANNOTATION_COMMANDS.includes(command)) {
      const message = `TIP Lens: a hover's link cannot run ${String(command)}.`;
      notify('warning', message);
      return { ok: false, message };
    }
    const result = await vscode.commands.executeCommand<CommandResult | undefined>(command, ...(Array.isArray(link.args) ? link.args : []));
    if (result?.ok && result.changed && typeof link.at === 'number') await showHoverAgain(link.uri, link.at);
    return result ?? { ok: false, message: `${command} gave no result` };
  });
}

/** Hides the hover of the active editor of `uri` and shows it again at `at` (an offset). */
async function showHoverAgain(uri: string, at: number): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri) return;
  const doc = editor.document;
  const position = doc.positionAt(Math.min(at, doc.getText().length));
  const selections = editor.selections;
  await vscode.commands.executeCommand('editor.action.hideHover');
  editor.selections = [new vscode.Selection(position, position)];
  await vscode.commands.executeCommand('editor.action.showHover', { focus: 'noAutoFocus' });
  editor.selections = selections;
}
