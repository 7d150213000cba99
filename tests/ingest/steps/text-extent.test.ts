import { describe, expect, it } from 'vitest';
import { ingest } from '../helpers.ts';

const P1 = '9月22日，省委常委会召开会议，听取全省疫情防控工作情况汇报，研究部署下一步工作。';
const P2 = '会议强调，要全力以赴做好流调溯源，加快核酸检测和隔离管控，做到早发现、早报告、早隔离、早治疗。';

describe('text extent of a page saved as text', () => {
  it('drops the site name and menu above the headline and the related links below the article, noting each line', () => {
    const result = ingest(['某某省人民政府', '首页', '政务公开', '互动交流', '', '省委常委会召开会议研究部署疫情防控工作', '2021-09-23 08:40', '', P1, '', P2, '', '相关链接', '全省核酸检测工作有序开展', '省疫情防控指挥部召开视频调度会'].join('\n'));
    expect(result.meta.title).toBe('省委常委会召开会议研究部署疫情防控工作');
    expect(result.body.split('\n')).toEqual([P1, P2]);
    const removed = result.state.ledger.filter((entry) => entry.rule === 'text-extent/outside').map((entry) => entry.text);
    expect(removed).toEqual(['某某省人民政府', '首页', '政务公开', '互动交流', '相关链接', '全省核酸检测工作有序开展', '省疫情防控指挥部召开视频调度会']);
  });

  it('keeps a photo and its credited caption after the last paragraph', () => {
    const result = ingest(['省委常委会召开会议研究部署疫情防控工作', '2021-09-23 08:40', P1, P2, '会议现场.jpg', '会议现场 记者 张三 摄'].join('\n'));
    expect(result.markdown).toContain('data-image="会议现场.jpg"');
    expect(result.markdown).toContain('会议现场 记者 张三 摄');
  });

  it('leaves the lines above the text of a front-matter post alone: its title is in the front matter', () => {
    const result = ingest(['---', 'title: 省委常委会召开会议', 'date: 2021-09-23', '---', '会议部署', P1, P2].join('\n'));
    expect(result.markdown).toContain('会议部署');
  });
});

describe('text extent, headline followed by a short byline', () => {
  it('takes the headline even when a short reporter line follows it', () => {
    const result = ingest(['某某省人民政府', '首页', '政务公开', '互动交流', '省委常委会召开会议研究部署疫情防控工作', '记者 张三', '2021-09-23 08:40', P1, P2].join('\n'));
    expect(result.meta.title).toBe('省委常委会召开会议研究部署疫情防控工作');
    expect(result.markdown).not.toContain('某某省人民政府');
  });
});
