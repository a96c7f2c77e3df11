// The browser build of the extension (package.json `browser`), for esbuild.js and the unit test.
'use strict';

const path = require('path');
const { noNodeBuiltins } = require('./esbuild-no-node');

const ROOT = path.resolve(__dirname, '..');

/** The options of the web worker build, from the Node build's `common` options. */
function webExtensionTarget(common = {}) {
  return {
    ...common,
    entryPoints: [path.join(ROOT, 'src/extension/web.ts')],
    outfile: path.join(ROOT, 'dist/web/extension.js'),
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    plugins: [...(common.plugins || []), noNodeBuiltins({ root: ROOT })],
  };
}

module.exports = { webExtensionTarget, ROOT };
