/**
 * `npm start` in a real browser: the archive is built and served, a capture is edited, and the
 * open page reloads once, showing the new text. Run in a folder laid out like a checkout, with
 * a copy of one seed capture (the evidence in content/raw is never edited).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
const CAPTURE = '000_f95efc7f774b1d36.txt';
const ADDED = '这是为检查重新加载而加入的一句话。';
const TIMEOUT = 300_000;

const work = mkdtempSync(join(tmpdir(), 'archive-start-'));
let start: ChildProcess | undefined;
let browser: Browser | undefined;
let output = '';
let port = 0;

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: found } = server.address() as { port: number };
      server.close(() => resolve(found));
    });
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (start?.exitCode !== null) throw new Error(`npm start ended before ${what}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  mkdirSync(join(work, 'content', 'raw'), { recursive: true });
  copyFileSync(join(ROOT, 'content', 'raw', CAPTURE), join(work, 'content', 'raw', CAPTURE));
  cpSync(join(ROOT, 'content', 'data'), join(work, 'content', 'data'), { recursive: true });
  symlinkSync(join(ROOT, 'templates'), join(work, 'templates'));
  port = await freePort();
  start = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'start.ts'), `--port=${port}`], {
    cwd: work,
    env: { ...process.env, ARCHIVE_CACHE: join(work, '.cache'), ARCHIVE_CONTENT_DIR: '', ARCHIVE_PATH_PREFIX: '', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  start.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) {
    const ended = new Promise((resolve) => start!.once('close', resolve));
    start.kill('SIGTERM');
    await ended;
  }
  rmSync(work, { recursive: true, force: true });
});

it(
  'serves the built archive and reloads an open article page once, with the new text, after its capture is edited',
  async () => {
    const home = `http://localhost:${port}/`;
    await until('serving the home page', async () => {
      try {
        return (await fetch(home)).ok ? true : undefined;
      } catch {
        return undefined;
      }
    });
    const page = await browser!.newPage();
    await page.goto(home);
    const articleUrl = await page.locator('main a.article-item-title').first().getAttribute('href');
    expect(articleUrl).toBeTruthy();

    let loads = 0;
    page.on('load', () => (loads += 1));
    await page.goto(new URL(articleUrl!, home).href);
    await until('the reload client connecting', async () => ((await page.evaluate(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('reload-client')))) ? true : undefined));
    expect(await page.locator('main').innerText()).not.toContain(ADDED);
    expect(loads).toBe(1);

    // The capture edited as an archivist would: a paragraph added to its body.
    const file = join(work, 'content', 'raw', CAPTURE);
    const capture = readFileSync(file, 'utf8');
    const paragraph = '<p>　　省领导张剑飞、吴桂英、谢卫江出席会议。</p>';
    expect(capture).toContain(paragraph);
    writeFileSync(file, capture.replace(paragraph, `${paragraph}\n<p>　　${ADDED}</p>`));

    await until('the page reloading', () => (loads > 1 ? true : undefined));
    await page.waitForLoadState('load');
    expect(await page.locator('main').innerText()).toContain(ADDED);
    // Once: what the build itself writes (articles, pages, cache) starts no other rebuild.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(readdirSync(join(work, 'content', 'articles')).filter((name) => name.endsWith('.md'))).toHaveLength(1);
    expect(loads).toBe(2);
  },
  TIMEOUT,
);
