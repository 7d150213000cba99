import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { runIngest } from '../../src/ingest/run.ts';
import { renderArticleBody } from '../../src/site/article-body.ts';
import { slugFromTitle } from '../../src/ingest/slug.ts';
import { CaptureError } from '../../src/ingest/types.ts';
import { ingest, RAW, ROOT } from './helpers.ts';

// The site renders article Markdown with raw HTML allowed (captions are figure blocks), so the
// Markdown itself must carry no markup from a capture. These tests render it the same way.
const markdownIt = new MarkdownIt({ html: true });
const parseHtml = unified().use(rehypeParse, { fragment: true });

const ALLOWED = new Map<string, string[]>([
  ['p', []],
  ['h2', ['id']],
  ['h3', ['id']],
  ['figure', ['className', 'dataImage']],
  ['figcaption', []],
]);

/** Every element and attribute the rendered article would have that ingest did not put there. */
function foreignMarkup(markdown: string): string[] {
  const tree = parseHtml.parse(markdownIt.render(markdown)) as Root;
  const found: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'comment') found.push(`<!--${node.value}-->`);
      if (node.type !== 'element') continue;
      const element = node as Element;
      const allowed = ALLOWED.get(element.tagName);
      if (!allowed) found.push(`<${element.tagName}>`);
      for (const property of Object.keys(element.properties ?? {})) {
        if (!allowed?.includes(property)) found.push(`<${element.tagName} ${property}>`);
      }
      walk(element.children as RootContent[]);
    }
  };
  walk(tree.children);
  return found;
}

const HOSTILE_HTML = `<html><head><script>alert("head")</script><style>body{display:none}</style></head><body>
<h1 onclick="alert(1)">会议<script>alert(2)</script>召开</h1>
<p>发布时间：2021-08-09</p>
<p onmouseover="alert(3)">8月9日，省委书记许达哲主持召开会议。<img src="x" onerror="alert(4)"><a href="javascript:alert(5)">点击这里</a>部署疫情防控工作。</p>
<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">
<p>他强调，要抓好落实。<svg onload="alert(6)"><script>alert(7)</script></svg><math><mi xlink:href="javascript:alert(8)">x</mi></math></p>
<p><scr<script>ipt>alert(9)</scr</script>ipt> <a href="JaVaScRiPt:alert(10)">再点</a> <a href=" javascript:alert(11)">又点</a></p>
<form action="https://evil.example/"><input value="x"><button>提交</button></form>
<!-- <script>alert(12)</script> -->
</body></html>`;

describe('hostile captures', () => {
  it('keeps no script, handler, javascript: URL, frame or style of an HTML capture', async () => {
    const result = ingest(HOSTILE_HTML, 'content/raw/hostile.html');
    expect(result.meta.title).toBe('会议召开');
    expect(result.body).toContain('8月9日，省委书记许达哲主持召开会议。点击这里部署疫情防控工作。');
    for (const output of [result.markdown, JSON.stringify(result.meta)]) {
      expect(output).not.toMatch(/<script|<iframe|<style|<object|<embed|<svg|<math|<form|onerror|onclick|onload|onmouseover|javascript:/iu);
    }
    expect(foreignMarkup(result.markdown)).toEqual([]);
  });

  it('keeps markup written as text in a plain-text capture as text, never as markup', async () => {
    const result = ingest('会议召开\n2021-08-09 10:00\n\n8月9日，许达哲主持召开会议。&lt;script&gt;alert(1)&lt;/script&gt; 他强调要抓好落实。\n');
    expect(foreignMarkup(result.markdown)).toEqual([]);
    expect(markdownIt.render(result.markdown)).not.toMatch(/<script/iu);
  });

  it('removes markup spelled as text, with / for separators or escaped twice over, from the body, the title and the slug, and says so', () => {
    const text = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile-captures', 'hostile-spelled.txt'), 'utf8');
    const html = `<html><body><h1>&amp;lt;svg/onload=alert(1)&amp;gt;湖南召开会议</h1><p>发布时间：2021-08-09</p><p>8月9日，许达哲主持召开会议。&lt;svg/onload=alert(2)&gt;&amp;lt;script&amp;gt;alert(3)&amp;lt;/script&amp;gt;他强调，要抓好落实。</p></body></html>`;
    const hexo = `---\ntitle: '&amp;lt;script&amp;gt;alert(4)&amp;lt;/script&amp;gt;&lt;img/src=x/onerror=alert(5)&gt;会议召开'\ndate: 2021-08-09 10:00:00\n---\n<p>8月9日，省委书记许达哲主持召开会议。</p><p>他强调，要抓好落实。</p>\n`;
    for (const [name, content, title] of [['spelled.txt', text, '河南召开疫情防控视频会议'], ['spelled.html', html, '湖南召开会议'], ['spelled-hexo.txt', hexo, '会议召开']] as const) {
      const result = ingest(content, `content/raw/${name}`);
      expect(result.meta.title, name).toBe(title);
      const published = [result.markdown, JSON.stringify(result.meta), result.draft.titleSlug ?? ''].join('\n');
      expect(published, name).not.toMatch(/&lt;|&gt;|&amp;|&#|<svg|<img|<script|<iframe|onload|onerror|alert|javascript:|\blt\b|\bgt\b/iu);
      expect(result.state.fidelity.join('\n'), name).toMatch(/写成文字|HTML 标签/u);
    }
    expect(ingest(text, 'content/raw/spelled.txt').body).toContain('他强调，要压紧压实责任。');
  });

  it('takes only the text of a hostile Hexo title, and survives markup in every front-matter field', async () => {
    const result = ingest(
      `---\ntitle: '<script>alert(1)</script><img src=x onerror=alert(2)>会议召开'\nsubtitle: '<iframe src=javascript:alert(3)></iframe>副题'\nauthor: '<b onclick=alert(4)>记者</b>'\nlink: 'javascript:alert(5)'\ndate: 2021-08-09 10:00:00\n---\n<p>8月9日，省委书记许达哲主持召开会议。</p><p>他强调，要抓好落实。</p>\n`,
    );
    expect(result.meta.title).toBe('会议召开');
    expect(result.meta.subtitle).toBe('副题');
    expect(result.meta.sourceUrl).toBeUndefined();
    expect(JSON.stringify(result.meta)).not.toMatch(/<|javascript:|onerror|onclick/iu);
  });

  it('gives hostile and odd titles slugs that stay inside the articles folder', async () => {
    for (const title of ['../../x', 'a/b\\c', '..', '', '！！！？？？', '<script></script>', 'x'.repeat(500), '疫情'.repeat(200), '\u0000\u202e会议']) {
      const slug = slugFromTitle(title);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).toBeLessThanOrEqual(60);
    }
  });

  it('writes every article inside the output folder, under a unique name, whatever the titles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-hostile-'));
    try {
      mkdirSync(join(dir, 'raw'));
      const titles = ['../../evil', '../articles/x', '/etc/passwd', '', '！！！', '<b></b>', '会议召开', '会议召开', 'x'.repeat(300)];
      titles.forEach((title, index) => {
        writeFileSync(join(dir, 'raw', `${index}.txt`), `${title}\n2021-08-0${(index % 9) + 1} 10:00\n\n第${index}篇：8月1日，省委书记许达哲主持召开会议，部署第${index}项工作。\n`);
      });
      const outcome = await runIngest({ input: join(dir, 'raw'), output: join(dir, 'out', 'articles'), reports: join(dir, 'out', 'reports'), data: join(ROOT, 'content', 'data'), check: false, root: dir });
      expect(outcome.errors).toEqual([]);
      expect(outcome.articles).toBe(titles.length);
      const written = listFiles(dir).filter((file) => !file.startsWith('raw/'));
      expect(written.every((file) => file.startsWith('out/articles/') || file.startsWith('out/reports/'))).toBe(true);
      expect(written.filter((file) => file.endsWith('.md'))).toHaveLength(titles.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('photo file names', () => {
  it('keep each figure whole, with its caption, when the name decodes to line breaks or quotes', () => {
    const names = ['a%0A%0Ab%22c%22.jpg', 'd%0A%20%20%0A%3Cp%3Ee.jpg', '%22%3E%3Cscript%3E.png'];
    const result = ingest(
      `<html><body><h1>湖南召开疫情防控会议</h1><p>发布时间：2021-08-09</p><p>8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。</p>${names
        .map((name, n) => `<img src="/uploads/${name}"><p>图${n + 1}为会议现场。</p>`)
        .join('')}<p>他强调，要抓好落实，确保各项措施到位。</p></body></html>`,
      'content/raw/photos.html',
    );
    const page = parseHtml.parse(renderArticleBody(result.markdown).html['zh-Hans']) as Root;
    const figures = page.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'figure');
    const paragraphs = page.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
    const text = (node: Element | RootContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(text).join('') : '');
    const ofClass = (node: Element, name: string): Element | undefined => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (String(child.properties.className ?? '').includes(name)) return child;
        const found = ofClass(child, name);
        if (found) return found;
      }
      return undefined;
    };
    expect(figures.map((figure) => text(ofClass(figure, 'photo-file')!))).toEqual(names.map((name) => decodeURIComponent(name)));
    expect(figures.map((figure) => text(figure.children.find((child): child is Element => child.type === 'element' && child.tagName === 'figcaption')!))).toEqual(['图1为会议现场。', '图2为会议现场。', '图3为会议现场。']);
    expect(paragraphs.map(text)).toEqual(['8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。', '他强调，要抓好落实，确保各项措施到位。']);
    expect(foreignMarkup(result.markdown)).toEqual([]);
  });
});

describe('hostile names and titles (property-based)', { timeout: 120_000 }, () => {
  it('never writes outside the output folders, and gives every article its own file', async () => {
    const title = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('../../x', '..', '/', '\\..\\', '%2e%2e%2f', 'a/../../b', '\u0000', '', '！！！', '<a href="../x">'),
    );
    const fileName = fc.string({ minLength: 1, maxLength: 40 }).map((name) => name.replace(/[\/\u0000]/gu, '_')).filter((name) => name !== '.' && name !== '..' && !name.startsWith('.'));
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(fileName, title), { minLength: 1, maxLength: 4, selector: ([name]) => name }), async (captures) => {
        const dir = mkdtempSync(join(tmpdir(), 'ingest-names-'));
        try {
          mkdirSync(join(dir, 'raw'));
          captures.forEach(([name, heading], index) => {
            const line = heading.replace(/[\r\n]/gu, ' ');
            writeFileSync(join(dir, 'raw', name), `${line}\n2021-08-0${index + 1} 10:00\n\n第${index}篇：8月1日，省委书记许达哲主持召开会议，部署第${index}项工作。\n`);
          });
          const outcome = await runIngest({ input: join(dir, 'raw'), output: join(dir, 'out', 'articles'), reports: join(dir, 'out', 'reports'), data: join(ROOT, 'content', 'data'), check: false, root: dir });
          const written = listFiles(dir).filter((file) => !file.startsWith('raw/'));
          expect(written.every((file) => file.startsWith('out/articles/') || file.startsWith('out/reports/'))).toBe(true);
          expect(written.filter((file) => file.endsWith('.md'))).toHaveLength(outcome.articles);
          expect(outcome.articles + outcome.errors.length).toBeGreaterThanOrEqual(1);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30, seed: 20210728 },
    );
  });
});

describe('mutated captures (property-based)', { timeout: 120_000 }, () => {
  const seeds = readdirSync(RAW)
    .sort()
    .map((name) => readFileSync(join(RAW, name), 'utf8'));
  const snippets = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">链接</a>',
    '<iframe src="//evil.example"></iframe>',
    '<style>*{}</style>',
    '<p onclick="x()">段落</p>',
    '"><svg onload=alert(1)>',
    '---\ntitle: <script>x</script>\n---\n',
    '\u0000',
    '\uFFFD',
    '?!倍偶',
    '(yī)',
    '&#x3C;script&#x3E;',
    '<!--',
    ']]>',
  ];
  const mutation = fc.record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    cuts: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.oneof(fc.constantFrom(...snippets), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })) }), { maxLength: 6 }),
    truncate: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  });

  const mutate = ({ seed, cuts, truncate }: { seed: number; cuts: { at: number; insert: string }[]; truncate?: number | undefined }) => {
    let text = seeds[seed]!;
    for (const { at, insert } of cuts) {
      const position = Math.floor(at * text.length);
      text = text.slice(0, position) + insert + text.slice(position);
    }
    if (truncate !== undefined) text = text.slice(0, Math.floor(truncate * text.length));
    return text;
  };

  it('never throws anything but a capture error, and never lets markup from the capture through', async () => {
    fc.assert(
      fc.property(mutation, (input) => {
        const text = mutate(input);
        let result;
        try {
          result = ingest(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CaptureError);
          return;
        }
        expect(foreignMarkup(result.markdown)).toEqual([]);
        expect(JSON.stringify(result.meta)).not.toMatch(/<script|javascript:|onerror=/iu);
      }),
      { numRuns: 200, seed: 20211211 },
    );
  });

  it('survives damaged bytes (flipped, dropped, inserted) in any encoding', async () => {
    const raw = readdirSync(RAW)
      .sort()
      .map((name) => readFileSync(join(RAW, name)));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: raw.length - 1 }),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }), drop: fc.boolean() }), { maxLength: 12 }),
        (which, edits) => {
          const bytes = [...raw[which]!];
          for (const { at, byte, drop } of edits) {
            const position = Math.floor(at * bytes.length);
            if (drop) bytes.splice(position, 1);
            else bytes.splice(position, 0, byte);
          }
          let result;
          try {
            result = ingest(Uint8Array.from(bytes));
          } catch (error) {
            expect(error).toBeInstanceOf(CaptureError);
            return;
          }
          expect(foreignMarkup(result.markdown)).toEqual([]);
        },
      ),
      { numRuns: 100, seed: 20200216 },
    );
  });
});

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(resolve(root));
  return out.sort();
}
