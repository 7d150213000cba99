import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/ingest/shapes/html.ts';
import { shapeCapture } from '../../src/ingest/shapes/index.ts';
import { ingest } from './helpers.ts';

const LEAD = '8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。';
const SECOND = '他强调，要从严从紧抓好各项防控措施落实。';

describe('shapeCapture', () => {
  it('recognises a Hexo post with an HTML body, also after a blank first line', () => {
    const shaped = shapeCapture("\n---\ntitle: '标题'\ndate: Thu, 29 Jul 2021 08:06:09 GMT\n---\n\n<div><p>正文第一段。</p><p>正文第二段。</p></div>\n");
    expect(shaped.shape).toBe('hexo-html');
    expect(shaped.frontMatter).toEqual({ title: '标题', date: 'Thu, 29 Jul 2021 08:06:09 GMT' });
  });

  it('recognises HTML pages and plain text', () => {
    expect(shapeCapture('<html><body><p>一</p><p>二</p></body></html>').shape).toBe('html');
    expect(shapeCapture('标题\n\n正文。\n').shape).toBe('text');
  });

  it('falls back to reading a file with broken front matter as text, and says which line is broken', () => {
    const shaped = shapeCapture('---\ntitle: 会议召开\ndate: [2021-08-09\n---\n正文。\n');
    expect(shaped.shape).toBe('text');
    expect(shaped.warning).toMatch(/^front matter is not valid YAML \(line \d+: .+\); read the whole file as text$/);
  });

  it('still makes an article of a capture with broken front matter, noting it', () => {
    const result = ingest('---\ntitle: "会议召开\n---\n省委召开疫情防控会议\n2021-08-09 10:00\n\n8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.meta.date).toBe('2021-08-09');
    expect(result.state.fidelity.join('\n')).toContain('文章属性（YAML 格式）无法解析');
  });
});

describe('telling HTML from text by its structure', () => {
  it('reads a page saved as text with two stray </p> as text: its lines stay lines and its date is read', () => {
    const result = ingest(`省委召开疫情防控会议\n2021-08-09 10:00\n</p>${LEAD}\n${SECOND}</p>\n`);
    expect(result.state.shape).toBe('text');
    expect(result.meta.published).toBe('2021-08-09');
    expect(result.body.split('\n')).toEqual([LEAD, SECOND]);
  });

  it('reads a paragraph that quotes one tag as text, and a fragment of paragraphs as HTML', () => {
    expect(shapeCapture(`会议通知\n${LEAD}\n网页上的<b>加粗</b>字样不是标记。\n${SECOND}\n${SECOND}\n`).shape).toBe('text');
    expect(shapeCapture(`<p>${LEAD}</p>\n<p>${SECOND}</p>\n`).shape).toBe('html');
    expect(shapeCapture(`<div>\n<p>${LEAD}</p>\n<p>${SECOND}</p>\n</div>`).shape).toBe('html');
  });

  it('decides on 150 KB of unclosed "<a " in one pass, and reads it as text', () => {
    expect(shapeCapture('<a '.repeat(50_000)).shape).toBe('text');
  });
});

describe('markup nested deeper than any page', () => {
  for (const [what, opening] of [
    ['2,000 unclosed inline elements', '<b>'.repeat(2000)],
    ['2,000 unclosed spans', '<span>'.repeat(2000)],
    ['5,000 nested blocks', '<div>'.repeat(5000)],
  ] as const) {
    it(`keeps the text of a page with ${what}, and says the markup was cut to ${MAX_DEPTH} levels`, () => {
      const result = ingest(`<html><body><h1>省委召开疫情防控会议</h1>${opening}<p>${LEAD}</p><p>${SECOND}</p></body></html>`, 'content/raw/deep.html');
      expect(result.meta.title).toBe('省委召开疫情防控会议');
      expect(result.body.split('\n')).toEqual([LEAD, SECOND]);
      expect(result.state.fidelity.join('\n')).toContain(`上限 ${MAX_DEPTH} 层`);
    });
  }

  it('keeps a script below the cut out of the text', () => {
    const result = ingest(`<html><body>${'<div>'.repeat(3000)}<p>${LEAD}</p><script>var copy = "${SECOND}";</script><p>${LEAD}</p></body></html>`, 'content/raw/deep.html');
    expect(result.body).not.toContain('var copy');
    expect(result.body).toContain(LEAD);
  });
});

describe('Markdown captures', () => {
  const post = [
    '---',
    'title: 省委召开疫情防控工作会议',
    'date: 2021-08-09 20:15:00',
    'tags: [疫情防控, 湖南]',
    '---',
    '',
    '## 会议部署',
    '',
    '8月9日，省委书记许达哲主持召开会议，',
    '部署疫情防控工作。',
    '',
    '> 他强调，要从严从紧抓好各项防控措施落实。',
    '',
    '- 压实“四方责任”；',
    '- 做好**核酸检测**和[流调溯源](https://example.cn/a.html)。',
    '',
  ].join('\n');

  it('parses the body of a front-matter post written in Markdown into paragraphs and headings', () => {
    const shaped = shapeCapture(post);
    expect(shaped.shape).toBe('markdown');
    expect(shaped.frontMatter.title).toBe('省委召开疫情防控工作会议');
    const result = ingest(post, 'content/raw/post.md');
    expect(result.meta.title).toBe('省委召开疫情防控工作会议');
    expect(result.markdown).toContain('## 会议部署');
    // A paragraph wrapped over two lines of the file is one paragraph, with no space inside.
    expect(result.body.split('\n')).toEqual(['会议部署', LEAD, SECOND, '压实“四方责任”；', '做好核酸检测和流调溯源。']);
  });

  it('keeps a front-matter post of plain lines a text post', () => {
    expect(shapeCapture(`---\ntitle: 会议\n---\n省委召开会议\n${LEAD}\n${SECOND}\n`).shape).toBe('hexo-text');
  });

  it('sanitises HTML written inside the Markdown like any page', () => {
    const result = ingest(`---\ntitle: 会议\n---\n\n## 会议\n\n${LEAD}<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">[链接](javascript:alert(3))\n\n${SECOND}\n`, 'content/raw/hostile.md');
    expect(result.markdown).not.toMatch(/alert|onerror|javascript/);
    expect(result.body).toContain(LEAD);
  });

  it('reads a post nested or marked deeper than remark can take as text, without failing', () => {
    for (const body of [`> `.repeat(3000) + LEAD, `*${'*'.repeat(5000)}${LEAD}${'*'.repeat(5000)}`, Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- ${LEAD}`).join('\n')]) {
      const result = ingest(`---\ntitle: 会议\n---\n\n## 会议\n\n${body}\n\n${SECOND}\n`, 'content/raw/deep.md');
      expect(result.state.shape).toBe('hexo-text');
      expect(result.body).toContain(SECOND);
    }
  });
});

describe('template tags in Markdown posts', () => {
  it('shows a Hugo figure shortcode as its photo and caption, and drops other shortcodes and Liquid tags', () => {
    const result = ingest(`---\ntitle: 会议\n---\n\n## 会议\n\n${LEAD}\n\n{{< figure src="/img/a.jpg" caption="会议现场。" >}}\n\n{{< notice info >}}\n\n{% include ad.html %}\n\n${SECOND}\n`, 'content/raw/hugo.md');
    expect(result.markdown).toContain('<figure class="capture-photo" data-image="a.jpg">\n<figcaption>会议现场。</figcaption>\n</figure>');
    expect(result.markdown).not.toMatch(/notice|include|\{\{|\{%/u);
    expect(result.body).toContain(SECOND);
  });
});

describe('a front-matter post of one paragraph per line', () => {
  it('stays a text post, its lines paragraphs, though it shows some Markdown', () => {
    const post = `---\ntitle: 会议\n---\n## 会议部署\n${LEAD}\n${SECOND}\n**会议要求**，要压实“四方责任”，确保各项措施落实到位。\n`;
    const result = ingest(post, 'content/raw/lines.md');
    expect(result.state.shape).toBe('hexo-text');
    expect(result.body.split('\n')).toContain(SECOND);
  });
});
