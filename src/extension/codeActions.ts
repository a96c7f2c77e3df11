import * as vscode from 'vscode';
import type { Finding, ReadingFix } from '../core/checks';
import { LANGUAGE_ID } from './detection';
import { type Checker, type CheckResult, rangeIn, SOURCE } from './diagnostics';
import { CORRECT_ITEM, DISMISS_FINDING } from './annotations/protocol';
import { probes } from './probes';

/**
 * Quick fixes for the consistency findings: each fix a rule proposes (take the other value of
 * a repeated figure, restate a conversion at the report's rate, write the number in the
 * style...) becomes a `CodeAction` of kind QuickFix tied to its diagnostic, the first one
 * preferred. Applying it is a `WorkspaceEdit`, so Undo takes it back. A finding that may come from
 * a misreading (a previous-period figure whose period is in doubt) offers first to correct the
 * reading (the Correct command, an annotation), preferred, and then its fixes, none preferred:
 * a fix of the text would make a correct text wrong if the reading is. Each finding also offers
 * "Dismiss this finding..." (annotations/dismiss.ts), last.
 */
export class FindingsCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly checker: Checker) {}

  async provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    // Edits are offsets into one version of the text: never offer those of an older one.
    let result: CheckResult | undefined = this.checker.current(doc);
    if (!result && this.checker.isChecked(doc.uri)) result = await this.checker.check(doc);
    if (!result || token.isCancellationRequested || result.version !== doc.version) return [];
    const actions: vscode.CodeAction[] = [];
    const dismissals: vscode.CodeAction[] = [];
    result.findings.forEach((finding, i) => {
      const diagnostic = result.diagnostics[i]!;
      if (!diagnostic.range.intersection(range)) return;
      const shown = context.diagnostics.find((d) => sameDiagnostic(d, diagnostic)) ?? diagnostic;
      actions.push(...toActions(doc, finding, shown));
      dismissals.push(dismissAction(doc, finding, shown));
    });
    return [...actions, ...dismissals];
  }
}

function sameDiagnostic(a: vscode.Diagnostic, b: vscode.Diagnostic): boolean {
  const code = (d: vscode.Diagnostic): unknown => (typeof d.code === 'object' ? d.code.value : d.code);
  return a.source === SOURCE && code(a) === code(b) && a.range.isEqual(b.range) && a.message === b.message;
}

/** The corrections of the reading, then the fixes of one finding, as quick fixes on `diagnostic`; the first preferred. */
export function toActions(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const corrections = (finding.corrections ?? []).map((c) => correctionAction(doc, c, diagnostic));
  const fixes = finding.fixes.map((fix) => {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits) edit.replace(doc.uri, rangeIn(doc, e), e.newText);
    action.edit = edit;
    return action;
  });
  const all = [...corrections, ...fixes];
  if (all[0]) all[0].isPreferred = true;
  return all;
}

/** A correction of the engine's reading (`Mark 22 as this reporting period's figure`): the Correct command on the item, kept as an annotation. */
function correctionAction(doc: vscode.TextDocument, c: ReadingFix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(c.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  const args = { uri: doc.uri.toString(), start: c.start, end: c.end, ...(c.set ? { set: c.set } : {}), ...(c.attribute ? { attribute: c.attribute } : {}) };
  action.command = { command: CORRECT_ITEM, title: c.title, arguments: [args] };
  return action;
}

/** "Dismiss this finding...": asks for an optional reason, then keeps the dismissal in the annotation file. */
export function dismissAction(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction('Dismiss this finding...', vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = {
    command: DISMISS_FINDING, title: 'Dismiss this finding...',
    arguments: [doc.uri, { rule: finding.rule, message: finding.message, start: finding.start, end: finding.end }],
  };
  return action;
}

export function registerCodeActions(context: vscode.ExtensionContext, checker: Checker): void {
  const provider = new FindingsCodeActions(checker);
  // The tests call the provider itself: `vscode.executeCodeActionProvider` drops `diagnostics`.
  probes.set('codeActions', provider);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, provider, {
      providedCodeActionKinds: FindingsCodeActions.kinds,
    }),
  );
}
