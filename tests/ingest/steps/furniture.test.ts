import { describe, expect, it } from 'vitest';
import { ingest } from '../helpers.ts';

const BODY = '8月4日上午，省委书记许达哲主持召开会议，部署全省疫情防控工作。他强调，要进一步从严从快抓好各项防控工作。';

describe('furniture lines', () => {
  it('removes page chrome and footers, keeping each removal in the ledger with its rule', () => {
    const result = ingest(
      [
        '2025年5月29日 星期四',
        '长者助手',
        '您所在的位置: 首页 > 新闻资讯 > 正文',
        '会议部署疫情防控工作',
        '来源:本站     时间:2021-08-05     点击数:7573',
        '字体大小:【 】  打印 打印 分享到:',
        BODY,
        '关于我们 | 新闻中心 | 会员中心 | 联系我们',
        'Copyright© 2015 版权所有:湖南省砂石协会 邮编:410008',
        '技术支持:长沙奇想网络 备案号:湘ICP备2021007142号-1',
        '微信二维码',
      ].join('\n'),
    );
    expect(result.body).toBe(BODY);
    expect(result.meta.title).toBe('会议部署疫情防控工作');
    const rules = result.state.ledger.filter((entry) => entry.step === 'furniture').map((entry) => entry.rule);
    expect(rules).toEqual([
      'chrome/today',
      'chrome/accessibility',
      'chrome/breadcrumb',
      'chrome/article-info',
      'chrome/toolbar',
      'chrome/nav-row',
      'footer/copyright',
      'footer/icp',
      'footer/qr-code',
    ]);
    expect(result.state.ledger.find((entry) => entry.rule === 'chrome/breadcrumb')?.text).toBe('您所在的位置: 首页 > 新闻资讯 > 正文');
  });

  it('moves credit lines into the front matter', () => {
    const result = ingest(['会议部署疫情防控工作', '发布日期:2021-08-09', BODY, '文     字:雷闪闪', '图     片:欧阳琼 ', '责任编辑:李欣桐', '来源：湖南日报'].join('\n'));
    expect(result.meta).toMatchObject({ published: '2021-08-09', authors: ['雷闪闪'], photographers: ['欧阳琼'], editors: ['李欣桐'], publisher: '湖南日报' });
    expect(result.body).toBe(BODY);
  });

  it('removes a mirror’s note on where it copied the report from, and takes the outlet it names as publisher', () => {
    const result = ingest(['会议部署疫情防控工作', '本文转载自郑州市人民政府网站，仅作存档之用。', BODY].join('\n'));
    expect(result.body).toBe(BODY);
    expect(result.meta.publisher).toBe('郑州市人民政府网站');
    // A sentence of the report that quotes a reprint is not such a note.
    const reported = '会议要求，各地转载自省卫健委的防控指南要及时更新，供基层学习参考。';
    expect(ingest(['会议部署疫情防控工作', BODY, reported].join('\n')).body).toBe(`${BODY}\n${reported}`);
  });

  it('takes credits written at the end of the last paragraph, and only there', () => {
    const result = ingest(['会议部署疫情防控工作', '2021/8/9 16:17', `${BODY}（柳柯）`].join('\n'));
    expect(result.meta.authors).toEqual(['柳柯']);
    expect(result.body).toBe(BODY);
    const middle = ingest(['会议部署疫情防控工作', '2021/8/9 16:17', '会议强调（柳柯）要抓好落实。', BODY].join('\n'));
    expect(middle.meta.authors).toEqual([]);
    expect(middle.body).toContain('会议强调（柳柯）要抓好落实。');
  });

  it('removes the furniture of an HTML page by its markup, and unwraps stock links inside sentences', () => {
    const result = ingest(
      `<html><body><nav>首页 | 新闻</nav><h1>湖南调度疫情防控工作</h1><p>发布时间：2021-07-29</p>
       <p>${BODY}会上，长沙市、<span id="stock_sz000430"><a href="https://finance.sina.com.cn/realstock/company/sz000430/nc.shtml" class="keyword">张家界</a></span><span id="quote_sz000430"></span>市有关负责同志汇报了情况。</p>
       <div class="appendQr_wrap"><div class="appendQr_normal_txt">海量资讯、精准解读，尽在新浪财经APP</div></div>
       <footer>版权所有 新浪网</footer></body></html>`,
      'content/raw/sina.html',
    );
    expect(result.meta.title).toBe('湖南调度疫情防控工作');
    expect(result.body).toBe(`${BODY}会上，长沙市、张家界市有关负责同志汇报了情况。`);
    expect(result.state.ledger.map((entry) => entry.label)).toEqual(expect.arrayContaining(['导航', '页脚', '文末二维码与新浪财经APP推广']));
  });
});

describe('page chrome', () => {
  it('takes the day the page was viewed, in the chrome’s common forms, for retrieved and never as the title', () => {
    for (const line of ['今天是：2023年3月15日 星期三', '今天是2023年3月15日', '2023年3月15日 星期三 农历二月廿四', '当前时间：2023-03-15 10:20:30', '2023-03-15 周三']) {
      const result = ingest([line, '会议部署疫情防控工作', BODY].join('\n'));
      expect({ line, title: result.meta.title, retrieved: result.meta.retrieved, body: result.body }).toEqual({ line, title: '会议部署疫情防控工作', retrieved: '2023-03-15', body: BODY });
    }
  });

  it('reads a bare 时间 or a date line as a byline only above the article, not as a meeting’s time in it', () => {
    const notice = ['附：下一次推进会安排', '时间：2022年10月8日上午9:00', '地点：市卫健委三楼会议室'];
    const result = ingest(
      `<html><body><h1>会议部署疫情防控工作</h1><div class="info">信息来源：市卫健委　　时间：2022-10-05</div><div class="zoom"><p>${BODY}</p>${notice.map((line) => `<p>${line}</p>`).join('')}</div></body></html>`,
      'content/raw/notice.html',
    );
    expect(result.body).toBe([BODY, ...notice].join('\n'));
    expect(result.meta).toMatchObject({ published: '2022-10-05', publisher: '市卫健委' });
  });

  it('removes a line of its own that names the publication time with a strong marker, at the foot too', () => {
    const result = ingest(['会议部署疫情防控工作', BODY, '【发布时间：2021-08-05 10:00】'].join('\n'));
    expect(result.body).toBe(BODY);
    expect(result.meta.published).toBe('2021-08-05');
  });

  it('leaves the publication day to the publication-date step: a byline date it did not choose is not moved there', () => {
    const result = ingest(['会议部署疫情防控工作', '2021-08-05 10:00', '2021-08-04 09:00', BODY].join('\n'));
    expect(result.meta.published).toBe('2021-08-05');
    const lines = result.state.ledger.filter((entry) => entry.rule === 'chrome/timestamp');
    expect(lines.map(({ action, field, text }) => ({ action, field, text }))).toEqual([
      { action: 'moved', field: 'published', text: '2021-08-05 10:00' },
      { action: 'removed', field: undefined, text: '2021-08-04 09:00' },
    ]);
  });
});

describe('furniture glued into prose', () => {
  const LEAD = '8月4日上午，省委书记许达哲主持召开会议，部署全省疫情防控工作。';
  const REST = '他强调，要进一步从严从快从紧从实从细抓好各项防控工作，坚决打好疫情防控这场硬仗。要压紧压实“四方责任”，确保各项措施落实到位。省领导谢建辉、张剑飞出席会议。';

  it('removes a disclaimer that opens a run-on paragraph, and keeps the paragraph', () => {
    const disclaimer = '声明：本站部分文章来源于网络，仅供学习交流，如有侵权请联系删除。';
    const result = ingest(['省委召开会议部署疫情防控工作', '2021-08-05 10:00', `${disclaimer}${LEAD}${REST}`].join('\n'));
    expect(result.body).toBe(`${LEAD}${REST}`);
    expect(result.state.ledger).toContainEqual(expect.objectContaining({ rule: 'footer/disclaimer', action: 'removed', text: disclaimer }));
  });

  it('removes a copyright line glued to the end of the last paragraph, and keeps the paragraph', () => {
    const result = ingest(['省委召开会议部署疫情防控工作', '2021-08-05 10:00', `${LEAD}${REST} Copyright © 2021 某某网 版权所有`].join('\n'));
    expect(result.body).toBe(`${LEAD}${REST}`);
  });

  it('says so in the fidelity notes when a rule removes a block of several sentences', () => {
    const notice = '转载请注明出处。本站所载文章仅代表作者本人观点，与本站立场无关。本站对文中陈述和观点保持中立，不承担任何法律责任。';
    const result = ingest(['省委召开会议部署疫情防控工作', '2021-08-05 10:00', `${LEAD}${REST}`, notice].join('\n'));
    expect(result.body).toBe(`${LEAD}${REST}`);
    expect(result.state.fidelity.join('\n')).toMatch(/footer\/reprint-notice.*3 句/u);
  });
});
