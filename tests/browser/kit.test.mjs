// The partner kit of a demo project page in a real browser: the copy
// button is reached and pressed with the keyboard, the clipboard then holds
// exactly the code shown, and the status region says so; without
// JavaScript there is no dead button and the code is still there to select.
//
// Run through `cargo test --test browser` (which sets PASSERELLE_BIN).

import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { Server, launchChromium, passerelleBin, poll } from './support.mjs';

const DEMO = fileURLToPath(new URL('../..', import.meta.url));

describe('the partner kit of a project page', { timeout: 60_000 }, () => {
  let server;
  let browser;

  before(async () => {
    server = await Server.start(passerelleBin(), DEMO);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('copies the code with the keyboard and says so', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.page('')).origin });
    const page = await context.newPage();
    await page.goto(server.page('fr/projets/coopjop/'));
    const field = page.getByLabel('Code HTML à coller sur votre site');
    const code = await field.inputValue();
    assert.match(code, /^<div class="cooperation-project" lang="fr">/);
    assert.match(code, /<a href="http:\/\/127\.0\.0\.1:\d+\/coopjop\/fr\/projets\/coopjop\/">|<a href="https:\/\/[^"]+\/fr\/projets\/coopjop\/">/);

    // From the text field, one Tab reaches the button; Enter presses it.
    await field.focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, 'Copier le code');
    await page.keyboard.press('Enter');
    await poll(async () => (await page.locator('[data-copy-status="kit-coopjop"]').textContent()) === 'Code copié.', {
      message: 'the status region announcing the copy',
    });
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, code, 'the clipboard holds exactly the code shown');
    await context.close();
  });

  it('leaves the code selectable and no dead button without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.page('en/projects/coopjop/'));
    assert.equal(await page.locator('button[data-copy]').isVisible(), false);
    const field = page.getByLabel('HTML code to paste on your website');
    assert.equal(await field.isVisible(), true);
    assert.equal(await field.isEditable(), false, 'read-only');
    await field.focus();
    await page.keyboard.press('Control+A');
    const selected = await field.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.match(selected, /^<div class="cooperation-project" lang="en">[\s\S]*<\/div>$/);
    await context.close();
  });
});
