import { describe, expect, it } from 'vitest';
import { creditFields, creditRule, readChromeCredits, readCreditLine } from '../../src/ingest/credits.ts';
import { archiveData, ingest } from './helpers.ts';

const labels = archiveData().credits;
const fields = (line: string) => {
  const parts = readCreditLine(line, labels);
  return parts ? creditFields(parts) : undefined;
};

const BODY = '8月4日上午，省委书记许达哲主持召开会议，部署全省疫情防控工作。他强调，要进一步从严从快抓好各项防控工作。';

describe('credit lines', () => {
  it('reads one credit, with a colon, a pipe, a space, or spaces inside its label', () => {
    expect(fields('来源：湖南日报')).toEqual({ publisher: '湖南日报' });
    expect(fields('来源 | 西安日报')).toEqual({ publisher: '西安日报' });
    expect(fields('记者 陈家豪')).toEqual({ authors: '陈家豪' });
    expect(fields('文     字:雷闪闪')).toEqual({ authors: '雷闪闪' });
    expect(fields('责任编辑王珊珊')).toEqual({ editors: '王珊珊' });
  });

  it('ends each value where the next label begins, spaced or glued', () => {
    expect(fields('记者 王佳编辑：李晓')).toEqual({ authors: '王佳', editors: '李晓' });
    expect(fields('来源：成都日报 阅读：0')).toEqual({ publisher: '成都日报' });
    expect(fields('作者 快讯编辑部 分类 城市')).toEqual({ authors: '快讯编辑部' });
    expect(fields('记者 张三 李四 通讯员 王五')).toEqual({ authors: '张三 李四 王五' });
    expect(fields('来源：湖南日报 红网')).toEqual({ publisher: '湖南日报 红网' });
  });

  it('reads the credits of a byline that gives its date and time first, spaced or glued to them', () => {
    const chrome = (line: string) => {
      const parts = readChromeCredits(line, labels);
      return parts ? creditFields(parts) : undefined;
    };
    expect(chrome('2022-04-10 20:15  来源：澎湃新闻  责任编辑：王佳')).toEqual({ publisher: '澎湃新闻', editors: '王佳' });
    expect(chrome('上观新闻 2022-04-10 20:15来源：澎湃新闻')).toEqual({ publisher: '澎湃新闻' });
    expect(chrome('来源：湖南日报')).toEqual({ publisher: '湖南日报' });
    // A label needs its separator here: 2022-04-10 记者节 names no one.
    expect(chrome('2022-04-10 记者节')).toBeUndefined();
    expect(chrome('2022-04-10 20:15')).toBeUndefined();
  });

  it('moves a byline’s source into the front matter when the date comes first on its line', () => {
    const page = `<html><head><title>会议召开</title></head><body><h1>省委召开疫情防控工作会议</h1><div><span>2021-08-04 10:20</span><span>来源：湖南日报</span></div><div><p>${BODY}</p><p>${BODY}</p></div></body></html>`;
    const result = ingest(page, 'content/raw/byline-source.html');
    expect(result.meta.publisher).toBe('湖南日报');
    expect(result.body).not.toContain('来源');
  });

  it('is not a line of prose, a heading that begins with a label, or a line without a credit', () => {
    expect(readCreditLine('记者从市卫健委获悉，全市新增确诊病例3例。', labels)).toBeUndefined();
    expect(readCreditLine('编辑推荐', labels)).toBeUndefined();
    expect(readCreditLine('记者手记', labels)).toBeUndefined();
    expect(readCreditLine('文明城市创建', labels)).toBeUndefined();
    expect(readCreditLine('时间：2022年10月8日上午9:00', labels)).toBeUndefined();
    expect(readCreditLine('会议强调 来源：湖南日报', labels)).toBeUndefined();
  });

  it('is recorded under its credit’s rule, or as a line of several', () => {
    expect(creditRule(readCreditLine('来源：湖南日报', labels)!).id).toBe('credits/source');
    expect(creditRule(readCreditLine('记者 王佳编辑：李晓', labels)!).id).toBe('credits/line');
  });

  it('moves every credit of a line into the front matter and takes the line out of the article', () => {
    const result = ingest(['会议部署疫情防控工作', '记者 王佳编辑：李晓', BODY, '来源：成都日报 阅读：0'].join('\n'));
    expect(result.meta).toMatchObject({ authors: ['王佳'], editors: ['李晓'], publisher: '成都日报' });
    expect(result.body).toBe(BODY);
    expect(result.state.ledger.filter((entry) => entry.step === 'furniture').map((entry) => entry.text)).toEqual(['记者 王佳编辑：李晓', '来源：成都日报 阅读：0']);
  });

  it('reads the credits of a line of chrome that a rule removes', () => {
    const result = ingest(['会议部署疫情防控工作', '发布时间：2022-01-06 18:32 来源：洛阳日报 浏览次数：2381', BODY].join('\n'));
    expect(result.meta).toMatchObject({ publisher: '洛阳日报', published: '2022-01-06' });
    expect(result.body).toBe(BODY);
  });
});
