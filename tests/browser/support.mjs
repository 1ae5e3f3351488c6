// Shared by the browser tests (tests/browser/*.test.mjs) and the live-reload
// benchmark (bench/live_reload.mjs): starts `passerelle serve --watch` and the
// system's Chromium, and waits for things with a bound on every wait.
//
// Chromium is Debian's (/usr/bin/chromium), driven by playwright-core: no
// browser is ever downloaded. The flags keep it from reaching out to the
// network, which this machine does not have.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches the system's Chromium, headless, with a fresh profile. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with \`apt-get install -y chromium\``);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** The passerelle binary to test, from PASSERELLE_BIN. */
export function passerelleBin() {
  const bin = process.env.PASSERELLE_BIN;
  if (!bin) {
    throw new Error(
      'PASSERELLE_BIN is not set: it must name the passerelle binary to test. ' +
        'Run these tests through `cargo test --test browser`, or e.g. ' +
        '`PASSERELLE_BIN=target/debug/passerelle node --test tests/browser/`.',
    );
  }
  if (!existsSync(bin)) {
    throw new Error(`PASSERELLE_BIN is ${bin}, which does not exist: build it first (cargo build)`);
  }
  return bin;
}

/**
 * Calls `probe` until it returns a truthy value, which is returned; errors
 * thrown by `probe` (a page navigating away mid-call) count as "not yet".
 * Fails after `timeout` ms with `message` (a string or a function giving one)
 * and the last value or error seen.
 */
export async function poll(probe, { timeout = 5_000, interval = 25, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await sleep(interval);
  }
  const what = typeof message === 'function' ? message() : message;
  const seen = last?.error ? `last error: ${last.error.message.split('\n')[0]}` : `last value: ${JSON.stringify(last?.value)}`;
  throw new Error(`timed out after ${timeout} ms waiting for ${what} (${seen})`);
}

/** A running `passerelle serve --watch`, with everything it printed. */
export class Server {
  /**
   * Starts `bin serve --watch --port 0 --root root` (or another `command`,
   * such as `edit --no-open`) in the locale `lang`
   * and waits (at most `timeout` ms) for its `serving URL` line (`site
   * servi sur URL` in French).
   */
  static async start(bin, root, { timeout = 30_000, extraArgs = [], lang = 'C', command = ['serve', '--watch'] } = {}) {
    const env = { ...process.env, LANG: lang, NO_COLOR: '1' };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    const child = spawn(bin, [...command, '--port', '0', '--root', root, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    const server = new Server(child);
    // Never leave a server behind, even when the test process ends abruptly.
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    child.once('exit', () => process.removeListener('exit', kill));
    try {
      const serving = /^(?:serving|site servi sur) (http:\/\/\S+)/;
      const { line } = await server.waitForLine(serving, { timeout });
      server.url = line.match(serving)[1];
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  constructor(child) {
    this.child = child;
    /** Lines printed on stdout, in order, and when each came (epoch ms, sub-ms precision). */
    this.lines = [];
    this.lineTimes = [];
    this.stderr = [];
    this.exited = null;
    this.waiters = new Set();
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.lineTimes.push(performance.timeOrigin + performance.now());
      this.notify();
    });
    createInterface({ input: child.stderr }).on('line', (line) => {
      this.stderr.push(line);
      this.notify();
    });
    child.once('exit', (code, signal) => {
      this.exited = { code, signal };
      this.notify();
    });
    child.once('error', (error) => {
      this.exited = { error };
      this.notify();
    });
  }

  notify() {
    for (const waiter of this.waiters) waiter();
  }

  /** The absolute URL of `path` under the site's root (`path` without a leading '/'). */
  page(path = '') {
    return new URL(path, this.url).href;
  }

  /** The last lines printed (stdout and stderr), for failure messages. */
  tail(n = 20) {
    const out = this.lines.slice(-n).map((l) => `  | ${l}`);
    const err = this.stderr.slice(-n).map((l) => `  ! ${l}`);
    return ['server output (last lines):', ...out, ...err].join('\n');
  }

  /**
   * Waits for a stdout line matching `pattern` at index `from` or later;
   * returns `{ line, index, match }`. Fails if the server exits first or
   * after `timeout` ms.
   */
  waitForLine(pattern, { from = 0, timeout = 5_000 } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let index = from; index < this.lines.length; index++) {
          const match = this.lines[index].match(pattern);
          if (match) return done(null, { line: this.lines[index], index, match });
        }
        if (this.exited) {
          const how = this.exited.error?.message ?? `code ${this.exited.code}, signal ${this.exited.signal}`;
          return done(new Error(`passerelle serve stopped (${how}) before printing ${pattern}\n${this.tail()}`));
        }
      };
      const timer = setTimeout(() => {
        done(new Error(`passerelle serve printed no line matching ${pattern} within ${timeout} ms\n${this.tail()}`));
      }, timeout);
      const done = (error, value) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (error) reject(error);
        else resolve(value);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Stops the server: SIGTERM, then SIGKILL if it is still there after 2 s. */
  async stop() {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2_000);
    await gone;
    clearTimeout(timer);
  }
}
