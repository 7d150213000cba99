import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../src/ingest/blocks.ts';
import { bylineLines } from '../../../src/ingest/steps/byline.ts';
import { emptyPageHead, pageHead } from '../../../src/ingest/steps/page-head.ts';
import { lineDates, readPublicationDate, scriptDate } from '../../../src/ingest/steps/publication-date.ts';
import type { IngestState } from '../../../src/ingest/types.ts';
import { isDay } from '../../../src/ingest/dates.ts';
import { archiveData, captureState, ingest } from '../helpers.ts';

const vocabulary = archiveData().dates;
const dayOf = (line: string) => lineDates(line, vocabulary, 'Asia/Shanghai', false).map((reading) => (isDay(reading) ? reading.day : reading.problem));

/** Runs the step alone on blocks (text lines) and a state made for the test. */
function publication(lines: string[], state: Partial<IngestState> = {}) {
  const tree: Root = { type: 'root', children: lines.map((line) => paragraph(line)) };
  const full = captureState(state);
  unified().use(readPublicationDate, archiveData()).runSync(tree, new VFile({ data: { ingest: full } }));
  return full;
}

const BODY = '8月9日，省委书记许达哲主持召开会议，研究部署全省疫情防控工作，强调要抓早抓小、防患未然。';

describe('byline lines', () => {
  it('reads the date after a byline marker, alone or inside a longer line', () => {
    expect(dayOf('发布时间：2020年03月09日 10:30')).toEqual(['2020-03-09']);
    expect(dayOf('来源：本站     时间：2021-12-13     点击数：7573')).toEqual(['2021-12-13']);
    expect(dayOf('作者：张三  发布日期：2021-08-09  浏览：123')).toEqual(['2021-08-09']);
    expect(dayOf('2021-12-13 09:41    来源：新华网')).toEqual(['2021-12-13']);
    expect(dayOf('2021/8/9 16:17')).toEqual(['2021-08-09']);
    expect(dayOf('2021-08-09')).toEqual(['2021-08-09']);
  });

  it('never takes the page chrome’s date of the day the page was viewed', () => {
    expect(dayOf('今天是：2024年5月17日 星期五')).toEqual([]);
    expect(dayOf('湖南省砂石协会欢迎您!   今天是:2024年5月17日  星期五')).toEqual([]);
    expect(dayOf('2024年3月2日 星期六')).toEqual([]);
  });

  it('takes at the foot of a page only strong markers, not the time of a meeting', () => {
    expect(lineDates('发布日期：2021-08-09', vocabulary, 'Asia/Shanghai', true)).toHaveLength(1);
    expect(lineDates('时间：2021年8月10日上午9:00', vocabulary, 'Asia/Shanghai', true)).toHaveLength(0);
  });

  it('takes at the foot a date alone on its line, with or without its weekday: the day a release was signed', () => {
    const foot = (line: string) => lineDates(line, vocabulary, 'Asia/Shanghai', true).map((reading) => (isDay(reading) ? reading.day : reading.problem));
    expect(foot('2022年3月2日（星期三）')).toEqual(['2022-03-02']);
    expect(foot('2022年3月2日')).toEqual(['2022-03-02']);
    expect(foot('会议定于2022年3月10日召开')).toEqual([]);
    expect(foot('2022年3月2日 多云')).toEqual([]);
  });

  it('dates a press release by its signature, and removes the signature, its time and its end mark from the text', () => {
    const body = '政府发言人今日（三月二日）表示，鉴于第五波疫情仍然严峻，政府决定延长现行的社交距离措施。发言人呼吁市民尽量留在家中。';
    const result = ingest(`<html><body><h1>政府公布加强防疫措施</h1><div><p>${body}</p><p>${body}</p><p>完</p><p>2022年3月2日（星期三）</p><p>香港时间23时55分</p></div></body></html>`, 'content/raw/release.html');
    expect(result.meta.published).toBe('2022-03-02');
    expect(result.meta.date).toBe('2022-03-02');
    expect(result.body).not.toMatch(/完|星期三|23时55分/u);
    expect(result.body).toContain('发言人呼吁市民尽量留在家中。');
  });

  it('finds the lines under an HTML page’s headline, past a logo <h1>', () => {
    const html = `<html><head><title>我市召开疫情防控工作调度会_某市人民政府</title><meta property="og:title" content="我市召开疫情防控工作调度会"></head><body>
      <h1 class="logo"><img alt="某市人民政府">某市人民政府</h1><ul><li>首页</li><li>政务公开</li></ul>
      <div class="article"><h2 class="title">我市召开疫情防控工作调度会</h2>
      <div class="info"><span>发布时间：2022-01-06 18:32</span> <span>来源：洛阳日报</span></div>
      <div id="zoom"><p>${BODY}</p></div></div></body></html>`;
    const tree = unified().use(rehypeParse).parse(html);
    expect(bylineLines(tree, pageHead(tree))).toEqual(['发布时间：2022-01-06 18:32 来源：洛阳日报']);
  });
});

describe('page scripts', () => {
  it('reads a timestamp kept under a known name, as text or seconds since 1970', () => {
    expect(scriptDate(['var publishTime = "2021-12-13 09:41:00";'], vocabulary, 'Asia/Shanghai')).toMatchObject({ day: '2021-12-13' });
    expect(scriptDate(['window.DATA = {"pubDate": 1639359660, "title": "x"};'], vocabulary, 'Asia/Shanghai')).toMatchObject({ day: '2021-12-13' });
    expect(scriptDate(['var updateTime = "2021-12-13";'], vocabulary, 'Asia/Shanghai')).toBeUndefined();
    // A WeChat article page: the time is only in its script, in Unix seconds (2021-12-25 01:00 in Beijing).
    expect(scriptDate(['var nickname = htmlDecode("西安发布");\nvar ct = "1640365200";'], vocabulary, 'Asia/Shanghai')).toMatchObject({ day: '2021-12-25' });
    expect(scriptDate(['var create_time = "2021-12-24 17:00:00";'], vocabulary, 'Asia/Shanghai')).toMatchObject({ day: '2021-12-24' });
  });
});

describe('the publication day', () => {
  it('prefers the visible byline to the meta tags, JSON-LD and scripts, and says when they disagree', () => {
    const page = { ...emptyPageHead(), meta: [{ name: 'pubdate', content: '2021-12-12' }], jsonLd: [{ datePublished: '2021-12-11T02:00:00Z' }], scripts: ['var pubtime="2021-12-10"'] };
    const state = publication(['省委召开会议', '发布时间：2021-12-13 09:41', BODY], { page });
    expect(state.hints.publication).toMatchObject({ day: '2021-12-13', source: 'byline' });
    expect(state.fidelity.join('\n')).toContain('页面元数据为 2021-12-12');
  });

  it('falls back from meta tags to JSON-LD to scripts, in that order', () => {
    const meta = { ...emptyPageHead(), meta: [{ name: 'article:published_time', content: '2021-08-07T16:30:00Z' }], jsonLd: [{ datePublished: '2021-08-01' }] };
    expect(publication(['省委召开会议', BODY], { page: meta }).hints.publication).toMatchObject({ day: '2021-08-08', source: 'meta' });
    const jsonLd = { ...emptyPageHead(), jsonLd: [{ '@type': 'NewsArticle', datePublished: '2021-08-07T15:00:00Z' }], scripts: ['var pubtime="2021-08-01"'] };
    expect(publication(['省委召开会议', BODY], { page: jsonLd }).hints.publication).toMatchObject({ day: '2021-08-07', source: 'json-ld' });
    const script = { ...emptyPageHead(), scripts: ['var pubtime="2021-08-01 08:00"'] };
    expect(publication(['省委召开会议', BODY], { page: script }).hints.publication).toMatchObject({ day: '2021-08-01', source: 'script' });
  });

  it('dates an instant of a Hong Kong outlet in Hong Kong time', () => {
    const page = { ...emptyPageHead(), lang: 'zh-HK', meta: [{ name: 'article:published_time', content: '2022-02-20T16:10:00Z' }] };
    expect(publication(['政府公布防疫措施', BODY], { page }).hints.publication?.day).toBe('2022-02-21');
  });

  it('takes no date from a page that gives none', () => {
    expect(publication(['省委召开会议', BODY]).hints.publication).toBeUndefined();
  });
});

describe('impossible dates (issue 15)', () => {
  const post = (date: string, body = `<p>${BODY}</p><p>会议强调，要压紧压实责任。</p>`) => ingest(`---\ntitle: 省委召开会议\ndate: ${date}\n---\n${body}\n`, 'content/raw/post.md');

  it('reports a front-matter day that does not exist, instead of moving it to another day', () => {
    const result = post('2021-02-30');
    expect(result.meta.published).toBeUndefined();
    expect(result.meta.date).not.toBe('2021-03-02');
    expect(result.state.fidelity.join('\n')).toMatch(/2021-02-30/);
    expect(result.warnings.join('\n')).toMatch(/2021-02-30 is not a day of the calendar/);
  });

  it('keeps a two-digit year from becoming 1999, and a five-digit year from reaching the site', () => {
    for (const date of ['0099-01-01', '20211-01-01', '275760-09-14']) {
      const result = post(date);
      expect(result.meta.published).toBeUndefined();
      expect(result.meta.date).toBeUndefined();
      expect(result.warnings).toHaveLength(1);
    }
  });

  it('uses the capture’s other date when it has one, and says so', () => {
    const result = post('2021-02-30', `<p>发布时间：2021-02-26 10:00</p><p>${BODY}</p>`);
    expect(result.meta.published).toBe('2021-02-26');
    expect(result.state.fidelity.join('\n')).toContain('采用署名行的 2021-02-26');
  });

  it('writes only real calendar days, whatever the front matter says', () => {
    for (const date of ['2021-02-29', '2021-13-01', '2021-04-31T10:00:00Z', '1899-12-31', '9999-99-99']) {
      const { meta } = post(date);
      for (const day of [meta.published, meta.date]) {
        if (day === undefined) continue;
        expect(day).toMatch(/^(199\d|20\d\d)-\d\d-\d\d$/);
        expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
      }
    }
  });
});

describe('the audit report of a front-matter date', () => {
  it('quotes the date as the post wrote it, not as a parser moved it', () => {
    const result = ingest('---\ntitle: 省委召开会议\ndate: 2021-02-30\n---\n<p>8月9日，省委书记许达哲主持召开会议，研究部署全省疫情防控工作。</p>\n', 'content/raw/post.md');
    const entry = result.state.ledger.find((item) => item.step === 'front-matter' && item.text?.startsWith('date:'));
    expect(entry?.text).toBe('date: 2021-02-30');
  });
});
