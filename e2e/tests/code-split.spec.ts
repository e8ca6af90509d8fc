import { test, expect } from '@playwright/test';
import { dialogList, logInAsOla } from './inbox-helpers';

// The release build cuts pages the first screen does not need into wasm modules of their own
// (`lazy_page!` in src/app.rs, scripts/split/): the start page and the inbox load without
// them, the dialog page's module is fetched in the background once dialogs are listed, and
// the others when their page is first shown. The party picker's list is one too, fetched in
// the background once the inbox lists dialogs.

const MODULE = /\/(split-[a-z-]+)-[0-9a-f]{16}\.wasm$/;

test('pages the inbox does not need are fetched when needed, and work', async ({ page }) => {
  const fetched: string[] = [];
  page.on('response', (response) => {
    const name = MODULE.exec(new URL(response.url()).pathname)?.[1];
    if (name && response.ok()) fetched.push(name);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched, 'the start page loads no split module').toEqual([]);

  await logInAsOla(page);
  const first = dialogList(page).getByRole('link').first();
  await expect(first).toBeVisible();
  // Fetched in the background once the list is shown; the staff's page never is.
  await expect.poll(() => fetched).toContain('split-dialog-view');
  expect(fetched).not.toContain('split-verify-phone-view');
  expect(fetched).not.toContain('split-saved-searches-view');

  const title = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  expect(fetched.filter((name) => name === 'split-dialog-view')).toHaveLength(1);

  await page.goBack();
  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Saved searches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved searches' })).toBeFocused();
  expect(fetched).toContain('split-saved-searches-view');
  expect(fetched).not.toContain('split-verify-phone-view');

  // The developer API log reads and draws its entries with code fetched when it first opens.
  expect(fetched.some((name) => name.startsWith('split-api-log'))).toBe(false);
  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: 'API log' }).click();
  await expect(page.getByRole('region', { name: 'API log' }).getByRole('listitem').first()).toBeVisible();
  expect(fetched).toContain('split-api-log-fetch');
  expect(fetched).toContain('split-api-log-draw');
});

test('a page whose module cannot be fetched says so, and "Reload" brings it', async ({ page }) => {
  await logInAsOla(page);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  // The network drops the saved searches page's module (offline, or a release replaced it).
  await page.route(/\/split-saved-searches-view-[0-9a-f]{16}\.wasm$/, (route) => route.abort('internetdisconnected'));
  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Saved searches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The page could not be loaded' })).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('Check your connection');
  await expect(page).toHaveTitle(/The page could not be loaded/);
  // The rest of the portal still works: back to the inbox, and forward (still offline).
  await page.goBack();
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'The page could not be loaded' })).toBeVisible();
  // Online again: "Reload" loads the portal anew, on the same page.
  await page.unroute(/\/split-saved-searches-view-[0-9a-f]{16}\.wasm$/);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved searches' })).toBeVisible();
});

test("the party list's module is fetched in the background, and opens with focus in its filter box", async ({ page }) => {
  const fetched: string[] = [];
  page.on('response', (response) => {
    const name = MODULE.exec(new URL(response.url()).pathname)?.[1];
    if (name && response.ok()) fetched.push(name);
  });
  await page.addInitScript(() => {
    // When the first dialog link appears (performance.now() clock).
    new MutationObserver((_, observer) => {
      if (document.querySelector('section.dialog-list a[href]')) {
        (window as unknown as { listedAt: number }).listedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await logInAsOla(page);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  await expect.poll(() => fetched).toContain('split-party-list-view');
  // Requested only after the first list is on screen: it does not share the list's bandwidth.
  const order = await page.evaluate(() => ({
    listedAt: (window as unknown as { listedAt: number }).listedAt,
    requested: performance.getEntriesByType('resource').find((e) => e.name.includes('/split-party-list-view-'))!.startTime,
  }));
  expect(order.requested).toBeGreaterThanOrEqual(order.listedAt);
  const button = page.getByRole('button', { name: 'Choose party' });
  await button.click();
  // Already here: the list opens with focus in its filter box.
  await expect(page.getByRole('combobox', { name: 'Filter parties' })).toBeFocused();
  await expect(page.getByRole('listbox', { name: 'Parties' }).getByRole('option').first()).toContainText('Nordmann Ola');
  expect(fetched.filter((name) => name === 'split-party-list-view')).toHaveLength(1);
});

test('a party list that cannot be fetched is explained, and the next opening tries again', async ({ page }) => {
  const list = /\/split-party-list-view-[0-9a-f]{16}\.wasm$/;
  await page.route(list, (route) => route.abort('internetdisconnected'));
  await logInAsOla(page);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  const button = page.getByRole('button', { name: 'Choose party' });
  await button.click();
  await expect(page.getByRole('alert')).toHaveText(
    'The list of parties could not be loaded. Check your connection and open the list again, or reload the page.',
  );
  await expect(page.getByRole('listbox', { name: 'Parties' })).toHaveCount(0);
  // Escape closes it from the button, which keeps focus; the inbox works meanwhile.
  await expect(button).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();

  // Online again: the next opening fetches the list, and it works by keyboard.
  await page.unroute(list);
  await button.press('ArrowDown');
  const filter = page.getByRole('combobox', { name: 'Filter parties' });
  await expect(filter).toBeFocused();
  await filter.fill('nordmann');
  await expect(page.getByRole('listbox', { name: 'Parties' }).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox', { name: 'Parties' })).toBeHidden();
  await expect(button).toBeFocused();
});

test('while the party list is still on its way, the popup says it is loading', async ({ page }) => {
  const list = /\/split-party-list-view-[0-9a-f]{16}\.wasm$/;
  // A slow network: the module arrives only when the test lets it.
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  await page.route(list, async (route) => {
    await arrived;
    await route.continue();
  });
  await logInAsOla(page);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: 'Choose party' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Loading parties …' })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Parties' })).toHaveCount(0);
  arrive();
  await expect(page.getByRole('combobox', { name: 'Filter parties' })).toBeFocused();
  await expect(page.getByRole('listbox', { name: 'Parties' }).getByRole('option').first()).toContainText('Nordmann Ola');
  await expect(page.getByRole('status').filter({ hasText: 'Loading parties …' })).toHaveCount(0);
});
