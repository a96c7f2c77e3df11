import * as vscode from 'vscode';
import type { Anchored, AnnotationSchema } from '../../core/annotations';
import { isTipReport, type AnalysisService, type Report } from '../analysisService';
import { OffsetMap } from '../convert';
import { probes } from '../probes';
import { schemaLabel } from './labels';
import type { SchemaStore } from './schemaStore';

/**
 * The researchers' annotations as decorations of their own, over the engine's highlights
 * (which follow the annotated analysis through the service already):
 *
 * - `labelled`: a label, a note or an item the researcher added or retyped: the schema colour
 *   of its label when the schema gives one, else `tipLens.annotationBackground`, with a border;
 * - `confirmed`: a thin border in `tipLens.annotationBorder`;
 * - `rejected`: a dashed underline in `tipLens.annotationRejectedBorder` (the engine's
 *   highlight is gone, the decision stays visible).
 *
 * Every editor of a report shows the same set (one per document URI). `tipLens.annotations.highlight`
 * switches them off.
 */

/** `labelled`, `confirmed`, `rejected`, or `label:<colour>` for a label with a schema colour. */
export type AnnotationDecorationKey = string;

export interface AnnotationDecorationSnapshot {
  readonly version: number;
  /** Ranges per decoration key. */
  readonly ranges: Readonly<Record<AnnotationDecorationKey, readonly vscode.Range[]>>;
  /** How many editors show them. */
  readonly editors: number;
}

export type AnnotationDecorationsProbe = (uri: vscode.Uri | string) => AnnotationDecorationSnapshot | undefined;

/** `#c00` -> `#cc000033`: the schema colour, faint, as a background. */
function faint(color: string): string {
  const hex = color.slice(1);
  const full = hex.length === 3 || hex.length === 4 ? [...hex].map((c) => c + c).join('') : hex;
  return `#${full.slice(0, 6)}38`;
}

function keyOf(a: Anchored, schema: AnnotationSchema): AnnotationDecorationKey {
  const ann = a.annotation;
  if (ann.decision === 'confirm') return 'confirmed';
  if (ann.decision === 'reject') return 'rejected';
  const color = ann.label ? schemaLabel(schema, ann.label)?.color : undefined;
  return color ? `label:${color.toLowerCase()}` : 'labelled';
}

class AnnotationHighlights implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly types = new Map<AnnotationDecorationKey, vscode.TextEditorDecorationType>();
  private readonly snapshots = new Map<string, AnnotationDecorationSnapshot>();
  /** The keys each editor was given ranges for, to clear those it no longer has. */
  private readonly applied = new WeakMap<vscode.TextEditor, { readonly report: Report; readonly keys: ReadonlySet<string> }>();
  private enabled = readEnabled();

  constructor(
    private readonly service: AnalysisService,
    private readonly schemas: SchemaStore,
  ) {
    const all = (): void => {
      for (const e of vscode.window.visibleTextEditors) this.render(e, true);
    };
    this.subscriptions.push(
      service.onDidAnalyze((report) => {
        for (const e of vscode.window.visibleTextEditors) if (e.document === report.document) this.render(e);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.render(e);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('tipLens.annotations.highlight')) return;
        this.enabled = readEnabled();
        all();
      }),
      // Colours come from the schema: a changed schema draws again.
      schemas.onDidChange(all),
      vscode.workspace.onDidCloseTextDocument((doc) => this.snapshots.delete(doc.uri.toString())),
    );
    all();
  }

  snapshot(uri: vscode.Uri | string): AnnotationDecorationSnapshot | undefined {
    return this.snapshots.get(typeof uri === 'string' ? uri : uri.toString());
  }

  private type(key: AnnotationDecorationKey): vscode.TextEditorDecorationType {
    let t = this.types.get(key);
    if (t) return t;
    const closed = vscode.DecorationRangeBehavior.ClosedClosed;
    if (key === 'confirmed') {
      t = vscode.window.createTextEditorDecorationType({
        border: '1px solid', borderColor: new vscode.ThemeColor('tipLens.annotationBorder'), borderRadius: '2px', rangeBehavior: closed,
      });
    } else if (key === 'rejected') {
      t = vscode.window.createTextEditorDecorationType({
        borderStyle: 'dashed', borderWidth: '0 0 1px 0', borderColor: new vscode.ThemeColor('tipLens.annotationRejectedBorder'), rangeBehavior: closed,
        overviewRulerColor: new vscode.ThemeColor('tipLens.annotationRejectedBorder'), overviewRulerLane: vscode.OverviewRulerLane.Center,
      });
    } else if (key.startsWith('label:')) {
      const color = key.slice('label:'.length);
      t = vscode.window.createTextEditorDecorationType({
        backgroundColor: faint(color), border: '1px solid', borderColor: color, borderRadius: '2px', rangeBehavior: closed,
        overviewRulerColor: color, overviewRulerLane: vscode.OverviewRulerLane.Center,
      });
    } else {
      t = vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor('tipLens.annotationBackground'),
        border: '1px solid', borderColor: new vscode.ThemeColor('tipLens.annotationBorder'), borderRadius: '2px', rangeBehavior: closed,
        overviewRulerColor: new vscode.ThemeColor('tipLens.annotationBorder'), overviewRulerLane: vscode.OverviewRulerLane.Center,
      });
    }
    this.types.set(key, t);
    return t;
  }

  private render(editor: vscode.TextEditor, force = false): void {
    const doc = editor.document;
    const before = this.applied.get(editor);
    if (!isTipReport(doc)) {
      if (before) this.clear(editor, before.keys);
      return;
    }
    // Only the analysis of the text as it is now; until then the editor keeps what it shows.
    const report = this.service.current(doc);
    if (!report) return;
    if (!force && before?.report === report) return;
    const ranges: Record<AnnotationDecorationKey, vscode.Range[]> = {};
    if (this.enabled && report.annotated.anchored.length > 0) {
      const schema = this.schemas.schemaFor(doc.uri);
      const map = new OffsetMap(doc.getText());
      for (const a of report.annotated.anchored) {
        // A dismissal hides a finding; the text itself is not marked.
        if (!a.span || a.annotation.decision === 'dismiss') continue;
        (ranges[keyOf(a, schema)] ??= []).push(map.range(a.span.start, a.span.end));
      }
    }
    const keys = new Set(Object.keys(ranges));
    for (const [key, r] of Object.entries(ranges)) editor.setDecorations(this.type(key), r);
    if (before) this.clear(editor, [...before.keys].filter((k) => !keys.has(k)));
    this.applied.set(editor, { report, keys });
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === doc && this.applied.get(e)?.report === report).length;
    this.snapshots.set(doc.uri.toString(), { version: report.version, ranges, editors });
  }

  private clear(editor: vscode.TextEditor, keys: Iterable<string>): void {
    for (const k of keys) {
      const t = this.types.get(k);
      if (t) editor.setDecorations(t, []);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
    this.snapshots.clear();
  }
}

function readEnabled(): boolean {
  return vscode.workspace.getConfiguration('tipLens.annotations').get<boolean>('highlight', true);
}

/** Registers the annotation highlights; the tests read them through `probes.get('annotationDecorations')`. */
export function registerAnnotationDecorations(context: vscode.ExtensionContext, service: AnalysisService, schemas: SchemaStore): void {
  const highlights = new AnnotationHighlights(service, schemas);
  const probe: AnnotationDecorationsProbe = (uri) => highlights.snapshot(uri);
  probes.set('annotationDecorations', probe);
  context.subscriptions.push(highlights);
}
