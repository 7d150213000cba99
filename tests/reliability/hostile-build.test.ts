import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/run.ts';
import { publishedRawName } from '../../src/support/raw-names.ts';
import { buildSite } from '../support/build-site.ts';

// A build of the archive with hostile captures added (tests/fixtures/hostile-captures: an HTML
// page, a Hexo post and a text page full of scripts, handlers, javascript: URLs, frames and
// styles): none of it may reach any file of the site, in either edition, the feeds, the JSON
// download or the search index.

const ROOT = join(import.meta.dirname, '..', '..');
const WORK = join(ROOT, '.cache', `hostile-build-${process.pid}`);
const CONTENT = join(WORK, 'content');
let site = '';

beforeAll(async () => {
  mkdirSync(join(CONTENT, 'raw'), { recursive: true });
  cpSync(join(ROOT, 'content', 'raw'), join(CONTENT, 'raw'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'hostile-captures'), join(CONTENT, 'raw'), { recursive: true });
  cpSync(join(ROOT, 'content', 'data'), join(CONTENT, 'data'), { recursive: true });
  const outcome = await runIngest({
    input: join(CONTENT, 'raw'),
    output: join(CONTENT, 'articles'),
    reports: join(CONTENT, 'reports'),
    data: join(CONTENT, 'data'),
    check: false,
    root: ROOT,
  });
  expect(outcome.errors).toEqual([]);
  expect(outcome.articles).toBe(9);
  site = (await buildSite({ contentDir: relative(ROOT, CONTENT) })).dir;
}, 180_000);

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
  if (site) rmSync(site, { recursive: true, force: true });
});

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile());
}

const parse = unified().use(rehypeParse);

/**
 * Markup in a page that the site itself did not put there. `home`: the page is an edition's home
 * page, whose chart of meetings per month is the one SVG the site draws (everything inside it is
 * still checked).
 */
function foreign(html: string, home = false): string[] {
  const found: string[] = [];
  const walk = (nodes: RootContent[], inSearchForm = false, inChart = false) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const element = node as Element;
      const props = element.properties ?? {};
      // The site's own search form (GET to its search page) is the one form a page may have.
      const searchForm = element.tagName === 'form' && /\/search\/$/.test(String(props.action ?? ''));
      const formPart = ['form', 'input', 'button', 'label'].includes(element.tagName) && (searchForm || inSearchForm);
      const chart = inChart || (home && element.tagName === 'svg' && String(props.className ?? '') === 'timeline-chart');
      const chartPart = chart && element.tagName === 'svg';
      if (['iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'base'].includes(element.tagName) && !formPart && !chartPart) found.push(`<${element.tagName}>`);
      if (chart && ['foreignObject', 'image', 'use', 'script', 'animate', 'set'].includes(element.tagName)) found.push(`<${element.tagName}> in the chart`);
      if (element.tagName === 'script') {
        const own = props.type === 'application/ld+json' || (typeof props.src === 'string' && /\/assets\/[\w.-]+\.js$/.test(props.src));
        if (!own) found.push(`<script ${JSON.stringify(props)}>`);
      }
      if (element.tagName === 'meta' && String(props.httpEquiv ?? '').toLowerCase() === 'refresh') found.push('<meta http-equiv=refresh>');
      for (const [name, value] of Object.entries(props)) {
        if (/^on/i.test(name)) found.push(`${element.tagName}[${name}]`);
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        if (/^\s*javascript:/i.test(text)) found.push(`${element.tagName}[${name}=${text}]`);
        // Canonical and alternate links name absolute URLs without loading them; these attributes load.
        const loads = ['src', 'srcset', 'poster', 'data'].includes(name) || (element.tagName === 'link' && name === 'href' && /stylesheet|icon|preload|prefetch/i.test(String(props.rel ?? '')));
        if (loads && /^(https?:)?\/\//i.test(text)) found.push(`${element.tagName}[${name}=${text}] loads from another origin`);
      }
      walk(element.children as RootContent[], inSearchForm || searchForm, chart);
    }
  };
  walk((parse.parse(html) as Root).children);
  return found;
}

describe('a build with hostile captures', { timeout: 180_000 }, () => {
  it('has the hostile articles in both editions, as text', () => {
    const pages = files(site).filter((path) => path.endsWith('.html'));
    const hostile = pages.filter((path) => /湖南召开疫情防控工作会议|河南部署疫情防控工作|湖南省召开疫情防控会议|河南召开疫情防控视频会议/.test(readFileSync(path, 'utf8')));
    expect(hostile.some((path) => path.includes(`${join(site, 'zh-hant')}`))).toBe(true);
    expect(hostile.length).toBeGreaterThanOrEqual(6);
  });

  it('carries no script, handler, javascript: URL, frame or form of a capture in any page', () => {
    const pages = files(site).filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const problems = pages.flatMap((path) =>
      foreign(readFileSync(path, 'utf8'), /^(zh-hant\/|en\/)?index\.html$/.test(relative(site, path).split(sep).join('/'))).map((problem) => `${relative(site, path)}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('shows no markup spelled as text on any page, escaped or not', () => {
    const pages = files(site).filter((path) => path.endsWith('.html'));
    const found = pages.flatMap((path) => {
      const content = readFileSync(path, 'utf8');
      return [...content.matchAll(/&(?:amp;)*lt;\/?(?:script|iframe|img|svg|b)\b|svg\/onload|onerror=/gi)].map((match) => `${relative(site, path)}: ${content.slice(Math.max(0, match.index - 40), match.index + 30)}`);
    });
    expect(found).toEqual([]);
  });

  it('carries none of it in the feeds, the JSON download, the sitemap or the search index', () => {
    const text = files(site)
      .filter((path) => /\.(xml|json|txt)$/.test(path) && !path.includes(`${join(site, 'raw')}`))
      .map((path) => readFileSync(path, 'utf8'));
    // The search index's files: the result packs are JSON in UTF-16 and read so; the catalog and
    // the postings are binary, read as UTF-8 for what they spell (the postings' runs are letters,
    // digits and Han only, so they spell no markup whatever the capture held).
    const index = files(site)
      .filter((path) => path.includes(join(site, 'search', 'data')) && path.endsWith('.bin'))
      .map((path) => readFileSync(path).toString(/[/\\]han[st][/\\]/.test(path) ? 'utf16le' : 'utf8'));
    expect(index.filter((content) => content.startsWith('{"d":') || content.startsWith('{"m":')).length).toBeGreaterThan(1);
    const found = [...text, ...index].flatMap((content) =>
      // Markup spelled as text, escaped once or twice over, is no more welcome than markup itself.
      [...content.matchAll(/<script|<iframe|<svg|javascript:|onerror=|onclick=|onload=|onmouseover=|&(?:amp;)*lt;\/?(?:script|iframe|img|svg|b)\b|\\u003c(?:script|img|svg)/gi)].map((match) => content.slice(Math.max(0, match.index - 60), match.index + 30)),
    );
    expect(found).toEqual([]);
  });

  it('keeps the raw captures themselves byte for byte, as evidence, served as plain text', () => {
    // A capture saved as .html must not be served as a page: its copy is named .txt.
    expect(files(site).filter((path) => path.endsWith('hostile-page.html'))).toEqual([]);
    for (const name of ['hostile-page.html', 'hostile-hexo.txt', 'hostile-text.txt']) {
      const published = publishedRawName(name);
      expect(published).toMatch(/\.txt$/);
      const copies = files(site).filter((path) => path.endsWith(`/raw/${published}`));
      expect(copies).toHaveLength(1);
      expect(readFileSync(copies[0]!)).toEqual(readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile-captures', name)));
    }
  });
});
