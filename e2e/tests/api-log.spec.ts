import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fixtures, logInAsOla } from './dialog-helpers';

// The developer "API log": the calls the server made to Altinn for the current page, with
// masked URLs, statuses and the ProblemDetails of errors.

/** Eleven digits in a row, not part of a longer number: a national identity number. */
const PID = /(?<!\d)\d{11}(?!\d)/;

async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `${label}: axe violations`).toEqual([]);
}

test('the API log shows each page\'s calls, masked, and the ProblemDetails of an error', async ({ page }) => {
  const party = await logInAsOla(page);
  const dialogs = page.getByRole('region', { name: 'Dialogs' });
  await expect(dialogs.getByRole('link').first()).toBeVisible();

  const toggle = page.getByRole('button', { name: 'API log' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const panel = page.getByRole('region', { name: 'API log' });
  await expect(panel).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();

  // The inbox's dialog search, answered 200, with the party's identity number masked.
  const calls = panel.getByRole('list', { name: 'API log' });
  const searches = calls.getByRole('listitem').filter({ hasText: /\/dialogporten\/api\/v1\/enduser\/dialogs\?/ });
  await expect(searches.first()).toContainText('GET');
  await expect(searches.first()).toContainText('HTTP 200');
  await expect(searches.first()).toContainText('***********');
  expect(await panel.innerText()).not.toMatch(PID);

  await expectNoSeriousViolations(page, 'inbox with the API log open');

  // To a dialog: the panel stays open and lists that page's calls only (the server's
  // whole log, read directly, tells which calls belong to the newest page).
  const inboxCalls = await calls.getByRole('listitem').count();
  await dialogs.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const details = calls.getByRole('listitem').filter({ hasText: /\/enduser\/dialogs\/[0-9a-f-]{36}(\s|$)/ });
  await expect(details.first()).toContainText('HTTP 200');
  await expect.poll(async () => {
    const res = await page.request.get('/api/dev/api-log');
    expect(res.status()).toBe(200);
    const entries: { page?: number; url: string }[] = (await res.json()).entries;
    const newest = Math.max(...entries.map((e) => e.page ?? -1));
    const onPage = entries.filter((e) => e.page === newest);
    const shown = await calls.getByRole('listitem').count();
    return {
      shownIsThisPage: shown === onPage.length,
      olderPagesLeftOut: entries.length >= onPage.length + inboxCalls,
      detailsOnThisPage: onPage.some((e) => /\/enduser\/dialogs\/[0-9a-f-]{36}$/.test(e.url)),
    };
  }).toEqual({ shownIsThisPage: true, olderPagesLeftOut: true, detailsOnThisPage: true });
  expect(await panel.innerText()).not.toMatch(PID);

  // Keyboard: the toggle closes and opens the panel.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  await page.keyboard.press('Space');
  await expect(panel).toBeVisible();

  // A deleted dialog (410): its problem is behind a button in the log.
  const { deleted } = await fixtures(page.request);
  await page.goto(`/inbox/${deleted}?party=${encodeURIComponent(party)}`);
  await expect(page.getByRole('alert')).toContainText('This dialog has been deleted');
  await page.getByRole('button', { name: 'API log' }).click();
  const failed = calls.getByRole('listitem').filter({ hasText: 'HTTP 410' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(deleted);
  const problem = failed.getByRole('button', { name: 'Error answer (ProblemDetails)' });
  await expect(problem).toHaveAttribute('aria-expanded', 'false');
  await problem.press('Enter');
  await expect(problem).toHaveAttribute('aria-expanded', 'true');
  await expect(failed).toContainText('"status": 410');
  expect(await panel.innerText()).not.toMatch(PID);

  await expectNoSeriousViolations(page, 'an error with the API log and its problem open');
});

test('the API log fits 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logInAsOla(page);
  await page.getByRole('button', { name: 'API log' }).click();
  const calls = page.getByRole('region', { name: 'API log' }).getByRole('list', { name: 'API log' });
  await expect(calls.getByRole('listitem').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
