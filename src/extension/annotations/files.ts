import { randomUUID } from 'crypto';
import { promises as fsp } from 'fs';
import * as vscode from 'vscode';
import { annotationFileFor, type Annotation } from '../../core/annotations';
import { decode, parseAnnotations } from '../../core/export';

/**
 * Files as the annotation services read and write them: the text of a file or why there is none,
 * an atomic write, and how a file or a report is named to the user.
 */

import { uriName as basename } from '../convert';

export { basename };

export function dirname(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/' });
}

/** The file as the user finds it: relative to the workspace when it is in one. */
export function shownPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

/** The open document of `uri`, if it is open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

export type Read = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'missing' } | { readonly kind: 'error'; readonly error: string };

export async function readText(uri: vscode.Uri): Promise<Read> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'error', error: 'it is not UTF-8 text' };
  }
}

/**
 * Writes `text` to a temporary file beside `uri`, then renames it over `uri`: a reader sees the
 * old file or the new one, never half of one, and never none.
 *
 * `workspace.fs.rename` with `overwrite` deletes the target before it renames (VS Code's file
 * service does, 1.100), which leaves a moment with no file at all; for files on disk the rename
 * is the system's own (`rename(2)` replaces the target in one step). Other file systems get
 * `workspace.fs.rename`.
 */
export async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const tmp = vscode.Uri.joinPath(dirname(uri), `.${basename(uri)}.${randomUUID().slice(0, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    if (uri.scheme === 'file') await fsp.rename(tmp.fsPath, uri.fsPath);
    else await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw e;
  }
}

/** The annotations beside a report: none without a file; an error in words for a file that does not validate. */
export async function readAnnotationsBeside(report: vscode.Uri): Promise<{ annotations: readonly Annotation[] } | { error: string; file: vscode.Uri }> {
  const file = report.with({ path: annotationFileFor(report.path) });
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { annotations: [] };
    return { error: e instanceof Error ? e.message : String(e), file };
  }
  const parsed = parseAnnotations(decode(bytes));
  return 'error' in parsed ? { error: parsed.error, file } : parsed;
}
