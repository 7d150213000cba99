/**
 * The research modules in a real browser (Debian's Chromium driven by playwright-core), on
 * pages made for the test from hand-built data and served from a local server: the timeline
 * chart at phone and desktop widths in light and dark themes, with axe-core; the Atom feed's
 * stylesheet in each of its three languages, with a hostile entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { escapeHtml } from '../../src/site/html.ts';
import { FEED_STYLESHEET_FILE, stylesheetInstruction } from '../../src/site/research/feed-stylesheet.ts';
import { CHART_LABELS_EN, PROVINCE_COLOURS, timelineChart, type ChartMeeting } from '../../src/site/research/timeline-chart.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 120_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let dir: string;
let server: RunningServer;
let browser: Browser;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

// Two years of meetings in both provinces, the busiest month well above the others.
const meetings: ChartMeeting[] = [];
for (let index = 0; index < 24; index += 1) {
  const year = 2020 + Math.floor(index / 12);
  const month = String((index % 12) + 1).padStart(2, '0');
  const count = index === 1 ? 30 : (index * 7) % 11;
  for (let meeting = 0; meeting < count; meeting += 1) {
    meetings.push({ date: `${year}-${month}-${String(1 + (meeting % 28)).padStart(2, '0')}`, province: meeting % 3 === 2 ? '河南' : '湖南' });
  }
}

function chartPage(): string {
  const monthUrl = (year: number, month: number) => `/${year}/${String(month).padStart(2, '0')}/`;
  const chinese = timelineChart({
    meetings,
    series: [
      { province: '湖南', label: '湖南', colour: PROVINCE_COLOURS['湖南']! },
      { province: '河南', label: '河南', colour: PROVINCE_COLOURS['河南']! },
    ],
    monthUrl,
  });
  const english = timelineChart({
    meetings,
    series: [
      { province: '湖南', label: 'Hunan', colour: PROVINCE_COLOURS['湖南']! },
      { province: '河南', label: 'Henan', colour: PROVINCE_COLOURS['河南']! },
    ],
    monthUrl: (year, month) => `/en${monthUrl(year, month)}`,
    labels: CHART_LABELS_EN,
    idPrefix: 'chart-en',
  });
  // The site's stylesheet has no dark theme yet; the page gives itself one, as the site will.
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>时间线</title><link rel="stylesheet" href="/site.css">
<style>@media (prefers-color-scheme: dark) { :root { --paper: #161514; --panel: #23211e; --ink: #ece8df; --ink-soft: #d6d0c4; --muted: #b5ae9f; --rule: #45413a; --accent: #f0a090; } }</style>
</head><body><main class="page-wrap"><h1>时间线</h1>
<figure id="chart-zh">${chinese.svg}${chinese.table}</figure>
<figure id="chart-en" lang="en">${english.svg}${english.table}</figure>
</main></body></html>`;
}

interface FeedEntry {
  title: string;
  url: string;
  published: string;
  summary: string;
  authors?: string[];
  categories?: string[];
}

function atomFeed(lang: string, title: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (entry) => `  <entry>
    <title>${escapeHtml(entry.title)}</title>
    <link href="${escapeHtml(entry.url)}" rel="alternate" type="text/html"/>
    <id>${escapeHtml(entry.url)}</id>
    <published>${entry.published}T00:00:00+08:00</published>
    <updated>${entry.published}T00:00:00+08:00</updated>
${(entry.authors ?? []).map((name) => `    <author><name>${escapeHtml(name)}</name></author>\n`).join('')}${(entry.categories ?? []).map((term) => `    <category term="${escapeHtml(term)}"/>\n`).join('')}    <summary>${escapeHtml(entry.summary)}</summary>
    <content type="html">${escapeHtml(`<p>${escapeHtml(entry.summary)}</p>`)}</content>
  </entry>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
${stylesheetInstruction('/assets/feed.xsl')}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <title>${escapeHtml(title)}</title>
  <subtitle>2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案</subtitle>
  <link href="${server.origin}/${lang === 'zh-Hans' ? '' : `${lang.toLowerCase()}/`}feed.xml" rel="self" type="application/atom+xml"/>
  <link href="${server.origin}/" rel="alternate" type="text/html"/>
  <id>${server.origin}/</id>
  <updated>2021-12-13T00:00:00+08:00</updated>
  <author><name>${escapeHtml(title)}</name></author>
${items}</feed>
`;
}

const SEED_ENTRY: FeedEntry = {
  title: '湖南调度疫情防控工作：防患未然 科学应对',
  url: '/2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/',
  published: '2021-07-29',
  summary: '今天下午，省委书记、省人大常委会主任许达哲在省应对新冠肺炎疫情联防联控机制召开会议，检查调度疫情防控工作。',
  authors: ['冒蕞', '刘笑雪'],
  categories: ['湖南', '调度会议'],
};
const HOSTILE_ENTRY: FeedEntry = {
  title: '<script>window.hostile = 1</script>标题',
  url: 'javascript:window.hostile=2',
  published: '2021-08-09',
  summary: '<img src="x" onerror="window.hostile=3">摘要',
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  }
  dir = mkdtempSync(path.join(tmpdir(), 'research-browser-'));
  server = await serveSite(dir, '/');
  copyFileSync('templates/assets/site.css', path.join(dir, 'site.css'));
  mkdirSync(path.join(dir, 'assets'));
  copyFileSync(FEED_STYLESHEET_FILE, path.join(dir, 'assets', 'feed.xsl'));
  for (const file of ['site.css', 'feed.css']) copyFileSync(`templates/assets/${file}`, path.join(dir, 'assets', file));
  writeFileSync(path.join(dir, 'index.html'), chartPage());
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>404</title></head><body><h1>404</h1></body></html>');
  writeFileSync(path.join(dir, 'feed.xml'), atomFeed('zh-Hans', '湘豫防疫会议档案', [SEED_ENTRY, HOSTILE_ENTRY]));
  for (const [lang, title] of [['zh-Hant', '湘豫防疫會議檔案'], ['en', 'Hunan–Henan COVID-control meetings archive']] as const) {
    mkdirSync(path.join(dir, lang.toLowerCase()));
    writeFileSync(path.join(dir, lang.toLowerCase(), 'feed.xml'), atomFeed(lang, title, [SEED_ENTRY]));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(pathname: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin !== server.origin) {
      foreignRequests.push(`${pathname} → ${requested.href}`);
      return route.abort();
    }
    return route.continue();
  });
  page.on('pageerror', (error) => pageErrors.push(`${pathname}: ${error.message}`));
  const response = await page.goto(`${server.origin}${pathname}`, { waitUntil: 'load' });
  expect(response?.status(), pathname).toBe(200);
  return page;
}

/** axe-core's violations on the page; `exclude`: selectors of what is not the page's own (the browser's XSLT-deprecation banner). */
async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (exclude) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
    const context = exclude.length ? { include: [['html']], exclude: exclude.map((selector) => [selector]) } : document;
    const result = await axe.run(context, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }, exclude);
}

describe('the timeline chart', () => {
  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`fits a ${width} px screen in the ${colorScheme} theme with readable labels and no axe violation`, async () => {
        const page = await open('/', { width, colorScheme });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const labels = await page.$$eval('#chart-zh svg text', (texts) =>
          texts.map((text) => ({ size: parseFloat(getComputedStyle(text).fontSize), fill: getComputedStyle(text).fill, ink: getComputedStyle(document.body).color })),
        );
        expect(labels.length).toBeGreaterThan(10);
        for (const label of labels) {
          expect(label.size).toBeGreaterThanOrEqual(12);
          // Text follows the page's own text colour, so it reads in either theme.
          expect(label.fill).toBe(label.ink);
        }
        // Month and year labels along the axis must not run into each other.
        const boxes = await page.$$eval('#chart-zh .timeline-axis text:not([font-weight])', (texts) => texts.map((text) => text.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));
        for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]!.left).toBeGreaterThan(boxes[index - 1]!.right);
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      }, TIMEOUT);
    }
  }

  it('takes a click on a bar to its month, and gives keyboard users the same links in the table', async () => {
    const page = await open('/', { width: 375 });
    const barLinks = await page.$$eval('#chart-zh svg a', (links) => links.map((link) => link.getAttribute('href')));
    const tableLinks = await page.$$eval('#chart-zh table a', (links) => links.map((link) => link.getAttribute('href')));
    expect(barLinks).toEqual(tableLinks);
    expect(barLinks[0]).toBe('/2020/02/');
    // The busiest month's bar is the tallest thing on the chart: click its middle.
    const bar = await page.$('#chart-zh svg a:first-of-type rect.timeline-bar-1');
    const box = await bar!.boundingBox();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForURL(`${server.origin}/2020/02/`);
    await page.context().close();
  }, TIMEOUT);
});

describe('the feed stylesheet', () => {
  const feeds = [
    { pathname: '/feed.xml', lang: 'zh-Hans', about: '这是一个订阅源（Atom 格式）', heading: '湘豫防疫会议档案', count: '新收录的报道（2 篇）', published: '收录于 2021-07-29' },
    { pathname: '/zh-hant/feed.xml', lang: 'zh-Hant', about: '這是一個訂閱源（Atom 格式）', heading: '湘豫防疫會議檔案', count: '新收錄的報道（1 篇）', published: '收錄於 2021-07-29' },
    { pathname: '/en/feed.xml', lang: 'en', about: 'This is a web feed (Atom)', heading: 'Hunan–Henan COVID-control meetings archive', count: 'Newly archived reports (1)', published: 'Added 2021-07-29' },
  ];

  for (const feed of feeds) {
    it(`shows the ${feed.lang} feed as a page in its language, each entry linked with its day, authors and categories`, async () => {
      const page = await open(feed.pathname);
      expect(await page.getAttribute('html', 'lang')).toBe(feed.lang);
      expect(await page.textContent('.about')).toContain(feed.about);
      expect(await page.textContent('h1')).toBe(feed.heading);
      expect(await page.textContent('h2.feed-count')).toBe(feed.count);
      // Styled by feed.css beside the stylesheet, found through the feed's xml-stylesheet instruction.
      expect(await page.locator('.about').evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('4px');
      const first = page.locator('li').first();
      expect(await first.locator('h3 a').textContent()).toBe(SEED_ENTRY.title);
      expect(await first.locator('h3 a').getAttribute('href')).toBe(SEED_ENTRY.url);
      const meta = await first.locator('.meta').textContent();
      expect(meta).toContain(feed.published);
      expect(meta).toContain(feed.lang === 'en' ? '冒蕞, 刘笑雪' : '冒蕞、刘笑雪');
      expect(meta).toContain('调度会议');
      expect(await first.locator('.summary').textContent()).toBe(SEED_ENTRY.summary);
      await page.context().close();
    }, TIMEOUT);
  }

  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`fits a ${width} px screen in the ${colorScheme} theme in the site's colours, with no axe violation`, async () => {
        const page = await open('/feed.xml', { width, colorScheme });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
        expect(colours).toEqual(colorScheme === 'light' ? ['rgb(251, 250, 246)', 'rgb(29, 28, 26)'] : ['rgb(22, 21, 19)', 'rgb(236, 232, 223)']);
        // Chromium's own banner on XSL-styled documents (see feed-stylesheet.ts) is the browser's, not the feed's.
        expect(await axeViolations(page, ['xslt-warning-banner'])).toEqual([]);
        await page.context().close();
      }, TIMEOUT);
    }
  }

  it('prints a hostile entry as text: no script runs, no image loads, no javascript: link', async () => {
    const page = await open('/feed.xml');
    const hostile = page.locator('li').nth(1);
    expect(await hostile.locator('h3 a').textContent()).toBe(HOSTILE_ENTRY.title);
    expect(await hostile.locator('h3 a').getAttribute('href')).toBeNull();
    expect(await hostile.locator('.summary').textContent()).toBe(HOSTILE_ENTRY.summary);
    expect(await page.locator('main script, main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hostile?: number }).hostile)).toBeUndefined();
    await page.context().close();
  }, TIMEOUT);

  it('made no request to another origin and raised no page error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
