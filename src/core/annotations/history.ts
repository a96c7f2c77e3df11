/**
 * Decisions taken back and made again. A change of a report's annotations (a decision: confirm,
 * reject, change of type, a note, a deletion...) is kept as what it did, by id: the annotations it
 * added, removed and changed. It can be undone and redone on the set as it is now (other changes
 * made since are left alone), and it has a line that names it ("Rejected figure 236").
 *
 * A report's history is interleaved with the edits of its text, as an editor's undo is: the undo
 * key takes back a decision only while the last thing done in the report was that decision (or
 * the undo or redo of one); once the text is edited, the key is the text's again and the older
 * decisions are left to Undo Last Decision. The text's own undo stack is never touched.
 *
 * Plain data; `extension/annotations/undo.ts` keeps one history per open report.
 */
import { ENTITY_LABELS, METRIC_LABELS } from '../labels';
import type { Annotation, Decision, Label } from './model';

/** An annotation and its place in its set (for an undo or redo to put it back where it was). */
export interface Placed {
  readonly annotation: Annotation;
  readonly index: number;
}

export interface Change {
  readonly added: readonly Placed[];
  readonly removed: readonly Placed[];
  readonly changed: readonly { readonly before: Annotation; readonly after: Annotation }[];
}

/** What `after` changed of `before`, by id; undefined when nothing changed. */
export function changeBetween(before: readonly Annotation[], after: readonly Annotation[]): Change | undefined {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Set(after.map((a) => a.id));
  const added = after.flatMap((annotation, index) => (old.has(annotation.id) ? [] : [{ annotation, index }]));
  const removed = before.flatMap((annotation, index) => (now.has(annotation.id) ? [] : [{ annotation, index }]));
  const changed = after.flatMap((a) => {
    const b = old.get(a.id);
    return b && b !== a && canonical(b) !== canonical(a) ? [{ before: b, after: a }] : [];
  });
  return added.length + removed.length + changed.length > 0 ? { added, removed, changed } : undefined;
}

/** `list` with `change` taken back; undefined when nothing of it is left to take back. */
export function undone(list: readonly Annotation[], change: Change): readonly Annotation[] | undefined {
  return applied(list, change.added, change.removed, change.changed.map((c) => c.before));
}

/** `list` with `change` made again; undefined when there is nothing to make. */
export function redone(list: readonly Annotation[], change: Change): readonly Annotation[] | undefined {
  return applied(list, change.removed, change.added, change.changed.map((c) => c.after));
}

/**
 * Takes out `drop`, puts `restore` back at its place (unless it is there already) and gives the
 * annotations of `revert` their content again, each where it is now (the current selector: the
 * text may have moved since).
 */
function applied(list: readonly Annotation[], drop: readonly Placed[], restore: readonly Placed[], revert: readonly Annotation[]): readonly Annotation[] | undefined {
  const gone = new Set(drop.map((p) => p.annotation.id));
  const contents = new Map(revert.map((a) => [a.id, a]));
  let changed = false;
  const out: Annotation[] = [];
  for (const a of list) {
    if (gone.has(a.id)) {
      changed = true;
      continue;
    }
    const content = contents.get(a.id);
    const next = content ? { ...content, selector: a.selector } : a;
    if (next !== a && canonical(next) !== canonical(a)) {
      changed = true;
      out.push(next);
    } else {
      out.push(a);
    }
  }
  for (const p of [...restore].sort((x, y) => x.index - y.index)) {
    if (out.some((a) => a.id === p.annotation.id)) continue;
    out.splice(Math.min(p.index, out.length), 0, p.annotation);
    changed = true;
  }
  return changed ? out : undefined;
}

/** The value of an annotation, whatever the order of its keys. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

// ---------------------------------------------------------------------------------------------
// Its name

const MADE: Record<Decision, string> = {
  confirm: 'Confirmed',
  reject: 'Rejected',
  correct: 'Changed the type of',
  manual: 'Annotated',
  note: 'Annotated',
  dismiss: 'Dismissed the finding on',
};

const TAKEN_BACK: Record<Decision, string> = {
  confirm: 'Took back the confirmation of',
  reject: 'Took back the rejection of',
  correct: 'Took back the type change of',
  manual: 'Deleted the annotation on',
  note: 'Deleted the annotation on',
  dismiss: 'Showed again the finding on',
};

function labelName(label: Label | undefined): string {
  if (!label) return '';
  if (label.kind === 'figure') return METRIC_LABELS[label.metric];
  if (label.kind === 'entity') return ENTITY_LABELS[label.type];
  return label.label;
}

/** `figure 236`, `amount $3,440`, `entity FAV`, or the quote: what an annotation is on. */
function target(a: Annotation): string {
  const exact = a.selector[1].exact.replace(/\s+/g, ' ');
  const quote = exact.length > 40 ? `${exact.slice(0, 39)}…` : exact;
  if (a.about === 'figure') return `figure ${quote}`;
  if (a.about === 'money') return `amount ${quote}`;
  if (a.about === 'entity') return `entity ${quote}`;
  return `“${quote}”`;
}

/** What a change did, in a line: "Rejected figure 236", "Edited the note on “mining sites”". */
export function describeChange(change: Change): string {
  const first = change.added[0]?.annotation;
  if (first) {
    const more = change.added.length > 1 ? ` and ${change.added.length - 1} more` : '';
    const as = first.decision === 'correct' ? ` to ${labelName(first.label)}` : first.decision === 'manual' || first.decision === 'note' ? ` as ${labelName(first.label)}` : '';
    return `${MADE[first.decision]} ${target(first)}${more}${as}`;
  }
  const c = change.changed[0];
  if (c) {
    if (canonical(c.before.label) !== canonical(c.after.label)) return `Changed the type of ${target(c.after)} to ${labelName(c.after.label)}`;
    if (c.before.note !== c.after.note) return `${c.after.note ? 'Edited' : 'Removed'} the note on ${target(c.after)}`;
    return `Changed the annotation on ${target(c.after)}`;
  }
  const r = change.removed[0]!.annotation;
  return `${TAKEN_BACK[r.decision]} ${target(r)}`;
}

// ---------------------------------------------------------------------------------------------
// One report's history

export interface Step {
  readonly change: Change;
  /** Its name ({@link describeChange}). */
  readonly label: string;
  /** The edits of the text counted when it was made (or undone): the undo key is its while nothing was edited since. */
  readonly epoch: number;
}

/** The decisions of one report, to undo and redo, interleaved with the edits of its text. */
export class DecisionHistory {
  private readonly undos: Step[] = [];
  private readonly redos: Step[] = [];
  /** How many edits of the text so far. */
  private epoch = 0;

  constructor(private readonly limit = 100) {}

  /** A decision was made: it is the next to undo, and what was undone can no longer be redone. */
  record(change: Change, label = describeChange(change)): void {
    this.undos.push({ change, label, epoch: this.epoch });
    if (this.undos.length > this.limit) this.undos.shift();
    this.redos.length = 0;
  }

  /**
   * The report's text was edited: the undo key is the text's again. `shift` moves the
   * annotations kept here as the store moves its own, so that an undo puts them back where
   * their text is now.
   */
  edited(shift?: (list: readonly Annotation[]) => readonly Annotation[]): void {
    this.epoch++;
    if (!shift) return;
    const move = (placed: readonly Placed[]): readonly Placed[] => {
      const moved = shift(placed.map((p) => p.annotation));
      return moved.map((annotation, i) => ({ annotation, index: placed[i]!.index }));
    };
    for (const stack of [this.undos, this.redos]) {
      stack.forEach((s, i) => {
        stack[i] = { ...s, change: { ...s.change, added: move(s.change.added), removed: move(s.change.removed) } };
      });
    }
  }

  get canUndo(): boolean {
    return this.undos.length > 0;
  }

  get canRedo(): boolean {
    return this.redos.length > 0;
  }

  /** Whether the undo key takes back a decision: the next to undo was made (or redone) with no edit of the text since. */
  get undoIsNext(): boolean {
    return this.undos.at(-1)?.epoch === this.epoch;
  }

  /** Whether the redo key makes a decision again: the next to redo was undone with no edit of the text since. */
  get redoIsNext(): boolean {
    return this.redos.at(-1)?.epoch === this.epoch;
  }

  /** The decision to take back, now the next to redo (see {@link putBack} if it could not be taken back). */
  undo(): Step | undefined {
    return this.move(this.undos, this.redos);
  }

  /** The decision to make again, now the next to undo. */
  redo(): Step | undefined {
    return this.move(this.redos, this.undos);
  }

  /** An undo or redo that could not be written: its step goes back where it was. */
  putBack(step: Step, after: 'undo' | 'redo'): void {
    const [from, to] = after === 'undo' ? [this.redos, this.undos] : [this.undos, this.redos];
    const i = from.findIndex((s) => s.change === step.change);
    if (i >= 0) from.splice(i, 1);
    to.push(step);
  }

  private move(from: Step[], to: Step[]): Step | undefined {
    const step = from.pop();
    if (step) to.push({ ...step, epoch: this.epoch });
    return step;
  }
}
