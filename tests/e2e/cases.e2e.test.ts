import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { totpCode } from '../../packages/server/src/auth/totp.ts';
import type { Server } from '../../packages/server/src/runtime.ts';
import { launchChromium, screenshotDir, startHaven, text } from './support.ts';

let browser: Browser;
let server: Server;
let base: string;
let credentials: (role: string) => { email: string; password: string };
const contexts: BrowserContext[] = [];

before(async () => {
  ({ server, base, credentials } = await startHaven());
  browser = await launchChromium();
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

const en = (key: string, values: Record<string, string> = {}) => text('en', key, values);
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 860 } };

/** Second-factor secrets of the roles enrolled so far, to answer later sign-ins. */
const secrets = new Map<string, string>();
/** The last 30-second TOTP step each role used: the server refuses a code from a step already used (replay). */
const usedSteps = new Map<string, number>();

/** A fresh TOTP code for a role, waiting for the next time step if this one was used already. */
async function freshCode(role: string, key: string): Promise<string> {
  const used = usedSteps.get(role) ?? -1;
  const wait = (used + 1) * 30_000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 250));
  usedSteps.set(role, Math.floor(Date.now() / 30_000));
  return totpCode(key, new Date());
}

/** A signed-in page for a demo role, in its own browser context; MFA roles enrol (or verify) on the way. */
async function signedIn(role: string, options: typeof phone | typeof desktop = desktop): Promise<Page> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`${role}: ${error.message}`));
  const { email, password } = credentials(role);
  await page.goto(base);
  await page.getByRole('textbox', { name: en('auth.email') }).fill(email);
  await page.getByRole('textbox', { name: en('auth.password') }).fill(password);
  await page.getByRole('button', { name: en('auth.signIn'), exact: true }).click();
  const enrol = page.getByRole('heading', { name: en('mfa.enrolTitle') });
  const verify = page.getByRole('heading', { name: en('mfa.verifyTitle') });
  const home = page.getByRole('heading', { level: 1, name: /^Welcome/ });
  await enrol.or(verify).or(home).first().waitFor();
  if (await enrol.isVisible()) {
    const key = ((await page.getByText(/^([A-Z2-7]{4} ){3,}[A-Z2-7]{2,4}$/).textContent()) ?? '').replaceAll(/\s/g, '');
    secrets.set(role, key);
    await page.getByRole('textbox', { name: en('mfa.code') }).fill(await freshCode(role, key));
    await page.getByRole('button', { name: en('mfa.confirm') }).click();
    await page.getByRole('checkbox', { name: en('mfa.savedCodes') }).check();
    await page.getByRole('button', { name: en('common.continue') }).click();
  } else if (await verify.isVisible()) {
    const key = secrets.get(role);
    assert.ok(key, `${role} enrolled earlier`);
    await page.getByRole('textbox', { name: en('mfa.code') }).fill(await freshCode(role, key));
    await page.getByRole('button', { name: en('mfa.verify') }).click();
  }
  await home.waitFor();
  return page;
}

/** Picks an option of a Mantine select (a combobox) by their visible names. */
async function choose(scope: Page | Locator, page: Page, label: string | RegExp, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens an action from the case page's panel; returns its dialog. */
async function openAction(page: Page, type: string): Promise<Locator> {
  await page.getByRole('button', { name: en(`actionButton.${type}`), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: en(`actionButton.${type}`) });
  await dialog.waitFor();
  return dialog;
}

/** Submits an action form and waits for the dialog to close (the case page then shows the new state). */
async function record(dialog: Locator, label = en('actions.record')): Promise<void> {
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function noSidewaysScroll(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()?.width ?? 0;
  assert.ok(width <= viewport, `${what}: no horizontal scrolling (${width}px in ${viewport}px)`);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

/** A `datetime-local` value for a moment some hours ago, in the browser's time zone. */
function hoursAgo(page: Page, hours: number): Promise<string> {
  return page.evaluate((h) => {
    const date = new Date(Date.now() - h * 3_600_000);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, hours);
}

test('first contact at the border to closure: referral, assignment, screening, assessment, consent, plan, follow-up and approved closure', async () => {
  // A border official meets a child and registers the first contact on a phone.
  const border = await signedIn('border_official', phone);
  await border.getByRole('link', { name: en('home.firstContactAction') }).click();
  await border.getByRole('heading', { level: 1, name: en('firstContact.title') }).waitFor();
  await border.getByRole('textbox', { name: en('code.namePartType.given') }).fill('Yonas');
  await border.getByText(en('enums.sex.male'), { exact: true }).click();
  await border.getByRole('textbox', { name: en('firstContact.approximateAge') }).fill('15');
  await border.getByRole('combobox', { name: en('children.nationality') }).fill('Eritr');
  await border.getByRole('option', { name: 'Eritrea', exact: true }).click();
  await border.getByText(en('code.typology.unaccompanied'), { exact: true }).click();
  await choose(border, border, en('firstContact.setting'), en('code.encounterSetting.border_post'));
  await border.getByRole('switch', { name: en('firstContact.urgent') }).check();
  await border.getByRole('checkbox', { name: en('code.screeningIndicator.trafficking_debt_bondage') }).check();
  await border.getByRole('textbox', { name: en('firstContact.note') }).fill('Found alone near the river crossing.');
  await noSidewaysScroll(border, 'first-contact form');
  await shot(border, 'first-contact-form-phone');
  await border.getByRole('button', { name: en('firstContact.submit') }).click();
  const result = border.getByRole('status').filter({ hasText: en('firstContact.doneTitle') });
  await result.waitFor();
  const reference = ((await result.textContent()) ?? '').match(/[A-Z]{2}-[2-9A-Z]{4}-[2-9A-Z]{4}/)?.[0];
  assert.ok(reference, 'the reference is shown');
  await result.getByText('Child Protection Directorate').waitFor();
  await noSidewaysScroll(border, 'first-contact result');
  await shot(border, 'first-contact-result-phone');
  assert.equal(
    await border.evaluate(async () => (await fetch('/api/v1/children')).status),
    403,
    'the border official never sees child records',
  );

  // The supervisor sees the new referral and assigns it to the caseworker.
  const supervisor = await signedIn('supervisor');
  const referrals = supervisor.getByRole('list', { name: en('home.referrals') });
  await referrals.getByRole('listitem').filter({ hasText: reference }).getByRole('link').click();
  await supervisor.getByRole('heading', { level: 1, name: 'Yonas' }).waitFor();
  let dialog = await openAction(supervisor, 'assigned');
  await choose(dialog, supervisor, en('assign.to'), 'Demo Caseworker');
  await record(dialog, en('assign.submit'));
  await supervisor.getByText(`${en('cases.caseworker')}: Demo Caseworker`).waitFor();

  // The caseworker finds it in their caseload, opens it, screens and assesses.
  const worker = await signedIn('caseworker');
  await worker
    .getByRole('region', { name: en('home.myCaseload') })
    .getByRole('link', { name: /Yonas/ })
    .first()
    .click();
  await worker.getByRole('heading', { level: 1, name: 'Yonas' }).waitFor();
  await record(await openAction(worker, 'opened'), en('code.eventType.opened'));
  dialog = await openAction(worker, 'screened');
  assert.ok(
    await dialog.getByRole('checkbox', { name: en('code.screeningIndicator.trafficking_debt_bondage') }).isChecked(),
    'what the border official noticed is offered',
  );
  await dialog.getByText(en('code.riskLevel.high'), { exact: true }).click();
  await record(dialog);
  dialog = await openAction(worker, 'assessment_recorded');
  await choose(dialog, worker, en('code.needsDomain.safety_protection'), en('code.needLevel.high'));
  await dialog.getByRole('textbox', { name: en('assessment.findings') }).fill('Travelled alone from Eritrea; owes money to the smuggler.');
  await dialog.getByRole('textbox', { name: en('views.words') }).fill('I want to be safe and go to school.');
  await record(dialog);
  dialog = await openAction(worker, 'approval_requested');
  await record(dialog, en('approvals.send'));

  // The supervisor approves the assessment from the approval queue.
  await supervisor.goto(`${base}/approvals`);
  const request = supervisor.getByRole('listitem').filter({ hasText: reference });
  await request.getByRole('button', { name: en('approvals.approve') }).click();
  await request.waitFor({ state: 'detached' });

  // The caseworker records the child's consent to services, then the case plan.
  await worker.reload();
  await worker.getByRole('tab', { name: new RegExp(en('caseTabs.consents')) }).click();
  await worker.getByRole('button', { name: en('consents.record') }).click();
  dialog = worker.getByRole('dialog', { name: en('consents.record') });
  await record(dialog);
  await worker
    .getByRole('list', { name: en('consents.byScope') })
    .getByRole('listitem')
    .filter({ hasText: en('code.consentScope.services') })
    .getByText(en('consents.valid'))
    .waitFor();
  await worker.getByRole('tab', { name: new RegExp(en('caseTabs.overview')) }).click();
  dialog = await openAction(worker, 'case_plan_recorded');
  await dialog
    .getByRole('textbox', { name: en('plan.goal', { number: '1' }) })
    .fill('Safe shelter and protection from the smuggling network');
  await dialog.getByRole('textbox', { name: en('plan.provider') }).fill('Shelter for minors, Athens');
  await dialog.getByRole('textbox', { name: en('views.words') }).fill('I want to stay with other boys who speak Tigrinya.');
  await record(dialog, en('plan.save'));
  await record(await openAction(worker, 'approval_requested'), en('approvals.send'));

  await supervisor.reload();
  const planRequest = supervisor.getByRole('listitem').filter({ hasText: reference });
  await planRequest.getByText(en('code.approvalSubject.case_plan')).waitFor();
  await planRequest.getByRole('button', { name: en('approvals.approve') }).click();
  await planRequest.waitFor({ state: 'detached' });

  // A follow-up, then closure: the open plan action needs a reason.
  await worker.reload();
  dialog = await openAction(worker, 'follow_up_recorded');
  await choose(dialog, worker, en('followUp.type'), en('code.followUpType.for_service'));
  await choose(dialog, worker, en('followUp.furtherAction'), en('code.furtherAction.no_further_action_needed'));
  await dialog.getByRole('textbox', { name: en('followUp.wellbeing') }).fill('Settled in the shelter, attends Greek classes.');
  await record(dialog);
  dialog = await openAction(worker, 'closure_requested');
  await choose(dialog, worker, en('closure.reason'), en('code.closureReason.goals_met_child_safe'));
  await dialog
    .getByRole('group', { name: en('closure.openActions') })
    .getByRole('textbox')
    .first()
    .fill('Placed in long-term care; the shelter place is no longer needed.');
  await record(dialog, en('closure.request'));

  await supervisor.reload();
  const closure = supervisor.getByRole('listitem').filter({ hasText: reference });
  await closure.getByText(en('code.approvalSubject.closure')).waitFor();
  await closure.getByRole('button', { name: en('approvals.approve') }).click();
  await closure.waitFor({ state: 'detached' });

  await worker.reload();
  await worker.getByRole('banner').or(worker.locator('header')).getByText(en('code.caseStatus.closed'), { exact: true }).first().waitFor();
  await worker.getByRole('tab', { name: new RegExp(en('caseTabs.timeline')) }).click();
  await worker
    .getByRole('list', { name: en('timeline.title') })
    .getByText(en('code.eventType.closure_requested'))
    .waitFor();
  await shot(worker, 'case-closed-timeline-desktop');
});

test('an overdue high-risk case comes first in the caseworker’s tasks and in the supervisor’s alerts', async () => {
  const worker = await signedIn('caseworker');
  await worker
    .getByRole('link', { name: en('nav.registerChild') })
    .first()
    .click();
  await worker.getByRole('heading', { level: 1, name: en('children.registerTitle') }).waitFor();
  await worker.getByRole('textbox', { name: /part 1/ }).fill('Amanuel');
  await choose(worker, worker, /^Sex/, en('enums.sex.male'));
  // Met three days ago, registered only now (after field work).
  await worker.getByLabel(en('children.firstContactAt')).fill(await hoursAgo(worker, 72));
  await worker.getByRole('button', { name: en('children.register'), exact: true }).click();
  await worker.getByRole('heading', { level: 1, name: 'Amanuel' }).waitFor();

  // Screened two days ago as high risk: the first protective action was due within 24 hours.
  const dialog = await openAction(worker, 'screened');
  await dialog.getByText(en('code.riskLevel.high'), { exact: true }).click();
  await dialog.getByRole('switch', { name: en('actions.happenedEarlier') }).check();
  await dialog.getByLabel(en('actions.happenedAt')).fill(await hoursAgo(worker, 48));
  await record(dialog);
  await worker
    .getByRole('list', { name: en('cases.tasks') })
    .getByText(en('cases.overdue'))
    .first()
    .waitFor();

  await worker
    .getByRole('link', { name: en('nav.home') })
    .first()
    .click();
  const first = worker
    .getByRole('list', { name: en('home.myTasks') })
    .getByRole('listitem')
    .first();
  await first.getByText('Amanuel').waitFor();
  await first.getByText(en('cases.overdue')).waitFor();
  await first.getByText(en('code.riskLevel.high')).waitFor();
  await first.getByText(en('code.taskKind.first_action')).waitFor();
  await shot(worker, 'caseworker-home-desktop');

  const supervisor = await signedIn('supervisor');
  const alert = supervisor
    .getByRole('list', { name: en('home.alerts') })
    .getByRole('listitem')
    .filter({ hasText: 'Amanuel' })
    .first();
  await alert.getByText(en('cases.overdue')).waitFor();
  await alert.getByText(en('code.riskLevel.high')).waitFor();
  await shot(supervisor, 'supervisor-home-desktop');
});
