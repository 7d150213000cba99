import { describe, expect, it } from 'vitest';
import { photographer } from '../../../src/ingest/steps/captions.ts';
import { ingest } from '../helpers.ts';

const HEAD = '省领导督导检查疫情防控工作\n发布时间:2020-02-16\n\n';

describe('captions', () => {
  it('attaches the caption after a photo file name to the photo', () => {
    const result = ingest(`${HEAD}0214株洲社区副本.jpg\n\n杜家毫在芦淞区董家塅街道办事处检查社区联防联控工作落实情况。\n\n2月14日，杜家毫到株洲市督导检查疫情防控工作，看望慰问一线医务人员和防疫工作者，并召开座谈会听取汇报。\n`);
    expect(result.markdown).toContain('<figure class="capture-photo" data-image="0214株洲社区副本.jpg">\n<figcaption>杜家毫在芦淞区董家塅街道办事处检查社区联防联控工作落实情况。</figcaption>\n</figure>');
  });

  it('keeps a body paragraph under a photo as body when the page indents body paragraphs like it', () => {
    const long = '省委书记楼阳生在会议讲话中指出，要从大局全局战略高度认识常态化疫情防控工作，始终坚持外防输入、内防反弹工作方针。';
    const result = ingest(`${HEAD}  12月11日，省委召开专题会议，安排部署常态化疫情防控工作。${long}\n\n省委1.jpg\n\n  田庆杰等领导干部在我县分会场共同收听收看了电视电话会。\n\n  ${long}\n`);
    expect(result.markdown).toContain('<figure class="capture-photo" data-image="省委1.jpg">\n</figure>\n\n田庆杰等领导干部在我县分会场共同收听收看了电视电话会。');
  });

  it('recognises captions by a photo credit and by the short stand-alone forms', () => {
    const result = ingest(`${HEAD}2月15日，省政协主席李微微在邵阳步步高超市暗访疫情防控工作。陈艳摄\n\n2月15日，省政协主席李微微率督导组来到邵阳市督查指导疫情防控工作。\n\n 许达哲讲话。\n会议现场。\n\n省政府秘书长王群参加。\n`);
    const captions = result.markdown.match(/<figcaption>[^<]+<\/figcaption>/gu);
    expect(captions).toEqual(['<figcaption>2月15日，省政协主席李微微在邵阳步步高超市暗访疫情防控工作。陈艳摄</figcaption>', '<figcaption>许达哲讲话。</figcaption>', '<figcaption>会议现场。</figcaption>']);
    expect(result.markdown).toContain('\n\n省政府秘书长王群参加。');
    expect(result.meta.photographers).toEqual(['陈艳']);
  });

  it('reads the photographer from a credit', () => {
    expect(photographer('……检查企业防疫措施落实情况。湖南日报记者 罗新国 摄')).toEqual(['罗新国']);
    expect(photographer('……看望慰问一线医护人员。湖南日报记者 贺威摄')).toEqual(['贺威']);
    expect(photographer('……本文图片由湖南日报记者冒蕞 摄')).toEqual(['冒蕞']);
    expect(photographer('……奋战在防控一线的医护人员。通讯员 摄')).toEqual([]);
  });
});
