// `npm run demo`: the extension in a real VS Code in the browser, on the sample reports.
// Starts the VS Code server of code-server (installed once into .vscode-test/, see
// scripts/vscode-host.js) on samples/ (or the test workspace when there are no samples), with the
// extension loaded from this folder as an extension under development, and prints the address
// to open. Runs until Ctrl-C, then ends everything it started.
//
//   node scripts/demo.js [--port N] [folder]
'use strict';

const fs = require('fs');
const path = require('path');
const host = require('./vscode-host');

const ROOT = host.ROOT;

function parseArgs(argv) {
  const options = { folder: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node scripts/demo.js [--port N] [folder]');
      process.exit(0);
    } else options.folder = path.resolve(arg);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0 && options.port < 65536)) {
    throw new Error('--port needs a port number');
  }
  return options;
}

function defaultFolder() {
  const samples = path.join(ROOT, 'samples');
  if (fs.existsSync(samples) && fs.readdirSync(samples).length > 0) return samples;
  return path.join(ROOT, 'test', 'fixtures', 'workspace');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const folder = options.folder ?? defaultFolder();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first (`npm run demo` does)');
  }
  await host.ensureCodeServer();
  const server = await host.startServer({
    workspace: folder,
    port: options.port,
    // samples/ lies inside this repository: no offer to open the parent repository.
    settings: { 'git.openRepositoryInParentFolders': 'never' },
  });
  // The extension is loaded through the address itself (extensionDevelopmentPath), so it is there
  // whoever opens it, and `npm run build` plus "Developer: Reload Window" picks up changes.
  const url = server.url({ extensionDevelopmentPath: ROOT });
  console.log('');
  console.log(`TIP Lens in VS Code ${host.VSCODE_VERSION} on ${path.relative(process.cwd(), folder) || '.'}`);
  console.log('Open this address in a browser on this machine (it serves 127.0.0.1 only):');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('Open a report (e.g. a *.tip.txt file): its language shows "TIP Report" in the status bar.');
  console.log('Press Ctrl-C to stop.');

  // Until Ctrl-C (vscode-host ends the server then) or until the server stops by itself.
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      try {
        process.kill(-server.pid, 0);
      } catch {
        clearInterval(timer);
        console.error(`The VS Code server stopped. Its last log lines:\n${server.logTail(20)}`);
        resolve();
      }
    }, 1000);
  });
  await host.stopAll();
  process.exit(1);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await host.stopAll();
  process.exit(1);
});
