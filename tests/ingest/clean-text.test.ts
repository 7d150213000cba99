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

describe('cleanText on every kind of code unit', () => {
  it('replaces exactly what the definition of not-text matches, wherever it stands', () => {
    const pieces = ['省', 'a', '\t', '\n', '\r', '\u0000', '\u0008', '\u000B', '\u000C', '\u000E', '\u001F', ' ', '\uFFFD', '\uFFFE', '\uFFFF', '\uD842\uDFB7', '\uD842', '\uDFB7', '\uDBFF', '\uDC00'];
    const notText = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of ['', ...pieces]) {
          const text = a + b + c;
          let replaced = 0;
          const expected = text.replace(notText, () => {
            replaced++;
            return '\uFFFD';
          });
          expect(cleanText(text), JSON.stringify(text)).toEqual({ text: expected, replaced });
        }
      }
    }
  });
});
