import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/ingest/clean-text.ts';

describe('cleanText', () => {
  it('leaves text, line breaks, tabs and surrogate pairs alone', () => {
    const text = '省委召开会议\n\t𠮷字\r完';
    expect(cleanText(text)).toEqual({ text, replaced: 0 });
  });

  it('replaces lone surrogates, noncharacters and control characters with U+FFFD and counts them', () => {
    expect(cleanText('标\uD800题\uDC00\u0001\u001F\u000C\uFFFE\uFFFF')).toEqual({ text: '标\uFFFD题\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD', replaced: 7 });
  });
});
