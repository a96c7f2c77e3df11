import * as vscode from 'vscode';
import { OffsetMap } from './convert';
import { ENTITY_GROUP, METRIC_GROUP, type EntityGroup, type MetricGroup } from '../core/labels';
import type { Analysis } from '../core/model';
import { isTipReport, type AnalysisService, type Report } from './analysisService';
import { probes } from './probes';

/** The three things a user can switch on and off, each a `tipLens.highlights.*` setting. */
export type HighlightCategory = 'entities' | 'figures' | 'money';

const CATEGORIES: readonly HighlightCategory[] = ['entities', 'figures', 'money'];

const CATEGORY_LABELS: Record<HighlightCategory, string> = {
  entities: 'Entities',
  figures: 'Figures',
  money: 'Money',
};

const CATEGORY_DETAILS: Record<HighlightCategory, string> = {
  entities: 'government bodies, organizations, armed groups, places, nationalities, laws and plans',
  figures: 'counts, ages, sentences, penalties and percentages, by metric group',
  money: 'amounts of money and their stated conversions',
};

/** `entity.actors`, `figure.law-enforcement`, `money`: one decoration type each. */
export type DecorationKey = `entity.${EntityGroup}` | `figure.${MetricGroup}` | 'money';

interface Kind {
  readonly key: DecorationKey;
  readonly category: HighlightCategory;
  /** A colour contributed in package.json. */
  readonly color: string;
}

const ENTITY_GROUPS: readonly EntityGroup[] = ['actors', 'armed', 'places', 'people', 'instruments'];
const METRIC_GROUPS: readonly MetricGroup[] = ['law-enforcement', 'victims', 'children', 'training', 'terms', 'other'];

/** `law-enforcement` -> `lawEnforcement`, as the colour ids spell it. */
const camel = (s: string): string => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const KINDS: readonly Kind[] = [
  ...ENTITY_GROUPS.map((g): Kind => ({ key: `entity.${g}`, category: 'entities', color: `tipLens.entity.${g}Background` })),
  ...METRIC_GROUPS.map((g): Kind => ({ key: `figure.${g}`, category: 'figures', color: `tipLens.figure.${camel(g)}Background` })),
  { key: 'money', category: 'money', color: 'tipLens.moneyBackground' },
];

/** What the decorations of one document show, for the integration tests (`probes.get('decorations')`). */
export interface DecorationSnapshot {
  /** The document version the shown ranges were made from. */
  readonly version: number;
  /** The categories shown (the settings when this was rendered). */
  readonly shown: Readonly<Record<HighlightCategory, boolean>>;
  /** Ranges shown per decoration key: 0 for a key whose category is off. */
  readonly counts: Readonly<Record<DecorationKey, number>>;
  /** The ranges shown per decoration key (empty for a key whose category is off). */
  readonly ranges: Readonly<Record<DecorationKey, readonly vscode.Range[]>>;
  /** Milliseconds spent turning offsets into ranges for this version, and applying them last time. */
  readonly timings: { readonly rangesMs: number; readonly applyMs: number };
}

export type DecorationsProbe = (uri: vscode.Uri | string) => DecorationSnapshot | undefined;

/** The ranges of one analysis, per decoration key: made once per version, shared by every editor of it. */
interface Built {
  readonly report: Report;
  readonly ranges: Record<DecorationKey, vscode.Range[]>;
  readonly rangesMs: number;
}

type Shown = Readonly<Record<HighlightCategory, boolean>>;

interface Settings {
  readonly enabled: boolean;
  readonly shown: Shown;
}

function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('tipLens.highlights');
  return {
    enabled: c.get<boolean>('enabled', true),
    shown: {
      entities: c.get<boolean>('entities', true),
      figures: c.get<boolean>('figures', true),
      money: c.get<boolean>('money', true),
    },
  };
}

function emptyRanges<T>(make: () => T): Record<DecorationKey, T> {
  const r = {} as Record<DecorationKey, T>;
  for (const k of KINDS) r[k.key] = make();
  return r;
}

/** Every range to highlight in the analyzed text, per decoration key. */
export function buildRanges(analysis: Analysis, map: { range(start: number, end: number): vscode.Range }): Record<DecorationKey, vscode.Range[]> {
  const ranges = emptyRanges<vscode.Range[]>(() => []);
  for (const e of analysis.entities) {
    const into = ranges[`entity.${ENTITY_GROUP[e.type]}`];
    for (const m of e.mentions) into.push(map.range(m.start, m.end));
  }
  for (const f of analysis.figures) ranges[`figure.${METRIC_GROUP[f.metric]}`].push(map.range(f.start, f.end));
  const money = ranges.money;
  for (const m of analysis.money) {
    money.push(map.range(m.start, m.end));
    if (m.conversion) money.push(map.range(m.conversion.start, m.conversion.end));
  }
  return ranges;
}

/**
 * Highlights entities, figures and money in every visible editor of a TIP report, from the
 * analysis of the document's current version only (`service.current`): when an analysis arrives,
 * when an editor becomes visible, and when the settings change. Between an edit and its analysis
 * the editor keeps the previous highlights, which VS Code moves with the text.
 */
class Highlights implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Made on first use, so activating costs nothing. */
  private types: Map<DecorationKey, vscode.TextEditorDecorationType> | undefined;
  /** The ranges of the current analysis of each document, made once for all its editors. */
  private readonly built = new Map<string, Built>();
  /** What each editor shows, so that a change of the visible editors re-applies nothing it shows already. */
  private readonly applied = new WeakMap<vscode.TextEditor, { readonly report: Report; readonly shown: Shown }>();
  /** Documents with highlights, to clear them if the document stops being a TIP report. */
  private readonly decorated = new Set<string>();
  /** What the editors of each document show, for the probe. */
  private readonly snapshots = new Map<string, DecorationSnapshot>();
  private settings = readSettings();

  constructor(private readonly service: AnalysisService) {
    this.subscriptions.push(
      service.onDidAnalyze((report) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document === report.document) this.render(editor);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const editor of editors) this.render(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('tipLens.highlights')) return;
        this.settings = readSettings();
        for (const editor of vscode.window.visibleTextEditors) this.render(editor);
      }),
      // A language change closes and re-opens the document: a report set back to plain text loses its highlights.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (!isTipReport(doc)) this.clear(doc);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const key = doc.uri.toString();
        this.built.delete(key);
        this.snapshots.delete(key);
        if (!vscode.window.visibleTextEditors.some((e) => e.document === doc)) this.decorated.delete(key);
      }),
    );
    for (const editor of vscode.window.visibleTextEditors) this.render(editor);
  }

  /** What the editors of `uri` show now. */
  snapshot(uri: vscode.Uri | string): DecorationSnapshot | undefined {
    return this.snapshots.get(typeof uri === 'string' ? uri : uri.toString());
  }

  private decorationTypes(): Map<DecorationKey, vscode.TextEditorDecorationType> {
    if (!this.types) {
      this.types = new Map(
        KINDS.map((k) => [
          k.key,
          vscode.window.createTextEditorDecorationType({
            backgroundColor: new vscode.ThemeColor(k.color),
            borderRadius: '2px',
            rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
          }),
        ]),
      );
    }
    return this.types;
  }

  private rangesFor(report: Report): Built {
    const key = report.document.uri.toString();
    const cached = this.built.get(key);
    if (cached?.report === report) return cached;
    const started = performance.now();
    const ranges = buildRanges(report.analysis, new OffsetMap(report.document.getText()));
    const built: Built = { report, ranges, rangesMs: performance.now() - started };
    this.built.set(key, built);
    return built;
  }

  private render(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isTipReport(doc)) {
      this.clear(doc);
      return;
    }
    // Only ever the analysis of the text as it is now; until it is ready the editor keeps what it shows.
    const report = this.service.current(doc);
    if (!report) return;
    const { enabled, shown: on } = this.settings;
    const shown: Shown = { entities: enabled && on.entities, figures: enabled && on.figures, money: enabled && on.money };
    const any = CATEGORIES.some((c) => shown[c]);
    const built = any ? this.rangesFor(report) : undefined;
    const before = this.applied.get(editor);
    const started = performance.now();
    const ranges = emptyRanges<readonly vscode.Range[]>(() => []);
    const counts = emptyRanges(() => 0);
    for (const k of KINDS) {
      const r = built && shown[k.category] ? built.ranges[k.key] : [];
      ranges[k.key] = r;
      counts[k.key] = r.length;
      // Send only what changes: a large report's ranges are not sent again when another category is switched.
      // An editor seen for the first time shows nothing yet.
      const unchanged = shown[k.category]
        ? before?.shown[k.category] === true && before.report === report
        : !before?.shown[k.category];
      if (!unchanged) editor.setDecorations(this.decorationTypes().get(k.key)!, r);
    }
    this.applied.set(editor, { report, shown });
    const key = doc.uri.toString();
    if (any) this.decorated.add(key);
    this.snapshots.set(key, {
      version: report.version,
      shown,
      counts,
      ranges,
      timings: { rangesMs: built?.rangesMs ?? 0, applyMs: performance.now() - started },
    });
  }

  /** Removes the highlights of a document that is no longer a TIP report. */
  private clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.decorated.delete(key) || !this.types) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() !== key) continue;
      for (const t of this.types.values()) editor.setDecorations(t, []);
      this.applied.delete(editor);
    }
    this.built.delete(key);
    this.snapshots.set(key, {
      version: doc.version,
      shown: { entities: false, figures: false, money: false },
      counts: emptyRanges(() => 0),
      ranges: emptyRanges(() => []),
      timings: { rangesMs: 0, applyMs: 0 },
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types?.values() ?? []) t.dispose();
    this.types = undefined;
    this.built.clear();
    this.snapshots.clear();
    this.decorated.clear();
  }
}

/**
 * Where a `window` setting is set, so a toggle changes what the user sees: the workspace when it
 * sets the value (a user value would be overridden there), else the user settings.
 */
function targetOf(section: string, key: string): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration(section).inspect(key);
  return inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

async function setHighlight(key: 'enabled' | HighlightCategory, value: boolean): Promise<void> {
  const c = vscode.workspace.getConfiguration('tipLens.highlights');
  if (c.get<boolean>(key, true) === value) return;
  await c.update(key, value, targetOf('tipLens.highlights', key));
}

const isCategory = (v: unknown): v is HighlightCategory => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);

/**
 * `tipLens.toggleHighlightCategory`: a quick pick of the categories (checked = shown). Given a
 * category as argument (`"figures"`, as a keybinding's `args` can), it toggles that one instead.
 */
async function toggleCategory(arg?: unknown): Promise<void> {
  const c = vscode.workspace.getConfiguration('tipLens.highlights');
  if (isCategory(arg)) {
    await setHighlight(arg, !c.get<boolean>(arg, true));
    return;
  }
  type Item = vscode.QuickPickItem & { readonly category: HighlightCategory };
  const items: Item[] = CATEGORIES.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    detail: CATEGORY_DETAILS[category],
    picked: c.get<boolean>(category, true),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'TIP Lens: Highlights',
    placeHolder: c.get<boolean>('enabled', true)
      ? 'Checked categories are highlighted'
      : 'Checked categories are highlighted once highlights are on (TIP Lens: Toggle Highlights)',
  });
  if (!picked) return;
  const on = new Set(picked.map((p) => p.category));
  for (const category of CATEGORIES) await setHighlight(category, on.has(category));
}

export function registerDecorations(context: vscode.ExtensionContext, service: AnalysisService): void {
  const highlights = new Highlights(service);
  const probe: DecorationsProbe = (uri) => highlights.snapshot(uri);
  probes.set('decorations', probe);
  context.subscriptions.push(
    highlights,
    vscode.commands.registerCommand('tipLens.toggleHighlights', async () => {
      const enabled = vscode.workspace.getConfiguration('tipLens.highlights').get<boolean>('enabled', true);
      await setHighlight('enabled', !enabled);
    }),
    vscode.commands.registerCommand('tipLens.toggleHighlightCategory', toggleCategory),
  );
}
