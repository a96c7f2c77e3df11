import * as assert from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core knows nothing of VS Code', () => {
  it('no file under src/core imports vscode', () => {
    const offenders = files(path.join(ROOT, 'src', 'core')).filter((f) =>
      /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/.test(readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders.map((f) => path.relative(ROOT, f)), []);
  });

  it('no file under src/cli imports vscode', () => {
    const offenders = files(path.join(ROOT, 'src', 'cli')).filter((f) => /['"]vscode['"]/.test(readFileSync(f, 'utf8')));
    assert.deepStrictEqual(offenders, []);
  });

  it('the generated lexicon is what scripts/gen-lexicon.js makes from compromise', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require(path.join(ROOT, 'scripts', 'gen-lexicon.js')) as { build(): string };
    assert.strictEqual(readFileSync(path.join(ROOT, 'src', 'core', 'data', 'lexicon.json'), 'utf8'), build());
  });
});
