import { test, expect, type Page } from '@playwright/test';
import { type Item, dialogList, logInAsOla, partyNamed, rowAt, rowOf, search, titleOf, uniquelyTitled } from './inbox-helpers';

// Label changes from the list: per row (archive → bin → restore, mark as unread, undo) and in
// bulk. They run on "EAS Health Consulting AS" so other journeys' lists stay as they are, and
// each test puts back what it moved. Dialogporten (through the proxy) confirms every change.

test.describe.configure({ mode: 'serial' });

const ORDER = 'contentupdatedat_desc,id_desc';

async function labelsOf(page: Page, party: string, id: string): Promise<string[]> {
  for (const label of ['Default', 'Archive', 'Bin']) {
    const { items } = await search(page, [['party', party], ['systemLabel', label], ['orderBy', ORDER], ['limit', '1000']]);
    const found = items.find((i) => i.id === id);
    if (found) return found.endUserContext.systemLabels;
  }
  return [];
}

async function open(page: Page, view: string, party: string) {
  await page.goto(`/${view}?party=${encodeURIComponent(party)}&limit=100`);
  await expect(page.getByRole('status').filter({ hasText: /Number of dialogs|No dialogs/ })).toBeVisible();
}

async function rowAction(page: Page, title: string, action: string) {
  const row = rowOf(page, title);
  await row.getByRole('button', { name: `Actions for ${title}` }).click();
  await row.getByRole('menu', { name: `Actions for ${title}` }).getByRole('menuitem', { name: action, exact: true }).click();
}

test('archive → bin → restore from the row menu, each confirmed', async ({ page }) => {
  const parties = await logInAsOla(page);
  const eas = partyNamed(parties, /^EAS HEALTH CONSULTING AS$/i);
  const { items } = await search(page, [['party', eas.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '100']]);
  const item = uniquelyTitled(items)[0];
  const title = titleOf(item);

  await open(page, 'inbox', eas.party);
  await rowAction(page, title, 'Move to archive');
  await expect(page.getByRole('status').filter({ hasText: '1 moved to the archive.' })).toBeVisible();
  await expect(rowOf(page, title)).toHaveCount(0);
  expect(await labelsOf(page, eas.party, item.id)).toContain('Archive');

  await open(page, 'archive', eas.party);
  await rowAction(page, title, 'Move to bin');
  await expect(page.getByRole('status').filter({ hasText: '1 moved to the bin.' })).toBeVisible();
  expect(await labelsOf(page, eas.party, item.id)).toContain('Bin');

  await open(page, 'bin', eas.party);
  await rowAction(page, title, 'Restore to inbox');
  await expect(page.getByRole('status').filter({ hasText: '1 moved to the inbox.' })).toBeVisible();
  expect(await labelsOf(page, eas.party, item.id)).toContain('Default');
  await open(page, 'inbox', eas.party);
  await expect(rowOf(page, title)).toHaveCount(1);
});

test('a move can be undone from the confirmation message', async ({ page }) => {
  const parties = await logInAsOla(page);
  const eas = partyNamed(parties, /^EAS HEALTH CONSULTING AS$/i);
  const { items } = await search(page, [['party', eas.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '100']]);
  const item = uniquelyTitled(items)[1];
  const title = titleOf(item);
  await open(page, 'inbox', eas.party);
  await rowAction(page, title, 'Move to bin');
  const message = page.getByRole('status').filter({ hasText: '1 moved to the bin.' });
  await expect(message).toBeVisible();
  await expect(rowOf(page, title)).toHaveCount(0);
  await message.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The change was undone.' })).toBeVisible();
  await expect(rowOf(page, title)).toHaveCount(1);
  expect(await labelsOf(page, eas.party, item.id)).toContain('Default');
});

test('mark as unread', async ({ page }) => {
  const parties = await logInAsOla(page);
  const eas = partyNamed(parties, /^EAS HEALTH CONSULTING AS$/i);
  const { items } = await search(page, [['party', eas.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '100']]);
  const read = uniquelyTitled(items).find((i) => i.isContentSeen && !i.endUserContext.systemLabels.includes('MarkedAsUnopened'));
  expect(read, 'the simulator seeds read dialogs for this party').toBeDefined();
  const item = read as Item;
  const title = titleOf(item);
  await open(page, 'inbox', eas.party);
  await expect(rowOf(page, title)).not.toContainText('Unread');
  await rowAction(page, title, 'Mark as unread');
  await expect(page.getByRole('status').filter({ hasText: '1 marked as unread.' })).toBeVisible();
  await expect(rowOf(page, title)).toContainText('Unread');
  // The row stays in the inbox: focus stays on its menu button.
  await expect(rowOf(page, title).getByRole('button', { name: `Actions for ${title}` })).toBeFocused();
  expect(await labelsOf(page, eas.party, item.id)).toContain('MarkedAsUnopened');
  // The row menu no longer offers it.
  await rowOf(page, title).getByRole('button', { name: `Actions for ${title}` }).click();
  const menu = rowOf(page, title).getByRole('menu', { name: `Actions for ${title}` });
  await expect(menu.getByRole('menuitem', { name: 'Move to archive' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Mark as unread' })).toHaveCount(0);
});

test('bulk: select several rows and move them to the archive and back', async ({ page }) => {
  const parties = await logInAsOla(page);
  const eas = partyNamed(parties, /^EAS HEALTH CONSULTING AS$/i);
  const { items } = await search(page, [['party', eas.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '100']]);
  const chosen = uniquelyTitled(items).slice(2, 5);
  expect(chosen.length).toBe(3);
  await open(page, 'inbox', eas.party);
  for (const item of chosen) {
    await dialogList(page).getByRole('checkbox', { name: `Select ${titleOf(item)}`, exact: true }).check();
  }
  const bar = page.getByRole('region', { name: 'Actions for selected' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('button', { name: 'Move to archive' }).click();
  const moved = page.getByRole('status').filter({ hasText: '3 moved to the archive.' });
  await expect(moved).toBeVisible();
  await expect(bar).toBeHidden();
  // The bulk bar is gone with the selection: focus is on "Undo" next to the message.
  await expect(moved.getByRole('button', { name: 'Undo' })).toBeFocused();
  for (const item of chosen) {
    await expect(rowOf(page, titleOf(item))).toHaveCount(0);
    expect(await labelsOf(page, eas.party, item.id)).toContain('Archive');
  }

  // The archive may hold other dialogs with the same titles: find the rows by position.
  await open(page, 'archive', eas.party);
  const archived = (await search(page, [['party', eas.party], ['systemLabel', 'Archive'], ['orderBy', ORDER], ['limit', '100']]))
    .items.filter((i) => !i.isApiOnly);
  for (const item of chosen) {
    const index = archived.findIndex((i) => i.id === item.id);
    expect(index).toBeGreaterThanOrEqual(0);
    await rowAt(page, index).getByRole('checkbox', { name: `Select ${titleOf(item)}`, exact: true }).check();
  }
  await page.getByRole('region', { name: 'Actions for selected' }).getByRole('button', { name: 'Restore to inbox' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 moved to the inbox.' })).toBeVisible();
  for (const item of chosen) {
    expect(await labelsOf(page, eas.party, item.id)).toContain('Default');
  }
});

test('a dialog changed elsewhere (412) reloads the list and tells the user', async ({ page }) => {
  const parties = await logInAsOla(page);
  const eas = partyNamed(parties, /^EAS HEALTH CONSULTING AS$/i);
  const { items } = await search(page, [['party', eas.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '100']]);
  const item = uniquelyTitled(items)[5];
  const title = titleOf(item);
  await open(page, 'inbox', eas.party);
  await expect(rowOf(page, title)).toHaveCount(1);

  // Someone else changes the dialog's labels: its revision moves on.
  const bulk = '/api/dialogporten/api/v1/enduser/dialogs/context/systemlabels/actions/bulkset';
  const origin = new URL(page.url()).origin;
  const changed = await page.request.post(bulk, {
    headers: { origin },
    data: { dialogs: [{ dialogId: item.id }], addLabels: ['MarkedAsUnopened'], removeLabels: [] },
  });
  expect(changed.status()).toBe(204);

  await rowAction(page, title, 'Move to archive');
  await expect(page.getByRole('status').filter({ hasText: 'The dialog changed after the list was loaded' })).toBeVisible();
  // Not moved; the reloaded row shows the other change.
  expect(await labelsOf(page, eas.party, item.id)).toContain('Default');
  await expect(rowOf(page, title)).toContainText('Unread');

  const undo = await page.request.post(bulk, {
    headers: { origin },
    data: { dialogs: [{ dialogId: item.id }], addLabels: [], removeLabels: ['MarkedAsUnopened'] },
  });
  expect(undo.status()).toBe(204);
});
