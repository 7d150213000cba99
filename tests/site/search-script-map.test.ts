import { describe, expect, it } from 'vitest';
import { buildScriptMap, scriptMapFromTallies, scriptTally } from '../../src/site/search-script-map.ts';

const convert = (table: Record<string, string>, text: string) => Array.from(text, (char) => table[char] ?? char).join('');

describe('search script map', () => {
  const map = buildScriptMap(['省委书记许达哲主持召开会议', '常德市武陵区报告无症状感染者']);

  it('turns a Traditional query into the Simplified edition’s text', () => {
    expect(convert(map.toHans, '許達哲')).toBe('许达哲');
    expect(convert(map.toHans, '常德市武陵區')).toBe('常德市武陵区');
  });

  it('turns a Simplified query into the Traditional edition’s text', () => {
    expect(convert(map.toHant, '许达哲')).toBe('許達哲');
    expect(convert(map.toHant, '感染者')).toBe('感染者');
  });

  it('only lists characters that differ between the scripts', () => {
    expect(map.toHant['省']).toBeUndefined();
    expect(Object.entries(map.toHant).every(([from, to]) => from !== to)).toBe(true);
  });

  it('counts per text and sums the counts, also around characters outside the BMP', () => {
    const tally = scriptTally([
      ['𠮷发展', '𠮷發展'],
      ['头发', '頭髮'],
      ['发展', '發展'],
    ]);
    expect(tally['发']).toEqual({ 發: 2, 髮: 1 });
    expect(tally['𠮷']).toBeUndefined();
    expect(scriptMapFromTallies([tally, scriptTally([['头发', '頭髮']])]).toHant['发']).toBe('發');
  });
});
