import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run build` with every kind of bad capture in content/raw: the site is built from the good
// ones, each bad one is listed in one line (`<file>: <reason>`), and the build exits 1 at the end.
// Run as the command runs it, in a folder laid out like a checkout.

const ROOT = join(import.meta.dirname, '..', '..');
const RAW = join(ROOT, 'content', 'raw');
const work = mkdtempSync(join(tmpdir(), 'archive-bad-build-'));
const raw = join(work, 'content', 'raw');

const ALIAS_BOMB = ['---', 'title: 会议', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`), '---', '正文。', ''].join('\n');

/** Bad captures by name: each should be left out of the site with one line. */
const BAD: Record<string, string | Buffer> = {
  'empty.txt': '',
  'blank.txt': '\n   \n',
  'binary.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  'huge.txt': Buffer.alloc(5 * 1024 * 1024, 0x41),
  'furniture.txt': '您所在的位置: 首页 > 新闻资讯 > 正文\n版权所有:沈丘县政府网2011-2025\n',
  'alias-bomb.txt': ALIAS_BOMB,
  'line\nbreak.txt': '',
};
/** Odd but good captures: each becomes an article in the site. */
const ODD: Record<string, string> = {
  'control-characters.txt': '湖南召开疫情防控会议\u0001\n2021-03-02 10:00\n\n3月2日，省委书记许达哲主持召开会议\u0007，部署疫情防控工作。他强调，要抓好落实。\n',
  'surrogate-title.txt': '---\ntitle: "河南召开\\uD800疫情防控会议"\ndate: 2021-03-03 10:00:00\n---\n3月3日，省委书记楼阳生主持召开会议，部署疫情防控工作。他强调，要压实责任。\n',
  [`${'会'.repeat(83)}ab.txt`]: '湖南部署疫情防控工作\n2021-03-04 10:00\n\n3月4日，省长毛伟明主持召开会议，部署疫情防控工作。他要求，要严防死守。\n',
  'x.html': '<html><body><h1>湖南召开联防联控会议</h1><p>2021-03-05 10:00</p><p>3月5日，省委书记许达哲主持召开联防联控会议。他强调，要科学精准。</p></body></html>',
  'x.html.txt': '湖南召开防控调度会议\n2021-03-06 10:00\n\n3月6日，许达哲主持召开防控调度会议。他强调，要快速反应。\n',
};

let run: ReturnType<typeof spawnSync>;
let stderr = '';

beforeAll(() => {
  mkdirSync(raw, { recursive: true });
  for (const name of readdirSync(RAW)) copyFileSync(join(RAW, name), join(raw, name));
  for (const [name, content] of Object.entries({ ...BAD, ...ODD })) writeFileSync(join(raw, name), content);
  symlinkSync('/etc/passwd', join(raw, 'link.txt'));
  execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
  mkdirSync(join(raw, 'sub'));
  writeFileSync(join(raw, '.gitkeep'), '');
  cpSync(join(ROOT, 'content', 'data'), join(work, 'content', 'data'), { recursive: true });
  symlinkSync(join(ROOT, 'templates'), join(work, 'templates'));
  run = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'build.ts'), '--quiet'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CACHE: 'off', ARCHIVE_CONTENT_DIR: '', ARCHIVE_PATH_PREFIX: '', ARCHIVE_SITE_URL: 'https://archive.example.org' },
    maxBuffer: 64 * 1024 * 1024,
  });
  stderr = String(run.stderr);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What a conforming XML parser (saxes) finds wrong with a document: nothing, when it is well-formed. */
function xmlErrors(text: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(text).close();
  return errors;
}

describe('npm run build with bad captures', { timeout: 60_000 }, () => {
  it('exits 1 at the end, after building the site', () => {
    expect(run.status).toBe(1);
    expect(readdirSync(join(work, '_site'))).toContain('index.html');
  });

  it('ends by listing each bad capture in one line, naming it', () => {
    const summary = stderr.slice(stderr.lastIndexOf('build: the site was built without'));
    const lines = summary.trimEnd().split('\n').slice(1);
    const named = (name: string) => lines.filter((line) => line.startsWith(`${JSON.stringify(`content/raw/${name}`)}:`) || line.startsWith(`content/raw/${name}:`));
    for (const name of [...Object.keys(BAD), 'link.txt', 'pipe.txt', 'sub']) expect(named(name), name).toHaveLength(1);
    expect(lines).toHaveLength(Object.keys(BAD).length + 3);
    expect(summary).toContain('build: the site was built without 10 file(s)');
  });

  it('writes feeds and sitemaps that an XML parser reads, though a capture holds control characters', () => {
    const documents = readdirSync(join(work, '_site'), { recursive: true }).map(String).filter((file) => file.endsWith('.xml'));
    expect(documents).toEqual(expect.arrayContaining(['feed.xml', 'zh-hant/feed.xml', 'sitemap.xml']));
    for (const file of documents) expect(xmlErrors(readFileSync(join(work, '_site', file), 'utf8')), file).toEqual([]);
    const feed = readFileSync(join(work, '_site', 'feed.xml'), 'utf8');
    expect(feed).toContain('湖南召开疫情防控会议');
  });

  it('has every good capture in the site, odd ones included, and each raw copy with its SHA-256', () => {
    const archive = JSON.parse(readFileSync(join(work, '_site', 'archive.json'), 'utf8')) as { articles: { title: string; captures: { raw: string; url: string; sha256: string }[] }[] };
    const sources = archive.articles.flatMap((article) => article.captures.map((capture) => capture.raw)).sort();
    expect(sources).toEqual([...readdirSync(RAW), ...Object.keys(ODD)].map((name) => `content/raw/${name}`).sort());
    for (const { captures } of archive.articles) {
      for (const capture of captures) {
        const served = readFileSync(join(work, '_site', decodeURIComponent(new URL(capture.url).pathname)));
        expect(createHash('sha256').update(served).digest('hex'), capture.raw).toBe(capture.sha256);
      }
    }
    const surrogate = archive.articles.find((article) => article.captures.some((capture) => capture.raw.endsWith('surrogate-title.txt')))!;
    expect(surrogate.title).toBe('河南召开\uFFFD疫情防控会议');
  });
});
