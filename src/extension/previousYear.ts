import * as vscode from 'vscode';
import { analyzeAsync } from '../core/analyze';
import { previousReport, type PreviousReport } from '../core/checks';
import { countryKey } from '../core/country';
import { TIER_LINE, TITLE_LINE } from '../core/detect';
import { LineMap } from '../core/lines';
import type { Analysis } from '../core/model';
import { parseTierLine, parseTitle } from '../core/structure';
import { type AnalysisService, isTipReport } from './analysisService';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * A service: last year's narrative of the same country as a report, found among the workspace's
 * reports and read. The check compares previous-period figures and conversions with it, and the
 * money hover converts last year's amounts at its rate: both ask this one service, so they use
 * the same narrative.
 */

/** Last year's narrative, as it was read. */
export interface PreviousDocument {
  readonly uri: vscode.Uri;
  readonly text: string;
  /** Lines of `text`, built once for all the related locations that point into it. */
  readonly lines: LineMap;
  readonly analysis: Analysis;
  readonly report: PreviousReport;
}

interface HeadMeta {
  readonly mtime: number;
  readonly size: number;
  readonly country?: string;
  readonly year?: number;
}

interface Loaded {
  readonly mtime: number;
  readonly size: number;
  readonly document: PreviousDocument;
}

/** How many characters of a file are read for its title and tier lines. */
const HEAD_CHARS = 8 * 1024;

/**
 * Finds the narrative of the year before for the same country among the TIP reports of the
 * workspace (open reports, and files named `*.tip` or `*.tip.txt` that `files.exclude` leaves
 * in), by the title line (`2022 Trafficking in Persons Report: Veldora`) and the tier
 * line, and reads it: from the editor when it is open, else from disk (cached until it changes).
 */
/** How long a search for last year's narrative is trusted before the workspace is searched again. */
const MEMO_MS = 10_000;

export class PreviousYear {
  private readonly heads = new Map<string, HeadMeta>();
  private readonly loaded = new Map<string, Loaded>();

  constructor(private readonly service: AnalysisService, private readonly index?: WorkspaceIndex) {}

  /** The last search's answer per report, country and year: a re-check after each edit does not list and read the workspace again. */
  private readonly memo = new Map<string, { readonly at: number; readonly uri?: vscode.Uri }>();

  async find(doc: vscode.TextDocument, analysis: Analysis): Promise<PreviousDocument | undefined> {
    const { country, year } = analysis.meta;
    if (!country || !year) return undefined;
    const wanted = countryKey(country);
    const self = doc.uri.toString();
    const memoKey = `${self}|${wanted}|${year}`;
    const known = this.memo.get(memoKey);
    if (known && Date.now() - known.at < MEMO_MS) {
      if (!known.uri) return undefined;
      const got = await this.load(known.uri); // one stat when unchanged
      if (got) return got;
    }
    const found = await this.search(doc, self, wanted, year);
    this.memo.set(memoKey, { at: Date.now(), ...(found ? { uri: found.uri } : {}) });
    return found;
  }

  private async search(doc: vscode.TextDocument, self: string, wanted: string, year: number): Promise<PreviousDocument | undefined> {
    const candidates = new Map<string, vscode.Uri>();
    for (const d of vscode.workspace.textDocuments) if (!d.isClosed && isTipReport(d)) candidates.set(d.uri.toString(), d.uri);
    try {
      for (const u of await vscode.workspace.findFiles('**/*.{tip,tip.txt}', undefined, 5000)) candidates.set(u.toString(), u);
    } catch {
      // a file system without search: the open reports and the index are all there is
    }
    // The workspace index knows the plain .txt narratives too (recognized by their content).
    for (const u of this.index?.reportUris() ?? []) candidates.set(u.toString(), u);
    candidates.delete(self);
    const matches: vscode.Uri[] = [];
    for (const uri of candidates.values()) {
      const head = await this.head(uri);
      if (head?.year === year - 1 && head.country && countryKey(head.country) === wanted) matches.push(uri);
    }
    if (matches.length === 0) return undefined;
    // The same folder first, then the nearest by path.
    const dir = doc.uri.path.slice(0, doc.uri.path.lastIndexOf('/') + 1);
    matches.sort((a, b) => Number(b.path.startsWith(dir)) - Number(a.path.startsWith(dir)) || a.path.localeCompare(b.path));
    for (const uri of matches) {
      const got = await this.load(uri);
      if (got) return got;
    }
    return undefined;
  }

  /** The year and country a report names at its top. */
  private async head(uri: vscode.Uri): Promise<HeadMeta | undefined> {
    const open = openDocument(uri);
    if (open) return { mtime: -1, size: -1, ...headMeta(open.getText(new vscode.Range(0, 0, 40, 0)).slice(0, HEAD_CHARS)) };
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined;
    }
    const key = uri.toString();
    const known = this.heads.get(key);
    if (known && known.mtime === stat.mtime && known.size === stat.size) return known;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const text = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_CHARS * 3)).slice(0, HEAD_CHARS);
      const meta: HeadMeta = { mtime: stat.mtime, size: stat.size, ...headMeta(text) };
      this.heads.set(key, meta);
      return meta;
    } catch {
      return undefined;
    }
  }

  private async load(uri: vscode.Uri): Promise<PreviousDocument | undefined> {
    const open = openDocument(uri);
    if (open) {
      const report = await this.service.report(open);
      if (!report) return undefined;
      const text = open.getText();
      return { uri, text, lines: new LineMap(text), analysis: report.analysis, report: previousReport(uri.toString(), report.analysis) };
    }
    const key = uri.toString();
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const known = this.loaded.get(key);
      if (known && known.mtime === stat.mtime && known.size === stat.size) return known.document;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
      const analysis = await analyzeAsync(text);
      if (!analysis) return undefined;
      const document: PreviousDocument = { uri, text, lines: new LineMap(text), analysis, report: previousReport(key, analysis) };
      this.loaded.set(key, { mtime: stat.mtime, size: stat.size, document });
      return document;
    } catch {
      return undefined;
    }
  }
}

/** Country names compared without case, accents or spacing differences. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key && isTipReport(d));
}

/** The year of the title line and the country of the title or the tier line. */
export function headMeta(text: string): { country?: string; year?: number } {
  let year: number | undefined;
  let country: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/).slice(0, 40)) {
    if (year === undefined && TITLE_LINE.test(line)) {
      const t = parseTitle(line.replace(/^\uFEFF/, ''));
      year = t.year;
      country ??= t.country;
    } else if (TIER_LINE.test(line)) {
      country ??= parseTierLine(line).country;
      break;
    }
  }
  return { ...(country ? { country } : {}), ...(year ? { year } : {}) };
}
