import { describe, expect, it } from 'vitest';
import { calendarDay, findDates, isDay, localDay, readDateValue, weekdayOf } from '../../src/ingest/dates.ts';
import { eventDay } from '../../src/ingest/event-date.ts';
import { archiveData } from './helpers.ts';

const years = { earliest: 1990, latest: 2099 };
const days = (text: string, zone = 'Asia/Shanghai') => findDates(text, zone, years).map((reading) => (isDay(reading) ? reading.day : reading.problem));

describe('reading dates', () => {
  it('reads every way Chinese pages write a day', () => {
    expect(days('2021-12-13 09:41    来源：新华网')).toEqual(['2021-12-13']);
    expect(days('发布时间：2020年03月09日 10:30')).toEqual(['2020-03-09']);
    expect(days('2021/8/9 16:17')).toEqual(['2021-08-09']);
    expect(days('日期：2021.08.09')).toEqual(['2021-08-09']);
    expect(days('二〇二一年十二月十三日')).toEqual(['2021-12-13']);
    expect(days('２０２１年８月９日')).toEqual(['2021-08-09']);
    expect(days('Thu, 29 Jul 2021 08:06:09 GMT')).toEqual(['2021-07-29']);
  });

  it('dates an instant on the outlet’s local day, and a time without a zone as written', () => {
    expect(days('2021-08-07T16:30:00Z')).toEqual(['2021-08-08']);
    expect(days('2021-08-07 16:30:00 +0000')).toEqual(['2021-08-08']);
    expect(days('2021-08-07T16:30:00Z', 'Asia/Hong_Kong')).toEqual(['2021-08-08']);
    expect(days('2021-08-07T15:59:00Z', 'Asia/Taipei')).toEqual(['2021-08-07']);
    expect(days('2021-08-07T23:30:00')).toEqual(['2021-08-07']);
    expect(days('2021-08-08T01:30:00+08:00')).toEqual(['2021-08-08']);
    // Beijing kept summer time (UTC+9) in 1988: 15:30 UTC on 1 June was 00:30 on the 2nd there.
    expect(localDay(Date.UTC(1988, 5, 1, 15, 30), 'Asia/Shanghai', { earliest: 1980, latest: 2099 })).toEqual({ day: '1988-06-02' });
  });

  it('never turns an impossible date into another day', () => {
    expect(days('2021-02-30')[0]).toMatch(/not a day of the calendar/);
    expect(days('0099-01-01')[0]).toMatch(/outside 1990–2099/);
    expect(days('20211-01-01')[0]).toMatch(/outside 1990–2099/);
    expect(readDateValue('275760-09-14T00:00:00Z', 'Asia/Shanghai', years)).toMatchObject({ problem: expect.stringMatching(/outside/) });
    expect(calendarDay(2020, 2, 29, years)).toEqual({ day: '2020-02-29' });
    expect(calendarDay(2021, 2, 29, years)).toMatchObject({ problem: expect.any(String) });
  });

  it('reads timestamps of seconds or milliseconds, and Dates a YAML parser made', () => {
    expect(readDateValue('1628440200', 'Asia/Shanghai', years)).toMatchObject({ day: '2021-08-09' });
    expect(readDateValue(1628440200000, 'Asia/Shanghai', years)).toMatchObject({ day: '2021-08-09' });
    expect(readDateValue(new Date(Date.UTC(2021, 7, 9)), 'Asia/Shanghai', years)).toMatchObject({ day: '2021-08-09' });
    expect(readDateValue(new Date('2021-08-08T16:30:00Z'), 'Asia/Shanghai', years)).toMatchObject({ day: '2021-08-09' });
    expect(readDateValue('栏目：要闻', 'Asia/Shanghai', years)).toBeUndefined();
  });

  it('counts weeks from Monday', () => {
    expect(weekdayOf('2021-08-09')).toBe(0);
    expect(weekdayOf('2021-08-08')).toBe(6);
    expect(localDay(Date.UTC(2021, 11, 31, 16, 0), 'Asia/Shanghai', years)).toEqual({ day: '2022-01-01' });
  });
});

describe('the day of the event', () => {
  const vocabulary = archiveData().dates;
  const day = (input: Parameters<typeof eventDay>[0]) => eventDay(input, vocabulary).day;

  it('is the day the headline names', () => {
    expect(day({ title: '8月8日南京市新增本土确诊病例', leads: ['记者从南京市新闻办获悉，全市加强防控。'], published: '2021-08-09' })).toBe('2021-08-08');
  });

  it('is the day the lead opens with, not a date further on', () => {
    const lead = '12月11日晚，省委书记楼阳生主持召开专题会议，传达学习12月8日国务院联防联控机制会议精神。';
    expect(day({ title: '省委召开专题会议', leads: [lead], published: '2021-12-13' })).toBe('2021-12-11');
    expect(day({ title: '会议召开', leads: ['记者12月11日从省卫健委获悉，全省疫情形势总体平稳。'], published: '2021-12-13' })).toBe('2021-12-11');
    const passing = '省委常委会召开会议，传达学习12月8日国务院联防联控机制会议精神，研究部署全省疫情防控工作。';
    expect(day({ title: '省委常委会召开会议', leads: [passing], published: '2021-12-13' })).toBe('2021-12-13');
  });

  it('does not take the edge of a period for the day', () => {
    const lead = '自7月20日以来，全市累计报告本土确诊病例235例，目前疫情形势总体可控。';
    expect(day({ title: '疫情形势通报', leads: [lead], published: '2021-08-09' })).toBe('2021-08-09');
    expect(day({ title: '通报', leads: ['截至8月8日24时，全省累计报告确诊病例82例。'], published: '2021-08-09' })).toBe('2021-08-09');
  });

  it('counts relative days and weekdays from the dateline, or from publication', () => {
    expect(day({ leads: ['今天下午，省委召开会议。'], published: '2021-07-29', dateline: { month: 7, day: 28 } })).toBe('2021-07-28');
    expect(day({ leads: ['昨天，省委书记率队督导检查疫情防控工作。'], published: '2020-02-16', dateline: { month: 2, day: 15 } })).toBe('2020-02-14');
    expect(day({ leads: ['前天上午，全市召开调度会，部署核酸检测工作。'], published: '2021-08-09' })).toBe('2021-08-07');
    // 2021-08-12 is a Thursday.
    expect(day({ leads: ['周一下午，市委召开疫情防控工作会议，部署下一步工作。'], published: '2021-08-12' })).toBe('2021-08-09');
    expect(day({ leads: ['星期四上午，市委召开疫情防控工作会议，部署下一步工作。'], published: '2021-08-12' })).toBe('2021-08-12');
    expect(day({ leads: ['上周五，市委召开疫情防控工作会议，部署下一步工作。'], published: '2021-08-12' })).toBe('2021-08-06');
    expect(day({ leads: ['市民每周一次核酸检测，周一至周五开放采样点，方便群众。'], published: '2021-08-12' })).toBe('2021-08-12');
  });

  it('puts a month and day after the publication day in the year before', () => {
    expect(day({ leads: ['12月30日，省委书记楼阳生主持召开专题会议，安排部署常态化疫情防控工作。'], published: '2022-01-05' })).toBe('2021-12-30');
  });

  it('reads a day without its month in the month of publication, or the one before, when the act follows it', () => {
    expect(day({ leads: ['中国大陆上海市27日晚间召开疫情防控工作会议，宣布以黄浦江为界分区封控。'], published: '2022-03-28' })).toBe('2022-03-27');
    expect(day({ leads: ['（中央社记者林怡君台北30日电）指挥中心宣布提升疫情警戒。'], published: '2021-06-01' })).toBe('2021-05-30');
    expect(day({ leads: ['市政府17日表示，将进一步扩大检测范围，加快疫苗接种。'], published: '2022-02-18' })).toBe('2022-02-17');
    // A count of days, or the edge of a period, is no day of the act.
    expect(day({ leads: ['全市连续14日无新增本土病例，疫情形势持续向好。'], published: '2022-02-18' })).toBe('2022-02-18');
    expect(day({ leads: ['入境人员须隔离14日，期满后进行核酸检测。'], published: '2022-02-18' })).toBe('2022-02-18');
    expect(day({ leads: ['浦东、浦南自28日凌晨起先行封控，市民须足不出户。'], published: '2022-03-28' })).toBe('2022-03-28');
  });

  it('gives no day when the capture has no publication day and the text names no year', () => {
    expect(day({ leads: ['12月30日，省委书记楼阳生主持召开专题会议。'] })).toBeUndefined();
    expect(day({ leads: ['2021年12月30日，省委书记楼阳生主持召开专题会议。'] })).toBe('2021-12-30');
  });
});
