// The integration suites in desktop VS Code through @vscode/test-electron, for machines with a
// network: it downloads VS Code into .vscode-test/ on first use. (Without a network, use
// `npm run test:integration`, which runs the same suites in the VS Code server of code-server.)
//
//   npm run test:desktop                                  # latest stable VS Code
//   TIP_LENS_VSCODE_VERSION=1.100.0 npm run test:desktop  # the engines.vscode minimum
//
// Prints the same last line as test-integration.js: `integration: N passed, N failed`.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');
/** Where test/integration/index.ts writes its results when the variable is not set: beside the workspace. */
const RESULTS_NAME = 'integration-results.json';

const NETWORK_ERRORS = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|Failed to get|Error fetching/i;

async function main() {
  if (!fs.existsSync(ENTRY)) throw new Error('out/test/integration/index.js is missing: run `npm run compile` first');
  const { runTests } = require('@vscode/test-electron');

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-desktop-'));
  const workspace = path.join(runDir, 'workspace');
  const resultsFile = path.join(runDir, RESULTS_NAME);
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  try {
    let exitCode;
    try {
      exitCode = await runTests({
        version: process.env.TIP_LENS_VSCODE_VERSION || 'stable',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: ENTRY,
        extensionTestsEnv: { TIP_LENS_TEST_RESULTS: resultsFile },
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${path.join(runDir, 'user-data')}`,
          `--extensions-dir=${path.join(runDir, 'extensions')}`,
        ],
      });
    } catch (err) {
      if (fs.existsSync(resultsFile)) exitCode = 1; // the tests ran; their failures are in the results
      else if (NETWORK_ERRORS.test(String(err && (err.stack || err.message || err)))) {
        throw new Error(
          `Could not download VS Code (${err.message || err}).\n` +
            'test:desktop needs a network the first time. Offline, run `npm run test:integration`, ' +
            'which runs the same suites in a VS Code server that installs from the npm registry.',
        );
      } else throw err;
    }
    if (!fs.existsSync(resultsFile)) {
      throw new Error(`VS Code exited (code ${exitCode}) without writing ${resultsFile}: the suites did not run`);
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    console.log(results.report);
    let line = `integration: ${results.passes} passed, ${results.failures} failed`;
    if (results.pending > 0) line += `, ${results.pending} skipped`;
    console.log(`(VS Code ${results.vscodeVersion}, desktop)`);
    console.log(line);
    return results.failures === 0 && results.passes > 0 ? 0 : 1;
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    console.log('integration: 0 passed, 1 failed');
    process.exit(1);
  },
);
