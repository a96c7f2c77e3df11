// A real VS Code for the extension on machines without internet: the VS Code server that the
// `code-server` npm package ships (VS Code 1.100.3), driven by Debian's Chromium through
// `playwright-core`. See shared/docs/VSCODE-TEST-HOST.md for why it is done this way.
//
//   const host = require('./vscode-host');
//   const results = await host.runTests({ workspace, extensionTestsPath });    // tests in the browser
//   const server = await host.startServer({ workspace });                     // demo: no tests, no browser
//   const { page } = await host.openBrowser(server.url({ extensionDevelopmentPath })); // the workbench
//   const wb = await host.openWorkbench({ workspace });  // both at once: wb.page, wb.close()
//   await host.screenshot(wb.page, 'shot.png');
//
// Everything started here is ended by `stopAll()`, which also runs on SIGINT, SIGTERM and exit.
'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code that this code-server ships. */
const VSCODE_VERSION = '1.100.3';
const RIPGREP_CACHE_VERSION = '1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const MARKER = '.tip-lens-install-ok';

/** The user settings of every run, before the caller's own. */
const BASE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
};

/** The launch arguments of Chromium, from the host document. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function log(...args) {
  console.log('[vscode-host]', ...args);
}

// ---------------------------------------------------------------------------------------------
// Clean-up of everything this process started.

/** Functions that end what was started; each runs at most once. */
const cleanups = new Set();
let handlersInstalled = false;

function onCleanup(fn) {
  installSignalHandlers();
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    cleanups.delete(once);
    await fn();
  };
  cleanups.add(once);
  return once;
}

/** Ends everything still running: servers (whole process groups) and browsers. */
async function stopAll() {
  await Promise.all([...cleanups].map((fn) => fn().catch((e) => log('clean-up failed:', e.message))));
}

/** Synchronous last resort at exit: kill the server process groups that are still alive. */
const syncKills = new Set();

function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(signal, () => {
      log(`${signal}: stopping everything that was started`);
      const hardStop = setTimeout(() => {
        for (const kill of syncKills) kill();
        process.exit(code);
      }, 10_000);
      hardStop.unref();
      stopAll().finally(() => {
        for (const kill of syncKills) kill();
        process.exit(code);
      });
    });
  }
  process.on('exit', () => {
    for (const kill of syncKills) kill();
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

// ---------------------------------------------------------------------------------------------
// System packages.

function which(cmd) {
  const r = childProcess.spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Debian packages the host needs, each with how to tell that it is there. */
const SYSTEM_PACKAGES = [
  { name: 'chromium', present: () => which('chromium') !== null },
  { name: 'ripgrep', present: () => which('rg') !== null },
  { name: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/gssapi.h') },
];

/** Installs the missing system packages with apt-get as root, or says which are missing. */
function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `The VS Code test host needs the Debian packages ${missing.join(', ')}; install them with ` +
        `\`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\` and run again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    log(`apt-get ${args.join(' ')}`);
    const r = childProcess.spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
  const still = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length > 0) throw new Error(`Still missing after apt-get install: ${still.join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// code-server, installed once into the project's git-ignored cache.

function cacheDir(root = ROOT) {
  return path.join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerPaths(root = ROOT) {
  const dir = cacheDir(root);
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return {
    dir,
    pkg,
    bin: path.join(pkg, 'out', 'node', 'entry.js'),
    marker: path.join(dir, MARKER),
  };
}

/** Puts a tarball with Debian's `rg` where @vscode/ripgrep looks before it downloads. */
function prepareRipgrepCache() {
  const rg = which('rg');
  if (!rg) throw new Error('rg (Debian package ripgrep) is missing');
  const dir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_CACHE_VERSION}`);
  const tarball = path.join(dir, RIPGREP_TARBALL);
  if (fs.existsSync(tarball)) return;
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-rg-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    const partial = `${tarball}.${process.pid}.partial`;
    const r = childProcess.spawnSync('tar', ['-czf', partial, '-C', staging, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not make the ripgrep tarball');
    fs.renameSync(partial, tarball);
    log(`ripgrep cache: ${tarball} (from ${rg})`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The files a complete install has: the server, and what its postinstall builds or fetches. */
function installProblems(paths) {
  const vscodeModules = path.join(paths.pkg, 'lib', 'vscode', 'node_modules');
  const expected = [
    paths.bin,
    path.join(vscodeModules, '@vscode', 'ripgrep', 'bin', 'rg'),
    path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscodeModules, 'kerberos', 'build', 'Release', 'kerberos.node'),
  ];
  return expected.filter((f) => !fs.existsSync(f));
}

/**
 * Installs code-server into `.vscode-test/code-server-<version>/` unless a complete install is
 * there already (the marker is written only once the server has started from it).
 */
async function ensureCodeServer({ root = ROOT } = {}) {
  const paths = codeServerPaths(root);
  if (fs.existsSync(paths.marker) && installProblems(paths).length === 0) return paths;

  ensureSystemPackages();
  prepareRipgrepCache();
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(root, paths.dir)} (once; about 300 MB)`);
  fs.rmSync(paths.dir, { recursive: true, force: true });
  fs.mkdirSync(paths.dir, { recursive: true });
  // A project of its own, so that the install does not touch the extension's package.json.
  // npm 11 checks dependencies' install scripts against an `allowScripts` policy. code-server's
  // postinstall (and argon2's build) must run: the policy of this folder allows them. The
  // postinstall's own `npm install` in lib/vscode has no policy; there npm only warns, unless
  // strict-allow-scripts is on, which is why it is turned off for this install.
  fs.writeFileSync(
    path.join(paths.dir, 'package.json'),
    JSON.stringify(
      { name: 'tip-lens-vscode-host', private: true, allowScripts: { 'code-server': true, argon2: true } },
      null,
      2,
    ) + '\n',
  );
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_strict_allow_scripts: 'false',
    npm_config_ignore_scripts: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--prefix', paths.dir, '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`];
  log(`npm ${args.join(' ')}`);
  const logFile = path.join(paths.dir, 'install.log');
  const status = await new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'w');
    // Its own process group, so that an interrupted install ends with all its build steps.
    const child = childProcess.spawn(npm, args, { cwd: paths.dir, env, stdio: ['ignore', out, out], detached: true });
    const syncKill = () => killGroup(child.pid, 'SIGKILL');
    syncKills.add(syncKill);
    const stopInstall = onCleanup(async () => {
      syncKills.delete(syncKill);
      killGroup(child.pid, 'SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      fs.closeSync(out);
      void stopInstall();
      resolve(code);
    });
  });
  const problems = installProblems(paths);
  if (status !== 0 || problems.length > 0) {
    throw new Error(
      `Installing code-server failed (npm exit ${status}${problems.length ? `; missing: ${problems.join(', ')}` : ''}).\n` +
        `Last lines of ${logFile}:\n${tail(fs.readFileSync(logFile, 'utf8'), 40)}`,
    );
  }
  // The proof that the postinstall really ran: the server starts and answers.
  const server = await startServer({ workspace: os.tmpdir(), root, quiet: true, skipInstall: true });
  await server.stop();
  fs.writeFileSync(paths.marker, `code-server@${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return paths;
}

// ---------------------------------------------------------------------------------------------
// The server.

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the VS Code server on a free port of 127.0.0.1 with fresh user-data and extensions
 * folders (or on `port`). `settings` are added to the user settings; `install` lists .vsix files
 * installed first. Returns when the server answers.
 *
 * The result: `{ port, origin, workspace, runDir, userDataDir, extensionsDir, logFile,
 * url(payload?), remoteUri(path), logTail(n), stop() }`.
 */
async function startServer({
  workspace,
  settings = {},
  root = ROOT,
  quiet = false,
  skipInstall = false,
  env = {},
  port: wantedPort,
  startTimeoutMs = 60_000,
  install = [],
} = {}) {
  if (!workspace) throw new Error('startServer: a workspace folder is required');
  const paths = skipInstall ? codeServerPaths(root) : await ensureCodeServer({ root });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tip-lens-vscode-'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n',
  );

  // Packages (.vsix) installed into the run's extensions folder before the server starts: the
  // way to run a web-only extension in the browser's web worker host (see the host document).
  for (const vsix of install) {
    const r = childProcess.spawnSync(
      process.execPath,
      [paths.bin, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
      { cwd: runDir, env: { ...process.env, XDG_DATA_HOME: path.join(runDir, 'data'), ...env }, encoding: 'utf8' },
    );
    if (r.status !== 0) fs.rmSync(runDir, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }

  const port = wantedPort ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(runDir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [
    paths.bin,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // Its own config file: not the user's ~/.config/code-server/config.yaml, nor a new one there.
    '--config',
    path.join(runDir, 'config.yaml'),
    workspace,
  ];
  // Its own process group, so that stopping it ends the extension host and every helper too.
  const child = childProcess.spawn(process.execPath, args, {
    cwd: runDir,
    // XDG_DATA_HOME: code-server keeps its heartbeat and logs there, in the run's folder too.
    env: { ...process.env, XDG_DATA_HOME: path.join(runDir, 'data'), ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const pid = child.pid;
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const logTail = (n = 40) => {
    try {
      return tail(fs.readFileSync(logFile, 'utf8'), n);
    } catch {
      return '(no server log)';
    }
  };
  const syncKill = () => {
    killGroup(pid, 'SIGKILL');
  };
  syncKills.add(syncKill);
  const stop = onCleanup(async () => {
    if (groupAlive(pid)) {
      killGroup(pid, 'SIGTERM');
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
      if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    }
    syncKills.delete(syncKill);
    if (!process.env.TIP_LENS_KEEP_RUN_DIR) fs.rmSync(runDir, { recursive: true, force: true });
  });

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      const text = logTail();
      await stop();
      throw new Error(`code-server exited during start (${JSON.stringify(exited)}). Its log:\n${text}`);
    }
    if ((await httpStatus(`${origin}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      const text = logTail();
      await stop();
      throw new Error(`code-server did not answer on ${origin} within ${startTimeoutMs / 1000} s. Its log:\n${text}`);
    }
    await sleep(250);
  }
  if (!quiet) log(`VS Code server (code-server ${CODE_SERVER_VERSION}, pid ${pid}) at ${origin}`);

  /** A path of this machine as the workbench names it: on the remote (the server). */
  const remoteUri = (p) => `vscode-remote://127.0.0.1:${port}${encodeURI(path.resolve(p))}`;

  /**
   * The address of the workbench on `workspace`; `payload` is `{ extensionDevelopmentPath,
   * extensionTestsPath }` (plain paths) or a list of [key, value] pairs.
   */
  const url = (payload = {}) => {
    const pairs = Array.isArray(payload)
      ? payload
      : Object.entries(payload)
          .filter(([, v]) => v)
          .map(([k, v]) => [k, remoteUri(v)]);
    let u = `${origin}/?folder=${encodeURIComponent(path.resolve(workspace))}`;
    if (pairs.length > 0) u += `&payload=${encodeURIComponent(JSON.stringify(pairs))}`;
    return u;
  };

  return { pid, port, origin, workspace, runDir, userDataDir, extensionsDir, logFile, url, remoteUri, logTail, stop };
}

// ---------------------------------------------------------------------------------------------
// The browser.

/**
 * Opens `url` in Debian's Chromium. Returns `{ browser, context, page, close() }`; `page` is the
 * live workbench for callers that read the DOM or take screenshots.
 */
async function openBrowser(url, { viewport = { width: 1400, height: 900 }, onConsole } = {}) {
  const executablePath = which('chromium');
  if (!executablePath) throw new Error('Debian chromium is missing (apt-get install chromium)');
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = onCleanup(async () => {
    await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
  });
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    if (onConsole) page.on('console', (msg) => onConsole(msg));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Waits until the workbench has rendered (its status bar is there). */
async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
}

/**
 * Takes a screenshot of the page, or of one element when `selector` is given; makes the
 * folder of `file` if needed. Returns the file.
 */
async function screenshot(page, file, { selector, fullPage = false } = {}) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (selector) await page.locator(selector).first().screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage });
  return file;
}

/**
 * The server and the workbench in the browser together, with the extension loaded, for callers
 * that drive the real UI (README screenshots): `{ server, page, close() }`.
 */
async function openWorkbench({ workspace, settings = {}, extensionDevelopmentPath = ROOT, viewport } = {}) {
  const server = await startServer({ workspace, settings });
  try {
    const browser = await openBrowser(server.url({ extensionDevelopmentPath }), viewport ? { viewport } : {});
    await waitForWorkbench(browser.page);
    const close = async () => {
      await browser.close();
      await server.stop();
    };
    return { server, browser, page: browser.page, close };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Tests: the extension's test entry point runs in the server's extension host.

/** Where the test entry writes its results: beside the workspace folder (see test/integration/index.ts). */
function resultsFileFor(workspace) {
  return path.join(path.dirname(path.resolve(workspace)), 'integration-results.json');
}

/**
 * Runs `extensionTestsPath` (a module exporting `run()`) inside VS Code on `workspace` with the
 * extension at `extensionDevelopmentPath` loaded, waits for the results JSON the entry writes,
 * ends everything, and returns the parsed results.
 */
async function runTests({
  workspace,
  extensionDevelopmentPath = ROOT,
  extensionTestsPath,
  settings = {},
  env = {},
  timeoutMs = 5 * 60_000,
  root = ROOT,
} = {}) {
  if (!extensionTestsPath) throw new Error('runTests: extensionTestsPath is required');
  const resultsFile = resultsFileFor(workspace);
  fs.rmSync(resultsFile, { force: true });
  const server = await startServer({
    workspace,
    settings,
    root,
    env: { TIP_LENS_TEST_RESULTS: resultsFile, ...env },
  });
  let browser;
  try {
    const consoleErrors = [];
    browser = await openBrowser(server.url({ extensionDevelopmentPath, extensionTestsPath }), {
      onConsole: (msg) => {
        if (msg.type() === 'error') consoleErrors.push(msg.text());
      },
    });
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(resultsFile)) {
      if (Date.now() > deadline) {
        throw new Error(
          `No test results after ${timeoutMs / 1000} s (expected ${resultsFile}).\n` +
            `Last lines of the server log (${server.logFile}):\n${server.logTail(40)}\n` +
            `Last errors in the browser console:\n${consoleErrors.slice(-10).join('\n') || '(none)'}`,
        );
      }
      if (!groupAlive(server.pid)) {
        throw new Error(`The VS Code server stopped before the tests ended. Its log:\n${server.logTail(40)}`);
      }
      await sleep(250);
    }
    // The entry writes to a temporary name and renames, so the file is complete once it exists.
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
}

/**
 * Runs a test script's `main` (resolving to its exit code), ends everything started here, and
 * exits; a thrown error is printed with the summary line `<label>: 0 passed, 1 failed`.
 */
function runMain(main, label) {
  main()
    .then((code) => stopAll().then(() => process.exit(code)))
    .catch(async (err) => {
      console.error(err instanceof Error ? err.message : err);
      await stopAll();
      console.log(`${label}: 0 passed, 1 failed`);
      process.exit(1);
    });
}

module.exports = {
  runMain,
  ROOT,
  CODE_SERVER_VERSION,
  VSCODE_VERSION,
  CHROMIUM_ARGS,
  ensureSystemPackages,
  ensureCodeServer,
  startServer,
  openBrowser,
  waitForWorkbench,
  openWorkbench,
  screenshot,
  resultsFileFor,
  runTests,
  stopAll,
  onCleanup,
  log,
};
