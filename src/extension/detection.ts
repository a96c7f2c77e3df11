import * as vscode from 'vscode';
import { detectTipReport } from '../core/detect';
import { LanguageChoices, TIP_LANGUAGE } from './languageChoices';
import { probes } from './probes';

export const LANGUAGE_ID = TIP_LANGUAGE;

/** The workspace state key of the reports the user set back to plain text. */
const KEPT_PLAIN = 'tipLens.detection.keptPlain';

/**
 * Switches plain-text documents that are TIP narratives to the `tip-report` language. If the user
 * sets a report back to plain text, that choice stands: for the rest of the session, and after the
 * file is closed and opened again (kept in the workspace's state), until they set it to TIP Report
 * themselves (see languageChoices.ts).
 */
export function registerDetection(context: vscode.ExtensionContext): void {
  const choices = new LanguageChoices(context.workspaceState.get<string[]>(KEPT_PLAIN, []),
    (kept) => void context.workspaceState.update(KEPT_PLAIN, kept));
  probes.set('detection', choices.decisions);

  const consider = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== 'plaintext') return;
    const key = doc.uri.toString();
    if (!choices.shouldConsider(key)) return;
    if (!vscode.workspace.getConfiguration('tipLens', doc.uri).get<boolean>('detection.enabled', true)) return choices.decided(key, 'disabled');
    if (!detectTipReport(doc.getText()).isTipReport) return choices.decided(key, 'not a report');
    choices.decided(key, 'switched');
    try {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } catch {
      // The document was closed before the switch: nothing to do.
    }
  };

  const timers = new Set<ReturnType<typeof setTimeout>>();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      choices.opened(doc.uri.toString(), doc.languageId);
      void consider(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      choices.closed(key, doc.languageId);
      if (!choices.isClosing(key)) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        choices.settled(key);
      }, 0);
      timers.add(timer);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const doc of vscode.workspace.textDocuments) void consider(doc);
}
