/**
 * The portal in a real browser (Debian Chromium through playwright-core) against `next start`, a fresh database
 * and an in-process worker: sign-in, a FHIR import whose progress arrives live over SSE, the patients table's
 * server-side sorting, search and paging, a patient's tabs, pseudonyms for viewers and the admin audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalServer, type Login, type PortalServer } from './portal-server.ts';

const BUNDLE = path.resolve(import.meta.dirname, '../../prisma/seed/demo-patients.fhir.json');
const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

let server: PortalServer;
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [server, browser] = await Promise.all([startPortalServer(), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function signIn(page: Page, login: Login) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel('Email').fill(login.email);
  await page.getByLabel('Password').fill(login.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/patients');
  await expect(page.locator('.user-name').innerText()).resolves.toBe(login.name);
}

const bodyRows = (page: Page) => page.getByTestId('patients-table').locator('tbody tr');
const firstNames = (page: Page) => bodyRows(page).locator('td:first-child a').allInnerTexts();

async function waitForTotal(page: Page, n: number) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="total-count"]')?.textContent === String(want),
    n,
  );
}

/** Wait until the table shows rows that match `check` (server round trips are asynchronous). */
async function waitForRows(page: Page, check: (names: string[]) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  let names: string[] = [];
  while (Date.now() < deadline) {
    names = await firstNames(page);
    if ((await page.locator('.is-stale').count()) === 0 && check(names)) return names;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: rows were ${JSON.stringify(names.slice(0, 5))}…`);
}

/** Waits for `done`, but fails at once with the job's error if the worker gives up on it. */
async function untilOrFailed(done: Promise<void>, jobId: string) {
  let settled = false;
  const failed = (async () => {
    while (!settled) {
      const job = await server.db.job.findUnique({ where: { id: jobId } });
      if (job?.status === 'FAILED') throw new Error(`job ${job.type} failed: ${job.error}\n${server.logs()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  try {
    await Promise.race([done, failed]);
  } finally {
    settled = true;
  }
}

describe('portal', () => {
  it('refuses a wrong password with a clear message and stays on the login page', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/patients`);
    await page.waitForURL('**/login'); // signed-out users are sent to the login page
    await page.getByLabel('Email').fill(server.users.coordinator.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#login-error').waitFor();
    await expect(page.locator('#login-error').innerText()).resolves.toMatch(/wrong email or password/i);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('a coordinator imports a FHIR bundle and sees its progress bar reach done live, without reloading', async () => {
    const page = await newPage();
    await signIn(page, server.users.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL('**/jobs');
    await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    await page.getByText('No jobs', { exact: true }).waitFor();

    // Record every value each job's progress bar shows, and mark the document: a reload would lose both.
    await page.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number[]>; __sameDocument: boolean };
      w.__seen = {};
      w.__sameDocument = true;
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('[data-testid="jobs-table"] tr[data-job-id]')) {
          const value = Number(row.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow'));
          const seen = (w.__seen[row.getAttribute('data-job-id')!] ??= []);
          if (seen.at(-1) !== value) seen.push(value);
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    });

    await page.locator('#import-study').selectOption({ label: `${server.studyCode} — Browser test study` });
    await page.getByLabel('Site code').fill('SYN01');
    await page.getByLabel('Bundle file (.json)').setInputFiles(BUNDLE);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByText(/Import of demo-patients\.fhir\.json queued/).waitFor();
    const job = await server.db.job.findFirstOrThrow({
      where: { studyId: server.studyId, type: 'fhir.import-patients' },
    });
    const globalJobId = Buffer.from(`Job:${job.id}`).toString('base64');
    const row = page.locator(`[data-testid="jobs-table"] tbody tr[data-job-id="${globalJobId}"]`);
    await untilOrFailed(
      row.locator('[role="progressbar"][aria-valuenow="100"]').waitFor({ timeout: 30_000 }),
      job.id,
    );
    await page
      .locator(`[data-testid="jobs-table"] tbody tr[data-job-id="${globalJobId}"][data-status="SUCCEEDED"]`)
      .waitFor();
    await expect(row.locator('.badge').innerText()).resolves.toBe('Succeeded');
    await expect(row.locator('td').first().innerText()).resolves.toMatch(/FHIR import/);

    const { seen, sameDocument } = await page.evaluate((id) => {
      const w = window as unknown as { __seen: Record<string, number[]>; __sameDocument?: boolean };
      return { seen: w.__seen[id] ?? [], sameDocument: w.__sameDocument === true };
    }, globalJobId);
    expect(sameDocument).toBe(true);
    // Intermediate values prove the bar moved with the worker's events rather than jumping on a reload.
    expect(
      seen.some((v) => v > 0 && v < 100),
      `progress values seen: ${seen.join(',')}`,
    ).toBe(true);
    expect(seen.at(-1)).toBe(100);
    expect((await server.db.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('SUCCEEDED');
    // The import queued an extraction job per note; they are not under test here, so the worker stops and leaves
    // the two cores to the server and the browser.
    await server.stopWorker();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'jobs.png') });
    await page.context().close();
  }, 60_000);

  it('a coordinator sorts, searches and pages patients on the server, and opens one', async () => {
    const patients = await server.db.patient.findMany({
      select: {
        id: true,
        familyName: true,
        givenName: true,
        mrn: true,
        _count: { select: { encounters: true, documents: true } },
      },
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }], // the API's order (database collation)
    });
    expect(patients).toHaveLength(40);
    const page = await newPage();
    await signIn(page, server.users.coordinator);
    await waitForTotal(page, 40);
    await expect(bodyRows(page).count()).resolves.toBe(25);
    await page.getByText('Showing 1–25 of 40 patients').waitFor();

    // Default sort: family name ascending. Clicking the header sorts descending.
    const byName = patients.map((p) => `${p.familyName}, ${p.givenName}`);
    await waitForRows(page, (n) => n[0] === byName[0], 'name ascending');
    await page.getByRole('button', { name: /Name \/ pseudonym/ }).click();
    await waitForRows(page, (n) => n[0] === byName.at(-1), 'name descending');
    await expect(page.locator('th[aria-sort="descending"]').textContent()).resolves.toMatch(/^Name/);

    // Sort by MRN ascending.
    const byMrn = (await server.db.patient.findMany({ orderBy: [{ mrn: 'asc' }, { id: 'asc' }] })).map(
      (p) => p.mrn,
    );
    await page.getByRole('button', { name: /^MRN/ }).click();
    await page.waitForFunction(
      (mrn) =>
        document.querySelector('[data-testid="patients-table"] tbody tr td:nth-child(2)')?.textContent ===
        mrn,
      byMrn[0],
    );

    // Search by a family name (debounced, server-side).
    const family = patients[7].familyName;
    const matching = patients.filter((p) =>
      [p.familyName, p.givenName, p.mrn].some((v) => v.toLowerCase().startsWith(family.toLowerCase())),
    );
    await page.getByLabel('Search').fill(family);
    await waitForTotal(page, matching.length);
    const found = await waitForRows(page, (n) => n.length === matching.length, 'search results');
    expect(found.sort()).toEqual(matching.map((p) => `${p.familyName}, ${p.givenName}`).sort());
    expect(new URL(page.url()).searchParams.get('q')).toBe(family);

    // Clear the search and page through 40 rows, 25 at a time.
    await page.getByLabel('Search').fill('');
    await waitForTotal(page, 40);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Showing 26–40 of 40 patients').waitFor();
    await expect(bodyRows(page).count()).resolves.toBe(15);
    await expect(page.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('Showing 1–25 of 40 patients').waitFor();
    await page.getByLabel('Rows per page').selectOption('50');
    await page.getByText('Showing 1–40 of 40 patients').waitFor();
    await expect(bodyRows(page).count()).resolves.toBe(40);
    await page.getByLabel('Rows per page').selectOption('25');
    await page.getByRole('button', { name: /Name \/ pseudonym/ }).click(); // back to name order (ascending first)
    await waitForRows(page, (n) => n[0] === byName[0], 'name ascending again');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'patients.png'), fullPage: true });

    // Open a patient by clicking its row.
    await bodyRows(page).first().locator('td').nth(2).click();
    await page.waitForURL(/\/patients\/[^/]+$/);
    await expect(page.getByTestId('patient-name').innerText()).resolves.toBe(byName[0]);
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs.map((t) => t.replace(/\d+/g, '').trim())).toEqual([
      'Documents',
      'Images',
      'Findings',
      'SDTM',
      'Encounters',
    ]);
    // The first tab with data opens first; a tab without data says what will appear there.
    const { encounters, documents } = patients[0]._count;
    await expect(page.getByRole('tab', { selected: true }).innerText()).resolves.toMatch(
      documents || !encounters ? /^Documents/ : /^Encounters/,
    );
    await page.getByRole('tab', { name: /Encounters/ }).click();
    await expect(page.getByRole('tabpanel').locator('tbody tr').count()).resolves.toBe(
      Math.min(encounters, 100),
    );
    await page.getByRole('tab', { name: /Documents/ }).click();
    if (documents)
      await expect(page.getByRole('tabpanel').locator('tbody tr').count()).resolves.toBe(documents);
    else await page.getByRole('tabpanel').getByText('No documents yet').waitFor();
    await page.getByRole('tab', { name: /Images/ }).click();
    await page.getByRole('tabpanel').getByText('No imaging studies yet').waitFor();
    await page.getByRole('tab', { name: /Documents/ }).click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'patient.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('a viewer sees pseudonyms only and no admin menu', async () => {
    const page = await newPage();
    await signIn(page, server.users.viewer);
    await waitForTotal(page, 40);
    const names = await firstNames(page);
    expect(names).toHaveLength(25);
    for (const n of names) expect(n).toMatch(/^PT-[0-9A-F]{8}$/);
    const mrnCells = await bodyRows(page).locator('td:nth-child(2)').allInnerTexts();
    expect(new Set(mrnCells)).toEqual(new Set(['hidden']));
    // No identifier reaches the page, not even in markup.
    const html = await page.content();
    const text = await page.locator('body').innerText();
    for (const p of await server.db.patient.findMany()) {
      expect(html).not.toContain(p.mrn);
      expect(text).not.toContain(p.familyName);
    }
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByText('Admin').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="/admin"]').count()).resolves.toBe(0);
    await page.goto(`${server.baseUrl}/admin/audit`);
    await page.getByRole('heading', { name: 'Not permitted' }).waitFor();
    await page.context().close();
  });

  it('an admin sees the audit log with events, filters it, and gets a matching CSV link', async () => {
    const page = await newPage();
    await signIn(page, server.users.admin);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit');
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    const actions = await rows.locator('td:nth-child(3)').allInnerTexts();
    expect(actions).toContain('auth.login');
    expect(actions).toContain('patient.list');

    await page.getByLabel('Outcome').selectOption('DENIED');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-table"] tbody tr td:nth-child(4)')].every(
        (td) => td.textContent === 'Denied',
      ),
    );
    const denied = await rows.locator('td:nth-child(3)').allInnerTexts();
    expect(denied).toContain('auth.login'); // the wrong password of the first test
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe('/api/audit/export?outcome=DENIED');
    const csv = await page.evaluate((url) => fetch(url).then((r) => r.text()), href!);
    expect(csv).toContain('auth.login');
    expect(csv).not.toContain('SUCCESS');
    await page.context().close();
  });

  it('an admin creates a user, changes its role, and issues and revokes an API token shown once', async () => {
    const page = await newPage();
    await signIn(page, server.users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/admin/users');
    const email = `new-${Date.now()}@e2e.test`;
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Nia New');
    await page.getByLabel('Role', { exact: true }).selectOption('PHYSICIAN');
    await page.getByLabel('Initial password').fill('short');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('The password needs at least 10 characters.').waitFor();
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText(`${email} can now sign in as Physician.`).waitFor();
    await page.getByLabel(`Role of ${email}`).selectOption('ANNOTATOR');
    await page.getByText(`${email} is now Annotator.`).waitFor();
    expect((await server.db.user.findUniqueOrThrow({ where: { email } })).role).toBe('ANNOTATOR');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL('**/admin/tokens');
    await page.getByLabel('Name').fill('PACS bridge');
    await page.getByRole('checkbox', { name: 'read:images' }).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('token-secret').locator('code').innerText();
    expect(secret).toMatch(/^ihr_/);
    // The secret works against the API, and is not stored anywhere the page can list it again.
    const me = await page.evaluate(
      (s) =>
        fetch('/api/graphql', {
          method: 'POST',
          credentials: 'omit',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s}` },
          body: JSON.stringify({ query: '{ me { viaToken scopes } }' }),
        }).then((r) => r.json()),
      secret,
    );
    expect(me.data.me).toEqual({ viaToken: true, scopes: ['read:images', 'read:patients'] });
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByTestId('tokens-table').innerText()).resolves.not.toContain(secret);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('tokens-table').getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('“PACS bridge” is revoked.').waitFor();
    await page.getByTestId('tokens-table').locator('.badge', { hasText: 'Revoked' }).waitFor();
    await expect(
      page.getByTestId('tokens-table').getByRole('button', { name: 'Revoke' }).count(),
    ).resolves.toBe(0);
    const status = await page.evaluate(
      (s) =>
        fetch('/api/graphql', {
          method: 'POST',
          credentials: 'omit',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s}` },
          body: '{"query":"{ me { email } }"}',
        }).then((r) => r.status),
      secret,
    );
    expect(status).toBe(401);
    await page.context().close();
  });
});
