import * as vscode from 'vscode';

/** Spans of the core (UTF-16 offsets, as VS Code counts them) to ranges and locations of the editor. */
export function rangeOf(doc: vscode.TextDocument, span: { readonly start: number; readonly end: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

export function locationOf(doc: vscode.TextDocument, span: { readonly start: number; readonly end: number }): vscode.Location {
  return new vscode.Location(doc.uri, rangeOf(doc, span));
}
