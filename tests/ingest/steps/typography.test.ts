import { describe, expect, it } from 'vitest';
import { normalizeTypography } from '../../../src/ingest/steps/typography.ts';

describe('normalizeTypography', () => {
  it('sets half-width punctuation standing in Chinese text in full width', () => {
    const result = normalizeTypography('12月11日,省委书记楼阳生主持召开会议;他说:要这样?好!(柳柯)');
    expect(result.text).toBe('12月11日，省委书记楼阳生主持召开会议；他说：要这样？好！（柳柯）');
    expect(result.counts.get(',→，')).toBe(1);
  });

  it('leaves times, numbers, Latin text and URLs alone', () => {
    for (const text of ['2021/8/9 16:17', '3.5%', 'COVID-19, SARS-CoV-2', 'https://example.com/a?b=c', '1,909人']) {
      expect(normalizeTypography(text).text).toBe(text);
    }
  });

  it('drops an ornament leading a paragraph and collapses runs of spaces', () => {
    expect(normalizeTypography('☆8月4日上午，会议召开。').text).toBe('8月4日上午，会议召开。');
    expect(normalizeTypography('文     字：雷闪闪').text).toBe('文 字：雷闪闪');
  });
});

describe('normalizeTypography on a long line', () => {
  it('reads an opening parenthesis without its closing one before a long line of Chinese, leaving it as it is', () => {
    // Time grew with the square of such a line: 40,000 characters took ten seconds, 3.6 MB did not finish.
    const line = `(${'疫情防控工作会议部署'.repeat(100_000)}`;
    expect(normalizeTypography(line).text).toBe(line);
    expect(normalizeTypography(`会议(${'部署'.repeat(50_000)})召开(x)`).text).toBe(`会议（${'部署'.repeat(50_000)}）召开(x)`);
  });
});
