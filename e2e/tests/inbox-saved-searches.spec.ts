import { test, expect } from '@playwright/test';
import { escapeRe } from './helpers';
import { expectListShows, logInAsOla, search } from './inbox-helpers';

// Saved searches: save the current search under a name (stored by the server), list, open,
// rename and delete them on the "Saved searches" page.

test('save, open, rename and delete a saved search', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = parties.find((p) => p.isCurrentEndUser)!;
  const name = `Completed tax ${Date.now()}`;
  const query = `/inbox?party=${encodeURIComponent(me.party)}&search=tax&status=Completed`;
  await page.goto(query);
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('tax');

  const opener = page.getByRole('button', { name: 'Save search' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Save search' });
  await expect(dialog).toBeVisible();
  // An empty name is refused with an explanation.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name of the search' })).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('textbox', { name: 'Name of the search' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Saved the search "${name}".` })).toBeVisible();
  await expect(opener).toBeFocused();

  // The server has it.
  const stored = await (await page.request.get('/api/saved-searches')).json();
  const saved = stored.items.find((s: { name: string }) => s.name === name);
  expect(saved.query).toBe(query);

  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Saved searches' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved searches' })).toBeVisible();
  // The folder links mark this page, not the inbox, as the current one.
  const folders = page.getByRole('navigation', { name: 'Folders' });
  await expect(folders.getByRole('link', { name: 'Saved searches' })).toHaveAttribute('aria-current', 'page');
  await expect(folders.getByRole('link', { name: 'Inbox' })).not.toHaveAttribute('aria-current', 'page');
  const list = page.getByRole('list', { name: 'Saved searches' });
  await expect(list.getByRole('link', { name, exact: true })).toBeVisible();

  // Rename.
  const renamed = `${name} (renamed)`;
  await list.getByRole('button', { name: `Rename ${name}`, exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename' });
  await rename.getByRole('textbox', { name: 'Name of the search' }).fill(renamed);
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: `The search is now called "${renamed}".` })).toBeVisible();
  await expect(list.getByRole('link', { name: renamed, exact: true })).toBeVisible();
  // Focus stays on the search's own "Rename" button, though the list was drawn anew.
  await expect(list.getByRole('button', { name: `Rename ${renamed}`, exact: true })).toBeFocused();

  // Open: the exact search comes back.
  await list.getByRole('link', { name: renamed, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRe(query)}$`));
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('tax');
  await expect(page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Completed' })).toBeChecked();
  const expected = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['status', 'Completed'],
    ['search', 'tax'], ['searchLanguageCode', 'en'], ['orderBy', 'contentupdatedat_desc,id_desc'], ['limit', '50']]);
  await expectListShows(page, expected.items);

  // Delete.
  await page.goBack();
  await list.getByRole('button', { name: `Delete ${renamed}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted the search "${renamed}".` })).toBeVisible();
  await expect(list.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
  // "Undo" takes the focus and brings the search back, under its name and with its query.
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Restored the search "${renamed}".` })).toBeVisible();
  await expect(undo).toHaveCount(0);
  const back = list.getByRole('link', { name: renamed, exact: true });
  await expect(back).toBeFocused();
  await expect(back).toHaveAttribute('href', query);
  // Deleted for good this time.
  await list.getByRole('button', { name: `Delete ${renamed}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted the search "${renamed}".` })).toBeVisible();
  await expect(list.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
  const after = await (await page.request.get('/api/saved-searches')).json();
  expect(after.items.some((s: { name: string }) => s.name === renamed)).toBe(false);
});
