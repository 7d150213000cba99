import { describe, expect, it } from 'vitest';
import { stripPinyin } from '../../../src/ingest/steps/pinyin.ts';

describe('stripPinyin', () => {
  it('removes toned pinyin glued after characters and counts each annotation', () => {
    const result = stripPinyin('醫(yī)學資訊,發(fā)布時間,社區(qū)聯(lián)防聯(lián)控');
    expect(result.text).toBe('醫學資訊,發布時間,社區聯防聯控');
    expect(result.removed.get('聯(lián)')).toBe(2);
    expect(result.removed.get('醫(yī)')).toBe(1);
  });

  it('removes a toneless syllable only when it is a reading of the character', () => {
    expect(stripPinyin('我們(men)來了').text).toBe('我們來了');
    expect(stripPinyin('有限公司(Ltd)').text).toBe('有限公司(Ltd)');
    expect(stripPinyin('新冠肺炎(covid)疫情').text).toBe('新冠肺炎(covid)疫情');
  });

  it('leaves parentheses holding Chinese, digits or Latin words', () => {
    const text = '今天(2月15日),潔寶日化(湘西)公司,駐企防疫聯絡員(組)作用,疫情(COVID-19)';
    expect(stripPinyin(text).text).toBe(text);
  });
});
