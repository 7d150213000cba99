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
