// `make bench`: figures from a real Chromium against the release build and the simulator.
// Prints the download size of the portal (raw, gzip, brotli of wasm + JS + CSS) and
// timings measured in the browser with the Performance API: time to the first dialog list
// (demo and large scale), party-picker filter time per keystroke at 15,000 parties, and the
// network and render time of a page of 1,000 dialogs (large scale: PORTAL_SIM_SCALE=large).
// Servers on 127.0.0.1:8282 (demo) and 8283 (large), killed on exit; BENCH_RUNS (default 5)
// runs each; the whole bench fails after BENCH_TIMEOUT_MS (6 min). Rerun it any time.
// BENCH_SERVER names another server binary (default target/release/portal-server).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(new URL('.', import.meta.url).pathname, '../..');
const dist = join(root, 'dist');
const port = Number(process.env.BENCH_PORT ?? 8282);
const largePort = port + 1; // the large-scale server runs next to the demo one (8283)
const runs = Number(process.env.BENCH_RUNS ?? 5);
// The whole bench is bounded: past this, it kills its servers and fails.
const deadlineMs = Number(process.env.BENCH_TIMEOUT_MS ?? 6 * 60_000);

// Modules cut out of the main wasm (scripts/split/): fetched only when their page is shown.
const onDemand = (f) => /^(split|chunk)-.*\.wasm$/.test(f);

function sizes(filter) {
  const rows = [];
  let total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of readdirSync(dist)) {
    if (!/\.(wasm|js|css)$/.test(f) || !filter(f)) continue;
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
const ms = (x) => `${Math.round(x * 10) / 10}`;
const verdict = (value, target) => `(target ≤ ${target} ms: ${value <= target ? 'met' : 'missed'})`;

// Every server the bench starts, killed on any exit (normal, error, Ctrl-C, timeout).
const servers = new Set();
function killServers() { for (const s of servers) { try { s.kill('SIGKILL'); } catch { /* gone */ } } servers.clear(); }
process.on('exit', killServers);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { killServers(); process.exit(130); });

async function startServer(scale, port) {
  const base = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(join(tmpdir(), 'portal-bench-'));
  const proc = spawn(process.env.BENCH_SERVER ?? join(root, 'target/release/portal-server'), [], {
    cwd: root,
    env: { ...process.env, PORTAL_LISTEN: `127.0.0.1:${port}`, PORTAL_PUBLIC_URL: base,
      PORTAL_DIST_DIR: dist, PORTAL_DATABASE: join(data, 'db.sqlite3'), PORTAL_SIM_SCALE: scale, RUST_LOG: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  servers.add(proc);
  let exited = false;
  proc.once('exit', () => { exited = true; servers.delete(proc); });
  return {
    base, proc,
    async ready() {
      for (let i = 0; i < 1200 && !exited; i++) {
        try { if ((await fetch(`${base}/api/session`)).ok) return; } catch { /* not up yet */ }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${scale} server on ${base} did not start`);
    },
    kill() { proc.kill('SIGKILL'); },
  };
}

async function login(page, base) {
  const personas = await (await fetch(`${base}/sim/api/personas`)).json();
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByRole('button', { name: new RegExp('^' + personas[0].name) }).click();
  await page.getByRole('region', { name: 'Dialogs', exact: true }).getByRole('link').first().waitFor({ timeout: 60_000 });
}

async function newPage(browser) {
  const ctx = await browser.newContext({ locale: 'en-US' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
  return { ctx, page };
}

// Time to first dialog list: a full load of /inbox, from the navigation's start (the page's
// performance.now() origin) to the end of the frame that painted the first dialog rows
// (WATCH_LIST, below: a MutationObserver installed before the page's own scripts, then a rAF
// and a posted message). Measured in the page: a Playwright locator's wait polls at growing
// intervals (up to 500 ms) and would round the figure up to its next poll.
async function timeToFirstList(browser, base) {
  const { ctx, page } = await newPage(browser);
  await login(page, base);
  await page.addInitScript(WATCH_LIST);
  const runsOut = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${base}/inbox`);
    const r = await page.waitForFunction(() => {
      const first = window.__listCounts.find((c) => c.n > 0 && c.painted !== null);
      if (!first) return null;
      const end = (part) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).pop()?.responseEnd;
      return { painted: first.painted, parties: end('/enduser/parties'), search: end('/enduser/dialogs?') };
    }, null, { timeout: 60_000, polling: 100 }).then((h) => h.jsonValue());
    runsOut.push(r);
  }
  await ctx.close();
  return runsOut;
}

// What a logged-in user's browser downloads to show the inbox, with an empty cache: the wasm,
// JS and CSS requested before the first dialog link is on screen (the first load), and what
// follows in the background once it is (modules fetched ahead of need). Sizes are the bytes
// on the wire (the server sends the precompressed .br files), from the Resource Timing API.
async function inboxDownloads(browser, base) {
  const { ctx, page } = await newPage(browser);
  await login(page, base);
  const storageState = await ctx.storageState();
  await ctx.close();
  const fresh = await browser.newContext({ locale: 'en-US', storageState });
  const inbox = await fresh.newPage();
  inbox.setDefaultTimeout(60_000);
  await inbox.addInitScript(() => {
    // When the first dialog link appears (performance.now() clock).
    new MutationObserver((_, observer) => {
      if (document.querySelector('section.dialog-list a[href]')) {
        window.__listedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await inbox.goto(`${base}/inbox`);
  await inbox.getByRole('region', { name: 'Dialogs', exact: true }).getByRole('link').first().waitFor();
  await inbox.waitForLoadState('networkidle');
  const result = await inbox.evaluate(() => ({
    listedAt: window.__listedAt,
    files: performance.getEntriesByType('resource')
      .filter((e) => /\.(wasm|js|css)$/.test(new URL(e.name).pathname))
      .map((e) => ({ file: new URL(e.name).pathname.slice(1), start: e.startTime, bytes: e.encodedBodySize })),
  }));
  await fresh.close();
  const first = result.files.filter((f) => f.start < result.listedAt);
  const background = result.files.filter((f) => f.start >= result.listedAt);
  return { first, background };
}

// Party-picker filter time per keystroke.
//
// Method: before each key, `__armKey` (in the page) adds a capturing `keydown` listener on the
// window, which takes the key event's own `timeStamp` (when the browser created the event, on
// the `performance.now()` clock) as the start, and a MutationObserver on the picker popup
// (the listbox, its options and the match count). After the key, it waits frame by frame
// (requestAnimationFrame) until a frame passes without new DOM changes, i.e. the portal's
// input handler, the filter over all parties and the re-render of the options have all run;
// the end is taken in a message posted from that frame's rAF callback, which runs after the
// frame's style, layout and paint, of the first frame after the last DOM change: "key →
// updated DOM on screen". Also reported: key → last DOM mutation, without the frame.
const ARM_KEY = () => {
  window.__armKey = () => {
    const popup = document.getElementById('party-picker-popup');
    const state = { t0: null, lastMutation: null, mutations: 0 };
    const observer = new MutationObserver((records) => {
      state.mutations += records.length;
      state.lastMutation = performance.now();
    });
    observer.observe(popup, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__keyResult = new Promise((resolve) => {
      const onKey = (e) => {
        state.t0 = e.timeStamp;
        const frames = []; // per frame: its rAF time and the end of the frame (posted message)
        let seen = -1;
        const frame = () => requestAnimationFrame(() => {
          const f = { raf: performance.now(), end: null, mutations: state.mutations };
          frames.push(f);
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            f.end = performance.now();
            // settled: no DOM change since the previous frame (or give up after ~2 s)
            if ((f.mutations === seen && frames.length >= 2) || frames.length > 120) {
              observer.disconnect();
              // the frame that painted the last change: the first one after it
              const shown = frames.find((x) => state.lastMutation === null || x.raf >= state.lastMutation) ?? f;
              resolve({
                painted: shown.end - state.t0,
                dom: state.lastMutation === null ? null : state.lastMutation - state.t0,
                mutations: state.mutations,
                // the number of options the filter leaves (only those in view are rendered)
                options: Number(document.querySelector('#party-picker-list [role=option]')?.getAttribute('aria-setsize') ?? 0),
              });
              return;
            }
            seen = f.mutations;
            frame();
          };
          ch.port2.postMessage(null);
        });
        frame();
      };
      window.addEventListener('keydown', onKey, { capture: true, once: true });
    });
  };
};

async function pickerKeystrokes(browser, base) {
  const { ctx, page } = await newPage(browser);
  await login(page, base);
  const prefix = process.env.BENCH_PICKER_PREFIX ?? 'Havbri';
  const keys = [...prefix, ...Array(prefix.length).fill('Backspace')];
  const perRun = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(`${base}/inbox`);
    await page.getByRole('region', { name: 'Dialogs', exact: true }).getByRole('link').first().waitFor();
    await page.getByRole('button', { name: 'Choose party' }).click();
    const list = page.getByRole('listbox', { name: 'Parties' });
    await list.getByRole('option').first().waitFor();
    const filter = page.getByRole('combobox', { name: 'Filter parties' });
    await filter.focus();
    await page.evaluate(ARM_KEY);
    const times = [];
    for (const key of keys) {
      await page.evaluate(() => window.__armKey());
      await page.keyboard.press(key);
      const r = await page.evaluate(() => window.__keyResult);
      times.push({ key, ...r });
    }
    if ((await filter.inputValue()) !== '') throw new Error('picker filter not cleared by the backspaces');
    const typed = times[prefix.length - 1];
    if (typed.options === 0) throw new Error(`no party matches "${prefix}"`);
    perRun.push(times);
    await page.keyboard.press('Escape');
  }
  await ctx.close();
  return { prefix, keys, perRun };
}

// Time to render a page of 1,000 dialogs: a full load of /inbox?limit=1000 (the user's own
// party, which has ~33,000 dialogs at large scale). Network: the search request's Resource
// Timing (request start → last byte of the response). Render: from that last byte to the
// frame after the last row link was added (a MutationObserver installed before the page's
// own scripts notes when the dialog list reaches its full number of links, then a rAF +
// posted message marks the end of that frame), so it covers JSON parsing in wasm, building
// the rows and the browser's style/layout/paint. The list is built progressively (40 rows at
// once, then 80 per frame), so two figures: the first rows on screen, and every row built.
const WATCH_LIST = () => {
  window.__listCounts = [];
  const start = () => {
    let last = 0;
    new MutationObserver(() => {
      const list = document.querySelector('section.dialog-list');
      const n = list ? list.querySelectorAll('a.dialog__link').length : 0;
      if (n === last) return;
      last = n;
      const entry = { n, dom: performance.now(), painted: null };
      window.__listCounts.push(entry);
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { entry.painted = performance.now(); };
        ch.port2.postMessage(null);
      });
    }).observe(document, { subtree: true, childList: true });
  };
  if (document.documentElement) start(); else document.addEventListener('readystatechange', start, { once: true });
};

async function thousandRows(browser, base, limit = 1000) {
  const { ctx, page } = await newPage(browser);
  await login(page, base);
  await page.addInitScript(WATCH_LIST);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const isSearch = (r) => r.url().includes('/enduser/dialogs?') && r.url().includes(`limit=${limit}`);
    const response = page.waitForResponse(isSearch, { timeout: 60_000 });
    await page.goto(`${base}/inbox?limit=${limit}`);
    const res = await response;
    if (!res.ok()) throw new Error(`dialog search: HTTP ${res.status()}`);
    const body = await res.json();
    const expected = body.items.filter((i) => !i.isApiOnly).length;
    if (expected < limit * 0.9) throw new Error(`search gave only ${expected} rows`);
    // Waits with a cheap check of the page's own record. (A role locator here would compute
    // the accessibility roles of a thousand rows on every poll, on the page's main thread,
    // and delay the very rendering it measures: all 972 rows took 1.4 s instead of 0.4 s.)
    const t = await page.waitForFunction((n) => {
      const e = window.__listCounts.find((c) => c.n >= n && c.painted !== null);
      if (!e) return null;
      const first = window.__listCounts.find((c) => c.n > 0 && c.painted !== null);
      const search = performance.getEntriesByType('resource').filter((r) => r.name.includes('/enduser/dialogs?')).pop();
      return { network: search.responseEnd - search.startTime, first: first.painted - search.responseEnd, firstRows: first.n,
        dom: e.dom - search.responseEnd, painted: e.painted - search.responseEnd };
    }, expected, { timeout: 30_000, polling: 100 }).then((h) => h.jsonValue());
    results.push({ rows: expected, ...t });
  }
  await ctx.close();
  return results;
}

const line = (name, r) => console.log(`${name.padEnd(46)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(10)}  brotli ${kb(r.brotli).padStart(10)}`);
const { rows, total } = sizes((f) => !onDemand(f));
console.log('\n== Download size: first load (dist: main wasm + JS + CSS) ==');
for (const r of rows) line(r.file, r);
line('TOTAL first load', total);
const later = sizes(onDemand);
console.log('== Fetched when their page is first shown (the dialog page\'s and the party list\'s in the background) ==');
for (const r of later.rows) line(r.file, r);
line('TOTAL on demand', later.total);
line('TOTAL everything', { raw: total.raw + later.total.raw, gzip: total.gzip + later.total.gzip, brotli: total.brotli + later.total.brotli });
console.log(`Arbeidsflate (reference): JS 452 KB + CSS 29 KB brotli = 481 KB; half of it = 240 KB`);

const watchdog = setTimeout(() => {
  console.error(`bench: timed out after ${deadlineMs / 1000} s`);
  killServers();
  process.exit(1);
}, deadlineMs);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  // The large world takes a while to build: start it now, measure the demo one meanwhile.
  const demo = await startServer('demo', port);
  const large = await startServer('large', largePort);
  await demo.ready();
  const downloads = await inboxDownloads(browser, demo.base);
  const sum = (files) => files.reduce((n, f) => n + f.bytes, 0);
  const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log('\n== Download in a real Chromium: /inbox, logged in, empty cache (bytes on the wire, brotli) ==');
  for (const f of downloads.first) console.log(`  first load   ${f.file.padEnd(48)} ${kB(f.bytes).padStart(9)}`);
  const firstTotal = sum(downloads.first);
  console.log(`TOTAL before the first dialog list shows: ${kB(firstTotal)} (${kb(firstTotal)})  (target ≤ 250 KB: ${firstTotal <= 250_000 ? 'met' : 'missed'}; Arbeidsflate 481 KB)`);
  for (const f of downloads.background) console.log(`  background   ${f.file.padEnd(48)} ${kB(f.bytes).padStart(9)}`);
  console.log(`TOTAL fetched in the background after it shows: ${kB(sum(downloads.background))}`);
  const firstList = (title, r) => {
    const col = (f) => r.map(f).map(ms);
    console.log(`\n== Time to first dialog list (${title}, ${runs} runs) ==`);
    console.log(`navigation → first rows painted: median ${ms(median(r.map((x) => x.painted)))} ms  (runs: ${col((x) => x.painted).join(', ')} ms)`);
    const before = r.filter((x) => x.parties !== undefined && x.parties !== null);
    const parties = before.length === 0 ? 'after the first rows in every run'
      : `median ${ms(median(before.map((x) => x.parties)))} ms (before the first rows in ${before.length} of ${r.length} runs)`;
    console.log(`  the dialog search's last byte at: median ${ms(median(r.map((x) => x.search)))} ms; the party list's: ${parties}`);
  };
  firstList('full page load of /inbox, demo data', await timeToFirstList(browser, demo.base));
  demo.kill();

  await large.ready();
  firstList('full page load of /inbox, large: 15,000 parties, 100,000 dialogs', await timeToFirstList(browser, large.base));

  const picker = await pickerKeystrokes(browser, large.base);
  const all = picker.perRun.flat();
  const painted = all.map((k) => k.painted);
  const doms = all.filter((k) => k.dom !== null).map((k) => k.dom);
  console.log(`\n== Party picker: key → filtered list on screen, 15,000 parties (type "${picker.prefix}", then ${picker.prefix.length} × Backspace; ${runs} runs) ==`);
  for (const [i, run] of picker.perRun.entries()) {
    console.log(`run ${i + 1}: ${run.map((k) => `${k.key === 'Backspace' ? '⌫' : k.key}:${ms(k.painted)}`).join('  ')} ms  (matches after typing: ${run[picker.prefix.length - 1].options})`);
  }
  const perRunMedians = picker.perRun.map((run) => median(run.map((k) => k.painted)));
  console.log(`per-keystroke median ${ms(median(painted))} ms, max ${ms(Math.max(...painted))} ms  (run medians: ${perRunMedians.map(ms).join(', ')} ms)  ${verdict(median(painted), 50)}`);
  console.log(`key → last DOM change (before the frame): median ${ms(median(doms))} ms, max ${ms(Math.max(...doms))} ms`);

  const big = await thousandRows(browser, large.base);
  console.log(`\n== Page of ${big[0].rows} dialogs (/inbox?limit=1000, large data, ${runs} runs) ==`);
  console.log(`network (search request → last byte): median ${ms(median(big.map((r) => r.network)))} ms  (runs: ${big.map((r) => ms(r.network)).join(', ')} ms)`);
  console.log(`render (last byte → first ${big[0].firstRows} rows on screen): median ${ms(median(big.map((r) => r.first)))} ms  (runs: ${big.map((r) => ms(r.first)).join(', ')} ms)  ${verdict(median(big.map((r) => r.first)), 200)}`);
  console.log(`render (last byte → all ${big[0].rows} rows built and painted, progressively): median ${ms(median(big.map((r) => r.painted)))} ms  (runs: ${big.map((r) => ms(r.painted)).join(', ')} ms)`);
  console.log(`  of which to the last row in the DOM: median ${ms(median(big.map((r) => r.dom)))} ms  (runs: ${big.map((r) => ms(r.dom)).join(', ')} ms)`);
  large.kill();
} catch (e) {
  console.error('bench failed:', e);
  failed = true;
} finally {
  killServers();
  await browser.close();
  clearTimeout(watchdog);
}
if (failed) process.exit(1);
