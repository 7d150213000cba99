import { describe, expect, it } from 'vitest';
import { mayMatch, requiredLiterals, slowToRuleOut } from '../../src/ingest/pattern-literals.ts';
import { archiveData } from './helpers.ts';

describe('requiredLiterals', () => {
  it('finds the word a footer pattern needs after a lazy run of name characters', () => {
    expect(requiredLiterals(/(?<name>[^\s|｜·•©:：]{2,40}?)\s*版权所有/u)).toEqual(['版权所有']);
  });

  it('gives one word per alternative, and needs every alternative to have one', () => {
    expect(requiredLiterals(/(?:主办|主管单位)[:：]\s*(?<name>\S{2,40})/u)?.sort()).toEqual(['主办', '主管单位']);
    expect(requiredLiterals(/(?:主办|\d+)单位/u)).toEqual(['单位']);
    expect(requiredLiterals(/^(?:主办|\d+)$/u)).toBeUndefined();
  });

  it('requires nothing of what may be absent, of case-insensitive patterns, or of sets of characters', () => {
    expect(requiredLiterals(/^(发布)?\d{4}年/u)).toEqual(['年']);
    expect(requiredLiterals(/(?:来源)?\d+/u)).toBeUndefined();
    expect(requiredLiterals(/copyright/iu)).toBeUndefined();
    expect(requiredLiterals(/\p{Script=Han}{2,4}/u)).toBeUndefined();
    expect(requiredLiterals(/(?=版权)\S+/u)).toBeUndefined();
  });
});

describe('mayMatch', () => {
  const lines = [
    '湖南省砂石协会 版权所有 湘ICP备05004398号',
    '版權所有：湖南日报社',
    'Copyright © 2021 洛阳市人民政府 All Rights Reserved',
    '主办单位：张家界市永定区人民政府',
    '主办：沈丘县人民政府办公室 技术支持：某某科技',
    '(C) 2020 西安发布',
    '今天是:2024年5月17日 星期五',
    '您现在位置:首页 >> 新闻中心',
    '发布时间:2021-12-13 来源:本站 点击数:7573',
    '省委书记许达哲主持召开会议，部署疫情防控工作。',
    '',
  ];

  it('never says no where a pattern of the archive data matches', () => {
    const data = archiveData();
    const patterns = [...data.identity.footerPatterns, ...data.furniture.map((rule) => rule.pattern)];
    let ruledOut = 0;
    let slowPairs = 0;
    for (const pattern of patterns) {
      const words = requiredLiterals(pattern);
      for (const line of lines) {
        if (pattern.test(line)) {
          expect(mayMatch(pattern, line), `${pattern.source} on ${line}`).toBe(true);
          if (words) expect(words.some((word) => line.includes(word)), `${pattern.source} on ${line}`).toBe(true);
        } else if (slowToRuleOut(pattern)) {
          slowPairs++;
          if (!mayMatch(pattern, line)) ruledOut++;
        }
      }
    }
    // The check is worth its cost: of the patterns slow to rule a line out, most lines they cannot match are ruled out.
    expect(ruledOut).toBeGreaterThan(slowPairs / 2);
  });

  it('says no for a line without the word the pattern needs', () => {
    expect(mayMatch(/(?<name>\S{2,40}?)\s*版权所有/u, '省委书记许达哲主持召开会议')).toBe(false);
    expect(mayMatch(/(?<name>\S{2,40}?)\s*版权所有/u, '湖南日报社版权所有')).toBe(true);
  });
});

describe('slowToRuleOut', () => {
  it('tells patterns the engine tries at many positions from those it rules out at once', () => {
    expect(slowToRuleOut(/(?<name>[^\s|]{2,40}?)\s*版权所有/u)).toBe(true);
    expect(slowToRuleOut(/^.{0,40}(不得转载|转载请注明).*$/u)).toBe(true);
    expect(slowToRuleOut(/^(?!.*[。！？])(?=.*来源)/u)).toBe(true);
    expect(slowToRuleOut(/\s*(Copyright|版权所有)[^。]{0,80}$/u)).toBe(true);
    expect(slowToRuleOut(/^(来源[:：]\s*\S+\s+)?(发布)?(时间|日期)[:：]/u)).toBe(false);
    expect(slowToRuleOut(/^(?<published>\d{4}[-/.]\d{1,2})/u)).toBe(false);
    expect(slowToRuleOut(/责任编辑[:：]?\s*(?<editors>\p{Script=Han}{2,4})$/u)).toBe(false);
    expect(slowToRuleOut(/[（(](来源|稿件来源)[:：]/u)).toBe(false);
  });
});
