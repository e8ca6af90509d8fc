import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A persona of the simulator, as `GET /sim/api/personas` lists them. */
export interface Persona { name: string; pid: string; roles: string[]; description?: string }

/** Where the simulator's own test routes (`/sim/api/...`) are: the portal's origin when the
 *  server embeds the simulator (local mode), or E2E_SIM_URL when the server runs in `custom`
 *  mode against a simulator of its own (e2e/playwright.custom.config.ts). */
export const simUrl = (path: string) => (process.env.E2E_SIM_URL ?? '') + path;

export async function personas(request: APIRequestContext): Promise<Persona[]> {
  const res = await request.get(simUrl('/sim/api/personas'));
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
  en: { logIn: 'Log in', logOut: 'Log out', chooseUser: 'Choose a test user', inbox: 'Inbox', dialogs: 'Dialogs', chooseParty: 'Choose party', demoLogin: 'Demo login', pid: 'National identity number' },
  nb: { logIn: 'Logg inn', logOut: 'Logg ut', chooseUser: 'Velg en testbruker', inbox: 'Innboks', dialogs: 'Dialoger', chooseParty: 'Velg aktør', demoLogin: 'Demoinnlogging', pid: 'Fødselsnummer' },
  nn: { logIn: 'Logg inn', logOut: 'Logg ut', chooseUser: 'Vel ein testbrukar', inbox: 'Innboks', dialogs: 'Dialogar', chooseParty: 'Vel aktør', demoLogin: 'Demoinnlogging', pid: 'Fødselsnummer' },
} as const;
export type Lang = keyof typeof words;

/** Logs in from the start page through the simulator's login page, or — when E2E_LOGIN=demo
 *  (the `custom`-mode run) — through "Demo login" with the persona's national identity number,
 *  which the server exchanges at the test token generator. */
export async function logIn(page: Page, persona: Persona, lang: Lang = 'en') {
  const w = words[lang];
  await page.goto('/');
  if (process.env.E2E_LOGIN === 'demo') {
    await page.getByRole('main').getByRole('link', { name: w.demoLogin }).click();
    await page.getByRole('textbox', { name: w.pid }).fill(persona.pid);
    await page.getByRole('button', { name: w.logIn, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.inbox })).toBeVisible();
    return;
  }
  await page.getByRole('link', { name: w.logIn }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.chooseUser })).toBeVisible();
  await page.getByRole('button', { name: new RegExp('^' + escapeRe(persona.name)) }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.inbox })).toBeVisible();
}

// --- Phone verification (issue 4) ---

/** The simulator's service desk persona (staff). */
export async function staffPersona(request: APIRequestContext): Promise<Persona> {
  const staff = (await personas(request)).find((p) => /service ?desk/i.test(p.name));
  expect(staff, 'a persona whose name contains "Service Desk"').toBeDefined();
  return staff!;
}

/** A persona who is not staff. */
export async function nonStaffPersona(request: APIRequestContext): Promise<Persona> {
  const other = (await personas(request)).find((p) => !p.roles.includes('staff') && !/service ?desk/i.test(p.name));
  expect(other, 'a persona without the staff role').toBeDefined();
  return other!;
}

/** A Norwegian mobile number (+4791xxxxxx) of its own for each test title, so tests do not
 *  share cooldowns or rate limits. */
export function phoneNumberFor(title: string): string {
  let hash = 2166136261;
  for (const ch of title) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `+4791${String(hash % 1_000_000).padStart(6, '0')}`;
}

/** One SMS as the simulator's phone shows it (`GET /sim/api/sms?to=`), newest first. */
export interface SentSms { to: string; body: string; sentAt: string; status: string }

export async function smsTo(request: APIRequestContext, to: string): Promise<SentSms[]> {
  const res = await request.get(simUrl('/sim/api/sms'), { params: { to } });
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Waits until `count` SMS have been sent to `to` and reads the code of the newest. */
export async function readCode(request: APIRequestContext, to: string, count = 1): Promise<string> {
  await expect.poll(async () => (await smsTo(request, to)).length).toBeGreaterThanOrEqual(count);
  const [newest] = await smsTo(request, to);
  const code = newest.body.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a six-digit code in "${newest.body}"`).toBeDefined();
  return code!;
}

/** A portal server of a spec file's own (the debug build `make e2e` makes), for settings
 *  the shared server must not have: a short code lifetime, a higher rate limit. */
export function ownServer(port: number, env: Record<string, string>) {
  const baseURL = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    baseURL,
    async start() {
      const root = path.resolve(__dirname, '..', '..');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-own-'));
      const target = process.env.CARGO_TARGET_DIR
        ? path.resolve(root, process.env.CARGO_TARGET_DIR) : `${root}/target`;
      const bin = `${target}/debug/portal-server`;
      // In the custom-mode run (e2e/playwright.custom.config.ts) a spec's own server is a
      // custom-mode server too, against the same separate simulator.
      const custom = process.env.E2E_SERVER_ENV ? JSON.parse(process.env.E2E_SERVER_ENV) as Record<string, string> : undefined;
      const [command, args] = custom ? ['node', [`${root}/e2e/custom-server.mjs`]] : [bin, []];
      child = spawn(command, args, {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          ...custom,
          PORTAL_SERVER_BIN: bin,
          PORTAL_LISTEN: `127.0.0.1:${port}`,
          PORTAL_PUBLIC_URL: baseURL,
          PORTAL_DIST_DIR: `${root}/dist`,
          PORTAL_DATABASE: path.join(dataDir, 'portal.sqlite3'),
          RUST_LOG: 'warn',
          ...env,
        },
      });
      await expect.poll(async () => {
        try {
          return (await fetch(`${baseURL}/api/session`)).status;
        } catch {
          return 0;
        }
      }, { timeout: 90_000, message: `portal-server on ${baseURL} answers` }).toBe(200);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
}

/** The console errors left when the browser's own notes about expected error answers
 *  ("Failed to load resource: … status of 422") are taken out. */
export function unexpectedErrors(errors: string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`Failed to load resource: the server responded with a status of ${s}`)));
}
