import * as vscode from 'vscode';
import { type AnalysisService, isTipReport } from '../analysisService';
import { annotationsAt, itemOfHit, statusOf } from './items';

/** Context keys for the editor's context menu: what is at the cursor. */
export function trackCursor(service: AnalysisService): vscode.Disposable {
  let item = '';
  let annotation = false;
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const report = editor && isTipReport(editor.document) ? service.current(editor.document) : undefined;
    let nextItem = '';
    let nextAnnotation = false;
    if (editor && report) {
      const offset = editor.document.offsetAt(editor.selection.active);
      const hit = report.index.at(offset);
      nextItem = hit ? (hit.kind === 'entity' ? 'entity' : hit.kind) : '';
      nextAnnotation = annotationsAt(report, offset).length > 0 || !!(hit && statusOf(itemOfHit(hit)).annotation);
    }
    if (nextItem !== item) void vscode.commands.executeCommand('setContext', 'tipLens.cursorItem', (item = nextItem));
    if (nextAnnotation !== annotation) void vscode.commands.executeCommand('setContext', 'tipLens.cursorAnnotation', (annotation = nextAnnotation));
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection(update),
    vscode.window.onDidChangeActiveTextEditor(update),
    service.onDidAnalyze((r) => {
      if (vscode.window.activeTextEditor?.document === r.document) update();
    }),
  );
}
