import * as vscode from 'vscode';
import { dismissal, type Finding } from '../../core/checks';
import { isTipReport } from '../analysisService';
import type { Checker } from '../diagnostics';
import type { AnnotationStore } from './annotationStore';
import { basename } from './files';
import { clip } from './labels';
import { notify } from './messages';
import { DISMISS_FINDING, type CommandResult } from './protocol';

/**
 * `TIP Lens: Dismiss this finding...`: "this one is right, stop flagging it" for one finding of
 * the check, kept as a `dismiss` annotation in the report's annotation file (never in its
 * text), anchored on the finding's text with its rule and message (core/checks/dismiss.ts). The
 * checker leaves dismissed findings out of the Problems panel and the Findings view; Delete
 * Annotation (or Show Again in the hover) brings one back, and so does a change of its figures.
 *
 * Arguments: a node of the Findings view (its context menu), or `(uri, { rule, message, start?,
 * end? }, reason?)` (the quick fix; a reason given asks nothing). Without a reason, an input box
 * asks for one: Escape cancels, an empty reason is allowed.
 */

/** A finding named by a command's arguments. */
export interface FindingRef {
  readonly rule: string;
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
}

function isRef(x: unknown): x is FindingRef {
  return typeof x === 'object' && x !== null && typeof (x as FindingRef).rule === 'string' && typeof (x as FindingRef).message === 'string';
}

/** The report and finding the arguments name, and the reason if given. */
function parse(args: readonly unknown[]): { uri: vscode.Uri; ref: FindingRef; reason?: string } | undefined {
  const [a, b, c] = args;
  // A node of the Findings view: { kind: 'finding', uri, finding }.
  if (typeof a === 'object' && a !== null && (a as { kind?: unknown }).kind === 'finding') {
    const node = a as { uri?: unknown; finding?: unknown };
    if (node.uri instanceof vscode.Uri && isRef(node.finding)) return { uri: node.uri, ref: node.finding };
    return undefined;
  }
  const uri = a instanceof vscode.Uri ? a : typeof a === 'string' ? vscode.Uri.parse(a) : undefined;
  if (!uri || !isRef(b)) return undefined;
  return { uri, ref: b, ...(typeof c === 'string' ? { reason: c } : {}) };
}

/** The finding of `findings` the reference names: the same rule and message, the nearest to its place. */
function pick(findings: readonly Finding[], ref: FindingRef): Finding | undefined {
  const same = findings.filter((f) => f.rule === ref.rule && f.message === ref.message);
  if (ref.start === undefined) return same[0];
  const at = ref.start;
  return same.sort((p, q) => Math.abs(p.start - at) - Math.abs(q.start - at))[0];
}

export function registerDismissCommand(store: AnnotationStore, checker: Checker): vscode.Disposable {
  const refuse = (message: string, severity: 'information' | 'warning' = 'information'): CommandResult => {
    notify(severity, message);
    return { ok: false, message };
  };
  return vscode.commands.registerCommand(DISMISS_FINDING, async (...args: unknown[]): Promise<CommandResult> => {
    const parsed = parse(args);
    if (!parsed) return refuse('TIP Lens: Dismiss this finding: choose a finding in the Problems panel or the Findings view.');
    const { uri, ref } = parsed;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    if (!isTipReport(doc)) return refuse(`TIP Lens: ${basename(uri)} is not a TIP report.`);
    let reason = parsed.reason;
    if (reason === undefined) {
      reason = await vscode.window.showInputBox({
        title: `Dismiss: ${clip(ref.message, 60)}`,
        prompt: 'Why is it right as it stands? (optional; kept in the annotation file)',
        placeHolder: 'A reason, or nothing',
      });
      if (reason === undefined) return { ok: false, message: 'cancelled' };
    }
    // The finding in the text as it is now (offsets of one version).
    const result = checker.current(doc) ?? (await checker.check(doc));
    const finding = result && result.version === doc.version ? pick(result.findings, ref) : undefined;
    if (!finding || !result) return refuse(`TIP Lens: that finding is no longer reported in ${basename(uri)}.`);
    const annotation = dismissal(doc.getText(), finding, `a-${globalThis.crypto.randomUUID()}`, new Date().toISOString(), reason);
    const r = await store.update(uri, (list) => [...list, annotation]);
    if (!r.ok) {
      notify('warning', r.message);
      return r;
    }
    return { ok: true, id: annotation.id, changed: true };
  });
}
