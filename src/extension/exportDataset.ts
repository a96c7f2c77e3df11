/**
 * `TIP Lens: Export Dataset`: every TIP report of a folder (or of the workspace) as one CSV or
 * JSON Lines file, or as a brat collection, with the annotations beside each report applied.
 * The same export run as `tip-lens export` (src/core/export/pipeline.ts): the same rows, brat
 * names and rules for what is a report. Here open reports are exported as they are in the
 * editor, unsaved edits included, and files are read and written with `workspace.fs`.
 *
 * Arguments (for keybindings, tasks and tests): `(folder?: Uri | string | 'workspace',
 * format?: 'csv' | 'jsonl' | 'brat', output?: Uri | string)`. Whatever is not given is asked.
 * Resolves to an {@link ExportDatasetResult}.
 */
import * as vscode from 'vscode';
import { probes } from './probes';
import { analyzeAsync } from '../core/analyze';
import type { Annotation } from '../core/annotations';
import {
  decode, ExportRun, inSkippedDir, isCandidate, isTipName, judge, ownsBratConfig, SKIP_DIRS, type ExportFormat, type Kind,
} from '../core/export';
import { LANGUAGE_ID } from './detection';
import { readAnnotationsBeside } from './annotations/files';
import { savedFileActions } from './savedFile';
import { plural } from '../core/labels';
import { relative } from '../core/posixPath';

export const EXPORT_COMMAND = 'tipLens.exportDataset';

export type DatasetFormat = ExportFormat;

export interface ExportDatasetResult {
  readonly format?: DatasetFormat;
  readonly output?: vscode.Uri;
  /** Reports exported. */
  readonly reports: number;
  readonly rows: number;
  readonly counts: Readonly<Record<Kind, number>>;
  /** Annotation files that could not be read: their reports were exported without them. */
  readonly annotationErrors: ReadonlyArray<{ readonly file: string; readonly error: string }>;
  /** Candidate files that could not be read. */
  readonly unreadable: ReadonlyArray<{ readonly file: string; readonly error: string }>;
  readonly cancelled: boolean;
}

/** The files looked at: TIP reports are `.tip`, `.tip.txt`, or `.txt` narratives. */
const GLOB = '**/*.{tip,txt}';
const ENCODER = new TextEncoder();

const FORMAT_ITEMS: ReadonlyArray<vscode.QuickPickItem & { format: DatasetFormat }> = [
  { format: 'csv', label: 'CSV', description: '.csv', detail: 'One table for spreadsheets, R or pandas: a row per figure, money amount, entity mention and annotation.' },
  { format: 'jsonl', label: 'JSON Lines', description: '.jsonl', detail: 'One JSON object a line, the same fields as the CSV, numbers as numbers.' },
  { format: 'brat', label: 'brat standoff', description: '.txt + .ann', detail: 'A copy of each report and its annotations in a folder, for brat and NLP tools.' },
];

export function registerExportDataset(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_COMMAND, (folder?: unknown, format?: unknown, output?: unknown) => exportDataset(folder, format, output)),
  );
  probes.set('exportActions', lastExportActions);
}

function asUri(x: unknown): vscode.Uri | undefined {
  if (x instanceof vscode.Uri) return x;
  if (typeof x === 'string' && x !== '' && x !== 'workspace') return /^[a-z][\w+.-]+:\/\//i.test(x) ? vscode.Uri.parse(x) : vscode.Uri.file(x);
  return undefined;
}

const empty = (): Record<Kind, number> => ({ figure: 0, money: 0, entity: 0, annotation: 0 });

/** Where to look: the workspace (every folder), or one folder (or file). */
type Target = { readonly kind: 'workspace' } | { readonly kind: 'folder'; readonly uri: vscode.Uri };

async function pickTarget(arg: unknown): Promise<Target | undefined> {
  if (arg === 'workspace') return { kind: 'workspace' };
  const given = asUri(arg);
  if (given) return { kind: 'folder', uri: given };
  const folders = vscode.workspace.workspaceFolders ?? [];
  type Item = vscode.QuickPickItem & { target?: Target };
  const items: Item[] = [];
  if (folders.length > 0) items.push({ label: '$(root-folder) Whole workspace', description: folders.length > 1 ? `${folders.length} folders` : folders[0]!.name, target: { kind: 'workspace' } });
  if (folders.length > 1) for (const f of folders) items.push({ label: `$(folder) ${f.name}`, description: f.uri.fsPath, target: { kind: 'folder', uri: f.uri } });
  items.push({ label: '$(folder-opened) Choose a folder…' });
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'TIP Lens: Export Dataset', placeHolder: 'Export the TIP reports of…' });
  if (!picked) return undefined;
  if (picked.target) return picked.target;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Reports', title: 'TIP Lens: the folder of TIP reports to export',
    ...(folders[0] ? { defaultUri: folders[0].uri } : {}),
  });
  return chosen?.[0] ? { kind: 'folder', uri: chosen[0] } : undefined;
}

async function pickFormat(arg: unknown): Promise<DatasetFormat | undefined> {
  if (arg === 'csv' || arg === 'jsonl' || arg === 'brat') return arg;
  const picked = await vscode.window.showQuickPick(FORMAT_ITEMS, { title: 'TIP Lens: Export Dataset', placeHolder: 'Format' });
  return picked?.format;
}

async function pickOutput(arg: unknown, format: DatasetFormat, near: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const given = asUri(arg);
  if (given) return given;
  if (format === 'brat') {
    const chosen = await vscode.window.showOpenDialog({
      canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Export Here',
      title: 'TIP Lens: the folder for the brat collection (a .txt and an .ann per report)', ...(near ? { defaultUri: near } : {}),
    });
    return chosen?.[0];
  }
  const ext = format === 'csv' ? 'csv' : 'jsonl';
  return vscode.window.showSaveDialog({
    title: 'TIP Lens: Export Dataset', saveLabel: 'Export',
    filters: format === 'csv' ? { 'CSV': ['csv'] } : { 'JSON Lines': ['jsonl'] },
    ...(near ? { defaultUri: vscode.Uri.joinPath(near, `tip-lens-dataset.${ext}`) } : {}),
  });
}

/** `a` is `b` or lies inside it. */
function isUnder(a: vscode.Uri, b: vscode.Uri): boolean {
  if (a.scheme !== b.scheme || a.authority !== b.authority) return false;
  const base = b.path.endsWith('/') ? b.path : `${b.path}/`;
  return a.path === b.path || a.path.startsWith(base);
}

/** The candidate files: found with `files.exclude` applied inside the workspace, walked outside it. */
async function candidates(target: Target, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  let uris: vscode.Uri[];
  if (target.kind === 'workspace') uris = await vscode.workspace.findFiles(GLOB, undefined, undefined, token);
  else {
    const st = await vscode.workspace.fs.stat(target.uri);
    if (!(st.type & vscode.FileType.Directory)) return [target.uri];
    if (vscode.workspace.getWorkspaceFolder(target.uri)) {
      uris = await vscode.workspace.findFiles(new vscode.RelativePattern(target.uri, GLOB), undefined, undefined, token);
    } else {
      uris = [];
      await walk(target.uri, uris, token);
    }
  }
  return uris.filter((u) => !inSkippedDir(u.path)).sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
}

async function walk(dir: vscode.Uri, into: vscode.Uri[], token: vscode.CancellationToken): Promise<void> {
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return;
  }
  for (const [name, type] of entries) {
    if (token.isCancellationRequested) return;
    const uri = vscode.Uri.joinPath(dir, name);
    // Symbolic links to folders are not followed (no loops).
    if (type & vscode.FileType.Directory) {
      if (!(type & vscode.FileType.SymbolicLink) && !SKIP_DIRS.has(name)) await walk(uri, into, token);
    } else if (isCandidate(uri.path)) into.push(uri);
  }
}

/**
 * A candidate as the export sees it (src/core/export/pipeline.ts `judge`): the open document's
 * text (unsaved edits included; its language counts) or the file's; not a report; or an error.
 */
async function readReport(uri: vscode.Uri): Promise<{ text: string } | { error: string } | undefined> {
  const key = uri.toString();
  const doc = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
  let verdict;
  if (doc) {
    verdict = judge(uri.path, { ok: true, text: doc.getText() }, { searched: true, tipLanguage: doc.languageId === LANGUAGE_ID });
  } else {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
    verdict = judge(uri.path, decode(bytes), { searched: true });
  }
  if (verdict.report) return { text: verdict.text };
  return verdict.error !== undefined ? { error: verdict.error } : undefined;
}

/** The name of a file in the dataset: relative to the exported folder, or to the workspace. */
function nameOf(uri: vscode.Uri, target: Target): string {
  if (target.kind === 'folder' && isUnder(uri, target.uri) && uri.path !== target.uri.path) {
    return relative(target.uri.path, uri.path);
  }
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}


/** The buttons the last export's message offered, for the integration tests. */
let lastActions: readonly string[] = [];
export function lastExportActions(): readonly string[] {
  return lastActions;
}

export async function exportDataset(folderArg?: unknown, formatArg?: unknown, outputArg?: unknown): Promise<ExportDatasetResult> {
  const none: ExportDatasetResult = { reports: 0, rows: 0, counts: empty(), annotationErrors: [], unreadable: [], cancelled: true };
  const target = await pickTarget(folderArg);
  if (!target) return none;
  const format = await pickFormat(formatArg);
  if (!format) return none;
  // Beside the exported folder, not among its reports: its parent (the workspace folder's, for a whole workspace).
  const exported = target.kind === 'folder' ? target.uri : vscode.workspace.workspaceFolders?.[0]?.uri;
  const near = exported && exported.path.lastIndexOf('/') > 0 ? exported.with({ path: exported.path.slice(0, exported.path.lastIndexOf('/')) }) : exported;
  const output = await pickOutput(outputArg, format, near);
  if (!output) return { ...none, format };
  // `export.csvBom` is the setting's old name, still read.
  const settings = vscode.workspace.getConfiguration('tipLens');
  const bom = settings.get<boolean>('export.byteOrderMark', false) || settings.get<boolean>('export.csvBom', false);

  const annotationErrors: Array<{ file: string; error: string }> = [];
  const unreadable: Array<{ file: string; error: string }> = [];
  /** The export run, once the reports are found. */
  let run: ExportRun | undefined;
  const result = (cancelled: boolean): ExportDatasetResult => ({
    format, output, reports: run?.reports ?? 0, rows: run?.rows ?? 0, counts: run?.counts ?? empty(), annotationErrors, unreadable, cancelled,
  });

  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'TIP Lens: Exporting dataset', cancellable: true },
    async (progress, token): Promise<ExportDatasetResult | Error> => {
      try {
        progress.report({ message: 'finding TIP reports…' });
        const listed = (await candidates(target, token)).filter((u) => !(format === 'brat' && isUnder(u, output)));
        // Which candidates are reports (named ones are; a .txt by its content), so that progress counts reports.
        const found: vscode.Uri[] = [];
        for (let i = 0; i < listed.length; i++) {
          if (token.isCancellationRequested) return result(true);
          const uri = listed[i]!;
          if (isTipName(uri.path)) found.push(uri);
          else {
            if (i % 20 === 0) progress.report({ message: `finding TIP reports… (${i + 1}/${listed.length} files)` });
            const read = await readReport(uri);
            if (read && 'error' in read) unreadable.push({ file: nameOf(uri, target), error: read.error });
            else if (read) found.push(uri);
          }
        }
        // Brat names tell apart the reports that share a base name by their folders.
        const exporting = (run = new ExportRun(format, { bom, names: found.map((u) => nameOf(u, target)) }));
        const chunks: string[] = [exporting.start()];
        if (format === 'brat') await vscode.workspace.fs.createDirectory(output);
        const controller = new AbortController();
        const abort = token.onCancellationRequested(() => controller.abort());
        try {
          for (let i = 0; i < found.length; i++) {
            if (token.isCancellationRequested) return result(true);
            const uri = found[i]!;
            const file = nameOf(uri, target);
            progress.report({ message: `${i + 1}/${found.length} reports: ${file}`, increment: 100 / found.length });
            const read = await readReport(uri);
            if (!read || 'error' in read) {
              unreadable.push({ file, error: read ? read.error : 'no longer readable as text' });
              continue;
            }
            const ann = await readAnnotationsBeside(uri);
            let annotations: readonly Annotation[] = [];
            if ('error' in ann) annotationErrors.push({ file: nameOf(ann.file, target), error: ann.error });
            else annotations = ann.annotations;
            const analysis = await analyzeAsync(read.text, { signal: controller.signal });
            if (!analysis || token.isCancellationRequested) return result(true);
            const out = exporting.add({ file, text: read.text, analysis, annotations });
            if (out.kind === 'records') chunks.push(out.text);
            else {
              await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(output, `${out.name}.txt`), ENCODER.encode(out.txt));
              await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(output, `${out.name}.ann`), ENCODER.encode(out.ann));
            }
          }
        } finally {
          abort.dispose();
        }
        if (format === 'brat') {
          const conf = vscode.Uri.joinPath(output, 'annotation.conf');
          const existing = (await exists(conf)) ? new TextDecoder().decode(await vscode.workspace.fs.readFile(conf)) : undefined;
          if (ownsBratConfig(existing)) await vscode.workspace.fs.writeFile(conf, ENCODER.encode(exporting.bratConfig()));
        } else {
          await vscode.workspace.fs.writeFile(output, ENCODER.encode(chunks.join('')));
        }
        return result(false);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    },
  );

  if (outcome instanceof Error) {
    void vscode.window.showErrorMessage(`TIP Lens: the export failed: ${outcome.message}`);
    return result(false);
  }
  const reports = run?.reports ?? 0;
  if (outcome.cancelled) {
    const partial = format === 'brat' && reports > 0 ? ` ${plural(reports, 'report')} were written to ${output.fsPath} before.` : '';
    void vscode.window.showInformationMessage(`TIP Lens: export cancelled.${partial}`);
    return outcome;
  }
  if (reports === 0) {
    void vscode.window.showWarningMessage('TIP Lens: no TIP report found to export.');
  } else {
    const unplaced = run?.unplaced ?? 0;
    const orphans = unplaced > 0 ? ` ${plural(unplaced, 'orphaned annotation')} cannot be placed in brat (their text is gone).` : '';
    const actions = savedFileActions(output, format !== 'brat');
    lastActions = actions.map((a) => a.title);
    void vscode.window.showInformationMessage(`TIP Lens: exported ${run!.summary()} to ${vscode.workspace.asRelativePath(output, false)}.${orphans}`, ...actions.map((a) => a.title)).then((choice) => {
      void actions.find((a) => a.title === choice)?.run();
    });
  }
  const problems = [
    ...annotationErrors.map((x) => `${x.file}: ${x.error} (its report was exported without its annotations)`),
    ...unreadable.map((x) => `${x.file}: ${x.error}`),
  ];
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    void vscode.window.showWarningMessage(`TIP Lens: ${plural(problems.length, 'file')} could not be read: ${shown}`);
  }
  return outcome;
}
