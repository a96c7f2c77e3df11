// Runs the integration suites (out/test/integration/*.test.js, compiled by `tsc -p .`) inside a
// real VS Code: the VS Code server of code-server with Debian's Chromium (scripts/vscode-host.js).
// Each run works on a fresh temporary copy of test/fixtures/workspace, so tests may write there.
//
// Prints mocha's report, then on one line the suites that need the real corpus and did not run
// (`not run, no real corpus ...`; none when ../shared/corpus or $TIP_LENS_CORPUS is there), and a
// last line `integration: N passed, N failed[, N skipped]`; exits 1 on any failure or when no test
// ran. `--grep <regexp>` runs only the tests whose full title matches (for a quick look at one
// suite; `npm test` runs them all). The environment, `TIP_LENS_CORPUS` included, reaches the
// extension host through the VS Code server (scripts/vscode-host.js).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const host = require('./vscode-host');

const ROOT = host.ROOT;
const ENTRY = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');

/** `--grep <regexp>` or `--grep=<regexp>`, if given. */
function grepArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') return argv[i + 1];
    if (argv[i].startsWith('--grep=')) return argv[i].slice('--grep='.length);
  }
  return undefined;
}

function summary(r) {
  let line = `integration: ${r.passes} passed, ${r.failures} failed`;
  if (r.pending > 0) line += `, ${r.pending} skipped`;
  return line;
}

async function main() {
  for (const [file, hint] of [
    [ENTRY, 'run `npx tsc -p .` (or `npm run compile`) first'],
    [path.join(ROOT, 'dist', 'extension.js'), 'run `node esbuild.js` (or `npm run build`) first'],
  ]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: ${hint}`);
  }
  const suites = fs.readdirSync(path.dirname(ENTRY)).filter((f) => f.endsWith('.test.js'));
  if (suites.length === 0) throw new Error(`no *.test.js in ${path.relative(ROOT, path.dirname(ENTRY))}`);

  // The results file goes beside the workspace copy (see resultsFileFor), inside this run's folder.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-it-'));
  const workspace = path.join(runDir, 'workspace');
  // Removed at the end, also when the run is interrupted (vscode-host runs clean-ups on signals).
  const removeRunDir = host.onCleanup(() => {
    if (!process.env.TIP_LENS_KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
  });
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  const grep = grepArg(process.argv.slice(2));
  const started = Date.now();
  try {
    await host.ensureCodeServer();
    const results = await host.runTests({
      workspace,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: ENTRY,
      env: {
        ...(grep ? { TIP_LENS_TEST_GREP: grep } : {}),
        // Named here too, so that the extension host sees it however the server passes its environment on.
        ...(process.env.TIP_LENS_CORPUS ? { TIP_LENS_CORPUS: process.env.TIP_LENS_CORPUS } : {}),
      },
    });
    console.log(results.report);
    for (const f of results.failed) {
      if (!results.report.includes(f.error)) console.log(`\nFAILED ${f.title}\n${f.stack}`);
    }
    console.log(
      `(VS Code ${results.vscodeVersion}; results file found through ${results.resultsVia}; ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (results.grep) console.log(`only the tests matching ${JSON.stringify(results.grep)}`);
    if (results.notRun) console.log(results.notRun);
    console.log(summary(results));
    return results.failures === 0 && results.passes > 0 ? 0 : 1;
  } finally {
    await removeRunDir();
  }
}

host.runMain(main, 'integration');
