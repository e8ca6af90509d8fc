import { test, expect } from '@playwright/test';
import { logInAsOla } from './inbox-helpers';

// The style sheets as the browser parsed them. An unclosed block once swallowed every later
// rule into a small-screen @media query, so the inbox and the dialog page went unstyled on
// wide screens while every role-based journey still passed.

test('every block of the style sheets is a rule of its own (no block left open)', async ({ page }) => {
  await page.goto('/');
  const sheets = await page.evaluate(async () =>
    Promise.all(
      [...document.styleSheets].map(async (sheet) => {
        const text = (await (await fetch(sheet.href!)).text()).replace(/\/\*[\s\S]*?\*\//g, '');
        let depth = 0;
        let blocks = 0;
        for (const c of text) {
          if (c === '{') {
            if (depth === 0) blocks++;
            depth++;
          } else if (c === '}') {
            depth--;
          }
        }
        return { href: sheet.href, depth, blocks, rules: sheet.cssRules.length };
      }),
    ),
  );
  expect(sheets.length).toBeGreaterThan(0);
  for (const sheet of sheets) {
    expect(sheet.depth, `${sheet.href}: braces balance`).toBe(0);
    expect(sheet.rules, `${sheet.href}: top-level rules the browser kept`).toBe(sheet.blocks);
  }
});

test('the inbox is laid out on a wide screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAsOla(page);
  const folders = page.getByRole('navigation', { name: 'Folders' }).getByRole('list');
  await expect(folders).toHaveCSS('display', 'flex');
  await expect(folders).toHaveCSS('list-style-type', 'none');
  const rows = page.getByRole('region', { name: 'Dialogs', exact: true }).getByRole('list').first();
  await expect(rows).toHaveCSS('list-style-type', 'none');
});

test('on a 360 px screen the header keeps its tools to two lines', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await logInAsOla(page);
  const header = page.getByRole('banner');
  const top = async (name: string, role: 'button' | 'combobox') =>
    (await header.getByRole(role, { name, exact: true }).boundingBox())!.y;
  // "API log" and the language list share the first line, the user and "Log out" the second.
  expect(Math.abs((await top('API log', 'button')) - (await top('Language', 'combobox')))).toBeLessThan(8);
  const logOut = await top('Log out', 'button');
  expect(logOut).toBeGreaterThan(await top('API log', 'button'));
  await expect(header.getByText('Logged in as')).toBeInViewport();
  expect(Math.abs((await header.getByText('Logged in as').boundingBox())!.y - logOut)).toBeLessThan(16);
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
