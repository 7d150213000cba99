import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { parse } from 'csv-parse/sync';
import { readArticleFrontMatter, type ArticleFrontMatter } from '../../src/contract.ts';
import { archiveCsv, CSV_COLUMNS } from '../../src/site/research/archive-csv.ts';

const article = (overrides: Partial<ArticleFrontMatter>): ArticleFrontMatter => ({
  title: '湖南调度疫情防控工作：防患未然 科学应对',
  originalTitle: '许达哲主持召开会议检查调度疫情防控工作',
  date: '2021-07-28',
  published: '2021-07-29',
  province: '湖南',
  people: ['许达哲', '张剑飞'],
  places: ['常德', '武陵区'],
  meetingType: ['调度会议'],
  publisher: '湖南日报',
  site: '新浪财经',
  dateline: '湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）',
  authors: ['冒蕞', '刘笑雪'],
  editors: ['王珊珊'],
  slug: 'hunan-diaodu-yi-qing-fang-kong-gongzuo',
  raw: 'content/raw/000_f95efc7f774b1d36.txt',
  rawSha256: 'b78ec79dde52bc9ba46dcb24c4f15faf67871ae0d8e1db0e01c847f339bed7c7',
  encoding: 'utf-8',
  originalScript: 'zh-Hans',
  captures: [{ raw: 'content/raw/000_f95efc7f774b1d36.txt', rawSha256: 'b78ec79dde52bc9ba46dcb24c4f15faf67871ae0d8e1db0e01c847f339bed7c7', encoding: 'utf-8' }],
  report: 'content/reports/hunan-diaodu-yi-qing-fang-kong-gongzuo.json',
  fidelity: ['删除了 2 处页面杂项，逐条记录见整理记录。', '原标题、来源、编辑从正文移入元数据。'],
  ...overrides,
});

const rows = (csv: string) => parse(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];

describe('the archive as CSV', () => {
  const first = { frontMatter: article({}), url: 'https://archive.example.org/2021/07/28/hunan-diaodu-yi-qing-fang-kong-gongzuo/' };
  const tricky = {
    frontMatter: article({
      slug: 'tricky',
      title: '标题里有逗号,引号"和\n换行',
      subtitle: '=HYPERLINK("https://evil.example","点击")',
      people: ['+许达哲', '王凯'],
      dateline: '＠湖南日报',
      sourceUrl: 'https://example.org/a?b=1,2',
    }),
    url: 'https://archive.example.org/2021/07/28/tricky/',
  };
  const csv = archiveCsv([first, tricky]);

  it('starts with a UTF-8 byte-order mark so that Excel reads the Chinese, and ends records with CRLF', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.map((column) => column.name).join(',')}`);
  });

  it('has one row per article with its front-matter fields, read back by a CSV parser', () => {
    const [row] = rows(csv);
    expect(row).toMatchObject({
      url: first.url,
      title: '湖南调度疫情防控工作：防患未然 科学应对',
      originalTitle: '许达哲主持召开会议检查调度疫情防控工作',
      subtitle: '',
      date: '2021-07-28',
      published: '2021-07-29',
      province: '湖南',
      people: '许达哲\n张剑飞',
      dateline: '湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）',
      rawSha256: 'b78ec79dde52bc9ba46dcb24c4f15faf67871ae0d8e1db0e01c847f339bed7c7',
      captures: 'content/raw/000_f95efc7f774b1d36.txt',
      fidelity: '删除了 2 处页面杂项，逐条记录见整理记录。\n原标题、来源、编辑从正文移入元数据。',
    });
    expect(Object.keys(row!)).toEqual(CSV_COLUMNS.map((column) => column.name));
  });

  it('quotes commas, quotes and line breaks so that they survive', () => {
    const row = rows(csv)[1]!;
    expect(row.title).toBe('标题里有逗号,引号"和\n换行');
    expect(row.sourceUrl).toBe('https://example.org/a?b=1,2');
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    const row = rows(csv)[1]!;
    expect(row.subtitle).toBe(`'=HYPERLINK("https://evil.example","点击")`);
    expect(row.people).toBe("'+许达哲\n王凯");
    expect(row.dateline).toBe("'＠湖南日报");
  });
});

describe('the seed articles as CSV', () => {
  it('has a row for each article with the fields its front matter holds', () => {
    const files = readdirSync('content/articles').filter((name) => name.endsWith('.md')).sort();
    const articles = files.map((name) => {
      const frontMatter = readArticleFrontMatter(matter(readFileSync(`content/articles/${name}`, 'utf8')).data, name);
      return { frontMatter, url: `https://archive.example.org/${(frontMatter.date ?? "undated").replaceAll('-', '/')}/${frontMatter.slug}/` };
    });
    const read = rows(archiveCsv(articles));
    expect(read).toHaveLength(files.length);
    for (const [index, { frontMatter }] of articles.entries()) {
      const row = read[index]!;
      expect(row.title).toBe(frontMatter.title);
      expect(row.people!.split('\n').filter(Boolean)).toEqual(frontMatter.people);
      expect(row.rawSha256).toBe(frontMatter.rawSha256);
      expect(row.fidelity!.split('\n')).toEqual(frontMatter.fidelity);
    }
  });
});
