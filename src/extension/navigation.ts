import * as vscode from 'vscode';
import type { Figure } from '../core/model';
import type { AnalysisService, Report } from './analysisService';
import { locationOf, rangeOf } from './convert';
import { LANGUAGE_ID } from './detection';
import type { WorkspaceIndex } from './workspaceIndex';

/** The figure under the cursor of `doc`, with its report. */
async function figureAt(service: AnalysisService, doc: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<{ report: Report; figure: Figure } | undefined> {
  const report = await service.report(doc, token);
  const hit = report?.index.at(doc.offsetAt(position));
  return report && hit?.kind === 'figure' ? { report, figure: hit.figure } : undefined;
}

/**
 * A figure's own mentions: itself, the same quantity stated again in this report (same metric,
 * period and value), and in the workspace's other reports (the same quantity, the same value).
 */
function mentionsOfFigure(doc: vscode.TextDocument, report: Report, f: Figure, workspace: WorkspaceIndex): vscode.Location[] {
  const here = [f, ...report.index.restatements(f)].sort((a, b) => a.start - b.start).map((g) => locationOf(doc, g));
  const key = report.index.quantityKey(f);
  const meta = report.analysis.meta;
  const others = key && workspace.state !== 'disabled'
    ? workspace.figuresFor(key, meta.country, doc.uri).filter((o) => o.figure.value === f.value && o.figure.max === f.max).map((o) => new vscode.Location(o.uri, o.range))
    : [];
  return [...here, ...others];
}

const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

/**
 * Go to Definition on an acronym or a name goes to where the report defines it
 * (`Malian armed forces (FAMa)`); Find All References lists every mention of an entity, or a
 * figure's own mentions (the same quantity stated again, here and in other reports). **Show
 * Figures of the Same Metric and Period** lists those apart, in the references view.
 */
export function registerNavigation(context: vscode.ExtensionContext, service: AnalysisService, workspace: WorkspaceIndex): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      async provideDefinition(doc, position, token) {
        const report = await service.report(doc, token);
        const hit = report?.index.at(doc.offsetAt(position));
        if (!hit || hit.kind !== 'entity') return undefined;
        const target = hit.entity.definition ?? hit.entity.mentions[0];
        if (!target) return undefined;
        const link: vscode.LocationLink = {
          originSelectionRange: rangeOf(doc, hit.mention),
          targetUri: doc.uri,
          targetRange: rangeOf(doc, target),
          targetSelectionRange: rangeOf(doc, target),
        };
        return [link];
      },
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, {
      async provideReferences(doc, position, refContext, token) {
        const report = await service.report(doc, token);
        const hit = report?.index.at(doc.offsetAt(position));
        if (!report || !hit) return undefined;
        if (hit.kind === 'entity') {
          return hit.entity.mentions
            .filter((m) => refContext.includeDeclaration || !m.definition)
            .map((m) => locationOf(doc, m));
        }
        if (hit.kind === 'figure') return mentionsOfFigure(doc, report, hit.figure, workspace);
        return undefined;
      },
    }),
    vscode.commands.registerCommand('tipLens.showSameMetricAndPeriod', async (uri?: vscode.Uri, position?: vscode.Position) => {
      const editor = vscode.window.activeTextEditor;
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
      const at = position ?? editor?.selection.active;
      const found = doc && at ? await figureAt(service, doc, at) : undefined;
      if (!doc || !at || !found) {
        void vscode.window.showInformationMessage('TIP Lens: put the cursor on a figure to list the figures of its metric and period.');
        return [];
      }
      const locations = found.report.index.sameMetricAndPeriod(found.figure).map((f) => locationOf(doc, f));
      await vscode.commands.executeCommand('editor.action.showReferences', doc.uri, at, locations);
      return locations;
    }),
  );
}
