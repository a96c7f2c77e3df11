import * as vscode from 'vscode';
import { basename } from '../core/labels';
import { LineMap } from '../core/lines';

/** Spans of the core (UTF-16 offsets, as VS Code counts them) to ranges and locations of the editor. */
export function rangeOf(doc: vscode.TextDocument, span: { readonly start: number; readonly end: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function locationOf(doc: vscode.TextDocument, span: { readonly start: number; readonly end: number }): vscode.Location {
  return new vscode.Location(doc.uri, rangeOf(doc, span));
}

/** A URI's last path segment: `file:///a/b/mali.tip` -> `mali.tip`. */
export function uriName(uri: vscode.Uri): string {
  return basename(uri.path);
}

/**
 * Turns offsets into positions with one pass over the text (the start of every line) and a
 * binary search per offset, resumed from the previous answer: offsets come in runs that are
 * sorted (the mentions of an entity, the figures, the amounts), so most lookups take a step or
 * two. Line breaks are those of VS Code: `\r\n`, `\n` and a lone `\r`.
 *
 * Measured in the extension host (VS Code 1.100) on a 4.5 MB report, 110,000 offsets, 12 runs:
 * this takes about 13 ms (under 1 ms for the line starts), `document.positionAt` about 21 ms.
 */
export class OffsetMap {
  private readonly lines: LineMap;

  constructor(text: string) {
    this.lines = new LineMap(text);
  }

  position(offset: number): vscode.Position {
    const p = this.lines.position(offset);
    return new vscode.Position(p.line, p.character);
  }

  range(start: number, end: number): vscode.Range {
    return new vscode.Range(this.position(start), this.position(end));
  }
}
