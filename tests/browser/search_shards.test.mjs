// The search page on a site whose index has several term shards, in a real
// browser: a one-word query in a form the site never writes finds the page
// by its stem (French and English), shows an excerpt with the words found
// in <mark>, shows the site's text as text (never as HTML), and fetches
// only the meta file, the word's shard and the pages of the results shown.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

/** Made-up words, the same every run, so that the index needs several shards. */
function vocabulary(count) {
  const syllables = ['ba', 'ri', 'to', 'ma', 'lu', 'ne', 'so', 'ki', 'da', 'pe', 'vo', 'gu', 'fa', 'zi', 'mo', 'te'];
  const words = [];
  let x = 7;
  while (words.length < count) {
    x = (x * 1103515245 + 12345) % 2147483648;
    let word = '';
    for (let n = 3 + (x % 3), y = x; n > 0; n--, y = Math.floor(y / 16)) word += syllables[y % 16];
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

const NEWS = 240;

async function writeSite(root) {
  const files = {
    'site.toml': 'title = "Shards"\nbase_url = "https://example.org/shards/"\n',
    'content/_index.fr.md': '---\ntitle: Accueil\n---\nBienvenue.\n',
    'content/_index.en.md': '---\ntitle: Home\n---\nWelcome.\n',
    'content/news/cooperation.fr.md':
      '---\ntitle: La Coopération décentralisée\ndate: 2026-03-01\n---\n' +
      'Un long début de texte sur les villes et les villages du programme. '.repeat(3) +
      'Les régions partenaires renforcent leur coopération, écrit `<img src=x onerror="window.injected=1">` ici.\n',
    'content/news/cooperation.en.md':
      '---\ntitle: Decentralised cooperation\n---\nRegional partnerships grow stronger every year.\n',
  };
  const words = vocabulary(3000);
  for (let i = 0; i < NEWS; i++) {
    const body = Array.from({ length: 120 }, (_, j) => words[(i * 131 + j * 17 + j * j) % words.length]).join(' ');
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`content/news/n${i}.fr.md`] = `---\ntitle: Nouvelle ${i}\ndate: 2024-01-${day}\n---\n${body}.\n`;
  }
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('search over a sharded index', { timeout: 120_000 }, () => {
  let root;
  let server;
  let browser;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'passerelle-search-'));
    await writeSite(root);
    server = await Server.start(passerelleBin(), root, { timeout: 60_000 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Opens a search page, types `query` and returns the page, the results and the index files fetched. */
  async function query(path, text) {
    const page = await browser.newPage();
    const fetched = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.includes('/search-index/')) fetched.push({ url, response });
    });
    await page.goto(server.page(path));
    await page.locator('form[data-index]').waitFor({ state: 'visible' });
    await page.getByRole('searchbox').fill(text);
    const titles = await poll(
      async () => {
        const found = await page.locator('[data-search-results] h2').allTextContents();
        return found.length > 0 && found;
      },
      { message: `results for ${text}` },
    );
    const sizes = [];
    for (const { url, response } of fetched) sizes.push([url.pathname.split('/search-index/')[1], (await response.body()).length]);
    return { page, titles, sizes, paths: fetched.map(({ url }) => url.pathname) };
  }

  it('finds a French page from a form it never writes, and fetches only the shard of the word', async () => {
    const meta = await (await fetch(server.page('fr/search-index/meta.json'))).json();
    assert.ok(meta.shards.length >= 3, `the index has ${meta.shards.length} shards`);
    const { page, titles, sizes } = await query('fr/recherche/', 'COOPERATIONS');
    assert.deepEqual(titles, ['La Coopération décentralisée']);
    const names = sizes.map(([name]) => name);
    assert.deepEqual(names.filter((n) => n.startsWith('terms/')).length, 1, `one shard: ${names}`);
    assert.deepEqual(names.filter((n) => n.startsWith('docs/')), ['docs/0.json'], 'the page of the one result');
    assert.ok(names.includes('meta.json'));
    const marks = await page.locator('[data-search-results] mark').allTextContents();
    assert.deepEqual(marks, ['Coopération', 'coopération'], 'in the title and in the excerpt');
    const excerpt = await page.locator('[data-search-results] .search-excerpt').textContent();
    assert.ok(excerpt.startsWith('…') && excerpt.includes('renforcent leur coopération'), excerpt);
    assert.ok(excerpt.includes('<img src=x onerror="window.injected=1">'), 'the text shows as written');
    assert.equal(await page.locator('[data-search-results] img').count(), 0, 'and is never HTML');
    assert.equal(await page.evaluate(() => window.injected), undefined);
    const bytes = sizes.reduce((sum, [, size]) => sum + size, 0);
    assert.ok(bytes < 100_000, `${bytes} bytes fetched: ${JSON.stringify(sizes)}`);
    await page.close();
  });

  it('finds an English page from another form of a word, in the English index', async () => {
    const { page, titles, paths } = await query('en/search/', 'Partnership');
    assert.deepEqual(titles, ['Decentralised cooperation']);
    assert.ok(paths.every((path) => path.startsWith('/shards/en/search-index/')), paths.join(', '));
    assert.deepEqual(await page.locator('[data-search-results] mark').allTextContents(), ['partnerships']);
    await page.close();
  });
});
