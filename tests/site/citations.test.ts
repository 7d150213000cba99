import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { bibtex, chineseCitation, cslItem, cslJson, englishCitation, ris, type ArchiveName, type CitationData } from '../../src/site/research/citations.ts';

const ARCHIVE: ArchiveName = { chinese: '湘豫防疫会议档案', english: 'Hunan–Henan COVID-control meetings archive' };

// A newspaper article in the shape of the seeds (a 湖南日报 report captured from 新浪财经), its
// headline made hostile with every character BibTeX and LaTeX treat specially.
const HOSTILE_HEADLINE = '湖南调度{疫情}防控：100% & “防患未然” $5_#~^ \\input{/etc/passwd} 科学应对';
const newspaper: CitationData = {
  id: 'hunan-diaodu-yi-qing-fang-kong-gongzuo',
  headline: HOSTILE_HEADLINE,
  publisher: '湖南日报',
  site: '新浪财经',
  authors: ['冒蕞', '刘笑雪'],
  meetingDate: '2021-07-28',
  published: '2021-07-29',
  retrieved: '2024-05-17',
  originalUrl: 'https://finance.sina.com.cn/roll/2021-07-29/doc-ikqciyzk8366552.shtml?from=a&b=100%25#top',
  archiveUrl: 'https://archive.example.org/2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/',
  language: 'zh-Hans',
};
// A page on an association's site that names no publisher and records no URL.
const webpage: CitationData = {
  id: 'shengwei-lingdao-yan-du-yi-qing-fang-kong',
  headline: '省委领导严督疫情防控和安全生产',
  site: '湖南省砂石协会',
  authors: ['雷闪闪'],
  meetingDate: '2021-08-04',
  published: '2021-08-09',
  retrieved: '2024-05-17',
  archiveUrl: 'https://archive.example.org/2021/08/04/shengwei-lingdao-yan-du-yi-qing-fang-kong/',
  language: 'zh-Hans',
};

const parsed = (text: string) => {
  const items = new Cite(text).data;
  expect(items).toHaveLength(1);
  return items[0]!;
};
const nameText = (name: unknown) => {
  const { literal, family, given } = name as { literal?: string; family?: string; given?: string };
  return literal ?? `${family ?? ''}${given ?? ''}`;
};

describe('BibTeX', () => {
  it('reads back with every field, Chinese text and special character intact', () => {
    const entry = parsed(bibtex(newspaper, ARCHIVE));
    expect(entry.id).toBe(newspaper.id);
    expect(entry.title).toBe(HOSTILE_HEADLINE);
    expect((entry.author as unknown[]).map(nameText)).toEqual(['冒蕞', '刘笑雪']);
    expect(entry['container-title']).toBe('湖南日报');
    expect(entry.issued).toEqual({ 'date-parts': [[2021, 7, 29]] });
    expect(entry['event-date']).toEqual({ 'date-parts': [[2021, 7, 28]] });
    expect(entry.accessed).toEqual({ 'date-parts': [[2024, 5, 17]] });
    expect(entry.URL).toBe(newspaper.originalUrl);
    expect(entry.note).toContain(newspaper.archiveUrl);
    expect(entry.note).toContain('2021-07-28');
  });

  it('lets no LaTeX command or unbalanced brace from a headline through', () => {
    const text = bibtex(newspaper, ARCHIVE);
    expect(text).not.toContain('\\input');
    const title = /title\s*= (.*),\n/.exec(text)![1]!;
    let depth = 0;
    for (const [index, char] of [...title].entries()) {
      if (title[index - 1] === '\\') continue;
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('has the year and month BibTeX styles need beside biblatex’s dates', () => {
    const text = bibtex(newspaper, ARCHIVE);
    expect(text).toMatch(/^@article\{hunan-diaodu-yi-qing-fang-kong-gongzuo,$/m);
    expect(text).toMatch(/^ {2}year +=\s\{2021\},$/m);
    expect(text).toMatch(/^ {2}month +=\sjul,$/m);
  });

  it('cites a page without a publisher as @misc, with this archive’s URL', () => {
    const entry = parsed(bibtex(webpage, ARCHIVE));
    expect(entry.title).toBe(webpage.headline);
    expect(entry.URL).toBe(webpage.archiveUrl);
    // The capture's day is when the original was read; the archive copy has no such day.
    expect(entry.accessed).toBeUndefined();
    expect(entry.publisher ?? entry['container-title']).toBe('湖南省砂石协会');
  });
});

describe('RIS', () => {
  it('reads back with Chinese text, names, dates and URLs intact', () => {
    const text = ris(newspaper, ARCHIVE);
    const record = parsed(text);
    expect(record.type).toBe('article-newspaper');
    expect(record.title).toBe(HOSTILE_HEADLINE);
    expect(record['container-title']).toBe('湖南日报');
    // The RIS specification calls a newspaper article's AU its reporter; citation-js follows it.
    expect([record.reporter].flat()).toEqual(['冒蕞', '刘笑雪']);
    expect(record.issued).toEqual({ 'date-parts': [[2021]] });
    expect(record.accessed).toEqual({ 'date-parts': [[2024, 5, 17]] });
    expect([record.URL].flat()[0]).toBe(newspaper.originalUrl);
    expect(record.language).toBe('zh-Hans');
    expect(record.note).toContain(newspaper.archiveUrl);
    // citation-js does not read DA for newspapers; the day is there for Zotero and EndNote.
    expect(text).toContain('\r\nDA  - 2021/07/29/\r\n');
    expect(text.endsWith('ER  - \r\n')).toBe(true);
  });

  it('keeps a value that held a line break on its own line', () => {
    const record = parsed(ris({ ...newspaper, headline: '第一行\r\nER  - \n第二行' }, ARCHIVE));
    expect(record.title).toBe('第一行 ER - 第二行');
  });

  it('writes a page without a publisher as a web page', () => {
    const record = parsed(ris(webpage, ARCHIVE));
    expect(record.type).toBe('webpage');
    expect(record.title).toBe(webpage.headline);
    expect([record.URL].flat()[0]).toBe(webpage.archiveUrl);
  });
});

describe('CSL-JSON', () => {
  it('is the item citation-js reads, with the archive copy as its archive location', () => {
    const item = parsed(JSON.parse(cslJson(newspaper, ARCHIVE)));
    expect(item).toMatchObject({
      id: newspaper.id,
      type: 'article-newspaper',
      title: HOSTILE_HEADLINE,
      'container-title': '湖南日报',
      source: '新浪财经',
      author: [{ literal: '冒蕞' }, { literal: '刘笑雪' }],
      issued: { 'date-parts': [[2021, 7, 29]] },
      'event-date': { 'date-parts': [[2021, 7, 28]] },
      accessed: { 'date-parts': [[2024, 5, 17]] },
      URL: newspaper.originalUrl,
      archive: '湘豫防疫会议档案',
      archive_location: newspaper.archiveUrl,
      language: 'zh-Hans',
    });
  });

  it('drops an original URL that is not http(s)', () => {
    const item = cslItem({ ...newspaper, originalUrl: 'javascript:alert(1)' }, ARCHIVE);
    expect(item.URL).toBe(newspaper.archiveUrl);
    expect(JSON.stringify(item)).not.toContain('javascript:');
  });
});

describe('the citation a reader copies', () => {
  it('is GB/T 7714 in Chinese: authors, headline [N/OL], newspaper, dates, original URL, then the archive copy', () => {
    const text = chineseCitation({ ...newspaper, headline: '湖南调度疫情防控工作' }, ARCHIVE);
    expect(text).toBe(
      '冒蕞, 刘笑雪. 湖南调度疫情防控工作[N/OL]. 湖南日报, 2021-07-29[2024-05-17]. ' +
        `${newspaper.originalUrl}. 会议日期: 2021-07-28. 湘豫防疫会议档案存档: ${newspaper.archiveUrl}`,
    );
  });

  it('shortens more than three authors with 等 and cites a page without publisher as [EB/OL]', () => {
    const text = chineseCitation({ ...webpage, authors: ['甲', '乙', '丙', '丁'] }, ARCHIVE);
    expect(text).toBe(`甲, 乙, 丙, 等. 省委领导严督疫情防控和安全生产[EB/OL]. 湖南省砂石协会, (2021-08-09). 会议日期: 2021-08-04. 湘豫防疫会议档案存档: ${webpage.archiveUrl}`);
  });

  it('is Chicago-style in English, with the names in pinyin when given', () => {
    const text = englishCitation({ ...newspaper, headline: '湖南调度疫情防控工作' }, ARCHIVE, { authors: ['Mao Zui', 'Liu Xiaoxue'], publisher: 'Hunan Ribao' });
    expect(text).toBe(
      'Mao Zui and Liu Xiaoxue. “湖南调度疫情防控工作.” Hunan Ribao 湖南日报, July 29, 2021. Meeting of July 28, 2021. ' +
        `${newspaper.originalUrl} (retrieved May 17, 2024). Archived in Hunan–Henan COVID-control meetings archive (湘豫防疫会议档案), ${newspaper.archiveUrl}.`,
    );
  });

  it('cites an article archived without dates without inventing any', () => {
    const undated = { ...webpage, published: undefined, meetingDate: undefined, retrieved: undefined };
    expect(chineseCitation(undated, ARCHIVE)).toBe(`雷闪闪. 省委领导严督疫情防控和安全生产[EB/OL]. 湖南省砂石协会. 湘豫防疫会议档案存档: ${webpage.archiveUrl}`);
    expect(bibtex(undated, ARCHIVE)).not.toMatch(/^ {2}(year|month|date|eventdate|urldate) /m);
    expect(ris(undated, ARCHIVE)).not.toMatch(/^(PY|DA|Y2) {2}- /m);
    expect(parsed(bibtex(undated, ARCHIVE)).issued).toBeUndefined();
  });

  it('refuses to cite without an absolute archive URL', () => {
    expect(() => chineseCitation({ ...newspaper, archiveUrl: '/2021/07/28/x/' }, ARCHIVE)).toThrow(/archiveUrl must be an absolute http\(s\) URL/);
  });
});
