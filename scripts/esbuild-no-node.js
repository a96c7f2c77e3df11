// An esbuild plugin for the browser build: it fails when the bundle would import a Node
// built-in (`fs`, `node:fs`, `path`, `crypto`, `os`, `child_process`, `worker_threads`...),
// naming the import chain from the entry point, e.g.
//   Node built-in "fs" in the browser build: src/extension/web.ts -> src/extension/a.ts -> fs
// It resolves every import itself (once) to remember who imported each file first.
'use strict';

const path = require('path');
const { builtinModules } = require('module');

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Whether `spec` names a Node built-in: `node:*`, `fs`, `fs/promises`, ... */
function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

function noNodeBuiltins({ root = process.cwd() } = {}) {
  return {
    name: 'no-node-builtins',
    setup(build) {
      /** A resolved file -> the file that imported it first. */
      const importedBy = new Map();
      const chain = (importer, last) => {
        const files = [];
        for (let f = importer; f && files.length < 100; f = importedBy.get(f)) files.unshift(f);
        return [...files.map((f) => path.relative(root, f).split(path.sep).join('/')), last].join(' -> ');
      };
      build.onStart(() => importedBy.clear());
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData && args.pluginData.noNodeInner) return undefined;
        if (args.kind !== 'entry-point' && isNodeBuiltin(args.path)) {
          return { errors: [{ text: `Node built-in "${args.path}" in the browser build: ${chain(args.importer, args.path)}` }] };
        }
        const r = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          namespace: args.namespace,
          pluginData: { noNodeInner: true },
          with: args.with,
        });
        if (r.errors.length > 0) return { errors: r.errors, warnings: r.warnings };
        if (args.importer && r.path && !importedBy.has(r.path)) importedBy.set(r.path, args.importer);
        return { path: r.path, external: r.external, namespace: r.namespace, sideEffects: r.sideEffects, suffix: r.suffix, warnings: r.warnings };
      });
    },
  };
}

module.exports = { noNodeBuiltins, isNodeBuiltin };
