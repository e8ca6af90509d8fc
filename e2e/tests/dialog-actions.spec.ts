import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { escapeRe } from './helpers';
import { API, best, details, exactName, findDialog, logInAsOla, openDialog, search, type Json } from './dialog-helpers';

// Every kind of GUI action, and moving the dialog between inbox, archive and bin from the
// details page. The dialogs are picked from real data fetched through the proxy.

const gui = (d: Json, f: (a: Json) => boolean) => d.guiActions.find(f);
const title = (a: Json) => best(a.title, 'en');

test('GET actions are links; POST with a prompt asks first, then reports success', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) =>
    !!gui(x, (a) => a.httpMethod === 'POST' && a.isAuthorized && a.prompt));
  await openDialog(page, d, party);

  const link = gui(d, (a) => a.httpMethod === 'GET' && a.isAuthorized);
  await expect(page.getByRole('link', { name: exactName(title(link)) })).toHaveAttribute('href', link.url);

  const post = gui(d, (a) => a.httpMethod === 'POST' && a.isAuthorized && a.prompt);
  const button = page.getByRole('button', { name: exactName(title(post)) });
  const confirm = page.getByRole('dialog', { name: title(post) });

  // Escape cancels and focus returns to the button.
  await button.click();
  await expect(confirm).toBeVisible();
  await expect(confirm).toHaveAttribute('aria-modal', 'true');
  await expect(confirm.getByText(best(post.prompt, 'en'))).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(button).toBeFocused();

  // Focus stays inside while it is open (the page behind is inert).
  await button.click();
  await expect(confirm).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const inside = await confirm.evaluate((el) => el.contains(document.activeElement));
    expect(inside).toBe(true);
  }
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `“${title(post)}” is done.` })).toBeVisible();
});

test('unauthorised actions are disabled and say why', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) => !!gui(x, (a) => !a.isAuthorized && !a.isDeleteDialogAction));
  await openDialog(page, d, party);
  const action = gui(d, (a) => !a.isAuthorized && !a.isDeleteDialogAction);
  const button = page.getByRole('button', { name: exactName(title(action)) });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription('You do not have the rights to do this.');
});

test('delete actions show only in the bin, and deleting explains the result', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) => !!gui(x, (a) => a.isDeleteDialogAction && a.isAuthorized), 'Default', 40);
  await openDialog(page, d, party);
  const del = gui(d, (a) => a.isDeleteDialogAction);
  const actions = page.getByRole('group', { name: 'Actions' });
  await expect(actions.getByRole('button', { name: exactName(title(del)) })).toHaveCount(0);

  await page.getByRole('button', { name: 'Move to bin' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The dialog was moved to the bin.' })).toBeVisible();
  // In the bin the delete action appears; with more than three actions it is in the
  // "More actions" menu (a menu button: ArrowDown opens it on its first item).
  const more = actions.getByRole('button', { name: 'More actions' });
  if (await more.count()) {
    await expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await more.focus();
    await page.keyboard.press('ArrowDown');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    const menu = actions.getByRole('menu', { name: 'More actions' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(more).toBeFocused();
    await more.click();
  }
  const deleteButton = actions.getByRole('button', { name: exactName(title(del)) })
    .or(actions.getByRole('menuitem', { name: exactName(title(del)) }));
  await deleteButton.click();
  const confirm = page.getByRole('dialog', { name: title(del) });
  await confirm.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByText('This dialog has been deleted and no longer exists.')).toBeVisible();
  expect((await page.request.get(`${API}/dialogs/${d.id}`)).status()).toBe(410);
});

test('archive → bin → restore from the details page, with undo', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, () => true, 'Default', 20);
  await openDialog(page, d, party);
  const labels = async () => (await details(page.request, d.id)).endUserContext.systemLabels;
  const status = page.getByRole('status').filter({ hasText: /dialog|change/ });

  await page.getByRole('button', { name: 'Move to archive' }).click();
  await expect(status).toContainText('The dialog was moved to the archive.');
  // The pressed button is gone; keyboard focus stays with the label buttons.
  await expect(page.getByRole('group', { name: 'Organise' }).getByRole('button').first()).toBeFocused();
  expect(await labels()).toContain('Archive');

  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(status).toContainText('The change was undone.');
  expect(await labels()).toContain('Default');

  await page.getByRole('button', { name: 'Move to archive' }).click();
  await expect(status).toContainText('The dialog was moved to the archive.');
  await page.getByRole('button', { name: 'Move to bin' }).click();
  await expect(status).toContainText('The dialog was moved to the bin.');
  expect(await labels()).toContain('Bin');
  await expect(page.getByRole('button', { name: 'Move to bin' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore to inbox' }).click();
  await expect(status).toContainText('The dialog was moved back to the inbox.');
  const now = await labels();
  expect(now).toContain('Default');
  expect(now).not.toContain('Bin');
});

test('a change made elsewhere meanwhile (412) reloads the dialog and says so', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, () => true, 'Default', 30);
  await openDialog(page, d, party);
  // Someone else archives it after the page loaded.
  const res = await page.request.put(`${API}/dialogs/${d.id}/context/systemlabels`, {
    data: { addLabels: ['Archive'] },
    headers: { 'if-match': `"${d.endUserContext.revision}"`, origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(204);
  await page.getByRole('button', { name: 'Move to bin' }).click();
  await expect(page.getByRole('status')
    .filter({ hasText: 'The dialog was changed somewhere else in the meantime.' })).toBeVisible();
  // Reloaded: now in the archive, so "Restore to inbox" is offered.
  await expect(page.getByRole('button', { name: 'Restore to inbox' })).toBeVisible();
});

test('mark as unread: the list shows the dialog as unread', async ({ page }) => {
  const party = await logInAsOla(page);
  // A dialog whose title is unique on the list's first page, so its row is unambiguous.
  const items = (await search(page.request, party, 'Default', 20)).filter((i: Json) => !i.isApiOnly);
  const titleCount = (t: string) => items.filter((i: Json) => best(i.content.title.value, 'en') === t).length;
  const d = await findDialog(page.request, party, (x) => titleCount(best(x.content.title.value, 'en')) === 1, 'Default', 2);
  await openDialog(page, d, party);
  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The dialog is marked as unread.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toHaveCount(0);
  const after = (await search(page.request, party)).find((i: Json) => i.id === d.id);
  expect(after.endUserContext.systemLabels).toContain('MarkedAsUnopened');

  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  const link = page.getByRole('link', { name: new RegExp(escapeRe(best(d.content.title.value, 'en'))) });
  const row = page.getByRole('region', { name: 'Dialogs' }).getByRole('listitem').filter({ has: link }).first();
  await expect(row).toContainText('Unread');
});

test('"More actions" is a menu button: keyboard operable, and it passes axe when open', async ({ page }) => {
  await logInAsOla(page);
  // In the bin a dialog with three actions besides delete shows four: the fourth goes in the
  // menu. EAS Health Consulting's bin holds one (read only here).
  const res = await page.request.get(`${API}/parties`);
  const eas = (await res.json()).authorizedParties.find((p: Json) => /^EAS HEALTH CONSULTING AS$/i.test(p.name)).party;
  const d = await findDialog(page.request, eas, (x) => x.guiActions.length > 3, 'Bin');
  await openDialog(page, d, eas);
  const actions = page.getByRole('group', { name: 'Actions' });
  const more = actions.getByRole('button', { name: 'More actions' });
  const menu = actions.getByRole('menu', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-controls', 'more-actions');
  await expect(menu).toBeHidden();

  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(n - 1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(n - 1)).toBeFocused();

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(n - 1)).toBeFocused();
  // A click elsewhere closes it.
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).toBeHidden();
});
