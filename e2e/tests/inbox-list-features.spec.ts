import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { collectErrors } from './helpers';
import { type Item, dialogList, logInAsOla, partyNamed, rowOf, search, titleOf, uniquelyTitled } from './inbox-helpers';

// The dialog list's month headings (by the date the list is sorted on, merged across "Load
// more"), search-match highlighting, and the row menu as a WAI-ARIA menu button. Expectations
// come from what Dialogporten answers through the proxy; the simulator dates its dialogs
// relative to now, so months are computed here, in the browser's time zone.

type Dated = Item & { contentUpdatedAt: string; createdAt: string; dueAt?: string | null };
type DateField = 'contentUpdatedAt' | 'createdAt' | 'dueAt';
interface Group { heading: string; titles: string[] }

const ORDERS: Record<DateField, string> = {
  contentUpdatedAt: 'contentupdatedat_desc,id_desc',
  createdAt: 'createdat_desc,id_desc',
  dueAt: 'dueat_asc,id_desc',
};

/** "November 2026" for `iso`, as the browser's time zone sees it. */
async function monthNamer(page: Page): Promise<(iso: string) => string> {
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const format = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone });
  return (iso) => format.format(new Date(iso));
}

/** The groups the list should show for `items`: one per month of `field`, in list order, with
 *  the dialogs without that date last under "No due date". */
async function expectedGroups(page: Page, items: Item[], field: DateField): Promise<Group[]> {
  const month = await monthNamer(page);
  const groups: Group[] = [];
  for (const item of items.filter((i) => !i.isApiOnly) as Dated[]) {
    const at = item[field];
    const heading = at ? month(at) : 'No due date';
    let group = groups.find((g) => g.heading === heading);
    if (!group) groups.push((group = { heading, titles: [] }));
    group.titles.push(titleOf(item));
  }
  return [...groups.filter((g) => g.heading !== 'No due date'), ...groups.filter((g) => g.heading === 'No due date')];
}

/** The list shows exactly `groups`: level-2 headings in order, each followed by a list named by
 *  it with the month's dialogs in order. */
async function expectGroups(page: Page, groups: Group[]) {
  const region = dialogList(page);
  await expect(region.getByRole('heading', { level: 2 })).toHaveText(groups.map((g) => g.heading));
  await expect(region.getByRole('list')).toHaveCount(groups.length);
  for (const g of groups) {
    await expect(region.getByRole('list', { name: g.heading, exact: true }).getByRole('link')).toHaveText(g.titles);
  }
}

async function partyUrn(page: Page, name: RegExp): Promise<string> {
  return partyNamed(await logInAsOla(page), name).party;
}

test('rows are grouped under a heading per month of the sort date', async ({ page }) => {
  const errors = collectErrors(page);
  const ddg = await partyUrn(page, /^DDG FITNESS AS$/i); // a party no other journey changes
  for (const [sort, field] of [['', 'contentUpdatedAt'], ['created', 'createdAt'], ['due', 'dueAt']] as const) {
    const { items } = await search(page, [['party', ddg], ['systemLabel', 'Default'], ['orderBy', ORDERS[field]], ['limit', '100']]);
    const groups = await expectedGroups(page, items, field);
    expect(groups.length, `${field}: dialogs in more than one month`).toBeGreaterThan(1);
    await page.goto(`/inbox?party=${encodeURIComponent(ddg)}${sort ? `&sort=${sort}` : ''}&limit=100`);
    await expectGroups(page, groups);
    if (field === 'dueAt') {
      // Dialogs without a due date come last, under their own heading.
      expect(groups[groups.length - 1].heading).toBe('No due date');
    }
  }
  expect(errors).toEqual([]);
});

test('a month continued by "Load more" keeps one heading, and focus moves to the first new row', async ({ page }) => {
  const ddg = await partyUrn(page, /^DDG FITNESS AS$/i);
  const params: [string, string][] = [['party', ddg], ['systemLabel', 'Default'], ['orderBy', ORDERS.createdAt]];
  const all = (await search(page, [...params, ['limit', '100']])).items as Dated[];
  const month = await monthNamer(page);
  // A page size that ends a page in the middle of a month.
  const limit = all.findIndex((item, i) => i >= 1 && !item.isApiOnly && !all[i - 1].isApiOnly
    && month(item.createdAt) === month(all[i - 1].createdAt));
  expect(limit, 'two dialogs created in the same month').toBeGreaterThan(0);
  const first = await search(page, [...params, ['limit', String(limit)]]);
  const second = await search(page, [...params, ['limit', String(limit)], ['continuationToken', first.continuationToken!]]);
  const continued = month((second.items[0] as Dated).createdAt);

  await page.goto(`/inbox?party=${encodeURIComponent(ddg)}&sort=created&limit=${limit}`);
  await expectGroups(page, await expectedGroups(page, first.items, 'createdAt'));
  await page.getByRole('button', { name: 'Load more' }).click();
  await expectGroups(page, await expectedGroups(page, [...first.items, ...second.items], 'createdAt'));
  await expect(dialogList(page).getByRole('heading', { name: continued, exact: true })).toHaveCount(1);
  const firstNew = dialogList(page).getByRole('list', { name: continued, exact: true })
    .getByRole('link', { name: titleOf(second.items[0]), exact: true });
  await expect(firstNew).toBeFocused();
});

test('search words are marked in titles and summaries; the link keeps its plain name', async ({ page }) => {
  const ddg = await partyUrn(page, /^DDG FITNESS AS$/i);
  await page.goto(`/inbox?party=${encodeURIComponent(ddg)}&limit=100`);
  await expect(dialogList(page).getByRole('link').first()).toBeVisible();
  await expect(dialogList(page).getByRole('mark')).toHaveCount(0);

  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('vat return');
  await box.press('Enter');
  const { items } = await search(page, [['party', ddg], ['systemLabel', 'Default'], ['search', 'vat return'],
    ['searchLanguageCode', 'en'], ['orderBy', ORDERS.contentUpdatedAt], ['limit', '100']]);
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const title = titleOf(item);
    const link = dialogList(page).getByRole('link', { name: title, exact: true });
    // The phrase is marked as one, in the title's own case.
    await expect(link.getByRole('mark')).toHaveText(['VAT return']);
    await expect(link).toHaveText(title);
  }
  // The summary ("The VAT return for the term …") is marked too.
  const row = rowOf(page, titleOf(items[0]));
  await expect(row.getByRole('paragraph').filter({ hasText: 'The VAT return' }).getByRole('mark')).toHaveText(['VAT return']);
});

test('attachment counts read "1 attachment" and "n attachments"', async ({ page }) => {
  const me = partyNamed(await logInAsOla(page), /^NORDMANN OLA$/i);
  const { items } = await search(page, [['party', me.party], ['systemLabel', 'Default'], ['orderBy', ORDERS.contentUpdatedAt], ['limit', '100']]);
  const counted = uniquelyTitled(items.filter((i) => !i.isApiOnly)).map((item) => ({ item, n: (item as Item & { guiAttachmentCount?: number }).guiAttachmentCount ?? 0 }));
  expect(counted.some(({ n }) => n === 1), 'a dialog with one attachment').toBe(true);
  await page.goto(`/inbox?party=${encodeURIComponent(me.party)}&limit=100`);
  for (const { item, n } of counted) {
    const row = rowOf(page, titleOf(item));
    if (n === 1) {
      await expect(row).toContainText(/(^|[^0-9])1 attachment(?!s)/);
    } else if (n > 1) {
      await expect(row).toContainText(`${n} attachments`);
    }
  }
});

test.describe('in Norwegian (nb)', () => {
  test.use({ locale: 'nb-NO' });
  test('upper-case æøå in the search match their lower-case letters', async ({ page }) => {
    const bergen = partyNamed(await logInAsOla(page, 'nb'), /^DDG FITNESS AS AVD\. BERGEN$/i).party;
    await page.goto(`/inbox?party=${encodeURIComponent(bergen)}&search=${encodeURIComponent('FOR BYGDØY ALLÉ')}`);
    const { items } = await search(page, [['party', bergen], ['systemLabel', 'Default'], ['search', 'FOR BYGDØY ALLÉ'],
      ['searchLanguageCode', 'nb'], ['orderBy', ORDERS.contentUpdatedAt], ['limit', '100']], 'nb');
    expect(items.length).toBeGreaterThan(0);
    const title = titleOf(items[0], 'nb');
    const link = dialogList(page, 'Dialoger').getByRole('link', { name: title, exact: true });
    await expect(link.getByRole('mark')).toHaveText(['for Bygdøy allé']);
    // Month headings in Norwegian.
    const month = new Intl.DateTimeFormat('en-GB', { month: 'numeric', year: 'numeric', timeZone:
      await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone) });
    const names = ['Januar', 'Februar', 'Mars', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Desember'];
    const [m, y] = month.format(new Date((items[0] as Dated).contentUpdatedAt)).split('/').map(Number);
    await expect(dialogList(page, 'Dialoger').getByRole('heading', { level: 2 }).first()).toHaveText(`${names[m - 1]} ${y}`);
  });
});

test('the row menu is a menu button operable by keyboard; it passes axe when open', async ({ page }) => {
  // A party no other journey uses; whatever is moved is put back.
  const party = await partyUrn(page, /^OSLOS VAKRESTE BORETTSLAG$/i);
  const { items } = await search(page, [['party', party], ['systemLabel', 'Default'], ['orderBy', ORDERS.contentUpdatedAt], ['limit', '100']]);
  const [a, b] = uniquelyTitled(items);
  await page.goto(`/inbox?party=${encodeURIComponent(party)}&limit=100`);
  const toggle = rowOf(page, titleOf(a)).getByRole('button', { name: `Actions for ${titleOf(a)}` });
  const menu = page.getByRole('menu', { name: `Actions for ${titleOf(a)}` });
  await expect(toggle).toHaveAttribute('aria-haspopup', 'menu');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeHidden();

  // Enter opens on the first item; arrows move and wrap; Home/End jump.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toHaveAttribute('aria-controls', (await menu.getAttribute('id'))!);
  const items_ = menu.getByRole('menuitem');
  const names = await items_.allTextContents();
  expect(names.slice(0, 2)).toEqual(['Move to archive', 'Move to bin']);
  const last = names.length - 1;
  await expect(items_.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items_.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items_.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items_.nth(last)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items_.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items_.nth(last)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items_.nth(0)).toBeFocused();

  // Escape closes and gives focus back to the button.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // ArrowDown opens on the first item, ArrowUp on the last; Space opens too.
  await page.keyboard.press('ArrowDown');
  await expect(items_.nth(0)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowUp');
  await expect(items_.nth(last)).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await expect(items_.nth(0)).toBeFocused();

  // Tab closes it and moves on; so does a click outside.
  await page.keyboard.press('Tab');
  await expect(menu).toBeHidden();
  await toggle.click();
  await expect(menu).toBeVisible();
  await expect(items_.nth(0)).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).toBeHidden();

  // One menu at a time.
  await toggle.click();
  await rowOf(page, titleOf(b)).getByRole('button', { name: `Actions for ${titleOf(b)}` }).click();
  await expect(page.getByRole('menu', { name: `Actions for ${titleOf(b)}` })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('menu')).toHaveCount(1);

  // Open, no serious or critical axe violations.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Escape');

  // "Move to archive" by keyboard: the usual confirmation, and Dialogporten agrees; then undo.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(items_.nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  const done = page.getByRole('status').filter({ hasText: '1 moved to the archive.' });
  await expect(done).toBeVisible();
  await expect(rowOf(page, titleOf(a))).toHaveCount(0);
  // Focus moves to the row that followed it, so keyboard users keep their place.
  const shown = items.filter((i) => !i.isApiOnly);
  const at = shown.findIndex((i) => i.id === a.id);
  const neighbour = shown[at + 1] ?? shown[at - 1];
  await expect(page.locator(':focus')).toHaveAttribute('href', new RegExp(neighbour.id));
  const archived = await search(page, [['party', party], ['systemLabel', 'Archive'], ['orderBy', ORDERS.contentUpdatedAt], ['limit', '1000']]);
  expect(archived.items.map((i) => i.id)).toContain(a.id);
  await done.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The change was undone.' })).toBeVisible();
  await expect(rowOf(page, titleOf(a))).toHaveCount(1);
});
