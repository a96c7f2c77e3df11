import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClosedResults, textHash } from '../../src/extension/closedResults';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const text = readFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), 'utf8');

describe('findings of closed reports', () => {
  it('come back when the same text is opened again', () => {
    const kept = new ClosedResults<string[]>();
    kept.closed('file:///v.tip.txt', text, ['repeated-figure L23']);
    assert.deepStrictEqual(kept.reopened('file:///v.tip.txt', text), ['repeated-figure L23']);
    assert.strictEqual(kept.reopened('file:///v.tip.txt', text), undefined, 'taken once');
  });

  it('are forgotten when the text changed meanwhile, even by one character', () => {
    const kept = new ClosedResults<string[]>();
    kept.closed('file:///v.tip.txt', text, ['x']);
    const edited = text.replace('63 children', '64 children');
    assert.notStrictEqual(textHash(edited), textHash(text));
    assert.strictEqual(kept.reopened('file:///v.tip.txt', edited), undefined);
    assert.ok(!kept.has('file:///v.tip.txt'));
  });

  it('keep at most their bound, the oldest going first', () => {
    const kept = new ClosedResults<number>(2);
    kept.closed('a', 'a', 1);
    kept.closed('b', 'b', 2);
    kept.closed('c', 'c', 3);
    assert.deepStrictEqual([kept.has('a'), kept.has('b'), kept.has('c')], [false, true, true]);
  });
});
