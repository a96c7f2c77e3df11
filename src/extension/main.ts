import { promises as fsp } from 'fs';
import type * as vscode from 'vscode';
import { activateTipLens } from './activate';
import type { TipLensExports } from './probes';

/** The extension's entry point in the Node extension host (package.json `main`). */
export function activate(context: vscode.ExtensionContext): TipLensExports {
  return activateTipLens(context, {
    kind: 'node',
    replaceFileOnDisk: (from, to) => fsp.rename(from.fsPath, to.fsPath),
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
