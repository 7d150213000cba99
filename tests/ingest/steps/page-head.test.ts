import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { metaContent, pageHead } from '../../../src/ingest/steps/page-head.ts';

const parse = (html: string) => unified().use(rehypeParse).parse(html);

describe('pageHead', () => {
  it('reads title, meta of every kind, canonical, language, charset, JSON-LD and inline scripts', () => {
    const head = pageHead(
      parse(`<!doctype html><html lang="zh-HK"><head>
        <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
        <title> 省委召开会议_某某新闻网 </title>
        <meta name="PubDate" content="2021-12-13 09:41">
        <meta property="og:title" content="省委召开会议">
        <meta itemprop="datePublished" content="2021-12-13">
        <link rel="canonical" href="https://example.cn/a.html">
        <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2021-12-13T01:41:00Z"}]}</script>
        <script type="application/ld+json">not json</script>
      </head><body><script>var publishTime = "2021-12-13 09:41:00";</script><p>正文</p></body></html>`),
    );
    expect(head.title).toBe('省委召开会议_某某新闻网');
    expect(head.lang).toBe('zh-HK');
    expect(head.charset).toBe('gb2312');
    expect(head.canonical).toBe('https://example.cn/a.html');
    expect(metaContent(head, ['publishdate', 'pubdate'])).toBe('2021-12-13 09:41');
    expect(metaContent(head, ['og:title'])).toBe('省委召开会议');
    expect(metaContent(head, ['datepublished'])).toBe('2021-12-13');
    expect(head.jsonLd.map((item) => item.datePublished)).toContain('2021-12-13T01:41:00Z');
    expect(head.scripts.join('\n')).toContain('publishTime');
  });

  it('walks a page nested far deeper than the call stack allows', () => {
    // Built by hand: the HTML parser has its own depth limit, which the shapes step guards.
    let deep: Element = { type: 'element', tagName: 'div', properties: {}, children: [{ type: 'text', value: '正文' }] };
    for (let depth = 0; depth < 50_000; depth++) deep = { type: 'element', tagName: 'div', properties: {}, children: [deep] };
    const title: Element = { type: 'element', tagName: 'title', properties: {}, children: [{ type: 'text', value: '深' }] };
    const tree: Root = { type: 'root', children: [deep, title] };
    expect(pageHead(tree).title).toBe('深');
  });
});
