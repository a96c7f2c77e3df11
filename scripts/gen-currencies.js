// Builds src/core/data/currencies.json from the Unicode CLDR (the npm packages cldr-core,
// cldr-numbers-full and cldr-localenames-full, build time only): every ISO 4217 currency with its
// English names (singular and plural), symbols and the years it was in use, and for every country
// the currencies it has used, with their dates. The engine knows a currency by any of these
// without a hand list; `npm run gen:currencies` rewrites the file, and a unit test checks that the
// committed file is what this script makes.
'use strict';
const fs = require('fs');
const path = require('path');

const read = (pkg, file) => JSON.parse(fs.readFileSync(require.resolve(`${pkg}/${file}`), 'utf8'));

/** `Zambian kwacha (1968–2012)` -> `Zambian kwacha`. */
const bare = (name) => name.replace(/\s*\([^)]*\)\s*$/, '').trim();

/** `2013-01-01` -> 2013. */
const yearOf = (date) => (date ? Number(date.slice(0, 4)) : undefined);

function build() {
  const cldrVersion = read('cldr-core', 'package.json').version;
  const names = read('cldr-numbers-full', 'main/en/currencies.json').main.en.numbers.currencies;
  const territories = read('cldr-localenames-full', 'main/en/territories.json').main.en.localeDisplayNames.territories;
  const regionData = read('cldr-core', 'supplemental/currencyData.json').supplemental.currencyData.region;

  // code -> [singular, plural, symbol, narrow symbol]; empty strings where CLDR has none.
  const currencies = {};
  for (const code of Object.keys(names).sort()) {
    if (!/^[A-Z]{3}$/.test(code) || code.startsWith('X') && !['XOF', 'XAF', 'XCD', 'XPF'].includes(code)) continue;
    const n = names[code];
    const one = bare(n['displayName-count-one'] || n.displayName);
    const other = bare(n['displayName-count-other'] || n.displayName);
    const symbol = n.symbol && n.symbol !== code ? n.symbol.replace(/\u202f/g, ' ') : '';
    const narrow = n['symbol-alt-narrow'] && n['symbol-alt-narrow'] !== symbol ? n['symbol-alt-narrow'] : '';
    currencies[code] = [one, other, symbol, narrow];
  }

  // country name -> [[code, from year, to year (0 when still in use)], ...], newest first, as CLDR
  // lists them; only countries (two letters), only tender of their own (no `_tender: false`).
  const countries = {};
  for (const region of Object.keys(regionData).sort()) {
    if (!/^[A-Z]{2}$/.test(region) || !territories[region]) continue;
    const uses = [];
    for (const entry of regionData[region]) {
      const [code, info] = Object.entries(entry)[0];
      if (info._tender === 'false' || !currencies[code]) continue;
      uses.push([code, yearOf(info._from) ?? 0, yearOf(info._to) ?? 0]);
    }
    if (uses.length === 0) continue;
    for (const key of [region, `${region}-alt-short`, `${region}-alt-variant`]) {
      if (territories[key]) countries[territories[key]] = uses;
    }
  }
  const out = { source: `Unicode CLDR ${cldrVersion}`, currencies, countries };
  return JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"').replace(/\},"/g, '},\n"') + '\n';
}

module.exports = { build };

if (require.main === module) {
  const file = path.join(__dirname, '..', 'src', 'core', 'data', 'currencies.json');
  fs.writeFileSync(file, build());
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
