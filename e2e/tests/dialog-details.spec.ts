import { test, expect } from '@playwright/test';
import { collectErrors, escapeRe } from './helpers';
import { API, best, details, exactName, findDialog, fixtures, logInAsOla, openDialog, search, titleOf, type Json } from './dialog-helpers';

// The details page: opened from the list, its heading and sections with the real counts,
// attachments, rendered content that cannot run scripts, and the dialog JSON the browser
// gets carries no dialog token.

test('a dialog opened from the list shows its title, facts and sections with real counts', async ({ page }) => {
  const errors = collectErrors(page);
  const party = await logInAsOla(page);
  await page.goto(`/inbox?party=${encodeURIComponent(party)}`);
  const [first] = (await search(page.request, party)).filter((i: Json) => !i.isApiOnly);
  const title = best(first.content.title.value, 'en');

  const dialogResponse = page.waitForResponse((r) => r.url().endsWith(`${API}/dialogs/${first.id}`));
  await page.getByRole('region', { name: 'Dialogs' }).getByRole('link', { name: new RegExp(escapeRe(title)) }).first().click();
  await expect(page).toHaveURL(new RegExp(`/inbox/${first.id}`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // What the browser received has no dialog token: the server keeps it.
  const received = await (await dialogResponse).json();
  expect(received.id).toBe(first.id);
  expect(received).not.toHaveProperty('dialogToken');

  // Counts come from the very answer the page got (each details GET adds a seen entry and
  // an "opened" activity, so a later GET would count more).
  const d = received;
  const senderName = best(d.content.senderName?.value, 'en') || d.org;
  await expect(page.getByRole('definition').filter({ hasText: senderName }).first()).toBeVisible();
  // The recipient is the party by name, written as the party picker writes it ("Nordmann
  // Ola" for the register's "NORDMANN OLA").
  const parties = (await (await page.request.get(`${API}/parties`)).json()).authorizedParties;
  const registered: string = parties.find((p: Json) => p.party === party).name;
  const titleCase = (name: string) => name.toLowerCase().replace(/(^|[ -])(\p{L})/gu, (_m, sep, c) => sep + c.toUpperCase());
  const titleCased = titleCase(registered);
  expect(registered).not.toBe(titleCased);
  await expect(page.getByRole('definition').filter({ hasText: new RegExp(`^${escapeRe(titleCased)}$`) })).toBeVisible();

  const attachments = page.getByRole('region', { name: 'Attachments' });
  await expect(attachments.getByRole('heading', { level: 2, name: 'Attachments' })).toBeVisible();
  if (d.attachments.length) {
    await expect(attachments.getByRole('listitem')).toHaveCount(d.attachments.length);
  } else {
    await expect(attachments.getByText('No attachments.')).toBeVisible();
  }
  const transmissions = page.getByRole('region', { name: 'Transmissions' });
  if (d.transmissions.length) {
    await expect(transmissions.getByRole('list', { name: 'Transmissions' }).getByRole('article')).toHaveCount(Math.min(3, d.transmissions.length));
  } else {
    await expect(transmissions.getByText('No transmissions yet.')).toBeVisible();
  }
  const activity = page.getByRole('region', { name: 'Activity log' });
  await expect(activity.getByRole('list', { name: 'Activity log' }).getByRole('listitem')).toHaveCount(d.activities.length);
  const seen = page.getByRole('region', { name: 'Seen by' });
  await expect(seen.getByRole('list', { name: 'Seen by' }).getByRole('listitem')).toHaveCount(d.seenSinceLastUpdate.length);
  await expect(seen.getByText('(you)')).toBeVisible();
  // People's names from the register are written the same way in the log.
  const mine: string = d.seenSinceLastUpdate.find((s: Json) => s.isCurrentEndUser).seenBy.actorName;
  expect(mine).toBe(mine.toUpperCase());
  await expect(seen.getByRole('listitem').filter({ hasText: '(you)' })).toContainText(`${titleCase(mine)} (you)`);

  // The back link returns to the same party's list.
  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  await expect(page).toHaveURL(new RegExp(`/inbox\\?party=${escapeRe(encodeURIComponent(party))}`));
  expect(errors).toEqual([]);
});

test('attachments link only their GUI URLs, with the media type in words', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) => x.attachments.length > 0);
  await openDialog(page, d, party);
  const region = page.getByRole('region', { name: 'Attachments' });
  for (const a of d.attachments) {
    const name = best(a.displayName, 'en') || a.name;
    const gui = a.urls.find((u: Json) => u.consumerType === 'Gui');
    const link = region.getByRole('link', { name: exactName(name) });
    await expect(link).toHaveAttribute('href', gui.url);
    const words = gui.mediaType === 'application/pdf' ? 'PDF document' : 'CSV file (spreadsheet)';
    await expect(region.getByRole('listitem').filter({ has: page.getByRole('link', { name: exactName(name) }) })).toContainText(words);
    // API URLs are for systems, never shown to people.
    for (const api of a.urls.filter((u: Json) => u.consumerType === 'Api')) {
      await expect(region.locator(`a[href="${api.url}"]`)).toHaveCount(0);
    }
  }
});

test('content is rendered as text: markup in it is shown, never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dlg) => { dialogs.push(dlg.message()); void dlg.dismiss(); });
  await page.addInitScript(() => { (window as unknown as { __xss: string }).__xss = 'untouched'; });
  const errors = collectErrors(page);
  const party = await logInAsOla(page);
  const { withScriptContent } = await fixtures(page.request);
  const d = await details(page.request, withScriptContent);
  await openDialog(page, d, party);

  const content = page.getByRole('region', { name: 'Content' });
  await expect(content.getByText("<script>alert('xss fra dialoginnhold')</script>")).toBeVisible();
  await expect(content.getByText(`<img src="x" onerror="alert('xss fra bilde')">`)).toBeVisible();
  // A javascript: link keeps its words and loses its link.
  await expect(content.getByText('Klikk her')).toBeVisible();
  await expect(content.getByRole('link', { name: /Klikk her/ })).toHaveCount(0);
  // Headings sit below the page's h1; web links open in a new tab, safely, and say so.
  await expect(content.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(content.getByRole('heading', { level: 3, name: titleOf(d, 'en') })).toBeVisible();
  await expect(content.getByRole('heading', { level: 4, name: 'Aktivt innhold' })).toBeVisible();
  const external = content.getByRole('link', { name: /opens in a new tab/ }).first();
  await expect(external).toHaveAttribute('target', '_blank');
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer');

  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss: string }).__xss,
    scripts: document.querySelectorAll('main script').length,
    images: document.querySelectorAll('main img').length,
  }));
  expect(state).toEqual({ xss: 'untouched', scripts: 0, images: 0 });
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('transmissions are a timeline, newest first, with their own content on demand', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) =>
    x.transmissions.some((t: Json) => t.isAuthorized && t.content.contentReference));
  await openDialog(page, d, party);
  const sorted = [...d.transmissions].sort((a: Json, b: Json) => b.createdAt.localeCompare(a.createdAt));
  const list = page.getByRole('region', { name: 'Transmissions' }).getByRole('list', { name: 'Transmissions' });
  const headings = list.getByRole('heading', { level: 3 });
  await expect(headings).toHaveText(sorted.slice(0, 3).map((t: Json) => best(t.content.title.value, 'en')));

  const index = sorted.findIndex((t: Json) => t.isAuthorized && t.content.contentReference);
  const item = list.getByRole('article').nth(index);
  await item.getByRole('button', { name: 'Show content' }).click();
  await expect(item.getByRole('button', { name: 'Hide content' })).toHaveAttribute('aria-expanded', 'true');
  await expect(item.getByRole('heading', { level: 4, name: best(sorted[index].content.title.value, 'en') })).toBeVisible();
});

test('a long timeline shows the newest three, and "Show all" reveals the rest with focus on the first revealed', async ({ page }) => {
  const errors = collectErrors(page);
  const party = await logInAsOla(page);
  const { withManyTransmissions } = await fixtures(page.request);
  const d = await details(page.request, withManyTransmissions);
  expect(d.transmissions.length).toBeGreaterThan(3);
  await openDialog(page, d, party);
  const sorted = [...d.transmissions].sort((a: Json, b: Json) => b.createdAt.localeCompare(a.createdAt));
  const titles = sorted.map((t: Json) => best(t.content.title.value, 'en'));
  const list = page.getByRole('region', { name: 'Transmissions' }).getByRole('list', { name: 'Transmissions' });
  const headings = list.getByRole('heading', { level: 3 });
  await expect(headings).toHaveText(titles.slice(0, 3));

  await page.getByRole('button', { name: `Show all (${sorted.length})` }).click();
  await expect(headings).toHaveText(titles);
  await expect(list.getByRole('article').nth(3)).toBeFocused();
  await expect(page.getByRole('button', { name: /^Show all/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('API actions are in a collapsed "For developers" section', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) => x.apiActions.length > 0);
  await openDialog(page, d, party);
  const endpoint = d.apiActions[0].endpoints[0];
  await expect(page.getByText(endpoint.url)).toBeHidden();
  await page.getByText('For developers').click();
  await expect(page.getByText(endpoint.url)).toBeVisible();
  await expect(page.getByRole('link', { name: /Documentation/ })).toHaveAttribute('href', endpoint.documentationUrl);
});

test.describe('nb locale', () => {
  test.use({ locale: 'nb-NO' });
  test('the Norwegian words are used with a Norwegian browser', async ({ page }) => {
    const party = await logInAsOla(page, 'nb');
    const [first] = (await search(page.request, party)).filter((i: Json) => !i.isApiOnly);
    await page.goto(`/inbox/${first.id}?party=${encodeURIComponent(party)}`);
    await expect(page.getByRole('heading', { level: 1, name: titleOf(first, 'nb') })).toBeVisible();
    for (const name of ['Vedlegg', 'Forsendelser', 'Aktivitetslogg', 'Sett av']) {
      await expect(page.getByRole('region', { name })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Flytt til arkiv' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Tilbake til innboksen' })).toBeVisible();
  });
});

test('no serious accessibility violations, and it fits a 360 px screen', async ({ page }) => {
  const party = await logInAsOla(page);
  const d = await findDialog(page.request, party, (x) =>
    x.attachments.length > 0 && x.transmissions.length > 0 && x.guiActions.length > 1);
  await page.setViewportSize({ width: 360, height: 740 });
  await openDialog(page, d, party);
  await expect(page.getByRole('region', { name: 'Attachments' })).toBeVisible();
  await page.getByText('For developers').click();
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
});
