import * as vscode from 'vscode';

/**
 * The notifications the annotation services and commands show, kept (the last 50) for the
 * tests: VS Code offers no API to read notifications back.
 */

export interface Message {
  readonly severity: 'warning' | 'information' | 'error';
  readonly text: string;
}

const shown: Message[] = [];

/** The notifications shown, newest last. */
export const shownMessages: readonly Message[] = shown;

export function notify(severity: Message['severity'], text: string): void {
  shown.push({ severity, text });
  if (shown.length > 50) shown.shift();
  if (severity === 'warning') void vscode.window.showWarningMessage(text);
  else if (severity === 'error') void vscode.window.showErrorMessage(text);
  else void vscode.window.showInformationMessage(text);
}
