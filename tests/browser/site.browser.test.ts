/**
 * The site in a real browser (Debian's Chromium driven by playwright-core): the two Chinese
 * editions of the home page, an article, a tag page and the search page, and every kind of page
 * of the English edition; the edition switch; axe-core; a phone-width viewport; the home page's
 * chart of meetings per month in both themes and its bars' links; search in either script; no
 * request to another origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 300_000;
const PREFIX = '/archive/';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let site: BuiltSite;
let server: RunningServer;
let browser: Browser;
let foreignRequests: string[] = [];
let pageErrors: string[] = [];
/** Every Content-Security-Policy violation a page reported (securitypolicyviolation events), by page. */
let policyViolations: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (or set CHROMIUM_PATH).`);
  }
  // Served under a sub-path, as a GitHub Pages project site is, so every link is tested with the prefix.
  site = await buildSite({ pathPrefix: PREFIX });
  // With the headers of the site's _headers file, as hosts that read it send them: every page
  // then works under both the policy of its <meta> and the header's.
  server = await serveSite(site.dir, PREFIX, { headersFile: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path: string) => `${server.origin}${PREFIX.slice(0, -1)}${path}`;

async function open(path: string, options: { width?: number; javaScript?: boolean; consoleErrors?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.colorScheme ?? 'light',
  });
  // Before any script of the page: a violation is reported as an event on the document.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { policyViolations: string[] }).policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && options.consoleErrors !== false) pageErrors.push(`${path}: console: ${message.text()}`);
  });
  await page.route('**/*', (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin !== server.origin && requested.protocol !== 'data:') {
      foreignRequests.push(`${path} → ${requested.href}`);
      return route.abort();
    }
    return route.continue();
  });
  page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
  const response = await page.goto(url(path), { waitUntil: 'networkidle' });
  expect(response?.status(), path).toBe(200);
  policyViolations.push(...(await violationsOf(page)).map((violation) => `${path}: ${violation}`));
  return page;
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { policyViolations?: string[] }).policyViolations ?? [])]);
}

async function firstArticlePath(): Promise<string> {
  const archive = JSON.parse(readFileSync(`${site.dir}/archive.json`, 'utf8')) as { articles: { url: string; people: string[] }[] };
  const article = archive.articles.find((candidate) => candidate.people.includes('许达哲')) ?? archive.articles[0]!;
  return new URL(article.url).pathname.slice(PREFIX.length - 1);
}

const EDITIONS = [
  { name: 'Simplified', root: '/', lang: 'zh-Hans', other: 'zh-Hant' },
  { name: 'Traditional', root: '/zh-hant/', lang: 'zh-Hant', other: 'zh-Hans' },
] as const;

describe.each(EDITIONS)('$name edition', ({ root, lang, other }) => {
  const pages = async () => {
    const article = await firstArticlePath();
    return {
      home: root,
      article: root === '/' ? article : `/zh-hant${article}`,
      tag: `${root}tags/person/xu-da-zhe/`,
      prefecture: `${root}tags/place/zhu-zhou/`,
      search: `${root}search/`,
    };
  };

  it('has no axe-core violation of WCAG 2.2 A or AA on the home, article, person, prefecture and search pages', async () => {
    for (const path of Object.values(await pages())) {
      const page = await open(path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // Evaluated rather than added as a <script>: the page's policy refuses inline scripts.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        return result.violations
            .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations, path).toEqual([]);
      await page.context().close();
    }
  }, TIMEOUT);

  it('follows a reader who asks for a dark theme: dark ground, light text, and every colour pair still passes axe', async () => {
    for (const path of Object.values(await pages())) {
      const page = await open(path, { colorScheme: 'dark' });
      const [ground, text] = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return [style.backgroundColor, style.color];
      });
      expect(luminance(ground), `${path} background ${ground}`).toBeLessThan(0.05);
      expect(luminance(text), `${path} text ${text}`).toBeGreaterThan(0.6);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
        return result.violations
            .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations, path).toEqual([]);
      await page.context().close();
    }
  }, TIMEOUT);

  it('switches to the same page in the other script', async () => {
    for (const path of Object.values(await pages())) {
      const page = await open(path);
      const heading = await page.locator('h1').first().textContent();
      const before = new URL(page.url()).pathname;
      await Promise.all([page.waitForURL((target) => target.pathname !== before), page.click('[data-script-switch]')]);
      expect(await page.getAttribute('html', 'lang')).toBe(other);
      const otherPath = lang === 'zh-Hans' ? `/zh-hant${path}` : path.replace(/^\/zh-hant\//, '/');
      expect(new URL(page.url()).pathname).toBe(`${PREFIX.slice(0, -1)}${otherPath}`);
      // Same page: the heading is the same words in the other script.
      const otherHeading = await page.locator('h1').first().textContent();
      expect(otherHeading?.length).toBe(heading?.length);
      await page.context().close();
    }
  }, TIMEOUT);

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    for (const path of Object.values(await pages())) {
      const page = await open(path, { width: 375 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  }, TIMEOUT);

  it('folds an article’s metadata to one line on a phone, so the text begins on the first screen; open on a desktop; without JavaScript', async () => {
    const archive = JSON.parse(readFileSync(`${site.dir}/archive.json`, 'utf8')) as { articles: { url: string }[] };
    expect(archive.articles.length).toBeGreaterThan(0);
    for (const article of archive.articles) {
      const path = `${root}${new URL(article.url).pathname.slice(PREFIX.length)}`;
      // The smallest phone screen in common use.
      const context = await browser.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });
      const phone = await context.newPage();
      await phone.goto(url(path));
      const folded = await phone.evaluate(() => {
        const summary = document.querySelector('.article-meta > summary')!;
        const first = document.querySelector('.article-body > *')!;
        return {
          summaryLines: summary.getBoundingClientRect().height / parseFloat(getComputedStyle(summary).lineHeight),
          summaryText: summary.textContent ?? '',
          listShown: (document.querySelector('.article-meta-list') as HTMLElement).checkVisibility(),
          firstTop: first.getBoundingClientRect().top,
          firstTag: first.tagName,
          screen: window.innerHeight,
        };
      });
      expect(folded.summaryLines, path).toBeLessThan(2);
      expect(folded.summaryText, path).toMatch(lang === 'zh-Hans' ? /报道信息/ : /報道信息/);
      expect(folded.listShown, path).toBe(false);
      expect(folded.firstTop, path).toBeLessThan(folded.screen - 24);
      // The first paragraph itself, where the body opens with one.
      if (folded.firstTag === 'P') expect(await phone.locator('.article-body p').first().isVisible()).toBe(true);
      await phone.click('.article-meta > summary');
      expect(await phone.locator('.article-meta-list').isVisible(), path).toBe(true);
      await context.close();

      const desktop = await open(path, { javaScript: false });
      expect(await desktop.locator('.article-meta-list').isVisible(), path).toBe(true);
      expect(await desktop.locator('.article-meta > summary').isVisible(), path).toBe(false);
      await desktop.context().close();
    }
  }, TIMEOUT);

  it('names the tag in the heading of a tag page and lists its articles', async () => {
    const page = await open((await pages()).tag);
    expect(await page.locator('h1').textContent()).toContain(lang === 'zh-Hans' ? '许达哲' : '許達哲');
    expect(await page.locator('.article-list li').count()).toBeGreaterThan(0);
    await page.context().close();
  }, TIMEOUT);

  it.each(['许达哲', '許達哲'])('finds articles in this edition for ?q=%s', async (query) => {
    const page = await open(`${root}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-results li .result-title a', { timeout: 30_000 });
    // A result's title and excerpt arrive when it comes on screen.
    const items = page.locator('#search-results > li');
    for (let index = 0; index < (await items.count()); index++) {
      await items.nth(index).scrollIntoViewIfNeeded();
      await items.nth(index).locator('.result-title a').waitFor();
    }
    const results = await page.$$eval('#search-results li', (items) =>
      items.map((item) => ({
        title: item.querySelector('.result-title a')?.textContent ?? '',
        href: item.querySelector('.result-title a')?.getAttribute('href') ?? '',
        date: item.querySelector('.result-meta')?.textContent ?? '',
        excerpt: item.querySelector('.excerpt')?.textContent ?? '',
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.title.length).toBeGreaterThan(0);
      expect(result.date).toMatch(new RegExp(`^${lang === 'zh-Hans' ? '会议日期' : '會議日期'} \\d{4}年\\d{1,2}月\\d{1,2}日`));
      expect(result.href.startsWith(`${PREFIX}${root === '/' ? '' : 'zh-hant/'}`)).toBe(true);
      expect(result.href).toMatch(/\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/$/);
    }
    expect(results.map((result) => result.excerpt).join('')).toContain(lang === 'zh-Hans' ? '许达哲' : '許達哲');
    expect(await page.inputValue('#q')).toBe(query);
    // The switch carries the query to the other edition's search page.
    expect(await page.getAttribute('[data-script-switch]', 'href')).toContain(`q=${encodeURIComponent(query)}`);
    const opened = await Promise.all([page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\//), page.click('#search-results li .result-title a')]);
    expect(opened).toBeDefined();
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.context().close();
  }, TIMEOUT);

  it('says that search needs JavaScript when it is off, and works without it elsewhere', async () => {
    const page = await open(`${root}search/?q=%E8%AE%B8`, { javaScript: false });
    const notice = page.locator('[data-no-script]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('JavaScript');
    await page.context().close();

    const article = await open((await pages()).article, { javaScript: false });
    expect(await article.locator('.article-body p').count()).toBeGreaterThan(1);
    await article.context().close();
  }, TIMEOUT);
});

describe('the home page’s chart of meetings per month', () => {
  /** WCAG contrast ratio of two computed `rgb(…)` colours. */
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light! + 0.05) / (dark! + 0.05);
  };

  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`fits a ${width} px screen in the ${colorScheme} theme: readable labels, bars that stand out from the page, the table a click away, no axe violation`, async () => {
        const page = await open('/', { width, colorScheme });
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        const chart = page.locator('svg.timeline-chart');
        const [chartBox, frameBox] = [await chart.boundingBox(), await page.locator('.timeline-chart-frame').boundingBox()];
        expect(chartBox!.width).toBeGreaterThan(width / 2 - 100);
        expect(chartBox!.x + chartBox!.width).toBeLessThanOrEqual(frameBox!.x + frameBox!.width + 0.5);

        const labels = await chart.locator('text').evaluateAll((texts) =>
          texts.map((text) => ({ size: parseFloat(getComputedStyle(text).fontSize), fill: getComputedStyle(text).fill, ink: getComputedStyle(text.closest('.timeline-chart-frame')!).color })),
        );
        expect(labels.length).toBeGreaterThan(5);
        for (const label of labels) {
          expect(label.size).toBeGreaterThanOrEqual(12);
          expect(label.fill).toBe(label.ink);
        }
        const ground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(contrast(labels[0]!.ink, ground)).toBeGreaterThanOrEqual(4.5);
        // Bars are graphics, which axe does not measure: 3:1 against the page (WCAG 1.4.11).
        const fills = await chart.locator('a rect:not([fill="transparent"])').evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).fill));
        expect(fills.length).toBeGreaterThan(0);
        for (const fill of fills) expect(contrast(fill, ground), fill).toBeGreaterThanOrEqual(3);
        // Month and year labels along the axis must not run into each other.
        for (const selector of ['.timeline-axis text:not([font-weight])', '.timeline-axis text[font-weight]']) {
          const boxes = await chart.locator(selector).evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));
          for (let index = 1; index < boxes.length; index += 1) expect(boxes[index]!.left).toBeGreaterThan(boxes[index - 1]!.right);
        }

        const table = page.locator('.timeline-table');
        expect(await table.isVisible()).toBe(false);
        await page.locator('.timeline-table-details > summary').focus();
        await page.keyboard.press('Enter');
        expect(await table.isVisible()).toBe(true);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<Result> } }).axe;
          const result = await axe.run({ include: ['.timeline-chart-figure'] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
          return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.context().close();
      }, TIMEOUT);
    }
  }

  it.each(EDITIONS)('takes a click on a bar to its month’s page in the $name edition, the same links as the table’s', async ({ root }) => {
    const page = await open(root, { width: 375 });
    const barLinks = await page.$$eval('svg.timeline-chart a', (links) => links.map((link) => link.getAttribute('href')));
    const tableLinks = await page.$$eval('.timeline-table a', (links) => links.map((link) => link.getAttribute('href')));
    expect(barLinks.length).toBeGreaterThan(1);
    expect(barLinks).toEqual(tableLinks);
    const last = barLinks.at(-1)!;
    expect(last).toMatch(new RegExp(`^${PREFIX}${root.slice(1)}\\d{4}/\\d{2}/$`));
    const bar = page.locator('svg.timeline-chart a').last().locator('rect[class]').first();
    const box = await bar.boundingBox();
    await Promise.all([page.waitForURL(`${server.origin}${last}`), page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2)]);
    const [, year, month] = /(\d{4})\/(\d{2})\/$/.exec(last)!;
    expect(await page.locator('h1').textContent()).toContain(`${year}年${Number(month)}月`);
    expect(await page.locator('.article-list li').count()).toBeGreaterThan(0);
    await page.context().close();
  }, TIMEOUT);
});

describe('the favicon and the og:image', () => {
  it('load as images of their stated sizes from the links in the head, under the page’s policy', async () => {
    const page = await open('/zh-hant/about/');
    const links = await page.$$eval('link[rel~="icon"], link[rel="apple-touch-icon"], meta[property="og:image"]', (nodes) =>
      nodes.map((node) => ({
        url: node instanceof HTMLLinkElement ? node.href : new URL(new URL(node.getAttribute('content')!).pathname, location.href).href,
        sizes: node.getAttribute('sizes') ?? (node.tagName === 'META' ? `${document.querySelector('meta[property="og:image:width"]')?.getAttribute('content')}x${document.querySelector('meta[property="og:image:height"]')?.getAttribute('content')}` : 'any'),
      })),
    );
    expect(links.map((link) => new URL(link.url).pathname)).toEqual([`${PREFIX}favicon.svg`, `${PREFIX}favicon.png`, `${PREFIX}apple-touch-icon.png`, `${PREFIX}og-image.png`]);
    for (const link of links) {
      // Loaded as the page would load an image: the policy's img-src applies, and the browser decodes it.
      const size = await page.evaluate(async (url) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, link.url);
      expect(size, link.url).toBe(link.sizes === 'any' ? '32x32' : link.sizes);
    }
    expect(await violationsOf(page)).toEqual([]);
    await page.context().close();
  }, TIMEOUT);
});

describe('English edition', () => {
  const pages = async () => {
    const article = `/en${await firstArticlePath()}`;
    return { home: '/en/', article, report: `${article}report/`, tag: '/en/tags/person/xu-da-zhe/', tags: '/en/tags/', year: '/en/2021/', about: '/en/about/', search: '/en/search/', notFound: '/en/404.html' };
  };

  const axeViolations = async (page: Page) => {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
      return result.violations
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
  };

  it('has no axe-core violation of WCAG 2.2 A or AA on any kind of page, in the light and the dark theme', async () => {
    for (const path of Object.values(await pages())) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await open(path, { colorScheme });
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(await axeViolations(page), `${path} ${colorScheme}`).toEqual([]);
        await page.context().close();
      }
    }
  }, TIMEOUT);

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    for (const path of Object.values(await pages())) {
      const page = await open(path, { width: 375 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  }, TIMEOUT);

  it('switches to the same page in the Simplified edition, whose heading quotes the same Chinese', async () => {
    const { article } = await pages();
    const page = await open(article);
    const heading = await page.locator('h1').first().textContent();
    await Promise.all([page.waitForURL((target) => !target.pathname.includes('/en/')), page.click('[data-edition-switch="zh-Hans"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
    expect(new URL(page.url()).pathname).toBe(`${PREFIX.slice(0, -1)}${article.replace(/^\/en\//, '/')}`);
    expect(await page.locator('h1').first().textContent()).toBe(heading);
    await page.context().close();
  }, TIMEOUT);

  it.each(['许达哲', '許達哲'])('finds articles for ?q=%s, showing Chinese titles marked as Chinese under an English interface', async (query) => {
    const page = await open(`/en/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-results li .result-title a', { timeout: 30_000 });
    const items = page.locator('#search-results > li');
    for (let index = 0; index < (await items.count()); index++) {
      await items.nth(index).scrollIntoViewIfNeeded();
      await items.nth(index).locator('.result-title a').waitFor();
    }
    const results = await page.$$eval('#search-results li', (list) =>
      list.map((item) => ({
        title: item.querySelector('.result-title a')?.textContent ?? '',
        titleLang: item.querySelector('.result-title a')?.getAttribute('lang') ?? '',
        href: item.querySelector('.result-title a')?.getAttribute('href') ?? '',
        meta: item.querySelector('.result-meta')?.textContent ?? '',
      })),
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.title).toMatch(/\p{Script=Han}/u);
      expect(result.titleLang).toBe('zh-Hans');
      expect(result.meta).toMatch(/^Meeting date \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} · (Hunan|Henan)/);
      expect(result.href.startsWith(`${PREFIX}en/`)).toBe(true);
    }
    expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ articles? found/);
    // The switch carries the query to the other editions' search pages.
    expect(await page.getAttribute('[data-edition-switch="zh-Hant"]', 'href')).toContain(`q=${encodeURIComponent(query)}`);
    await page.context().close();
  }, TIMEOUT);
});

describe('feeds and sitemap in the browser’s XML parser', () => {
  it('parse as XML, with one entry per article', async () => {
    const page = await open('/');
    const counts = await page.evaluate(async (base) => {
      const parse = async (path: string) => {
        const text = await (await fetch(base + path)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length) throw new Error(`${path} is not well-formed XML`);
        return doc;
      };
      const [atom, hant, index] = await Promise.all([parse('feed.xml'), parse('zh-hant/feed.xml'), parse('sitemap.xml')]);
      // The index names the sitemap files by absolute URL; they are read here from this server.
      const files = Array.from(index.getElementsByTagName('loc'), (loc) => new URL(loc.textContent ?? '').pathname.slice(new URL(base).pathname.length));
      const sitemaps = await Promise.all(files.map((file) => parse(file)));
      return {
        atom: atom.getElementsByTagName('entry').length,
        hant: hant.getElementsByTagName('entry').length,
        files: files.length,
        urls: sitemaps.reduce((sum, sitemap) => sum + sitemap.getElementsByTagName('url').length, 0),
      };
    }, url('/'));
    const articles = (JSON.parse(readFileSync(`${site.dir}/archive.json`, 'utf8')) as { articleCount: number }).articleCount;
    expect(counts.atom).toBe(Math.min(articles, 50));
    expect(counts.hant).toBe(Math.min(articles, 50));
    expect(counts.files).toBeGreaterThan(0);
    expect(counts.urls).toBeGreaterThan(articles * 4);
    await page.context().close();
  }, TIMEOUT);
});

describe('a province feed opened in the browser', () => {
  for (const { root, title, count } of [
    { root: '/', title: '湘豫防疫会议档案 · 湖南', count: '新收录的报道' },
    { root: '/zh-hant/', title: '湘豫防疫會議檔案 · 湖南', count: '新收錄的報道' },
  ]) {
    it(`shows ${root}feeds/hu-nan.xml as a page of its entries, styled from the site's own files under the policy`, async () => {
      const feed = readFileSync(`${site.dir}${root}feeds/hu-nan.xml`, 'utf8');
      const titles = [...feed.matchAll(/<entry>\s*<title>([^<]+)<\/title>/g)].map((match) => match[1]);
      expect(titles.length).toBeGreaterThan(0);
      // Not open(): the stylesheet's request never counts as finished, so the network is never
      // idle; and Chromium's own XSLT-deprecation banner uses inline styles and a handler that the
      // site's policy refuses (logged as errors that are the browser's, not the feed's).
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        const requested = new URL(route.request().url());
        if (requested.origin !== server.origin) {
          foreignRequests.push(`${root}feeds/hu-nan.xml → ${requested.href}`);
          return route.abort();
        }
        return route.continue();
      });
      page.on('pageerror', (error) => pageErrors.push(`${root}feeds/hu-nan.xml: ${error.message}`));
      const response = await page.goto(url(`${root}feeds/hu-nan.xml`), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.textContent('h1')).toBe(title);
      expect(await page.textContent('h2.feed-count')).toBe(`${count}（${titles.length} 篇）`);
      expect(await page.locator('.feed-view li h3 a').allTextContents()).toEqual(titles);
      // feed.css, found beside the stylesheet under the path prefix, is applied under the policy.
      expect(await page.locator('.about').evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe('4px');
      // The page the stylesheet makes needs nothing the policy refuses.
      const refused = await page.evaluate(() =>
        [...document.querySelectorAll('style, script, [style]'), ...[...document.querySelectorAll('*')].filter((element) => [...element.attributes].some((attribute) => attribute.name.startsWith('on')))]
          .filter((element) => !element.closest('xslt-warning-banner'))
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect(refused).toEqual([]);
      await context.close();
    }, TIMEOUT);
  }
});

describe('the Content-Security-Policy', () => {
  it('is in force: a script or style put into a page is refused, and reported', async () => {
    // The browser logs each refusal as an error: expected here, so not counted as the page's.
    const page = await open('/', { consoleErrors: false });
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedRan = true;';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none; }';
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ran: (window as unknown as { injectedRan?: boolean }).injectedRan ?? false, hidden: getComputedStyle(document.body).display === 'none' };
    });
    expect(outcome).toEqual({ ran: false, hidden: false });
    const header = await page.evaluate(async (address) => (await fetch(address)).headers.get('content-security-policy'), url('/'));
    expect(header).toContain("frame-ancestors 'none'");
    const reported = await violationsOf(page);
    expect(reported).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem blocked inline$/), expect.stringMatching(/^style-src-elem blocked inline$/)]));
    await page.context().close();
  }, TIMEOUT);

  it('lets every kind of page of every edition work under it, reporting no violation', async () => {
    const article = await firstArticlePath();
    const paths = ['/', article, `${article}report/`, '/tags/', '/tags/person/xu-da-zhe/', '/tags/place/lu-song-qu/', '/2021/', '/2021/08/', '/about/', '/search/?q=%E8%AE%B8%E8%BE%BE%E5%93%B2', '/404.html'];
    const before = policyViolations.length;
    for (const path of [...paths, ...paths.map((path) => `/zh-hant${path}`), ...paths.map((path) => `/en${path}`)]) {
      const page = await open(path);
      if (path.includes('/search/')) await page.waitForSelector('#search-results li', { timeout: 30_000 });
      policyViolations.push(...(await violationsOf(page)).map((violation) => `${path} (after search): ${violation}`));
      expect(await page.locator('main').count(), path).toBe(1);
      await page.context().close();
    }
    expect(policyViolations.slice(before)).toEqual([]);
  }, TIMEOUT);
});

describe('the whole visit', () => {
  it('made no request to another origin and raised no script error or policy violation', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(policyViolations).toEqual([]);
  });
});
