import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { blocks, isBody, isHeading, textOf } from '../../../src/ingest/blocks.ts';
import { extractMainContent } from '../../../src/ingest/steps/main-content.ts';
import { pageHead } from '../../../src/ingest/steps/page-head.ts';
import type { Shape } from '../../../src/ingest/types.ts';
import { archiveData, captureState, ingest } from '../helpers.ts';

const P1 = '8月4日上午，省委书记主持召开会议，部署全省疫情防控工作。会议听取了各地工作情况汇报。';
const P2 = '会议强调，要进一步从严从快从紧从实从细抓好各项防控工作，坚决打好疫情防控这场硬仗。';
const P3 = '会议要求，各级各部门要压实“四方责任”，确保各项防控措施落实到位、群众生活安定有序。';

/** Runs the main-content step alone on a page, as the pipeline gives it (parsed, head read). */
function mainContent(html: string, shape: Shape = 'html') {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const state = captureState({ shape, page: pageHead(tree) });
  const file = new VFile({ path: state.capture.path, data: { ingest: state } });
  const out = unified().use(extractMainContent, archiveData()).runSync(tree, file) as Root;
  return { tree: out, text: toText(out).replace(/\s+/gu, ' ').trim(), state };
}

const article = `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`;

describe('main content', () => {
  it('keeps the block of prose and drops the navigation, side column and footer around it, noting each with its text', () => {
    const { text, state } = mainContent(`<html><body>
      <div class="menu"><a href="/">首页</a><a href="/a">要闻</a><a href="/b">政务公开</a><a href="/c">互动交流</a></div>
      <div class="wrap"><div class="left"><div class="box">${article}</div></div>
      <div class="right"><h3>热点</h3><ul><li><a href="/1">全省经济运行平稳</a></li><li><a href="/2">春耕生产有序推进</a></li></ul></div></div>
      <div class="bottom">主办：某某市人民政府办公室 网站标识码：4100000001</div></body></html>`);
    expect(text).toBe(`${P1} ${P2} ${P3}`);
    const removed = state.ledger.filter((entry) => entry.rule === 'main-content/outside').map((entry) => entry.text);
    expect(removed).toEqual(expect.arrayContaining(['首页要闻政务公开互动交流', '主办：某某市人民政府办公室 网站标识码：4100000001']));
    expect(removed.join('\n')).toContain('全省经济运行平稳');
  });

  it('takes as headline the heading the page title names, not the logo in an <h1>, and keeps the byline under it', () => {
    const { tree } = mainContent(`<html><head><title>省委召开会议部署疫情防控工作_某某省人民政府</title></head><body>
      <h1 class="logo">某某省人民政府</h1><div class="nav"><a href="/">首页</a><a href="/x">要闻</a></div>
      <div class="detail"><div class="title">省委召开会议部署疫情防控工作</div>
      <div class="info"><span>发布时间：2021-08-05 10:20</span> <span>来源：某某日报</span></div>
      <div class="share"><a href="#">微信</a><a href="#">微博</a></div>
      <div class="content">${article}</div></div></body></html>`);
    const [first, second] = tree.children.filter((node) => node.type === 'element');
    expect(first).toMatchObject({ tagName: 'h1', children: [{ type: 'text', value: '省委召开会议部署疫情防控工作' }] });
    expect(toText(second!).replace(/\s+/gu, ' ').trim()).toBe('发布时间：2021-08-05 10:20 来源：某某日报');
    expect(toText(tree)).not.toContain('某某省人民政府');
    expect(toText(tree)).not.toContain('微博');
  });

  it('keeps the paragraphs of an article split over sibling blocks, but not a second copy of it', () => {
    const { text } = mainContent(`<html><body><div class="nav"><a href="/">首页</a><a href="/x">要闻</a></div><div class="main">
      <p class="lead">${P1}</p><div class="text"><p>${P2}</p><p>${P3}</p><p>${P2}</p></div>
      <div class="print-version"><p>${P2}</p><p>${P3}</p></div></div></body></html>`);
    expect(text).toBe(`${P1} ${P2} ${P3} ${P2}`);
  });

  it('removes comments even though they hold prose, and says so in the fidelity notes', () => {
    const { text, state } = mainContent(`<html><body><div class="article">${article}</div>
      <div class="comment-list"><div class="item"><span>网友甲</span><p>辛苦了，所有防疫工作人员！大家一起加油，早日战胜疫情。</p></div>
      <div class="item"><span>网友乙</span><p>我们小区昨天做了核酸检测，组织得很有序，点赞！希望大家都平平安安。</p></div></div></body></html>`);
    expect(text).toBe(`${P1} ${P2} ${P3}`);
    expect(state.fidelity.join('\n')).toMatch(/成句的文字（评论）/u);
  });

  it('removes a block that a heading names as comments or related news, when no class says so', () => {
    const comment = (n: number) => `<div><span>网友${n}</span><p>辛苦了，所有防疫工作人员！我们小区昨天做了核酸检测，组织得很有序，大家排队时都保持了距离。</p></div>`;
    const { text } = mainContent(`<html><body><div><h1>省委召开会议部署疫情防控工作</h1><div><p>${P1}</p><p>${P2}</p></div>
      <div><h3>网友评论：</h3>${comment(1)}${comment(2)}${comment(3)}</div></div></body></html>`);
    expect(text).toBe(`省委召开会议部署疫情防控工作 ${P1} ${P2}`);
  });

  it('removes lists of links and share widgets inside the article block', () => {
    const { text } = mainContent(`<html><body><div id="zoom">${article}
      <div class="bdshare"><img src="/qr.png" alt="二维码"><span>扫一扫分享</span></div>
      <ul><li><a href="/1">上一篇：全省防汛工作会议召开</a></li><li><a href="/2">下一篇：省政府常务会议召开</a></li></ul></div></body></html>`);
    expect(text).toBe(`${P1} ${P2} ${P3}`);
  });

  it('drops a list of other articles that each show a summary, however much prose the summaries hold', () => {
    const teaser = (n: number) => `<div><a href="/n/${n}.html">某地召开第${n}次疫情防控调度会</a><p>会议听取了各地情况汇报，对下一阶段工作作出部署，要求各地从严从紧抓好落实。</p></div>`;
    const { text, state } = mainContent(`<html><body><div><h1>全市疫情防控工作会议召开</h1><div>${article}</div>
      <div><h3>相关新闻</h3>${[1, 2, 3, 4, 5, 6, 7, 8].map(teaser).join('')}</div></div></body></html>`);
    expect(text).toBe(`全市疫情防控工作会议召开 ${P1} ${P2} ${P3}`);
    expect(state.fidelity.join('\n')).toContain('成句的文字');
  });

  it('keeps every paragraph when each sits in blocks of its own, deeper than scores reach (editor templates of WeChat articles)', () => {
    const wrapped = (text: string) => `<section><section><section><p><span>${text}</span></p></section></section></section>`;
    const { text } = mainContent(`<html><body><div class="nav"><a href="/">首页</a><a href="/x">要闻</a></div>
      <div id="js_content">${[P1, P2, P3, P2.replace('会议强调', '会议指出')].map(wrapped).join('')}</div><div class="qr">微信扫一扫关注该公众号</div></body></html>`);
    expect(text).toBe(`${P1} ${P2} ${P3} ${P2.replace('会议强调', '会议指出')}`);
  });

  it('leaves a fragment without a run of prose as it is', () => {
    const { text, state } = mainContent('<p>会议通知</p><p>时间：8月5日</p><p>地点：三楼会议室</p>');
    expect(text).toBe('会议通知 时间：8月5日 地点：三楼会议室');
    expect(state.ledger).toEqual([]);
  });

  it('cuts the short tail after a closing rule that appeals for subscriptions or points to the archive copy', () => {
    const { text, state } = mainContent(
      `<h2>会议部署</h2>${article}<hr><p>本文转载自某某日报，仅作存档。欢迎订阅本站每周简报。</p><p><a href="https://web.archive.org/web/20210805/http://example.cn/a.html">网页存档</a></p>`,
      'markdown',
    );
    expect(text).toBe(`会议部署 ${P1} ${P2} ${P3}`);
    expect(state.ledger).toContainEqual(expect.objectContaining({ rule: 'main-content/closing', text: expect.stringContaining('欢迎订阅') }));
  });

  it('keeps what follows a rule inside the article when it is article text', () => {
    const { text } = mainContent(`<div class="content"><p>${P1}</p><hr><p>${P2}</p><p>${P3}</p></div>`);
    expect(text).toBe(`${P1} ${P2} ${P3}`);
  });

  it('removes a line of links to a web archive', () => {
    const { text } = mainContent(`${article}<p><a href="http://example.cn/a.html">原文</a> | <a href="https://archive.ph/AbCd1">存档</a></p>`, 'markdown');
    expect(text).toBe(`${P1} ${P2} ${P3}`);
  });
});

describe('main content through the pipeline', () => {
  it('reads an unknown site with no profile: headline, byline date, body, nothing else', () => {
    const result = ingest(
      `<!DOCTYPE html><html><head><title>全市疫情防控工作会议召开 - 某某新闻网</title><meta property="og:title" content="全市疫情防控工作会议召开"></head><body>
      <div class="top">2024年5月1日 星期三 <a href="/">设为首页</a></div><div class="crumbs">当前位置：<a href="/">首页</a> &gt; 本地新闻</div>
      <div class="news"><h1>全市疫情防控工作会议召开</h1><div class="meta">2021-08-05 09:30 来源：某某日报 编辑：王某</div>
      <div class="news-text">${article}</div><div class="tags">标签：<a href="/t/1">疫情防控</a></div></div>
      <div class="copyright">Copyright © 某某新闻网 版权所有</div></body></html>`,
      'content/raw/unknown.html',
    );
    expect(result.meta.title).toBe('全市疫情防控工作会议召开');
    expect(result.meta.published).toBe('2021-08-05');
    expect(result.body.split('\n')).toEqual([P1, P2, P3]);
  });
});

describe('main content without class names', { timeout: 120_000 }, () => {
  it('finds the article of every HTML capture case by its text alone, with every class and id stripped', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { scoreExtraction } = await import('../../../src/bench/extraction-score.ts');
    const cases = join(import.meta.dirname, '..', '..', 'fixtures', 'captures');
    const pages = readdirSync(cases).filter((name) => readdirSync(join(cases, name)).includes('capture.html'));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const name of pages) {
      const expected = parse(readFileSync(join(cases, name, 'expected.yaml'), 'utf8')) as { body: string; title: string };
      const html = readFileSync(join(cases, name, 'capture.html'), 'utf8').replace(/\s(?:class|id)=(?:"[^"]*"|'[^']*')/gu, '');
      const result = ingest(html, `content/raw/${name}.html`);
      const body = blocks(result.tree).filter((block) => isBody(block) || isHeading(block)).map(textOf).join('\n');
      const score = scoreExtraction(expected.body, body);
      expect({ name, recall: score.recall, precision: score.precision >= 0.95 }).toEqual({ name, recall: 1, precision: true });
    }
  });
});

describe('main-content.yaml', () => {
  it('is refused in one line naming the file and what is wrong', async () => {
    const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { DataError, loadArchiveData } = await import('../../../src/ingest/data.ts');
    const dir = mkdtempSync(join(tmpdir(), 'main-content-data-'));
    cpSync(join(import.meta.dirname, '..', '..', '..', 'content', 'data'), dir, { recursive: true });
    writeFileSync(join(dir, 'main-content.yaml'), 'content: { label: 正文, words: [content] }\nheadline: { label: 标题 }\nfurniture: nav\n');
    expect(() => loadArchiveData(dir)).toThrow(new DataError(join(dir, 'main-content.yaml'), 'furniture must be a list of hint groups'));
    writeFileSync(join(dir, 'main-content.yaml'), 'content: { label: 正文, words: content }\nheadline: { label: 标题 }\nfurniture: []\n');
    expect(() => loadArchiveData(dir)).toThrow(/main-content\.yaml: content: words must be a list of strings$/u);
    writeFileSync(join(dir, 'main-content.yaml'), 'content: [unclosed\n');
    expect(() => loadArchiveData(dir)).toThrow(/main-content\.yaml: is not valid YAML: /u);
  });
});
