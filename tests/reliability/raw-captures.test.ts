import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/run.ts';
import { MAX_PUBLISHED_NAME_BYTES, publishedRawName, publishedRawNames } from '../../src/support/raw-names.ts';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { attribute, elements, readPage } from '../support/site-files.ts';
import { serveSite, type RunningServer } from '../support/static-server.ts';

// The site publishes each raw capture as evidence, next to its article. Whatever the capture's
// file name, its copy must have a name of its own, a link that reaches it, and the bytes (the
// SHA-256) its article cites; and the site must publish nothing that is not a capture.

const ROOT = join(import.meta.dirname, '..', '..');
const WORK = join(ROOT, '.cache', `raw-captures-${process.pid}`);
const CONTENT = join(WORK, 'content');
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

const capture = (n: number, title: string) =>
  `${title}\n2021-03-${String(n + 1).padStart(2, '0')} 10:00\n\n3月${n + 1}日，省委书记许达哲主持召开第${n + 1}次会议，部署第${n + 1}项疫情防控工作。他强调，要把第${n + 1}项工作抓实抓细。\n`;

const NAMES = [
  'x.html',
  'x.html.txt',
  'a#b.txt',
  'q?.txt',
  'p%41.txt',
  'new\nline.txt',
  'trailing.txt ',
  '有 空格.txt',
  `ab${'会'.repeat(83)}.txt`,
  'CASE.txt',
  'case.TXT',
];

describe('published names', () => {
  it('keep a plain .txt name, and make every other one plain, short, stable and unique', () => {
    expect(publishedRawName('000_f95efc7f774b1d36.txt')).toBe('000_f95efc7f774b1d36.txt');
    expect(publishedRawName('x.html')).toMatch(/^x\.html-[0-9a-f]{8}\.txt$/);
    expect(publishedRawName('x.html')).toBe(publishedRawName('x.html'));
    const names = publishedRawNames(NAMES.map((name) => ({ key: name, fileName: name })));
    const published = [...names.values()];
    expect(new Set(published.map((name) => name.toLowerCase())).size).toBe(NAMES.length);
    for (const name of published) {
      expect(name).toMatch(/\.txt$/i);
      expect(name).not.toMatch(/[\u0000-\u001f#?%/\\]|^\s|\s$/u);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_PUBLISHED_NAME_BYTES);
    }
  });
});

describe('raw captures in the built site', { timeout: 240_000 }, () => {
  let site: BuiltSite;
  let server: RunningServer;

  beforeAll(async () => {
    mkdirSync(join(CONTENT, 'raw'), { recursive: true });
    cpSync(join(ROOT, 'content', 'data'), join(CONTENT, 'data'), { recursive: true });
    NAMES.forEach((name, n) => {
      const title = `湖南召开第${n + 1}次疫情防控会议`;
      writeFileSync(join(CONTENT, 'raw', name), name === 'x.html' ? `<html><head><title>${title}</title></head><body><h1>${title}</h1>${capture(n, '').split('\n').slice(1).map((line) => `<p>${line}</p>`).join('')}</body></html>` : capture(n, title));
    });
    const outcome = await runIngest({ input: join(CONTENT, 'raw'), output: join(CONTENT, 'articles'), reports: join(CONTENT, 'reports'), data: join(CONTENT, 'data'), check: false, root: ROOT });
    expect(outcome.errors).toEqual([]);
    expect(outcome.articles).toBe(NAMES.length);

    // Two articles edited to cite files that are not captures: one outside the repository, one
    // through a symbolic link in the raw folder that points out of it.
    const [first] = readdirSync(join(CONTENT, 'articles')).filter((name) => name.endsWith('.md'));
    const { data, content } = matter(readFileSync(join(CONTENT, 'articles', first!), 'utf8'));
    symlinkSync('/etc/passwd', join(CONTENT, 'raw', 'link.txt'));
    const cite = (slug: string, raw: string) => {
      const front = { ...data, slug, title: `${data.title}（${slug}）`, raw, captures: [{ ...(data.captures as object[])[0], raw }] };
      writeFileSync(join(CONTENT, 'articles', `${data.date}-${slug}.md`), matter.stringify(content, front));
    };
    cite('passwd', '../'.repeat(12) + 'etc/passwd');
    // And one whose title, edited by hand, holds a lone surrogate: it stopped the search step.
    writeFileSync(join(CONTENT, 'articles', `${data.date}-surrogate.md`), matter.stringify(content, { ...data, slug: 'surrogate', title: `会议\uD800召开` }));
    cite('symlink', relative(ROOT, join(CONTENT, 'raw', 'link.txt')));

    site = await buildSite({ contentDir: relative(ROOT, CONTENT), allowFailure: true });
    server = await serveSite(site.dir, '/');
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    rmSync(WORK, { recursive: true, force: true });
    if (site) rmSync(site.dir, { recursive: true, force: true });
  });

  it('serves every capture under its own link, with the SHA-256 its article gives', async () => {
    const archive = JSON.parse(readFileSync(join(site.dir, 'archive.json'), 'utf8')) as { articles: { captures: { raw: string; url: string; sha256: string }[] }[] };
    const captures = archive.articles.flatMap((article) => article.captures);
    expect(captures).toHaveLength(NAMES.length);
    expect(new Set(captures.map((entry) => entry.url.toLowerCase())).size).toBe(NAMES.length);
    for (const entry of captures) {
      const response = await fetch(`${server.origin}${new URL(entry.url).pathname}`);
      expect(response.status, entry.raw).toBe(200);
      const served = Buffer.from(await response.arrayBuffer());
      expect(sha256(served), entry.raw).toBe(entry.sha256);
      expect(sha256(readFileSync(join(ROOT, entry.raw))), entry.raw).toBe(entry.sha256);
    }
  });

  it('links each article page to its capture with a URL that reaches it', async () => {
    const pages = readdirSync(site.dir, { recursive: true }).map(String).filter((file) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file));
    expect(pages).toHaveLength(NAMES.length);
    for (const page of pages) {
      const links = elements(await readPage(site.dir, page), (element) => element.tagName === 'a' && /\/raw\//.test(attribute(element, 'href') ?? ''));
      expect(links.length, page).toBe(1);
      const href = attribute(links[0]!, 'href')!;
      expect(href).not.toMatch(/[\s#?"<>]/);
      const response = await fetch(`${server.origin}${href}`);
      expect(response.status, href).toBe(200);
    }
  });

  it('publishes nothing that is not a capture, builds the rest, names each article left out, and fails', () => {
    expect(site.status).toBe(1);
    const problems = site.stderr.split('\n').filter((line) => /passwd|symlink|surrogate/.test(line));
    // Front matter is checked as each file is read, the captures it cites once all are read.
    expect(problems).toEqual([
      expect.stringMatching(/-surrogate\.md: `title` holds a lone UTF-16 surrogate, which is not text$/),
      expect.stringMatching(/-passwd\.md: raw capture .*etc\/passwd is not in the raw captures folder; not published$/),
      expect.stringMatching(/-symlink\.md: raw capture .*link\.txt is not in the raw captures folder; not published$/),
    ]);
    const passwd = readFileSync('/etc/passwd');
    const published = readdirSync(join(site.dir, 'raw'));
    expect(published).toHaveLength(NAMES.length);
    expect(published.some((name) => readFileSync(join(site.dir, 'raw', name)).equals(passwd))).toBe(false);
    expect(existsSync(join(site.dir, 'index.html'))).toBe(true);
  });
});
