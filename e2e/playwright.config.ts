import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';

// One server for the whole run: the release portal (dist/) served by portal-server with the
// embedded simulator, on a port of its own and a throw-away database.
const port = Number(process.env.E2E_PORT ?? 8181);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
const root = path.resolve(__dirname, '..');
// The server binary cargo built (CARGO_TARGET_DIR when set, as in worktrees with their own target).
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : `${root}/target`;

export default defineConfig({
  testDir: './tests',
  // Specs only for the custom-mode run (playwright.custom.config.ts).
  testIgnore: '**/*.custom.spec.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: `${targetDir}/debug/portal-server`,
    cwd: root,
    url: `${baseURL}/api/session`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORTAL_LISTEN: `127.0.0.1:${port}`,
      PORTAL_PUBLIC_URL: baseURL,
      PORTAL_DIST_DIR: `${root}/dist`,
      PORTAL_DATABASE: path.join(dataDir, 'portal.sqlite3'),
      RUST_LOG: 'warn',
    },
  },
});
