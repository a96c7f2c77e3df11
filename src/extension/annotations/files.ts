import * as vscode from 'vscode';
import { annotationFileFor, type Annotation } from '../../core/annotations';
import { decode, parseAnnotations } from '../../core/export';
import { platform } from '../platform';

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
 * Writes `text` to a temporary file beside `uri`, reads it back and compares, then puts it in
 * place of `uri`: a reader sees the old file or the new one, never half of one.
 *
 * On disk (the Node extension host) the replacement is the system's own rename (`rename(2)`
 * replaces the target in one step). `workspace.fs.rename` with `overwrite`, all the browser has
 * (vscode.dev, github.dev, the web worker host), deletes the target before it renames (VS Code's
 * file service does, 1.100): there may be a moment with no file, never a half-written one, and the
 * file is read back and compared once in place; a difference is an error, not a silent loss.
 */
export async function writeAtomically(uri: vscode.Uri, text: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  const tmp = vscode.Uri.joinPath(dirname(uri), `.${basename(uri)}.${globalThis.crypto.randomUUID().slice(0, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, bytes);
  const replace = platform().replaceFileOnDisk;
  try {
    if (uri.scheme === 'file' && replace) {
      await replace(tmp, uri);
      return;
    }
    await expectContent(tmp, bytes, 'the temporary file');
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw e;
  }
  await expectContent(uri, bytes, shownPath(uri));
}

/** Fails unless `uri` holds `bytes` exactly. */
async function expectContent(uri: vscode.Uri, bytes: Uint8Array, what: string): Promise<void> {
  const back = await vscode.workspace.fs.readFile(uri);
  if (back.length !== bytes.length || back.some((b, i) => b !== bytes[i])) {
    throw new Error(`${what} did not read back as written (${back.length} bytes instead of ${bytes.length})`);
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
