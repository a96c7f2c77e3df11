// `npm run eval`: precision, recall and F1 per kind against every gold file in test/gold.
// `--misses` lists what the engine got wrong, for the one who tunes it.
const fs = require('fs');
const path = require('path');
const { hasGoldDocument, loadGold, scoreDocument, ROOT } = require('../out/test/support/score.js');

const TARGETS = { figures: 0.95, money: 0.95, entities: 0.9 };
const dir = path.join(ROOT, 'test', 'gold');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
const showMisses = process.argv.includes('--misses');
let ok = true;
const pct = (x) => (100 * x).toFixed(1).padStart(5);
console.log(`${'document'.padEnd(42)} ${'kind'.padEnd(9)}   P      R      F1    tp  fp  fn`);
for (const f of files) {
  if (!hasGoldDocument(path.join(dir, f))) {
    console.log(`${f.replace('.gold.json', '').padEnd(42)} not scored: its text is in the real corpus (../shared/corpus or $TIP_LENS_CORPUS), not here`);
    continue;
  }
  const { gold, text } = loadGold(path.join(dir, f));
  const s = scoreDocument(gold, text);
  for (const kind of ['figures', 'money', 'entities']) {
    const k = s[kind];
    const pass = k.f1 >= TARGETS[kind];
    ok &&= pass;
    console.log(`${f.replace('.gold.json', '').padEnd(42)} ${kind.padEnd(9)} ${pct(k.precision)}  ${pct(k.recall)}  ${pct(k.f1)} ${String(k.tp).padStart(4)}${String(k.fp).padStart(4)}${String(k.fn).padStart(4)}  ${pass ? 'ok' : `below ${TARGETS[kind]}`}`);
  }
  if (showMisses) for (const m of s.misses.sort((a, b) => a.start - b.start)) console.log(`    ${m.side} ${m.kind} ${m.text}  ${m.detail}`);
}
console.log(ok ? 'eval: every document meets its targets' : 'eval: some targets missed');
process.exitCode = ok ? 0 : 1;
