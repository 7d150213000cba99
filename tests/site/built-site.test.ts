/**
 * The built site as a reader, a crawler and a feed reader meet it: every page in both
 * editions, every link resolving, feeds and sitemap complete, valid HTML, nothing from a
 * capture that could run, and the same bytes from two builds.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { articleSourceCount, buildSite, REPO_ROOT, TEST_ORIGIN, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, fileForUrl, htmlPages, listFiles, pageUrlFor, readPage, referencedUrls, writeTimes, writtenSince } from '../support/site-files.ts';
import { planSite } from '../../src/site/plan.ts';
import { BuildCache } from '../../src/support/cache.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { SearchEngine } from '../../src/site/search/engine.js';

const BUILD_TIMEOUT = 240_000;
// Each test walks every page of the built site; on a two-core CI machine that takes seconds.
vi.setConfig({ testTimeout: 120_000 });

/** A sub-path with a space, as a folder of a host may have: every URL must carry it encoded. */
const PREFIX = '/archive 2021/';
const ENCODED = '/archive%202021/';

let site: BuiltSite;
let again: BuiltSite;
let prefixed: BuiltSite;
let articleCount: number;

beforeAll(async () => {
  // `again` is built in parts of at most 40 pages, each an Eleventy run of its own (src/site/plan.ts).
  [site, again, prefixed] = await Promise.all([buildSite(), buildSite({ partPages: 40 }), buildSite({ pathPrefix: PREFIX })]);
  articleCount = await articleSourceCount(site.contentDir);
}, BUILD_TIMEOUT);

const read = (built: BuiltSite, file: string) => readFile(path.join(built.dir, file), 'utf8');
const hant = (file: string) => file.startsWith('zh-hant/');
const english = (file: string) => file.startsWith('en/');
const simplifiedPage = (file: string) => !hant(file) && !english(file);
/** The Simplified page's file of a page of any edition. */
const simplifiedFile = (file: string) => file.replace(/^(zh-hant|en)\//, '');
const HAN = /\p{Script=Han}/u;
/**
 * The files whose bytes differ between two built sites, which must hold the same files; but for
 * `except`, a folder whose files may differ (searchAnswers compares what they answer).
 */
async function differingFiles(a: BuiltSite, b: BuiltSite, except?: string): Promise<string[]> {
  const kept = (list: string[]) => (except ? list.filter((file) => !file.startsWith(except)) : list);
  const files = kept(await listFiles(a.dir));
  expect(kept(await listFiles(b.dir))).toEqual(files);
  const differing: string[] = [];
  for (const file of files) {
    const [x, y] = await Promise.all([readFile(path.join(a.dir, file)), readFile(path.join(b.dir, file))]);
    if (!x.equals(y)) differing.push(file);
  }
  return differing;
}

/** What a built site's search index answers for each query: the URLs of the articles found, sorted. */
async function searchAnswers(built: BuiltSite, queries: string[]): Promise<string[][]> {
  const engine = new SearchEngine(async (file) => new Uint8Array(await readFile(path.join(built.dir, 'search', 'data', file))));
  return Promise.all(
    queries.map(async (query) => {
      let state = await engine.search(query);
      while (state.verified < state.candidates.length) state = await engine.verify(state, 8);
      return (await Promise.all(state.matches.map(async (match) => (await engine.doc(match.id)).url))).sort();
    }),
  );
}

/** The files of the search index among `files`. */
const searchFiles = (files: string[]) => files.filter((file) => file.startsWith('search/data/'));

const absolute = (built: BuiltSite, rootRelative: string) => `${TEST_ORIGIN}${built.pathPrefix.slice(0, -1)}${rootRelative}`;

function articlePages(files: string[]): string[] {
  return files.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(file));
}

describe('both editions', () => {
  it('has every page in both scripts', async () => {
    const pages = await htmlPages(site.dir);
    const simplified = pages.filter(simplifiedPage);
    expect(articlePages(simplified)).toHaveLength(articleCount);
    expect(simplified.length).toBeGreaterThan(articleCount * 2);
    for (const file of simplified) expect(pages, file).toContain(`zh-hant/${file}`);
    expect(pages.filter(hant)).toHaveLength(simplified.length);
  });

  it('declares the language, every alternate and x-default, and links the switch to the same page', async () => {
    for (const file of await htmlPages(site.dir)) {
      const tree = await readPage(site.dir, file);
      const edition = hant(file) ? 'zh-Hant' : english(file) ? 'en' : 'zh-Hans';
      const simplifiedUrl = simplifiedFile(file).endsWith('404.html') ? `/${simplifiedFile(file)}` : pageUrlFor(simplifiedFile(file));
      const traditionalUrl = `/zh-hant${simplifiedUrl}`;
      const englishUrl = `/en${simplifiedUrl}`;

      const html = elements(tree, (element) => element.tagName === 'html')[0]!;
      expect(attribute(html, 'lang'), file).toBe(edition);
      const alternates = Object.fromEntries(
        elements(tree, (element) => element.tagName === 'link' && attribute(element, 'hrefLang') !== undefined).map((link) => [
          attribute(link, 'hrefLang'),
          attribute(link, 'href'),
        ]),
      );
      expect(alternates, file).toEqual({
        'zh-Hans': absolute(site, simplifiedUrl),
        'zh-Hant': absolute(site, traditionalUrl),
        en: absolute(site, englishUrl),
        'x-default': absolute(site, simplifiedUrl),
      });
      // The switch offers the two other editions, each at the same page, named in its own language.
      const switches = Object.fromEntries(
        elements(tree, (element) => attribute(element, 'dataEditionSwitch') !== undefined).map((link) => [
          attribute(link, 'dataEditionSwitch'),
          [attribute(link, 'href'), attribute(link, 'lang'), toText(link).trim()],
        ]),
      );
      const offered = { 'zh-Hans': [simplifiedUrl, 'zh-Hans', '简体'], 'zh-Hant': [traditionalUrl, 'zh-Hant', '繁體'], en: [englishUrl, 'en', 'English'] };
      expect(switches, file).toEqual(Object.fromEntries(Object.entries(offered).filter(([name]) => name !== edition)));
      const scriptSwitch = elements(tree, (element) => attribute(element, 'dataScriptSwitch') !== undefined)[0];
      if (edition !== 'en') expect(scriptSwitch && attribute(scriptSwitch, 'href'), file).toBe(hant(file) ? simplifiedUrl : traditionalUrl);
    }
  });

  it('shows in the Traditional edition exactly the converted text of the Simplified page', async () => {
    // Walks both trees in step: same structure, and each text node is the conversion of its
    // counterpart, except identifiers kept verbatim (translate="no") and the switch, which names
    // the other edition in its own script (and is checked above).
    const textsOf = (tree: Root): { text: string; verbatim: boolean }[] => {
      const texts: { text: string; verbatim: boolean }[] = [];
      const walk = (node: Root | Element, verbatim: boolean) => {
        for (const child of node.children) {
          if (child.type === 'text') texts.push({ text: child.value, verbatim });
          if (child.type !== 'element' || ['script', 'style'].includes(child.tagName)) continue;
          if (attribute(child, 'dataScriptSwitch') !== undefined) continue;
          walk(child, verbatim || attribute(child, 'translate') === 'no' || attribute(child, 'lang') !== undefined && child.tagName !== 'html');
        }
      };
      walk(tree, false);
      return texts;
    };
    const mismatches: string[] = [];
    let converted = 0;
    for (const file of (await htmlPages(site.dir)).filter(hant)) {
      const traditional = textsOf(await readPage(site.dir, file));
      const simplified = textsOf(await readPage(site.dir, file.replace(/^zh-hant\//, '')));
      expect(traditional.length, file).toBe(simplified.length);
      simplified.forEach(({ text, verbatim }, index) => {
        const expected = verbatim ? text : toTraditional(text);
        if (traditional[index]!.text !== expected) mismatches.push(`${file}: ${traditional[index]!.text.trim().slice(0, 40)}`);
        if (expected !== text) converted += 1;
      });
    }
    expect(converted).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});

describe('the English edition', () => {
  /** The text nodes of `tree` outside any element marked as Chinese (lang="zh-…"), with the attributes a reader hears. */
  const englishTexts = (tree: Root): string[] => {
    const texts: string[] = [];
    const walk = (node: Root | Element, chinese: boolean) => {
      for (const child of node.children) {
        if (child.type === 'text' && !chinese) texts.push(child.value);
        if (child.type !== 'element' || ['script', 'style', 'title'].includes(child.tagName)) continue;
        const lang = attribute(child, 'lang');
        const inChinese = lang === undefined ? chinese : lang.startsWith('zh');
        if (!inChinese) for (const name of ['ariaLabel', 'title', 'alt', 'placeholder']) texts.push(attribute(child, name) ?? '');
        walk(child, inChinese);
      }
    };
    walk(tree, false);
    return texts;
  };

  it('has an English twin of every Simplified page, in <html lang="en">', async () => {
    const pages = await htmlPages(site.dir);
    const simplified = pages.filter(simplifiedPage);
    expect(pages.filter(english)).toHaveLength(simplified.length);
    for (const file of simplified) {
      expect(pages, file).toContain(`en/${file}`);
      const html = elements(await readPage(site.dir, `en/${file}`), (element) => element.tagName === 'html')[0]!;
      expect(attribute(html, 'lang'), file).toBe('en');
    }
  });

  it('has no Chinese character outside the elements marked as Chinese: the interface is English', async () => {
    const leaks: string[] = [];
    let quoted = 0;
    for (const file of (await htmlPages(site.dir)).filter(english)) {
      const tree = await readPage(site.dir, file);
      for (const text of englishTexts(tree)) if (HAN.test(text)) leaks.push(`${file}: ${text.trim().slice(0, 40)}`);
      quoted += elements(tree, (element) => attribute(element, 'lang') === 'zh-Hans' && HAN.test(toText(element))).length;
    }
    expect(leaks).toEqual([]);
    // The archive's Chinese is there, marked: titles, names, bodies.
    expect(quoted).toBeGreaterThan(articleCount * 10);
  });

  it('lists alternates that are reciprocal: every page an alternate names lists the same set', async () => {
    const alternatesOf = async (file: string) =>
      elements(await readPage(site.dir, file), (element) => element.tagName === 'link' && attribute(element, 'hrefLang') !== undefined)
        .map((link) => `${attribute(link, 'hrefLang')} ${attribute(link, 'href')}`)
        .sort();
    for (const file of (await htmlPages(site.dir)).filter((page) => !page.endsWith('404.html'))) {
      const own = await alternatesOf(file);
      expect(own.map((line) => line.split(' ')[0]), file).toEqual(['en', 'x-default', 'zh-Hans', 'zh-Hant']);
      expect(own, file).toContain(`${hant(file) ? 'zh-Hant' : english(file) ? 'en' : 'zh-Hans'} ${absolute(site, pageUrlFor(file))}`);
      for (const line of own) {
        const target = fileForUrl(line.split(' ')[1]!.slice(TEST_ORIGIN.length), '/')!;
        expect(await alternatesOf(target), `${file} → ${target}`).toEqual(own);
      }
    }
  });

  it('writes dates in English: every <time> reads as the day it names', async () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    let checked = 0;
    for (const file of (await htmlPages(site.dir)).filter(english)) {
      for (const time of elements(await readPage(site.dir, file), (element) => element.tagName === 'time')) {
        const datetime = attribute(time, 'dateTime');
        if (!datetime || !/^\d{4}-\d{2}-\d{2}$/.test(datetime)) continue;
        const [year, month, day] = datetime.split('-').map(Number) as [number, number, number];
        expect(toText(time).trim(), file).toBe(`${day} ${months[month - 1]} ${year}`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(articleCount * 4);
  });

  it('shows an article’s Chinese headline and text as in the Simplified edition, marked as Chinese, and says so', async () => {
    for (const file of articlePages(await htmlPages(site.dir))) {
      const hans = await readPage(site.dir, file);
      const en = await readPage(site.dir, `en/${file}`);
      const heading = (tree: Root) => elements(tree, (element) => attribute(element, 'id') === 'article-title')[0]!;
      expect(toText(heading(en)), file).toBe(toText(heading(hans)));
      expect(attribute(heading(en), 'lang'), file).toBe('zh-Hans');
      const body = (tree: Root) => elements(tree, (element) => attribute(element, 'className') === 'article-body')[0]!;
      expect(attribute(body(en), 'lang'), file).toBe('zh-Hans');
      // The same text but for the archive's own words in it (photo placeholders), which are English.
      const prose = (tree: Root) => elements({ type: 'root', children: [body(tree)] }, (element) => element.tagName === 'p').map((paragraph) => toText(paragraph));
      expect(prose(en), file).toEqual(prose(hans));
      expect(toText(elements(en, (element) => String(attribute(element, 'className')).includes('original-note'))[0]!), file).toMatch(/Chinese original/);
    }
  });

  it('names people and places in pinyin with the Chinese beside them, provinces and meeting types in English, at the same slugs', async () => {
    const pages = await htmlPages(site.dir);
    const heading = async (file: string) => elements(await readPage(site.dir, file), (element) => element.tagName === 'h1')[0]!;
    const tagPage = async (kind: string, name: string) => {
      for (const file of pages.filter((page) => new RegExp(`^tags/${kind}/[^/]+/index\\.html$`).test(page))) if (toText(await heading(file)).includes(name)) return file;
      return undefined;
    };
    const xu = await tagPage('person', '许达哲');
    expect(xu).toBeDefined();
    const h1 = await heading(`en/${xu!}`);
    expect(toText(h1).replace(/\s+/g, ' ').trim()).toBe('Person Xu Dazhe 许达哲');
    expect(elements({ type: 'root', children: [h1] }, (element) => attribute(element, 'lang') === 'zh-Hans').map((element) => toText(element))).toEqual(['许达哲']);
    const province = await tagPage('province', '湖南');
    expect(toText(await heading(`en/${province!}`))).toContain('Hunan');
    const index = await readPage(site.dir, 'en/tags/index.html');
    const kinds = elements(index, (element) => element.tagName === 'section');
    const names = (section: Element) => elements({ type: 'root', children: [section] }, (element) => element.tagName === 'a').map((link) => toText(link).replace(/\d+$/, ''));
    expect(kinds.map((section) => toText(elements({ type: 'root', children: [section] }, (element) => element.tagName === 'h2')[0]!).replace(/\s*\d+$/, ''))).toEqual(['Province', 'Person', 'Place', 'Meeting type']);
    for (const section of kinds) for (const name of names(section)) expect(name).toMatch(/^[A-Z][A-Za-zü' –-]+$/);
    expect(names(kinds[3]!)).toContain('Video and telephone conference');
  });

  it('writes the sections of person, place and province pages in English, quoting posts and captures in Chinese', async () => {
    const pages = await htmlPages(site.dir);
    const inside = (element: Element, test: (element: Element) => boolean) => elements({ type: 'root', children: [element] }, test);
    const byClass = (tree: Root | Element, name: string) =>
      elements(tree.type === 'root' ? tree : { type: 'root', children: [tree] }, (element) => String(attribute(element, 'className') ?? '').split(' ').includes(name));
    const withHan = (element: Element) => HAN.test(toText(element));

    // A person's posts: the titles (officials.yaml's Chinese) marked, the periods in English, the capture's words marked as Chinese.
    let roles = 0;
    for (const file of pages.filter((page) => /^en\/tags\/person\/[^/]+\/index\.html$/.test(page))) {
      const tree = await readPage(site.dir, file);
      for (const role of byClass(tree, 'role-title')) {
        expect(attribute(role, 'lang'), file).toBe('zh-Hans');
        roles += 1;
      }
      for (const period of [...byClass(tree, 'role-period'), ...byClass(tree, 'role-group-period')]) expect(toText(period), file).toMatch(/^[A-Za-z0-9][A-Za-z0-9 –]*$/);
      for (const quote of elements(tree, (element) => element.tagName === 'q')) expect(attribute(quote, 'lang') ?? '', file).toMatch(/^zh/);
    }
    expect(roles).toBeGreaterThan(0);

    // A place's path names the same levels as the Simplified page's, in pinyin.
    let paths = 0;
    for (const file of pages.filter((page) => /^tags\/place\/[^/]+\/index\.html$/.test(page))) {
      const levels = async (page: string) => byClass(await readPage(site.dir, page), 'place-path').flatMap((nav) => inside(nav, (element) => element.tagName === 'li')).map((item) => toText(item).trim());
      const [chinese, english] = [await levels(file), await levels(`en/${file}`)];
      expect(english.length, file).toBe(chinese.length);
      for (const name of english) expect(name, file).toMatch(/^[A-Z][A-Za-zü' –-]+$/);
      if (english.length > 0) paths += 1;
    }
    expect(paths).toBeGreaterThan(0);

    // A province page links the Simplified edition's feeds of the province, which exist.
    for (const file of pages.filter((page) => /^tags\/province\/[^/]+\/index\.html$/.test(page))) {
      const feedLinks = async (page: string) =>
        byClass(await readPage(site.dir, page), 'feed-links').flatMap((line) => inside(line, (element) => element.tagName === 'a')).map((link) => attribute(link, 'href')!);
      const english = await feedLinks(`en/${file}`);
      expect(english, file).toEqual(await feedLinks(file));
      expect(english.length, file).toBe(2);
      for (const href of english) expect(existsSync(path.join(site.dir, href)), href).toBe(true);
    }

    // An article names each official's post of the day in Chinese, marked, after an English word.
    let posts = 0;
    for (const file of articlePages(pages)) {
      for (const role of byClass(await readPage(site.dir, `en/${file}`), 'role')) {
        expect(inside(role, (element) => attribute(element, 'lang') === 'zh-Hans' && withHan(element)), file).toHaveLength(1);
        posts += 1;
      }
    }
    expect(posts).toBeGreaterThan(0);
  });

  it('searches the same index with an English interface, and explains the archive on its about page', async () => {
    const search = await readPage(site.dir, 'en/search/index.html');
    const form = elements(search, (element) => attribute(element, 'dataSearch') !== undefined)[0]!;
    expect(attribute(form, 'dataIndex')).toBe('/search/data/');
    expect(attribute(form, 'dataEditionRoot')).toBe('/en/');
    expect(attribute(form, 'dataTextLang')).toBe('zh-Hans');
    expect(attribute(form, 'dataMsgDay')).toBe('{day} {monthName} {year}');
    expect(attribute(form, 'dataMonthNames')!.split(',')).toHaveLength(12);
    const options = elements(search, (element) => element.tagName === 'option').map((option) => toText(option));
    expect(options).toContain('Xu Dazhe');
    const about = await readPage(site.dir, 'en/about/index.html');
    const text = toText(elements(about, (element) => element.tagName === 'main')[0]!);
    for (const subject of ['web capture', 'SHA-256', 'GB/T 7714', 'BibTeX', 'Traditional', 'Simplified', 'mojibake']) expect(text).toContain(subject);
    expect(elements(about, (element) => element.tagName === 'h2').length).toBeGreaterThanOrEqual(6);
  });
});

describe('links and assets', () => {
  async function brokenLinks(built: BuiltSite): Promise<string[]> {
    const files = new Set(await listFiles(built.dir));
    const broken: string[] = [];
    let checked = 0;
    for (const file of await htmlPages(built.dir)) {
      const tree = await readPage(built.dir, file);
      const ids = new Set(elements(tree, (element) => attribute(element, 'id') !== undefined).map((element) => attribute(element, 'id')));
      for (const { url, tag, attribute: name } of referencedUrls(tree)) {
        if (url.startsWith('#')) {
          if (!ids.has(decodeURIComponent(url.slice(1)))) broken.push(`${file}: ${url}`);
          continue;
        }
        if (url.startsWith('data:')) continue;
        const sameSite = url.startsWith(`${TEST_ORIGIN}/`) ? url.slice(TEST_ORIGIN.length) : url;
        if (/^[a-z]+:/i.test(sameSite)) {
          // Links to the source page may leave the site; nothing the page loads may.
          if (tag !== 'a') broken.push(`${file}: loads ${url}`);
          continue;
        }
        if (!sameSite.startsWith('/')) {
          broken.push(`${file}: relative URL ${url}`);
          continue;
        }
        // The search page names the search index's folder, which starts with its catalog.
        const loaded = name === 'dataIndex' ? `${sameSite}catalog.bin` : sameSite;
        const target = fileForUrl(loaded, built.pathPrefix);
        checked += 1;
        if (!target || !files.has(target)) broken.push(`${file}: ${url}`);
      }
    }
    expect(checked).toBeGreaterThan(articleCount * 20);
    return broken;
  }

  it('resolves every internal link and asset', async () => {
    expect(await brokenLinks(site)).toEqual([]);
  });

  it('resolves every link under a path prefix, none of them escaping it, all URL-encoded', async () => {
    expect(await brokenLinks(prefixed)).toEqual([]);
    const home = await read(prefixed, 'index.html');
    expect(home).toContain(`href="${ENCODED}assets/site.css"`);
    expect(home).not.toMatch(/(href|src|action)="\/(?!archive%202021\/)/);
    const search = await read(prefixed, 'search/index.html');
    expect(search).toContain(`data-index="${ENCODED}search/data/"`);
    expect(search).toContain(`action="${ENCODED}search/"`);
    expect(await read(prefixed, 'zh-hant/search/index.html')).toContain(`data-edition-root="${ENCODED}zh-hant/"`);
    expect(await read(prefixed, 'zh-hant/index.html')).toContain(`action="${ENCODED}zh-hant/search/"`);
    for (const file of await htmlPages(prefixed.dir)) {
      for (const { url } of referencedUrls(await readPage(prefixed.dir, file))) expect(url, file).not.toMatch(/\s/);
    }
  });

  it('prefixes the URLs in feeds, sitemap, robots.txt and the download, encoded', async () => {
    for (const file of ['feed.xml', 'feed.json', 'sitemap.xml', 'sitemaps/1.xml', 'robots.txt', 'archive.json', 'zh-hant/feed.xml']) {
      const text = await read(prefixed, file);
      const urls = text.match(/https?:\/\/[^"<\s]+/g) ?? [];
      const ours = urls.filter((url) => url.startsWith(TEST_ORIGIN));
      expect(ours.length, file).toBeGreaterThan(0);
      for (const url of ours) expect(url, file).toMatch(new RegExp(`^${TEST_ORIGIN}${ENCODED}`));
    }
  });

  it('gives every page the Content-Security-Policy and referrer policy, before anything it loads, and a _headers file', async () => {
    for (const file of await htmlPages(site.dir)) {
      const tree = await readPage(site.dir, file);
      const head = elements(tree, (element) => element.tagName === 'head')[0]!;
      const children = head.children.filter((child): child is Element => child.type === 'element');
      const policy = children.findIndex((element) => String(attribute(element, 'httpEquiv')).toLowerCase() === 'content-security-policy');
      expect(policy, file).toBe(1);
      expect(attribute(children[policy]!, 'content'), file).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'");
      expect(children.some((element) => attribute(element, 'name') === 'referrer' && attribute(element, 'content') === 'no-referrer'), file).toBe(true);
    }
    const headers = await read(site, '_headers');
    expect(headers).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; .*frame-ancestors 'none'\n {2}Referrer-Policy: no-referrer\n/);
  });

  it('loads JavaScript only on the search page', async () => {
    for (const file of await htmlPages(site.dir)) {
      const scripts = elements(await readPage(site.dir, file), (element) => element.tagName === 'script');
      const external = scripts.filter((script) => attribute(script, 'src') !== undefined);
      expect(external.length, file).toBe(file.endsWith('search/index.html') ? 1 : 0);
      for (const script of scripts.filter((script) => attribute(script, 'src') === undefined)) {
        expect(attribute(script, 'type'), file).toBe('application/ld+json');
      }
    }
  });

  it('publishes each raw capture byte for byte', async () => {
    const archive = JSON.parse(await read(site, 'archive.json')) as { articles: { captures: { url: string; sha256: string }[] }[] };
    for (const capture of archive.articles.flatMap((article) => article.captures)) {
      const file = fileForUrl(capture.url, '/')!;
      const bytes = await readFile(path.join(site.dir, file));
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(capture.sha256);
    }
  });
});

describe('feeds, sitemap and downloads', () => {
  it('has an Atom and a JSON feed per edition with one entry per article', async () => {
    for (const root of ['', 'zh-hant/']) {
      const atom = await read(site, `${root}feed.xml`);
      expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      expect(atom.match(/<entry>/g)).toHaveLength(Math.min(articleCount, 50));
      expect(atom).toContain(`xml:lang="${root ? 'zh-Hant' : 'zh-Hans'}"`);
      const json = JSON.parse(await read(site, `${root}feed.json`)) as { items: { url: string; content_html: string }[] };
      expect(json.items).toHaveLength(Math.min(articleCount, 50));
      for (const item of json.items) {
        expect(item.content_html.length).toBeGreaterThan(50);
        expect(existsSync(path.join(site.dir, fileForUrl(item.url.slice(TEST_ORIGIN.length), '/')!))).toBe(true);
      }
    }
  });

  it('lists both editions of every page in the sitemap files its index names', async () => {
    const index = await read(site, 'sitemap.xml');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(files).toEqual([absolute(site, '/sitemaps/1.xml')]);
    const sitemap = await read(site, 'sitemaps/1.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const pages = (await htmlPages(site.dir)).filter((file) => !file.endsWith('404.html'));
    expect(new Set(locs)).toEqual(new Set(pages.map((file) => absolute(site, pageUrlFor(file)))));
    expect(locs).toHaveLength(pages.length);
    expect(sitemap).toContain('hreflang="zh-Hant"');
    // Each page's entry names all three editions, the English one too.
    const entries = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((match) => match[1]!);
    for (const entry of entries) {
      const hreflangs = [...entry.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);
      const loc = /<loc>([^<]+)<\/loc>/.exec(entry)![1]!;
      const simplified = loc.replace(/^(https?:\/\/[^/]+)\/(zh-hant|en)\//, '$1/');
      expect(hreflangs, loc).toEqual([
        `zh-Hans ${simplified}`,
        `zh-Hant ${simplified.replace(TEST_ORIGIN, `${TEST_ORIGIN}/zh-hant`)}`,
        `en ${simplified.replace(TEST_ORIGIN, `${TEST_ORIGIN}/en`)}`,
        `x-default ${simplified}`,
      ]);
    }
    expect(locs.filter((loc) => loc.startsWith(`${TEST_ORIGIN}/en/`))).toHaveLength(pages.filter(english).length);
    expect(await read(site, 'robots.txt')).toContain(`Sitemap: ${TEST_ORIGIN}/sitemap.xml`);
  });

  it('offers the whole archive as JSON with metadata and plain text', async () => {
    const archive = JSON.parse(await read(site, 'archive.json')) as {
      articleCount: number;
      articles: { slug: string; title: string; date: string; text: string; people: string[]; captures: unknown[] }[];
    };
    expect(archive.articleCount).toBe(articleCount);
    expect(archive.articles).toHaveLength(articleCount);
    for (const article of archive.articles) {
      expect(article.text.length, article.slug).toBeGreaterThan(50);
      expect(article.text).not.toMatch(/<[a-z]/i);
      expect(article.captures.length).toBeGreaterThan(0);
    }
  });
});

describe('article pages', () => {
  it('describe themselves as NewsArticle in JSON-LD, dated in Beijing time', async () => {
    for (const file of articlePages(await htmlPages(site.dir)).concat(articlePages((await htmlPages(site.dir)).map((f) => f.replace(/^zh-hant\//, ''))).map((f) => `zh-hant/${f}`))) {
      const tree = await readPage(site.dir, file);
      const script = elements(tree, (element) => attribute(element, 'type') === 'application/ld+json')[0]!;
      const data = JSON.parse(toText(script)) as Record<string, unknown>;
      expect(data['@type']).toBe('NewsArticle');
      expect(data.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
      expect(data.inLanguage).toBe(hant(file) ? 'zh-Hant' : 'zh-Hans');
      expect(data.headline).toBe(toText(elements(tree, (element) => element.tagName === 'h1')[0]!).trim());
    }
  });

  it('stay within a few tens of kilobytes of HTML and CSS', async () => {
    const css = (await readFile(path.join(site.dir, 'assets/site.css'))).length;
    for (const file of articlePages(await htmlPages(site.dir))) {
      const html = (await readFile(path.join(site.dir, file))).length;
      // Every page's frame names all three editions (the switch, hreflang); the largest seed article carries it too.
      expect(html + css, file).toBeLessThan(84 * 1024);
    }
  });

  it('say how to cite them, naming the archive’s page, with BibTeX, RIS and CSL-JSON that a reference parser reads', async () => {
    const pages = articlePages(await htmlPages(site.dir));
    expect(pages.length).toBeGreaterThan(0);
    // The article of record is the Simplified page: both editions cite it, the Traditional one in its script.
    for (const file of [...pages, ...pages.map((page) => `zh-hant/${page}`)]) {
      const tree = await readPage(site.dir, file);
      const record = await readPage(site.dir, file.replace(/^zh-hant\//, ''));
      const headline = toText(elements(record, (element) => element.tagName === 'h1')[0]!).trim();
      const canonical = attribute(elements(record, (element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical')[0]!, 'href');
      const section = elements(tree, (element) => attribute(element, 'className') === 'citation')[0];
      expect(section, file).toBeDefined();
      expect(toText(section!)).toContain(hant(file) ? toTraditional(headline) : headline);
      expect(toText(section!)).toContain(canonical);
      const files = Object.fromEntries(
        elements({ type: 'root', children: [section!] }, (element) => element.tagName === 'a').map((link) => [String(attribute(link, 'download')).split('.').pop(), dataUrlText(String(attribute(link, 'href')))]),
      );
      expect(Object.keys(files).sort()).toEqual(['bib', 'json', 'ris']);
      for (const format of ['bib', 'ris', 'json'] as const) {
        const [item] = new Cite(format === 'json' ? JSON.parse(files[format]!) : files[format]).data as { title: string; URL?: string }[];
        expect(item!.title, `${file} ${format}`).toBe(headline);
      }
    }
  });

  it('show the provenance panel with the raw file, its hash and the summary of its 整理记录', async () => {
    for (const file of articlePages(await htmlPages(site.dir))) {
      const html = await read(site, file);
      expect(html).toMatch(/href="\/raw\/[^"]+\.txt"/);
      expect(html).toMatch(/<code class="hash" translate="no">[0-9a-f]{64}<\/code>/);
      expect(html).toContain('整理记录摘要');
    }
  });
});

describe('audit report pages', () => {
  it('list every entry of every report, linked from the article', async () => {
    const reports = (await listFiles(path.join(site.contentDir, 'reports'))).filter((file) => file.endsWith('.json'));
    expect(reports.length).toBeGreaterThan(0);
    const archive = JSON.parse(await read(site, 'archive.json')) as { articles: { slug: string; url: string }[] };
    for (const report of reports) {
      const data = JSON.parse(readFileSync(path.join(site.contentDir, 'reports', report), 'utf8')) as {
        slug: string;
        entries?: unknown[];
        captures: { entries?: unknown[] }[];
      };
      const entries = (data.entries ?? []).length + data.captures.reduce((sum, capture) => sum + (capture.entries ?? []).length, 0);
      const article = archive.articles.find((candidate) => candidate.slug === data.slug);
      expect(article, report).toBeDefined();
      const articleFile = fileForUrl(article!.url.slice(TEST_ORIGIN.length), '/')!;
      const reportFile = articleFile.replace(/index\.html$/, 'report/index.html');
      expect(await read(site, articleFile)).toContain(`href="${pageUrlFor(reportFile)}"`);
      for (const file of [reportFile, `zh-hant/${reportFile}`]) {
        const rows = elements(await readPage(site.dir, file), (element) => element.tagName === 'tr');
        // A header and a row per capture, then a header and a row per entry.
        expect(rows.length, file).toBe(1 + data.captures.length + (entries > 0 ? 1 + entries : 0));
      }
    }
  });
});

describe('HTML validity', () => {
  it('has no html-validate errors on any page', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));
    const problems: string[] = [];
    const pages = await htmlPages(site.dir);
    for (const file of pages) {
      const report = await validator.validateFile(path.join(site.dir, file));
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${file}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

describe('reproducibility', () => {
  it('produces byte-identical sites from two builds, whether Eleventy renders the pages in one run or in many', async () => {
    // The parts each build was split into, as its planner splits them.
    const parts = async (pagesPerPart: number | undefined) => {
      const scratch = await mkdtemp(path.join(tmpdir(), 'archive-plan-'));
      const options = { contentDir: site.contentDir, outputDir: path.join(scratch, 'site'), cache: new BuildCache(path.join(scratch, 'cache')), origin: TEST_ORIGIN, pathPrefix: '/', rootDir: REPO_ROOT };
      return planSite(pagesPerPart === undefined ? options : { ...options, pagesPerPart }).plan.parts.length;
    };
    expect(await parts(40)).toBeGreaterThan(articleCount);
    expect(await parts(40)).toBeGreaterThan(await parts(undefined));
    expect((await listFiles(site.dir)).length).toBeGreaterThan(50);
    expect(await differingFiles(site, again)).toEqual([]);
  });
});

describe('a capture with hostile markup', () => {
  let hostile: BuiltSite;
  beforeAll(async () => {
    hostile = await buildSite({ contentDir: 'tests/fixtures/hostile-content' });
  }, BUILD_TIMEOUT);

  it('never reaches a page as script, handler, frame or javascript: URL', async () => {
    const pages = await htmlPages(hostile.dir);
    expect(pages).toContain('2021/01/05/hostile-capture/index.html');
    for (const file of pages) {
      const tree: Root = await readPage(hostile.dir, file);
      // The one SVG the site draws itself, the home page's chart, made at build time from dates
      // and provinces; the checks below still hold for everything inside it.
      const chart = /^(zh-hant\/|en\/)?index\.html$/.test(file) ? elements(tree, (element) => element.tagName === 'svg' && attribute(element, 'className') === 'timeline-chart') : [];
      const chartSvgs = new Set(chart.flatMap((root) => elements({ type: 'root', children: [root] }, (element) => element.tagName === 'svg')));
      for (const element of elements(tree, () => true)) {
        for (const name of Object.keys(element.properties)) expect(name.toLowerCase(), file).not.toMatch(/^on/);
        for (const name of ['href', 'src', 'action', 'formAction']) {
          expect(attribute(element, name) ?? '', file).not.toMatch(/^\s*javascript:/i);
        }
        if (!chartSvgs.has(element)) expect(['iframe', 'object', 'embed', 'img', 'svg'], file).not.toContain(element.tagName);
        expect(['foreignObject', 'image', 'use', 'animate', 'set'], file).not.toContain(element.tagName);
        // Forms: the masthead's search box on every page, the search form on the search pages; all GET to the search page.
        if (element.tagName === 'form') {
          expect(attribute(element, 'method'), file).toBe('get');
          expect(attribute(element, 'action'), file).toMatch(/^\/(zh-hant\/|en\/)?search\/$/);
        }
        if (element.tagName === 'script') {
          expect(attribute(element, 'type') === 'application/ld+json' || attribute(element, 'src') === '/assets/search.js', file).toBe(true);
          if (attribute(element, 'type') === 'application/ld+json') expect(() => JSON.parse(toText(element))).not.toThrow();
        }
      }
      expect(await read(hostile, file), file).not.toContain('evil.example');
    }
  });
});

describe('search index', () => {
  /** Every article of the built site's index, as each edition's engine gives it. */
  async function indexedArticles(built: BuiltSite) {
    const read = async (file: string) => new Uint8Array(await readFile(path.join(built.dir, 'search', 'data', file)));
    const editions = [new SearchEngine(read, 'zh-Hans'), new SearchEngine(read, 'zh-Hant')] as const;
    const { count } = await editions[0].catalog();
    return Promise.all(Array.from({ length: count }, async (_, id) => Promise.all([editions[0].doc(id), editions[1].doc(id)])));
  }

  it('holds every article once, for the search pages of both editions', async () => {
    const archive = JSON.parse(await read(site, 'archive.json')) as { articles: { url: string; title: string }[] };
    const docs = await indexedArticles(site);
    expect(docs).toHaveLength(articleCount);
    expect(new Set(docs.map(([hans]) => hans.url))).toEqual(new Set(archive.articles.map((article) => new URL(article.url).pathname)));
    for (const root of ['', 'zh-hant/']) {
      const form = elements(await readPage(site.dir, `${root}search/index.html`), (element) => attribute(element, 'dataSearch') !== undefined)[0]!;
      expect(attribute(form, 'dataIndex')).toBe('/search/data/');
      // Results link to the page of the edition searched from.
      expect(attribute(form, 'dataEditionRoot')).toBe(`/${root}`);
    }
  });

  it('gives each article the texts its pages show in each edition, as the build converted them, and no markup', async () => {
    const flat = (text: string) => text.replace(/\s+/g, '');
    for (const [hans, hant] of await indexedArticles(site)) {
      // The Traditional pack gives the Simplified texts back exactly, for finding matches.
      expect(hant.title[0]).toBe(hans.title[0]);
      expect(hant.body[0]).toBe(hans.body[0]);
      for (const [doc, root] of [[hans, ''], [hant, 'zh-hant/']] as const) {
        const page = await readPage(site.dir, fileForUrl(`/${root}${doc.url.slice(1)}`, '/')!);
        const body = flat(toText(elements(page, (element) => attribute(element, 'className') === 'article-body')[0]!));
        expect(flat(toText(elements(page, (element) => element.tagName === 'h1')[0]!))).toBe(flat(doc.title[1]));
        for (const block of doc.body[1].split('\n\n')) expect(body, `${doc.url} ${root}`).toContain(flat(block));
        for (const text of [...doc.title, ...doc.body]) expect(text, doc.url).not.toMatch(/<[a-z]/i);
      }
    }
  });

  it('serves the search page one minified script, with no eval', async () => {
    const script = await read(site, 'assets/search.js');
    expect(script).toContain('catalog.bin');
    expect(script).not.toMatch(/\beval\(|new Function\(|WebAssembly/);
    expect(script).not.toContain('/**');
    expect(existsSync(path.join(site.dir, 'assets', 'search-engine.js'))).toBe(false);
  });
});

describe('the build cache', () => {
  // The tests build in turn, each on what the one before left: the content copy, the cache, the
  // first build's output folder.
  let contentDir: string;
  let cacheDir: string;
  let cold: BuiltSite;
  const EDITED = '会议强调，这是缓存测试新增的一句话。';

  beforeAll(async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'archive-cache-'));
    cacheDir = path.join(scratch, 'cache');
    contentDir = path.join(scratch, 'content');
    await cp(path.resolve(site.contentDir), contentDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}raw`) });
  });

  it('gives a build from the cache the same bytes as the build that filled it', async () => {
    cold = await buildSite({ contentDir, cacheDir });
    const warm = await buildSite({ contentDir, cacheDir });
    // The search index is written whole into a new folder, even from the cache.
    const coldFiles = searchFiles(await listFiles(cold.dir));
    expect(coldFiles.length).toBeGreaterThan(3);
    expect(searchFiles(await listFiles(warm.dir))).toEqual(coldFiles);
    expect(await differingFiles(cold, warm)).toEqual([]);
  }, BUILD_TIMEOUT);

  it('rebuilds into the same folder only what an edited article changed, with the bytes of a build from scratch', async () => {
    const articles = (await readdir(path.join(contentDir, 'articles'))).filter((name) => name.endsWith('.md')).sort();
    const file = path.join(contentDir, 'articles', articles[0]!);
    await writeFile(file, `${await readFile(file, 'utf8')}\n${EDITED}\n`);
    const before = await writeTimes(cold.dir);
    const rebuilt = await buildSite({ contentDir, cacheDir, outputDir: cold.dir });
    const written = await writtenSince(rebuilt.dir, before);
    const uncached = await buildSite({ contentDir, cacheDir: 'off' });

    // The search index keeps its segment and adds a small one for the edited article (and the catalog).
    const rewritten = searchFiles(written);
    expect(rewritten.length).toBeGreaterThan(1);
    expect(rewritten.length).toBeLessThan(searchFiles(await listFiles(rebuilt.dir)).length / 2);
    expect(written.filter((page) => page.endsWith('.html')).length).toBeLessThan((await htmlPages(uncached.dir)).length / 2);
    // And nothing at all when nothing changed.
    const unchanged = await writeTimes(rebuilt.dir);
    await buildSite({ contentDir, cacheDir, outputDir: cold.dir });
    expect(await writtenSince(rebuilt.dir, unchanged)).toEqual([]);
    expect(await differingFiles(uncached, rebuilt, 'search/data/')).toEqual([]);
    // Its files are not those of an index made from scratch, but its answers are.
    const queries = ['缓存测试新增的一句话', '疫情防控', '许达哲', '会议强调', '"这是缓存测试"'];
    const answers = await searchAnswers(rebuilt, queries);
    expect(answers).toEqual(await searchAnswers(uncached, queries));
    expect(answers[0]).toHaveLength(1);

    const archive = JSON.parse(await read(rebuilt, 'archive.json')) as { articles: { url: string; text: string }[] };
    const article = archive.articles.find((candidate) => candidate.text.includes(EDITED));
    expect(article).toBeDefined();
    const page = fileForUrl(article!.url.slice(TEST_ORIGIN.length), '/')!;
    expect(await read(rebuilt, page)).toContain(EDITED);
    expect(await read(rebuilt, `zh-hant/${page}`)).toContain(toTraditional(EDITED));
  }, BUILD_TIMEOUT);

  it('rewrites every page that shows an article retitled: its neighbours’, its tags’, its year’s, the lists', async () => {
    const articles = (await readdir(path.join(contentDir, 'articles'))).filter((name) => name.endsWith('.md')).sort();
    // The middle article has a neighbour on either side.
    const file = path.join(contentDir, 'articles', articles[Math.floor(articles.length / 2)]!);
    const text = await readFile(file, 'utf8');
    const title = /^title: (.+)$/m.exec(text)![1]!;
    const retitled = `${title.replace(/^'|'$/g, '')}（改题测试）`;
    await writeFile(file, text.replace(/^title: .+$/m, `title: '${retitled}'`));
    const before = await listFiles(cold.dir);
    const times = await writeTimes(cold.dir);
    const rebuilt = await buildSite({ contentDir, cacheDir, outputDir: cold.dir });
    const uncached = await buildSite({ contentDir, cacheDir: 'off' });

    // Every page holding the new title is there with the bytes of a build from scratch, though
    // most pages were left as they were.
    const showing: string[] = [];
    for (const page of await htmlPages(rebuilt.dir)) if ((await read(rebuilt, page)).includes(retitled)) showing.push(page);
    expect(showing).toEqual(expect.arrayContaining([expect.stringMatching(/^tags\/province\//), expect.stringMatching(/^\d{4}\/index\.html$/), 'index.html']));
    // Its own article page and a neighbour's, whose previous or next link names it.
    expect(showing.filter((page) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(page)).length).toBeGreaterThanOrEqual(2);
    // The search index of a rebuild holds a segment of the changed article beside the earlier one:
    // its files differ from a build from scratch, what it answers does not.
    expect(await differingFiles(uncached, rebuilt, 'search/data/')).toEqual([]);
    const queries = [retitled, '改题测试', title.replace(/^'|'$/g, '').slice(0, 4)];
    expect(await searchAnswers(rebuilt, queries)).toEqual(await searchAnswers(uncached, queries));
    const pages = (files: string[]) => files.filter((file) => !file.startsWith('search/data/'));
    expect(pages(await listFiles(rebuilt.dir))).toEqual(pages(before));
    const written = (await writtenSince(rebuilt.dir, times)).filter((page) => page.endsWith('.html'));
    expect(written).toEqual(expect.arrayContaining(showing));
    expect(written.length).toBeLessThan((await htmlPages(uncached.dir)).length / 2);
  }, BUILD_TIMEOUT);
});

/** The text a data: URL carries, base64 or percent-encoded, as a browser's download saves it. */
function dataUrlText(url: string): string {
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const data = url.slice(comma + 1);
  return header.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
}
