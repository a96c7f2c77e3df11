import * as assert from 'node:assert';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadGold, ROOT, scoreDocument } from '../support/score';

/**
 * Accuracy against the hand-labelled gold: figures and money F1 >= 0.95 and entities
 * F1 >= 0.90 on every document (`npm run eval` prints the table).
 */
const TARGETS = { figures: 0.95, money: 0.95, entities: 0.9 };
/** Documents held to a lower floor than the targets, until the engine reaches them there. */
const FLOORS: Record<string, { figures: number; money: number; entities: number }> = {};

describe('accuracy against the gold', () => {
  const dir = path.join(ROOT, 'test', 'gold');
  const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json'));
  it('there is gold for the seed and at least three narratives of ours', () => {
    assert.ok(files.includes('mali-2020.gold.json'));
    assert.ok(files.length >= 4);
  });
  for (const f of files) {
    const name = f.replace('.gold.json', '');
    it(`${name} meets the accuracy targets`, () => {
      const floor = FLOORS[name] ?? TARGETS;
      const { gold, text } = loadGold(path.join(dir, f));
      const s = scoreDocument(gold, text);
      for (const kind of ['figures', 'money', 'entities'] as const) {
        assert.ok(s[kind].f1 >= floor[kind], `${name} ${kind} F1 ${s[kind].f1.toFixed(3)} < ${floor[kind]}`);
      }
    });
  }
});
