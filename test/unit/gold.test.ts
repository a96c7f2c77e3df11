import * as assert from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { corpusSuite } from '../support/corpus';
import { loadGold, ROOT, scoreDocument } from '../support/score';

/**
 * Accuracy against the hand-labelled gold: figures and money F1 >= 0.95 and entities
 * F1 >= 0.90 on every document (`npm run eval` prints the table). The gold files themselves
 * follow docs/ANNOTATION.md (test/gold/check-gold.js).
 */
const TARGETS = { figures: 0.95, money: 0.95, entities: 0.9 };
/** Documents held to a lower floor than the targets, until the engine reaches them there. */
const FLOORS: Record<string, { figures: number; money: number; entities: number }> = {};
/** The gold of the real seed; its text is not ours and only there with the corpus. */
const SEED_GOLD = 'mali-2020.gold.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkFile } = require(path.join(ROOT, 'test', 'gold', 'check-gold.js')) as { checkFile(file: string): { errors: string[] } };

const dir = path.join(ROOT, 'test', 'gold');
const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json'));
const heldout = readdirSync(path.join(dir, 'heldout')).filter((f) => f.endsWith('.gold.json')).map((f) => path.join('heldout', f));

function goldSpec(f: string): void {
  const name = path.basename(f).replace('.gold.json', '');
  it(`${name}: the gold file follows the guidelines (check-gold.js)`, () => {
    assert.deepStrictEqual(checkFile(path.join(dir, f)).errors, []);
  });
  if (f.startsWith('heldout')) return; // scored by `npm run eval:heldout`, not held to the targets
  it(`${name} meets the accuracy targets`, () => {
    const floor = FLOORS[name] ?? TARGETS;
    const { gold, text } = loadGold(path.join(dir, f));
    const s = scoreDocument(gold, text);
    for (const kind of ['figures', 'money', 'entities'] as const) {
      assert.ok(s[kind].f1 >= floor[kind], `${name} ${kind} F1 ${s[kind].f1.toFixed(3)} < ${floor[kind]}`);
    }
  });
}

describe('accuracy against the gold', () => {
  it('there is gold for the seed and at least three narratives of ours', () => {
    assert.ok(files.includes(SEED_GOLD));
    assert.ok(files.length >= 4);
  });
  for (const f of [...files, ...heldout]) if (f !== SEED_GOLD) goldSpec(f);
});

corpusSuite(describe, 'accuracy against the gold: the seed', () => goldSpec(SEED_GOLD));
