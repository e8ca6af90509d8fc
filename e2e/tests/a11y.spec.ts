import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, personas } from './helpers';

// Automated accessibility checks (WCAG 2.0/2.1 A and AA rules of axe-core): no serious or
// critical violations on each page a user reaches. Keyboard and focus behaviour are checked
// in the journeys themselves.
async function expectNoSeriousViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `${label}: axe violations`).toEqual([]);
}

test('start page and the simulator login page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expectNoSeriousViolations(page, 'start');
  await page.getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a test user' })).toBeVisible();
  await expectNoSeriousViolations(page, 'login');
});

test('inbox and the open party picker', async ({ page }) => {
  const [persona] = await personas(page.request);
  await logIn(page, persona);
  await expect(page.getByRole('region', { name: 'Dialogs' }).getByRole('link').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'inbox');
  await page.getByRole('button', { name: 'Choose party' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await expectNoSeriousViolations(page, 'party picker');
});

test('a skip link leads to the main content, and focus moves to the heading on navigation', async ({ page }) => {
  const [persona] = await personas(page.request);
  await logIn(page, persona);
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  // The skip link takes focus to the page's main heading, inside <main>.
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Inbox' })).toBeFocused();

  // Client-side navigation to a dialog moves focus to its heading.
  await page.getByRole('region', { name: 'Dialogs' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the inbox works at 360 px wide without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const [persona] = await personas(page.request);
  await logIn(page, persona);
  await expect(page.getByRole('region', { name: 'Dialogs' }).getByRole('link').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('button', { name: 'Choose party' })).toBeVisible();
});
