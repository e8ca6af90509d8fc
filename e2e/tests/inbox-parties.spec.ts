import { test, expect, type Page } from '@playwright/test';
import { escapeRe } from './helpers';
import { dialogList, expectListShows, logInAsOla, partyNamed, search } from './inbox-helpers';

// The party picker: the user first, organisations with their sub-units, other persons; names in
// title case; deleted parties behind "Show deleted"; type-to-filter; keyboard; "All
// organisations" / "All persons"; and the chosen party in the URL.

const ORDER = 'contentupdatedat_desc,id_desc';

async function choose(page: Page, name: RegExp) {
  await page.getByRole('button', { name: 'Choose party' }).click();
  await page.getByRole('listbox', { name: 'Parties' }).getByRole('option', { name }).click();
  await expect(page.getByRole('listbox', { name: 'Parties' })).toBeHidden();
}

test('switching party: person → organisation → sub-unit → all organisations', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = parties.find((p) => p.isCurrentEndUser)!;
  const astrid = partyNamed(parties, /^NORDMANN ASTRID$/i);
  const ddg = partyNamed(parties, /^DDG FITNESS AS$/i);
  const oslo = partyNamed(parties, /^DDG FITNESS AS AVD\. OSLO$/i);
  // The picker's button is described by "Showing the inbox of <party>".
  const current = page.getByRole('button', { name: 'Choose party' });

  // The user's own party by default (its list is checked by the login journey).
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe(me.name), 'i'));
  let expected;

  await choose(page, /^Nordmann Astrid\b/);
  await expect(page).toHaveURL(new RegExp(`party=${escapeRe(encodeURIComponent(astrid.party))}`));
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe('Nordmann Astrid')));
  expected = await search(page, [['party', astrid.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, expected.items);

  await choose(page, /^Ddg Fitness AS Organisation/);
  await expect(page).toHaveURL(new RegExp(`party=${escapeRe(encodeURIComponent(ddg.party))}`));
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe('Ddg Fitness AS')));
  expected = await search(page, [['party', ddg.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, expected.items);

  await choose(page, /^Ddg Fitness AS Avd\. Oslo/);
  await expect(page).toHaveURL(new RegExp(`party=${escapeRe(encodeURIComponent(oslo.party))}`));
  expected = await search(page, [['party', oslo.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, expected.items);

  await choose(page, /^All organisations/);
  await expect(page).toHaveURL(/[?&]all=organisations(&|$)/);
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe('All organisations')));
  const orgs = parties.filter((p) => p.partyType === 'Organization' && !p.isDeleted && !p.hasOnlyAccessToSubParties);
  expected = await search(page, [...orgs.map((p) => ['party', p.party] as [string, string]), ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, expected.items);

  // A reload keeps the choice; back goes to the previous party.
  await page.reload();
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe('All organisations')));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`party=${escapeRe(encodeURIComponent(oslo.party))}`));
  await expect(current).toHaveAccessibleDescription(new RegExp(escapeRe('Ddg Fitness AS Avd. Oslo')));
});

test('order, title case, hierarchy, deleted parties and type-to-filter by keyboard', async ({ page }) => {
  const parties = await logInAsOla(page);
  const bakeri = partyNamed(parties, /^GAMLE BAKERI AS$/i);
  expect(bakeri.isDeleted).toBe(true);
  const oslo = partyNamed(parties, /^DDG FITNESS AS AVD\. OSLO$/i);
  const orgNumber = oslo.party.split(':').pop()!;

  const button = page.getByRole('button', { name: 'Choose party' });
  await button.click();
  const list = page.getByRole('listbox', { name: 'Parties' });
  const options = list.getByRole('option');
  await expect(options.first()).toContainText('Nordmann Ola');
  await expect(options.first()).toContainText('You');
  const names = (await options.allTextContents()).map((t) => t.trim());
  const index = (re: RegExp) => names.findIndex((n) => re.test(n));
  // User, then organisations (sub-units right after their parent), then persons.
  expect(index(/^Ddg Fitness AS Avd\. Oslo/)).toBe(index(/^Ddg Fitness AS Organisation/) + 2);
  expect(index(/^Nordmann Astrid/)).toBeGreaterThan(index(/^Oslos Vakreste/));
  // A parent listed only for its sub-units cannot be chosen.
  await expect(list.getByRole('option', { name: /^Skog og Fjell Consulting AS Organisation/ })).toHaveAttribute('aria-disabled', 'true');
  // Deleted parties only on request, and marked.
  await expect(list.getByRole('option', { name: /Gamle Bakeri AS/ })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Show deleted' }).check();
  await expect(list.getByRole('option', { name: /Gamle Bakeri AS/ })).toContainText('Deleted');
  await page.getByRole('checkbox', { name: 'Show deleted' }).uncheck();

  // Type an organisation number, pick with the keyboard.
  const filter = page.getByRole('combobox', { name: 'Filter parties' });
  await expect(filter).toHaveAttribute('placeholder', 'Name or organisation number');
  await filter.focus();
  await filter.fill(orgNumber);
  await expect(options).toHaveCount(2); // the sub-unit and its parent, for context
  await page.keyboard.press('End');
  await expect(filter).toHaveAttribute('aria-activedescendant', 'party-option-1');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`party=${escapeRe(encodeURIComponent(oslo.party))}`));
  await expect(button).toBeFocused();

  // Filter by name; Home, arrows and Escape.
  await button.click();
  await filter.fill('nordmann');
  await expect(options).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(filter).toHaveAttribute('aria-activedescendant', 'party-option-1');
  await page.keyboard.press('Home');
  await expect(filter).toHaveAttribute('aria-activedescendant', 'party-option-0');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(button).toBeFocused();
});

test('your own dialogs are listed without waiting for the party list', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = parties.find((p) => p.isCurrentEndUser)!;
  // The party list (slow for someone with thousands of parties) is held back until released.
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  await page.route((url) => url.pathname.endsWith('/enduser/parties'), async (route) => {
    await released;
    await route.continue();
  });
  const searches: URL[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('/enduser/dialogs')) searches.push(url);
  });

  // A phone-sized screen, where the picker takes two lines above the list.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/inbox');
  const mine = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, mine.items);
  await expect(page.getByRole('button', { name: 'Choose party' })).toHaveCount(0);
  const firstRow = dialogList(page).getByRole('link').first();
  const before = await firstRow.boundingBox();

  release();
  await expect(page.getByRole('button', { name: 'Choose party' })).toBeVisible();
  await expect(page.getByText(/Showing the inbox of\s*Nordmann Ola/)).toBeVisible();
  // The picker took the place kept for it: the list did not move under the reader.
  expect(Math.round((await firstRow.boundingBox())!.y)).toBe(Math.round(before!.y));
  await page.waitForLoadState('networkidle');
  // The party list changed nothing: one search, for the user's own party.
  expect(searches.map((u) => u.searchParams.getAll('party'))).toEqual([[me.party]]);
  await expectListShows(page, mine.items);
});

test('when the party list and the search fail alike, one explanation retries both', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = parties.find((p) => p.isCurrentEndUser)!;
  const api = (url: URL) => /\/enduser\/(parties|dialogs)$/.test(url.pathname);
  const failed = new Set<string>();
  page.on('requestfailed', (r) => {
    const url = new URL(r.url());
    if (api(url)) failed.add(url.pathname.split('/').pop()!);
  });
  await page.route(api, (route) => route.abort());
  await page.goto('/inbox');
  await expect.poll(() => [...failed].sort()).toEqual(['dialogs', 'parties']);
  const alert = page.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('We could not reach the service');

  await page.unroute(api);
  await alert.getByRole('button', { name: 'Try again' }).click();
  const mine = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '50']]);
  await expectListShows(page, mine.items);
  await expect(page.getByRole('button', { name: 'Choose party' })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
