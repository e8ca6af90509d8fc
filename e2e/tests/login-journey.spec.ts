import { test, expect } from '@playwright/test';
import { collectErrors, escapeRe, logIn, personas, words, type Lang } from './helpers';

// The foundation's journey: log in through the simulator as a persona, land in the portal,
// see the persona's parties and the first dialogs of the inbox; no console errors.
const locales: Record<Lang, string> = { en: 'en-US', nb: 'nb-NO', nn: 'nn-NO' };
for (const lang of ['en', 'nb', 'nn'] as Lang[]) {
  test.describe(`login journey (${lang})`, () => {
    test.use({ locale: locales[lang] });

    test('a persona logs in, sees their parties and the first dialogs', async ({ page }) => {
      const w = words[lang];
      const errors = collectErrors(page);
      const [persona] = await personas(page.request);

      await logIn(page, persona, lang);
      await expect(page.getByRole('button', { name: w.logOut })).toBeVisible();

      // What Dialogporten says this user may represent, asked through the server's proxy
      // with the browser's own session cookie.
      const partiesRes = await page.request.get('/api/dialogporten/api/v1/enduser/parties');
      expect(partiesRes.status()).toBe(200);
      const { authorizedParties } = await partiesRes.json();
      const visible = authorizedParties.filter((p: { isDeleted: boolean }) => !p.isDeleted);
      expect(visible.length).toBeGreaterThanOrEqual(5);

      await page.getByRole('button', { name: w.chooseParty }).click();
      const list = page.getByRole('listbox');
      await expect(list).toBeVisible();
      for (const party of visible) {
        await expect(list.getByRole('option', { name: new RegExp(escapeRe(party.name), 'i') }).first()).toBeVisible();
      }
      await page.keyboard.press('Escape');
      await expect(list).toBeHidden();
      await expect(page.getByRole('button', { name: w.chooseParty })).toBeFocused();

      // The first page of the inbox for the user's own party, newest first.
      const me = authorizedParties.find((p: { isCurrentEndUser: boolean }) => p.isCurrentEndUser);
      const q = new URLSearchParams({ party: me.party, systemLabel: 'Default', limit: '5' });
      const dialogsRes = await page.request.get(`/api/dialogporten/api/v1/enduser/dialogs?${q}`, {
        headers: { 'accept-language': lang },
      });
      expect(dialogsRes.status()).toBe(200);
      const { items } = await dialogsRes.json();
      expect(items.length).toBeGreaterThan(0);
      const dialogs = page.getByRole('region', { name: w.dialogs });
      for (const item of items.slice(0, 3)) {
        const titles: { value: string; languageCode: string }[] = item.content.title.value;
        const title = (titles.find((t) => t.languageCode === lang) ?? titles.find((t) => t.languageCode === 'nb') ?? titles[0]).value;
        await expect(dialogs.getByRole('link', { name: new RegExp(escapeRe(title)) }).first()).toBeVisible();
      }

      expect(errors).toEqual([]);
    });
  });
}

test('logging out ends the session', async ({ page }) => {
  const [persona] = await personas(page.request);
  await logIn(page, persona);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  const session = await (await page.request.get('/api/session')).json();
  expect(session.authenticated).toBe(false);
  const res = await page.request.get('/api/dialogporten/api/v1/enduser/parties');
  expect(res.status()).toBe(401);
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(errors).toEqual([]);
});
