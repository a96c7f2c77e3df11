import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { locationOf, rangeOf } from './convert';
import { LANGUAGE_ID } from './detection';

const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

/**
 * Go to Definition on an acronym or a name goes to where the report defines it
 * (`Malian armed forces (FAMa)`); Find All References lists every mention of an entity, or
 * every figure of the same metric and period.
 */
export function registerNavigation(context: vscode.ExtensionContext, service: AnalysisService): void {
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
        if (hit.kind === 'figure') return report.index.sameMetricAndPeriod(hit.figure).map((f) => locationOf(doc, f));
        return undefined;
      },
    }),
  );
}
