import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { escapeRe, logIn, personas, simUrl, type Lang } from './helpers';

// Real data for the details journeys, asked through the server's proxy with the browser's
// own session (page.request shares the cookies).

export const API = '/api/dialogporten/api/v1/enduser';

export interface Loc { value: string; languageCode: string }
export const best = (list: Loc[] | undefined, lang: string): string =>
  (list?.find((l) => l.languageCode === lang) ?? list?.find((l) => l.languageCode === 'nb') ?? list?.[0])?.value ?? '';

export interface Fixtures { notVisibleYet: string; deleted: string; highAuthLevel: string; withScriptContent: string; withManyTransmissions: string }

export async function fixtures(request: APIRequestContext): Promise<Fixtures> {
  const res = await request.get(simUrl('/sim/api/fixtures'));
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Logs in as Ola Nordmann (the first persona) and returns his own party's URN. */
export async function logInAsOla(page: Page, lang: Lang = 'en'): Promise<string> {
  const [ola] = await personas(page.request);
  await logIn(page, ola, lang);
  const res = await page.request.get(`${API}/parties`);
  expect(res.status()).toBe(200);
  const { authorizedParties } = await res.json();
  return authorizedParties.find((p: { isCurrentEndUser: boolean }) => p.isCurrentEndUser).party;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Dialogs of `party` with `label`, newest first (search has no side effects). */
export async function search(request: APIRequestContext, party: string, label = 'Default', limit = 100): Promise<Json[]> {
  const q = new URLSearchParams({ party, systemLabel: label, limit: String(limit) });
  const res = await request.get(`${API}/dialogs?${q}`);
  expect(res.status()).toBe(200);
  return (await res.json()).items;
}

/** One dialog in full (this counts as the user having seen it). */
export async function details(request: APIRequestContext, id: string): Promise<Json> {
  const res = await request.get(`${API}/dialogs/${id}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The first dialog of `party`'s `label` view whose details satisfy `wanted`. */
export async function findDialog(request: APIRequestContext, party: string, wanted: (d: Json) => boolean, label = 'Default', skip = 0): Promise<Json> {
  const items = (await search(request, party, label)).filter((i: Json) => !i.isApiOnly).slice(skip);
  for (const item of items) {
    const d = await details(request, item.id);
    if (wanted(d)) return d;
  }
  throw new Error(`no dialog in ${label} matches`);
}

export const titleOf = (d: Json, lang = 'en') => best(d.content.title.value, lang);
export const exactName = (s: string) => new RegExp('^' + escapeRe(s) + '$');

/** Opens the details page of `d` directly and waits for its heading. */
export async function openDialog(page: Page, d: Json, party: string, lang = 'en') {
  await page.goto(`/inbox/${d.id}?party=${encodeURIComponent(party)}`);
  await expect(page.getByRole('heading', { level: 1, name: titleOf(d, lang) })).toBeVisible();
}
