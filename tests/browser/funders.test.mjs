// The credits of a funded project in a real browser, on a fixture site with
// an EU funder and a funder whose logo is very tall: the EU emblem is drawn
// with the EU's statement beside it, never smaller than the tallest logo of
// its block, on the project page and in the footer of its action; axe-core
// finds no WCAG 2.1 AA violation there.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin } from './support.mjs';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const FILES = {
  'site.toml': 'title = "Programme"\nbase_url = "https://example.org/prog/"\n',
  'content/_index.fr.md': '---\ntitle: Accueil\n---\nBienvenue.\n',
  'content/_index.en.md': '---\ntitle: Home\n---\nWelcome.\n',
  'content/partners/region.fr.md': '---\ntitle: Région\nkind: region\ncountry: FR\n---\nUne région.\n',
  'content/partners/region.en.md': '---\ntitle: Region\n---\nA region.\n',
  'content/data/funders.yaml': [
    'region:',
    '  kind: region',
    '  name: { fr: "Région", en: "Region" }',
    '  statement: { fr: "Avec le soutien de la Région", en: "With the support of the Region" }',
    '  logo: /images/tall.svg',
    'ue:',
    '  kind: eu',
    '  name: { fr: "Union européenne", en: "European Union" }',
    '  statement: { fr: "Cofinancé par l\'Union européenne", en: "Co-funded by the European Union" }',
    '',
  ].join('\n'),
  // A logo four times as tall as it is wide: the tallest a block can get.
  'static/images/tall.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400" viewBox="0 0 100 400"><rect width="100" height="400" fill="#555"/></svg>',
  'content/projects/eu.fr.md':
    '---\ntitle: Projet européen\nstart: 2025-01-01\nlead: region\nfunding:\n  - funder: ue\n    rate: 80\n  - funder: region\n---\nUn projet.\n',
  'content/projects/eu.en.md': '---\ntitle: European project\n---\nA project.\n',
  'content/actions/meeting.fr.md': '---\ntitle: Réunion\nproject: eu\nstart: 2025-03-01\n---\nUne réunion.\n',
  'content/actions/meeting.en.md': '---\ntitle: Meeting\n---\nA meeting.\n',
};

describe('funders credited on a funded project', { timeout: 90_000 }, () => {
  let dir;
  let server;
  let browser;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'passerelle-funders-'));
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    server = await Server.start(passerelleBin(), dir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const [path, block] of [
    ['en/projects/eu/', '.funding .credits'],
    ['fr/agenda/meeting/', 'footer .credits'],
  ]) {
    it(`draws the EU emblem beside its statement, no smaller than any logo: ${path}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(server.page(path));
      const emblem = await page.locator(`${block} .credit--eu svg.eu-emblem`).boundingBox();
      const statement = await page.locator(`${block} .credit--eu .credit__statement`).boundingBox();
      const logo = await page.locator(`${block} .credit__logo`).boundingBox();
      assert.ok(emblem && statement && logo, 'emblem, statement and logo are shown');
      assert.ok(Math.abs(emblem.width / emblem.height - 1.5) < 0.02, `the emblem is 3:2, got ${emblem.width}×${emblem.height}`);
      assert.ok(emblem.height >= logo.height - 0.5, `emblem ${emblem.height}px, tallest logo ${logo.height}px`);
      const beside =
        statement.x >= emblem.x + emblem.width - 0.5 &&
        statement.y < emblem.y + emblem.height &&
        statement.y + statement.height > emblem.y;
      assert.ok(beside, `the statement is written beside the emblem: ${JSON.stringify({ emblem, statement })}`);
      await page.close();
    });
  }

  it('passes axe-core (WCAG 2.1 AA) on the project page and its action', async () => {
    for (const path of ['fr/projets/eu/', 'en/agenda/meeting/']) {
      const page = await browser.newPage();
      await page.goto(server.page(path));
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (values) => {
        const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values } });
        return results.violations.map(({ id, nodes }) => ({ id, targets: nodes.map((n) => n.target) }));
      }, AXE_TAGS);
      assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations)}`);
      await page.close();
    }
  });
});
