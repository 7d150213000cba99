/**
 * The feeds as a feed reader meets them: the seed archive with its articles added on three
 * different days, built with a site URL; every Atom and JSON feed parsed (saxes for the XML),
 * in both editions, the whole archive's and each province's, and the pages that link them.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { SaxesParser } from 'saxes';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/site/editions.ts';
import { buildSite, TEST_ORIGIN } from '../support/build-site.ts';
import type { Element, Root } from 'hast';
import { attribute, elements, readPage } from '../support/site-files.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const WORK = join(ROOT, '.cache', `feeds-test-${process.pid}`);
const CONTENT = join(WORK, 'content');
const ATOM = 'http://www.w3.org/2005/Atom';

/** The day each seed joined the archive in this test (by slug); the rest keep the committed day. */
const ADDED: Record<string, string> = {
  'sheng-lingdao-fenfu-14-shi-zhou-du-dao': '2026-12-01',
  'wo-xian-zuzhi-shouting-shoukan-shengwei-xinguan': '2026-11-25',
};

interface Seed {
  slug: string;
  date: string;
  added: string;
  province: string;
  authors: string[];
  publisher?: string;
  people: string[];
  places: string[];
  meetingType: string[];
}

let site = '';
const seeds: Seed[] = [];

beforeAll(async () => {
  mkdirSync(CONTENT, { recursive: true });
  for (const folder of ['reports', 'data']) cpSync(join(ROOT, 'content', folder), join(CONTENT, folder), { recursive: true });
  mkdirSync(join(CONTENT, 'articles'));
  for (const name of readdirSync(join(ROOT, 'content', 'articles')).filter((file) => file.endsWith('.md'))) {
    let text = readFileSync(join(ROOT, 'content', 'articles', name), 'utf8');
    const { data } = matter(text);
    const added = ADDED[data.slug as string];
    if (added) text = text.replace(/^added: .*$/m, `added: '${added}'`);
    writeFileSync(join(CONTENT, 'articles', name), text);
    seeds.push({ ...(data as Seed), added: added ?? (data.added as string) });
  }
  site = (await buildSite({ contentDir: relative(ROOT, CONTENT) })).dir;
}, 180_000);

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  if (site) rmSync(site, { recursive: true, force: true });
});

interface XmlElement {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The document's root element, from a conforming XML parser; a document it finds not well-formed fails the test. */
function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length) stack.at(-1)!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(source).close();
  expect(errors).toEqual([]);
  return root!;
}

const child = (element: XmlElement, name: string) => element.children.filter((item) => item.name === name && item.uri === ATOM);
const one = (element: XmlElement, name: string) => {
  const found = child(element, name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

const within = (element: Element): Root => ({ type: 'root', children: [element] });
const read = (file: string) => readFileSync(join(site, file), 'utf8');
const slugOf = (url: string) => /\/([a-z0-9-]+)\/$/.exec(url)![1]!;
const inScript = (edition: string, text: string) => (edition === 'zh-Hant' ? toTraditional(text) : text);
const dayLabel = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
};

/** The seeds a feed should hold, in the order it should hold them: newest added day first, then latest meeting. */
function expectedOrder(province?: string): string[] {
  return seeds
    .filter((seed) => !province || seed.province === province)
    .sort((a, b) => (a.added !== b.added ? (a.added < b.added ? 1 : -1) : a.date < b.date ? 1 : -1))
    .map((seed) => seed.slug);
}

const FEEDS: { edition: string; root: string; atom: string; json: string; province?: string }[] = [
  { edition: 'zh-Hans', root: '', atom: 'feed.xml', json: 'feed.json' },
  { edition: 'zh-Hant', root: 'zh-hant/', atom: 'zh-hant/feed.xml', json: 'zh-hant/feed.json' },
  ...['hu-nan', 'he-nan'].flatMap((slug) => [
    { edition: 'zh-Hans', root: '', atom: `feeds/${slug}.xml`, json: `feeds/${slug}.json`, province: slug === 'hu-nan' ? '湖南' : '河南' },
    { edition: 'zh-Hant', root: 'zh-hant/', atom: `zh-hant/feeds/${slug}.xml`, json: `zh-hant/feeds/${slug}.json`, province: slug === 'hu-nan' ? '湖南' : '河南' },
  ]),
];

describe('the Atom feeds', () => {
  for (const feed of FEEDS) {
    it(`${feed.atom} lists ${feed.province ?? 'every'} article by the day it was added, each with its meeting date, authors and tags`, () => {
      const source = read(feed.atom);
      expect(source).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<\?xml-stylesheet href="\/assets\/feed\.xsl" type="text\/xsl"\?>\n/);
      const root = parseXml(source);
      expect(root.name).toBe('feed');
      expect(root.uri).toBe(ATOM);
      expect(root.attributes['xml:lang']).toBe(feed.edition);
      expect(one(root, 'title').text).toBe(inScript(feed.edition, feed.province ? `湘豫防疫会议档案 · ${feed.province}` : '湘豫防疫会议档案'));
      expect(child(root, 'link').find((link) => link.attributes.rel === 'self')?.attributes.href).toBe(`${TEST_ORIGIN}/${feed.atom}`);
      const entries = child(root, 'entry');
      expect(entries.map((entry) => slugOf(one(entry, 'id').text))).toEqual(expectedOrder(feed.province));
      // The feed changed last on the day its newest entry was added.
      expect(one(root, 'updated').text).toBe(`${seeds.find((seed) => seed.slug === expectedOrder(feed.province)[0])!.added}T00:00:00+08:00`);
      for (const entry of entries) {
        const seed = seeds.find((item) => item.slug === slugOf(one(entry, 'id').text))!;
        expect(one(entry, 'updated').text).toBe(`${seed.added}T00:00:00+08:00`);
        expect(one(entry, 'published').text).toBe(`${seed.added}T00:00:00+08:00`);
        const meeting = inScript(feed.edition, `会议日期：${dayLabel(seed.date)}`);
        expect(one(entry, 'summary').text.startsWith(`${meeting}。`)).toBe(true);
        expect(one(entry, 'content').attributes.type).toBe('html');
        expect(one(entry, 'content').text.startsWith(`<p>${meeting}</p>`)).toBe(true);
        const authors = seed.authors.length ? seed.authors : seed.publisher ? [seed.publisher] : [];
        expect(child(entry, 'author').map((author) => one(author, 'name').text)).toEqual(authors.map((name) => inScript(feed.edition, name)));
        const categories = child(entry, 'category');
        expect(categories.map((category) => category.attributes.term)).toEqual(
          [seed.province, ...seed.meetingType, ...seed.people, ...seed.places].map((name) => inScript(feed.edition, name)),
        );
        for (const category of categories) {
          expect(category.attributes.label).toBe(category.attributes.term);
          expect(category.attributes.scheme).toMatch(new RegExp(`^${TEST_ORIGIN}/${feed.root}tags/#kind-(province|meeting-type|person|place)$`));
        }
        expect(categories[0]!.attributes.scheme).toBe(`${TEST_ORIGIN}/${feed.root}tags/#kind-province`);
        const link = child(entry, 'link').find((item) => item.attributes.rel === 'alternate')!;
        expect(link.attributes.href).toBe(`${TEST_ORIGIN}/${feed.root}${seed.date.replaceAll('-', '/')}/${seed.slug}/`);
      }
    });
  }

  it('has a feed for each province, holding exactly that province’s articles', () => {
    const provinces = [...new Set(seeds.map((seed) => seed.province))];
    expect(provinces.sort()).toEqual(['河南', '湖南']);
    expect(readdirSync(join(site, 'feeds')).sort()).toEqual(['he-nan.json', 'he-nan.xml', 'hu-nan.json', 'hu-nan.xml']);
    for (const [file, province] of [['feeds/hu-nan.xml', '湖南'], ['feeds/he-nan.xml', '河南']] as const) {
      const entries = child(parseXml(read(file)), 'entry');
      expect(entries.length).toBe(seeds.filter((seed) => seed.province === province).length);
      for (const entry of entries) expect(child(entry, 'category')[0]!.attributes.term).toBe(province);
    }
  });
});

describe('the JSON feeds', () => {
  for (const feed of FEEDS) {
    it(`${feed.json} is JSON Feed 1.1 with the Atom feed's entries, authors and tags`, () => {
      const document = JSON.parse(read(feed.json)) as {
        version: string;
        language: string;
        feed_url: string;
        items: { id: string; url: string; summary: string; content_html: string; date_published: string; authors?: { name: string }[]; tags: string[] }[];
      };
      expect(document.version).toBe('https://jsonfeed.org/version/1.1');
      expect(document.language).toBe(feed.edition);
      expect(document.feed_url).toBe(`${TEST_ORIGIN}/${feed.json}`);
      expect(document.items.map((item) => slugOf(item.id))).toEqual(expectedOrder(feed.province));
      for (const item of document.items) {
        const seed = seeds.find((entry) => entry.slug === slugOf(item.id))!;
        expect(item.date_published).toBe(`${seed.added}T00:00:00+08:00`);
        expect(item.summary.startsWith(inScript(feed.edition, `会议日期：${dayLabel(seed.date)}。`))).toBe(true);
        const authors = seed.authors.length ? seed.authors : seed.publisher ? [seed.publisher] : [];
        expect((item.authors ?? []).map((author) => author.name)).toEqual(authors.map((name) => inScript(feed.edition, name)));
        expect(item.tags).toEqual([seed.province, ...seed.meetingType, ...seed.people, ...seed.places].map((name) => inScript(feed.edition, name)));
      }
    });
  }
});

describe('pages that link the feeds', () => {
  for (const [root, edition] of [['', 'zh-Hans'], ['zh-hant/', 'zh-Hant']] as const) {
    it(`the ${edition} province pages name their province's feeds in the head and the body`, async () => {
      for (const slug of ['hu-nan', 'he-nan']) {
        const tree = await readPage(site, `${root}tags/province/${slug}/index.html`);
        const alternates = elements(tree, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'alternate' && attribute(element, 'type') !== undefined).map((link) => [
          attribute(link, 'type'),
          attribute(link, 'href'),
        ]);
        expect(alternates).toEqual(
          expect.arrayContaining([
            ['application/atom+xml', `/${root}feeds/${slug}.xml`],
            ['application/feed+json', `/${root}feeds/${slug}.json`],
          ]),
        );
        const body = elements(tree, (element) => element.tagName === 'main')[0]!;
        const links = elements(within(body), (element) => element.tagName === 'a').map((link) => attribute(link, 'href'));
        expect(links).toEqual(expect.arrayContaining([`/${root}feeds/${slug}.xml`, `/${root}feeds/${slug}.json`]));
        const line = elements(within(body), (element) => String(attribute(element, 'className') ?? '').includes('feed-links'))[0]!;
        expect(toText(line)).toBe(inScript(edition, '订阅本省新收录的报道：Atom 订阅 · JSON Feed 订阅'));
      }
    });

    it(`the ${edition} about page links the whole archive's feeds and every province's`, async () => {
      const tree = await readPage(site, `${root}about/index.html`);
      const list = elements(tree, (element) => element.tagName === 'ul' && String(attribute(element, 'className') ?? '').includes('feed-list'))[0]!;
      const items = elements(within(list), (element) => element.tagName === 'li');
      expect(items.map((item) => toText(item).trim())).toEqual(['整个档案', '湖南', '河南'].map((name) => inScript(edition, `${name}：Atom 订阅 · JSON Feed 订阅`)));
      const hrefs = items.map((item) => elements(within(item), (link) => link.tagName === 'a').map((link) => attribute(link, 'href')));
      expect(hrefs).toEqual([['feed.xml', 'feed.json'], ['feeds/hu-nan.xml', 'feeds/hu-nan.json'], ['feeds/he-nan.xml', 'feeds/he-nan.json']].map((pair) => pair.map((file) => `/${root}${file}`)));
    });
  }
});
