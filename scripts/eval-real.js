// `npm run eval:real`: the engine on real narratives (test/real/), both halves.
//   --misses   lists what the engine got wrong on the DEV half (never the test half's: it stays unread)
//   --confusion  prints the metric confusion of each half
// The texts are not in git: test/real/README.md says how to collect them into test/real/texts/
// (or a folder named by TIP_LENS_REAL_TEXTS). Exits 1 when a target on the test half is missed.
'use strict';
const { loadReal, scoreReal, emptyScore, prf, share, TEXTS } = require('../out/test/support/realScore.js');

const TARGETS = { figureRecall: 0.97, strictF1: 0.9, metric: 0.93, period: 0.97, entityRecall: 0.92, entityPrecision: 0.9, conversions: 0.97 };
const docs = loadReal();
if (docs.length === 0) {
  console.log('eval:real: no labels in test/real/labels');
  process.exit(1);
}
const present = docs.filter((d) => d.text !== undefined);
const absent = docs.length - present.length;
if (present.length === 0) {
  console.log(`eval:real: none of the ${docs.length} real texts is collected in ${TEXTS}; test/real/README.md says how to collect them (their text is not ours, so it is not in git)`);
  process.exit(1);
}
const changed = present.filter((d) => d.changed).map((d) => d.id);
const halves = { dev: emptyScore(), test: emptyScore() };
for (const d of present) if (!d.changed) scoreReal(d, halves[d.half], d.half === 'dev');

const pct = (x) => (100 * x).toFixed(1).padStart(5);
const count = (h) => `${h.docs} texts`;
console.log(`eval:real on ${present.length - changed.length} real texts${absent ? ` (${absent} not collected here)` : ''}${changed.length ? ` (${changed.length} skipped, their text differs from the labelled one: ${changed.join(', ')})` : ''}`);
console.log(`${'what'.padEnd(34)} ${'dev'.padStart(8)} ${'test'.padStart(8)}   target (test)`);
const rows = [
  ['figures found: precision', (h) => prf(h.figures).precision],
  ['figures found: recall', (h) => prf(h.figures).recall, TARGETS.figureRecall],
  ['figures found: F1', (h) => prf(h.figures).f1],
  ['strict figure F1 (value+metric+period)', (h) => prf(h.strict).f1, TARGETS.strictF1],
  ['metric right, of the figures found', (h) => share(h.metric), TARGETS.metric],
  ['period right, of the figures found', (h) => share(h.period), TARGETS.period],
  ['money: precision', (h) => prf(h.money).precision],
  ['money: recall', (h) => prf(h.money).recall],
  ['stated conversions recognized', (h) => share(h.conversions), TARGETS.conversions],
  ['entity mentions: precision', (h) => prf(h.entities).precision, TARGETS.entityPrecision],
  ['entity mentions: recall', (h) => prf(h.entities).recall, TARGETS.entityRecall],
  ['entity mentions: F1', (h) => prf(h.entities).f1],
];
let ok = true;
for (const [name, get, target] of rows) {
  const t = get(halves.test);
  const pass = target === undefined || t >= target;
  if (!pass) ok = false;
  console.log(`${name.padEnd(38)} ${pct(get(halves.dev))}  ${pct(t)}   ${target === undefined ? '' : `>= ${pct(target).trim()} ${pass ? 'ok' : 'missed'}`}`);
}
console.log(`(${count(halves.dev)} in dev, ${count(halves.test)} in test; figures ${halves.dev.figures.tp + halves.dev.figures.fn} / ${halves.test.figures.tp + halves.test.figures.fn}, conversions ${halves.dev.conversions.of} / ${halves.test.conversions.of}, mentions ${halves.dev.entities.tp + halves.dev.entities.fn} / ${halves.test.entities.tp + halves.test.entities.fn} in gold)`);

if (process.argv.includes('--confusion')) {
  for (const half of ['dev', 'test']) {
    console.log(`\nmetric confusion, ${half} (gold -> engine, figures found with another metric):`);
    for (const [g, row] of Object.entries(halves[half].confusion).sort()) {
      const off = Object.entries(row).filter(([p]) => p !== g).sort((a, b) => b[1] - a[1]);
      if (off.length) console.log(`  ${g.padEnd(20)} ${off.map(([p, n]) => `${p} ${n}`).join(', ')}   (right ${row[g] ?? 0})`);
    }
  }
}
if (process.argv.includes('--misses')) {
  console.log('\nmisses of the dev half (the test half is never listed):');
  for (const m of halves.dev.misses) console.log('  ' + m);
}
console.log(ok ? 'eval:real: the test half meets every target' : 'eval:real: some targets on the test half are missed');
process.exitCode = ok ? 0 : 1;
