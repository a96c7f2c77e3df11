// Bundles the extension, the command line and the timeline's web page, as the yo-code esbuild template does:
// `node esbuild.js` for a development build, `--production` to minify, `--watch` to rebuild.
// Type checking is separate (`tsc`), so a build never waits on it.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build problems the way the esbuild problem matcher of VS Code reads them. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    if (!watch) return;
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

const targets = [
  // The extension: `vscode` is provided by the host.
  { ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The command line: plain Node, no `vscode` anywhere in its graph.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The timeline's web page: a browser script with its chart library (Observable Plot) bundled in,
  // and its style sheet beside it (dist/webview/timeline.css): the webview loads nothing else.
  {
    ...common, entryPoints: ['src/webview/timeline/main.ts'], outfile: 'dist/webview/timeline.js',
    format: 'iife', platform: 'browser', target: 'chrome120', tsconfig: 'src/webview/tsconfig.json',
  },
];

// The extension in the browser (vscode.dev, github.dev, a server's web worker extension host):
// the `browser` entry of package.json. It must import no Node built-in (scripts/esbuild-no-node.js).
const { webExtensionTarget } = require('./scripts/esbuild-web');
targets.push(webExtensionTarget(common));

async function main() {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
