import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../../packages/server/src/auth/totp.ts';
import type { Server } from '../../packages/server/src/runtime.ts';
import { launchChromium, screenshotDir, startHaven, text } from './support.ts';

let browser: Browser;
let server: Server;
let base: string;
let credentials: (role: string) => { email: string; password: string };

before(async () => {
  ({ server, base, credentials } = await startHaven());
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, role: string): Promise<void> {
  const { email, password } = credentials(role);
  await page.goto(base);
  await page.getByRole('textbox', { name: text('en', 'auth.email') }).fill(email);
  await page.getByRole('textbox', { name: text('en', 'auth.password') }).fill(password);
  await page.getByRole('button', { name: text('en', 'auth.signIn'), exact: true }).click();
}

test('an administrator signs in, enrols two-factor, switches to Arabic (right-to-left) and signs out', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'administrator');

  // The administrator role requires two-factor authentication: enrolment comes first.
  await page.getByRole('heading', { name: text('en', 'mfa.enrolTitle') }).waitFor();
  const key = ((await page.getByText(/^([A-Z2-7]{4} ){3,}[A-Z2-7]{2,4}$/).textContent()) ?? '').replaceAll(/\s/g, '');
  assert.match(key, /^[A-Z2-7]{16,}$/);
  await page.getByRole('textbox', { name: text('en', 'mfa.code') }).fill(await totpCode(key, new Date()));
  await page.getByRole('button', { name: text('en', 'mfa.confirm') }).click();
  await page.getByRole('list', { name: text('en', 'mfa.recoveryCodesTitle') }).waitFor();
  const codes = await page
    .getByRole('list', { name: text('en', 'mfa.recoveryCodesTitle') })
    .getByRole('listitem')
    .allInnerTexts();
  assert.equal(codes.length, 10);
  assert.ok(
    codes.every((c) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(c.trim())),
    codes.join(),
  );
  await page.getByRole('checkbox', { name: text('en', 'mfa.savedCodes') }).check();
  await page.getByRole('button', { name: text('en', 'common.continue') }).click();

  // Signed in: the shell with the administration navigation of this role.
  await page.getByRole('heading', { level: 1 }).waitFor();
  const nav = page.getByRole('navigation', { name: text('en', 'nav.label') });
  for (const key of ['nav.users', 'nav.roles', 'nav.agencies', 'nav.audit'])
    await nav.getByRole('link', { name: text('en', key) }).waitFor();
  assert.equal(await nav.getByRole('link', { name: text('en', 'nav.children') }).count(), 0, 'an administrator has no child records');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');

  // Administrators manage users in the web UI: create a caseworker, who can then sign in.
  await nav.getByRole('link', { name: text('en', 'nav.users') }).click();
  await page.getByRole('button', { name: text('en', 'users.new') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: text('en', 'auth.email') }).fill('new.caseworker@test.example');
  await dialog.getByRole('textbox', { name: text('en', 'users.displayName') }).fill('Nadia Haddad');
  await dialog.getByRole('textbox', { name: text('en', 'users.initialPassword') }).fill('a long initial passphrase');
  await dialog.getByRole('combobox', { name: text('en', 'common.agency') }).click();
  await page.getByRole('option', { name: 'Child Protection Directorate' }).click();
  await dialog.getByRole('combobox', { name: text('en', 'users.role') }).click();
  await page.getByRole('option', { name: 'Caseworker', exact: true }).click();
  await dialog.getByRole('button', { name: text('en', 'common.save') }).click();
  await page.getByRole('cell', { name: 'new.caseworker@test.example' }).or(page.getByText('new.caseworker@test.example')).first().waitFor();
  const login = await page.evaluate(
    async () =>
      (
        await fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'new.caseworker@test.example', password: 'a long initial passphrase' }),
          credentials: 'omit',
        })
      ).status,
  );
  assert.equal(login, 200, 'the user created in the UI can sign in');
  await nav.getByRole('link', { name: text('en', 'nav.home') }).click();

  await page.getByRole('button', { name: text('en', 'language.choose', { language: 'English' }) }).click();
  await page.getByRole('menuitem', { name: 'العربية' }).click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
  const arabicNav = page.getByRole('navigation', { name: text('ar', 'nav.label') });
  await arabicNav.getByRole('link', { name: text('ar', 'nav.users') }).waitFor();
  // Right-to-left for real: the navigation sits on the right of the main content.
  const navBox = await arabicNav.boundingBox();
  const mainBox = await page.getByRole('main').boundingBox();
  assert.ok(navBox && mainBox && navBox.x > mainBox.x, 'the navigation is mirrored to the right');
  await page.screenshot({ path: join(screenshotDir, 'admin-arabic.png'), fullPage: true });

  await page.getByRole('button', { name: text('ar', 'userMenu.open', { name: 'Demo System administrator' }) }).click();
  await page.getByRole('menuitem', { name: text('ar', 'auth.signOut') }).click();
  await page.getByRole('button', { name: text('ar', 'auth.signIn'), exact: true }).waitFor();
  const session = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
  assert.equal(session, 401, 'the session is gone on the server');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a border official registers a child on a phone and gets only a reference; the firewall keeps the record from them', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, 'border_official');
  await page.getByRole('button', { name: text('en', 'nav.open') }).click();
  await page
    .getByRole('navigation', { name: text('en', 'nav.label') })
    .getByRole('link', { name: text('en', 'nav.firstContact') })
    .click();
  await page.getByRole('textbox', { name: text('en', 'code.namePartType.given') }).fill('Yonas');
  await page.getByText(text('en', 'enums.sex.male'), { exact: true }).click();
  await page.getByRole('combobox', { name: text('en', 'firstContact.setting') }).click();
  await page.getByRole('option', { name: text('en', 'code.encounterSetting.border_post'), exact: true }).click();
  await page.getByRole('button', { name: text('en', 'firstContact.submit') }).click();
  const receipt = page.getByRole('status').filter({ hasText: text('en', 'firstContact.doneTitle') });
  await receipt.waitFor();
  const reference = ((await receipt.textContent()) ?? '').match(/[A-Z]{2}-[2-9A-Z]{4}-[2-9A-Z]{4}/)?.[0];
  assert.ok(reference, 'a reference is shown');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no horizontal scrolling on a phone (${width}px)`);
  await page.screenshot({ path: join(screenshotDir, 'border-receipt-phone.png'), fullPage: true });
  const list = await page.evaluate(async () => (await fetch('/api/v1/children')).status);
  assert.equal(list, 403);
  await context.close();
});
