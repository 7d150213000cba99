import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { isCaptureSource, loadOfficials, readOfficials, type Official } from '../../src/contract.ts';
import { meetingsByRole, periodText, roleOn, roleTimeline } from '../../src/site/research/official-roles.ts';

const FILE = 'content/data/officials.yaml';
const officials = loadOfficials(FILE);
const person = (name: string): Official => {
  const found = officials.find((official) => official.name === name);
  if (!found) throw new Error(`${name} is not in ${FILE}`);
  return found;
};

describe('officials.yaml: roles at the time', () => {
  it('gives the post each leader held on the day of a meeting', () => {
    expect(roleOn(person('许达哲'), '2020-02-15')?.title).toBe('湖南省委副书记、省长');
    expect(roleOn(person('许达哲'), '2021-07-28')?.title).toBe('湖南省委书记、省人大常委会主任');
    expect(roleOn(person('杜家毫'), '2020-02-14')?.title).toBe('湖南省委书记');
    expect(roleOn(person('毛伟明'), '2021-08-04')?.title).toBe('湖南省委副书记、省长');
    expect(roleOn(person('楼阳生'), '2021-12-11')?.title).toBe('河南省委书记');
    expect(roleOn(person('王凯'), '2021-12-11')?.title).toBe('河南省长');
  });

  it('claims no role where the record does not say: after a post was left, before it was taken, in the month it changed hands', () => {
    expect(roleOn(person('杜家毫'), '2021-07-28')).toBeUndefined();
    expect(roleOn(person('楼阳生'), '2021-02-10')).toBeUndefined();
    expect(roleOn(person('许达哲'), '2020-10-20')).toBeUndefined();
    expect(roleOn(person('许达哲'), '2020-09-30')?.title).toBe('湖南省委副书记、省长');
  });

  it('lists a person’s posts in the order they were held', () => {
    const timeline = roleTimeline(person('许达哲'));
    expect(timeline.map((entry) => entry.role.title)).toEqual(['湖南省委副书记、省长', '湖南省委书记', '湖南省委书记、省人大常委会主任']);
    expect(timeline.map((entry) => periodText(entry, 'zh'))).toEqual(['2016年9月—2020年10月', '2020年10月—2021年1月', '2021年1月—2021年10月']);
    // Between the months the posts changed hands, the data is certain of the one in between.
    expect(roleOn(person('许达哲'), '2020-12-01')?.title).toBe('湖南省委书记');
    expect(roleOn(person('许达哲'), '2020-10-15')).toBeUndefined();
    expect(periodText(timeline[0]!, 'en')).toBe('Sep 2016 – Oct 2020');
  });

  it('holds, for every role, where it was read; every quoted capture exists and has those words', () => {
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    let quotes = 0;
    for (const official of officials) {
      for (const role of official.roles) {
        expect(role.sources.length, `${official.name}: ${role.title}`).toBeGreaterThan(0);
        for (const source of role.sources.filter(isCaptureSource)) {
          expect(existsSync(source.capture), source.capture).toBe(true);
          expect(readFileSync(source.capture, 'utf8').includes(source.words), `${source.capture} has ${source.words}`).toBe(true);
          expect(toSimplified(source.words), source.words).toContain(official.name);
          quotes += 1;
        }
      }
    }
    expect(quotes).toBeGreaterThanOrEqual(officials.length);
  });

  it('marks every public record written from memory as such', () => {
    const records = officials.flatMap((official) => official.roles.flatMap((role) => role.sources.filter((source) => !isCaptureSource(source))));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(record).toHaveProperty('checked');
  });
});

describe('dated roles on hand-built data', () => {
  const official: Official = readOfficials(
    [
      {
        name: '甲某',
        province: '湖南',
        roles: [
          { title: '某省委书记', since: '2020-10', sources: [{ capture: 'content/raw/a.txt', day: '2021-03-02', words: '省委书记甲某' }] },
          { title: '某省长', since: '2016-09-12', until: '2020-10', sources: [{ record: '任命消息（2016年9月12日）', checked: 'not re-checked from this machine' }] },
          { title: '某市委书记', sources: [{ capture: 'content/raw/b.txt', day: '2015-05-01', words: '市委书记甲某' }] },
        ],
      },
    ],
    'officials.yaml',
  )[0]!;

  it('is certain from the day after a month-precise start and up to a capture that attests the post', () => {
    expect(roleOn(official, '2020-10-31')?.title).toBe('某省委书记');
    expect(roleOn(official, '2020-10-30')).toBeUndefined();
    expect(roleOn(official, '2021-03-02')?.title).toBe('某省委书记');
    // Nothing says the post was still held after the last capture that names it.
    expect(roleOn(official, '2021-03-03')).toBeUndefined();
    expect(roleOn(official, '2016-09-12')?.title).toBe('某省长');
    expect(roleOn(official, '2016-09-11')).toBeUndefined();
  });

  it('knows a post with no dates only on the day a capture names it', () => {
    expect(roleOn(official, '2015-05-01')?.title).toBe('某市委书记');
    expect(roleOn(official, '2015-05-02')).toBeUndefined();
    const attested = roleTimeline(official)[0]!;
    expect(periodText(attested, 'zh')).toBe('报道所见：2015年5月1日');
    expect(periodText(attested, 'en')).toBe('reported 1 May 2015');
  });

  it('groups a person’s meetings under the role held on each day, in the order of the posts', () => {
    const meetings = [
      { date: '2021-03-02', slug: 'c' },
      { date: '2018-01-05', slug: 'b' },
      { date: '2020-10-15', slug: 'd' },
      { date: '2017-06-01', slug: 'a' },
    ];
    const groups = meetingsByRole(official, meetings);
    expect(groups.map((group) => [group.role?.title ?? null, group.meetings.map((meeting) => meeting.slug)])).toEqual([
      ['某省长', ['a', 'b']],
      ['某省委书记', ['c']],
      [null, ['d']],
    ]);
  });
});
