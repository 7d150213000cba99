import { describe, expect, it } from 'vitest';
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
