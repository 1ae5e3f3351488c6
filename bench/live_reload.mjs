#!/usr/bin/env node
// Live-reload benchmark of `passerelle serve --watch` in a real browser.
//
//   node bench/live_reload.mjs [--runs 20] [--warmup 1] [--news 1945] [--site DIR] [--no-build]
//
// Builds the release binary and the site generator (unless --no-build),
// generates a synthetic site once (2N + 110 content pages: N=1945 gives
// 4,000) into $BENCH_DIR/passerelle-bench-live-<N> (default /tmp), starts
// `target/release/passerelle serve --watch` on it, and opens one French news
// page in Debian's Chromium (/usr/bin/chromium, through playwright-core; run
// `npm ci` first). Then, RUNS times, it appends a unique word to that news
// file and measures:
//
//   save → visible   from just before the write to the first frame painted
//                    after the reloaded page (with the word) was parsed; the
//                    page stamps that time itself, so how often this script
//                    polls does not matter;
//   server rebuild   the rebuild time the server prints ("... rewritten in N
//                    ms"); it leaves out the watcher's 25 ms quiet window.
//
// Each run's line also shows, to tell where the time goes: save → printed
// (when the server's rebuild line reached this script), save → reload (when
// the browser started reloading the page) and save → parsed (its
// DOMContentLoaded).
//
// and prints each run, then the median and p90 of both. The news file gets
// its original text back at the end.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { Server, launchChromium, poll } from '../tests/browser/support.mjs';

const USAGE = 'usage: node bench/live_reload.mjs [--runs 20] [--warmup 1] [--news 1945] [--site DIR] [--no-build]';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`bench: error: ${message}`);
  process.exit(1);
}

function count(value, name, min) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be a whole number >= ${min}, got '${value}'\n${USAGE}`);
  return n;
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      runs: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '1' },
      news: { type: 'string', default: '1945' },
      site: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = count(args.runs, 'runs', 1);
const warmup = count(args.warmup, 'warmup', 0);
const news = count(args.news, 'news', 1);
const site = resolve(args.site ?? join(process.env.BENCH_DIR ?? '/tmp', `passerelle-bench-live-${news}`));
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const passerelle = join(targetDir, 'release', 'passerelle');
const genSite = join(targetDir, 'release', 'examples', 'gen_site');

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} failed (exit ${result.status})`);
}

if (!args['no-build']) {
  console.log('bench: building passerelle and gen_site (cargo build --release)');
  run('cargo', ['build', '--release']);
  run('cargo', ['build', '--release', '--example', 'gen_site']);
}
for (const bin of [passerelle, genSite]) {
  if (!existsSync(bin)) fail(`${bin} not found: run cargo build --release (and --example gen_site)`);
}
if (!existsSync(join(site, 'site.toml'))) {
  // gen_site writes site.toml last: a folder without it is incomplete.
  run(genSite, ['--news', String(news), '--out', site, '--force']);
} else {
  console.log(`bench: reusing ${site} (delete it to regenerate)`);
}

// The news file to edit, and its page: /fr/actualites/<slug or id>/.
const newsDir = join(site, 'content', 'news');
const frNews = (await readdir(newsDir)).filter((name) => name.endsWith('.fr.md')).sort();
if (frNews.length === 0) fail(`no French news in ${newsDir}`);
const newsName = frNews[Math.floor(frNews.length / 2)];
const newsFile = join(newsDir, newsName);
const original = readFileSync(newsFile, 'utf8');
const frontMatter = original.split(/^---$/m)[1] ?? '';
const slug = frontMatter.match(/^slug:\s*["']?([^"'\s]+)/m)?.[1] ?? newsName.replace(/\.fr\.md$/, '');
const pages = (await readdir(join(site, 'content'), { recursive: true })).filter(
  (p) => p.endsWith('.md') && !p.split('/').pop().startsWith('_index.'),
).length;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const now = () => performance.timeOrigin + performance.now();
const fmt = (ms) => ms.toFixed(1).padStart(7);

let server;
let browser;
let edited = false;
async function cleanUp() {
  await browser?.close().catch(() => {});
  if (edited) await writeFile(newsFile, original);
  await server?.stop();
}
process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

try {
  console.log(`bench: ${pages} content pages in ${site}; starting ${passerelle} serve --watch`);
  const started = now();
  server = await Server.start(passerelle, site, { timeout: 300_000 });
  console.log(`bench: first build and serving after ${((now() - started) / 1000).toFixed(2)} s: ${server.lines[0]}`);

  browser = await launchChromium();
  const context = await browser.newContext();
  // Every document stamps when it was parsed and when the frame after that
  // was painted (a timeout queued from requestAnimationFrame runs once the
  // frame is out), as epoch milliseconds comparable to this script's clock.
  await context.addInitScript(() => {
    const stamp = () => performance.timeOrigin + performance.now();
    window.__bench = { started: performance.timeOrigin, parsed: null, painted: null };
    document.addEventListener('DOMContentLoaded', () => {
      window.__bench.parsed = stamp();
      requestAnimationFrame(() =>
        setTimeout(() => {
          window.__bench.painted = stamp();
        }, 0),
      );
    });
  });
  const page = await context.newPage();
  const url = server.page(`fr/actualites/${slug}/`);
  const response = await page.goto(url);
  if (response.status() !== 200) fail(`${url} answered ${response.status()}`);
  console.log(`bench: page ${url} (file content/news/${newsName})`);

  let navigatedAt = Date.now();
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigatedAt = Date.now();
  });
  const settle = () =>
    poll(async () => Date.now() - navigatedAt > 300 && (await page.evaluate(() => document.readyState === 'complete')), {
      timeout: 10_000,
      message: 'the page to stop reloading',
    });
  await settle();

  const escaped = newsName.replace(/[.]/g, '\\.');
  const rebuildLine = new RegExp(`^changed content/news/${escaped}: (\\d+) of (\\d+) pages rewritten in (\\d+) ms`);
  const results = [];
  console.log(`bench: ${warmup} warm-up run(s), then ${runs} runs`);
  console.log('   run  save→printed  save→reload  save→parsed  save→visible   server rebuild (ms)   pages rewritten');
  for (let i = 1 - warmup; i <= runs; i++) {
    const token = `benchword${i + warmup}x${Math.random().toString(36).slice(2, 10)}`;
    const from = server.lines.length;
    edited = true;
    // The dev server may swap the page's body in place instead of reloading
    // it: an observer stamps when the word appears and the frame after.
    await page.evaluate((word) => {
      const stamp = () => performance.timeOrigin + performance.now();
      window.__swap = { started: null, parsed: null, painted: null };
      const observer = new MutationObserver(() => {
        if (window.__swap.parsed || !document.body?.innerText.includes(word)) return;
        window.__swap.parsed = stamp();
        window.__swap.started = window.__swap.parsed;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__swap.painted = stamp()), 0));
      });
      observer.observe(document.documentElement, { childList: true, subtree: true });
    }, token);
    const saved = now();
    await appendFile(newsFile, `\n\n${token}\n`);
    const stamps = await poll(
      () =>
        page.evaluate((word) => {
          if (!document.body?.innerText.includes(word)) return null;
          if (window.__swap?.painted) return window.__swap;
          return window.__bench.painted && window.__bench.started > performance.timeOrigin - 1 ? window.__bench : null;
        }, token),
      // The page stamps its own times: polling often would only take CPU
      // from the server and the browser.
      { timeout: 10_000, interval: 50, message: () => `"${token}" to show in ${url}\n${server.tail()}` },
    );
    const { match, index } = await server.waitForLine(rebuildLine, { from, timeout: 10_000 });
    const result = {
      printed: server.lineTimes[index] - saved,
      reload: stamps.started - saved,
      parsed: stamps.parsed - saved,
      visible: stamps.painted - saved,
      rebuild: Number(match[3]),
    };
    const label = i < 1 ? 'warm' : String(i);
    console.log(
      `${label.padStart(6)}  ${fmt(result.printed)}      ${fmt(result.reload)}      ${fmt(result.parsed)}      ${fmt(result.visible)}        ${String(result.rebuild).padStart(5)}              ${match[1]} of ${match[2]}`,
    );
    if (i >= 1) results.push(result);
    await settle();
  }

  const visible = results.map((r) => r.visible);
  const rebuild = results.map((r) => r.rebuild);
  console.log();
  console.log(`live reload, ${pages} content pages, ${runs} runs (after ${warmup} warm-up):`);
  console.log(`  save → visible in the browser: median ${median(visible).toFixed(1)} ms, p90 ${percentile(visible, 90).toFixed(1)} ms`);
  console.log(`  server rebuild:                median ${median(rebuild).toFixed(1)} ms, p90 ${percentile(rebuild, 90).toFixed(1)} ms`);
} catch (error) {
  console.error(`bench: error: ${error.message}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
