// Development set of our own: precision, recall and F1 per kind against the gold files in
// test/gold/heldout/. These three narratives were labelled blind, but rules were then written from
// their errors, so they are development data now, no longer held out (test/gold/heldout/NOTES.md).
// The held-out measure is the test half of the real narratives: `npm run eval:real`.
// Same scoring as scripts/eval.js (out/test/support/score.js); run `npx tsc -p .` first.
//   node scripts/eval-heldout.js            # table and totals
//   node scripts/eval-heldout.js --misses   # also every false positive / false negative
// Reports only: this set has no pass/fail targets, so the exit code is 0 unless a file fails to load.
const fs = require('fs');
const path = require('path');
const { loadGold, scoreDocument, ROOT } = require('../out/test/support/score.js');

const dir = path.join(ROOT, 'test', 'gold', 'heldout');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
const showMisses = process.argv.includes('--misses');
const KINDS = ['figures', 'money', 'entities'];
const total = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
const pct = (x) => (100 * x).toFixed(1).padStart(5);
const prf = ({ tp, fp, fn }) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const row = (name, kind, k) => {
  const { p, r, f1 } = prf(k);
  console.log(`${name.padEnd(30)} ${kind.padEnd(9)} ${pct(p)}  ${pct(r)}  ${pct(f1)} ${String(k.tp).padStart(4)}${String(k.fp).padStart(4)}${String(k.fn).padStart(4)}`);
};
console.log(`${'document'.padEnd(30)} ${'kind'.padEnd(9)}   P      R      F1    tp  fp  fn`);
for (const f of files) {
  const { gold, text } = loadGold(path.join(dir, f));
  const s = scoreDocument(gold, text);
  for (const kind of KINDS) {
    for (const n of ['tp', 'fp', 'fn']) total[kind][n] += s[kind][n];
    row(f.replace('.gold.json', ''), kind, s[kind]);
  }
  if (showMisses) for (const m of s.misses.sort((a, b) => a.start - b.start)) console.log(`    ${m.side} ${m.kind} ${m.text}  ${m.detail}`);
}
for (const kind of KINDS) row('ALL (micro)', kind, total[kind]);
