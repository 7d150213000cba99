/**
 * The home page's chart of meetings per month, the month pages its bars lead to, the archive as
 * CSV beside archive.json, and the favicon and og:image made at build time, as the built seed
 * site gives them: one build with the site's URL set, one without.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { buildSite, REPO_ROOT, TEST_ORIGIN, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, fileForUrl, htmlPages, readPage } from '../support/site-files.ts';
import { readArticleFrontMatter, type ArticleFrontMatter } from '../../src/contract.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { PROVINCE_COLOURS } from '../../src/site/research/timeline-chart.ts';

vi.setConfig({ testTimeout: 120_000 });

let site: BuiltSite;
let unset: BuiltSite;
let seeds: { file: string; frontMatter: ArticleFrontMatter }[];

beforeAll(async () => {
  [site, unset] = await Promise.all([buildSite(), buildSite({ siteUrl: null })]);
  const folder = path.join(REPO_ROOT, site.contentDir, 'articles');
  seeds = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ file: name, frontMatter: readArticleFrontMatter(matter(readFileSync(path.join(folder, name), 'utf8')).data, name) }));
}, 240_000);

const page = (built: BuiltSite, file: string) => readPage(built.dir, file);
const byClass = (tree: Root, name: string) => elements(tree, (node) => (attribute(node, 'className') ?? '').split(' ').includes(name));
const articleUrl = (frontMatter: ArticleFrontMatter) => (frontMatter.date ? `/${frontMatter.date.replaceAll('-', '/')}/${frontMatter.slug}/` : `/undated/${frontMatter.slug}/`);
const monthOf = (frontMatter: ArticleFrontMatter) => frontMatter.date!.slice(0, 7);

/** Seed articles per month (YYYY-MM) and province. */
function seedCounts(): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const { frontMatter } of seeds.filter((seed) => seed.frontMatter.date)) {
    const month = counts.get(monthOf(frontMatter)) ?? new Map<string, number>();
    month.set(frontMatter.province, (month.get(frontMatter.province) ?? 0) + 1);
    counts.set(monthOf(frontMatter), month);
  }
  return counts;
}

describe('the home page’s chart of meetings per month', () => {
  for (const [edition, root] of [
    ['Simplified', ''],
    ['Traditional', 'zh-hant/'],
  ] as const) {
    it(`draws a bar for each month with meetings in the ${edition} edition, each linking to that month’s page listing its articles`, async () => {
      const home = await page(site, `${root}index.html`);
      const [chart] = elements(home, (node) => node.tagName === 'svg' && (attribute(node, 'className') ?? '').includes('timeline-chart'));
      expect(chart).toBeDefined();
      const bars = elements({ type: 'root', children: [chart!] }, (node) => node.tagName === 'a');
      const counts = seedCounts();
      expect(bars.map((bar) => attribute(bar, 'href'))).toEqual([...counts.keys()].sort().map((month) => `/${root}${month.replace('-', '/')}/`));
      for (const bar of bars) {
        const href = attribute(bar, 'href')!;
        const [, year, month] = /(\d{4})\/(\d{2})\/$/.exec(href)!;
        // One segment per province that month, in that province's colour.
        const segments = elements({ type: 'root', children: [bar] }, (node) => node.tagName === 'rect' && attribute(node, 'fill') !== 'transparent');
        const provinces = counts.get(`${year}-${month}`)!;
        expect(segments.map((rect) => attribute(rect, 'fill')).sort()).toEqual([...provinces.keys()].map((province) => PROVINCE_COLOURS[province] ?? '#7a7a7a').sort());
        // The month's page exists and lists exactly the month's articles.
        const monthPage = await page(site, fileForUrl(href, '/')!);
        const heading = elements(monthPage, (node) => node.tagName === 'h1').map((node) => toText(node));
        expect(heading).toEqual([root ? toTraditional(`${year}年${Number(month)}月报道`) : `${year}年${Number(month)}月报道`]);
        const listed = byClass(monthPage, 'article-item-title').map((link) => attribute(link, 'href'));
        const expected = seeds.filter((seed) => seed.frontMatter.date?.startsWith(`${year}-${month}`)).map((seed) => `/${root}${articleUrl(seed.frontMatter).slice(1)}`);
        expect(listed.sort()).toEqual(expected.sort());
      }
    });
  }

  it('gives the same numbers in a table, every month a row, with the months that have meetings linked', async () => {
    const home = await page(site, 'index.html');
    const [table] = byClass(home, 'timeline-table');
    expect(table).toBeDefined();
    const rows = elements({ type: 'root', children: [table!] }, (node) => node.tagName === 'tr').map((row) =>
      row.children.filter((cell): cell is Element => cell.type === 'element').map((cell) => toText(cell)),
    );
    const header = rows[0]!;
    expect(header[0]).toBe('月份');
    expect(header.at(-1)).toBe('合计');
    const counts = seedCounts();
    const dated = seeds.filter((seed) => seed.frontMatter.date).length;
    expect(rows.slice(1).reduce((sum, row) => sum + Number(row.at(-1)), 0)).toBe(dated);
    for (const row of rows.slice(1)) {
      const [, year, month] = /^(\d{4})年(\d{1,2})月$/.exec(row[0]!)!;
      const provinces = counts.get(`${year}-${month!.padStart(2, '0')}`) ?? new Map<string, number>();
      for (const [column, province] of header.slice(1, -1).entries()) expect(Number(row[column + 1]), `${row[0]} ${province}`).toBe(provinces.get(province) ?? 0);
    }
    const links = elements({ type: 'root', children: [table!] }, (node) => node.tagName === 'a').map((link) => attribute(link, 'href'));
    expect(links).toEqual([...counts.keys()].sort().map((month) => `/${month.replace('-', '/')}/`));
  });

  it('is labelled and described in each edition’s script', async () => {
    const [hans, hant] = await Promise.all([page(site, 'index.html'), page(site, 'zh-hant/index.html')]);
    // As textContent reads them: hast-util-to-text follows innerText, which skips <title>.
    const content = (node: Element | Root['children'][number]): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(content).join('') : '');
    const text = (tree: Root, tag: string) => elements(tree, (node) => node.tagName === tag).map(content);
    expect(text(hans, 'title')).toContain('每月会议数（按省份）');
    expect(text(hant, 'title')).toContain(toTraditional('每月会议数（按省份）'));
    const [description] = text(hans, 'desc');
    expect(description).toMatch(/^\d{4}年\d{1,2}月至\d{4}年\d{1,2}月每月报道的会议数/);
    expect(text(hant, 'desc')).toEqual([toTraditional(description!)]);
  });
});

describe('the archive as CSV', () => {
  const rows = (built: BuiltSite) => parse(readFileSync(path.join(built.dir, 'archive.csv')), { bom: true, columns: true }) as Record<string, string>[];
  /** A cell as the CSV writes a front-matter value: lists one item a line, formula-like text behind an apostrophe. */
  const cell = (value: unknown) => {
    const text = Array.isArray(value) ? value.join('\n') : value === undefined ? '' : String(value);
    return /^[=+\-@\t\r＝＋－＠]/.test(text) ? `'${text}` : text;
  };

  it('has one row per article with the fields of its front matter, for every seed', () => {
    const read = rows(site);
    expect(read).toHaveLength(seeds.length);
    const bySlug = new Map(read.map((row) => [row.slug, row]));
    for (const { file, frontMatter } of seeds) {
      const row = bySlug.get(frontMatter.slug);
      expect(row, file).toBeDefined();
      expect(row!.url).toBe(`${TEST_ORIGIN}${articleUrl(frontMatter)}`);
      for (const key of Object.keys(row!).filter((column) => column !== 'url' && column !== 'captures')) {
        expect(row![key], `${file}: ${key}`).toBe(cell(frontMatter[key as keyof ArticleFrontMatter]));
      }
      expect(row!.captures!.split('\n')).toEqual(frontMatter.captures.map((capture) => capture.raw));
    }
    // Every field the seeds use is a column.
    const used = new Set(seeds.flatMap((seed) => Object.keys(seed.frontMatter)));
    for (const key of used) expect(Object.keys(read[0]!), key).toContain(key);
  });

  it('gives root-relative article URLs when the site has no URL', () => {
    const read = rows(unset);
    expect(read.map((row) => row.url).sort()).toEqual(seeds.map((seed) => articleUrl(seed.frontMatter)).sort());
  });

  it('is linked beside archive.json from the about page of both editions', async () => {
    for (const file of ['about/index.html', 'zh-hant/about/index.html']) {
      const hrefs = elements(await page(site, file), (node) => node.tagName === 'a').map((link) => attribute(link, 'href'));
      expect(hrefs, file).toEqual(expect.arrayContaining(['/archive.json', '/archive.csv']));
    }
  });
});

describe('the favicon and the og:image', () => {
  const pngSize = (file: string) => {
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  };

  it('are files of the sizes the pages state: an SVG favicon, PNG icons and a 1200 × 630 og:image', () => {
    const svg = readFileSync(path.join(site.dir, 'favicon.svg'), 'utf8');
    const parser = new SaxesParser({ xmlns: true });
    let root: { name: string; uri: string; width?: string; height?: string } | undefined;
    parser.on('opentag', (tag) => {
      root ??= { name: tag.local, uri: tag.uri, width: tag.attributes.width?.value, height: tag.attributes.height?.value };
    });
    parser.write(svg).close();
    expect(root).toEqual({ name: 'svg', uri: 'http://www.w3.org/2000/svg', width: '32', height: '32' });
    expect(pngSize(path.join(site.dir, 'favicon.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(site.dir, 'apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
    expect(pngSize(path.join(site.dir, 'og-image.png'))).toEqual({ width: 1200, height: 630 });
  });

  it('are linked from the head of every page; og:image absolute, with its size and alt text', async () => {
    const pages = await htmlPages(site.dir);
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const tree = await page(site, file);
      const links = elements(tree, (node) => node.tagName === 'link').map((link) => `${attribute(link, 'rel')} ${attribute(link, 'href')} ${attribute(link, 'sizes') ?? ''}`.trim());
      expect(links, file).toEqual(expect.arrayContaining(['icon /favicon.svg', 'icon /favicon.png 32x32', 'apple-touch-icon /apple-touch-icon.png 180x180']));
      const meta = Object.fromEntries(elements(tree, (node) => node.tagName === 'meta' && String(attribute(node, 'property')).startsWith('og:image')).map((node) => [attribute(node, 'property'), attribute(node, 'content')]));
      const chinese = '湘豫防疫会议档案：2020—2021 年湖南、河南新冠肺炎疫情防控会议报道档案';
      // The English edition describes the image (the archive's Chinese name) in English.
      const alt = file.startsWith('en/') ? expect.stringMatching(/^Hunan–Henan [^\p{Script=Han}]{40,}$/u) : file.startsWith('zh-hant/') ? toTraditional(chinese) : chinese;
      expect(meta, file).toEqual({ 'og:image': `${TEST_ORIGIN}/og-image.png`, 'og:image:type': 'image/png', 'og:image:width': '1200', 'og:image:height': '630', 'og:image:alt': alt });
    }
  });

  it('link the icons but give no og:image when the site has no URL, whose image would need an absolute address', async () => {
    expect(existsSync(path.join(unset.dir, 'og-image.png'))).toBe(true);
    for (const file of ['index.html', 'zh-hant/about/index.html']) {
      const tree = await page(unset, file);
      expect(elements(tree, (node) => node.tagName === 'link' && attribute(node, 'href') === '/favicon.svg'), file).toHaveLength(1);
      expect(elements(tree, (node) => node.tagName === 'meta' && String(attribute(node, 'property')).startsWith('og:image')), file).toEqual([]);
    }
  });
});
