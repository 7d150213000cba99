/**
 * Search as a researcher uses it, in Chromium: runs of characters taken from the seed articles,
 * in both scripts, must be found in exactly the articles that hold them (counted here from the
 * articles' own texts, Simplified from archive.json and Traditional from the Traditional pages);
 * filters with their counts; pages of results in an archive too large for one; Traditional
 * excerpts; the masthead's search box; a site under a sub-path with a space in it; and no layout
 * shift while results arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { toText } from 'hast-util-to-text';
import { buildSite, REPO_ROOT, type BuiltSite } from '../support/build-site.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';
import { attribute, elements, fileForUrl, readPage } from '../support/site-files.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { normalizeText } from '../../src/site/search/engine.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 300_000;
const PREFIX = '/archive/';
/** A sub-path with a space, for the larger archive. */
const SPACED = '/a b/';

interface ExportedArticle {
  url: string;
  title: string;
  subtitle: string | null;
  text: string;
  province: string;
  people: string[];
  date: string;
}

let seeds: BuiltSite;
let many: BuiltSite;
let seedServer: RunningServer;
let manyServer: RunningServer;
let browser: Browser;
let articles: ExportedArticle[];
/** Per article (archive.json's order), its searchable text in each script, normalised as queries are. */
let texts: { hans: string; hant: string }[];
const pageErrors: string[] = [];

/** A copy of the seed articles, each filed ten times under other days and slugs: more than a page of results. */
function largerContent(): string {
  const content = mkdtempSync(path.join(tmpdir(), 'search-many-'));
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  cpSync(path.join(REPO_ROOT, 'content', 'data'), path.join(content, 'data'), { recursive: true });
  const sources = readdirSync(path.join(REPO_ROOT, 'content', 'articles')).filter((name) => name.endsWith('.md'));
  for (let copy = 0; copy < 10; copy++) {
    for (const name of sources) {
      const text = readFileSync(path.join(REPO_ROOT, 'content', 'articles', name), 'utf8');
      const day = String(copy + 1).padStart(2, '0');
      const changed = text
        .replace(/^date: '(\d{4}-\d{2})-\d{2}'$/m, `date: '$1-${day}'`)
        .replace(/^slug: (.+)$/m, `slug: $1-copy-${copy}`);
      writeFileSync(path.join(content, 'articles', name.replace(/\.md$/, `-copy-${copy}.md`)), changed);
    }
  }
  return content;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  [seeds, many] = await Promise.all([buildSite({ pathPrefix: PREFIX }), buildSite({ pathPrefix: SPACED, contentDir: largerContent() })]);
  seedServer = await serveSite(seeds.dir, PREFIX);
  manyServer = await serveSite(many.dir, SPACED);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  articles = (JSON.parse(readFileSync(path.join(seeds.dir, 'archive.json'), 'utf8')) as { articles: ExportedArticle[] }).articles;
  texts = await Promise.all(
    articles.map(async (article) => {
      const page = await readPage(seeds.dir, fileForUrl(`/zh-hant${new URL(article.url).pathname.slice(PREFIX.length - 1)}`, '/')!);
      // What the Traditional page shows of the title, deck and body, without the placeholders of photos that were not archived.
      const part = (test: (element: import('hast').Element) => boolean) =>
        elements(page, test)
          .map((element) => {
            const copy = structuredClone(element);
            const strip = (node: import('hast').Element) => {
              node.children = node.children.filter((child) => !(child.type === 'element' && attribute(child, 'className')?.includes('photo-missing')));
              node.children.forEach((child) => child.type === 'element' && strip(child));
            };
            strip(copy);
            return toText(copy);
          })
          .join('\n');
      const hant = [part((element) => element.tagName === 'h1'), part((element) => attribute(element, 'className') === 'subtitle'), part((element) => attribute(element, 'className') === 'article-body')].join('\n');
      return { hans: normalizeText([article.title, article.subtitle ?? '', article.text].join('\n')).text, hant: normalizeText(hant).text };
    }),
  );
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await seedServer?.close();
  await manyServer?.close();
});

async function open(server: RunningServer, prefix: string, pathAndQuery: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${pathAndQuery}: ${error.message}`));
  await page.route('**/*', (route) => (new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort()));
  const response = await page.goto(`${server.origin}${encodeURI(prefix.slice(0, -1))}${pathAndQuery}`);
  expect(response?.status(), pathAndQuery).toBe(200);
  return page;
}

/** The status line once the search has finished (candidates checked). */
async function finalStatus(page: Page): Promise<string> {
  await page.waitForFunction(() => /篇報道|篇报道|没有|沒有/.test(document.getElementById('search-status')?.textContent ?? '') && !/核對|核对/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60_000 });
  return (await page.textContent('#search-status')) ?? '';
}

function countIn(status: string): number {
  const match = /(\d+) 篇/.exec(status);
  return match ? Number(match[1]) : 0;
}

/** Articles that hold `query` in either script, as the reader sees them. */
function expectedCount(query: string): number {
  const form = normalizeText(query).text;
  return texts.filter((text) => text.hans.includes(form) || text.hant.includes(form)).length;
}

/** Runs of 1–4 Han characters from the articles, picked by a fixed sequence (no randomness between runs). */
function sampleRuns(count: number): string[] {
  const runs = new Set<string>();
  let seed = 20200214;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  while (runs.size < count) {
    const article = articles[next() % articles.length]!;
    const text = `${article.title}\n${article.text}`;
    const length = 1 + (next() % 4);
    const start = next() % Math.max(1, text.length - length);
    const run = text.slice(start, start + length);
    if (/^\p{Script=Han}+$/u.test(run)) runs.add(run);
  }
  return [...runs];
}

describe('exact counts', () => {
  it('finds, for runs of one to four characters from the articles, exactly the articles that hold them, in both editions and scripts', async () => {
    const runs = sampleRuns(24);
    let checked = 0;
    for (const root of ['/', '/zh-hant/']) {
      // One page per edition, searched again and again as a reader would, through the form.
      const page = await open(seedServer, PREFIX, `${root}search/`);
      for (const run of runs) {
        for (const query of [run, toTraditional(run)]) {
          await page.evaluate(() => (document.getElementById('search-status')!.textContent = ''));
          await page.fill('#q', query);
          await page.press('#q', 'Enter');
          const status = await finalStatus(page);
          expect(new URL(page.url()).searchParams.get('q')).toBe(query);
          const expected = expectedCount(query);
          expect(countIn(status), `${root} ${query} (${run}): ${status}`).toBe(expected);
          expect(await page.locator('#search-results > li').count()).toBe(Math.min(expected, 20));
          checked += 1;
        }
      }
      await page.context().close();
    }
    expect(checked).toBe(96);
  }, TIMEOUT);

  it('finds longer phrases exactly too, after checking the candidates', async () => {
    for (const phrase of ['疫情防控工作', '联防联控机制', '省委书记许达哲', '防患未然 科学应对']) {
      const page = await open(seedServer, PREFIX, `/search/?q=${encodeURIComponent(`"${phrase}"`)}`);
      expect(countIn(await finalStatus(page)), phrase).toBe(expectedCount(phrase));
      await page.context().close();
    }
  }, TIMEOUT);
});

describe('filters, order and pages', () => {
  it('filters by province and person with counts for the query, and keeps them in the URL', async () => {
    const page = await open(seedServer, PREFIX, `/search/?q=${encodeURIComponent('疫情')}`);
    await finalStatus(page);
    const inHunan = articles.filter((article) => article.province === '湖南' && expectedCountOf(article, '疫情')).length;
    expect(await page.textContent('#filter-province option[value="湖南"]')).toBe(`湖南（${inHunan}）`);
    await page.selectOption('#filter-province', '湖南');
    await page.waitForURL(/province=/);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain('province=湖南');
    expect(countIn(await finalStatus(page))).toBe(inHunan);
    const withXu = articles.filter((article) => article.province === '湖南' && article.people.includes('许达哲') && expectedCountOf(article, '疫情')).length;
    expect(await page.textContent('#filter-person option[value="许达哲"]')).toBe(`许达哲（${withXu}）`);
    await page.context().close();

    // The same URL in the Traditional edition, with the value in Traditional.
    const hant = await open(seedServer, PREFIX, `/zh-hant/search/?q=${encodeURIComponent('疫情')}&province=${encodeURIComponent('湖南')}&person=${encodeURIComponent('許達哲')}`);
    expect(countIn(await finalStatus(hant))).toBe(withXu);
    expect(await hant.inputValue('#filter-person')).toBe('许达哲');
    await hant.context().close();
  }, TIMEOUT);

  it('sorts by meeting date either way', async () => {
    const dates = async (sort: string) => {
      const page = await open(seedServer, PREFIX, `/search/?q=${encodeURIComponent('会议')}&sort=${sort}`);
      await finalStatus(page);
      const list = await page.$$eval('#search-results time', (times) => times.map((time) => time.getAttribute('datetime') ?? ''));
      await page.context().close();
      return list;
    };
    const newest = await dates('date-desc');
    expect(newest.length).toBeGreaterThan(1);
    expect(newest).toEqual([...newest].sort().reverse());
    expect(await dates('date-asc')).toEqual([...newest].reverse());
  }, TIMEOUT);

  it('lists every result a page at a time, under a sub-path with a space in it', async () => {
    const page = await open(manyServer, SPACED, `/search/?q=${encodeURIComponent('疫情')}`);
    expect(countIn(await finalStatus(page))).toBe(50);
    expect(await page.locator('#search-results > li').count()).toBe(20);
    const seen = new Set<string>();
    for (let pageNumber = 1; pageNumber <= 3; pageNumber++) {
      await page.locator('#search-results > li:first-child .result-title a').waitFor();
      const first = await page.getAttribute('#search-results > li:first-child .result-title a', 'href');
      expect(first?.startsWith(encodeURI(SPACED)) || first?.startsWith(SPACED)).toBe(true);
      for (const id of await page.$$eval('#search-results > li', (items) => items.map((item) => (item as HTMLElement).dataset.id ?? ''))) seen.add(id);
      if (pageNumber < 3) {
        await page.click('[data-page-next]');
        await page.waitForURL(new RegExp(`page=${pageNumber + 1}`));
      }
    }
    expect(seen.size).toBe(50);
    expect(await page.isVisible('[data-page-next]')).toBe(false);
    // A result opens its article under the sub-path.
    await Promise.all([page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\//), page.click('#search-results > li:first-child .result-title a')]);
    expect(new URL(page.url()).pathname.startsWith(encodeURI(SPACED))).toBe(true);
    await page.context().close();
  }, TIMEOUT);
});

function expectedCountOf(article: ExportedArticle, query: string): boolean {
  const index = articles.indexOf(article);
  const form = normalizeText(query).text;
  return texts[index]!.hans.includes(form) || texts[index]!.hant.includes(form);
}

describe('results as a reader sees them', () => {
  it('shows Traditional excerpts as the pages convert them, with the match marked exactly', async () => {
    const page = await open(seedServer, PREFIX, `/zh-hant/search/?q=${encodeURIComponent('机制')}`);
    await finalStatus(page);
    await page.waitForFunction(() => document.querySelector('#search-results .excerpt mark'));
    const marks = await page.$$eval('#search-results .excerpt mark', (found) => found.map((mark) => mark.textContent));
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['機制']));
    expect((await page.textContent('#search-results')) ?? '').not.toContain('機製');
    const meta = (await page.textContent('#search-results > li:first-child .result-meta')) ?? '';
    expect(meta).toMatch(/^會議日期 \d{4}年\d{1,2}月\d{1,2}日 · (湖南|河南) · .+ · 來源 /);
    await page.context().close();
  }, TIMEOUT);

  it('searches from the masthead of any page, and reaches the search page without JavaScript', async () => {
    const page = await open(seedServer, PREFIX, '/tags/');
    await page.fill('#site-search', '许达哲');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('#site-search', 'Enter')]);
    expect(countIn(await finalStatus(page))).toBe(expectedCount('许达哲'));
    await page.context().close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(`${seedServer.origin}/archive/zh-hant/about/`);
    await plain.fill('#site-search', '許達哲');
    await Promise.all([plain.waitForURL(/\/zh-hant\/search\/\?q=/), plain.press('#site-search', 'Enter')]);
    expect(await plain.isVisible('[data-no-script]')).toBe(true);
    await context.close();
  }, TIMEOUT);

  it('does not move the page while results and their excerpts arrive', async () => {
    for (const width of [1280, 375]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { shifts: number }).shifts += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${seedServer.origin}/archive/search/?q=${encodeURIComponent('疫情')}`);
      await finalStatus(page);
      // The results on screen have their titles.
      await page.waitForFunction(() => [...document.querySelectorAll('#search-results .result-title')].every((title) => title.getBoundingClientRect().top > window.innerHeight || title.querySelector('a')));
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), `${width} px`).toBeLessThanOrEqual(0.01);
      await context.close();
    }
  }, TIMEOUT);

  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
