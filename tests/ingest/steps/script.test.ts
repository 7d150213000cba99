import { describe, expect, it } from 'vitest';
import { detectScript, simplified } from '../../../src/ingest/steps/script.ts';

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
