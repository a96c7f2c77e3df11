import * as vscode from 'vscode';
import { registerDetection } from './detection';

/** The extension's entry point: each feature registers itself and its disposables. */
export function activate(context: vscode.ExtensionContext): void {
  registerDetection(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
