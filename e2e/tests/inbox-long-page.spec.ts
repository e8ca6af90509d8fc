import { test, expect } from '@playwright/test';
import { collectErrors, ownServer } from './helpers';
import { dialogList, expectListShows, logInAsOla, search, titleOf } from './inbox-helpers';

// Long pages (the API allows up to 1,000 dialogs per page) are built progressively: the
// first rows at once, then more every frame. Every row must still appear, in the API's
// order, and be reachable. Runs against a server of its own with the large simulated world
// (Ola Nordmann's own party has tens of thousands of dialogs there).
const server = ownServer(Number(process.env.E2E_PORT ?? 8181) + 702, { PORTAL_SIM_SCALE: 'large' });
test.use({ baseURL: server.baseURL });
test.beforeAll(async () => { test.setTimeout(180_000); await server.start(); });
test.afterAll(async () => { await server.stop(); });

const ORDER = 'contentupdatedat_desc,id_desc';

test('a page of 500 dialogs shows every row in order, the last one reachable, and "Load more" focuses the first new row', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  const parties = await logInAsOla(page);
  const me = parties[0];
  const first = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '500']]);
  const rows = first.items.filter((i) => !i.isApiOnly);
  // Far more rows than the list builds at once and in its first frame (40 + 80).
  expect(rows.length).toBeGreaterThan(400);
  expect(first.hasNextPage).toBe(true);

  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&limit=500`);
  await expectListShows(page, first.items);
  const last = dialogList(page).getByRole('link').last();
  await expect(last).toHaveText(titleOf(rows[rows.length - 1]));
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();

  // The next 500: the first new row has focus at once, and every row follows.
  const next = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '500'],
    ['continuationToken', first.continuationToken!]]);
  const newRows = next.items.filter((i) => !i.isApiOnly);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(page.locator(':focus')).toHaveText(titleOf(newRows[0]));
  await expectListShows(page, [...first.items, ...next.items]);
  expect(errors).toEqual([]);
});
