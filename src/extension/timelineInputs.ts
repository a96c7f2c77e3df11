/**
 * What the timeline needs of the workspace's reports and the index does not keep: each report's
 * text and analysis (`TimelineInput`s of src/core/timeline). The workspace index asks this for
 * the reports it chose: an open report comes from the analysis service (as the editor has it,
 * the researcher's decisions applied); another is read from disk, analysed, and the decisions of
 * its annotation file applied, as Export Dataset does. What was read is kept for the reports read
 * last, until the index reads that report again or its annotation file changes.
 */
import * as vscode from 'vscode';
import { analyzeAsync, fragmentFromFileName } from '../core/analyze';
import { anchorAll, annotationFileFor, applyAnnotations } from '../core/annotations';
import type { TimelineInput } from '../core/timeline';
import { type AnalysisService, isTipReport } from './analysisService';
import { readAnnotationsBeside } from './annotations/files';
import type { IndexedReport } from './indexedReport';

/** How many reports read from disk are kept: a country's 25 years, and the reports of a comparison's years. */
const KEPT = 160;

interface Kept {
  /** The index's summary it was read for: a new one means the file changed. */
  readonly report: IndexedReport;
  /** The annotation file's modification time when read; -1 when there was none. */
  readonly annotationsMtime: number;
  readonly input: TimelineInput;
}

export class TimelineInputs {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly service: AnalysisService) {}

  /** The inputs of `reports`, in their order; those that can no longer be read are left out. */
  async read(reports: readonly IndexedReport[], token?: vscode.CancellationToken): Promise<TimelineInput[]> {
    const out: TimelineInput[] = [];
    for (const r of reports) {
      if (token?.isCancellationRequested) break;
      const input = await this.one(r);
      if (input) out.push(input);
    }
    return out;
  }

  private async one(r: IndexedReport): Promise<TimelineInput | undefined> {
    const key = r.uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key && isTipReport(d));
    if (open) {
      const report = await this.service.report(open);
      return report ? { document: key, text: report.text, analysis: report.analysis } : undefined;
    }
    const annotationFile = r.uri.with({ path: annotationFileFor(r.uri.path) });
    const annotationsMtime = await vscode.workspace.fs.stat(annotationFile).then((s) => s.mtime, () => -1);
    const known = this.kept.get(key);
    if (known && known.report === r && known.annotationsMtime === annotationsMtime) {
      // Most recently used last.
      this.kept.delete(key);
      this.kept.set(key, known);
      return known.input;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(r.uri));
    } catch {
      return undefined;
    }
    const engine = await analyzeAsync(text, fragmentFromFileName(r.uri.path));
    if (!engine) return undefined;
    const beside = annotationsMtime < 0 ? { annotations: [] } : await readAnnotationsBeside(r.uri);
    // A file that cannot be used gives no decisions, as in the export (which says so).
    const annotations = 'annotations' in beside ? beside.annotations : [];
    const analysis = annotations.length > 0 ? applyAnnotations(engine, anchorAll(text, annotations), text).analysis : engine;
    const input: TimelineInput = { document: key, text, analysis };
    this.kept.delete(key);
    this.kept.set(key, { report: r, annotationsMtime, input });
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return input;
  }

  clear(): void {
    this.kept.clear();
  }
}
