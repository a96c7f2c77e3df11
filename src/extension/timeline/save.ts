/**
 * Saves what the timeline's page exports (a chart as SVG or PNG, a table as CSV): a save dialog
 * beside the workspace's first folder, `workspace.fs.writeFile`, and a message that offers what
 * works where it runs (Open, Show in Explorer, Reveal), as Export Dataset does.
 */
import * as vscode from 'vscode';
import { savedFileActions } from '../savedFile';
import type { ExportFormat } from './protocol';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  png: { 'PNG image': ['png'] },
  csv: { CSV: ['csv'] },
};

/** A file name from what the page calls it: `Corvania convictions` -> `corvania-convictions`. */
export function fileName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'timeline';
}

/** Asks where, writes, says so; resolves to the file written, or undefined when the user cancelled. */
export async function saveExport(m: { readonly format: ExportFormat; readonly name: string; readonly data: string }): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const output = await vscode.window.showSaveDialog({
    title: `TIP Lens: Export ${m.name} as ${m.format.toUpperCase()}`, saveLabel: 'Export', filters: FILTERS[m.format],
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${fileName(m.name)}.${m.format}`) } : {}),
  });
  if (!output) return undefined;
  const bytes = m.format === 'png' ? Buffer.from(m.data, 'base64') : new TextEncoder().encode(m.data);
  try {
    await vscode.workspace.fs.writeFile(output, bytes);
  } catch (e) {
    void vscode.window.showErrorMessage(`TIP Lens: could not write ${output.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const actions = savedFileActions(output, true);
  void vscode.window.showInformationMessage(`TIP Lens: exported ${m.name} to ${vscode.workspace.asRelativePath(output, false)}.`, ...actions.map((a) => a.title)).then((choice) => {
    void actions.find((a) => a.title === choice)?.run();
  });
  return output;
}
