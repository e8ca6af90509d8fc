import { test, expect } from '@playwright/test';
import { collectErrors, escapeRe } from './helpers';
import { dialogList, expectListShows, logInAsOla, partyNamed, rowAt, search, titleOf } from './inbox-helpers';

// The inbox list: views as routes, search and every filter in the URL, paging with "Load more",
// bookmarks, and the error explanations. Every expectation is checked against what Dialogporten
// answers through the server's proxy for the same search.

const ORDER = 'contentupdatedat_desc,id_desc';

test('each view is a route with its own heading and keeps the chosen party', async ({ page }) => {
  const errors = collectErrors(page);
  const parties = await logInAsOla(page);
  const ddg = partyNamed(parties, /^DDG FITNESS AS$/i);
  await page.goto(`/inbox?party=${encodeURIComponent(ddg.party)}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Folders' });
  const views: [string, string, [string, string][]][] = [
    ['Drafts', '/drafts', [['status', 'Draft']]],
    ['Sent', '/sent', [['systemLabel', 'Sent']]],
    ['Archive', '/archive', [['systemLabel', 'Archive']]],
    ['Bin', '/bin', [['systemLabel', 'Bin']]],
    ['Inbox', '/inbox', [['systemLabel', 'Default']]],
  ];
  for (const [name, path, filter] of views) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${escapeRe(path)}\\?party=${escapeRe(encodeURIComponent(ddg.party))}$`));
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    const { items } = await search(page, [['party', ddg.party], ...filter, ['orderBy', ORDER], ['limit', '50']]);
    await expect(page.getByRole('status').filter({ hasText: /Number of dialogs|No dialogs/ })).toBeVisible();
    await expectListShows(page, items);
  }
  expect(errors).toEqual([]);
});

test('free-text search and every filter live in the URL and match Dialogporten', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
  const base: [string, string][] = [['party', me.party], ['systemLabel', 'Default']];
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&limit=100`);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();

  // Free text: at least three characters, sent with the UI language.
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('tax');
  await box.press('Enter');
  await expect(page).toHaveURL(/[?&]search=tax(&|$)/);
  let expected = await search(page, [...base, ['search', 'tax'], ['searchLanguageCode', 'en'], ['orderBy', ORDER], ['limit', '100']]);
  expect(expected.items.length).toBeGreaterThan(0);
  await expectListShows(page, expected.items);
  await box.fill('');
  await box.press('Enter');
  await expect(page).not.toHaveURL(/search=/);

  // Status (several values).
  const status = page.getByRole('group', { name: 'Status' });
  await status.getByRole('checkbox', { name: 'Completed' }).check();
  await expect(page).toHaveURL(/status=Completed/);
  await status.getByRole('checkbox', { name: 'In progress' }).check();
  await expect(page).toHaveURL(/status=Completed&status=InProgress/);
  expected = await search(page, [...base, ['status', 'Completed'], ['status', 'InProgress'], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/status=/);

  // Sender: names, not codes.
  const sender = page.getByRole('group', { name: 'Sender' });
  await sender.getByRole('checkbox', { name: 'The Norwegian Tax Administration' }).check();
  await expect(page).toHaveURL(/[?&]org=skd(&|$)/);
  expected = await search(page, [...base, ['org', 'skd'], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await sender.getByRole('checkbox', { name: 'The Norwegian Tax Administration' }).uncheck();
  await expect(page).not.toHaveURL(/org=/);

  // Service: the choices come from the loaded dialogs.
  const service = page.getByRole('group', { name: 'Service' });
  const first = service.getByRole('checkbox').first();
  await first.check();
  await expect(page).toHaveURL(/[?&]service=urn%3Aaltinn%3Aresource%3A/);
  const resource = decodeURIComponent(new URL(page.url()).searchParams.get('service') ?? '');
  expected = await search(page, [...base, ['serviceResource', resource], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Read status.
  await page.getByLabel('Read status').selectOption({ label: 'Unread' });
  await expect(page).toHaveURL(/[?&]read=unread(&|$)/);
  expected = await search(page, [...base, ['isContentSeen', 'false'], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByLabel('Read status').selectOption({ label: 'Read' });
  expected = await search(page, [...base, ['isContentSeen', 'true'], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByLabel('Read status').selectOption({ label: 'All' });
  await expect(page).not.toHaveURL(/read=/);

  // Updated: presets, then a custom range of dates (local days, as the browser sees them).
  const dayStart = (daysAgo: number) => {
    const d = new Date();
    d.setHours(0, 0, 0, 0);
    d.setDate(d.getDate() - daysAgo);
    return d;
  };
  const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');
  await page.getByLabel('Updated').selectOption({ label: 'Last 30 days' });
  await expect(page).toHaveURL(/[?&]updated=30d(&|$)/);
  expected = await search(page, [...base, ['contentUpdatedAfter', iso(dayStart(29))], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByLabel('Updated').selectOption({ label: 'Custom range' });
  const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = dayStart(90);
  const to = dayStart(20);
  await page.getByLabel('From date').fill(ymd(from));
  await expect(page).toHaveURL(new RegExp(`updated=custom&from=${ymd(from)}`));
  await page.getByLabel('To date').fill(ymd(to));
  await expect(page).toHaveURL(new RegExp(`updated=custom&from=${ymd(from)}&to=${ymd(to)}`));
  const endOfTo = new Date(dayStart(19).getTime() - 1000);
  expected = await search(page, [...base, ['contentUpdatedAfter', iso(from)], ['contentUpdatedBefore', iso(endOfTo)], ['orderBy', ORDER], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/updated=/);

  // Sort by created date and by due date; the same orderBy as Dialogporten.
  await page.getByLabel('Sort by').selectOption({ label: 'Created' });
  await expect(page).toHaveURL(/[?&]sort=created(&|$)/);
  expected = await search(page, [...base, ['orderBy', 'createdat_desc,id_desc'], ['limit', '100']]);
  await expectListShows(page, expected.items);
  await page.getByLabel('Sort by').selectOption({ label: 'Due date' });
  expected = await search(page, [...base, ['orderBy', 'dueat_asc,id_desc'], ['limit', '100']]);
  await expectListShows(page, expected.items);
});

test('a bookmarked search restores the exact list, also after reload and back/forward', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
  const url = `/inbox?party=${encodeURIComponent(me.party)}&status=Completed&status=RequiresAttention&read=read&sort=created&limit=20`;
  await page.goto(url);
  const expected = await search(page, [['party', me.party], ['status', 'Completed'], ['status', 'RequiresAttention'],
    ['systemLabel', 'Default'], ['isContentSeen', 'true'], ['orderBy', 'createdat_desc,id_desc'], ['limit', '20']]);
  await expectListShows(page, expected.items);
  const status = page.getByRole('group', { name: 'Status' });
  await expect(status.getByRole('checkbox', { name: 'Completed' })).toBeChecked();
  await expect(status.getByRole('checkbox', { name: 'Requires attention' })).toBeChecked();
  await expect(status.getByRole('checkbox', { name: 'In progress' })).not.toBeChecked();
  await expect(page.getByLabel('Read status')).toHaveValue('read');
  await expect(page.getByLabel('Sort by')).toHaveValue('created');

  await page.reload();
  await expectListShows(page, expected.items);

  await page.getByLabel('Read status').selectOption({ label: 'All' });
  await expect(page).not.toHaveURL(/read=/);
  await page.goBack();
  await expect(page).toHaveURL(/read=read/);
  await expect(page.getByLabel('Read status')).toHaveValue('read');
  await expectListShows(page, expected.items);
  await page.goForward();
  await expect(page.getByLabel('Read status')).toHaveValue('');
});

test('"Load more" pages with the continuation token and the same orderBy, and back restores the pages', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&sort=created&limit=5`);
  const params: [string, string][] = [['party', me.party], ['systemLabel', 'Default'], ['orderBy', 'createdat_desc,id_desc'], ['limit', '5']];
  const p1 = await search(page, params);
  expect(p1.hasNextPage).toBe(true);
  const p2 = await search(page, [...params, ['continuationToken', p1.continuationToken!]]);
  expect(p2.hasNextPage).toBe(true);
  const p3 = await search(page, [...params, ['continuationToken', p2.continuationToken!]]);
  await expectListShows(page, p1.items);

  const more = page.getByRole('button', { name: 'Load more' });
  await more.click();
  await expectListShows(page, [...p1.items, ...p2.items]);
  await expect(page.getByRole('status').filter({ hasText: `${p2.items.length} more dialogs loaded` })).toBeVisible();
  const firstNew = p1.items.filter((i) => !i.isApiOnly).length;
  await expect(dialogList(page).getByRole('link').nth(firstNew)).toBeFocused();
  await expect(dialogList(page).getByRole('link').nth(firstNew)).toHaveText(titleOf(p2.items.filter((i) => !i.isApiOnly)[0]));
  await more.click();
  const all = [...p1.items, ...p2.items, ...p3.items];
  await expectListShows(page, all);
  await expect(dialogList(page).getByRole('link').nth([...p1.items, ...p2.items].filter((i) => !i.isApiOnly).length)).toBeFocused();

  // Away and back: the three pages are shown again.
  await page.getByRole('navigation', { name: 'Folders' }).getByRole('link', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expectListShows(page, all);

  // A new filter starts again from the first page.
  await page.getByLabel('Read status').selectOption({ label: 'Unread' });
  const unread = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['isContentSeen', 'false'], ['orderBy', 'createdat_desc,id_desc'], ['limit', '5']]);
  await expectListShows(page, unread.items);
});

test('rows show sender, status, dates, unread marker and attachments, and link to the dialog', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&limit=30`);
  const { items } = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '30']]);
  await expectListShows(page, items);
  const shown = items.filter((i) => !i.isApiOnly);
  const position = Math.max(0, shown.findIndex((i) => (i as unknown as { dueAt?: string }).dueAt));
  const item = shown[position];
  const row = rowAt(page, position);
  const link = row.getByRole('link', { name: titleOf(item), exact: true });
  await expect(link).toHaveAttribute('href', `/inbox/${item.id}?party=${encodeURIComponent(item.party)}`);
  if ((item as unknown as { dueAt?: string }).dueAt) await expect(row).toContainText('Due');
  await expect(row.getByRole('checkbox', { name: `Select ${titleOf(item)}` })).toBeVisible();
  await expect(row.getByRole('time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(row.getByRole('time').first()).toHaveAttribute('title', /\d{4}/);
  if (!item.isContentSeen) await expect(row).toContainText('Unread');
  const attachments = (item as unknown as { guiAttachmentCount?: number }).guiAttachmentCount ?? 0;
  if (attachments > 0) await expect(row).toContainText(attachments === 1 ? /(^|[^0-9])1 attachment(?!s)/ : `${attachments} attachments`);
});

test('errors: 422 asks to narrow the search, empty results, network failure and an ended session', async ({ page }) => {
  const parties = await logInAsOla(page);
  const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&search=timeout`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The search took too long. Narrow your search');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The proxy answers the same search with 422.
  const res = await page.request.get(`/api/dialogporten/api/v1/enduser/dialogs?party=${encodeURIComponent(me.party)}&search=timeout`);
  expect(res.status()).toBe(422);

  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('qqqzzzxyz');
  await box.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'No dialogs match your search.' })).toBeVisible();
  await expect(dialogList(page)).toHaveCount(0);

  // Network failure, then "Try again" once the network is back.
  const searches = (url: URL) => url.pathname.endsWith('/api/dialogporten/api/v1/enduser/dialogs');
  await page.route(searches, (route) => route.abort());
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&limit=5`);
  await expect(page.getByRole('alert')).toContainText('We could not reach the service');
  await page.unroute(searches);
  await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
  const five = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDER], ['limit', '5']]);
  await expectListShows(page, five.items);

  // The session ends: offer to log in again, back to the same search.
  await page.request.post('/api/logout', { headers: { origin: new URL(page.url()).origin } });
  await page.getByRole('searchbox', { name: 'Search' }).fill('tax');
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  const login = page.getByRole('alert').getByRole('link', { name: 'Log in again' });
  await expect(login).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Your session has ended');
  await expect(login).toHaveAttribute('href', /^\/api\/login\?returnTo=%2Finbox%3F/);
});

test.describe('in Norwegian (nb)', () => {
  test.use({ locale: 'nb-NO' });
  test('views, search box and filters are translated', async ({ page }) => {
    const errors = collectErrors(page);
    const parties = await logInAsOla(page, 'nb');
    const me = partyNamed(parties, /^DDG FITNESS AS$/i); // a party no other journey changes
    await page.goto(`/inbox?party=${encodeURIComponent(me.party)}`);
    const nav = page.getByRole('navigation', { name: 'Mapper' });
    for (const name of ['Innboks', 'Utkast', 'Sendt', 'Arkiv', 'Papirkurv', 'Lagrede søk']) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await nav.getByRole('link', { name: 'Arkiv', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Arkiv' })).toBeVisible();
    await nav.getByRole('link', { name: 'Innboks', exact: true }).click();
    const box = page.getByRole('searchbox', { name: 'Søk' });
    await box.fill('skatt');
    await box.press('Enter');
    await expect(page).toHaveURL(/search=skatt/);
    const { items } = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['search', 'skatt'],
      ['searchLanguageCode', 'nb'], ['orderBy', ORDER], ['limit', '50']], 'nb');
    await expectListShows(page, items, 'nb');
    await expect(page.getByRole('group', { name: 'Avsender' }).getByRole('checkbox', { name: 'Skatteetaten' })).toBeVisible();
    await expect(page.getByLabel('Lesestatus')).toBeVisible();
    await expect(page.getByLabel('Sorter etter')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lagre søk' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test('filters fold away on a small screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logInAsOla(page);
  const filters = page.getByText('Filters', { exact: true });
  await expect(page.getByLabel('Sort by')).toBeHidden();
  await filters.click();
  await expect(page.getByLabel('Sort by')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
});

