// A right-to-left language in a real browser: the Arabic pages of the
// trilingual fixture (tests/fixtures/rtl/, French, English and Arabic) are
// laid out right to left, as computed by Chromium, not only as written in
// the HTML: the direction of the page, then where the breadcrumb, the
// language switcher, the menu, the pagination, the search form and the
// text sit. axe-core then finds no WCAG 2.1 AA violation on the Arabic
// project, agenda and partner pages (and a few more).
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Server, launchChromium, passerelleBin } from './support.mjs';

const FIXTURE = fileURLToPath(new URL('../fixtures/rtl', import.meta.url));
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
/** WCAG 2.1 levels A and AA, as audit.test.mjs checks the demo. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AUDITED = [
  'ar/projects/coopjop/',
  'ar/agenda/',
  'ar/partners/rabat/',
  'ar/',
  'ar/news/page/2/',
  'ar/search/',
  'fr/partenaires/rabat/',
];

/** The box of every element matching `selector`, in document order. */
function boxes(page, selector) {
  return page.$$eval(selector, (elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    }),
  );
}

/**
 * Where a chevron drawn by the theme (top and right borders, rotated)
 * points, from its computed transform `matrix(a, b, c, d, e, f)`: rotated
 * by 45° it points right (a > 0), by -135° left.
 */
function pointing(transform) {
  const a = Number(transform.match(/^matrix\(([^,]+),/)?.[1]);
  assert.ok(Number.isFinite(a), `not a rotation: ${transform}`);
  return a > 0 ? 'right' : 'left';
}

/** Asserts that each box lies to the right of the next one: the order of right-to-left reading. */
function assertRightToLeft(found, what) {
  assert.ok(found.length >= 2, `${what}: fewer than two elements (${found.length})`);
  for (let i = 1; i < found.length; i++) {
    assert.ok(
      found[i - 1].left >= found[i].right - 1,
      `${what}: element ${i} (${found[i - 1].left}–${found[i - 1].right}) is not to the right of element ${i + 1} (${found[i].left}–${found[i].right})`,
    );
  }
}

describe('a right-to-left language in Chromium', { timeout: 90_000 }, () => {
  let site;
  let server;
  let browser;
  let page;

  before(async () => {
    site = await mkdtemp(join(tmpdir(), 'passerelle-rtl-'));
    await cp(FIXTURE, site, { recursive: true });
    server = await Server.start(passerelleBin(), site);
    browser = await launchChromium();
    // Wide enough for the header's title and switcher to share a line.
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (site) await rm(site, { recursive: true, force: true });
  });

  it('computes right to left for Arabic pages and left to right for French ones', async () => {
    await page.goto(server.page('ar/projects/coopjop/'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
    // Language names written the other way are isolated left to right.
    const names = await page.$$eval('.lang-switcher span[lang]', (spans) =>
      spans.map((s) => `${s.lang}:${getComputedStyle(s).direction}`),
    );
    assert.deepEqual(names, ['fr:ltr', 'ar:rtl', 'en:ltr']);
    await page.goto(server.page('fr/projets/coopjop/'));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'ltr');
  });

  it('lays out the header, the breadcrumb and the text from the right', async () => {
    await page.goto(server.page('ar/projects/coopjop/'));
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    const [title] = await boxes(page, '.site-title');
    const [switcher] = await boxes(page, '.lang-switcher');
    assert.ok(title.right > width / 2, `the site title starts on the right (${title.left}–${title.right} of ${width})`);
    assert.ok(title.left > switcher.right, 'the site title is to the right of the language switcher');
    assertRightToLeft(await boxes(page, '.lang-switcher li'), 'language switcher');
    assertRightToLeft(await boxes(page, '.main-nav__list li'), 'main menu');
    assertRightToLeft(await boxes(page, '.breadcrumb li'), 'breadcrumb');
    // The separators are chevrons that point the way the trail reads: left here, right in French.
    const chevron = (selector, pseudo) =>
      page.$eval(selector, (e, pseudo) => getComputedStyle(e, pseudo).transform, pseudo).then(pointing);
    assert.equal(await chevron('.breadcrumb li + li', '::before'), 'left');
    await page.goto(server.page('fr/projets/coopjop/'));
    assert.equal(await chevron('.breadcrumb li + li', '::before'), 'right');
    await page.goto(server.page('ar/projects/coopjop/'));
    // Paragraphs start on the right: their text touches the right edge, not the left.
    const text = await page.$eval('.prose p', (p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const line = range.getClientRects()[0];
      const box = p.getBoundingClientRect();
      return { align: getComputedStyle(p).textAlign, gapRight: box.right - line.right, gapLeft: line.left - box.left };
    });
    assert.equal(text.align, 'start');
    assert.ok(text.gapRight < 1, `text starts at the right edge (gap ${text.gapRight})`);
    assert.ok(text.gapLeft > 50, `a short line leaves room on the left (gap ${text.gapLeft})`);
    // The partners map is drawn as it is, left to right, inside the mirrored page.
    assert.equal(await page.$eval('.map__svg', (svg) => getComputedStyle(svg).direction), 'ltr');
  });

  it('puts "previous" on the right of the pagination, its arrow pointing right', async () => {
    await page.goto(server.page('ar/news/page/2/'));
    const [prev] = await boxes(page, '.pagination__prev');
    const [next] = await boxes(page, '.pagination__next');
    const numbers = await boxes(page, '.pagination li:not([class])');
    assert.ok(prev.left >= numbers[0].right - 1, 'previous is to the right of the page numbers');
    assertRightToLeft(numbers, 'page numbers');
    assert.ok(numbers.at(-1).left >= next.right - 1, 'next is to the left of the page numbers');
    // Each arrow points toward its own side, and sits at the outer end of its link.
    const arrow = (which) =>
      page.$eval(`.pagination__${which} .pagination__arrow`, (span) => {
        const a = span.parentElement.getBoundingClientRect();
        const s = span.getBoundingClientRect();
        return { transform: getComputedStyle(span).transform, right: a.right - s.right, left: s.left - a.left };
      });
    const prevArrow = await arrow('prev');
    const nextArrow = await arrow('next');
    assert.equal(pointing(prevArrow.transform), 'right', 'the arrow of "previous" points right');
    assert.equal(pointing(nextArrow.transform), 'left', 'the arrow of "next" points left');
    assert.ok(prevArrow.right < prevArrow.left, 'the arrow of "previous" is at its right end');
    assert.ok(nextArrow.left < nextArrow.right, 'the arrow of "next" is at its left end');
    await page.goto(server.page('fr/actualites/page/2/'));
    assert.equal(pointing((await arrow('prev')).transform), 'left', 'in French, "previous" points left');
    assert.equal(pointing((await arrow('next')).transform), 'right', 'in French, "next" points right');
  });

  it('points the links to more content to the left', async () => {
    await page.goto(server.page('ar/'));
    const after = await page.$eval('.more-link a', (a) => getComputedStyle(a, '::after').content);
    assert.match(after, /←/);
    await page.goto(server.page('fr/'));
    assert.match(await page.$eval('.more-link a', (a) => getComputedStyle(a, '::after').content), /→/);
  });

  it('lays out the search form from the right', async () => {
    await page.goto(server.page('ar/search/'));
    await page.waitForSelector('.search-form:not([hidden])');
    const [form] = await boxes(page, '.search-form');
    const [input] = await boxes(page, '#search-q');
    const [button] = await boxes(page, '.search-form button');
    const label = await page.$eval('.search-form label', (label) => {
      const range = document.createRange();
      range.selectNodeContents(label);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    assert.ok(form.right - label.right < 1, `the label starts on the right (${label.right} of ${form.right})`);
    assert.ok(form.right - input.right < 1, `the field starts on the right (${input.right} of ${form.right})`);
    assert.ok(input.left >= button.right - 1, 'the button follows the field, on its left');
    const align = await page.$eval('#search-q', (input) => getComputedStyle(input).direction);
    assert.equal(align, 'rtl');
  });

  for (const path of AUDITED) {
    it(`axe finds no WCAG 2.1 AA violation on ${path}`, async () => {
      await page.goto(server.page(path), { waitUntil: 'load' });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (values) => {
        const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values } });
        return results.violations.map(({ id, help, nodes }) => `${id}: ${help} (at ${nodes[0]?.target.join(' ')}: ${nodes[0]?.html.slice(0, 200)})`);
      }, AXE_TAGS);
      assert.deepEqual(violations, [], `${path}: axe violations`);
    });
  }
});
