import * as assert from 'node:assert';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'web-build');
// Plain JavaScript of the build (esbuild.js uses the same two modules).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { noNodeBuiltins } = require(path.join(ROOT, 'scripts', 'esbuild-no-node.js')) as { noNodeBuiltins(o: { root: string }): esbuild.Plugin };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { webExtensionTarget } = require(path.join(ROOT, 'scripts', 'esbuild-web.js')) as { webExtensionTarget(common?: esbuild.BuildOptions): esbuild.BuildOptions };

function browserBuild(entry: string): Promise<esbuild.BuildResult> {
  return esbuild.build({
    entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'cjs', logLevel: 'silent',
    plugins: [noNodeBuiltins({ root: ROOT })],
  });
}

describe('the browser build (package.json `browser`)', () => {
  it('fails on a Node built-in, naming the import chain', async () => {
    await assert.rejects(browserBuild(path.join(FIXTURES, 'entry.js')), (e: esbuild.BuildFailure) => {
      const texts = e.errors.map((x) => x.text);
      assert.deepStrictEqual(texts, [
        'Node built-in "node:fs" in the browser build: test/fixtures/web-build/entry.js -> test/fixtures/web-build/reads-disk.js -> node:fs',
      ]);
      return true;
    });
  });

  it('takes a module without Node built-ins', async () => {
    const r = await browserBuild(path.join(FIXTURES, 'clean.js'));
    assert.deepStrictEqual(r.errors, []);
  });

  it('bundles the real extension for the web worker with no Node built-in, and only `vscode` outside', async function () {
    this.timeout(120_000);
    const r = await esbuild.build({ ...webExtensionTarget({ bundle: true, logLevel: 'silent' }), write: false, sourcemap: false });
    assert.deepStrictEqual(r.errors, []);
    const js = r.outputFiles!.find((f) => f.path.endsWith(path.join('web', 'extension.js')))!.text;
    assert.deepStrictEqual([...new Set(js.match(/require\("[^"]+"\)/g))], ['require("vscode")']);
  });
});
