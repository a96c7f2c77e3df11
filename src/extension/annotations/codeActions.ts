import * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import { LANGUAGE_ID } from '../detection';
import { itemAt, itemName, overlaps, statusOf } from './items';
import { ANNOTATE_SELECTION, CHANGE_ITEM_TYPE, CONFIRM_ITEM, CORRECT_ITEM, REJECT_ITEM } from './protocol';

/**
 * Confirm / Reject / Correct / Change Type on the item at the cursor, and Annotate Selection on a
 * selection: offered when asked for (Ctrl+. or the Refactor menu), not as a light bulb on
 * every figure of a report.
 */
export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.Refactor.append('annotate');
  static readonly kinds = [AnnotationCodeActions.kind];

  constructor(private readonly service: AnalysisService) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
    if (context.only && !context.only.contains(AnnotationCodeActions.kind)) return [];
    const report = await this.service.report(doc, token);
    if (!report || token.isCancellationRequested) return [];
    const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    const actions: vscode.CodeAction[] = [];
    const item = itemAt(report, span);
    const uri = doc.uri.toString();
    if (item && (span.end === span.start || overlaps(item.span, span))) {
      const st = statusOf(item).status;
      const name = itemName(item);
      const args = [uri, item.span.start, item.span.end];
      const add = (title: string, command: string): void => {
        const action = new vscode.CodeAction(title, AnnotationCodeActions.kind);
        action.command = { title, command, arguments: args };
        actions.push(action);
      };
      if (!st || st === 'automatic') add(`Confirm ${name}`, CONFIRM_ITEM);
      add(st === 'manual' ? `Remove ${name} (added by you)` : `Reject ${name}`, REJECT_ITEM);
      add(`Correct ${name}…`, CORRECT_ITEM);
      if (item.kind !== 'money') add(`Change Type of ${name}…`, CHANGE_ITEM_TYPE);
    }
    if (span.end > span.start) {
      const action = new vscode.CodeAction('Annotate Selection…', AnnotationCodeActions.kind);
      action.command = { title: 'Annotate Selection…', command: ANNOTATE_SELECTION, arguments: [{ uri, start: span.start, end: span.end }] };
      actions.push(action);
    }
    return actions;
  }
}

/** Registers the code actions for TIP reports. */
export function registerAnnotationCodeActions(service: AnalysisService): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new AnnotationCodeActions(service), {
    providedCodeActionKinds: AnnotationCodeActions.kinds,
  });
}
