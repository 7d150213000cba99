import { describe, expect, it } from 'vitest';
import { simplified } from '../../src/ingest/steps/script.ts';
import { seed } from './helpers.ts';

// End-to-end expectations for the five seed captures. Every value below was read off the raw
// file in content/raw by a person (the line it comes from is quoted in the comment).

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)/u;
// Runs of the misread characters in 003, and the `?!` that starts them.
const MOJIBAKE = /倍偶液撩|銊钇髽|痹S|崩铒|皼\]|彪x|攸h|刎撠熗|芈\?|\?!|痹谟乐/u;

function expectClean(markdown: string) {
  expect(markdown).not.toMatch(PINYIN);
  expect(markdown).not.toMatch(MOJIBAKE);
  expect(markdown).not.toMatch(/<(?!\/?(figure|figcaption)\b)[a-z/]/iu);
  expect(simplified(markdown)).toBe(markdown);
}

describe('seed 000: Hexo post wrapping Sina Finance HTML', () => {
  const result = seed('000');

  it('reads the headline, original headline, deck, dateline and credits into the front matter', () => {
    expect(result.meta).toMatchObject({
      title: '湖南调度疫情防控工作：防患未然 科学应对 确保人民群众生命安全和社会大局平安稳定', // title:
      originalTitle: '许达哲主持召开会议检查调度疫情防控工作', // 原标题：
      subtitle: '抓早抓小 防患未然 迅速反应 科学应对 确保人民群众生命安全和社会大局平安稳定',
      dateline: '湖南日报·新湖南客户端7月28日讯（记者 冒蕞 刘笑雪）',
      publisher: '湖南日报', // 来源：湖南日报
      site: '新浪财经',
      authors: ['冒蕞', '刘笑雪'], // （记者 冒蕞 刘笑雪）— not 新浪财经, the Hexo author
      editors: ['王珊珊'], // 责任编辑：王珊珊
      province: '湖南',
      meetingType: ['调度会议'],
    });
    expect(result.meta.retrieved).toBeUndefined();
  });

  it('dates the meeting 28 July (7月28日讯 … 今天下午) and publication 29 July in Beijing time (08:06 GMT)', () => {
    expect(result.meta.date).toBe('2021-07-28');
    expect(result.meta.published).toBe('2021-07-29');
  });

  it('names the people and places the text names, with canonical place names', () => {
    expect(result.meta.people).toEqual(['许达哲', '张剑飞', '吴桂英', '谢卫江']);
    expect(result.meta.places).toEqual(['常德', '武陵区', '长沙', '张家界', '湘西']);
  });

  it('keeps every paragraph and keeps the stock-quoted place name inside its sentence', () => {
    expect(result.markdown).toContain('长沙市、常德市、张家界市、湘西土家族苗族自治州有关负责同志以视频连线方式汇报了疫情防控情况。');
    expect(result.markdown.startsWith('今天下午，省委书记、省人大常委会主任许达哲在省应对新冠肺炎疫情联防联控机制召开会议')).toBe(true);
    expect(result.markdown.trimEnd().endsWith('切实凝聚起战胜疫情的强大合力。')).toBe(true);
    expect(result.markdown.split('\n\n')).toHaveLength(6);
  });

  it('drops the QR block, its CSS, comments, app promotion, editor line and quote markup', () => {
    for (const furniture of ['海量资讯', 'appendQr', '&#123;', '责任编辑', '原标题', '来源：', 'sinaimg', 'realstock', '文末二维码']) {
      expect(result.markdown).not.toContain(furniture);
    }
    expectClean(result.markdown);
  });
});

describe('seed 001: plain text that lost its digits, punctuation and paragraphs', () => {
  const result = seed('001');

  it('separates the headline, the deck and the dateline glued to the first paragraph', () => {
    expect(result.meta.title).toBe('湖南省联防联控机制电视电话会议召开');
    expect(result.meta.subtitle).toBe('许达哲出席并讲话毛伟明主持王贺胜到会指导');
    expect(result.meta.dateline).toBe('湖南日报新湖南客户端月日讯记者冒蕞孙敏坚刘笑雪');
    expect(result.meta.authors).toEqual(['冒蕞', '孙敏坚', '刘笑雪']);
    expect(result.meta.editors).toEqual(['蔡东海']); // ……汇报了疫情防控工作情况。责任编辑蔡东海
    expect(result.meta.publisher).toBe('湖南日报');
    expect(result.markdown.startsWith('今天上午，湖南省联防联控机制电视电话会议召开。')).toBe(true);
    expect(result.markdown.trimEnd().endsWith('会上，个市州主要负责同志汇报了疫情防控工作情况。')).toBe(true);
  });

  it('dates publication from the timestamp line (2021/8/9 16:17) and the meeting from 今天', () => {
    expect(result.meta.published).toBe('2021-08-09');
    expect(result.meta.date).toBe('2021-08-09');
    expect(result.meta.meetingType).toEqual(['电视电话会议']);
    expect(result.meta.people).toEqual(['许达哲', '毛伟明', '王贺胜', '谢建辉', '张剑飞', '吴桂英']);
  });

  it('does not invent the lost digits, and says where they are missing', () => {
    expect(result.markdown).toContain('自月日我省报告本土无症状感染者以来');
    expect(result.markdown).toContain('湘西自治州和常德连续天长沙连续天保持零新增');
    const notes = result.state.fidelity.join('\n');
    expect(notes).toMatch(/丢失了数字.*月日.*连续天.*个市州/su);
    expect(notes).toMatch(/标点很可能在采集时丢失/u);
    expect(notes).toMatch(/电头的日期数字在采集时丢失/u);
    expectClean(result.markdown);
  });
});

describe('seed 002: Henan county page with navigation, widgets and footer', () => {
  const result = seed('002');

  it('reads title, dates, site and the author in brackets at the end', () => {
    expect(result.meta).toMatchObject({
      title: '我县组织收听收看省委新冠肺炎疫情防控工作第九次专题会议',
      date: '2021-12-11', // 12月11日,省委书记楼阳生主持召开……
      published: '2021-12-13', // 时间:2021-12-13
      retrieved: '2025-05-29', // 2025年5月29日 星期四
      province: '河南',
      site: '沈丘县政府网',
      publisher: '沈丘县融媒体中心', // 来源:本站 on the site of 沈丘县融媒体中心
      authors: ['柳柯'], // ……落到实处。(柳柯)
      meetingType: ['电视电话会议', '专题会议'],
    });
    expect(result.meta.people.slice(0, 2)).toEqual(['楼阳生', '王凯']);
    expect(result.meta.people).toContain('郭辉');
    expect(result.meta.places).toEqual(['沈丘县']); // 我县 on the Shenqiu site
  });

  it('keeps the body, and the photos as placeholders without their file names in the text', () => {
    expect(result.markdown.startsWith('12月11日，省委书记楼阳生主持召开省委新冠肺炎疫情防控工作第九次专题会议')).toBe(true);
    expect(result.markdown.trimEnd().endsWith('确保各项防控措施落到实处。')).toBe(true);
    expect(result.markdown).toContain('<figure class="capture-photo" data-image="省委1.jpg">');
    expect(result.markdown.match(/^省委\d\.jpg$/mu)).toBeNull();
  });

  it('drops navigation, accessibility widgets, breadcrumb, counter, toolbar, notices and footer', () => {
    for (const furniture of ['长者助手', '无障碍浏览', '您所在的位置', '点击数', '字体大小', '分享到', '文章为沈丘融媒体中心原创', 'ICP备', '版权所有', '网站运维电话', '党政机关', '网站标识', '\nX\n', '（柳柯）']) {
      expect(result.markdown).not.toContain(furniture);
    }
    expectClean(result.markdown);
  });
});

describe('seed 003: Traditional copy with pinyin, photo file names, 14 sections and GBK mojibake', () => {
  const result = seed('003');

  it('records the original script and converts the text to Simplified', () => {
    expect(result.state.originalScript).toBe('zh-Hant');
    expect(result.meta.title).toBe('省领导分赴14市州督导检查疫情防控工作');
    expectClean(result.markdown);
  });

  it('repairs the mojibake spans to the text the evidence supports', () => {
    for (const repaired of [
      '实现全年目标任务作贡献。”杜家毫勉励企业负责人。',
      '当地负责同志告诉杜家毫',
      '同时当地党委政府也派出驻厂防疫联络员',
      '暗访当地联防联控',
      '保护好自己，就能更好地保护人民群众。”离开医院时',
      '对方回答：“有点害怕，但是工作还是得好好做。”',
      '“大家辛苦了。”许达哲说',
      '采取了措施。”李飞年详细介绍了12例确诊病人的传染溯源情况',
      '会给居民发当天小区的通行证。“没有通行证就进不去，您是省长也不行。”',
      '你们自身也要做好防护。”在永州市中心医院冷水滩院区',
    ]) {
      expect(result.markdown).toContain(repaired);
    }
    expect(result.state.ledger.filter((entry) => entry.step === 'mojibake' && entry.action === 'repaired')).toHaveLength(11);
  });

  it('has fourteen sections, one per leader and city, with the sub-headings inside them', () => {
    const sections = result.markdown.match(/^## .+$/gmu) ?? [];
    expect(sections).toHaveLength(14);
    expect(sections[0]).toBe('## 杜家毫在株洲督导检查疫情防控工作');
    expect(sections[13]).toBe('## 刘莲玉赴湘西州督导检查疫情防控工作');
    expect(result.markdown).toContain('### 越是最吃劲，越要咬紧牙');
    expect(result.markdown).toContain('### 没有通行证就进不去，您是省长也不行');
  });

  it('turns image file names into photo placeholders carrying their captions', () => {
    expect(result.markdown).toContain(
      '<figure class="capture-photo" data-image="0214株洲社区副本.jpg">\n<figcaption>杜家毫在芦淞区董家塅街道办事处检查社区联防联控工作落实情况。</figcaption>\n</figure>',
    );
    expect(result.markdown).toContain('<figcaption>2月15日，省政协主席李微微在邵阳步步高超市暗访疫情防控工作。陈艳摄</figcaption>');
    expect(result.markdown).not.toMatch(/^\d*\S*\.jpg$/mu);
  });

  it('reads publication, meeting day, credits and the people and places of every section', () => {
    expect(result.meta).toMatchObject({
      published: '2020-02-16', // 發布時間:2020-02-16
      date: '2020-02-14', // 紅網時刻2月15日訊 … 杜家毫昨天率隊赴株洲市
      publisher: '湖南日报、红网', // 來源:湖南日報 紅網
      editors: ['周震'], // 編輯:周震
      province: '湖南',
      meetingType: ['督导检查'],
    });
    expect(result.meta.authors).toEqual(['贺佳', '周帙恒', '廖洁', '冒蕞', '贺威', '刘燕娟', '施泉江', '沙兆华', '宁奎', '邓晶琎', '苏莉', '陈奕樊', '孙敏坚', '黄晗']);
    expect(result.meta.photographers).toEqual(expect.arrayContaining(['罗新国', '冒蕞', '陈艳', '方阳', '何继凤']));
    for (const leader of ['杜家毫', '许达哲', '李微微', '乌兰', '傅奎', '黄兰香', '王少峰', '胡衡华', '谢建辉', '冯毅', '张宏森', '李殿勋', '姚来英', '刘莲玉']) {
      expect(result.meta.people).toContain(leader);
    }
    for (const city of ['株洲', '娄底', '邵阳', '岳阳', '湘潭', '常德', '衡阳', '长沙', '益阳', '怀化', '永州', '郴州', '张家界', '湘西']) {
      expect(result.meta.places).toContain(city);
    }
  });
});

describe('seed 004: association page reporting two meetings on 8月4日', () => {
  const result = seed('004');

  it('reads title, dates, site and the credit lines', () => {
    expect(result.meta).toMatchObject({
      title: '省委领导严督疫情防控和安全生产',
      date: '2021-08-04',
      published: '2021-08-09', // 发布日期:2021-08-09
      retrieved: '2024-05-17', // 今天是:2024年5月17日
      site: '湖南省砂石协会',
      authors: ['雷闪闪'], // 文     字:雷闪闪
      photographers: ['欧阳琼'], // 图     片:欧阳琼
      editors: ['李欣桐'], // 责任编辑:李欣桐
      province: '湖南',
    });
    expect(result.meta.publisher).toBeUndefined();
    expect(result.state.fidelity.join('\n')).toContain('没有注明原发媒体');
  });

  it('puts the two meetings in two sections, in order', () => {
    const sections = result.markdown.match(/^## .+$/gmu) ?? [];
    expect(sections).toEqual(['## 8月4日上午 许达哲紧接着主持召开会议部署疫情防控工作', '## 8月4日下午 毛伟明主持召开省安委会2021年第二次全体会议']);
    const [, first, second] = result.markdown.split(/^## .+$/mu);
    expect(first).toContain('许达哲强调，要用党员干部的辛苦付出换取老百姓的幸福安宁');
    expect(second).toContain('毛伟明强调，面对当前严峻的疫情防控形势');
    expect(second).not.toContain('许达哲强调');
    expect(result.meta.meetingType).toEqual(['部署会议', '全体会议']);
  });

  it('renders the photo captions as captions, never as body paragraphs', () => {
    expect(result.markdown).toContain('<figcaption>许达哲讲话。</figcaption>');
    expect(result.markdown).toContain('<figcaption>会议现场。</figcaption>');
    expect(result.markdown).not.toMatch(/^许达哲讲话。$/mu);
    expect(result.markdown).not.toMatch(/^会议现场。$/mu);
  });

  it('drops header, footer and disclaimer, and the lead ornament', () => {
    for (const furniture of ['欢迎您', '今天是', '您现在位置', '声明：', '微信二维码', '关于我们', 'Copyright', 'ICP备', '☆', '文 字', '责任编辑']) {
      expect(result.markdown).not.toContain(furniture);
    }
    expectClean(result.markdown);
  });
});
