/**
 * The article page as a researcher reads it, on the built seed site and on a site built from
 * captures saved as GB18030 and Big5: the post each official held on the meeting day, one name
 * for the record of what ingest changed, plain words for every field of the provenance, the
 * Wayback Machine link of the original URL, and a UTF-8 copy of every capture that is not UTF-8.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Element, Root, RootContent } from 'hast';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadOfficials } from '../../src/contract.ts';
import { runIngest } from '../../src/ingest/run.ts';
import { toTraditional } from '../../src/site/editions.ts';
import { roleOn } from '../../src/site/research/official-roles.ts';
import { waybackUrl } from '../../src/site/provenance.ts';
import { buildSite, REPO_ROOT, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, htmlPages, readPage } from '../support/site-files.ts';

vi.setConfig({ testTimeout: 120_000 });

const WORK = path.join(REPO_ROOT, '.cache', `article-page-${process.pid}`);
const CONTENT = path.join(WORK, 'content');
const SOURCE_URL = 'https://www.hnrb.example/湖南/2021/0728/123.html?id=5&from=sina';

/** The seed capture of 2021-07-28 (a Hexo post), saved again as GB18030 with the original URL in its front matter. */
const gbText = readFileSync(path.join(REPO_ROOT, 'content/raw/000_f95efc7f774b1d36.txt'), 'utf8').replace(/^(title: .*)$/mu, `$1\nlink: ${SOURCE_URL}`);
/** A Traditional page saved as Big5 that gives no date: its article is undated. */
const big5Text = '湖南召開疫情防控會議\n\n省委書記許達哲主持召開會議，部署疫情防控工作。他強調，要堅持外防輸入、內防反彈，壓實各方責任，確保人民群眾生命安全。\n\n會議要求，各地要加強值班值守，及時報告疫情信息。\n';
const CAPTURES = [
  { name: 'hunan-gb18030.txt', encoding: 'gb18030', text: gbText },
  { name: 'hunan-big5.txt', encoding: 'big5', text: big5Text },
];

let seeds: BuiltSite;
let encoded: BuiltSite;

beforeAll(async () => {
  mkdirSync(path.join(CONTENT, 'raw'), { recursive: true });
  for (const capture of CAPTURES) writeFileSync(path.join(CONTENT, 'raw', capture.name), iconv.encode(capture.text, capture.encoding));
  cpSync(path.join(REPO_ROOT, 'content', 'data'), path.join(CONTENT, 'data'), { recursive: true });
  const [outcome, built] = await Promise.all([
    runIngest({ input: path.join(CONTENT, 'raw'), output: path.join(CONTENT, 'articles'), reports: path.join(CONTENT, 'reports'), data: path.join(CONTENT, 'data'), check: false, root: REPO_ROOT }),
    buildSite(),
  ]);
  expect(outcome.errors).toEqual([]);
  expect(outcome.articles).toBe(2);
  seeds = built;
  encoded = await buildSite({ contentDir: path.relative(REPO_ROOT, CONTENT), cacheDir: 'off' });
}, 300_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

const EDITIONS = [
  { root: '', text: (simplified: string) => simplified },
  { root: 'zh-hant/', text: toTraditional },
] as const;

const hasClass = (element: Element, name: string) => (attribute(element, 'className') ?? '').split(' ').includes(name);

/** Text a reader sees, without what is marked translate="no" (file names, hashes, commands, quoted captures). */
function readerText(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element' && (attribute(node, 'translate') === 'no' || node.tagName === 'script' || node.tagName === 'style')) return ' ';
  return node.children.map(readerText).join('');
}

const fullText = (node: Root | RootContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' || node.type === 'root' ? node.children.map(fullText).join('') : '';

/** The article pages of a built site, Simplified and Traditional. */
async function articlePages(site: BuiltSite): Promise<string[]> {
  return (await htmlPages(site.dir)).filter((file) => /^(zh-hant\/)?(\d{4}\/\d{2}\/\d{2}|undated)\/[a-z0-9-]+\/index\.html$/.test(file));
}

/** The people of an article page: each name with the role printed beside it, if any. */
async function peopleOn(site: BuiltSite, file: string): Promise<{ name: string; role?: string }[]> {
  const page = await readPage(site.dir, file);
  const list = elements(page, (element) => element.tagName === 'ul' && hasClass(element, 'people'))[0];
  if (!list) return [];
  return elements({ type: 'root', children: [list] }, (element) => element.tagName === 'li').map((item) => {
    const role = elements({ type: 'root', children: [item] }, (element) => hasClass(element, 'role'))[0];
    const name = elements({ type: 'root', children: [item] }, (element) => element.tagName === 'a')[0]!;
    return { name: fullText(name), ...(role ? { role: fullText(role) } : {}) };
  });
}

/** The date of an article page, read from its dateline (none for an undated article). */
async function meetingDay(site: BuiltSite, file: string): Promise<string | undefined> {
  const page = await readPage(site.dir, file);
  const dateline = elements(page, (element) => hasClass(element, 'dateline'))[0]!;
  return attribute(elements({ type: 'root', children: [dateline] }, (element) => element.tagName === 'time')[0] ?? dateline, 'dateTime');
}

describe('officials’ roles at the time', () => {
  it('shows the post 许达哲 held on 2021-07-28 next to his name, in both editions', async () => {
    for (const { root, text } of EDITIONS) {
      const people = await peopleOn(seeds, `${root}2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/index.html`);
      expect(people).toContainEqual({ name: text('许达哲'), role: text(' · 时任湖南省委书记、省人大常委会主任') });
      // 张剑飞's post is attested on 2020-02-14 only: nothing says he still held it in July 2021.
      expect(people).toContainEqual({ name: text('张剑飞') });
    }
  });

  it('shows, on every article page, exactly the role officials.yaml is certain of on the meeting day, and none on an undated article', async () => {
    const officials = new Map(loadOfficials(path.join(REPO_ROOT, 'content/data/officials.yaml')).map((official) => [official.name, official]));
    let withRole = 0;
    let withoutRole = 0;
    for (const site of [seeds, encoded]) {
      for (const file of await articlePages(site)) {
        const text = file.startsWith('zh-hant/') ? toTraditional : (simplified: string) => simplified;
        const day = await meetingDay(site, file);
        const people = await peopleOn(site, file);
        expect(people.length, file).toBeGreaterThan(0);
        for (const person of people) {
          const official = [...officials.values()].find((candidate) => text(candidate.name) === person.name);
          const role = official && day ? roleOn(official, day) : undefined;
          expect(person.role, `${file}: ${person.name}`).toBe(role ? text(` · 时任${role.title}`) : undefined);
          if (person.role) withRole += 1;
          else withoutRole += 1;
        }
      }
    }
    expect(withRole).toBeGreaterThan(0);
    expect(withoutRole).toBeGreaterThan(0);
    for (const { root, text } of EDITIONS) {
      const undated = (await articlePages(encoded)).filter((file) => file.startsWith(`${root}undated/`));
      expect(undated).toHaveLength(1);
      expect(await peopleOn(encoded, undated[0]!)).toEqual([{ name: text('许达哲') }]);
    }
  });
});

describe('provenance a reader can use', () => {
  it('calls the record of what ingest changed 整理记录 on every page, and never 审计报告', async () => {
    for (const site of [seeds, encoded]) {
      const pages = await htmlPages(site.dir);
      for (const file of pages) {
        const text = readerText(await readPage(site.dir, file));
        expect(text, file).not.toMatch(/审计|審計/u);
      }
      for (const { root, text } of EDITIONS) {
        for (const file of (await articlePages(site)).filter((page) => page.startsWith(root) && (root || !page.startsWith('zh-hant/')))) {
          const page = await readPage(site.dir, file);
          const link = elements(page, (element) => element.tagName === 'a' && (attribute(element, 'href') ?? '').endsWith('/report/'))[0]!;
          expect(fullText(link), file).toBe(text('查看完整整理记录'));
          const report = await readPage(site.dir, file.replace(/index\.html$/, 'report/index.html'));
          expect(fullText(elements(report, (element) => element.tagName === 'h1')[0]!)).toBe(text('整理记录'));
        }
        expect(readerText(await readPage(site.dir, `${root}about/index.html`))).toContain(text('整理记录'));
      }
    }
  });

  it('says every field of the article and report pages in plain words: no file-format or code names', async () => {
    const jargon = /Hexo|hexo-html|hexo-text|头信息|頭信息|原始编码|原始編碼|原始字体|原始字體|HTML 注释|HTML 註釋|[a-z]+ 元素|页面元数据|頁面元數據|→ [a-z]/u;
    for (const site of [seeds, encoded]) {
      const files = await articlePages(site);
      expect(files.length).toBeGreaterThan(0);
      for (const file of [...files, ...files.map((page) => page.replace(/index\.html$/, 'report/index.html'))]) {
        expect(readerText(await readPage(site.dir, file)), file).not.toMatch(jargon);
      }
    }
    // The report page names each capture's form and encoding in words.
    const undated = (await articlePages(encoded)).find((file) => file.startsWith('undated/'))!;
    const report = readerText(await readPage(encoded.dir, undated.replace(/index\.html$/, 'report/index.html')));
    expect(report).toContain('Big5（繁体中文常用的编码');
    expect(report).toContain('纯文本');
  });

  it('links the original URL to its captures in the Wayback Machine, well-formed and only for an http(s) URL', async () => {
    for (const { root, text } of EDITIONS) {
      const page = await readPage(encoded.dir, `${root}2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/index.html`);
      const source = elements(page, (element) => element.tagName === 'span' && hasClass(element, 'url'))[0]!;
      // Quoted as the contract reads it: the capture's URL written out by the URL parser.
      expect(fullText(source)).toBe(new URL(SOURCE_URL).href);
      const links = elements(page, (element) => element.tagName === 'a' && hasClass(element, 'wayback'));
      expect(links).toHaveLength(1);
      const href = attribute(links[0]!, 'href')!;
      const url = new URL(href);
      expect([url.protocol, url.host]).toEqual(['https:', 'web.archive.org']);
      expect(href).toBe(`https://web.archive.org/web/*/${new URL(SOURCE_URL).href}`);
      // Non-ASCII percent-encoded, the query kept: the link asks for exactly this page.
      expect(href).toContain('/%E6%B9%96%E5%8D%97/2021/0728/123.html?id=5&from=sina');
      expect(fullText(links[0]!)).toBe(text('到互联网档案馆（Wayback Machine）查找这个网址的存档'));
    }
    // Seeds record no original URL: no row, no link.
    for (const file of await articlePages(seeds)) {
      expect(elements(await readPage(seeds.dir, file), (element) => hasClass(element, 'wayback')), file).toEqual([]);
    }
  });

  it('makes no Wayback link of a URL that is not http(s), and one that cannot break out of its attribute', () => {
    for (const hostile of ['javascript:alert(1)', 'JavaScript:alert(1)//https://a.example/', 'data:text/html,<script>alert(1)</script>', 'ftp://a.example/x', 'vbscript:x', 'not a url', '']) {
      expect(waybackUrl(hostile), hostile).toBeUndefined();
    }
    const quoted = waybackUrl('https://a.example/x"><script>alert(1)</script>?q=\'1\' #top')!;
    expect(quoted).toBe('https://web.archive.org/web/*/https://a.example/x%22%3E%3Cscript%3Ealert(1)%3C/script%3E?q=%271%27%20');
    expect(quoted).not.toMatch(/["'<>\s]/u);
    expect(waybackUrl('https://user:secret@a.example/p#frag')).toBe('https://web.archive.org/web/*/https://a.example/p');
  });

  it('tells how to check the SHA-256 with sha256sum or certutil, naming the file', async () => {
    for (const { root } of EDITIONS) {
      const page = await readPage(seeds.dir, `${root}2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/index.html`);
      const commands = elements(page, (element) => element.tagName === 'code' && !hasClass(element, 'hash')).map(fullText);
      expect(commands).toEqual(expect.arrayContaining(['sha256sum 000_f95efc7f774b1d36.txt', 'certutil -hashfile 000_f95efc7f774b1d36.txt SHA256']));
    }
  });
});

describe('captures that are not UTF-8', () => {
  const reports = () =>
    CAPTURES.map((capture) => {
      const report = JSON.parse(readFileSync(path.join(CONTENT, 'reports', readdirReports().find((file) => readFileSync(path.join(CONTENT, 'reports', file), 'utf8').includes(capture.name))!), 'utf8')) as {
        captures: { raw: string; encoding: string }[];
      };
      return { ...capture, recorded: report.captures[0]!.encoding };
    });

  it('publishes the exact bytes and, beside them, a UTF-8 copy whose text is the capture decoded with the encoding ingest recorded', async () => {
    for (const capture of reports()) {
      expect(capture.recorded).toBe(capture.encoding);
      const bytes = readFileSync(path.join(CONTENT, 'raw', capture.name));
      expect(readFileSync(path.join(encoded.dir, 'raw', capture.name))).toEqual(bytes);
      const copy = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.join(encoded.dir, 'raw', 'utf-8', capture.name)));
      expect(copy).toBe(iconv.decode(bytes, capture.recorded));
      // The text the capture was written in, character for character: not mojibake.
      expect(copy).toBe(capture.text);
    }
    // A UTF-8 capture needs no copy.
    expect((await htmlPages(seeds.dir)).length).toBeGreaterThan(0);
    expect(() => readFileSync(path.join(seeds.dir, 'raw', 'utf-8', '000_f95efc7f774b1d36.txt'))).toThrow();
  });

  it('links the copy from the article and report pages, labelled, and names the charset of each raw file in _headers', async () => {
    for (const { root, text } of EDITIONS) {
      for (const file of (await articlePages(encoded)).filter((page) => (root ? page.startsWith(root) : !page.startsWith('zh-hant/')))) {
        for (const page of [file, file.replace(/index\.html$/, 'report/index.html')]) {
          const tree = await readPage(encoded.dir, page);
          const copies = elements(tree, (element) => element.tagName === 'a' && /^\/raw\/utf-8\/hunan-(gb18030|big5)\.txt$/.test(attribute(element, 'href') ?? ''));
          expect(copies.length, page).toBeGreaterThan(0);
          for (const link of copies) expect(fullText(link)).toBe(text('UTF-8 转码副本'));
        }
      }
    }
    const headers = await readFile(path.join(encoded.dir, '_headers'), 'utf8');
    expect(headers).toContain('/raw/hunan-gb18030.txt\n  Content-Type: text/plain; charset=gb18030\n');
    expect(headers).toContain('/raw/hunan-big5.txt\n  Content-Type: text/plain; charset=big5\n');
    expect(headers).toContain('/raw/utf-8/hunan-big5.txt\n  Content-Type: text/plain; charset=utf-8\n');
  });
});

function readdirReports(): string[] {
  return readdirSync(path.join(CONTENT, 'reports')).filter((file) => file.endsWith('.json'));
}
