import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { toText } from 'hast-util-to-text';
import { attribute, elements, parseHtml } from '../support/site-files.ts';
import { bodyHtml, renderArticleBody, wantsTableOfContents } from '../../src/site/article-body.ts';

const hostile = matter(readFileSync('tests/fixtures/hostile-content/articles/2021-01-05-hostile-capture.md', 'utf8')).content;

describe('article body from a hostile capture', () => {
  const body = renderArticleBody(hostile);
  const html = bodyHtml(body, 'zh-Hans');

  it('drops scripts, styles, frames, embeds, forms and images with their content', () => {
    expect(html).not.toMatch(/<(script|style|iframe|object|embed|form|input|button|img|svg|base|meta|link)\b/i);
    for (const payload of ['alert("inline")', 'alert("block")', 'alert("caption")']) expect(html).not.toContain(payload);
    expect(html).not.toContain('display: none');
  });

  it('keeps no event handler, style, URL or link on any element', () => {
    const allowed = new Set(['id', 'className', 'translate']);
    const tree = parseHtml(html);
    const found = elements(tree, () => true).filter((element) => !['html', 'head', 'body'].includes(element.tagName));
    expect(found.length).toBeGreaterThan(5);
    for (const element of found) {
      // The only links are the archive's own, from a heading to itself.
      if (element.tagName === 'a') {
        expect(attribute(element, 'className')).toBe('heading-anchor');
        expect(attribute(element, 'href')).toMatch(/^#section-\d+(-\d+)?$/);
        expect(Object.keys(element.properties).sort()).toEqual(['ariaLabel', 'className', 'href']);
        continue;
      }
      expect(Object.keys(element.properties).filter((name) => !allowed.has(name)), element.tagName).toEqual([]);
      expect(['img', 'script', 'iframe', 'style']).not.toContain(element.tagName);
    }
    expect(html).not.toContain('evil.example');
  });

  it('keeps the readable text of what it unwrapped', () => {
    expect(html).toContain('正文第一段。');
    expect(html).toContain('点此链接');
    expect(html).toContain('加粗');
  });

  it('renders the figure as a caption of a photo that was not archived', () => {
    expect(body.missingPhotos).toBe(1);
    expect(html).toMatch(/<figure class="capture-photo"><div class="photo-missing"[^>]*><span class="photo-missing-label">图片未存档<\/span>/);
    expect(html).toContain('<figcaption>图片说明</figcaption>');
    // The hostile image name survives only as inert text.
    const file = elements(parseHtml(html), (element) => attribute(element, 'className') === 'photo-file')[0];
    expect(file && toText(file)).toBe('x.jpg" onmouseover="alert(1)');
  });
});

describe('article body from a well-formed article', () => {
  const source = [
    '导语。',
    '## 第一节',
    '<figure class="capture-photo" data-image="0214株洲企业2.jpg">\n<figcaption>杜家毫在株洲检查。</figcaption>\n</figure>',
    '正文。',
    '### 小标题',
    '段落。',
    '## 第二节',
    '结尾。',
  ].join('\n\n');
  const body = renderArticleBody(source);

  it('numbers section headings with stable ASCII ids', () => {
    expect(body.headings).toEqual([
      { depth: 2, id: 'section-1', text: '第一节' },
      { depth: 3, id: 'section-1-1', text: '小标题' },
      { depth: 2, id: 'section-2', text: '第二节' },
    ]);
    expect(bodyHtml(body, 'zh-Hans')).toMatch(/<h2 id="section-1">第一节 <a[^>]*>#<\/a><\/h2>/u);
  });

  it('links each heading to itself, named in the reader’s script, and keeps the link out of the text', () => {
    const links = (edition: 'zh-Hans' | 'zh-Hant') => elements(parseHtml(bodyHtml(body, edition)), (element) => element.tagName === 'a');
    expect(links('zh-Hans').map((link) => [attribute(link, 'href'), attribute(link, 'ariaLabel')])).toEqual([
      ['#section-1', '本节的链接：第一节'],
      ['#section-1-1', '本节的链接：小标题'],
      ['#section-2', '本节的链接：第二节'],
    ]);
    expect(attribute(links('zh-Hant')[0]!, 'ariaLabel')).toBe('本節的鏈接：第一節');
    expect(body.plainText['zh-Hans']).not.toContain('#');
    expect(body.headings.map((heading) => heading.text)).not.toContain(expect.stringContaining('#'));
  });

  it('gives long articles a table of contents and short ones none', () => {
    expect(wantsTableOfContents(body.headings, body.plainText['zh-Hans'].length)).toBe(true);
    const short = renderArticleBody('## 一\n\n甲。\n\n## 二\n\n乙。');
    expect(wantsTableOfContents(short.headings, short.plainText['zh-Hans'].length)).toBe(false);
  });

  it('keeps captions out of the running text but in the plain text', () => {
    expect(body.plainText['zh-Hans'].split('\n\n')).toContain('杜家毫在株洲检查。');
    expect(body.plainText['zh-Hans']).not.toContain('图片未存档');
  });

  it('converts text to Traditional but keeps the original file name verbatim', () => {
    const html = bodyHtml(body, 'zh-Hant');
    expect(html).toContain('圖片未存檔');
    expect(html).toContain('杜家毫在株洲檢查。');
    expect(html).toContain('0214株洲企业2.jpg');
    expect(html).toMatch(/<h2 id="section-1">第一節 <a[^>]*>#<\/a><\/h2>/u);
  });
});
