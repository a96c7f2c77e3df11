import * as assert from 'node:assert';
import { selectorFor, type Annotation } from '../../src/core/annotations';
import { changeBetween, DecisionHistory, describeChange, redone, undone, type Change } from '../../src/core/annotations/history';

const TEXT = 'Officials convicted 14 traffickers and identified 298 victims with the OCPM and NGOs in mining sites.';
const CREATED = '2026-12-03T00:00:00Z';

function on(id: string, quote: string, fields: Partial<Annotation>): Annotation {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id, decision: 'note', selector: selectorFor(TEXT, start, start + quote.length), created: CREATED, ...fields };
}

const reject14 = on('r14', '14', { decision: 'reject', about: 'figure' });
const confirm298 = on('c298', '298', { decision: 'confirm', about: 'figure' });
const note = on('n1', 'mining sites', { decision: 'note', label: { kind: 'free', label: 'note' }, note: 'which sites?' });
/** Every annotation moved by `delta` (an insertion before them all, as the store moves them). */
const shifted = (list: readonly Annotation[], delta: number): Annotation[] =>
  list.map((a) => ({ ...a, selector: [{ ...a.selector[0], start: a.selector[0].start + delta, end: a.selector[0].end + delta }, a.selector[1]] }));
const ids = (list: readonly Annotation[] | undefined): string[] => (list ?? []).map((a) => a.id);
const change = (before: readonly Annotation[], after: readonly Annotation[]): Change => {
  const c = changeBetween(before, after);
  assert.ok(c, 'a change');
  return c;
};

describe('the history of decisions', () => {
  describe('a change, by id', () => {
    it('is what was added, removed and changed; nothing when the sets are equal, whatever the order of keys', () => {
      const edited = { ...note, note: 'gold mines' };
      const c = change([confirm298, note], [edited, reject14]);
      assert.deepStrictEqual(c.added, [{ annotation: reject14, index: 1 }]);
      assert.deepStrictEqual(c.removed, [{ annotation: confirm298, index: 0 }]);
      assert.deepStrictEqual(c.changed, [{ before: note, after: edited }]);
      const reordered = JSON.parse(JSON.stringify({ created: note.created, selector: note.selector, note: note.note, label: note.label, decision: note.decision, id: note.id })) as Annotation;
      assert.strictEqual(changeBetween([note], [reordered]), undefined);
      assert.strictEqual(changeBetween([note, reject14], [note, reject14]), undefined);
    });

    it('undone and redone on the set as it is now: other changes made since stay, a removed one goes back to its place', () => {
      const c = change([confirm298, note], [note]);
      // Since: a Reject added.
      const now = [note, reject14];
      assert.deepStrictEqual(ids(undone(now, c)), ['c298', 'n1', 'r14']);
      assert.deepStrictEqual(ids(redone(undone(now, c)!, c)), ['n1', 'r14']);
      // Nothing left to take back (deleted since): nothing to write.
      assert.strictEqual(undone([note], change([note], [note, reject14])), undefined);
      assert.strictEqual(redone([note, reject14], change([note], [note, reject14])), undefined);
    });

    it('a changed annotation gets its content back where it is now (its current selector)', () => {
      const edited = { ...note, note: 'gold mines', modified: CREATED };
      const c = change([note], [edited]);
      const moved = { ...edited, selector: shifted([edited], 5)[0]!.selector };
      const back = undone([moved], c)!;
      assert.strictEqual(back[0]!.note, 'which sites?');
      assert.strictEqual('modified' in back[0]!, false);
      assert.deepStrictEqual(back[0]!.selector, moved.selector);
      assert.strictEqual(redone(back, c)![0]!.note, 'gold mines');
    });
  });

  it('names each decision in a line', () => {
    const correct = on('k', '298', { decision: 'correct', about: 'figure', label: { kind: 'figure', metric: 'victims-referred' } });
    const manual = on('m', 'OCPM', { decision: 'manual', label: { kind: 'entity', type: 'government-body' } });
    const entityReject = (id: string): Annotation => on(id, 'NGOs', { decision: 'reject', about: 'entity' });
    const dismissed = on('d', 'mining sites', { decision: 'dismiss', rule: 'breakdown-sum', fingerprint: 'x' });
    const cases: Array<[Change, string]> = [
      [change([], [reject14]), 'Rejected figure 14'],
      [change([], [confirm298]), 'Confirmed figure 298'],
      [change([confirm298], [correct]), 'Changed the type of figure 298 to victims referred'],
      [change([], [manual]), 'Annotated “OCPM” as government body'],
      [change([], [entityReject('e1'), entityReject('e2'), entityReject('e3')]), 'Rejected entity NGOs and 2 more'],
      [change([reject14], []), 'Took back the rejection of figure 14'],
      [change([note], [{ ...note, note: 'gold' }]), 'Edited the note on “mining sites”'],
      [change([note], [{ ...note, note: undefined }]), 'Removed the note on “mining sites”'],
      [change([manual], [{ ...manual, label: { kind: 'entity', type: 'ngo' } }]), 'Changed the type of “OCPM” to NGO'],
      [change([], [dismissed]), 'Dismissed the finding on “mining sites”'],
      [change([dismissed], []), 'Showed again the finding on “mining sites”'],
    ];
    for (const [c, line] of cases) assert.strictEqual(describeChange(c), line);
  });

  describe('one report\'s history, interleaved with the edits of its text', () => {
    it('the undo key is the decisions\' while nothing was edited since; an edit gives it back to the text', () => {
      const h = new DecisionHistory();
      assert.deepStrictEqual([h.canUndo, h.undoIsNext, h.canRedo, h.redoIsNext], [false, false, false, false]);
      h.record(change([], [confirm298]));
      h.record(change([confirm298], [confirm298, reject14]));
      assert.ok(h.undoIsNext);
      assert.strictEqual(h.undo()!.label, 'Rejected figure 14');
      // Two decisions in a row: the key takes back the one before too, and redoes the last.
      assert.deepStrictEqual([h.undoIsNext, h.redoIsNext], [true, true]);
      h.edited();
      assert.deepStrictEqual([h.canUndo, h.undoIsNext, h.canRedo, h.redoIsNext], [true, false, true, false]);
      // A decision after an edit: the key is its; once undone, the one before the edit is the palette's only.
      h.record(change([confirm298], [confirm298, note]));
      assert.deepStrictEqual([h.undoIsNext, h.canRedo], [true, false], 'a new decision drops what was undone');
      assert.strictEqual(h.undo()!.label, 'Annotated “mining sites” as note');
      assert.deepStrictEqual([h.canUndo, h.undoIsNext, h.redoIsNext], [true, false, true]);
      assert.strictEqual(h.redo()!.label, 'Annotated “mining sites” as note');
      assert.ok(h.undoIsNext);
    });

    it('an undo that could not be written goes back; the history keeps the last 100', () => {
      const h = new DecisionHistory(2);
      h.record(change([], [reject14]));
      h.record(change([], [confirm298]));
      h.record(change([], [note]));
      const step = h.undo()!;
      h.putBack(step, 'undo');
      assert.deepStrictEqual([h.canRedo, h.undo()!.label], [false, step.label]);
      assert.strictEqual(h.undo()!.label, 'Confirmed figure 298');
      assert.strictEqual(h.undo(), undefined, 'the oldest went');
    });

    it('the annotations it keeps move with the text, as the store moves its own', () => {
      const h = new DecisionHistory();
      h.record(change([note], []));
      const insert = 'Recently, ';
      h.edited((list) => shifted(list, insert.length));
      const back = undone([], h.undo()!.change)!;
      assert.strictEqual(back[0]!.selector[0].start, note.selector[0].start + insert.length);
      assert.strictEqual(back[0]!.selector[1].exact, 'mining sites');
    });
  });
});
