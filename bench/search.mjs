#!/usr/bin/env node
// Search benchmark on a large synthetic site, in a real browser.
//
//   node bench/search.mjs [--news 50000] [--site DIR] [--lang fr] [--runs 5] [--no-build] [QUERY ...]
//
// Builds the release binary and the site generator (unless --no-build),
// generates a site once (2N + 110 content pages: N=50000 gives 100,110) into
// $BENCH_DIR/passerelle-bench-search-<N> (default /tmp) or uses --site DIR,
// builds it once into <site>-out, serves that folder from this script (a
// plain static server on 127.0.0.1) and opens the search page of --lang in
// Debian's Chromium (/usr/bin/chromium, through playwright-core: run `npm ci
// --ignore-scripts` first). Then, for each query (default: a very frequent
// word, a frequent one, a rarer one, a form the site never writes, and a
// word typed letter by letter), it measures:
//
//   time to results   from the input event to the first result in the
//                     list, measured in the page (the script's 60 ms
//                     typing pause included; the median of RUNS);
//   files, bytes      the files of the index the query fetched, their size
//                     and their size gzipped (level 6, what web servers
//                     send), the shards and pages a query needs only;
//
// each RUNS times in a fresh browser context (no cache), printing the
// median time with the fastest and slowest, then the same once for a fresh
// page opened at ?q=QUERY (time from navigation to the first result, the
// meta file included), and the size of the whole index against the size
// of one query. Nothing is asserted: it prints.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

import { launchChromium } from '../tests/browser/support.mjs';

const USAGE = 'usage: node bench/search.mjs [--news 50000] [--site DIR] [--lang fr] [--runs 5] [--no-build] [QUERY ...]';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUERIES = {
  fr: ['coopération', 'jeunesse', 'partenaires', 'marines', 'coopérations', { typed: 'formation' }],
  en: ['cooperation', 'youth', 'partners', 'cooperations', { typed: 'training' }],
};

function fail(message) {
  console.error(`bench: error: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      news: { type: 'string', default: '50000' },
      site: { type: 'string' },
      lang: { type: 'string', default: 'fr' },
      runs: { type: 'string', default: '5' },
      'no-build': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
const { values: args, positionals } = parsed;
const news = Number(args.news);
if (!Number.isInteger(news) || news < 1) fail(`--news must be a whole number >= 1\n${USAGE}`);
const lang = args.lang;
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a whole number >= 1\n${USAGE}`);
const queries = positionals.length ? positionals : QUERIES[lang] ?? fail(`no default queries for --lang ${lang}`);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} failed`);
}

const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const passerelle = join(target, 'release', 'passerelle');
if (!args['no-build']) {
  run('cargo', ['build', '--release']);
  run('cargo', ['build', '--release', '--example', 'gen_site']);
}
const site = resolve(args.site ?? join(process.env.BENCH_DIR ?? '/tmp', `passerelle-bench-search-${news}`));
if (!existsSync(join(site, 'site.toml'))) {
  console.log(`bench: generating ${site} (${news} news per language)`);
  run(join(target, 'release', 'examples', 'gen_site'), ['--news', String(news), '--out', site, '--force']);
}
const out = `${site}-out`;
if (!existsSync(join(out, 'index.html')) || !args['no-build']) {
  console.log(`bench: building ${out}`);
  run(passerelle, ['build', '--root', site, '--output', out]);
}

// The site's base path, from its base_url (e.g. /bench/).
const base = new URL(readFileSync(join(site, 'site.toml'), 'utf8').match(/base_url\s*=\s*"([^"]+)"/)[1]).pathname;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  let file = path.startsWith(base) ? join(out, path.slice(base.length)) : '';
  if (file && !file.startsWith(out + sep) && file !== out) file = '';
  if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const origin = `http://127.0.0.1:${server.address().port}`;

// The search page's URL: the header's search link of the language's home.
const home = readFileSync(join(out, lang, 'index.html'), 'utf8');
const searchPath = home.match(/class="site-search"><a href="([^"]+)"/)?.[1] ?? fail('no search link on the home page');
const indexFolder = `${base}${lang}/search-index/`;

function folderSize(folder) {
  let files = 0;
  let bytes = 0;
  let gzipped = 0;
  for (const name of readdirSync(folder, { recursive: true })) {
    const path = join(folder, name);
    if (statSync(path).isFile()) {
      const data = readFileSync(path);
      files++;
      bytes += data.length;
      gzipped += gzipSync(data).length;
    }
  }
  return { files, bytes, gzipped };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const browser = await launchChromium();

/** Index files fetched by `page` while `action` runs, with their sizes. */
async function fetched(page, action) {
  const responses = [];
  const listener = (response) => responses.push(response);
  page.on('response', listener);
  const value = await action();
  await page.waitForTimeout(300); // late requests
  page.off('response', listener);
  const files = [];
  for (const response of responses) {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith(indexFolder)) continue;
    const body = await response.body();
    files.push({ path: path.slice(indexFolder.length), bytes: body.length, gzipped: gzipSync(body).length });
  }
  return { value, files };
}

/** Types `query` (all at once, or letter by letter) and resolves with the ms until a result shows. */
function typeAndTime(page, query, letters) {
  return page.evaluate(
    ({ query, letters }) =>
      new Promise((done) => {
        const input = document.querySelector('form[data-index] input[name="q"]');
        const list = document.querySelector('[data-search-results]');
        const status = document.querySelector('[data-search-status]');
        let started = 0;
        const finish = () => {
          if (i < steps.length) return; // the results of an earlier letter
          if (list.children.length > 0 || /^(0|Aucun|No )/.test(status.textContent)) {
            observer.disconnect();
            done({ ms: performance.now() - started, results: `${list.children.length} shown` });
          }
        };
        const observer = new MutationObserver(finish);
        observer.observe(list, { childList: true });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        const steps = letters ? [...query].map((_, n) => query.slice(0, n + 1)) : [query];
        let i = 0;
        const next = () => {
          input.value = steps[i++];
          started = performance.now();
          input.dispatchEvent(new Event('input', { bubbles: true }));
          if (i < steps.length) setTimeout(next, 120); // a steady typist
        };
        next();
      }),
    { query, letters },
  );
}

function report(label, { value, files }) {
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  const gzipped = files.reduce((sum, f) => sum + f.gzipped, 0);
  console.log(
    `${label.padEnd(34)} ${value.ms.toFixed(0).padStart(5)} ms  ${String(files.length).padStart(3)} files  ` +
      `${kb(bytes).padStart(10)}  ${kb(gzipped).padStart(9)} gzip  (${value.results})`,
  );
  console.log(`${''.padEnd(34)} ${files.map((f) => `${f.path} ${kb(f.gzipped)}`).join(', ')}`);
  return gzipped;
}

const total = folderSize(join(out, lang, 'search-index'));
console.log(
  `bench: ${lang} index: ${total.files} files, ${kb(total.bytes)} (${kb(total.gzipped)} gzipped); ` +
    `page ${origin}${searchPath}`,
);
for (const query of queries) {
  const { typed } = typeof query === 'object' ? query : {};
  const text = typed ?? query;
  // Warm page: the meta file is loaded with the page, before typing.
  const times = [];
  let last;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}${searchPath}`);
    await page.waitForFunction(() => !document.querySelector('form[data-index]').hidden);
    await page.waitForLoadState('networkidle');
    last = await fetched(page, () => typeAndTime(page, text, Boolean(typed)));
    times.push(last.value.ms);
    await context.close();
  }
  times.sort((a, b) => a - b);
  last.value.ms = times[Math.floor(times.length / 2)];
  last.value.results += `; ${runs} runs, ${times[0].toFixed(0)}-${times[times.length - 1].toFixed(0)} ms`;
  report(`typed${typed ? ' letter by letter' : ''}: ${text}`, last);
  if (typed) continue;
  // Cold page opened at ?q=: navigation to the first result.
  const cold = await browser.newContext();
  const fresh = await cold.newPage();
  const measured = await fetched(fresh, async () => {
    await fresh.goto(`${origin}${searchPath}?q=${encodeURIComponent(text)}`);
    await fresh.waitForSelector('[data-search-results] li', { timeout: 30_000 });
    return fresh.evaluate(() => ({
      ms: performance.now(),
      results: document.querySelector('[data-search-status]').textContent,
    }));
  });
  report(`opened at ?q=${text}`, measured);
  await cold.close();
}
await browser.close();
server.close();
