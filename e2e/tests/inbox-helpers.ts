import { expect, type Page } from '@playwright/test';
import { escapeRe, logIn, personas, type Lang } from './helpers';

/** A party as `GET …/enduser/parties` lists it. */
export interface Party {
  party: string;
  name: string;
  partyType: 'Person' | 'Organization';
  isDeleted: boolean;
  isCurrentEndUser: boolean;
  hasOnlyAccessToSubParties: boolean;
  subParties?: Party[] | null;
}

/** A dialog list item, as much of it as the journeys read. */
export interface Item {
  id: string;
  org: string;
  serviceResource: string;
  isContentSeen: boolean;
  isApiOnly: boolean;
  status: string;
  party: string;
  endUserContext: { revision: string; systemLabels: string[] };
  content: { title: { value: { value: string; languageCode: string }[] } };
}

export interface Page_ { items: Item[]; hasNextPage: boolean; continuationToken?: string | null; orderBy: string }

/** Logs in as the first persona (Ola Nordmann) and returns his parties, sub-units included. */
export async function logInAsOla(page: Page, lang: Lang = 'en'): Promise<Party[]> {
  const [ola] = await personas(page.request);
  await logIn(page, ola, lang);
  const res = await page.request.get('/api/dialogporten/api/v1/enduser/parties');
  expect(res.status()).toBe(200);
  const { authorizedParties } = (await res.json()) as { authorizedParties: Party[] };
  return authorizedParties.flatMap((p) => [p, ...(p.subParties ?? [])]);
}

export function partyNamed(parties: Party[], name: RegExp): Party {
  const found = parties.find((p) => name.test(p.name));
  expect(found, `a party named ${name}`).toBeTruthy();
  return found as Party;
}

/** Searches Dialogporten through the server's proxy, as the portal should. */
export async function search(page: Page, params: [string, string][], lang: Lang = 'en'): Promise<Page_> {
  const q = new URLSearchParams(params);
  const res = await page.request.get(`/api/dialogporten/api/v1/enduser/dialogs?${q}`, {
    headers: { 'accept-language': lang },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

export function titleOf(item: Item, lang: Lang = 'en'): string {
  const titles = item.content.title.value;
  return (titles.find((t) => t.languageCode === lang) ?? titles.find((t) => t.languageCode === 'nb') ?? titles[0]).value;
}

/** The dialog list on the page: the region named "Dialogs" holding a heading and a list per month. */
export const dialogList = (page: Page, name = 'Dialogs') => page.getByRole('region', { name, exact: true });

/** Asserts that the list shows exactly `items` (API-only ones left out), in order. */
export async function expectListShows(page: Page, items: Item[], lang: Lang = 'en') {
  const shown = items.filter((i) => !i.isApiOnly);
  const list = dialogList(page, lang === 'en' ? 'Dialogs' : 'Dialoger');
  if (shown.length === 0) {
    await expect(list).toHaveCount(0);
    return;
  }
  const links = list.getByRole('link');
  await expect(links).toHaveCount(shown.length);
  const expected = shown.map((i) => titleOf(i, lang));
  await expect(links).toHaveText(expected);
}

/** The row (list item) of a dialog by its title. */
export const rowOf = (page: Page, title: string) =>
  dialogList(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** The row of the `index`th dialog link of the list. */
export const rowAt = (page: Page, index: number) =>
  dialogList(page).getByRole('listitem').nth(index);

/** Items whose title is unique among `items` (so a row can be found by its title). */
export function uniquelyTitled(items: Item[]): Item[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(titleOf(i), (counts.get(titleOf(i)) ?? 0) + 1);
  return items.filter((i) => !i.isApiOnly && counts.get(titleOf(i)) === 1);
}

export const urlParam = (name: string, value: string) => new RegExp(`[?&]${escapeRe(name)}=${escapeRe(encodeURIComponent(value))}(&|$)`);
