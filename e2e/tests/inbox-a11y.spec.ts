import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logInAsOla } from './inbox-helpers';

// axe-core: no serious or critical violations on the inbox with its filters open, with the
// party picker open, with the "Save search" dialog open, and on the saved searches page.

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('inbox, party picker, save dialog and saved searches pass axe', async ({ page }) => {
  await logInAsOla(page);
  await expect(page.getByLabel('Sort by')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dialogs', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: 'Choose party' }).click();
  await expect(page.getByRole('listbox', { name: 'Parties' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Save search' }).click();
  await expect(page.getByRole('dialog', { name: 'Save search' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('dialog', { name: 'Save search' }).getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Saved searches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved searches' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('a small screen (360 px) has no serious violations either', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logInAsOla(page);
  await page.getByText('Filters', { exact: true }).click();
  await expect(page.getByLabel('Sort by')).toBeVisible();
  await expectNoSeriousViolations(page);
});
