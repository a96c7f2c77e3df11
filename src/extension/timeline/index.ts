/**
 * The timeline in the editor: **TIP Lens: Show Timeline** (a webview panel per country, revealed
 * when it is open) and **TIP Lens: Compare Countries** (one panel, one metric in one data year).
 * Both ask the workspace index for the reports' texts and analyses and draw what
 * src/core/timeline makes of them; each page is redrawn when the index changes a report of what
 * it shows.
 *
 * Arguments (for the hover's link, keybindings and tests):
 * - `tipLens.showTimeline(uri?: string | Uri, offset?: number, metric?: TimelineMetric)`: the
 *   country of the narrative at `offset` of that report (else of the active report, else one
 *   picked from the workspace's countries); scrolls to `metric`. Resolves to `{ country }`.
 * - `tipLens.compareCountries(metric?: TimelineMetric, year?: number)`: whatever is not given is
 *   picked (the year defaults to the active report's data year). Resolves to `{ metric, year }`.
 */
import * as vscode from 'vscode';
import { dataYear } from '../../core/checks/previousPeriod';
import { countryKey } from '../../core/country';
import {
  compareCountries, countrySeries, disagreementFindings, TIMELINE_LABELS, TIMELINE_METRICS, type TimelineMetric,
} from '../../core/timeline';
import { type AnalysisService, isTipReport } from '../analysisService';
import { probes } from '../probes';
import { concerns, type WorkspaceIndex } from '../workspaceIndex';
import { ChartPanel, type PanelSource } from './panel';
import { COMPARE_COUNTRIES, type CompareModel, SHOW_TIMELINE, type TimelineModel } from './protocol';

/** What the integration tests read through `probes.get('timeline')`. */
export interface TimelineProbe {
  /** The open timeline of a country (any case), with the model its page was given. */
  timeline(country: string): ChartPanel | undefined;
  /** The Compare Countries panel, if open. */
  compare(): ChartPanel | undefined;
}

const INDEX_OFF = 'The timeline reads the reports of the workspace through its index, which is off (setting TIP Lens › Index: Enabled).';

export function registerTimeline(context: vscode.ExtensionContext, service: AnalysisService, index: WorkspaceIndex): void {
  const timelines = new Map<string, ChartPanel>();
  let comparison: ChartPanel | undefined;
  const { extensionUri } = context;

  const showTimeline = async (uriArg?: unknown, offsetArg?: unknown, metricArg?: unknown): Promise<{ country: string } | undefined> => {
    const metric = asMetric(metricArg);
    const country = (await activeNarrative(service, uriArg, offsetArg))?.country ?? (await pickCountry(index));
    if (!country) return undefined;
    const key = countryKey(country);
    const open = timelines.get(key);
    if (open) {
      open.reveal();
      if (metric) open.post({ type: 'focus', metric });
      return { country };
    }
    const panel = new ChartPanel(extensionUri, 'tipLens.timeline', timelineSource(index, country, metric), index, vscode.ViewColumn.Beside);
    timelines.set(key, panel);
    panel.onDidDispose(() => timelines.delete(key));
    return { country };
  };

  const compare = async (metricArg?: unknown, yearArg?: unknown): Promise<{ metric: TimelineMetric; year: number } | undefined> => {
    const metric = asMetric(metricArg) ?? (await pickMetric());
    if (!metric) return undefined;
    const year = typeof yearArg === 'number' && Number.isInteger(yearArg) ? yearArg : await pickYear(service, index, metric);
    if (year === undefined) return undefined;
    const source = compareSource(index, metric, year);
    if (comparison) {
      comparison.show(source);
      comparison.reveal();
    } else {
      const panel = (comparison = new ChartPanel(extensionUri, 'tipLens.compareCountries', source, index, vscode.ViewColumn.Beside));
      panel.onDidDispose(() => {
        if (comparison === panel) comparison = undefined;
      });
    }
    return { metric, year };
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TIMELINE, showTimeline),
    vscode.commands.registerCommand(COMPARE_COUNTRIES, compare),
    { dispose: () => [...timelines.values(), ...(comparison ? [comparison] : [])].forEach((p) => p.dispose()) },
  );
  probes.set('timeline', {
    timeline: (country) => timelines.get(countryKey(country)),
    compare: () => comparison,
  } satisfies TimelineProbe);
}

function asMetric(x: unknown): TimelineMetric | undefined {
  return typeof x === 'string' && (TIMELINE_METRICS as readonly string[]).includes(x) ? (x as TimelineMetric) : undefined;
}

function timelineSource(index: WorkspaceIndex, country: string, focus: TimelineMetric | undefined): PanelSource {
  return {
    title: `Timeline: ${country}`,
    concerns: (change) => concerns(change, country),
    async compute(token): Promise<TimelineModel | string> {
      await index.whenReady();
      if (index.state === 'disabled') return INDEX_OFF;
      const inputs = await index.timelineInputs({ country }, token);
      const series = countrySeries(inputs, country);
      if (!series) return `No narrative of ${country} in the workspace.`;
      return { view: 'timeline', series, findings: disagreementFindings(inputs, series), ...(focus ? { focus } : {}) };
    },
  };
}

function compareSource(index: WorkspaceIndex, metric: TimelineMetric, year: number): PanelSource {
  const label = TIMELINE_LABELS[metric];
  return {
    title: `Compare: ${label}, ${year}`,
    concerns: () => true,
    async compute(token): Promise<CompareModel | string> {
      await index.whenReady();
      if (index.state === 'disabled') return INDEX_OFF;
      // A year's figures are in the narratives of the next years (its own, a data year late at
      // most three years, and the restatement of the year after).
      const inputs = await index.timelineInputs({ reportYears: [year + 1, year + 4] }, token);
      const values = compareCountries(inputs, metric, year);
      if (values.length === 0) return `No narrative in the workspace covers ${year}.`;
      return { view: 'compare', metric, label, unit: metric === 'budget' ? 'USD' : 'count', year, values };
    },
  };
}

/** The narrative at the cursor (or at `offset`) of the report given, else of the active or a visible report. */
async function activeNarrative(service: AnalysisService, uriArg: unknown, offsetArg: unknown): Promise<{ country: string; year?: number; dataYear?: number } | undefined> {
  const given = uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' && uriArg ? vscode.Uri.parse(uriArg) : undefined;
  const editor = given
    ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === given.toString())
    : [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e && isTipReport(e.document));
  const doc = editor?.document ?? (given ? await vscode.workspace.openTextDocument(given).then((d) => d, () => undefined) : undefined);
  if (!doc || !isTipReport(doc)) return undefined;
  const report = await service.report(doc);
  if (!report) return undefined;
  const offset = typeof offsetArg === 'number' ? offsetArg : editor ? doc.offsetAt(editor.selection.active) : 0;
  const narrative = report.index.narrativeAt(offset);
  const meta = narrative?.meta ?? report.analysis.meta;
  if (!meta.country) return undefined;
  const inside = narrative ? report.analysis.figures.filter((f) => narrative.start <= f.start && f.end <= narrative.end) : report.analysis.figures;
  const data = dataYear(inside, meta.year);
  return { country: meta.country, ...(meta.year ? { year: meta.year } : {}), ...(data !== undefined ? { dataYear: data } : {}) };
}

/** The countries the index knows, to pick one; undefined when there is none or the user cancels. */
async function pickCountry(index: WorkspaceIndex): Promise<string | undefined> {
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'TIP Lens: reading the workspace reports' }, () => index.whenReady());
  const years = new Map<string, { name: string; years: Set<number> }>();
  for (const r of index.reportList()) {
    for (const n of r.narratives) {
      if (!n.country) continue;
      const k = countryKey(n.country);
      const entry = years.get(k) ?? { name: n.country, years: new Set<number>() };
      if (n.year) entry.years.add(n.year);
      years.set(k, entry);
    }
  }
  if (years.size === 0) {
    void vscode.window.showInformationMessage('TIP Lens: no TIP narrative with a country in the workspace to show over the years.');
    return undefined;
  }
  const items = [...years.values()].sort((a, b) => a.name.localeCompare(b.name)).map((c) => {
    const ys = [...c.years].sort();
    return { label: c.name, description: ys.length > 0 ? `${ys.length} narrative${ys.length === 1 ? '' : 's'}, ${ys[0]}${ys.length > 1 ? `-${ys[ys.length - 1]}` : ''}` : '' };
  });
  return (await vscode.window.showQuickPick(items, { title: 'TIP Lens: Show Timeline', placeHolder: 'The country to show over the years' }))?.label;
}

async function pickMetric(): Promise<TimelineMetric | undefined> {
  const items = TIMELINE_METRICS.map((m) => ({ label: TIMELINE_LABELS[m], metric: m }));
  return (await vscode.window.showQuickPick(items, { title: 'TIP Lens: Compare Countries', placeHolder: 'The metric to compare', ignoreFocusOut: true }))?.metric;
}

/** The data years the workspace's narratives cover, the active report's first (and chosen by default). */
async function pickYear(service: AnalysisService, index: WorkspaceIndex, metric: TimelineMetric): Promise<number | undefined> {
  await index.whenReady();
  const active = (await activeNarrative(service, undefined, undefined))?.dataYear;
  const years = new Set<number>();
  for (const r of index.reportList()) for (const n of r.narratives) if (n.year) years.add(n.year - 1);
  if (active !== undefined) years.add(active);
  if (years.size === 0) {
    void vscode.window.showInformationMessage('TIP Lens: no TIP narrative with a year in the workspace to compare.');
    return undefined;
  }
  type Item = vscode.QuickPickItem & { year: number };
  const items: Item[] = [...years].sort((a, b) => b - a).map((y) => ({
    label: String(y), year: y, description: y === active ? "the active report's data year" : `the ${y + 1} reports`,
  }));
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = `TIP Lens: Compare Countries: ${TIMELINE_LABELS[metric]}`;
  qp.placeholder = 'The data year (the 2021 reports cover 2020)';
  // Two steps of one question: a panel redrawn meanwhile must not close the second.
  qp.ignoreFocusOut = true;
  qp.items = items;
  const chosen = items.find((i) => i.year === active);
  if (chosen) qp.activeItems = [chosen];
  return new Promise((resolve) => {
    let picked: number | undefined;
    qp.onDidAccept(() => {
      picked = qp.selectedItems[0]?.year ?? qp.activeItems[0]?.year;
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(picked);
    });
    qp.show();
  });
}
