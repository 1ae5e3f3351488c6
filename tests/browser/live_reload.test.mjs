// End-to-end tests of `passerelle serve --watch` in a real browser (Debian's
// Chromium through playwright-core): edits on disk show in open pages without
// anyone reloading them, build errors show as an overlay until fixed, a
// stylesheet change is swapped in without a reload, and every open tab
// follows.
//
// Run through `cargo test --test browser`, which builds the binary and sets
// PASSERELLE_BIN; or by hand:
//   PASSERELLE_BIN=target/debug/passerelle node --test tests/browser/
//
// Every wait is bounded (5 s for a change to show); the whole file takes a
// few seconds.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

const THEME_CSS = new URL('../../themes/default/static/style.css', import.meta.url);

/** How long a change may take to show in the browser. */
const SHOW = 5_000;

const SITE_TOML = (title = 'Programme') => `title = "${title}"
base_url = "https://example.org/prog/"
default_language = "fr"

[languages.fr]
name = "Français"

[languages.en]
name = "English"
`;

const NEWS = 'content/news/launch.fr.md';

/** The French news item, with `body` as its Markdown text. */
const newsFr = (body, title = 'Lancement du programme') =>
  `---\ntitle: ${title}\ndate: 2025-02-06\nprojects: [coopjop]\npartners: [region-sud]\n---\n${body}\n`;

const FIXTURE = {
  'site.toml': SITE_TOML(),
  'content/_index.fr.md': '---\ntitle: Accueil du programme\n---\nBienvenue sur le portail.\n',
  'content/_index.en.md': '---\ntitle: Programme home\n---\nWelcome to the portal.\n',
  [NEWS]: newsFr('Le programme est lancé.'),
  'content/news/launch.en.md': '---\ntitle: Programme launched\n---\nThe programme is launched.\n',
  'content/projects/coopjop.fr.md':
    '---\ntitle: COOPJOP\nacronym: COOPJOP\nstatus: ongoing\nstart: 2025-10-01\nlead: region-sud\npartners: [region-sud]\n---\nUn programme de coopération.\n',
  'content/projects/coopjop.en.md': '---\ntitle: COOPJOP\n---\nA cooperation programme.\n',
  'content/partners/region-sud.fr.md': '---\ntitle: Région Sud\nkind: region\ncountry: FR\n---\nLa Région Sud est chef de file.\n',
  'content/partners/region-sud.en.md': '---\ntitle: Sud Region\n---\nThe Sud Region leads.\n',
  // The static/ folder exists from the start, as in most sites: the watcher
  // then sees a new static/style.css as a stylesheet change only.
  'static/humans.txt': 'Programme team\n',
};

/** A word that French typography leaves alone, unique to this run. */
let counter = 0;
const token = (name) => `${name}${++counter}x${process.pid}x${Date.now().toString(36)}`;

describe('passerelle serve --watch in Chromium', { timeout: 60_000 }, () => {
  let root;
  let server;
  let browser;
  let context;
  /** The first tab, kept open through every step. */
  let page;
  /** Navigations of the first tab's main frame (loads and reloads). */
  let navigations = 0;
  /** Uncaught errors in any page (live.js must not throw). */
  const pageErrors = [];

  const file = (path) => join(root, path);
  const write = async (path, text) => {
    await mkdir(dirname(file(path)), { recursive: true });
    await writeFile(file(path), text);
  };
  /** Writes `text` to a temporary file next to `path`, then renames it over `path`, as editors do. */
  const saveAtomically = async (path, text) => {
    const temp = join(dirname(file(path)), `.${path.split('/').pop()}.${process.pid}.tmp`);
    await writeFile(temp, text);
    await rename(temp, file(path));
  };
  const bodyText = (p) => p.evaluate(() => (document.body ? document.body.innerText : ''));
  /** Waits for `text` to be visible in `p`, without touching the page. */
  const waitForText = (p, text, what = `"${text}" to show in ${p.url()}`) =>
    poll(async () => (await bodyText(p)).includes(text), { timeout: SHOW, message: () => `${what}\n${server.tail()}` });
  /** Waits until the page has loaded and has not navigated for `quiet` ms. */
  const settle = async (p, quiet = 300) => {
    let last = Date.now();
    const seen = (frame) => {
      if (frame === p.mainFrame()) last = Date.now();
    };
    p.on('framenavigated', seen);
    try {
      await poll(
        async () => Date.now() - last >= quiet && (await p.evaluate(() => document.readyState)) === 'complete',
        { timeout: SHOW, message: `${p.url()} to stop navigating` },
      );
    } finally {
      p.off('framenavigated', seen);
    }
  };
  const watch = (p) => {
    p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
  };

  before(async () => {
    const bin = passerelleBin();
    root = await mkdtemp(join(tmpdir(), 'passerelle-browser-'));
    for (const [path, text] of Object.entries(FIXTURE)) await write(path, text);
    server = await Server.start(bin, root);
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/prog\/$/, 'the base_url sub-path is kept');
    browser = await launchChromium();
    context = await browser.newContext();
    context.setDefaultTimeout(SHOW);
    context.setDefaultNavigationTimeout(SHOW * 2);
    page = await context.newPage();
    watch(page);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('shows an edited news item without a reload by hand', async () => {
    const response = await page.goto(server.page('fr/actualites/launch/'));
    assert.equal(response.status(), 200);
    await waitForText(page, 'Le programme est lancé.');
    await settle(page);
    await page.evaluate(() => {
      window.__marker = 1;
    });

    const written = token('ecrit');
    await write(NEWS, newsFr(`Texte modifié : ${written}.`));
    await waitForText(page, written);
    assert.equal(new URL(page.url()).pathname, '/prog/fr/actualites/launch/', 'still on the news page');

    const saved = token('atomique');
    await saveAtomically(NEWS, newsFr(`Enregistré par renommage : ${saved}.`));
    await waitForText(page, saved, `the atomically saved text "${saved}" to show`);
    assert.ok(!(await bodyText(page)).includes(written), 'the previous text is gone');
  });

  it('shows a front matter error over the page until it is fixed', async () => {
    await settle(page);
    const overlay = page.locator('#passerelle-errors');
    const from = server.lines.length;
    await write(NEWS, newsFr('Ce texte ne doit pas paraître.', '[oops'));
    let fixed = false;
    try {
      await poll(() => overlay.isVisible(), {
        timeout: SHOW,
        message: () => `#passerelle-errors to show\n${server.tail()}`,
      });
      // The server prints each diagnostic as `path:line:col: message`; the
      // overlay must name the same place.
      const { match } = await server.waitForLine(/^(content\/news\/launch\.fr\.md:\d+:\d+): /, { from });
      const shown = await overlay.innerText();
      assert.match(shown, /content\/news\/launch\.fr\.md:\d+:\d+/);
      assert.ok(shown.includes(match[1]), `the overlay names ${match[1]}, as the terminal does; it says:\n${shown}`);
      assert.equal(await overlay.getAttribute('role'), 'alert');
      assert.equal(await page.locator('#passerelle-errors').count(), 1, 'one overlay');
      assert.equal(await page.locator('h1').first().innerText(), 'Lancement du programme', 'the last good page stays');
      assert.ok(!(await bodyText(page)).includes('Ce texte ne doit pas paraître.'), 'the broken text never shows');

      const text = token('repare');
      await write(NEWS, newsFr(`Corrigé : ${text}.`));
      fixed = true;
      await poll(async () => (await overlay.count()) === 0 && (await bodyText(page)).includes(text), {
        timeout: SHOW,
        message: () => `the overlay to go and "${text}" to show\n${server.tail()}`,
      });
    } finally {
      // Leave a good site to the next tests, whatever failed here.
      if (!fixed) await write(NEWS, newsFr('Restauré après un échec.'));
    }
  });

  it('swaps a changed stylesheet without reloading the page', async () => {
    await settle(page);
    await page.evaluate(() => {
      window.__marker = 1;
    });
    const before = {
      navigations,
      timeOrigin: await page.evaluate(() => performance.timeOrigin),
      background: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    };
    assert.notEqual(before.background, 'rgb(1, 2, 3)');

    const from = server.lines.length;
    const theme = await readFile(THEME_CSS, 'utf8');
    await write('static/style.css', `${theme}\n/* the site's override */\nbody { background-color: rgb(1, 2, 3) }\n`);
    await poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)'), {
      timeout: SHOW,
      message: () => `the new stylesheet to apply\n${server.tail()}`,
    });
    await server.waitForLine(/^changed static\/style\.css: .* rewritten in/, { from });
    // A reload, had one been asked for, would come with the same event.
    await sleep(300);
    assert.equal(await page.evaluate(() => window.__marker), 1, 'the page was not reloaded');
    assert.equal(await page.evaluate(() => performance.timeOrigin), before.timeOrigin, 'same document');
    assert.equal(navigations, before.navigations, 'no navigation happened');
    // The old <link> goes once the new one has loaded.
    await poll(
      () => page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"][href*="style.css"]').length === 1),
      { timeout: SHOW, message: 'the old stylesheet link to be removed' },
    );
  });

  it('updates every open tab', async () => {
    const paths = ['fr/', 'en/news/launch/', 'fr/projets/coopjop/'];
    const tabs = [page];
    for (const path of paths) {
      const tab = await context.newPage();
      watch(tab);
      const response = await tab.goto(server.page(path));
      assert.equal(response.status(), 200, path);
      tabs.push(tab);
    }
    for (const tab of tabs) await settle(tab);

    const title = token('Programme');
    await write('site.toml', SITE_TOML(title));
    for (const tab of tabs) {
      await waitForText(tab, title, `the new site title to show in ${tab.url()}`);
    }
    for (const tab of tabs) {
      assert.equal(
        await tab.evaluate(() => getComputedStyle(document.body).backgroundColor),
        'rgb(1, 2, 3)',
        `the site's stylesheet still applies in ${tab.url()}`,
      );
    }
  });

  it('ran live.js without errors', () => {
    assert.deepEqual(pageErrors, []);
  });
});
