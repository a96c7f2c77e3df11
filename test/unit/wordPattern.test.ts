import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// out/test/unit -> repository root
const ROOT = path.resolve(__dirname, '..', '..', '..');

interface RegExpConfig { pattern: string; flags?: string }

function loadWordPattern(): string | RegExpConfig {
  const conf = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as { wordPattern?: string | RegExpConfig };
  assert.ok(conf.wordPattern !== undefined, 'language-configuration.json has no wordPattern');
  return conf.wordPattern;
}

/**
 * The word regex as VS Code builds it: the language-configuration loader compiles a
 * string with no flags and an object with its `flags`; the editor then adds `g`
 * and keeps only `i`, `m` and `u` (ensureValidWordDefinition).
 */
function editorWordRegExp(value: string | RegExpConfig): RegExp {
  const loaded = typeof value === 'string' ? new RegExp(value, '') : new RegExp(value.pattern, value.flags);
  if (loaded.global) return loaded;
  let flags = 'g';
  if (loaded.ignoreCase) flags += 'i';
  if (loaded.multiline) flags += 'm';
  if (loaded.unicode) flags += 'u';
  return new RegExp(loaded.source, flags);
}

/** The word the editor selects on a double-click at `offset`: the match that encloses it. */
function wordAt(re: RegExp, text: string, offset: number): string | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
    if (m.index > offset) return undefined;
  }
  return undefined;
}

describe('language-configuration wordPattern', () => {
  const value = loadWordPattern();
  const re = editorWordRegExp(value);

  it('is given with the u flag, so that \\p{L} means a letter (a string pattern is compiled with no flags)', () => {
    assert.strictEqual(typeof value, 'object');
    assert.ok((value as RegExpConfig).flags?.includes('u'));
    assert.strictEqual(re.flags, 'gu');
  });

  it('does not match whitespace (the editor takes its slow path for such patterns)', () => {
    re.lastIndex = 0;
    assert.strictEqual(re.test(' '), false);
  });

  const sentence = 'Under Law 2012-023 a fine of $3,440 (FCFA) fell on FAMa units; Tier 2 covers the children’s shelter, 1,305 cases, 3.5 days, twenty-one boys and the 2018-2022 plan.';
  for (const token of ['2012-023', '$3,440', 'FAMa', 'Tier', 'children’s', '1,305', '3.5', 'twenty-one', '2018-2022']) {
    it(`keeps ${token} whole wherever the double-click lands in it`, () => {
      const start = sentence.indexOf(token);
      assert.ok(start >= 0);
      for (let i = start; i < start + token.length; i++) {
        assert.strictEqual(wordAt(re, sentence, i), token, `double-click at offset ${i - start} of ${token}`);
      }
    });
  }

  it('takes FCFA out of (FCFA)', () => {
    assert.strictEqual(wordAt(re, '(FCFA)', 1), 'FCFA');
    assert.strictEqual(wordAt(re, '(FCFA)', 4), 'FCFA');
    assert.strictEqual(wordAt(re, '(FCFA)', 0), undefined);
  });

  it('leaves the trailing comma off $860,', () => {
    assert.strictEqual(wordAt(re, 'a fine of $860, paid', 10), '$860');
    assert.strictEqual(wordAt(re, 'a fine of $860, paid', 13), '$860');
    assert.strictEqual(wordAt(re, 'fined 40.', 6), '40');
  });

  it('splits a sentence into the expected words', () => {
    const words = 'FAMa paid $860, (FCFA) under Law 2012-023.'.match(re);
    assert.deepStrictEqual(words, ['FAMa', 'paid', '$860', 'FCFA', 'under', 'Law', '2012-023']);
  });

  it('needs the u flag: compiled without it, FAMa is not a word', () => {
    const source = typeof value === 'string' ? value : value.pattern;
    const withoutU = new RegExp(source, 'g');
    assert.notStrictEqual(wordAt(withoutU, 'the FAMa units', 5), 'FAMa');
  });
});
