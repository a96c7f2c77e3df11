import type * as vscode from 'vscode';
import { activateTipLens } from './activate';
import type { TipLensExports } from './probes';

/**
 * The extension's entry point in the browser's web worker extension host (package.json
 * `browser`: vscode.dev, github.dev, a VS Code server): no Node built-in, files only through
 * `vscode.workspace.fs`.
 */
export function activate(context: vscode.ExtensionContext): TipLensExports {
  return activateTipLens(context, { kind: 'web' });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
