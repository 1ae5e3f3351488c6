// End-to-end tests of `passerelle edit` in a real browser (Debian's Chromium
// through playwright-core), as a communication officer uses it, with the
// editor speaking French: edit a news item from its page and see the change
// through live reload, with every untouched line of the file kept byte for
// byte; translate an item with its source beside the form; create an item in
// both languages; errors next to their fields with nothing written and
// nothing typed lost; a file changed on disk refuses the save; closing a tab
// with unsaved changes asks first; axe-core finds no WCAG 2.1 AA violation
// on the form, the dashboard and the creation page.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** How long a saved change may take to show on the page. */
const SHOW = 10_000;

const SITE_TOML = `title = "Programme"
base_url = "https://example.org/prog/"
default_language = "fr"

[languages.fr]
name = "Français"

[languages.en]
name = "English"
`;

// A news item as a person writes it: comments, a commented optional
// field, quotes and a list in flow style.
const LAUNCH = `---
title: "Lancement du programme"   # le titre des listes
date: 2026-02-06
# summary: Une phrase pour les listes.
partners: [region-sud]
tags: [coopération, jeunesse]   # mots-clés
# author: Prénom Nom
---

Le programme est lancé avec la [Région Sud](@/partners/region-sud.md).
`;

const FILES = {
  'site.toml': SITE_TOML,
  'content/_index.fr.md': '---\ntitle: Accueil\n---\n\nBienvenue.\n',
  'content/_index.en.md': '---\ntitle: Home\n---\n\nWelcome.\n',
  'content/partners/region-sud.fr.md': '---\ntitle: Région Sud\nkind: region\ncountry: FR\n---\n\nLa Région Sud.\n',
  'content/partners/region-sud.en.md': '---\ntitle: Région Sud\n---\n\nThe Région Sud.\n',
  'content/partners/dakar.fr.md': '---\ntitle: Ville de Dakar\nkind: municipality\ncountry: SN\n---\n\nDakar.\n',
  'content/news/launch.fr.md': LAUNCH,
  'content/news/seminar.fr.md': '---\ntitle: Séminaire de printemps\ndate: 2026-03-10\n---\n\nUn séminaire à Marseille.\n',
  'content/news/visit.fr.md': '---\ntitle: Visite à Dakar\ndate: 2026-04-02\n---\n\nUne visite.\n',
  'content/news/forum.fr.md': '---\ntitle: Forum des jumelages\ndate: 2026-05-12\n---\n\nUn forum.\n',
};

describe('passerelle edit in Chromium', { timeout: 300_000 }, () => {
  let root;
  let server;
  let browser;
  let page;

  const file = (path) => readFile(join(root, path), 'utf8');
  const editorUrl = (path) => new URL(`/__passerelle/edit/${path}`, server.url).href;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'passerelle-edit-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
    server = await Server.start(passerelleBin(), root, {
      command: ['edit', '--no-open'],
      lang: 'fr_FR.UTF-8',
      extraArgs: [],
    });
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('edits a news item from its page, shows it on save and keeps every untouched line', async () => {
    await page.goto(server.page('fr/actualites/launch/'));
    await page.getByRole('link', { name: 'Modifier cette page' }).click();
    await page.waitForURL(/__passerelle\/edit\/form/);
    await page.getByLabel('Titre', { exact: false }).first().fill('Le programme est lancé à Marseille');
    const body = page.locator('textarea[name=body]');
    await body.fill(`${await body.inputValue()}\nUne deuxième phrase, écrite dans le navigateur.\n`);
    // The preview goes through passerelle's own Markdown (the @/ link resolved).
    await poll(async () => (await page.locator('#preview').innerHTML()).includes('/prog/fr/partenaires/region-sud/'), {
      timeout: SHOW,
      message: 'the preview with its @/ link resolved',
    });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/prog\/fr\/actualites\/launch\/$/);
    await poll(async () => (await page.locator('h1').first().textContent()).includes('lancé à Marseille'), {
      timeout: SHOW,
      message: () => `the new title on the page\n${server.tail()}`,
    });
    await poll(async () => (await page.content()).includes('Une deuxième phrase'), { timeout: SHOW, message: 'the new text' });

    const saved = await file('content/news/launch.fr.md');
    const before = LAUNCH.split('\n');
    const now = saved.split('\n');
    assert.equal(now[1], 'title: "Le programme est lancé à Marseille"   # le titre des listes');
    // Every other front matter line, comments included, byte for byte.
    assert.deepEqual(now.slice(2, 8), before.slice(2, 8));
    assert.ok(saved.endsWith('Une deuxième phrase, écrite dans le navigateur.\n'), saved);
    assert.ok(saved.includes('Le programme est lancé avec la [Région Sud](@/partners/region-sud.md).\n'));
  });

  it('translates an item into English with the French version beside the form', async () => {
    await page.goto(server.page('fr/actualites/seminar/'));
    await page.getByRole('link', { name: 'Traduire en English' }).click();
    await page.waitForURL(/seminar\.en\.md/);
    const source = page.getByRole('complementary');
    await assertVisibleText(source, 'Séminaire de printemps');
    await assertVisibleText(source, 'Un séminaire à Marseille.');
    // The date is inherited: shown as such, with its value.
    await assertVisibleText(page.locator('#field-date'), '2026-03-10');
    await page.locator('#input-title').fill('Spring seminar');
    await page.locator('textarea[name=body]').fill('A seminar in Marseille.\n');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/prog\/en\/news\/seminar\/$/);
    await poll(async () => (await page.locator('h1').first().textContent()).includes('Spring seminar'), {
      timeout: SHOW,
      message: () => `the English page\n${server.tail()}`,
    });
    const english = await file('content/news/seminar.en.md');
    assert.match(english, /^---\ntitle: Spring seminar\n/);
    assert.doesNotMatch(english, /^date:/m, 'the date stays inherited');
    assert.ok(english.endsWith('\nA seminar in Marseille.\n'), english);
  });

  it('creates a news item in both languages, with its id from the title', async () => {
    await page.goto(server.page('fr/'));
    await page.locator('#passerelle-toolbar summary').click();
    await page.locator('#passerelle-toolbar').getByRole('link', { name: 'actualité' }).click();
    await page.waitForURL(/__passerelle\/edit\/new/);
    await page.locator('#new-title').fill('Été solidaire à Dakar !');
    assert.equal(await page.locator('#new-id').inputValue(), 'ete-solidaire-a-dakar');
    await page.getByRole('button', { name: 'Créer' }).click();
    await page.waitForURL(/form\?path=content\/news\/ete-solidaire-a-dakar\.fr\.md/);
    assert.equal(await page.locator('#input-title').inputValue(), 'Été solidaire à Dakar !');
    assert.ok(existsSync(join(root, 'content/news/ete-solidaire-a-dakar.fr.md')));
    assert.ok(existsSync(join(root, 'content/news/ete-solidaire-a-dakar.en.md')));
    assert.match(await file('content/news/ete-solidaire-a-dakar.fr.md'), /^---\ntitle: "Été solidaire à Dakar !"\ndate: \d{4}-\d\d-\d\d\n/);
  });

  it('shows an invalid date next to its field, writes nothing and keeps what was typed', async () => {
    const path = 'content/news/visit.fr.md';
    const before = await file(path);
    await page.goto(editorUrl(`form?path=${path}`));
    await page.locator('#input-title').fill('Visite à Dakar et Thiès');
    // A browser without a date picker lets people type anything.
    await page.locator('#input-date').evaluate((input) => {
      input.type = 'text';
      input.value = '2026-02-30';
    });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const summary = page.locator('#summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'summary', 'the summary receives focus');
    const message = page.locator('#field-date .error');
    await assertVisibleText(message, '2026-02-30');
    assert.equal(await page.locator('#input-date').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#input-title').inputValue(), 'Visite à Dakar et Thiès');
    assert.equal(await file(path), before, 'nothing written');
  });

  it('shows an unknown partner next to its field with a suggestion, writes nothing and keeps the text', async () => {
    const path = 'content/news/forum.fr.md';
    const before = await file(path);
    await page.goto(editorUrl(`form?path=${path}`));
    await page.locator('#input-partners-other').fill('region-sdu');
    await page.locator('textarea[name=body]').fill('Un forum, avec un texte tout neuf.\n');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('#summary').waitFor();
    await assertVisibleText(page.locator('#field-partners .error'), 'region-sdu');
    await assertVisibleText(page.locator('#field-partners .error'), 'region-sud');
    assert.equal(await page.locator('#input-partners-other').inputValue(), 'region-sdu');
    assert.equal(await page.locator('textarea[name=body]').inputValue(), 'Un forum, avec un texte tout neuf.\n');
    assert.equal(await file(path), before, 'nothing written');
  });

  it('refuses to save over a file changed on disk since the form was opened, and shows both versions', async () => {
    const path = 'content/news/forum.fr.md';
    await page.goto(editorUrl(`form?path=${path}`));
    const theirs = '---\ntitle: Forum modifié ailleurs\ndate: 2026-05-12\n---\n\nÉcrit par quelqu\'un d\'autre.\n';
    await writeFile(join(root, path), theirs);
    await page.locator('#input-title').fill('Mon titre à moi');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await assertVisibleText(page.locator('.notice'), 'a changé sur le disque');
    await assertVisibleText(page.locator('.notice'), 'Écrit par quelqu\'un d\'autre.');
    await assertVisibleText(page.locator('.notice'), 'Mon titre à moi');
    assert.equal(await page.locator('#input-title').inputValue(), 'Mon titre à moi');
    assert.equal(await file(path), theirs, 'the other version stays on disk');
  });

  it('asks before a tab with unsaved changes closes', async () => {
    // A page of its own context: Chromium shows no beforeunload dialog for
    // the pages of `browser.newPage()`.
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(editorUrl('form?path=content/news/visit.fr.md'));
    // Typed with the keyboard: Chromium asks only on pages a person used.
    await tab.locator('#input-title').click();
    await tab.keyboard.type(' (changement pas encore enregistré)');
    let asked = null;
    tab.on('dialog', async (dialog) => {
      asked = dialog.type();
      await dialog.dismiss();
    });
    await tab.close({ runBeforeUnload: true });
    await poll(() => asked, { timeout: SHOW, message: 'the beforeunload dialog' });
    assert.equal(asked, 'beforeunload');
    await context.close();
  });

  for (const [name, path] of [
    ['the form', 'form?path=content/news/launch.fr.md'],
    ['a translation form', 'form?path=content/news/visit.en.md'],
    ['the dashboard', ''],
    ['the creation page', 'new?kind=news'],
  ]) {
    it(`axe finds no WCAG 2.1 AA violation on ${name}`, async () => {
      await page.goto(editorUrl(path));
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (values) => {
        const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values } });
        return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      }, AXE_TAGS);
      assert.deepEqual(violations, []);
    });
  }

  it('axe finds no violation on a form showing errors', async () => {
    await page.goto(editorUrl('form?path=content/news/visit.fr.md'));
    await page.locator('#input-title').fill('');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('#summary').waitFor();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (values) => {
      const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values } });
      return results.violations.map((v) => `${v.id}: ${v.help}`);
    }, AXE_TAGS);
    assert.deepEqual(violations, []);
  });
});

/** Waits until `locator` shows `text`. */
async function assertVisibleText(locator, text) {
  await poll(async () => (await locator.first().textContent())?.includes(text), {
    timeout: SHOW,
    message: async () => `"${text}" in ${locator}`,
  });
}
