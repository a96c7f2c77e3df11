/**
 * The worker thread of `npm run bench` (scripts/bench.js, maxBlockedMs): analyzes a text
 * off the main thread. It says `ready` once the engine is loaded; on `analyze` it analyzes
 * and answers `analyzed` with the time it took, keeping the result; on `send` it posts the
 * result, so the bench can measure apart what reading the result costs the main thread.
 *
 * Lives in scripts/ for now: where the product's own worker goes is still to be decided.
 */
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const { analyze } = require(workerData.engine);
let pending;

parentPort.on('message', (msg) => {
  if (msg.type === 'analyze') {
    const t0 = performance.now();
    pending = analyze(msg.text);
    parentPort.postMessage({ type: 'analyzed', ms: performance.now() - t0, figures: pending.figures.length });
  } else if (msg.type === 'send') {
    parentPort.postMessage({ type: 'result', analysis: pending });
    pending = undefined;
  }
});
parentPort.postMessage({ type: 'ready' });
