// Runs TIP Lens in the browser's web worker extension host, as vscode.dev and github.dev do, on
// the VS Code server of code-server with Debian's Chromium (scripts/vscode-host.js):
//   1. packs the web-only package of TIP Lens (the same manifest without `main`, only the
//      `browser` build dist/web/extension.js) and a test runner extension (test/web/runner.ts and
//      its suites, bundled by esbuild for the browser, mocha's browser build included; the bundle
//      may import no Node built-in either), each as a .vsix;
//   2. installs both into a fresh extensions folder (`code-server --install-extension`), starts
//      the server on a temporary copy of test/fixtures/workspace (the samples in `web/`), and
//      opens the workbench in Chromium: the runner runs the suites in the web worker and writes
//      its results into the workspace through `vscode.workspace.fs`;
//   3. checks the workbench's DOM: the sample report is open, the status bar shows TIP Lens's
//      item, highlights are drawn (decoration class names in the editor) and a hover shows.
// Prints the report and a last line `web: N passed, N failed[, N skipped]`; exits 1 on any
// failure. `--grep <regexp>` runs only the matching web tests.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const esbuild = require('esbuild');
const host = require('./vscode-host');
const { noNodeBuiltins } = require('./esbuild-no-node');

const ROOT = host.ROOT;
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');
const RESULTS = '.tip-lens-web-results.json';
const CONFIG = '.tip-lens-web-tests.json';
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
/** What the web-only package holds besides its manifest (the Node package's .vscodeignore, less the Node builds). */
const PACKAGE_FILES = ['README.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', 'syntaxes', 'media', 'docs/rules', 'dist/web/extension.js'];
/** The driver's own limit on a run that hangs; the tests themselves have none. */
const RUN_LIMIT_MS = 15 * 60_000;

function grepArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--grep') return argv[i + 1];
    if (argv[i].startsWith('--grep=')) return argv[i].slice('--grep='.length);
  }
  return undefined;
}

function vscePackage(dir, out, extra = []) {
  const r = childProcess.spawnSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--no-rewrite-relative-links', ...extra, '--out', out], {
    cwd: dir, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`vsce package in ${dir} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  return out;
}

/** TIP Lens's manifest without `main` (and without what only the Node package needs). */
function webOnlyManifest() {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const key of ['main', 'bin', 'scripts', 'devDependencies']) delete m[key];
  if (!m.browser) throw new Error('package.json has no `browser` entry');
  return m;
}

function packTipLens(dir) {
  const stage = path.join(dir, 'tip-lens');
  for (const f of PACKAGE_FILES) fs.cpSync(path.join(ROOT, f), path.join(stage, f), { recursive: true });
  const manifest = webOnlyManifest();
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { vsix: vscePackage(stage, path.join(dir, 'tip-lens-web.vsix')), manifest };
}

async function packRunner(dir, version) {
  const stage = path.join(dir, 'runner');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'test', 'web', 'runner.ts')],
    outfile: path.join(stage, 'dist', 'runner.js'),
    bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'silent',
    plugins: [noNodeBuiltins({ root: ROOT })],
  });
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify({
    name: 'tip-lens-web-tests', publisher: 'tip-lens', version: '0.0.1', license: 'MIT',
    description: 'Runs the web suites of TIP Lens in the web worker extension host.',
    engines: { vscode: version }, browser: './dist/runner.js',
    activationEvents: ['onStartupFinished'], extensionDependencies: ['tip-lens.tip-lens'],
  }, null, 2) + '\n');
  fs.writeFileSync(path.join(stage, 'LICENSE'), 'MIT\n');
  return vscePackage(stage, path.join(dir, 'tip-lens-web-tests.vsix'), ['--allow-missing-repository']);
}

/** The DOM of the workbench after the suites: the report open, its status bar item, highlights, a hover. */
async function domChecks(page) {
  const checks = [];
  const check = async (name, fn) => {
    try {
      checks.push({ name, ok: true, detail: await fn() });
    } catch (e) {
      checks.push({ name, ok: false, detail: e instanceof Error ? e.message.split('\n')[0] : String(e) });
    }
  };
  await check('the sample report is open in an editor tab', async () => {
    await page.waitForSelector('.tab[aria-label*="veldora-2023.tip.txt"]', { timeout: 60_000 });
    return 'veldora-2023.tip.txt';
  });
  await check("the status bar shows TIP Lens's item", async () => {
    const item = page.locator('.statusbar-item', { hasText: 'Veldora' }).first();
    await item.waitFor({ timeout: 60_000 });
    return (await item.innerText()).trim();
  });
  // A decoration's colours are drawn by the editor as elements with its class names, `ced-<type>-<n>`:
  // backgrounds in the view overlays under the text, borders and text styles on the text's spans.
  const DECORATED = '.monaco-editor .view-overlays [class*="ced-"], .monaco-editor .view-lines [class*="ced-"]';
  await check('highlights are drawn (decoration class names in the editor)', async () => {
    await page.waitForSelector(DECORATED, { timeout: 60_000 });
    const classes = await page.locator(DECORATED).evaluateAll((els) => [...new Set(els.flatMap((e) => [...e.classList].filter((c) => c.startsWith('ced-'))))]);
    return `${await page.locator(DECORATED).count()} decorated elements, ${classes.length} class names (${classes.slice(0, 3).join(', ')}...)`;
  });
  await check('a hover shows over a highlight', async () => {
    const boxes = await page.locator(DECORATED).evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, cls: e.className }; }));
    if (process.env.TIP_LENS_WEB_DEBUG) console.log(JSON.stringify(boxes.slice(0, 10)));
    const box = boxes.find((b) => b.width > 4 && b.height > 4 && b.y > 0);
    if (!box) throw new Error('no highlight with a box');
    const x = box.x + Math.min(box.width / 2, 8);
    const y = box.y + box.height / 2;
    await page.mouse.move(x - 30, y);
    await page.mouse.move(x, y, { steps: 5 });
    const hover = page.locator('.monaco-editor .monaco-hover-content:visible').first();
    try {
      await hover.waitFor({ state: 'visible', timeout: 30_000 });
    } finally {
      if (process.env.TIP_LENS_WEB_DEBUG) await page.screenshot({ path: '/tmp/tip-lens-web-hover.png' });
    }
    const text = (await hover.innerText()).trim();
    if (!text) throw new Error('the hover is empty');
    return JSON.stringify(text.split('\n')[0].slice(0, 80));
  });
  return checks;
}

async function main() {
  const web = path.join(ROOT, 'dist', 'web', 'extension.js');
  if (!fs.existsSync(web)) throw new Error('dist/web/extension.js is missing: run `node esbuild.js` (or `npm run build`) first');
  const grep = grepArg(process.argv.slice(2));
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-web-'));
  const removeRunDir = host.onCleanup(() => {
    if (!process.env.TIP_LENS_KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
  });
  const started = Date.now();
  try {
    const workspace = path.join(runDir, 'workspace');
    fs.cpSync(FIXTURE, workspace, { recursive: true });
    fs.mkdirSync(path.join(workspace, 'web'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'veldora-2023.tip.txt'), path.join(workspace, 'web', 'veldora-2023.tip.txt'));
    if (grep) fs.writeFileSync(path.join(workspace, CONFIG), JSON.stringify({ grep }));
    await host.ensureCodeServer();
    const { vsix, manifest } = packTipLens(runDir);
    const runner = await packRunner(runDir, manifest.engines.vscode);
    const server = await host.startServer({ workspace, install: [vsix, runner] });
    let browser;
    try {
      browser = await host.openBrowser(server.url());
      const resultsFile = path.join(workspace, RESULTS);
      const deadline = Date.now() + RUN_LIMIT_MS;
      while (!fs.existsSync(resultsFile)) {
        if (Date.now() > deadline) throw new Error(`No web test results after ${RUN_LIMIT_MS / 60_000} min. Server log:\n${server.logTail(40)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // workspace.fs may still be writing: read until it parses.
      let results;
      for (let i = 0; !results; i++) {
        try {
          results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
        } catch (e) {
          if (i > 200) throw e;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      console.log(results.report);
      for (const f of results.failed) console.log(`\nFAILED ${f.title}\n${f.stack}`);
      let domFailures = 0;
      if (!grep) {
        console.log('\nThe workbench in the browser (web-only package):');
        for (const c of await domChecks(browser.page)) {
          console.log(`  ${c.ok ? '✔' : '✘'} ${c.name}: ${c.detail}`);
          if (!c.ok) domFailures++;
        }
      }
      const passes = results.passes;
      const failures = results.failures + domFailures;
      console.log(`(VS Code ${results.vscodeVersion}, web worker extension host; ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (grep) console.log(`only the tests matching ${JSON.stringify(grep)}; the DOM check runs without --grep`);
      console.log(`web: ${passes} passed, ${failures} failed${results.pending ? `, ${results.pending} skipped (named above with their reason)` : ''}`);
      return failures === 0 && passes > 0 ? 0 : 1;
    } finally {
      if (browser) await browser.close();
      await server.stop();
    }
  } finally {
    await removeRunDir();
  }
}

host.runMain(main, 'web');
