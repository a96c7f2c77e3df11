/**
 * Dismissed findings: a researcher says "this one is right, stop flagging it" for one finding,
 * as `cspell:ignore` or an ESLint disable comment does, but in the annotation file beside the
 * report, never in its text. A dismissal is an annotation (decision `dismiss`) anchored on the
 * finding's span, so it follows edits, with the finding's rule and fingerprint (its message,
 * which states the figures): when a figure changes, the message changes and the finding is
 * flagged again. A dismissal whose text is gone (orphaned) dismisses nothing.
 */
import { selectorFor } from '../annotations/anchor';
import type { Anchored, Annotation } from '../annotations/model';
import type { Finding } from './types';

/** What tells one finding from another across edits: its message, which states its figures. */
export function fingerprintOf(finding: Finding): string {
  return finding.message;
}

/** A finding left out by a dismissal, with the researcher's reason, if any. */
export interface DismissedFinding {
  readonly finding: Finding;
  readonly annotation: Annotation;
  readonly reason?: string;
}

export interface Dismissals {
  /** The findings still flagged, in their order. */
  readonly shown: Finding[];
  /** The findings dismissed, in their order. */
  readonly dismissed: DismissedFinding[];
}

/** The dismiss annotation of `finding` in `text` (the text the finding was found in). */
export function dismissal(text: string, finding: Finding, id: string, created: string, reason?: string): Annotation {
  const note = reason?.trim();
  return {
    id, decision: 'dismiss', selector: selectorFor(text, finding.start, finding.end),
    rule: finding.rule, fingerprint: fingerprintOf(finding), ...(note ? { note } : {}), created,
  };
}

/** Whether an anchored dismissal dismisses `finding`: the same rule and fingerprint, on the finding's text. */
export function dismisses(a: Anchored, finding: Finding): boolean {
  const ann = a.annotation;
  if (ann.decision !== 'dismiss' || !a.span) return false;
  if (ann.rule !== finding.rule || ann.fingerprint !== fingerprintOf(finding)) return false;
  const { start, end } = a.span;
  return start === end ? start >= finding.start && start <= finding.end : start < finding.end && finding.start < end;
}

/**
 * Which findings are shown and which are dismissed, given the annotations of the report
 * anchored in the text the findings were found in (other decisions are ignored).
 */
export function applyDismissals(findings: readonly Finding[], anchored: readonly Anchored[]): Dismissals {
  const active = anchored.filter((a) => a.annotation.decision === 'dismiss' && a.span);
  if (active.length === 0) return { shown: [...findings], dismissed: [] };
  const shown: Finding[] = [];
  const dismissed: DismissedFinding[] = [];
  for (const f of findings) {
    const by = active.find((a) => dismisses(a, f));
    if (!by) shown.push(f);
    else dismissed.push({ finding: f, annotation: by.annotation, ...(by.annotation.note ? { reason: by.annotation.note } : {}) });
  }
  return { shown, dismissed };
}
