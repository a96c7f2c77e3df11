import * as vscode from 'vscode';
import { detectTipReport } from '../core/detect';

export const LANGUAGE_ID = 'tip-report';

/**
 * Switches plain-text documents that are TIP narratives to the `tip-report` language.
 * A document is switched at most once a session: if the user sets it back to plain text,
 * that choice stands.
 */
export function registerDetection(context: vscode.ExtensionContext): void {
  const switched = new Set<string>();

  const consider = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== 'plaintext') return;
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    if (!vscode.workspace.getConfiguration('tipLens', doc.uri).get<boolean>('detection.enabled', true)) return;
    if (!detectTipReport(doc.getText()).isTipReport) return;
    switched.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch {
      // The document was closed before the switch: nothing to do.
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => void consider(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      // A closed document forgets the switch unless it is only being re-opened with its new language.
      if (doc.languageId === 'plaintext') switched.delete(doc.uri.toString());
    }),
  );
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
}
