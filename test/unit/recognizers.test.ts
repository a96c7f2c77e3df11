/**
 * Runs every recognizer's corpus (src/core/recognizers/<name>/examples.ts), as Duckling's
 * `makeCorpusTest` does: each example must give exactly its expected items, each negative
 * example nothing of its kind.
 */
import * as assert from 'node:assert';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPORA } from '../../src/core/recognizers/corpora';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RECOGNIZERS = path.join(ROOT, 'src', 'core', 'recognizers');

describe('recognizers', () => {
  it('every recognizer folder has a corpus, and every corpus runs here', () => {
    const folders = readdirSync(RECOGNIZERS).filter((f) => statSync(path.join(RECOGNIZERS, f)).isDirectory()).sort();
    for (const f of folders) assert.ok(existsSync(path.join(RECOGNIZERS, f, 'examples.ts')), `${f}/ has no examples.ts`);
    assert.deepStrictEqual(CORPORA.map((c) => c.name).sort(), folders);
  });

  for (const corpus of CORPORA) {
    describe(corpus.name, () => {
      it('has at least 15 examples and 5 negative examples', () => {
        assert.ok(corpus.examples.length >= 15, `${corpus.examples.length} examples`);
        assert.ok(corpus.negatives.length >= 5, `${corpus.negatives.length} negative examples`);
      });

      for (const ex of corpus.examples) {
        it(`reads: ${ex.text}`, () => {
          assert.ok(ex.expected.length > 0, 'an example that expects nothing belongs with the negatives');
          const got = corpus.recognize(ex.text, ex.section ?? 'summary', new Set(ex.codes ?? []));
          assert.deepStrictEqual(got, ex.expected);
        });
      }

      for (const neg of corpus.negatives) {
        it(`finds nothing in: ${neg.text} (${neg.why})`, () => {
          assert.deepStrictEqual(corpus.recognize(neg.text, neg.section ?? 'summary', new Set()), []);
        });
      }
    });
  }
});
