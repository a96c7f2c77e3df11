import * as vscode from 'vscode';
import { DETECT_WINDOW, detectTipReport } from '../core/detect';
import { isTipName } from './indexedReport';

/** Files larger than this are not read: a whole TIP report is a few MB. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** How many bytes of a `.txt` are decoded to decide whether it is a narrative (UTF-8 is at most 3 bytes a character here). */
const DETECT_BYTES = DETECT_WINDOW * 3;
/** How many leading bytes are looked at for NUL to call a file binary. */
const BINARY_SNIFF_BYTES = 8 * 1024;

/** What a candidate file on disk turned out to be. */
export type ReportFile =
  | { readonly kind: 'report'; readonly text: string }
  | { readonly kind: 'folder' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'skipped'; readonly why: 'tooLarge' | 'binary' | 'notReport' };

/**
 * Reads a candidate of the workspace index from disk: its text when it is a TIP report (by its
 * name, or for a `.txt` by its first bytes), else why not. Decodes only the head of a `.txt` that
 * is no narrative.
 */
export async function readReportFile(uri: vscode.Uri): Promise<ReportFile> {
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { kind: 'folder' };
    if (stat.size > MAX_FILE_BYTES) return { kind: 'skipped', why: 'tooLarge' };
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { kind: 'unreadable' };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'skipped', why: 'binary' };
  const decoder = new TextDecoder('utf-8');
  if (!isTipName(uri)) {
    const whole = bytes.length <= DETECT_BYTES;
    const head = decoder.decode(whole ? bytes : bytes.subarray(0, DETECT_BYTES));
    if (!detectTipReport(head).isTipReport) return { kind: 'skipped', why: 'notReport' };
    if (whole) return { kind: 'report', text: head };
  }
  return { kind: 'report', text: decoder.decode(bytes) };
}
