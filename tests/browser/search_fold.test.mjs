// The search page's script folds queries exactly as src/search.rs folds the
// indexed text, or accented words would not be found: both must give the
// same result on the same table of cases (copied from the Rust test of
// `fold`, FOLD_CASES in src/search/fold.rs; keep the two tables identical), and
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
const RUST = new URL('../../src/search/fold.rs', import.meta.url);

/** Same table as FOLD_CASES in src/search/fold.rs. */
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
  assert.ok(match, `const ${name} not found in src/search/fold.rs`);
  return match[1].replace(/\\\n\s*/g, '');
}

describe('search.js folding', () => {
  const search = loadScript();

  it('gives the same result as the Rust fold on the shared table of cases', () => {
    for (const [input, expected] of FOLD_CASES) {
      assert.equal(search.fold(input), expected, `fold(${JSON.stringify(input)})`);
    }
  });

  it('uses the same FOLD table as src/search/fold.rs', () => {
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

  /** A loader of the shards of a small index, as the page's loadShard. */
  function loader(shards, total) {
    const made = shards.map((data) => search.makeShard(data, total));
    const asked = [];
    const load = async (n) => {
      asked.push(n);
      return made[n];
    };
    return { load, asked };
  }

  // Two shards: words before "d", words from "d" on. Documents 0-2.
  const meta = { docs: 3, stop: ['de', 'la'], shards: ['cooperation', 'decentralisee'] };
  const shards = [
    {
      words: ['cooperation', 'cooperations', 'cooperer'],
      stem: [0, 0, 0],
      stems: ['cooper'],
      docs: ['00'],
      titles: ['1'],
    },
    {
      words: ['decentralisee', 'elus', 'legales', 'mentions', 'visite'],
      stem: [0, 1, 2, 3, 4],
      stems: ['decentralis', 'elus', 'legal', 'mention', 'visit'],
      docs: ['1', '0', '2', '2', '0'],
      titles: ['1', '0', '2', '2', '0'],
    },
  ];

  it('finds the stem of a folded word in its shard only, title matches first', async () => {
    const { load, asked } = loader(shards, 3);
    const found = await search.search(meta, load, 'COOPÉRATIONS ');
    assert.deepEqual([...found.docs], [1, 0], 'title hit first');
    assert.deepEqual([...asked], [0], 'only the shard of the word');
    assert.deepEqual([...found.marks].sort(), ['cooperation', 'cooperations', 'cooperer']);
  });

  it('matches a form the site never uses by the longest stem that begins it', async () => {
    const { load } = loader(shards, 3);
    assert.deepEqual([...(await search.search(meta, load, 'coopérateurs ')).docs], [1, 0]);
    assert.deepEqual([...(await search.search(meta, load, 'mentionnées ')).docs], [2]);
    assert.deepEqual([...(await search.search(meta, load, 'visage ')).docs], [], 'no stem of half the word');
  });

  it('matches every word the last word begins while it is typed, and ANDs words', async () => {
    const { load } = loader(shards, 3);
    assert.deepEqual([...(await search.search(meta, load, 'coopération de la décentr')).docs], [1]);
    assert.deepEqual([...(await search.search(meta, load, 'coop ')).docs], [], 'a word followed by a space is whole');
    assert.equal(await search.search(meta, load, 'de la'), null, 'only stop words');
  });

  it('names the shard of a word by the first words of the shards', () => {
    assert.equal(search.shardOf(meta, 'aaa'), 0);
    assert.equal(search.shardOf(meta, 'cz'), 0);
    assert.equal(search.shardOf(meta, 'decentralisee'), 1);
    assert.equal(search.shardOf(meta, 'zz'), 1);
  });

  it('cuts an excerpt around the first word found and marks the words found', () => {
    const marks = new Set(['cooperation', 'regions']);
    const text = 'Un long début sans rien. '.repeat(8) + 'La Coopération des régions <b>&amp;</b> suite. ' +
      'Encore du texte. '.repeat(10);
    const parts = search.highlight(text, marks, 120);
    const joined = parts.map(([part]) => part).join('');
    assert.ok(joined.startsWith('…') && joined.endsWith('…'), joined);
    assert.ok(joined.length <= 125, joined);
    assert.deepEqual([...parts.filter(([, marked]) => marked).map(([part]) => part)], ['Coopération', 'régions']);
    assert.ok(joined.includes('<b>&amp;</b>'), 'text stays text: the page puts it in text nodes');
    const short = search.highlight('Sans mot trouvé.', marks, 120);
    assert.deepEqual([...short.map(([p, m]) => [p, m])], [['Sans mot trouvé.', false]]);
  });
});
