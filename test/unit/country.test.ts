import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countryKey, isYearBefore, sameCountry } from '../../src/core/country';
import { cli } from '../support/cli';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('country: the same country across years', () => {
  it('one key whatever the accents, apostrophes, spacing and case', () => {
    const keys = ['Côte d’Ivoire', "COTE D'IVOIRE", 'Cote  d`Ivoire', ' Côte d‘Ivoire '].map(countryKey);
    assert.deepStrictEqual(new Set(keys).size, 1, keys.join(' | '));
    assert.ok(!sameCountry('Niger', 'Nigeria'));
    assert.ok(!sameCountry(undefined, 'Niger'));
  });

  it("last year's narrative: the same country, the year before", () => {
    assert.ok(isYearBefore({ country: 'Côte d’Ivoire', year: 2023 }, { country: "Cote d'Ivoire", year: 2022 }));
    assert.ok(!isYearBefore({ country: 'Veldora', year: 2023 }, { country: 'Veldora', year: 2021 }));
    assert.ok(!isYearBefore({ country: 'Veldora' }, { country: 'Veldora', year: 2022 }));
  });

  it('the command line pairs a narrative with last year\'s across a curly and a straight apostrophe', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tip-lens-country-'));
    try {
      // Our Veldora pair, renamed to a country whose name has an apostrophe, written both ways.
      const rename = (file: string, name: string): string => readFileSync(path.join(ROOT, 'samples', file), 'utf8')
        .replace(/VELDORA/g, name.toUpperCase()).replace(/Veldoran/g, 'Ivoirian').replace(/Veldora/g, name);
      const cur = path.join(dir, 'this-year.tip.txt');
      const prev = path.join(dir, 'last-year.tip.txt');
      writeFileSync(cur, rename('veldora-2023.tip.txt', 'Côte d’Ivoire'));
      writeFileSync(prev, rename('veldora-2022.tip.txt', "Cote d'Ivoire"));
      const r = await cli(['check', '--format', 'json', cur, prev]);
      const out = JSON.parse(r.out) as { files: Array<{ file: string; findings: Array<{ rule: string }> }> };
      const rules = out.files.find((f) => f.file === cur)!.findings.map((f) => f.rule);
      assert.ok(rules.includes('previous-period'), `last year's narrative was not used: ${rules.join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
