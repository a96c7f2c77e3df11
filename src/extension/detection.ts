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

  // A change of language closes and re-opens the document in the same tick; a real close does
  // not re-open it. So a close forgets the switch only if no open follows at once: the user's
  // own switch back to plain text is then kept, and a file closed and opened later is read again.
  const closing = new Map<string, ReturnType<typeof setTimeout>>();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      const key = doc.uri.toString();
      const pending = closing.get(key);
      if (pending) {
        clearTimeout(pending);
        closing.delete(key);
      }
      void consider(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      if (!switched.has(key)) return;
      closing.set(key, setTimeout(() => {
        closing.delete(key);
        switched.delete(key);
      }, 0));
    }),
    { dispose: () => closing.forEach((t) => clearTimeout(t)) },
  );
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
}
