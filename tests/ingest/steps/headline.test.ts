import { describe, expect, it } from 'vitest';
import { findDateline } from '../../../src/ingest/steps/headline.ts';
import { archiveData, ingest } from '../helpers.ts';

describe('findDateline', () => {
  it('reads source, day and reporters of a dateline', () => {
    const found = findDateline('湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）今天下午，省委书记……', archiveData());
    expect(found).toMatchObject({ dateline: '湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）', month: 7, day: 28, reporters: ['冒蕞', '刘笑雪'], after: '今天下午，省委书记……' });
  });

  it('leaves out the outlets named before 记者 inside the brackets', () => {
    const found = findDateline('红网时刻2月15日讯（湖南日报记者 贺佳 周帙恒 红网记者 廖洁）按照湖南省委统一部署', archiveData());
    expect(found?.reporters).toEqual(['贺佳', '周帙恒', '廖洁']);
  });

  it('splits a run of reporters that lost its spaces at known names, and notes lost digits', () => {
    const found = findDateline('湖南日报新湖南客户端月日讯记者冒蕞孙敏坚刘笑雪今天上午，湖南省……', archiveData());
    expect(found).toMatchObject({ reporters: ['冒蕞', '孙敏坚', '刘笑雪'], unsegmented: '冒蕞孙敏坚刘笑雪', after: '今天上午，湖南省……' });
    expect(found?.month).toBeUndefined();
  });

  it('finds nothing in an ordinary sentence', () => {
    expect(findDateline('12月11日，省委书记楼阳生主持召开会议。', archiveData())).toBeUndefined();
    expect(findDateline('会议要求，要及时发布信息讯息（每日更新），回应群众关切。', archiveData())).toBeUndefined();
  });

  it('names the outlet without the place the dateline reports from', () => {
    const data = archiveData();
    expect(findDateline('新华社北京4月10日电（记者 张三 李四）4月10日，国务院联防联控机制召开会议。', data)).toMatchObject({ source: '新华社', month: 4, day: 10, reporters: ['张三', '李四'] });
    expect(findDateline('江淮日报合肥3月2日讯（记者 王五）3月1日晚，全省会议召开。', data)).toMatchObject({ source: '江淮日报', after: '3月1日晚，全省会议召开。' });
    expect(findDateline('本报长沙7月28日讯（记者 王五）会议召开。', data)?.source).toBe('本报');
  });

  it('reads a dateline without a day when the reporters follow it, and does not take it for lost digits', () => {
    const data = archiveData();
    const found = findDateline('本报南昌讯（记者 刘佳）4月10日晚，全省疫情防控工作视频调度会议召开。', data);
    expect(found).toMatchObject({ dateline: '本报南昌讯（记者 刘佳）', source: '本报', reporters: ['刘佳'], dated: false, after: '4月10日晚，全省疫情防控工作视频调度会议召开。' });
    expect(findDateline('本报讯（记者 刘佳 通讯员 王强）4月10日晚，全省会议召开。', data)?.reporters).toEqual(['刘佳', '王强']);
  });
});

describe('dateline and event date in a whole capture', () => {
  it('takes the day the lead names after a dateline without a day, and its reporter as author', () => {
    const lead = '4月10日晚，全省疫情防控工作视频调度会议召开，传达学习国务院联防联控机制有关会议精神，分析研判当前疫情形势，调度部署下一步工作。';
    const second = '会议指出，当前全省疫情防控形势严峻复杂，防控工作处于关键时期，各地各部门要坚持总策略和总方针不动摇。';
    const result = ingest(
      `<html><head><title>全省召开疫情防控工作视频调度会议-某某网</title></head><body>
      <h1>全省召开疫情防控工作视频调度会议</h1><div class="info"><span>2022-04-11 07:35</span> <span>来源：某某日报</span></div>
      <div class="content"><p>本报南昌讯（记者 刘佳）${lead}</p><p>${second}</p></div></body></html>`,
      'content/raw/dateless-dateline.html',
    );
    expect(result.meta).toMatchObject({ date: '2022-04-10', published: '2022-04-11', dateline: '本报南昌讯（记者 刘佳）', authors: ['刘佳'] });
    expect(result.body.split('\n')).toEqual([lead, second]);
  });
});

describe('headline and deck', () => {
  it('takes a spaced deck before the first paragraph as the subtitle', () => {
    const result = ingest('省委召开会议\n2021-08-09 10:00\n抓早抓小 防患未然 迅速反应 科学应对\n8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。\n');
    expect(result.meta.subtitle).toBe('抓早抓小 防患未然 迅速反应 科学应对');
    expect(result.body).toBe('8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。');
  });

  it('takes only the text of a hostile front-matter title', () => {
    const result = ingest('---\ntitle: \'<img src=x onerror="alert(1)">会议<script>alert(2)</script>召开\'\ndate: 2021-08-09\n---\n<p>8月9日，省委书记许达哲主持召开会议。</p><p>他强调，要抓好落实。</p>\n');
    expect(result.meta.title).toBe('会议召开');
  });
});

describe('the headline of a page saved as text', () => {
  it('is not a line of links or tools above it that no furniture rule knows', () => {
    const lead = '5月6日上午，市卫健委召开全市卫生健康系统新冠肺炎疫情防控工作推进会，安排部署当前及下一阶段疫情防控重点工作。';
    const second = '会议强调，要坚持“外防输入、内防反弹”总策略，严格落实预检分诊和首诊负责制，加强发热门诊管理，严防院内感染。';
    const result = ingest(
      ['首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流', '当前位置：首页 > 新闻中心 > 部门动态', '字号：大 中 小 | 打印本页 | 关闭窗口', '', '市卫健委召开新冠肺炎疫情防控工作推进会', '', '发布时间：2022年05月06日 16:20 来源：市卫生健康委员会', '', lead, '', second, ''].join('\n'),
      'content/raw/saved-page.txt',
    );
    expect(result.meta.title).toBe('市卫健委召开新冠肺炎疫情防控工作推进会');
    expect(result.body.split('\n')).toEqual([lead, second]);
    expect(result.markdown).not.toContain('打印本页');
  });
});
