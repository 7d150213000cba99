import { describe, expect, it } from 'vitest';
import { removeSpelledMarkup } from '../../../src/ingest/spelled-markup.ts';
import { cleanRemnants } from '../../../src/ingest/steps/remnants.ts';

describe('cleanRemnants', () => {
  it('removes tags saved as text, and records each', () => {
    const result = cleanRemnants('但是工作还是得好好做。”</p>', false);
    expect(result.text).toBe('但是工作还是得好好做。”');
    expect(result.entries).toEqual([expect.objectContaining({ rule: 'remnants/tag', text: '</p>' })]);
  });

  it('decodes character references in plain-text captures only', () => {
    expect(cleanRemnants('新华社&nbsp;北京&#12288;电&amp;', true).text).toBe('新华社\u00A0北京\u3000电&');
    expect(cleanRemnants('A&amp;B', false).text).toBe('A&amp;B');
  });

  it('removes private-use and zero-width characters, which no font shows', () => {
    expect(cleanRemnants('负责\uE0F1同志\u200B告诉', false).text).toBe('负责同志告诉');
  });

  it('keeps U+FFFD, which marks text that was lost', () => {
    expect(cleanRemnants('会议\uFFFD召开', false).text).toBe('会议\uFFFD召开');
  });
});

describe('removeSpelledMarkup', () => {
  it('removes tags with / for separators, escaped tags, and spelled scripts with their code', () => {
    const result = removeSpelledMarkup('会议<svg/onload=alert(1)>召开&lt;img/src=x/onerror=alert(2)&gt;。&amp;lt;script&amp;gt;alert(3)&amp;lt;/script&amp;gt;他说&#60;b&#62;好&#60;/b&#62;');
    expect(result.text).toBe('会议召开。他说好');
    expect(result.removed).toHaveLength(5);
  });

  it('leaves comparison signs and unclosed runs as text, and reads long runs of them in one pass', () => {
    expect(removeSpelledMarkup('气温<5度，湿度>80%').text).toBe('气温<5度，湿度>80%');
    for (const run of ['<a ', '&lt;a ', '<script>会', '&amp;lt;script x']) {
      const text = run.repeat(200_000);
      const result = removeSpelledMarkup(text);
      expect(result.text.length + result.removed.join('').length).toBe(text.length);
    }
  });
});
