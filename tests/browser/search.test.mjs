// The search page of the demo portal in a real browser: a query typed
// without accents finds the accented titles, with the words found marked,
// the count is announced, and the query is kept in the address so results
// can be shared. The page fetches its index in pieces (the meta file, the
// shard of the word, pages of documents), never a whole index.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

const DEMO = fileURLToPath(new URL('../..', import.meta.url));

describe('search on the demo portal', { timeout: 60_000 }, () => {
  let server;
  let browser;
  let page;
  const requests = [];

  before(async () => {
    server = await Server.start(passerelleBin(), DEMO);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => requests.push(request.url()));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds accented titles from a query typed without accents', async () => {
    await page.goto(server.page('fr/recherche/'));
    const input = page.getByLabel(/rechercher/i);
    await input.fill('cooperation');
    const titles = await poll(
      async () => {
        const found = await page.locator('[data-search-results] a').allTextContents();
        return found.length > 0 && found;
      },
      { message: 'search results' },
    );
    assert.ok(
      titles.some((title) => /Coopération|coopération/.test(title)),
      `an accented title is found: ${JSON.stringify(titles)}`,
    );
    const marks = await page.locator('[data-search-results] mark').allTextContents();
    assert.ok(marks.length > 0, 'the words found are marked');
    for (const mark of marks) assert.match(mark, /^coop[ée]r/i, `a form of the stem cooper: ${mark}`);
    const excerpts = await page.locator('[data-search-results] .search-excerpt').count();
    assert.ok(excerpts > 0, 'results show an excerpt');
    const index = requests.filter((url) => url.includes('/search-index/')).map((url) => new URL(url).pathname);
    assert.ok(index.some((path) => path.endsWith('/fr/search-index/meta.json')), index.join(', '));
    assert.ok(index.every((path) => /\/fr\/search-index\/(meta|terms\/\d+|docs\/\d+)\.json$/.test(path)), index.join(', '));
    assert.ok(!requests.some((url) => url.endsWith('search.json')), 'no whole index');
    const status = await poll(
      async () => {
        const text = await page.locator('[data-search-status]').textContent();
        return /\d+ résultats?/.test(text) && text;
      },
      { message: 'the count announced in the status region' },
    );
    assert.match(status, /\d+ résultats?/);
    assert.equal(await page.locator('[data-search-status]').getAttribute('aria-live'), 'polite');
    await poll(async () => new URL(page.url()).searchParams.get('q') === 'cooperation', {
      message: 'the query in the address',
    });
  });

  it('shows a plain list of links without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(server.page('en/search/'));
    const links = await plain.locator('[data-search-fallback] a').count();
    assert.ok(links >= 10, `${links} links`);
    await context.close();
  });

  it('loads nothing from another host', () => {
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin));
    assert.deepEqual(foreign, []);
  });
});
