/**
 * The entry point of the integration tests: VS Code loads this module inside the extension host
 * (`extensionTestsPath`) and calls `run()`. It runs every `*.test.js` beside it with mocha (`tdd`
 * interface: `suite`, `test`, `suiteSetup`...) and writes the results as JSON for the driver
 * (scripts/test-integration.js through scripts/vscode-host.js, or scripts/test-desktop.js).
 *
 * Where the results go: the environment variable `TIP_LENS_TEST_RESULTS` when the extension host
 * has it (the driver sets it on the server it starts), else `integration-results.json` beside the
 * workspace folder, a place the driver derives from the same folder (`resultsFileFor`).
 *
 * The suites that need the real corpus are declared with `corpusSuite` (test/support/corpus.ts):
 * without it they are not run, and `notRun` in the results names them, for the driver's summary.
 * `TIP_LENS_TEST_GREP` in the extension host's environment runs only the tests whose full title
 * matches it (mocha's `grep`; the driver sets it from `--grep`).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { notRunLine } from '../support/corpus';

export const RESULTS_ENV = 'TIP_LENS_TEST_RESULTS';
export const RESULTS_NAME = 'integration-results.json';
export const GREP_ENV = 'TIP_LENS_TEST_GREP';

export interface FailedTest {
  readonly title: string;
  readonly error: string;
  readonly stack: string;
}

export interface IntegrationResults {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly tests: number;
  readonly durationMs: number;
  readonly failed: readonly FailedTest[];
  /** Mocha's `spec` report, as it would print on a terminal. */
  readonly report: string;
  /** How this run found the results file: `env` or `workspace`. */
  readonly resultsVia: 'env' | 'workspace';
  readonly vscodeVersion: string;
  /** The suites that need the real corpus and did not run without it, in one line; absent when all ran. */
  readonly notRun?: string;
  /** The `TIP_LENS_TEST_GREP` this run was limited to, if any. */
  readonly grep?: string;
}

function resultsTarget(): { file: string; via: 'env' | 'workspace' } {
  const fromEnv = process.env[RESULTS_ENV];
  if (fromEnv) return { file: fromEnv, via: 'env' };
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error(`No ${RESULTS_ENV} and no workspace folder: nowhere to write the results`);
  return { file: path.join(path.dirname(folder.uri.fsPath), RESULTS_NAME), via: 'workspace' };
}

/** Writes to a temporary name and renames, so the driver never reads half a file. */
function writeResults(file: string, results: IntegrationResults): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2) + '\n');
  fs.renameSync(partial, file);
}

interface ReporterBase {
  consoleLog: (...args: unknown[]) => void;
  useColors: boolean;
}

export async function run(): Promise<void> {
  const target = resultsTarget();
  const lines: string[] = [];
  const failed: FailedTest[] = [];
  // Mocha's reporters print through `Base.consoleLog`; the report is kept for the driver.
  const base = Mocha.reporters.Base as unknown as ReporterBase;
  const savedLog = base.consoleLog;
  const savedColors = base.useColors;
  base.consoleLog = (...args: unknown[]) => {
    lines.push(util.format(...args));
  };
  base.useColors = false;
  const started = Date.now();
  let stats: Mocha.Stats | undefined;
  try {
    const grep = process.env[GREP_ENV];
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
    for (const name of fs.readdirSync(__dirname).sort()) {
      if (name.endsWith('.test.js')) mocha.addFile(path.join(__dirname, name));
    }
    stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
      runner.on('fail', (test: Mocha.Runnable, err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        failed.push({ title: test.fullTitle(), error: e.message, stack: e.stack ?? e.message });
      });
    });
  } catch (err) {
    // The suites could not even load: one failure that says why.
    const e = err instanceof Error ? err : new Error(String(err));
    failed.push({ title: 'loading the integration suites', error: e.message, stack: e.stack ?? e.message });
    lines.push(`Loading the suites failed: ${e.stack ?? e.message}`);
  } finally {
    base.consoleLog = savedLog;
    base.useColors = savedColors;
  }

  const results: IntegrationResults = {
    passes: stats?.passes ?? 0,
    failures: Math.max(stats?.failures ?? 0, failed.length),
    pending: stats?.pending ?? 0,
    tests: stats?.tests ?? 0,
    durationMs: Date.now() - started,
    failed,
    report: lines.join('\n'),
    resultsVia: target.via,
    vscodeVersion: vscode.version,
    ...notRunAndGrep(),
  };
  writeResults(target.file, results);
  // As for @vscode/test-electron: a rejected run() makes the test host exit with an error.
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}

function notRunAndGrep(): { notRun?: string; grep?: string } {
  const notRun = notRunLine();
  const grep = process.env[GREP_ENV];
  return { ...(notRun ? { notRun } : {}), ...(grep ? { grep } : {}) };
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
