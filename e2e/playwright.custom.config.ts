import { defineConfig } from '@playwright/test';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import base from './playwright.config';

// The inbox and OTP journeys once more, with the server in `custom` mode — configured the way
// it is for TT02, only with the simulator's URLs: the simulator runs as a process of its own
// (altinn-sim), end users log in through "Demo login" (the server fetches a personal token
// from the test token generator), and the server gets its Notifications token with a
// Maskinporten JWT-bearer grant and the Altinn exchange. Nothing is embedded.
const port = Number(process.env.E2E_PORT ?? 8181) + 10;
const simPort = port + 1;
const baseURL = `http://127.0.0.1:${port}`;
const sim = `http://127.0.0.1:${simPort}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-custom-'));
const root = path.resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : `${root}/target`;
const keys = `${root}/crates/server/tests/keys`;

// The custom-mode settings: TT02's shape, the simulator's URLs. Specs that start a server of
// their own (ownServer in tests/helpers.ts) get them too, through E2E_SERVER_ENV.
const serverEnv: Record<string, string> = {
  E2E_SIM_URL: sim,
  PORTAL_ENV: 'custom',
  PORTAL_DIST_DIR: `${root}/dist`,
  // No ID-porten client: a demo with the test token generator only ("Log in" is not offered).
  PORTAL_OIDC_ISSUER: `${sim}/idporten`,
  PORTAL_DIALOGPORTEN_URL: `${sim}/dialogporten`,
  PORTAL_NOTIFICATIONS_URL: `${sim}/notifications/api/v1`,
  PORTAL_ALTINN_AUTH_URL: `${sim}/authentication/api/v1`,
  PORTAL_MASKINPORTEN_URL: `${sim}/maskinporten/token`,
  PORTAL_MASKINPORTEN_AUDIENCE: `${sim}/maskinporten/`,
  PORTAL_MASKINPORTEN_CLIENT_ID: 'portal-e2e',
  PORTAL_MASKINPORTEN_KEY: `${keys}/maskinporten-test.pem`,
  PORTAL_TOKEN_GENERATOR_URL: `${sim}/sim/token-generator`,
  PORTAL_TOKEN_GENERATOR_USER: 'sim',
  PORTAL_TOKEN_GENERATOR_PASSWORD: 'sim',
  RUST_LOG: 'warn',
};

// Read by the journeys' helpers (in this process and in the workers, which load this file too).
process.env.E2E_SIM_URL = sim;
process.env.E2E_LOGIN = 'demo';
process.env.E2E_SERVER_ENV = JSON.stringify(serverEnv);

export default defineConfig({
  ...base,
  testIgnore: [],
  testMatch: ['demo-only.custom.spec.ts', 'inbox-search.spec.ts', 'inbox-labels.spec.ts', 'dialog-details.spec.ts', 'otp.spec.ts',
    'api-log.spec.ts'],
  outputDir: './test-results-custom',
  use: { ...base.use, baseURL },
  webServer: [
    {
      command: `${targetDir}/debug/altinn-sim --port ${simPort} --maskinporten-client portal-e2e=${keys}/maskinporten-test.pub.pem,991825827`,
      cwd: root,
      url: `${sim}/sim/api/personas`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      command: `node ${root}/e2e/custom-server.mjs`,
      cwd: root,
      url: `${baseURL}/api/session`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: { ...serverEnv, PORTAL_SERVER_BIN: `${targetDir}/debug/portal-server`, PORTAL_LISTEN: `127.0.0.1:${port}`,
        PORTAL_PUBLIC_URL: baseURL, PORTAL_DATABASE: path.join(dataDir, 'portal.sqlite3') },
    },
  ],
});
