// `make bench`: figures from a real Chromium against the release build and the simulator.
// Prints the download size of the portal (raw, gzip, brotli of wasm + JS + CSS) and
// timings measured in the browser with the Performance API. Rerun it any time.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(new URL('.', import.meta.url).pathname, '../..');
const dist = join(root, 'dist');
const port = Number(process.env.BENCH_PORT ?? 8282);
const base = `http://127.0.0.1:${port}`;
const runs = Number(process.env.BENCH_RUNS ?? 5);

function sizes() {
  const rows = [];
  let total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of readdirSync(dist)) {
    if (!/\.(wasm|js|css)$/.test(f)) continue;
    const buf = readFileSync(join(dist, f));
    const row = {
      file: f,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    rows.push(row);
    for (const k of ['raw', 'gzip', 'brotli']) total[k] += row[k];
  }
  return { rows, total };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function startServer(scale) {
  const data = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const proc = spawn(join(root, 'target/release/portal-server'), [], {
    cwd: root,
    env: { ...process.env, PORTAL_LISTEN: `127.0.0.1:${port}`, PORTAL_PUBLIC_URL: base,
      PORTAL_DIST_DIR: dist, PORTAL_DATABASE: join(data, 'db.sqlite3'), PORTAL_SIM_SCALE: scale, RUST_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(`${base}/api/session`)).ok) return proc; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('server did not start');
}

async function login(page) {
  const personas = await (await fetch(`${base}/sim/api/personas`)).json();
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByRole('button', { name: new RegExp('^' + personas[0].name) }).click();
  await page.getByRole('list', { name: 'Dialogs' }).getByRole('link').first().waitFor();
}

async function timeToFirstList(browser) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  await login(page);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = Date.now();
    await page.goto(`${base}/inbox`);
    await page.getByRole('list', { name: 'Dialogs' }).getByRole('link').first().waitFor();
    times.push(Date.now() - t0);
  }
  await ctx.close();
  return times;
}

const { rows, total } = sizes();
console.log('\n== Download size (dist: wasm + JS + CSS) ==');
for (const r of rows) console.log(`${r.file.padEnd(40)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(10)}  brotli ${kb(r.brotli).padStart(10)}`);
console.log(`${'TOTAL'.padEnd(40)} raw ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(10)}  brotli ${kb(total.brotli).padStart(10)}`);
console.log(`Arbeidsflate (reference): JS 452 KB + CSS 29 KB brotli = 481 KB; half of it = 240 KB`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let server;
try {
  server = await startServer('demo');
  const t = await timeToFirstList(browser);
  console.log(`\n== Time to first dialog list (full page load of /inbox, demo data, ${runs} runs) ==`);
  console.log(`median ${median(t)} ms  (runs: ${t.join(', ')} ms)`);
} finally {
  server?.kill();
  await browser.close();
}
