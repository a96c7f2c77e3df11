import * as vscode from 'vscode';
import {
  annotationFields, ATTRIBUTES, attributesOf, correctionOf, correctionProblem, engineReading, mergeCorrection, readingOf, selectorFor,
  type Anchored, type Annotation, type AnnotationSchema, type Label, type SchemaLabel,
} from '../../core/annotations';
import type { Correction, Entity, EntityType, Figure, Mention, Metric, Money, Span } from '../../core/model';
import { type AnalysisService, isTipReport, type Report } from '../analysisService';
import type { AnnotationStore } from './annotationStore';
import { basename, openDocument } from './files';
import { annotationsAt, type Item, itemAt, itemName, overlaps, same, statusOf } from './items';
import { annotationTitle, clip, labelKey, labelTitle } from './labels';
import { type Message, notify } from './messages';
import { askCorrection, isAttributeOf } from './correctDialog';
import {
  ANNOTATE_SELECTION, CHANGE_ITEM_TYPE, CONFIRM_ITEM, CORRECT_ITEM, DELETE_ANNOTATION, EDIT_ANNOTATION_NOTE, REJECT_ITEM, type CommandResult,
} from './protocol';
import type { SchemaStore } from './schemaStore';

/**
 * The annotation commands: Annotate Selection, Confirm, Reject, Change Type, Correct, Delete
 * Annotation and Edit Annotation Note. Each finds its report and item (from its arguments, a node of the
 * Report view or the editor's selection), asks the schema store for labels and changes the
 * report's set through the annotation store.
 */

// ---------------------------------------------------------------------------------------------
// Command arguments

interface Options {
  uri?: vscode.Uri;
  span?: Span;
  range?: vscode.Range;
  label?: string;
  note?: string;
  id?: string;
  /** Correct: the attributes to set (`{ period: 'current' }`), checked as a file's are. */
  set?: Record<string, unknown>;
  /** A node of the Report view (its context menu passes it). */
  node?: { readonly kind: string; readonly [k: string]: unknown };
}

function toUri(x: unknown): vscode.Uri | undefined {
  if (x instanceof vscode.Uri) return x;
  if (typeof x === 'string' && x) {
    try {
      return vscode.Uri.parse(x, true);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The arguments of the commands, in each form they come in: none (the active editor and its
 * selection); `(uri, start, end, label?, note?)` or `(uri, range, label?, note?)` (hovers,
 * tests); `(uri, id, note?)` for an annotation; one object `{ uri, start, end, range, label,
 * note, id }`; a node of the Report view; the document's URI alone (the editor's context menu).
 * Correct reads its attribute where the others read a label, `(uri, start, end, 'period')` or
 * `{ ..., attribute: 'period' }`, and what to set as an object: `(uri, start, end, { period:
 * 'current' }, note?)` or `{ ..., set: { period: 'current' } }` (quick fixes, tests).
 */
function parseArgs(args: readonly unknown[], idFirst = false): Options {
  const [first, ...rest] = args;
  const o: Options = {};
  if (isRecord(first) && !(first instanceof vscode.Uri) && typeof first['kind'] === 'string') {
    o.node = first as Options['node'];
    // The tree's context menu passes (node, selected nodes); a caller may add a note: (node, note).
    if (typeof rest[0] === 'string') o.note = rest[0];
    return o;
  }
  if (isRecord(first) && !(first instanceof vscode.Uri)) {
    const uri = toUri(first['uri']);
    if (uri) o.uri = uri;
    const range = first['range'];
    if (range instanceof vscode.Range) o.range = range;
    if (typeof first['start'] === 'number' && typeof first['end'] === 'number') o.span = { start: first['start'], end: first['end'] };
    if (typeof first['label'] === 'string') o.label = first['label'];
    if (typeof first['note'] === 'string') o.note = first['note'];
    if (typeof first['id'] === 'string') o.id = first['id'];
    if (typeof first['attribute'] === 'string') o.label = first['attribute'];
    if (isRecord(first['set'])) o.set = first['set'];
    return o;
  }
  const uri = toUri(first);
  if (uri) o.uri = uri;
  let i = 0;
  if (idFirst && typeof rest[0] === 'string') {
    o.id = rest[0];
    if (typeof rest[1] === 'string') o.note = rest[1];
    return o;
  }
  if (typeof rest[0] === 'number' && typeof rest[1] === 'number') {
    o.span = { start: rest[0], end: rest[1] };
    i = 2;
  } else if (rest[0] instanceof vscode.Range) {
    o.range = rest[0];
    i = 1;
  }
  if (typeof rest[i] === 'string') o.label = rest[i] as string;
  else if (isRecord(rest[i])) o.set = rest[i] as Record<string, unknown>;
  if (typeof rest[i + 1] === 'string') o.note = rest[i + 1] as string;
  return o;
}

// ---------------------------------------------------------------------------------------------
// The commands

interface Target {
  readonly doc: vscode.TextDocument;
  readonly report: Report;
  /** Spans given, or the selection's. */
  readonly span: Span;
  /** The items a node of the tree stands for (an entity: each of its mentions). */
  readonly items?: readonly Item[];
}

class Annotator {
  constructor(
    private readonly service: AnalysisService,
    private readonly store: AnnotationStore,
    readonly schemas: SchemaStore,
  ) {}

  /** The document a command is about, its current report, and the span. */
  private async target(o: Options, what: string, needsPlace = true): Promise<Target | string> {
    let doc: vscode.TextDocument | undefined;
    let items: Item[] | undefined;
    if (o.node) {
      const found = this.fromNode(o.node);
      if (!found) return `TIP Lens: ${what}: the item is no longer in the report.`;
      doc = found.doc;
      items = found.items;
    } else if (o.uri) {
      try {
        doc = await vscode.workspace.openTextDocument(o.uri);
      } catch (e) {
        return `TIP Lens: ${what}: cannot open ${o.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`;
      }
    } else {
      doc = vscode.window.activeTextEditor?.document;
    }
    if (!doc || !isTipReport(doc)) return `TIP Lens: ${what} works in a TIP report.`;
    const report = await this.service.report(doc);
    if (!report) return `TIP Lens: ${what}: ${basename(doc.uri)} is still being read; try again.`;
    let span = o.span;
    const range = o.range;
    if (range) span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    if (!span && items?.[0]) span = items[0].span;
    // An annotation named by its id needs no place in the text.
    if (!span && !needsPlace) span = { start: 0, end: 0 };
    if (!span) {
      const editor = editorOf(doc);
      if (!editor) return `TIP Lens: ${what}: no place given, and ${basename(doc.uri)} is not in an editor.`;
      span = { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
    }
    const length = doc.getText().length;
    if (span.start < 0 || span.end > length || span.end < span.start) return `TIP Lens: ${what}: ${span.start}-${span.end} is outside ${basename(doc.uri)}.`;
    return { doc, report, span, ...(items ? { items } : {}) };
  }

  /** A Report view node's document (the open report whose analysis holds its item) and items. */
  private fromNode(node: NonNullable<Options['node']>): { doc: vscode.TextDocument; items?: Item[] } | undefined {
    const nodeUri = toUri(node['uri']);
    const docs = nodeUri ? [openDocument(nodeUri)].filter((d): d is vscode.TextDocument => !!d) : vscode.workspace.textDocuments.filter(isTipReport);
    for (const doc of docs) {
      const report = this.service.current(doc);
      if (!report) continue;
      const a = report.analysis;
      switch (node.kind) {
        case 'figure': {
          const f = node['figure'] as Figure;
          const now = a.figures.includes(f) ? f : a.figures.find((x) => same(x, f));
          if (now) return { doc, items: [{ kind: 'figure', figure: now, span: now }] };
          break;
        }
        case 'amount': {
          const m = node['money'] as Money;
          const now = a.money.includes(m) ? m : a.money.find((x) => same(x, m));
          if (now) return { doc, items: [{ kind: 'money', money: now, span: now }] };
          break;
        }
        case 'mention': {
          const men = node['mention'] as Mention;
          const found = report.index.allMentions().find((x) => same(x, men));
          if (found && (a.entities.includes(node['entity'] as Entity) || found.text === men.text)) {
            return { doc, items: [{ kind: 'entity', entity: found.entity, mention: found, span: found }] };
          }
          break;
        }
        case 'entity': {
          const e = node['entity'] as Entity;
          const now = a.entities.includes(e) ? e : a.entities.find((x) => x.id === e.id);
          if (now) return { doc, items: now.mentions.map((m) => ({ kind: 'entity' as const, entity: now, mention: m, span: m })) };
          break;
        }
        case 'annotation':
          return { doc };
        default:
          break;
      }
    }
    return undefined;
  }

  private refuse(message: string, severity: Message['severity'] = 'information'): CommandResult {
    notify(severity, message);
    return { ok: false, message };
  }

  private async finish(result: Promise<CommandResult>): Promise<CommandResult> {
    const r = await result;
    if (!r.ok) notify('warning', r.message);
    return r;
  }

  /** Refuses at once when the report's file cannot be used. */
  private async blocked(doc: vscode.TextDocument): Promise<CommandResult | undefined> {
    await this.store.load(doc);
    const problem = this.store.problem(doc.uri);
    return problem ? this.refuse(problem, 'warning') : undefined;
  }

  // ---- Annotate Selection ----------------------------------------------------------------

  async annotateSelection(...args: unknown[]): Promise<CommandResult> {
    const o = parseArgs(args);
    const t = await this.target(o, 'Annotate Selection');
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    const blocked = await this.blocked(doc);
    if (blocked) return blocked;
    let span = t.span;
    if (span.end === span.start) {
      // No selection: the item at the cursor, else the word.
      const item = itemAt(report, span);
      const word = doc.getWordRangeAtPosition(doc.positionAt(span.start));
      if (item) span = item.span;
      else if (word) span = { start: doc.offsetAt(word.start), end: doc.offsetAt(word.end) };
      else return this.refuse('TIP Lens: select the text to annotate first.');
    }
    const schema = await this.schemas.schemaForAsync(doc.uri);
    let chosen: SchemaLabel | undefined;
    if (o.label !== undefined) {
      chosen = findLabel(schema, o.label) ?? findLabel(this.schemas.defaults, o.label);
      if (!chosen) return this.refuse(`TIP Lens: no label "${o.label}" in the annotation schema.`, 'warning');
    } else {
      chosen = await pickLabel(schema.labels, `Annotate "${clip(doc.getText().slice(span.start, span.end))}"`);
      if (!chosen) return { ok: false, message: 'cancelled' };
    }
    let note = o.note;
    if (note === undefined && o.label === undefined) {
      note = await vscode.window.showInputBox({
        title: `${chosen.title}: a note (optional)`,
        prompt: 'A note for this annotation, shown in hovers and in the Report view. Enter for none.',
      });
      if (note === undefined) return { ok: false, message: 'cancelled' };
    }
    const label = chosen.label;
    const text = doc.getText();
    // An engine item of the same kind at exactly this text: the label confirms or corrects it.
    const item = label.kind === 'free' ? undefined : itemAt(report, span);
    const exact = item && same(item.span, span) && item.kind === label.kind ? item : undefined;
    let decision: Annotation['decision'] = label.kind === 'free' ? 'note' : 'manual';
    if (exact && statusOf(exact).status !== 'manual') {
      const current = exact.kind === 'figure' ? exact.figure.metric : exact.kind === 'entity' ? exact.entity.type : undefined;
      const wanted = label.kind === 'figure' ? label.metric : label.kind === 'entity' ? label.type : undefined;
      decision = current === wanted && statusOf(exact).status !== 'corrected' ? 'confirm' : 'correct';
    }
    const annotation: Annotation = {
      id: newId(),
      decision,
      selector: selectorFor(text, span.start, span.end),
      ...(decision === 'confirm' ? {} : { label }),
      ...(exact && decision !== 'manual' ? { about: exact.kind } : {}),
      ...(note ? { note } : {}),
      created: new Date().toISOString(),
    };
    if (exact && decision === 'correct') {
      const plan = newPlan();
      planCorrection(plan, report, text, exact, label.kind === 'figure' ? { metric: label.metric } : label.kind === 'entity' ? { type: label.type } : {}, note || undefined, annotation.created);
      return this.run(doc, plan);
    }
    const replaced = exact && decision !== 'manual' ? decisionsOn(report, exact) : [];
    const manualOf = exact && statusOf(exact).status === 'manual' ? statusOf(exact).annotation : undefined;
    const drop = new Set([...replaced, ...(manualOf ? [manualOf] : [])]);
    const r = await this.finish(this.store.update(doc.uri, (list) => [...list.filter((a) => !drop.has(a.id)), annotation]));
    return r.ok ? { ...r, id: annotation.id } : r;
  }

  // ---- Confirm, Reject, Change Type ------------------------------------------------------

  async decide(kind: 'confirm' | 'reject' | 'correct', args: readonly unknown[]): Promise<CommandResult> {
    const what = kind === 'confirm' ? 'Confirm' : kind === 'reject' ? 'Reject' : 'Change Type';
    const o = parseArgs(args);
    const t = await this.target(o, what);
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    const items = t.items ?? [itemAt(report, t.span)].filter((x): x is Item => !!x);
    if (items.length === 0) return this.refuse(`TIP Lens: ${what}: no figure, amount or entity here.`);
    const blocked = await this.blocked(doc);
    if (blocked) return blocked;
    let label: Label | undefined;
    if (kind === 'correct') {
      const first = items[0]!;
      if (first.kind === 'money') return this.refuse('TIP Lens: an amount of money has no type to change. Reject it if it is not money.');
      const schema = await this.schemas.schemaForAsync(doc.uri);
      const current = first.kind === 'figure' ? labelKey({ kind: 'figure', metric: first.figure.metric }) : labelKey({ kind: 'entity', type: first.entity.type });
      let choices = schema.labels.filter((l) => l.label.kind === first.kind);
      if (choices.length === 0) choices = this.schemas.defaults.labels.filter((l) => l.label.kind === first.kind);
      if (o.label !== undefined) {
        const chosen = findLabel(schema, o.label) ?? findLabel(this.schemas.defaults, o.label);
        if (!chosen || chosen.label.kind !== first.kind) return this.refuse(`TIP Lens: "${o.label}" is not a ${first.kind === 'figure' ? 'figure metric' : 'entity type'} of the annotation schema.`, 'warning');
        label = chosen.label;
      } else {
        const chosen = await pickLabel(choices.filter((l) => labelKey(l.label) !== current), `Change the type of ${itemName(first)} (now ${labelTitle(keyToLabel(current), schema)})`);
        if (!chosen) return { ok: false, message: 'cancelled' };
        label = chosen.label;
      }
    }
    const text = doc.getText();
    const now = new Date().toISOString();
    const plan = newPlan();
    for (const item of items) {
      const st = statusOf(item);
      // A new type is a correction: merged with an earlier one of the item, as Correct does.
      if (kind === 'correct' && label) {
        planCorrection(plan, report, text, item, label.kind === 'figure' ? { metric: label.metric } : label.kind === 'entity' ? { type: label.type } : {}, o.note, now);
        continue;
      }
      if (st.status === 'manual' && st.annotation) {
        // The researcher's own item: rejecting it removes it.
        if (kind === 'reject') plan.drop.add(st.annotation);
        continue;
      }
      if (kind === 'confirm' && (st.status === 'confirmed' || st.status === 'corrected')) continue;
      const previous = decisionsOn(report, item);
      const keptNote = o.note ?? report.annotated.anchored.find((a) => previous.includes(a.annotation.id) && a.annotation.note)?.annotation.note;
      for (const id of previous) plan.drop.add(id);
      plan.add.push({
        id: newId(),
        decision: kind,
        about: item.kind,
        selector: selectorFor(text, item.span.start, item.span.end),
        ...(keptNote ? { note: keptNote } : {}),
        created: now,
      });
    }
    return this.run(doc, plan);
  }

  /** Changes the report's set as `plan` says, in one write; nothing to change (confirming what is confirmed already, say): nothing written. */
  private async run(doc: vscode.TextDocument, plan: Plan): Promise<CommandResult> {
    if (plan.drop.size === 0 && plan.add.length === 0 && plan.edit.size === 0) return { ok: true, changed: false };
    const r = await this.finish(this.store.update(doc.uri, (list) => [
      ...list.filter((a) => !plan.drop.has(a.id)).map((a) => plan.edit.get(a.id)?.(a) ?? a),
      ...plan.add,
    ]));
    const id = plan.add[0]?.id ?? [...plan.edit.keys()][0];
    return r.ok && id ? { ...r, id } : r;
  }

  // ---- Correct ------------------------------------------------------------------------------

  /**
   * Correct...: any attribute of the item here (a figure's metric, period, value or what it
   * counts; an amount's currency, value or stated conversion; an entity's type or long form),
   * asked for (`correctDialog.ts`) unless given. One correct annotation per item, merged with an
   * earlier one; an attribute corrected back to what the engine read is no longer corrected.
   */
  async correct(...args: unknown[]): Promise<CommandResult> {
    const o = parseArgs(args);
    const t = await this.target(o, 'Correct');
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    const item = t.items?.[0] ?? itemAt(report, t.span);
    if (!item) return this.refuse('TIP Lens: Correct: no figure, amount or entity here.');
    const blocked = await this.blocked(doc);
    if (blocked) return blocked;
    let patch: Correction | undefined;
    if (o.set) {
      const problem = correctionProblem(o.set, true);
      const foreign = Object.keys(o.set).find((k) => k !== 'max' && !isAttributeOf(item, k));
      if (problem || foreign) {
        return this.refuse(`TIP Lens: Correct: ${problem ? `the correction ${problem}` : `a ${item.kind === 'money' ? 'amount' : item.kind} has no ${foreign}`}.`, 'warning');
      }
      patch = o.set as Correction;
    } else {
      if (o.label !== undefined && !isAttributeOf(item, o.label)) {
        return this.refuse(`TIP Lens: Correct: "${o.label}" is not one of ${ATTRIBUTES[item.kind].join(', ')}.`, 'warning');
      }
      const schema = await this.schemas.schemaForAsync(doc.uri);
      const of = (kind: 'figure' | 'entity'): SchemaLabel[] => {
        const own = schema.labels.filter((l) => l.label.kind === kind);
        return own.length > 0 ? own : this.schemas.defaults.labels.filter((l) => l.label.kind === kind);
      };
      const meta = report.index.narrativeAt(item.span.start)?.meta ?? report.analysis.meta;
      patch = await askCorrection(item, { figure: of('figure'), entity: of('entity') }, { year: meta.year, country: meta.country }, o.label as Parameters<typeof askCorrection>[3]);
      if (!patch) return { ok: false, message: 'cancelled' };
    }
    const plan = newPlan();
    planCorrection(plan, report, doc.getText(), item, patch, o.note, new Date().toISOString());
    return this.run(doc, plan);
  }

  // ---- Delete, Edit Note ------------------------------------------------------------------

  /** The annotation a command is about: by id, a tree node, or the one at the cursor (asked when several). */
  private async chooseAnnotation(o: Options, what: string): Promise<{ doc: vscode.TextDocument; annotation: Annotation } | CommandResult> {
    if (o.node?.kind === 'annotation') {
      const anchored = o.node['anchored'] as Anchored | undefined;
      if (anchored) o.id = anchored.annotation.id;
    }
    const t = await this.target(o, what, o.id === undefined);
    if (typeof t === 'string') return this.refuse(t);
    const { doc, report } = t;
    await this.store.load(doc);
    const all = this.store.annotations(doc.uri);
    if (o.id !== undefined) {
      const a = all.find((x) => x.id === o.id);
      return a ? { doc, annotation: a } : this.refuse(`TIP Lens: ${what}: no annotation ${o.id} in ${basename(doc.uri)}.`);
    }
    const here = annotationsAt(report, t.span.start);
    const item = itemAt(report, t.span);
    const ids = new Set(here.map((a) => a.annotation.id));
    const own = item ? statusOf(item).annotation : undefined;
    if (own) ids.add(own);
    const candidates = all.filter((a) => ids.has(a.id));
    if (candidates.length === 0) return this.refuse(`TIP Lens: ${what}: no annotation here.`);
    if (candidates.length === 1) return { doc, annotation: candidates[0]! };
    const schema = this.schemas.schemaFor(doc.uri);
    const picked = await vscode.window.showQuickPick(
      candidates.map((a) => ({ label: annotationTitle(a, schema), description: `"${clip(a.selector[1].exact)}"`, detail: a.note, a })),
      { title: `TIP Lens: ${what}`, placeHolder: 'Which annotation?' },
    );
    return picked ? { doc, annotation: picked.a } : { ok: false, message: 'cancelled' };
  }

  async deleteAnnotation(...args: unknown[]): Promise<CommandResult> {
    const chosen = await this.chooseAnnotation(parseArgs(args, true), 'Delete Annotation');
    if ('ok' in chosen) return chosen;
    const { doc, annotation } = chosen;
    return this.finish(this.store.update(doc.uri, (list) => (list.some((a) => a.id === annotation.id) ? list.filter((a) => a.id !== annotation.id) : undefined)));
  }

  async editNote(...args: unknown[]): Promise<CommandResult> {
    const o = parseArgs(args, true);
    const chosen = await this.chooseAnnotation(o, 'Edit Annotation Note');
    if ('ok' in chosen) return chosen;
    const { doc, annotation } = chosen;
    let note = o.note;
    if (note === undefined) {
      note = await vscode.window.showInputBox({
        title: `Note on "${clip(annotation.selector[1].exact)}"`,
        prompt: 'Empty removes the note.',
        value: annotation.note ?? '',
      });
      if (note === undefined) return { ok: false, message: 'cancelled' };
    }
    const text = note.trim();
    const now = new Date().toISOString();
    return this.finish(
      this.store.update(doc.uri, (list) => list.map((a) => {
        if (a.id !== annotation.id) return a;
        const { note: _old, ...rest } = a;
        return { ...rest, ...(text ? { note: text } : {}), modified: now };
      })),
    );
  }
}

/** What a command changes in a report's set: annotations dropped, added, and changed in place. */
interface Plan {
  readonly drop: Set<string>;
  readonly add: Annotation[];
  readonly edit: Map<string, (a: Annotation) => Annotation>;
}

const newPlan = (): Plan => ({ drop: new Set(), add: [], edit: new Map() });

/**
 * Plans correcting `item` with `patch`: one correct annotation per item (an earlier one is
 * changed in place, other decisions on the item go), less what reads as the engine read. When
 * nothing is left corrected, the correction goes, and its note stays as a note on the text. The
 * researcher's own item (manual) takes the attributes in its own annotation.
 */
function planCorrection(plan: Plan, report: Report, text: string, item: Item, patch: Correction, note: string | undefined, now: string): void {
  const st = statusOf(item);
  const strip = (a: Annotation): Annotation => {
    const { label: _label, set: _set, note: _note, ...rest } = a;
    return rest as Annotation;
  };
  if (st.status === 'manual' && st.annotation) {
    plan.edit.set(st.annotation, (a) => ({
      ...strip(a), ...annotationFields(mergeCorrection(correctionOf(a), patch, {})), ...(note ?? a.note ? { note: note ?? a.note } : {}), modified: now,
    }));
    return;
  }
  const ids = decisionsOn(report, item);
  const decisions = report.annotated.anchored.filter((a) => ids.includes(a.annotation.id)).map((a) => a.annotation);
  const earlier = decisions.find((a) => a.decision === 'correct');
  const next = mergeCorrection(earlier ? correctionOf(earlier) : {}, patch, engineReading(readingOf(item), st.was));
  const keptNote = note ?? decisions.find((a) => a.note)?.note;
  for (const id of ids) if (id !== earlier?.id) plan.drop.add(id);
  if (attributesOf(next).length === 0) {
    if (!earlier) return;
    if (keptNote) plan.edit.set(earlier.id, (a) => ({ ...strip(a), decision: 'note', note: keptNote, modified: now }));
    else plan.drop.add(earlier.id);
    return;
  }
  const fields = { ...annotationFields(next), about: item.kind, ...(keptNote ? { note: keptNote } : {}) };
  if (earlier) plan.edit.set(earlier.id, (a) => ({ ...strip(a), ...fields, modified: now }));
  else plan.add.push({ id: newId(), decision: 'correct', selector: selectorFor(text, item.span.start, item.span.end), ...fields, created: now });
}

/** The decision annotations (confirm, reject, correct) on an item's text, to be replaced by a new decision. */
function decisionsOn(report: Report, item: Item): string[] {
  return report.annotated.anchored
    .filter((a) => {
      const d = a.annotation.decision;
      if (!a.span || (d !== 'confirm' && d !== 'reject' && d !== 'correct')) return false;
      const about = a.annotation.about;
      return overlaps(a.span, item.span) && (about === undefined || about === item.kind);
    })
    .map((a) => a.annotation.id);
}

function keyToLabel(key: string): Label {
  const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'entity') return { kind: 'entity', type: value as EntityType };
  if (kind === 'figure') return { kind: 'figure', metric: value as Metric };
  return { kind: 'free', label: value };
}

function findLabel(schema: AnnotationSchema, id: string): SchemaLabel | undefined {
  return schema.labels.find((l) => l.id === id) ?? schema.labels.find((l) => labelKey(l.label) === id);
}

async function pickLabel(labels: readonly SchemaLabel[], title: string): Promise<SchemaLabel | undefined> {
  type Pick = vscode.QuickPickItem & { readonly l?: SchemaLabel };
  const groups: Array<[Label['kind'], string]> = [['entity', 'Entity types'], ['figure', 'Figure metrics'], ['free', 'Labels']];
  const items: Pick[] = [];
  for (const [kind, name] of groups) {
    const of = labels.filter((l) => l.label.kind === kind);
    if (of.length === 0) continue;
    items.push({ label: name, kind: vscode.QuickPickItemKind.Separator });
    for (const l of of) items.push({ label: l.title, ...(l.description ? { detail: l.description } : {}), description: l.id, l });
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'An entity type, a figure metric or a label', matchOnDescription: true, matchOnDetail: true });
  return picked?.l;
}

function editorOf(doc: vscode.TextDocument): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active?.document === doc) return active;
  return vscode.window.visibleTextEditors.find((e) => e.document === doc);
}

function newId(): string {
  return `a-${globalThis.crypto.randomUUID()}`;
}

/** Registers the commands; what they return is a {@link CommandResult}. */
export function registerAnnotationCommands(service: AnalysisService, store: AnnotationStore, schemas: SchemaStore): vscode.Disposable {
  const annotator = new Annotator(service, store, schemas);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(ANNOTATE_SELECTION, (...args: unknown[]) => annotator.annotateSelection(...args)),
    vscode.commands.registerCommand(CONFIRM_ITEM, (...args: unknown[]) => annotator.decide('confirm', args)),
    vscode.commands.registerCommand(REJECT_ITEM, (...args: unknown[]) => annotator.decide('reject', args)),
    vscode.commands.registerCommand(CHANGE_ITEM_TYPE, (...args: unknown[]) => annotator.decide('correct', args)),
    vscode.commands.registerCommand(CORRECT_ITEM, (...args: unknown[]) => annotator.correct(...args)),
    vscode.commands.registerCommand(DELETE_ANNOTATION, (...args: unknown[]) => annotator.deleteAnnotation(...args)),
    vscode.commands.registerCommand(EDIT_ANNOTATION_NOTE, (...args: unknown[]) => annotator.editNote(...args)),
  );
}
