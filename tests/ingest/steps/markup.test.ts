import { describe, expect, it } from 'vitest';
import { ingest } from '../helpers.ts';

const LEAD = '12月11日，省委书记楼阳生主持召开省委新冠肺炎疫情防控工作专题会议，安排部署常态化疫情防控工作。';
const SECOND = '会议强调，要始终坚持“外防输入、内防反弹”总策略，从紧从严从实从细落实各项防控措施。';
const THIRD = '会议要求，各级各部门要压实“四方责任”，确保人民群众度过一个安定祥和的节日。';

describe('forms', () => {
  it('keeps the article of a page whose whole body sits in an ASP.NET <form id="form1">', () => {
    const result = ingest(
      `<!DOCTYPE html><html><head><title>省委召开疫情防控工作专题会议_某县人民政府</title></head><body>
      <form method="post" action="./show.aspx?id=1" id="form1">
        <input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk">
        <div class="title"><h1>省委召开疫情防控工作专题会议</h1></div>
        <div class="info">发布时间：2021-12-12 10:21</div>
        <div id="zoom"><p>${LEAD}</p><p>${SECOND}</p><p>${THIRD}</p></div>
        <input type="submit" name="btnSearch" value="搜索">
      </form></body></html>`,
      'content/raw/form1.html',
    );
    expect(result.body.split('\n')).toEqual([LEAD, SECOND, THIRD]);
    expect(result.meta.title).toBe('省委召开疫情防控工作专题会议');
  });

  it('does not let a search form with an unclosed <span> swallow the paragraphs after it', () => {
    const result = ingest(
      `<!DOCTYPE html><html><body>
      <form action="/search"><span class="box">站内搜索：<input name="q"><button>搜索</button></form>
      <h1>省委召开疫情防控工作专题会议</h1>
      <div class="content"><p>${LEAD}</p><p>${SECOND}</p><p>${THIRD}</p></div>
      </body></html>`,
      'content/raw/search-form.html',
    );
    expect(result.body.split('\n')).toEqual([LEAD, SECOND, THIRD]);
    expect(result.markdown).not.toContain('站内搜索');
  });

  it('removes a search box or a login form as furniture, noting it', () => {
    const result = ingest(
      `<html><body><form action="/login"><label>用户名</label><input name="u"><label>密码</label><input type="password" name="p"><button>登录</button></form>
      <h1>省委召开疫情防控工作专题会议</h1><div class="content"><p>${LEAD}</p><p>${SECOND}</p></div></body></html>`,
      'content/raw/login.html',
    );
    expect(result.body.split('\n')).toEqual([LEAD, SECOND]);
    expect(result.state.ledger).toContainEqual(expect.objectContaining({ rule: 'markup/form', action: 'removed', text: expect.stringContaining('用户名') }));
  });
});
