import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import {
  anchor, applyAnnotations, defaultSchema, parseAnnotationFile, parseSchema, refreshed, SCHEMA_VERSION, selectorFor,
  serializeAnnotationFile, type Annotation,
} from '../../src/core/annotations';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');

function annotate(text: string, quote: string, rest: Partial<Annotation> = {}, occurrence = 0): Annotation {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, quote);
  return { id: `a${at}`, decision: 'note', selector: selectorFor(text, at, at + quote.length), created: '2026-11-28T00:00:00Z', ...rest };
}

const edit = (text: string, at: number, remove: number, insert: string): string => text.slice(0, at) + insert + text.slice(at + remove);

describe('annotations: anchoring after edits', () => {
  const text = SAMPLE;
  const a = annotate(text, 'Central Office for the Protection of Minors');
  const at = a.selector[0].start;

  it('stays in place when nothing changed', () => {
    const r = anchor(text, a);
    assert.deepStrictEqual([r.how, r.span], ['position', { start: at, end: at + 43 }]);
  });

  it('follows an insertion before it', () => {
    const t = edit(text, 10, 0, 'An inserted sentence of our own. ');
    const r = anchor(t, a);
    assert.strictEqual(r.how, 'quote');
    assert.strictEqual(t.slice(r.span!.start, r.span!.end), 'Central Office for the Protection of Minors');
    assert.strictEqual(r.span!.start, at + 33);
  });

  it('stays put after an insertion after it', () => {
    const t = edit(text, at + 200, 0, 'More words. ');
    assert.deepStrictEqual(anchor(t, a).span, { start: at, end: at + 43 });
  });

  it('an insertion inside its text orphans it, with its quote kept', () => {
    const t = edit(text, at + 8, 0, 'X');
    const r = anchor(t, a);
    assert.strictEqual(r.how, 'orphaned');
    assert.strictEqual(r.annotation.selector[1].exact, 'Central Office for the Protection of Minors');
  });

  it('the deletion of its text orphans it; never dropped', () => {
    const t = edit(text, at, 43, '');
    const r = anchor(t, a);
    assert.strictEqual(r.how, 'orphaned');
    const applied = applyAnnotations(analyze(t), [r], t);
    assert.deepStrictEqual(applied.orphaned.map((x) => x.id), [a.id]);
  });

  it('deleting the annotated one of several occurrences orphans it rather than moving it to another', () => {
    const third = annotate(text, 'gendarmerie', {}, 1);
    const at2 = third.selector[0].start;
    // Remove the sentence part around it, context included.
    const t = edit(text, at2 - 40, 40 + 'gendarmerie'.length + 40, ' ');
    assert.ok(t.includes('gendarmerie'), 'other occurrences remain');
    assert.strictEqual(anchor(t, third).how, 'orphaned');
  });

  it('a file changed on disk (many edits at once): the quote and its context find it', () => {
    // Two occurrences of `OCPM`; the context tells which one the note was on.
    const second = annotate(text, 'OCPM', {}, 3);
    const t = 'A new opening paragraph written elsewhere.\n\n' + text.replace('In September 2022', 'In late September 2022');
    const r = anchor(t, second);
    assert.strictEqual(r.how, 'quote');
    const shift = t.indexOf('OCPM') - text.indexOf('OCPM');
    assert.ok(Math.abs(r.span!.start - (second.selector[0].start + shift)) <= 5, `${r.span!.start}`);
    // Saving writes the new position.
    assert.strictEqual(refreshed(t, r).selector[0].start, r.span!.start);
  });
});

describe('annotations: the file', () => {
  const a = annotate(SAMPLE, '58', { decision: 'reject', about: 'figure', note: 'the summary should say 63' });
  const file = { schemaVersion: SCHEMA_VERSION as typeof SCHEMA_VERSION, document: 'veldora-2023.tip.txt', annotations: [a] };

  it('round-trips as readable JSON with its schema version', () => {
    const json = serializeAnnotationFile(file);
    assert.match(json, /"schemaVersion": 1/);
    const back = parseAnnotationFile(json);
    assert.ok(back.ok);
    assert.deepStrictEqual(back.file, file);
  });

  it('says what is wrong with a file it cannot use', () => {
    const bad = (j: string): string => { const r = parseAnnotationFile(j); assert.ok(!r.ok); return r.error; };
    assert.match(bad('{ not json'), /not valid JSON/);
    assert.match(bad(JSON.stringify({ ...file, schemaVersion: SCHEMA_VERSION + 1 })), /newer than this TIP Lens reads/);
    assert.match(bad(JSON.stringify({ ...file, annotations: [{ ...a, decision: 'maybe' }] })), /annotation 1: "decision"/);
    assert.match(bad(JSON.stringify({ ...file, annotations: [{ ...a, selector: [] }] })), /selector/);
    assert.match(bad(JSON.stringify({ ...file, annotations: [a, a] })), /duplicate id/);
    assert.match(bad(JSON.stringify({ ...file, annotations: [{ ...a, decision: 'manual', label: undefined }] })), /needs a "label"/);
  });

  it('a default schema from the entity types and metrics; a workspace schema is validated', () => {
    const ids = defaultSchema().labels.map((l) => l.id);
    assert.ok(ids.includes('entity:armed-group') && ids.includes('figure:investigations') && ids.includes('free:note'));
    assert.ok(parseSchema(JSON.stringify({ labels: [{ id: 'x', title: 'Corruption', label: { kind: 'free', label: 'corruption' }, color: '#c00' }] })).ok);
    assert.ok(!parseSchema(JSON.stringify({ labels: [{ id: 'x', title: 'X', label: { kind: 'entity', type: 'dragon' } }] })).ok);
  });
});

describe("annotations: a researcher's decision overrides the engine", () => {
  const base = analyze(SAMPLE);
  const apply = (...anns: Annotation[]) => applyAnnotations(base, anns.map((x) => anchor(SAMPLE, x)), SAMPLE);

  it('reject removes the figure (kept aside for exports)', () => {
    const r = apply(annotate(SAMPLE, '58', { decision: 'reject', about: 'figure' }));
    assert.strictEqual(r.analysis.figures.length, base.figures.length - 1);
    assert.strictEqual(r.rejected.figures[0]!.status, 'rejected');
  });

  it('correct changes the metric; confirm marks it; notes are carried', () => {
    const r = apply(
      annotate(SAMPLE, '58', { decision: 'correct', about: 'figure', label: { kind: 'figure', metric: 'victims-identified' }, note: 'not soldiers' }),
      annotate(SAMPLE, '298', { decision: 'confirm', about: 'figure' }),
    );
    const f58 = r.analysis.figures.find((f) => f.text === '58')!;
    assert.deepStrictEqual([f58.metric, f58.status, f58.note], ['victims-identified', 'corrected', 'not soldiers']);
    assert.strictEqual(r.analysis.figures.find((f) => f.text === '298')!.status, 'confirmed');
  });

  it('manual adds what the engine missed; an entity retyped moves to its new type', () => {
    const r = apply(
      annotate(SAMPLE, 'gendarmerie', { decision: 'manual', label: { kind: 'entity', type: 'government-body' } }),
      annotate(SAMPLE, 'OCPM', { decision: 'correct', about: 'entity', label: { kind: 'entity', type: 'ngo' } }, 2),
    );
    const g = r.analysis.entities.find((e) => e.name === 'gendarmerie')!;
    assert.deepStrictEqual([g.type, g.mentions[0]!.status], ['government-body', 'manual']);
    assert.ok(r.analysis.entities.some((e) => e.type === 'ngo' && e.mentions.some((m) => m.text === 'OCPM' && m.status === 'corrected')));
  });
});
