import * as assert from 'node:assert';
import { glossaryEntry } from '../../src/core/glossary';

describe('glossary: common abbreviations that name no one', () => {
  it('NGOs, SOPs, an NGO’s: what they stand for', () => {
    assert.deepStrictEqual(glossaryEntry('NGOs'), { abbreviation: 'NGO', meaning: 'non-governmental organization' });
    assert.strictEqual(glossaryEntry('SOPs')?.meaning, 'standard operating procedure');
    assert.strictEqual(glossaryEntry('NGO’s')?.abbreviation, 'NGO');
  });

  it('named bodies and other words are not in it', () => {
    for (const w of ['UNICEF', 'OCPM', 'ngos', 'NGOS', 'Ministry', '']) assert.strictEqual(glossaryEntry(w), undefined, w);
  });
});
