import { describe, expect, it } from 'vitest';
import { simplifiedEach, variantCharacters } from '../../../src/ingest/script-variants.ts';
import { detectScript, simplified } from '../../../src/ingest/steps/script.ts';
import { ingest, seed } from '../helpers.ts';

describe('script', () => {
  it('tells Traditional from Simplified text', () => {
    expect(detectScript('省領導分赴14市州督導檢查疫情防控工作')).toBe('zh-Hant');
    expect(detectScript('省领导分赴14市州督导检查疫情防控工作')).toBe('zh-Hans');
    expect(detectScript('2021-08-09')).toBe('zh-Hans');
  });

  it('converts to Simplified, including variant forms (著力 → 着力) but not 著名', () => {
    expect(simplified('著力把確診病例下降,樓棟,臺達電子')).toBe('着力把确诊病例下降,楼栋,台达电子');
    expect(simplified('著名')).toBe('著名');
  });
});

describe('regional variants', () => {
  it('leaves no Hong Kong form in Simplified text (国家衞健委, 公衞, 捍衞)', () => {
    expect(simplified('國家衞健委、公衞專家、捍衞市民健康、綫上登記、他説')).toBe('国家卫健委、公卫专家、捍卫市民健康、线上登记、他说');
    expect(simplified('衞生署', 'hk')).toBe('卫生署');
    expect(variantCharacters(simplified('國家衞健委發佈全港綫上登記安排，衞生防護中心表示'))).toEqual([]);
  });

  it('names the Traditional and variant characters a text holds, and none of a Simplified text', () => {
    expect(variantCharacters('国家衞健委和國務院')).toEqual(['衞', '國', '務']);
    expect(variantCharacters('著名作家著书立说，乾隆年间的后来者')).toEqual([]);
  });

  it('tells a Hong Kong page by its language tag, its host or its forms, and a Taiwan page by its tag or host', () => {
    const hongKong = ingest('<html lang="zh-HK"><body><h1>政府公布防疫措施</h1><p>衞生防護中心今日公布，本港新增確診個案。</p><p>政府呼籲市民接種疫苗，保障健康。</p></body></html>', 'content/raw/hk.html');
    expect(hongKong.state.originalScript).toBe('zh-Hant-HK');
    expect(hongKong.body).toContain('卫生防护中心');
    const byForms = ingest('政府公布防疫措施\n衞生防護中心今日表示，本港新增確診個案，他説，市民應登記綫上預約。\n', 'content/raw/hk.txt');
    expect(byForms.state.originalScript).toBe('zh-Hant-HK');
    const taiwan = ingest('<html lang="zh-TW"><body><h1>中央流行疫情指揮中心記者會</h1><p>指揮中心今日公布國內新增本土病例，呼籲民眾配合防疫措施。</p></body></html>', 'content/raw/tw.html');
    expect(taiwan.state.originalScript).toBe('zh-Hant-TW');
    const mainland = seed('003');
    expect(mainland.state.originalScript).toBe('zh-Hant');
  });

  it('keeps the outlet’s words: only how they are written changes', () => {
    expect(simplified('資訊軟體', 'tw')).toBe('资讯软体');
  });
});

describe('simplifiedEach', () => {
  it('converts many texts in one go exactly as one by one, phrases and Hong Kong forms included', () => {
    const texts = ['著力把確診病例下降', '著名', '', '湖南日报社版权所有', '國家衞健委', '他説', '版權所有\u0000', '乾隆年間', '臺達電子'];
    for (const variant of ['tw', 'hk'] as const) {
      expect(simplifiedEach(texts, variant)).toEqual(texts.map((text) => simplified(text, variant)));
      expect(simplifiedEach(texts.filter((text) => !text.includes('\u0000')), variant)).toEqual(texts.filter((text) => !text.includes('\u0000')).map((text) => simplified(text, variant)));
    }
  });
});
