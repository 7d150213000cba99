import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/ingest/fields.ts';
import { mentioned } from '../../../src/ingest/steps/metadata.ts';
import { ingest } from '../helpers.ts';

describe('dates', () => {
  it('reads the ways captures write dates, and instants in Beijing time', () => {
    expect(isoDay('2021-12-13')).toBe('2021-12-13');
    expect(isoDay('2021/8/9')).toBe('2021-08-09');
    expect(isoDay('2025年5月29日')).toBe('2025-05-29');
    expect(isoDay('Thu, 29 Jul 2021 08:06:09 GMT')).toBe('2021-07-29');
    expect(isoDay('Wed, 28 Jul 2021 17:30:00 GMT')).toBe('2021-07-29');
    expect(isoDay('2021-02-30')).toBeUndefined();
  });

  it('dates the meeting from 昨天 counted back from the dateline', () => {
    const result = ingest('督导检查疫情防控工作\n发布时间:2020-02-16\n\n红网时刻2月15日讯（记者 贺佳）按照省委统一部署，省委书记杜家毫昨天率队赴株洲市督导检查疫情防控工作。\n');
    expect(result.meta.date).toBe('2020-02-14');
  });

  it('puts a month and day after the publication day in the year before', () => {
    const result = ingest('专题会议召开\n时间:2022-01-05\n\n12月30日，省委书记楼阳生主持召开专题会议，安排部署常态化疫情防控工作。\n');
    expect(result.meta.date).toBe('2021-12-30');
  });
});

describe('mentioned', () => {
  const places = [
    { name: '湘西', aliases: ['湘西土家族苗族自治州', '湘西州'], boundary: false },
    { name: '岳阳', aliases: [], boundary: false },
    { name: '岳阳楼区', aliases: [], boundary: false },
  ];

  it('reads the longest name once, in the order of first mention', () => {
    expect(mentioned('岳阳楼区和湘西土家族苗族自治州，以及湘西州', places)).toEqual(['岳阳楼区', '湘西']);
  });

  it('counts a name that is also a word only inside a list of names', () => {
    const people = [{ name: '龙腾', aliases: [], boundary: true }];
    expect(mentioned('一派龙腾虎跃的景象', people)).toEqual([]);
    expect(mentioned('何洪涛、龙腾、郭辉等', people)).toEqual(['龙腾']);
  });
});

describe('meeting types', () => {
  const typesOf = (title: string) => ingest(`${title}\n时间:2022-04-11\n\n4月10日下午，市委书记主持召开会议，研究部署疫情防控工作。会议强调，要抓好各项措施落实。\n`).meta.meetingType;

  it('knows the meetings of Party committees, governments, their leading groups and press conferences', () => {
    expect(typesOf('市委常委会召开会议研究疫情防控工作')).toEqual(['常委会会议']);
    expect(typesOf('省委常委会会议研究部署疫情防控工作')).toEqual(['常委会会议']);
    expect(typesOf('省政府常务会议部署疫情防控和经济运行')).toEqual(['常务会议']);
    expect(typesOf('上海召开疫情防控工作领导小组会议')).toEqual(['领导小组会议']);
    expect(typesOf('省疫情防控指挥部召开视频调度会议')).toEqual(['调度会议', '领导小组会议', '视频会议']);
    expect(typesOf('河南省新冠肺炎疫情防控新闻发布会召开')).toEqual(['新闻发布会']);
    expect(typesOf('长沙市召开疫情防控工作调度会')).toEqual(['调度会议']);
  });

  it('does not take an office of a leading group, or a meeting held after a video conference, for the meeting', () => {
    expect(typesOf('指挥部办公室发布通告')).toEqual([]);
    expect(typesOf('视频会议后，省委书记深入社区检查')).toEqual([]);
  });
});

describe('a clipped page’s front matter', () => {
  it('takes `created` for the day the page was saved, never for its publication', () => {
    const result = ingest('---\ntitle: 长沙市召开疫情防控工作调度会\ncreated: 2022-04-12 08:03\n---\n\n长沙市委书记主持召开全市疫情防控工作调度会，研究部署下一阶段工作。会议强调，要守牢疫情防控底线。\n', 'content/raw/clipped.md');
    expect(result.meta.retrieved).toBe('2022-04-12');
    expect(result.meta.published).toBeUndefined();
    expect(result.state.ledger).toContainEqual(expect.objectContaining({ step: 'front-matter', action: 'moved', field: 'retrieved' }));
  });
});
