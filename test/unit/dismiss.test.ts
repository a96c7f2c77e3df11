import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { anchorAll, applyAnnotations, parseAnnotationFile, SCHEMA_VERSION, selectorFor, serializeAnnotationFile, type Annotation } from '../../src/core/annotations';
import { applyDismissals, check, dismissal, fingerprintOf, type Finding } from '../../src/core/checks';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');
const CREATED = '2026-12-03T00:00:00Z';

const edit = (text: string, at: number, remove: number, insert: string): string => text.slice(0, at) + insert + text.slice(at + remove);

/** The findings of `text` with its dismissals applied. */
function shownAfter(text: string, annotations: readonly Annotation[]): ReturnType<typeof applyDismissals> {
  return applyDismissals(check({ text }), anchorAll(text, annotations));
}

/** P2, the breakdown that does not add up: `127 were adults (68 women and 52 men)`. */
function breakdown(findings: readonly Finding[]): Finding {
  const f = findings.find((x) => x.rule === 'breakdown-sum');
  assert.ok(f, 'P2 is found');
  return f;
}

describe('dismissing a finding', () => {
  const findings = check({ text: SAMPLE });
  const p2 = breakdown(findings);
  const dismissed = dismissal(SAMPLE, p2, 'd1', CREATED, '  the report counts one adult of unknown sex  ');

  it('is an annotation on the finding\'s text with its rule, fingerprint and reason', () => {
    assert.strictEqual(dismissed.decision, 'dismiss');
    assert.strictEqual(dismissed.rule, 'breakdown-sum');
    assert.strictEqual(dismissed.fingerprint, p2.message);
    assert.strictEqual(dismissed.fingerprint, fingerprintOf(p2));
    assert.strictEqual(dismissed.note, 'the report counts one adult of unknown sex');
    assert.deepStrictEqual(dismissed.selector, selectorFor(SAMPLE, p2.start, p2.end));
    assert.strictEqual('note' in dismissal(SAMPLE, p2, 'd2', CREATED, ''), false, 'an empty reason is no note');
  });

  it('leaves that finding out, and only it, with its reason', () => {
    const r = shownAfter(SAMPLE, [dismissed]);
    assert.deepStrictEqual(r.shown, findings.filter((f) => f !== p2).map((f) => ({ ...f })));
    assert.strictEqual(r.shown.length, findings.length - 1);
    assert.strictEqual(r.dismissed.length, 1);
    assert.strictEqual(r.dismissed[0]!.finding.message, p2.message);
    assert.strictEqual(r.dismissed[0]!.reason, 'the report counts one adult of unknown sex');
    assert.strictEqual(r.dismissed[0]!.annotation.id, 'd1');
  });

  it('stays dismissed after an edit elsewhere (before it and after it)', () => {
    const before = SAMPLE.indexOf('These efforts included');
    assert.ok(before >= 0 && before < p2.start);
    let text = edit(SAMPLE, before, 0, 'A sentence added by hand. ');
    text = edit(text, text.length, 0, '\nA closing line added by hand.\n');
    const r = shownAfter(text, [dismissed]);
    assert.strictEqual(r.dismissed.length, 1);
    assert.strictEqual(r.dismissed[0]!.finding.message, p2.message);
    assert.ok(r.dismissed[0]!.finding.start > p2.start, 'moved with the text');
    assert.ok(!r.shown.some((f) => f.rule === 'breakdown-sum'));
    assert.strictEqual(r.shown.length, findings.length - 1);
  });

  it('comes back when a figure of it changes (a new message)', () => {
    // 52 men -> 50 men: the parts now add up to 118; the finding's own text (127...) is unchanged.
    const at = SAMPLE.indexOf('52 men');
    assert.ok(at > p2.start);
    const text = edit(SAMPLE, at, 2, '50');
    const r = shownAfter(text, [dismissed]);
    assert.strictEqual(r.dismissed.length, 0);
    const back = breakdown(r.shown);
    assert.notStrictEqual(back.message, p2.message);
    assert.match(back.message, /118/);
  });

  it('comes back when the flagged figure itself changes', () => {
    const text = edit(SAMPLE, p2.start, p2.end - p2.start, SAMPLE.slice(p2.start, p2.end).replace('127', '125'));
    const r = shownAfter(text, [dismissed]);
    assert.strictEqual(r.dismissed.length, 0);
    assert.match(breakdown(r.shown).message, /125/);
  });

  it('an orphaned dismissal (its text gone) dismisses nothing, even where the same finding is flagged again', () => {
    // The whole sentence goes, then comes back elsewhere with other context: a new place, not the dismissed one.
    const sentence = SAMPLE.slice(SAMPLE.lastIndexOf('.', p2.start) + 1, SAMPLE.indexOf('.', p2.end) + 1);
    const gone = SAMPLE.replace(sentence, '');
    const anchored = anchorAll(gone, [dismissed]);
    assert.strictEqual(anchored[0]!.how, 'orphaned');
    const r = applyDismissals(check({ text: gone }), anchored);
    assert.strictEqual(r.dismissed.length, 0);
    // The same finding (same rule and message) elsewhere is not dismissed by an orphan.
    const orphan = applyDismissals([p2], [{ annotation: dismissed, how: 'orphaned' }]);
    assert.deepStrictEqual([orphan.shown.length, orphan.dismissed.length], [1, 0]);
  });

  it('dismisses nothing of another rule or another message on the same text', () => {
    const other: Finding = { ...p2, rule: 'trend-claim' };
    const changed: Finding = { ...p2, message: `${p2.message} ` };
    const r = applyDismissals([other, changed], anchorAll(SAMPLE, [dismissed]));
    assert.deepStrictEqual([r.shown.length, r.dismissed.length], [2, 0]);
  });

  it('decides nothing about the items of the analysis', () => {
    const base = analyze(SAMPLE);
    const applied = applyAnnotations(base, anchorAll(SAMPLE, [dismissed]), SAMPLE);
    assert.deepStrictEqual(applied.analysis, base);
    assert.deepStrictEqual([applied.notes.length, applied.orphaned.length], [0, 0]);
  });
});

describe('dismissals in the annotation file', () => {
  const p2 = breakdown(check({ text: SAMPLE }));

  it('round-trips, and older files (no dismissals) stay valid', () => {
    const file = { schemaVersion: SCHEMA_VERSION, document: 'veldora-2023.tip.txt', annotations: [dismissal(SAMPLE, p2, 'd1', CREATED, 'fine')] } as const;
    const parsed = parseAnnotationFile(serializeAnnotationFile(file));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.deepStrictEqual(parsed.file, file);
    const old = { schemaVersion: 1, document: 'x.tip.txt', annotations: [{ id: 'n', decision: 'note', selector: selectorFor(SAMPLE, 0, 5), note: 'hi', created: CREATED }] };
    assert.ok(parseAnnotationFile(JSON.stringify(old)).ok);
  });

  it('refuses a dismissal without its rule or fingerprint, or with an unknown rule', () => {
    const good = dismissal(SAMPLE, p2, 'd1', CREATED);
    const doc = (a: unknown): string => JSON.stringify({ schemaVersion: 1, document: 'x', annotations: [a] });
    const { rule: _r, ...noRule } = good;
    const { fingerprint: _f, ...noPrint } = good;
    for (const bad of [noRule, noPrint, { ...good, rule: 'no-such-rule' }, { ...good, fingerprint: 3 }]) {
      const p = parseAnnotationFile(doc(bad));
      assert.ok(!p.ok, JSON.stringify(bad));
      assert.match(p.error, /rule|fingerprint/);
    }
  });
});
