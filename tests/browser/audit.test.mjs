// Accessibility and HTML validity of the demo portal, as the project's
// standards ask: WCAG 2.1 AA checked by axe-core in Chromium, and HTML
// checked by the Nu HTML Checker (vnu-jar, run on the system's Java). The
// demo at the repository root is built once with `passerelle build`, served
// from its output folder by a small static server, and every page of PAGES
// is audited in both ways.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN); needs
// `npm ci --ignore-scripts` (axe-core, vnu-jar, playwright-core),
// /usr/bin/chromium and `java`.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { launchChromium, passerelleBin } from './support.mjs';

/**
 * The audited pages, as paths under the site's base_url (`/coopjop/`), each
 * written as the build writes it: a folder path stands for its index.html.
 * Add a page here to audit it; a page the build did not write fails the test.
 */
const PAGES = [
  // home page
  'fr/',
  'en/',
  // projects list and each project
  'fr/projets/',
  'en/projects/',
  'fr/projets/coopjop/',
  'en/projects/coopjop/',
  'fr/projets/coopr/',
  'en/projects/coopr/',
  // partners list and one partner
  'fr/partenaires/',
  'en/partners/',
  'fr/partenaires/region-sud/',
  'en/partners/region-sud/',
  // agenda
  'fr/agenda/',
  'en/agenda/',
  // news list and one news item
  'fr/actualites/',
  'en/news/',
  'fr/actualites/lancement-coopjop/',
  'en/news/coopjop-launch/',
  // survey pages (content/pages/question-flash.*.md, twinning-study.*.md)
  'fr/question-flash-paris-2024/',
  'en/question-flash-paris-2024/',
  'fr/etude-jumelages/',
  'en/twinning-study/',
  // search page
  'fr/recherche/',
  'en/search/',
];

/** WCAG 2.1 levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
/** Far above what vnu takes on these pages (a few seconds): only a hang gets there. */
const VNU_LIMIT = 90_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

const run = promisify(execFile);

/** Builds the demo into a new temporary folder, which is returned. */
async function buildDemo() {
  const output = await mkdtemp(join(tmpdir(), 'passerelle-audit-'));
  const env = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  try {
    await run(passerelleBin(), ['build', '--root', ROOT, '--output', output], { env, timeout: 60_000 });
  } catch (error) {
    await rm(output, { recursive: true, force: true });
    throw new Error(`passerelle build of the demo failed:\n${error.stdout}${error.stderr}`);
  }
  return output;
}

/** The built file of `path` (a page path of PAGES): `dir/` is `dir/index.html`. */
function builtFile(output, path) {
  return join(output, path.endsWith('/') || path === '' ? `${path}index.html` : path);
}

/** Says that `path` was not built, and which pages were built next to it. */
async function missingPage(output, path) {
  const parent = path.replace(/[^/]*\/?$/, '');
  const entries = await readdir(join(output, parent), { withFileTypes: true }).catch(() => []);
  const pages = entries
    .filter((entry) => entry.isDirectory() && existsSync(join(output, parent, entry.name, 'index.html')))
    .map((entry) => `${parent}${entry.name}/`)
    .sort();
  const near = pages.length > 0 ? `; pages built in ${parent || 'the root'}: ${pages.join(' ')}` : '';
  return `  ${path} (no ${relative(output, builtFile(output, path))}${near})`;
}

/**
 * The site's URL prefix (`/coopjop/`), read from the canonical link the build
 * wrote into the first audited page rather than guessed.
 */
async function basePath(output) {
  const html = await readFile(builtFile(output, PAGES[0]), 'utf8');
  const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  assert.ok(canonical, `${PAGES[0]}: no canonical link`);
  const path = new URL(canonical).pathname;
  assert.ok(path.endsWith(`/${PAGES[0]}`), `${PAGES[0]}: canonical link ${canonical} names another page`);
  return path.slice(0, path.length - PAGES[0].length);
}

/**
 * Serves the folder `output` at http://127.0.0.1:PORT`prefix` (any port):
 * `dir/` is `dir/index.html`; anything else, or anything outside the folder,
 * is a 404. Resolves to the server once it listens.
 */
async function serveFolder(output, prefix) {
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      const file = builtFile(output, path.slice(prefix.length));
      if (!path.startsWith(prefix) || relative(output, file).split(sep).includes('..')) throw new Error('not served');
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return server;
}

/** One axe violation, and its first few nodes, as a developer needs it. */
function describeViolation(violation) {
  const lines = [`  ${violation.id} (${violation.impact}): ${violation.help}`, `    ${violation.helpUrl}`];
  for (const node of violation.nodes.slice(0, 3)) {
    lines.push(`    at ${node.target.join(' ')}`, `       ${node.html.slice(0, 300)}`);
    if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((line) => `       ${line}`));
  }
  if (violation.nodes.length > 3) lines.push(`    … and ${violation.nodes.length - 3} more elements`);
  return lines.join('\n');
}

describe('accessibility and HTML validity of the demo portal', { timeout: 360_000 }, () => {
  let output;
  let server;
  let origin;
  let prefix;
  let browser;
  let page;

  before(async () => {
    output = await buildDemo();
    const missing = PAGES.filter((path) => !existsSync(builtFile(output, path)));
    if (missing.length > 0) {
      const hints = await Promise.all(missing.map((path) => missingPage(output, path)));
      assert.fail(`PAGES lists pages the build did not write:\n${hints.join('\n')}`);
    }
    prefix = await basePath(output);
    server = await serveFolder(output, prefix);
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (output) await rm(output, { recursive: true, force: true });
  });

  for (const path of PAGES) {
    it(`axe finds no WCAG 2.1 AA violation on ${path}`, async () => {
      const failed = [];
      const onResponse = (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      };
      page.on('response', onResponse);
      try {
        await page.goto(`${origin}${prefix}${path}`, { waitUntil: 'load' });
      } finally {
        page.off('response', onResponse);
      }
      // An audit of a page without its style sheet or script would be wrong.
      assert.deepEqual(failed, [], `${path}: resources that did not load`);
      await page.addScriptTag({ path: AXE });
      const { passes, violations } = await page.evaluate(async (values) => {
        const results = await globalThis.axe.run(document, { runOnly: { type: 'tag', values } });
        return {
          passes: results.passes.length,
          violations: results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
            id,
            impact,
            help,
            helpUrl,
            nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
          })),
        };
      }, AXE_TAGS);
      assert.ok(passes + violations.length > 0, `${path}: axe applied no rule at all`);
      if (violations.length > 0) {
        assert.fail(`${path}: ${violations.length} axe violation(s)\n${violations.map(describeViolation).join('\n')}`);
      }
    });
  }

  it('the Nu HTML Checker finds no error in any audited page', async () => {
    const files = PAGES.map((path) => builtFile(output, path));
    let stdout;
    try {
      ({ stdout } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...files], {
        timeout: VNU_LIMIT,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
      }));
    } catch (error) {
      // vnu exits with 1 when it reports an error; its report is still on stdout.
      if (error.killed) throw new Error(`vnu did not finish within ${VNU_LIMIT / 1000} s: stopped`);
      if (!error.stdout) throw new Error(`vnu failed (${error.message}):\n${error.stderr}`);
      stdout = error.stdout;
    }
    const { messages } = JSON.parse(stdout);
    const errors = messages.filter((message) => message.type !== 'info');
    const where = (message) => {
      const file = message.url ? relative(output, fileURLToPath(message.url)) : '?';
      return `${file}:${message.firstLine ?? message.lastLine ?? '?'}:${message.firstColumn ?? message.lastColumn ?? '?'}`;
    };
    if (errors.length > 0) {
      const lines = errors.map((message) => {
        const extract = message.extract ? `\n    ${message.extract.replace(/\n/g, '↵')}` : '';
        return `  ${where(message)}: ${message.message}${extract}`;
      });
      assert.fail(`the Nu HTML Checker found ${errors.length} error(s) in the built site:\n${lines.join('\n')}`);
    }
  });
});
