import type * as vscode from 'vscode';
import { attributesOf, attributeText, ATTRIBUTE_NAMES, type Anchored, type Annotation, type AnnotationSchema } from '../../core/annotations';
import { ENTITY_LABELS, figureValue, METRIC_LABELS } from '../../core/labels';
import type { Correction } from '../../core/model';
import type { Hit } from '../../core/query';
import type { Report } from '../analysisService';
import { itemOfHit, statusOf } from './items';
import { annotationTitle, clip } from './labels';
import { CONFIRM_ITEM, CORRECT_ITEM, DELETE_ANNOTATION, EDIT_ANNOTATION_NOTE, FROM_HOVER, type HoverDecision, REJECT_ITEM } from './protocol';

/**
 * The annotations' part of a hover: what the hover of TIP reports (`../hover.ts`) adds to the
 * hover of an item, and the hover of an annotation. Markdown with command links (each through
 * `FROM_HOVER`, which shows the hover again after the decision); the hover provider owns the
 * `MarkdownString` and trusts `ANNOTATION_COMMANDS` (`protocol.ts`).
 */

/** Text from the report, safe in markdown (as ../hover.ts escapes it). */
function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]|\$(?=\()/g, '\\$&');
}

/**
 * A link that runs `command` with `args` (the report's URI first) through {@link FROM_HOVER}, which
 * then shows the hover again at `at` (an offset; by default the item's start, `args[1]`), so
 * that the decision shows at once.
 */
function commandLink(title: string, command: string, args: readonly [string, ...unknown[]], at = typeof args[1] === 'number' ? args[1] : undefined): string {
  const link: HoverDecision = { command, args, uri: args[0], ...(at !== undefined ? { at } : {}) };
  return `[${title}](command:${FROM_HOVER}?${encodeURIComponent(JSON.stringify([link]))})`;
}

/**
 * The researcher's side of a hover: the item's status (confirmed, corrected, added by you, with
 * the note) and links to Confirm / Reject / Correct (and Undo Correction); then the annotations on the text under
 * the pointer that are not the item's (notes, labels, rejected items), with Edit Note / Delete.
 */
export function annotationHover(doc: vscode.TextDocument, report: Report, hit: Hit | undefined, own: readonly Anchored[], schema?: AnnotationSchema): string {
  const uri = doc.uri.toString();
  const parts: string[] = [];
  let itemAnnotation: string | undefined;
  if (hit) {
    const item = itemOfHit(hit);
    const st = statusOf(item);
    itemAnnotation = st.annotation;
    const span = item.span;
    const links: string[] = [];
    if (!st.status || st.status === 'automatic') links.push(commandLink('Confirm', CONFIRM_ITEM, [uri, span.start, span.end]));
    links.push(commandLink(st.status === 'manual' ? 'Remove' : 'Reject', REJECT_ITEM, [uri, span.start, span.end]));
    links.push(commandLink('Correct…', CORRECT_ITEM, [uri, span.start, span.end]));
    if (st.annotation) links.push(commandLink('Edit Note…', EDIT_ANNOTATION_NOTE, [uri, st.annotation], span.start));
    if (st.status === 'corrected' && st.annotation) links.push(commandLink('Undo Correction', DELETE_ANNOTATION, [uri, st.annotation], span.start));
    let status = 'found by TIP Lens';
    if (st.status === 'confirmed') status = '$(check) confirmed by you';
    else if (st.status === 'manual') status = '$(person) added by you';
    else if (st.status === 'corrected') status = `$(edit) corrected by you${st.was ? `: ${corrected(st.was)}` : ''}`;
    parts.push(`**Status**: ${status}${st.note ? `  \n**Note**: ${esc(st.note)}` : ''}\n\n${links.join(' · ')}`);
  }
  for (const a of own) {
    const ann = a.annotation;
    if (ann.id === itemAnnotation) continue;
    // Decisions about the item under the pointer are said above.
    if (hit && ann.decision !== 'note' && ann.decision !== 'reject' && ann.decision !== 'dismiss' && ann.label?.kind !== 'free') continue;
    const undo = ann.decision === 'reject' ? 'Undo Reject' : ann.decision === 'dismiss' ? 'Show Again' : 'Delete';
    const at = a.span?.start;
    const links = [commandLink('Edit Note…', EDIT_ANNOTATION_NOTE, [uri, ann.id], at), commandLink(undo, DELETE_ANNOTATION, [uri, ann.id], at)];
    const title = ann.decision === 'reject' ? rejectedTitle(report, ann) : ann.decision === 'dismiss' ? `Dismissed: ${ann.fingerprint ?? ''}` : annotationTitle(ann, schema);
    parts.push(`**${esc(title)}**: “${esc(clip(ann.selector[1].exact, 60))}”${ann.note ? `  \n**Note**: ${esc(ann.note)}` : ''}\n\n${links.join(' · ')}`);
  }
  return parts.join('\n\n---\n\n');
}

function rejectedTitle(report: Report, ann: Annotation): string {
  const r = report.annotated.rejected;
  const f = r.figures.find((x) => x.annotation === ann.id);
  if (f) return `Rejected by you: figure ${figureValue(f)} (${METRIC_LABELS[f.metric]})`;
  const m = r.money.find((x) => x.annotation === ann.id);
  if (m) return `Rejected by you: amount ${m.text}`;
  const e = r.mentions.find((x) => x.annotation === ann.id);
  if (e) return `Rejected by you: ${ENTITY_LABELS[e.entity.type]} ${e.text}`;
  return `Rejected by you`;
}

/** `period (TIP Lens read previous reporting period), value (TIP Lens read 22)`: what the researcher corrected, and what the engine read. */
function corrected(was: Correction): string {
  return attributesOf(was).map((a) => `${ATTRIBUTE_NAMES[a]} (TIP Lens read ${esc(attributeText(a, was))})`).join(', ');
}
