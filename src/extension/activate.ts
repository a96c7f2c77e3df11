import * as vscode from 'vscode';
import { AnalysisService } from './analysisService';
import { registerAnnotations } from './annotations';
import { registerCodeActions } from './codeActions';
import { registerDecorations } from './decorations';
import { registerDetection } from './detection';
import { registerDiagnostics } from './diagnostics';
import { registerExportDataset } from './exportDataset';
import { registerFindingsTree } from './findingsTree';
import { registerNavigation } from './navigation';
import { registerHovers } from './hover';
import { registerReportTree } from './reportTree';
import { registerStatusBar } from './statusBar';
import { registerStructure } from './structure';
import { registerTimeline } from './timeline';
import { PreviousYear } from './previousYear';
import { probes, type TipLensExports } from './probes';
import { WorkspaceIndex } from './workspaceIndex';
import { setPlatform, type Platform } from './platform';

/**
 * The extension, in Node (`main.ts`) and in the browser (`web.ts`), which differ only in
 * `platform`. One service owns the analyses of open reports and one index the reports of the
 * workspace; each feature (one file each) registers itself against them and puts its disposables
 * in `context.subscriptions`.
 */
export function activateTipLens(context: vscode.ExtensionContext, platform: Platform): TipLensExports {
  setPlatform(platform);
  registerDetection(context);
  const service = new AnalysisService();
  const workspace = new WorkspaceIndex(service);
  // Last year's narrative of a report: the check and the money hover ask the same service.
  const previousYear = new PreviousYear(service, workspace);
  context.subscriptions.push(service, workspace);
  registerDecorations(context, service);
  registerReportTree(context, service);
  registerHovers(context, service, workspace, previousYear);
  registerNavigation(context, service, workspace);
  registerStructure(context, service);
  registerStatusBar(context, service, workspace);
  const checker = registerDiagnostics(context, service, previousYear);
  registerAnnotations(context, service, checker);
  registerCodeActions(context, checker);
  registerFindingsTree(context, checker);
  registerExportDataset(context);
  registerTimeline(context, service, workspace);
  probes.set('service', service);
  probes.set('workspaceIndex', workspace);
  return { probes };
}
