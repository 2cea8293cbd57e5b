// Lighthouse 12 (.tools/audit, installed by scripts/setup.sh) against Debian's Chromium,
// mobile and desktop, on built sites served gzipped under /lectern/ as a static host
// would. Accessibility, best practices and SEO must each reach the bar; performance is
// printed, not gated: it is a timing, and this machine is shared (the benchmark, not a
// test, judges speed). Prints a Markdown table and writes target/audit/lighthouse.md.
//
//   node scripts/audit.mjs [--bar 95] NAME=DIST_FOLDER...
//   node scripts/audit.mjs seed=target/e2e/seed real=target/e2e/real
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(path.join(root, '.tools/audit/package.json'));
const lighthouse = (await import(require.resolve('lighthouse'))).default;
const desktop = (await import(require.resolve('lighthouse/core/config/desktop-config.js'))).default;

const args = process.argv.slice(2);
let bar = 95;
const sites = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--bar') bar = Number(args[++i]);
  else {
    const [name, dir] = args[i].split('=');
    if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
      console.error(`audit: ${args[i]} names no built site (NAME=DIST_FOLDER with an index.html)`);
      process.exit(2);
    }
    sites.push({ name, dir: path.resolve(dir) });
  }
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.xml': 'application/xml', '.txt': 'text/plain',
};

/// The site under /lectern/, gzipped, with long caching for hashed files as hosts configure.
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith('/lectern/')) return res.writeHead(404).end();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice('/lectern/'.length)));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const raw = fs.readFileSync(file);
    const gzip = /gzip/.test(req.headers['accept-encoding'] || '');
    const body = gzip ? zlib.gzipSync(raw, { level: 6 }) : raw;
    const hashed = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|bin)$/.test(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'content-length': body.length,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function chromium() {
  const profile = fs.mkdtempSync(path.join(root, 'target', 'audit-profile-'));
  const child = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--remote-debugging-port=0',
    `--user-data-dir=${profile}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', d => {
      seen += d;
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', code => reject(new Error(`chromium exited (${code}): ${seen}`)));
  });
  // The profile is removed once Chromium has exited; its helper processes may still be
  // writing for a moment, so removal is retried, and a profile left behind in target/ only
  // costs disk (it never fails the audit).
  const exited = new Promise(resolve => child.once('exit', resolve));
  const remove = () => {
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      console.error(`audit: left ${profile} behind (${e.code})`);
    }
  };
  return { port, close: async () => { child.kill(); await exited; remove(); } };
}

fs.mkdirSync(path.join(root, 'target', 'audit'), { recursive: true });
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const GATED = ['accessibility', 'best-practices', 'seo'];
const rows = [];
let failed = 0;
for (const site of sites) {
  const server = await serve(site.dir);
  const url = `http://127.0.0.1:${server.address().port}/lectern/`;
  for (const form of ['mobile', 'desktop']) {
    const browser = await chromium();
    try {
      const flags = { port: browser.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
      const result = await lighthouse(url, flags, form === 'desktop' ? desktop : undefined);
      const lhr = result.lhr;
      const scores = CATEGORIES.map(c => Math.round((lhr.categories[c]?.score ?? 0) * 100));
      const lcp = lhr.audits['largest-contentful-paint']?.displayValue ?? '?';
      const cls = lhr.audits['cumulative-layout-shift']?.displayValue ?? '?';
      const low = CATEGORIES.filter((c, i) => scores[i] < bar);
      const missed = low.flatMap(c => lhr.categories[c].auditRefs
        .filter(r => r.weight > 0 && (lhr.audits[r.id].score ?? 1) < 0.9)
        .map(r => `${r.id} (${lhr.audits[r.id].displayValue ?? lhr.audits[r.id].score})`));
      if (low.some(c => GATED.includes(c))) failed += 1;
      rows.push(`| ${site.name} | ${form} | ${scores.join(' | ')} | ${lcp} | ${cls} | ${missed.join(', ') || '—'} |`);
    } finally {
      await browser.close();
    }
  }
  server.close();
}
const table = [
  `Lighthouse 12.2.3 (bar: ${bar} in accessibility, best practices and SEO; performance reported)`,
  '',
  '| site | form | performance | accessibility | best practices | SEO | LCP | CLS | below 0.9 |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.log(table);
fs.writeFileSync(path.join(root, 'target', 'audit', 'lighthouse.md'), table + '\n');
if (failed) {
  console.error(`audit: ${failed} run(s) below ${bar} in accessibility, best practices or SEO`);
  process.exit(1);
}
