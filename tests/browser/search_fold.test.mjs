// The search page's script folds queries exactly as src/search.rs folds the
// indexed text, or accented words would not be found: both must give the
// same result on the same table of cases (copied from the Rust test of
// `fold`, FOLD_CASES in src/search.rs; keep the two tables identical), and
// their FOLD tables must be the same string.
//
// No browser and no dependency: the script is run in a bare VM context,
// where it only defines its pure functions on globalThis.passerelleSearch.
//   node --test tests/browser/search_fold.test.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import vm from 'node:vm';

const SCRIPT = new URL('../../themes/default/static/search.js', import.meta.url);
const RUST = new URL('../../src/search.rs', import.meta.url);

/** Same table as FOLD_CASES in src/search.rs. */
const FOLD_CASES = [
  ['Coopération', 'cooperation'],
  ['ŒUVRE', 'oeuvre'],
  ['Straße', 'strasse'],
  ["Côte d'Ivoire", 'cote d ivoire'],
  ['Côte d’Ivoire', 'cote d ivoire'],
  ['Ex æquo', 'ex aequo'],
  ['Français, ça va ?', 'francais ca va'],
  ['Maïs et canoë', 'mais et canoe'],
  ['Porto-Novo', 'porto novo'],
  ['  «\u00a0Économie\u202f»  ', 'economie'],
  ["L'été 2026 : 1er bilan !", 'l ete 2026 1er bilan'],
  ['Łódź, Kraków', 'lodz krakow'],
  ['Timișoara, Brașov', 'timisoara brasov'],
  ['İzmir ve Diyarbakır', 'izmir ve diyarbakir'],
  ['Ålesund, Øresund', 'alesund oresund'],
  ['Crème brûlée', 'creme brulee'],
  ['e\u0301te\u0301', 'ete'],
  ['Ἀθῆναι', 'ἀθῆναι'],
  ['Москва', 'москва'],
  ['ΟΔΟΣ', 'οδοσ'],
  ['C++/Rust_2024', 'c rust 2024'],
  ['', ''],
  ['?!', ''],
];

function loadScript() {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(SCRIPT, 'utf8'), context, { filename: 'search.js' });
  return context.passerelleSearch;
}

/** The value of a Rust `const NAME: &str = "...";`, with `\` line continuations. */
function rustString(source, name) {
  const match = source.match(new RegExp(`const ${name}: &str = "((?:[^"\\\\]|\\\\[\\s\\S])*)";`));
  assert.ok(match, `const ${name} not found in src/search.rs`);
  return match[1].replace(/\\\n\s*/g, '');
}

describe('search.js folding', () => {
  const search = loadScript();

  it('gives the same result as the Rust fold on the shared table of cases', () => {
    for (const [input, expected] of FOLD_CASES) {
      assert.equal(search.fold(input), expected, `fold(${JSON.stringify(input)})`);
    }
  });

  it('uses the same FOLD table as src/search.rs', () => {
    assert.equal(search.FOLD, rustString(readFileSync(RUST, 'utf8'), 'FOLD'));
  });

  it('has the same table of cases as the Rust test', () => {
    const source = readFileSync(RUST, 'utf8');
    const table = source.slice(source.indexOf('const FOLD_CASES'), source.indexOf('];', source.indexOf('const FOLD_CASES')));
    const rustCases = [...table.matchAll(/\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)/g)].map((m) =>
      [m[1], m[2]].map((s) => s.replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))));
    assert.deepEqual(rustCases, FOLD_CASES);
  });

  // Arrays made in the VM context have another Array prototype: spread them.
  it('reads posting lists in their three forms', () => {
    assert.deepEqual([...search.decodePostings('00C7', 1000)], [0, 1, 201]);
    assert.deepEqual([...search.decodePostings('v0H8', 1000)], [31, 32, 393]);
    assert.deepEqual([...search.decodePostings('!4', 10)], [0, 1, 2, 3, 5, 6, 7, 8, 9]);
    assert.deepEqual([...search.decodePostings('~l5', 12)], [0, 2, 4, 6, 8]);
  });

  it('finds accented documents from a query without accents, prefix of the last word included', () => {
    const index = search.makeIndex({
      version: 1,
      prefix: '/fr/',
      kinds: ['news', 'page'],
      stop: ['de', 'la'],
      docs: [
        ['a/', 'Les élus en visite', 0, '2026-01-10', ''],
        ['b/', 'La coopération décentralisée', 0, '2025-05-01', ''],
        ['c/', 'Mentions légales', 1, '', ''],
      ],
      terms: ['cooperation', 'decentralisee', 'elus', 'legales', 'mentions', 'visite'],
      postings: ['00', '1', '0', '2', '2', '0'],
    });
    assert.deepEqual([...search.search(index, 'COOPERATION')], [1, 0], 'title hit first');
    assert.deepEqual([...search.search(index, 'coopération de la décentr')], [1]);
    assert.deepEqual([...search.search(index, 'coop ')], [], 'a word followed by a space is whole');
    assert.equal(search.search(index, 'de la'), null, 'only stop words');
  });
});
