import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A persona of the simulator, as `GET /sim/api/personas` lists them. */
export interface Persona { name: string; pid: string; roles: string[]; description?: string }

export async function personas(request: APIRequestContext): Promise<Persona[]> {
  const res = await request.get('/sim/api/personas');
  expect(res.ok()).toBeTruthy();
  return res.json();
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Collects console errors and uncaught exceptions; assert it is empty at the end of a test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** UI words the journeys use, per language (the accessible names are the contract). */
export const words = {
  en: { logIn: 'Log in', logOut: 'Log out', chooseUser: 'Choose a test user', inbox: 'Inbox', dialogs: 'Dialogs', chooseParty: 'Choose party' },
  nb: { logIn: 'Logg inn', logOut: 'Logg ut', chooseUser: 'Velg en testbruker', inbox: 'Innboks', dialogs: 'Dialoger', chooseParty: 'Velg aktør' },
} as const;
export type Lang = keyof typeof words;

/** Logs in from the start page through the simulator's login page. */
export async function logIn(page: Page, persona: Persona, lang: Lang = 'en') {
  const w = words[lang];
  await page.goto('/');
  await page.getByRole('link', { name: w.logIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.chooseUser })).toBeVisible();
  await page.getByRole('button', { name: new RegExp('^' + escapeRe(persona.name)) }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.inbox })).toBeVisible();
}
