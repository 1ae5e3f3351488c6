// The dev server's error overlay in a French locale, in Chromium: a user
// who runs `passerelle serve --watch` with LANG=fr_FR.UTF-8 reads the
// overlay, its diagnostics and its dismiss button in French, marked as
// French for screen readers, and sees it go once the file is fixed.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

const SHOW = 5_000;
const NEWS = 'content/news/visite.fr.md';
const news = (title) => `---\ntitle: ${title}\ndate: 2025-03-12\n---\nUne délégation est reçue.\n`;

const FIXTURE = {
  'site.toml':
    'title = "Programme"\nbase_url = "https://example.org/prog/"\ndefault_language = "fr"\n\n[languages.fr]\nname = "Français"\n\n[languages.en]\nname = "English"\n',
  'content/_index.fr.md': '---\ntitle: Accueil\n---\nBienvenue.\n',
  'content/_index.en.md': '---\ntitle: Home\n---\nWelcome.\n',
  [NEWS]: news('Visite à Dakar'),
};

describe('the error overlay in French', () => {
  let root;
  let server;
  let browser;

  const write = async (path, text) => {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  };

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'passerelle-browser-fr-'));
    for (const [path, text] of Object.entries(FIXTURE)) await write(path, text);
    server = await Server.start(passerelleBin(), root, { lang: 'fr_FR.UTF-8' });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('speaks French from heading to dismiss button', async () => {
    const page = await browser.newPage();
    await page.goto(server.page('fr/actualites/visite/'));
    assert.equal(await page.locator('h1').first().innerText(), 'Visite à Dakar');

    const from = server.lines.length;
    await write(NEWS, news('[Visite'));
    const overlay = page.locator('#passerelle-errors');
    await poll(() => overlay.isVisible(), { timeout: SHOW, message: () => `the overlay\n${server.tail()}` });
    // The terminal says the same thing, in French too.
    await server.waitForLine(/^content\/news\/visite\.fr\.md:\d+:\d+: YAML invalide : /, { from });

    assert.equal(await overlay.getAttribute('lang'), 'fr');
    assert.equal(
      await overlay.locator('h2').innerText(),
      'La construction a échoué — la dernière version correcte du site est affichée',
    );
    const shown = await overlay.innerText();
    assert.match(shown, /content\/news\/visite\.fr\.md:\d+:\d+/);
    assert.match(shown, /YAML invalide : /);
    assert.match(shown, /conseil : vérifiez l'indentation/);
    assert.equal(await overlay.getByRole('button').innerText(), 'Fermer');

    await write(NEWS, news('Visite à Bamako'));
    await poll(async () => (await overlay.count()) === 0 && (await page.locator('h1').first().innerText()) === 'Visite à Bamako', {
      timeout: SHOW,
      message: () => `the overlay to go and the new title to show\n${server.tail()}`,
    });
    await page.close();
  });
});
