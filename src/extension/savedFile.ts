/**
 * What a message after writing a file offers, where it works: Open (in an editor, or VS Code's
 * image preview), Show in Explorer (when it lies in the workspace), and Reveal in the system's
 * file manager only in a desktop window on its own machine (not in a browser, nor on a remote).
 * Export Dataset and the timeline's exports offer the same.
 */
import * as vscode from 'vscode';

export interface SavedFileAction {
  readonly title: string;
  run(): Thenable<unknown>;
}

/** The actions for a file written at `output`; `open` when it is one file that VS Code can show. */
export function savedFileActions(output: vscode.Uri, open: boolean): SavedFileAction[] {
  const out: SavedFileAction[] = [];
  if (open) out.push({ title: 'Open', run: () => vscode.commands.executeCommand('vscode.open', output) });
  if (vscode.workspace.getWorkspaceFolder(output)) out.push({ title: 'Show in Explorer', run: () => vscode.commands.executeCommand('revealInExplorer', output) });
  if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined && output.scheme === 'file') {
    out.push({ title: 'Reveal in File Manager', run: () => vscode.commands.executeCommand('revealFileInOS', output) });
  }
  return out;
}
