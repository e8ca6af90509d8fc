import { test, expect } from '@playwright/test';
import { collectErrors, logIn, personas, unexpectedErrors } from './helpers';

// Only in the custom-mode run (e2e/playwright.custom.config.ts): a demo without an ID-porten
// client. The server has the test token generator's credentials and no OIDC client, so
// "Log in" is not offered — Demo login is — and /api/login explains why.
test('without an ID-porten client only demo login is offered, and it works', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  const header = page.getByRole('banner');
  await expect(header.getByRole('link', { name: 'Demo login' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in', exact: true })).toHaveCount(0);

  await page.goto('/api/login');
  await expect(page).toHaveURL(/\/login-error\?reason=login-not-configured$/);
  await expect(page.getByText('Login with ID-porten is not set up here. Use demo login.')).toBeVisible();

  const [ola] = await personas(page.request);
  await logIn(page, ola);
  await expect(page.getByRole('region', { name: 'Dialogs', exact: true }).getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(header.getByRole('link', { name: 'Demo login' })).toBeVisible();
  expect(unexpectedErrors(errors)).toEqual([]);
});
