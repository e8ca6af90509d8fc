import { test, expect } from '@playwright/test';
import { logIn, personas } from './helpers';
import { fixtures, logInAsOla, search } from './dialog-helpers';

// Each reason a dialog cannot be shown has its own explanation.

test('not visible yet (404 with Expires) says from when', async ({ page }) => {
  const party = await logInAsOla(page);
  const { notVisibleYet } = await fixtures(page.request);
  const res = await page.request.get(`/api/dialogporten/api/v1/enduser/dialogs/${notVisibleYet}`);
  expect(res.status()).toBe(404);
  const expires = new Date(res.headers()['expires']);
  await page.goto(`/inbox/${notVisibleYet}?party=${encodeURIComponent(party)}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This dialog is not visible yet.');
  await expect(alert).toContainText('It will be available from');
  await expect(alert.getByRole('time')).toHaveAttribute('datetime', expires.toISOString().replace('.000Z', 'Z'));
});

test('deleted (410) says it is gone', async ({ page }) => {
  const party = await logInAsOla(page);
  const { deleted } = await fixtures(page.request);
  await page.goto(`/inbox/${deleted}?party=${encodeURIComponent(party)}`);
  await expect(page.getByRole('alert')).toContainText('This dialog has been deleted and no longer exists.');
});

test('authentication level too low (403) explains and offers a stronger login', async ({ page }) => {
  const party = await logInAsOla(page);
  const { highAuthLevel } = await fixtures(page.request);
  await page.goto(`/inbox/${highAuthLevel}?party=${encodeURIComponent(party)}`);
  await expect(page.getByRole('alert')).toContainText('This dialog requires a higher security level');
  const login = page.getByRole('link', { name: 'Log in with a higher security level' });
  await expect(login).toHaveAttribute('href', new RegExp(`^/api/login\\?returnTo=%2Finbox%2F${highAuthLevel}.*&acr=high$`));

  // Stepping up: the provider is asked for the high level, and the dialog then opens.
  await login.click();
  await expect(page).toHaveURL(/acr_values=idporten-loa-high/);
  const [ola] = await personas(page.request);
  await page.getByRole('button', { name: new RegExp('^' + ola.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${highAuthLevel}`));
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Attachments' }).or(page.getByRole('heading', { level: 2, name: 'Activity log' })).first()).toBeVisible();
});

test('a dialog that does not exist (404) and one of someone else (403)', async ({ page }) => {
  const party = await logInAsOla(page);
  const [mine] = await search(page.request, party);
  await page.goto('/inbox/01930000-0000-7000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText('We could not find this dialog.');

  // Kari may not see Ola's dialogs.
  await page.context().clearCookies();
  const [, kari] = await personas(page.request);
  await logIn(page, kari);
  await page.goto(`/inbox/${mine.id}`);
  await expect(page.getByRole('alert')).toContainText('You do not have access to this dialog.');
});

test('an ended session (401) offers to log in again', async ({ page }) => {
  const party = await logInAsOla(page);
  const [mine] = await search(page.request, party);
  await page.context().clearCookies();
  await page.goto(`/inbox/${mine.id}?party=${encodeURIComponent(party)}`);
  await expect(page.getByRole('alert')).toContainText('Your session has ended.');
  await expect(page.getByRole('link', { name: 'Log in again' })).toBeVisible();
});
