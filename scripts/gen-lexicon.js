// Builds src/core/data/lexicon.json from compromise's lexicon (countries, cities, regions,
// demonyms, currencies), so the engine gets compromise's names without loading compromise
// (about 220 ms and 700 KB) at run time. `npm run gen:lexicon` rewrites it; a unit test
// checks that the committed file is what this script makes.
const fs = require('fs');
const path = require('path');

function build() {
  const nlp = require('compromise');
  const lexicon = nlp.world().model.one.lexicon;
  const out = { country: [], city: [], region: [], demonym: [] };
  const has = (v, t) => (Array.isArray(v) ? v.includes(t) : v === t);
  for (const [word, tags] of Object.entries(lexicon)) {
    if (!/^[a-z][a-z .'-]*[a-z]$/.test(word)) continue;
    if (has(tags, 'Country')) out.country.push(word);
    else if (has(tags, 'City')) out.city.push(word);
    else if (has(tags, 'Region')) out.region.push(word);
    else if (has(tags, 'Demonym')) out.demonym.push(word);
  }
  for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort();
  return JSON.stringify(out, null, 0).replace(/\],/g, '],\n') + '\n';
}

module.exports = { build };

if (require.main === module) {
  const file = path.join(__dirname, '..', 'src', 'core', 'data', 'lexicon.json');
  fs.writeFileSync(file, build());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
