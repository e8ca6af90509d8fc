import { test, expect } from '@playwright/test';
import { collectErrors, personas, unexpectedErrors } from './helpers';

// Demo login through the test token generator (in local mode the simulator's), offered on
// the start page: a wrong number is explained at the field, a simulator persona gets in,
// sees the inbox and logs out again.
test('demo login as a simulator persona, the inbox, and logging out', async ({ page }) => {
  const errors = collectErrors(page);
  const [persona] = await personas(page.request);

  await page.goto('/');
  await page.getByRole('link', { name: 'Demo login' }).click();
  await expect(page).toHaveURL(/\/demo-login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Demo login' })).toBeVisible();

  // Eleven digits whose control digits are wrong: the server refuses, the field says so.
  const field = page.getByRole('textbox', { name: 'National identity number' });
  const last = Number(persona.pid.slice(-1));
  await field.fill(persona.pid.slice(0, 10) + String((last + 1) % 10));
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('This is not a valid national identity number', { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();

  // The persona's number: on to the inbox with a session.
  await field.fill(persona.pid);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dialogs' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  const session = await (await page.request.get('/api/session')).json();
  expect(session.authenticated).toBe(true);
  expect(session.pid).toBe(persona.pid);
  // The header names the user as Altinn's party list does ("NORDMANN OLA"), not by number.
  const user = page.getByText(/^Logged in as /);
  await expect(user).toContainText(new RegExp(persona.name.split(' ').pop()!, 'i'));
  await expect(user).not.toContainText(persona.pid);

  // Logging out ends the session and comes back to the start page.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Demo login' })).toBeVisible();
  const after = await (await page.request.get('/api/session')).json();
  expect(after.authenticated).toBe(false);
  expect((await page.request.get('/api/dialogporten/api/v1/enduser/parties')).status()).toBe(401);

  expect(unexpectedErrors(errors, 400)).toEqual([]);
});
