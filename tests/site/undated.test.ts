/**
 * An archive holding an article whose dates could not be read (ingest archives it undated) and
 * a capture of Hong Kong: the site lists the undated one under 日期不详 in every edition, at
 * /undated/<slug>/, links that list from the timeline and the year pages, and keeps feeds,
 * sitemap, JSON download and search working.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSite, TEST_ORIGIN, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, htmlPages, pageUrlFor, readPage } from '../support/site-files.ts';
import { dateOfId, SearchEngine } from '../../src/site/search/engine.js';

vi.setConfig({ testTimeout: 120_000 });

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/undated-content', cacheDir: 'off' });
}, 240_000);

const read = (file: string) => readFile(path.join(site.dir, file), 'utf8');
const links = async (file: string) => elements(await readPage(site.dir, file), (element) => element.tagName === 'a').map((a) => attribute(a, 'href'));

describe('an undated article', () => {
  it('has its page at /undated/<slug>/ in both editions, saying its days are unknown', async () => {
    for (const root of ['', 'zh-hant/']) {
      const page = await readPage(site.dir, `${root}undated/xianggang-fangyi/index.html`);
      const dateline = elements(page, (element) => attribute(element, 'className')?.includes('dateline') ?? false)[0]!;
      expect(toText(dateline)).toMatch(root ? /會議日期 不詳/ : /会议日期 不详/);
      expect(elements({ type: 'root', children: [dateline] }, (element) => element.tagName === 'time')).toHaveLength(0);
    }
  });

  it('is listed under 日期不详, linked from the timeline and from every year page', async () => {
    const list = await read('undated/index.html');
    expect(list).toContain('日期不详的报道');
    expect(await links('undated/index.html')).toContain('/undated/xianggang-fangyi/');
    expect(await read('zh-hant/undated/index.html')).toContain('日期不詳的報道');
    expect(await links('zh-hant/undated/index.html')).toContain('/zh-hant/undated/xianggang-fangyi/');
    expect(await links('index.html')).toContain('/undated/');
    expect(await links('zh-hant/index.html')).toContain('/zh-hant/undated/');
    expect(await links('2021/index.html')).toContain('/undated/');
    // The timeline itself lists only dated articles.
    expect(await links('2021/index.html')).not.toContain('/undated/xianggang-fangyi/');
  });

  it('is listed in the English edition under “Articles without a date”, its days “not known”', async () => {
    const list = await readPage(site.dir, 'en/undated/index.html');
    expect(toText(elements(list, (element) => element.tagName === 'h1')[0]!)).toBe('Articles without a date');
    expect(await links('en/undated/index.html')).toContain('/en/undated/xianggang-fangyi/');
    expect(await links('en/index.html')).toContain('/en/undated/');
    const page = await readPage(site.dir, 'en/undated/xianggang-fangyi/index.html');
    const dateline = elements(page, (element) => attribute(element, 'className')?.includes('dateline') ?? false)[0]!;
    expect(toText(dateline)).toMatch(/^Meeting date not known Published not known/);
  });

  it('stays out of the feeds, which list the dated articles, and is in the sitemap and the download', async () => {
    for (const root of ['', 'zh-hant/']) {
      const atom = await read(`${root}feed.xml`);
      expect(atom.match(/<entry>/g)).toHaveLength(1);
      expect(atom).not.toContain('undated');
      const json = JSON.parse(await read(`${root}feed.json`)) as { items: unknown[] };
      expect(json.items).toHaveLength(1);
    }
    const sitemap = await read('sitemaps/1.xml');
    expect(sitemap).toContain(`${TEST_ORIGIN}/undated/xianggang-fangyi/`);
    expect(sitemap).toContain(`${TEST_ORIGIN}/undated/`);
    const archive = JSON.parse(await read('archive.json')) as { articles: { slug: string; date: string | null; published: string | null; placePaths: string[] }[] };
    expect(archive.articles.find((article) => article.slug === 'xianggang-fangyi')).toMatchObject({ date: null, published: null, placePaths: ['香港/香港岛/湾仔区'] });
  });

  it('gives its JSON-LD no publication date rather than a made-up one', async () => {
    const page = await readPage(site.dir, 'undated/xianggang-fangyi/index.html');
    const script = elements(page, (element) => attribute(element, 'type') === 'application/ld+json')[0]!;
    expect(JSON.parse(toText(script))).not.toHaveProperty('datePublished');
  });

  it('is found by search, with no meeting date', async () => {
    const engine = new SearchEngine(async (file) => new Uint8Array(await readFile(path.join(site.dir, 'search', 'data', file))));
    let state = await engine.search('湾仔区加强检测');
    while (state.verified < state.candidates.length) state = await engine.verify(state, 8);
    expect(state.matches).toHaveLength(1);
    const catalog = await engine.catalog();
    expect((await engine.doc(state.matches[0]!.id)).url).toBe('/undated/xianggang-fangyi/');
    expect(dateOfId(catalog, state.matches[0]!.id)).toBe('');
  });

  it('leaves no page linking to a page that is not there', async () => {
    const pages = new Set((await htmlPages(site.dir)).map(pageUrlFor));
    for (const file of await htmlPages(site.dir)) {
      for (const href of await links(file)) {
        if (href && /^\/[^/]+\.(csv|svg|png)$/.test(href)) {
          expect(existsSync(path.join(site.dir, href)), `${file} → ${href}`).toBe(true);
          continue;
        }
        if (!href || !href.startsWith('/') || href.startsWith('/raw/') || /\.(xml|json|css|js|txt)$/.test(href)) continue;
        expect(pages, `${file} → ${href}`).toContain(href.replace(/#.*$/, ''));
      }
    }
  });
});

describe('places and scripts from all over China', () => {
  it('names a Hong Kong capture’s script, and gives a gazetteer place its prefecture and province', async () => {
    expect(await read('undated/xianggang-fangyi/index.html')).toContain('繁体（香港）');
    const tag = await readPage(site.dir, 'tags/place/jiang-ning-qu/index.html');
    expect(toText(tag)).toContain('南京');
    expect(await links('tags/place/jiang-ning-qu/index.html')).toContain('/tags/place/nan-jing/');
    expect(await links('tags/place/jiang-ning-qu/index.html')).toContain('/tags/province/jiang-su/');
  });
});
