import * as vscode from 'vscode';
import type { Analysis } from '../core/model';
import { isTipReport, type AnalysisService } from './analysisService';
import { probes } from './probes';
import { plural } from '../core/labels';
import type { WorkspaceIndex } from './workspaceIndex';
import { uriName } from './convert';

/** What the status bar item shows, for the integration tests (`probes.get('statusBar')`). */
export interface StatusBarSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  /** The document it describes, and the version of the analysis it shows (none while reading). */
  readonly uri?: string;
  readonly version?: number;
  /** The value of the `tipLens.activeReport` context key. */
  readonly activeReport: boolean;
}

export type StatusBarProbe = () => StatusBarSnapshot;


/** `Mali 2020 - Tier 2 Watch List`: what the report is, leaving out what is unknown. */
function heading(analysis: Analysis): string {
  if (analysis.narratives.length > 1) {
    // A whole report: its year when the narratives share one, and how many narratives it holds.
    const years = new Set(analysis.narratives.map((n) => n.meta.year));
    const year = years.size === 1 ? [...years][0] : undefined;
    return [year, plural(analysis.narratives.length, 'narrative')].filter((p) => p !== undefined).join(' - ');
  }
  const { country, year, tier } = analysis.meta;
  const name = [country, year].filter((p) => p !== undefined).join(' ');
  return [name, tier].filter((p) => p).join(' - ');
}

/** `Mali 2020 - Tier 2 Watch List - 74 figures`. */
export function statusText(analysis: Analysis): string {
  return [heading(analysis), plural(analysis.figures.length, 'figure')].filter((p) => p).join(' - ');
}

export function statusTooltip(analysis: Analysis): string {
  const mentions = analysis.entities.reduce((n, e) => n + e.mentions.length, 0);
  const conversions = analysis.money.filter((m) => m.conversion).length;
  return [
    `TIP Lens: ${heading(analysis) || 'TIP report'}`,
    `${plural(analysis.narratives.length, 'narrative')}, ${plural(analysis.sections.length, 'section')}`,
    `${plural(analysis.figures.length, 'figure')}`,
    `${plural(analysis.entities.length, 'entity', 'entities')} (${plural(mentions, 'mention')})`,
    `${plural(analysis.money.length, 'amount')} of money (${plural(conversions, 'stated conversion')})`,
    '',
    'Click to show the Report view.',
  ].join('\n');
}

async function focusReport(): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.extension.tipLens');
  await vscode.commands.executeCommand('tipLens.report.focus');
}

type ReportPick = vscode.QuickPickItem & { readonly uri?: vscode.Uri };

/** The workspace's reports for `Open Report...`: country and year, tier, path; newest first. */
export function reportPicks(reports: ReturnType<WorkspaceIndex['reportList']>): ReportPick[] {
  const picks = reports.map(({ uri, narratives }) => {
    const n = narratives.length === 1 ? narratives[0] : undefined;
    const label = n ? [n.country, n.year].filter((x) => x !== undefined).join(' ') || uriName(uri)
      : `${uriName(uri)} (${plural(narratives.length, 'narrative')})`;
    return { label, description: n?.tier ?? '', detail: vscode.workspace.asRelativePath(uri), uri, year: n?.year ?? 0 };
  });
  picks.sort((a, b) => a.label.localeCompare(b.label) || b.year - a.year);
  return picks.map(({ year: _year, ...p }) => p);
}

/** Lists the workspace's reports by country, year and tier; "Browse..." opens any file. */
async function openReport(workspace: WorkspaceIndex): Promise<void> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'TIP Lens: finding reports' }, () => workspace.whenReady());
  const browse: ReportPick = { label: '$(folder-opened) Browse...', description: 'open a file that is not listed', alwaysShow: true };
  const picks = reportPicks(workspace.reportList());
  const picked = picks.length === 0 ? browse : await vscode.window.showQuickPick([...picks, browse], {
    title: 'Open a Trafficking in Persons Report',
    placeHolder: 'Type a country, a year or a tier',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  if (picked.uri) {
    await vscode.window.showTextDocument(picked.uri);
    return;
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open Report',
    title: 'Open a Trafficking in Persons Report',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    // `*.tip.txt` ends in `.txt`.
    filters: { 'TIP reports': ['tip', 'txt'], 'All files': ['*'] },
  });
  const uri = chosen?.[0];
  if (uri) await vscode.window.showTextDocument(uri);
}

/**
 * The status bar item of the active TIP report (`Mali 2020 - Tier 2 Watch List - 74 figures`),
 * the `tipLens.activeReport` context key, and the commands to open a report and show its view.
 * It shows the analysis of the text as it is now: while an edit is being read, the count waits.
 */
export function registerStatusBar(context: vscode.ExtensionContext, service: AnalysisService, workspace: WorkspaceIndex): void {
  const item = vscode.window.createStatusBarItem('tipLens.report', vscode.StatusBarAlignment.Left, 50);
  item.name = 'TIP Lens Report';
  item.command = { title: 'Show Report View', command: 'tipLens.focusReport' };

  let snapshot: StatusBarSnapshot = { visible: false, text: '', tooltip: '', activeReport: false };
  let activeReport: boolean | undefined;
  /** The heading of the last analysis of each document, shown while a newer version is read. */
  const headings = new Map<string, string>();

  const setActiveReport = (value: boolean): void => {
    if (value === activeReport) return;
    activeReport = value;
    void vscode.commands.executeCommand('setContext', 'tipLens.activeReport', value);
  };

  /** Sets what changed only: an edit updates the item on every keystroke. */
  const show = (text: string, tooltip: string, label: string): void => {
    if (item.text !== text) item.text = text;
    if (item.tooltip !== tooltip) item.tooltip = tooltip;
    if (item.accessibilityInformation?.label !== label) item.accessibilityInformation = { label };
  };

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const isReport = !!doc && isTipReport(doc);
    setActiveReport(isReport);
    if (!doc || !isReport) {
      if (snapshot.visible) item.hide();
      snapshot = { visible: false, text: '', tooltip: '', activeReport: false };
      return;
    }
    const uri = doc.uri.toString();
    const report = service.current(doc);
    if (report) {
      headings.set(uri, heading(report.analysis));
      const text = statusText(report.analysis);
      show(text, statusTooltip(report.analysis), `TIP Lens: ${text}. Show the Report view.`);
    } else {
      show(`$(loading~spin) ${headings.get(uri) || 'TIP report'}`, 'TIP Lens is reading the report...', 'TIP Lens is reading the report');
    }
    if (!snapshot.visible) item.show();
    snapshot = {
      visible: true,
      text: item.text,
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : '',
      uri,
      ...(report ? { version: report.version } : {}),
      activeReport: true,
    };
  };

  const isActive = (doc: vscode.TextDocument): boolean => vscode.window.activeTextEditor?.document === doc;

  context.subscriptions.push(
    item,
    service.onDidAnalyze((report) => {
      if (isActive(report.document)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0 && isActive(e.document)) update();
    }),
    // A plain-text narrative switched to the TIP Report language is re-opened with it.
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (isActive(doc)) update();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      headings.delete(doc.uri.toString());
    }),
    vscode.commands.registerCommand('tipLens.focusReport', focusReport),
    vscode.commands.registerCommand('tipLens.openReport', () => openReport(workspace)),
  );
  probes.set('statusBar', (() => snapshot) satisfies StatusBarProbe);
  probes.set('reportPicks', () => reportPicks(workspace.reportList()));
  update();
}
