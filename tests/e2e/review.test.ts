/**
 * Physician review in a real browser (Debian Chromium through playwright-core) against `next start`, a fresh
 * database and an in-process worker: a physician uploads a typed note, a scanned page (PNG) and a scanned PDF —
 * with an unsupported and an oversized file refused per file — and watches them process live; reviews the scan
 * with its highlighted text and page image, accepts with the keyboard, edits, rejects, batch-accepts from the
 * table; the decisions are checked in the database with the reviewer and the audit trail; the structured note is
 * downloaded; the review queue lists what is left, oldest first.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPatient } from '../setup/factories.ts';
import { buildImagePdf } from '../fixtures/documents/build-pdf.ts';
import { notePng } from '../fixtures/documents/fixtures.ts';
import { startPortalServer, type Login, type PortalServer } from './portal-server.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');
/** The server refuses files above this (413); set before it starts. */
const MAX_UPLOAD = 1024 * 1024;

const TYPED_NOTE = [
  'CHIEF COMPLAINT: Headache.',
  '',
  'HISTORY: 64-year-old man with hypertension and hyperlipidemia. No chest pain.',
  'VITALS: Blood pressure 152/94 mmHg, pulse 78, temperature 36.9 C.',
  'MEDICATIONS: amlodipine 5 mg daily, atorvastatin 40 mg at bedtime.',
  'ALLERGIES: sulfa drugs.',
].join('\n');

let server: PortalServer;
let browser: Browser;
let patientId: string;
let patientGlobalId: string;
const files: { name: string; mimeType: string; buffer: Buffer }[] = [];

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  process.env.IMAGEHR_UPLOAD_MAX_BYTES = String(MAX_UPLOAD);
  // A scanned US Letter page: the second note at the top of a white page (as read-scanned-document.test.ts does).
  const tall = await sharp(notePng(2)).extend({ bottom: 2000, background: '#ffffff' }).png().toBuffer();
  const scan = await sharp(tall)
    .resize(1700, 2200, { fit: 'fill' })
    .greyscale()
    .jpeg({ quality: 85 })
    .toBuffer();
  files.push(
    { name: 'typed-note.txt', mimeType: 'text/plain', buffer: Buffer.from(TYPED_NOTE, 'utf8') },
    { name: 'note-1.png', mimeType: 'image/png', buffer: notePng(1) },
    {
      name: 'scanned-plan.pdf',
      mimeType: 'application/pdf',
      buffer: buildImagePdf(scan, 1700, 2200),
    },
    { name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03junk') },
    { name: 'huge-scan.png', mimeType: 'image/png', buffer: Buffer.alloc(MAX_UPLOAD + 1024, 7) },
  );
  [server, browser] = await Promise.all([startPortalServer({ workerProcess: true }), launchChromium()]);
  const patient = await seedPatient(server.db, {
    studyId: server.studyId,
    givenName: 'Rita',
    familyName: 'Review',
  });
  patientId = patient.id;
  patientGlobalId = globalId('Patient', patient.id);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 950 }, acceptDownloads: true });
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
}

/** The document uploaded under `title` for the test patient. */
const documentNamed = (title: string) => server.db.document.findFirstOrThrow({ where: { patientId, title } });

/** Fails at once with the document's error if processing fails, instead of waiting for a timeout. */
async function untilReady(page: Page, filename: string) {
  const item = page.locator(`.upload-item[data-filename="${filename}"]`);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (await item.getByRole('link', { name: 'Review findings' }).count()) return;
    const doc = await server.db.document.findFirst({ where: { patientId, title: filename } });
    if (doc?.status === 'FAILED') throw new Error(`${filename} failed: ${doc.error}\n${server.logs()}`);
    await page.waitForTimeout(250);
  }
  throw new Error(`${filename} was not ready in time: ${await item.innerText()}`);
}

const panelFindingId = (page: Page) =>
  page.getByTestId('finding-panel').getAttribute('data-finding-id') as Promise<string>;
const rawId = (global: string) => Buffer.from(global, 'base64').toString('utf8').split(':')[1];

/** Waits for the decision to reach the database; on timeout, says what the page showed. */
async function waitForStatus(page: Page, findingGlobalId: string, status: string) {
  const id = rawId(findingGlobalId);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const f = await server.db.finding.findUniqueOrThrow({ where: { id } });
    if (f.status === status) return f;
    if (Date.now() > deadline) {
      await page.screenshot({ path: path.join(SCREENSHOTS, 'review-failure.png'), fullPage: true });
      const alerts = await page.getByRole('alert').allInnerTexts();
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
      throw new Error(
        `finding ${f.label} stayed ${f.status}, expected ${status}; alerts: ${alerts.join(' | ')}; focus: ${focused}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('physician review', () => {
  it('uploads several files, sees each refusal, and watches processing live without reloading', async () => {
    const page = await newPage();
    await signIn(page, server.users.physician);
    await page.goto(`${server.baseUrl}/patients/${encodeURIComponent(patientGlobalId)}?tab=documents`);
    await page.getByTestId('dropzone').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __messages: Record<string, string[]>; __sameDocument: boolean };
      w.__messages = {};
      w.__sameDocument = true;
      const record = () => {
        for (const item of document.querySelectorAll('.upload-item')) {
          const name = item.getAttribute('data-filename')!;
          const text = item.querySelector('[data-testid="processing-message"]')?.textContent;
          const seen = (w.__messages[name] ??= []);
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });

    await page.locator('#upload-files').setInputFiles(files);
    const item = (name: string) => page.locator(`.upload-item[data-filename="${name}"]`);
    await item('program.exe').getByRole('alert').waitFor();
    await expect(item('program.exe').innerText()).resolves.toMatch(/Unsupported file type/);
    await item('huge-scan.png').getByRole('alert').waitFor();
    await expect(item('huge-scan.png').innerText()).resolves.toMatch(/Too large/);

    const started = Date.now();
    for (const f of files.slice(0, 3)) await untilReady(page, f.name);
    console.log(`three documents processed in ${Date.now() - started} ms`);

    const seen = await page.evaluate(
      () => (window as unknown as { __messages: Record<string, string[]> }).__messages,
    );
    // Live states arrived in order on the scans: something in progress (queued, OCR, extracting), then ready.
    for (const name of ['note-1.png', 'scanned-plan.pdf']) {
      expect(seen[name].at(-1)).toMatch(/^Ready — \d+ findings$/);
      expect(
        seen[name].slice(0, -1).some((m) => /Queued|OCR page 1\/1|rendering|extracting|reading/.test(m)),
      ).toBe(true);
    }
    expect(seen['note-1.png'].some((m) => /OCR page 1\/1|extracting/.test(m))).toBe(true);
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);

    // The table below the upload zone was read again: all three documents, processed.
    const rows = page.getByTestId('documents-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    const docs = await server.db.document.findMany({ where: { patientId } });
    expect(docs.map((d) => [d.title, d.status]).sort()).toEqual([
      ['note-1.png', 'READY'],
      ['scanned-plan.pdf', 'READY'],
      ['typed-note.txt', 'READY'],
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-upload.png'), fullPage: true });
    await page.context().close();
  }, 240_000);

  it('reviews the scan: highlights, page image, keyboard accept, edit, reject, batch accept, note download', async () => {
    const doc = await documentNamed('note-1.png');
    const docGlobalId = globalId('Document', doc.id);
    const page = await newPage();
    await signIn(page, server.users.physician);
    await page.goto(`${server.baseUrl}/documents/${encodeURIComponent(docGlobalId)}`);
    await page.getByRole('heading', { level: 1, name: 'note-1.png' }).waitFor();

    // Highlights in the text, coloured by kind, with a legend; the first finding is selected.
    const marks = page.getByTestId('document-text').locator('mark.hl');
    await marks.first().waitFor();
    const total = await server.db.finding.count({ where: { documentId: doc.id } });
    expect(total).toBeGreaterThan(4);
    expect(await marks.count()).toBeGreaterThan(3);
    await expect(page.locator('.kind-legend li').count()).resolves.toBeGreaterThan(1);
    const first = await panelFindingId(page);
    expect(await page.locator('mark.hl.is-selected').count()).toBeGreaterThan(0);

    // The page image with the OCR'd words: finding boxes drawn over it; low-confidence words counted.
    await page.getByRole('tab', { name: 'Page image' }).click();
    const img = page.getByTestId('page-view').locator('img');
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 10_000 })
      .toBeGreaterThan(1000);
    expect(await page.locator('rect.finding-box').count()).toBeGreaterThan(3);
    expect(await page.locator('rect.finding-box.is-selected').count()).toBeGreaterThan(0);
    await page.getByTestId('low-confidence-count').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-page-image.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.getByTestId('document-text').focus(); // out of the tab list: shortcuts apply again

    // Accept with the keyboard: "a" accepts the selected finding and moves to the next.
    await page.keyboard.press('a');
    await waitForStatus(page, first, 'ACCEPTED');
    await expect.poll(() => panelFindingId(page)).not.toBe(first);
    await expect(page.getByTestId('finding-review').innerText()).resolves.toBe('Not reviewed yet');
    await page.keyboard.press('k');
    await expect.poll(() => panelFindingId(page)).toBe(first);
    await expect(page.getByTestId('finding-review').innerText()).resolves.toMatch(
      /^Accepted by Dr Phil Physician, /,
    );

    // Edit a vital sign: pick it in the table, "e" opens the editor; letters typed in it are text, not shortcuts.
    const vital = await server.db.finding.findFirstOrThrow({
      where: { documentId: doc.id, kind: 'VITAL_SIGN' },
      orderBy: { spanStart: 'asc' },
    });
    const edited = globalId('Finding', vital.id);
    await page.locator(`[data-testid="findings-table"] tr[data-finding-id="${edited}"] td`).nth(2).click();
    await expect.poll(() => panelFindingId(page)).toBe(edited);
    await page.keyboard.press('e');
    const panel = page.getByTestId('finding-panel');
    const value = panel.getByLabel('Value', { exact: true });
    await expect.poll(() => value.evaluate((el) => el === document.activeElement)).toBe(true);
    await value.fill('');
    await value.pressSequentially('141');
    await panel.getByLabel('Assertion').selectOption('HISTORICAL');
    await panel.getByLabel('Note (optional)').pressSequentially('read again from the scan, extra care');
    expect((await server.db.finding.findUniqueOrThrow({ where: { id: rawId(edited) } })).status).toBe(
      'PROPOSED',
    );
    await page.getByRole('button', { name: 'Save edit' }).click();
    const afterEdit = await waitForStatus(page, edited, 'EDITED');
    expect([afterEdit.value, afterEdit.valueNum, afterEdit.unit]).toEqual(['141', 141, vital.unit]);
    expect(afterEdit.assertion).toBe('HISTORICAL');
    expect(afterEdit.reviewNote).toBe('read again from the scan, extra care');
    await expect(page.getByTestId('finding-value').innerText()).resolves.toBe(`141 ${vital.unit}`);

    // Reject: pick a row in the table, then "r".
    const rejectRow = page.getByTestId('findings-table').locator('tbody tr').nth(3);
    const rejected = (await rejectRow.getAttribute('data-finding-id'))!;
    await rejectRow.locator('td').nth(2).click();
    await expect.poll(() => panelFindingId(page)).toBe(rejected);
    await page.keyboard.press('r');
    await waitForStatus(page, rejected, 'REJECTED');

    // Help: "?" opens the shortcut list, Escape closes it.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-help.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Batch: show what is still proposed, select two ("x" and a checkbox), accept them; then all the rest.
    await page.getByLabel('Status').selectOption('PROPOSED');
    const rows = page.getByTestId('findings-table').locator('tbody tr[data-finding-id]');
    const proposed = await server.db.finding.count({ where: { documentId: doc.id, status: 'PROPOSED' } });
    await expect.poll(() => rows.count()).toBe(proposed);
    const [a, b] = await Promise.all([0, 1].map((i) => rows.nth(i).getAttribute('data-finding-id')));
    await rows.nth(0).locator('td').nth(2).click();
    await page.keyboard.press('x');
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Accept selected' }).click();
    await waitForStatus(page, a!, 'ACCEPTED');
    await waitForStatus(page, b!, 'ACCEPTED');
    await expect.poll(() => rows.count()).toBe(proposed - 2);
    await page.getByRole('checkbox', { name: 'Select all shown findings' }).check();
    await page.getByRole('button', { name: 'Accept selected' }).click();
    await expect
      .poll(() => server.db.finding.count({ where: { documentId: doc.id, status: 'PROPOSED' } }), {
        timeout: 10_000,
      })
      .toBe(0);
    await page.getByLabel('Status').selectOption('');

    // Every decision is recorded with the reviewer and audited.
    const physician = await server.db.user.findUniqueOrThrow({
      where: { email: server.users.physician.email },
    });
    const findings = await server.db.finding.findMany({ where: { documentId: doc.id } });
    expect(findings.every((f) => f.reviewedById === physician.id && f.reviewedAt)).toBe(true);
    const count = (status: string) => findings.filter((f) => f.status === status).length;
    expect([count('EDITED'), count('REJECTED'), count('ACCEPTED')]).toEqual([1, 1, total - 2]);
    const audited = await server.db.auditEvent.findMany({
      where: { actorUserId: physician.id, action: { startsWith: 'finding.' } },
    });
    expect(audited.length).toBe(total);
    await expect(page.getByTestId('review-counts').innerText()).resolves.toMatch(/0 to review/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-document.png'), fullPage: true });

    // The structured note, as plain text and as a FHIR DocumentReference.
    const [txt] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Plain text' }).click(),
    ]);
    const note = fs.readFileSync((await txt.path())!, 'utf8');
    expect(note.length).toBeGreaterThan(50);
    expect(note).toMatch(new RegExp(`: 141 ${vital.unit}$`, 'm')); // the corrected value, not the machine's
    expect(note).toContain('Reviewed by Dr Phil Physician');
    const [fhir] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'FHIR DocumentReference' }).click(),
    ]);
    const resource = JSON.parse(fs.readFileSync((await fhir.path())!, 'utf8')) as { resourceType: string };
    expect(resource.resourceType).toBe('DocumentReference');
    await page.context().close();
  }, 120_000);

  it('lists what is left in the review queue, oldest first, and opens a text-only and a scanned PDF document', async () => {
    const page = await newPage();
    await signIn(page, server.users.physician);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    await page.waitForURL('**/review');
    const rows = page.getByTestId('review-queue').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const titles = await rows.locator('td:first-child a').allInnerTexts();
    const docs = await server.db.document.findMany({
      where: { patientId, findings: { some: { status: 'PROPOSED' } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(titles).toEqual(docs.map((d) => d.title));
    expect(titles).not.toContain('note-1.png'); // fully reviewed
    await page.getByLabel('Only my uploads').check();
    await expect.poll(() => rows.count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-queue.png'), fullPage: true });

    // The typed note: text only, no page image.
    await page.getByRole('link', { name: 'typed-note.txt' }).click();
    await page.getByRole('heading', { level: 1, name: 'typed-note.txt' }).waitFor();
    await page.getByTestId('document-text').locator('mark.hl').first().waitFor();
    expect(await page.getByRole('tab', { name: 'Page image' }).count()).toBe(0);
    await page.goBack();

    // The scanned PDF: its page rendered, with evidence boxes in PDF points over it.
    await page.getByRole('link', { name: 'scanned-plan.pdf' }).click();
    await page.getByRole('heading', { level: 1, name: 'scanned-plan.pdf' }).waitFor();
    const pdf = await documentNamed('scanned-plan.pdf');
    const res = await page.request.get(
      `${server.baseUrl}/api/documents/${encodeURIComponent(globalId('Document', pdf.id))}/pages/1`,
    );
    expect(res.status(), `${await res.text()}\n${server.logs()}`).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    await page.getByRole('tab', { name: 'Page image' }).click();
    const img = page.getByTestId('page-view').locator('img');
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 20_000 })
      .toBeGreaterThan(500);
    expect(await page.locator('rect.finding-box').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-pdf.png'), fullPage: true });
    await page.context().close();
  }, 90_000);

  it('keeps the queue and the decisions from roles that do not review', async () => {
    const page = await newPage();
    await signIn(page, server.users.viewer);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Patients' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/review`);
    await page.waitForURL('**/patients');
    const res = await page.request.get(
      `${server.baseUrl}/api/documents/${encodeURIComponent(
        globalId('Document', (await documentNamed('note-1.png')).id),
      )}/pages/1`,
    );
    expect(res.status()).toBe(403);
    await page.context().close();
  }, 60_000);
});
