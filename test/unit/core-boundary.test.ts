import * as assert from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module a file names: `import … from 'x'`, `export … from 'x'`, `import 'x'`, `require('x')`, `import('x')`. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out;
}

/** The imports of the files under `dir` that break a rule: `file -> specifier` for each. */
function offenders(dir: string, forbidden: (spec: string, resolved: string | undefined) => boolean): string[] {
  const out: string[] = [];
  for (const f of files(path.join(SRC, dir))) {
    for (const spec of specifiers(readFileSync(f, 'utf8'))) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : undefined;
      if (forbidden(spec, resolved)) out.push(`${path.relative(ROOT, f)} -> ${spec}`);
    }
  }
  return out;
}

const isVscode = (spec: string): boolean => spec === 'vscode';
const inFolder = (folder: string) => (_spec: string, resolved: string | undefined): boolean => {
  const root = path.join(SRC, folder);
  return resolved !== undefined && (resolved === root || resolved.startsWith(root + path.sep));
};

describe('the import rules: core knows nothing of VS Code or the command line', () => {
  it('the rules see every form of import (so that they can fail)', () => {
    const found = specifiers(`import * as vscode from 'vscode';\nimport type { A } from "../cli/input";\nexport { b } from '../cli/args';\n`
      + `import './side';\nconst c = require('../cli/run');\nconst d = await import('../cli/check');\nimport {\n  e,\n  f,\n} from '../cli/format';\n`);
    assert.deepStrictEqual(found.sort(), ['../cli/args', '../cli/check', '../cli/format', '../cli/input', '../cli/run', './side', 'vscode'].sort());
  });

  it('no file under src/core imports vscode', () => {
    assert.deepStrictEqual(offenders('core', isVscode), []);
  });

  it('no file under src/core imports from src/cli', () => {
    assert.deepStrictEqual(offenders('core', inFolder('cli')), []);
  });

  it('no file under src/cli imports vscode', () => {
    const mentions = files(path.join(SRC, 'cli')).filter((f) => /['"]vscode['"]/.test(readFileSync(f, 'utf8')));
    assert.deepStrictEqual(mentions, []);
  });

  it('no file under src/extension imports from src/cli', () => {
    assert.deepStrictEqual(offenders('extension', inFolder('cli')), []);
  });

  it('the webview page imports neither vscode nor the extension, but the timeline\'s protocol, nor the command line', () => {
    const protocol = path.join(SRC, 'extension', 'timeline', 'protocol');
    assert.deepStrictEqual(offenders('webview', (spec, resolved) => isVscode(spec) || inFolder('cli')(spec, resolved)
      || (inFolder('extension')(spec, resolved) && resolved !== protocol)), []);
    // The protocol is shared with the page: plain types, no vscode.
    assert.ok(!/['"]vscode['"]/.test(readFileSync(`${protocol}.ts`, 'utf8')));
  });

  it('the generated lexicon is what scripts/gen-lexicon.js makes from compromise', function () {
    // Loading compromise takes seconds on a busy machine: mocha's 2 s default made this flaky.
    this.timeout(30_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { build } = require(path.join(ROOT, 'scripts', 'gen-lexicon.js')) as { build(): string };
    assert.strictEqual(readFileSync(path.join(ROOT, 'src', 'core', 'data', 'lexicon.json'), 'utf8'), build());
  });
});
