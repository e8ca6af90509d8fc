import { test, expect } from '@playwright/test';
import { collectErrors, logIn, ownServer, phoneNumberFor, staffPersona } from './helpers';

// Issue 4: a code that is not entered in time expires. The shortest lifetime the server
// allows is 60 seconds (the SMS time-to-live range starts there), so this journey runs
// against a server of its own with `PORTAL_OTP_TTL_SECONDS=60` and waits (by polling the
// page, not by sleeping) for the countdown to run out.
const server = ownServer(Number(process.env.E2E_PORT ?? 8181) + 701, { PORTAL_OTP_TTL_SECONDS: '60' });
test.use({ baseURL: server.baseURL });
test.beforeAll(async () => { await server.start(); });
test.afterAll(async () => { await server.stop(); });

test('a code that is not entered in time expires', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = collectErrors(page);
  const number = phoneNumberFor(test.info().title);
  await logIn(page, await staffPersona(page.request));
  await page.getByRole('navigation').getByRole('link', { name: 'Verify phone number' }).click();
  await page.getByRole('textbox', { name: 'Phone number' }).fill(number);
  await page.getByRole('textbox', { name: 'Case reference' }).fill('SD-expiry');
  await page.getByRole('button', { name: 'Send code', exact: true }).click();

  const status = page.getByRole('status');
  await expect(status).toContainText('Code sent');
  await expect(page.getByText(/^00:[0-5]\d$|^01:00$/)).toBeVisible();
  const code = page.getByRole('textbox', { name: 'Code', exact: true });
  await expect(code).toBeVisible();

  await expect(status).toContainText('The code has expired', { timeout: 90_000 });
  await expect(code).toBeHidden();
  await expect(page.getByRole('button', { name: 'Send new code' })).toBeEnabled();
  const entry = page.getByRole('list', { name: 'Recent verifications' }).getByRole('listitem').filter({ hasText: 'SD-expiry' });
  await expect(entry).toContainText('Expired');
  expect(errors).toEqual([]);
});
