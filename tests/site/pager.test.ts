import { describe, expect, it } from 'vitest';
import { pager, type PagerItem } from '../../src/site/views.ts';

const numbers = (items: PagerItem[]) => items.flatMap((item) => ('gap' in item ? [] : [item.number]));
const shape = (items: PagerItem[]) => items.map((item) => ('gap' in item ? '…' : item.current ? `[${item.number}]` : String(item.number))).join(' ');

describe('pager of a long list (tag and year pages)', () => {
  it('links every page of a short list', () => {
    expect(shape(pager('zh-Hans', '/tags/person/x/', 4, 7).pages)).toBe('1 2 3 [4] 5 6 7');
    expect(shape(pager('zh-Hans', '/tags/person/x/', 1, 1).pages)).toBe('[1]');
  });

  it('links the first, the last and the neighbours of the current page of a long one, with a gap for the rest', () => {
    expect(shape(pager('zh-Hans', '/tags/person/x/', 10, 20).pages)).toBe('1 … 8 9 [10] 11 12 … 20');
    expect(shape(pager('zh-Hans', '/tags/person/x/', 1, 20).pages)).toBe('[1] 2 3 … 20');
    // A gap would stand for one page only: that page is linked instead.
    expect(shape(pager('zh-Hans', '/tags/person/x/', 5, 20).pages)).toBe('1 2 3 4 [5] 6 7 … 20');
  });

  it('stays the same size however long the list grows, and every page stays reachable', () => {
    for (const pageCount of [1, 2, 6, 50, 1000]) {
      for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
        const result = pager('zh-Hant', '/tags/province/hu-nan-sheng/', pageNumber, pageCount);
        const shown = numbers(result.pages);
        expect(result.pages.length).toBeLessThanOrEqual(9);
        expect(shown).toEqual([...shown].sort((a, b) => a - b));
        expect(shown).toContain(1);
        expect(shown).toContain(pageCount);
        // Both neighbours are linked, so following links reaches every page.
        for (const neighbour of [pageNumber - 1, pageNumber + 1]) if (neighbour >= 1 && neighbour <= pageCount) expect(shown).toContain(neighbour);
        expect(result.pages.filter((item) => !('gap' in item) && item.current).map((item) => !('gap' in item) && item.number)).toEqual([pageNumber]);
      }
    }
  });

  it('gives page URLs in the edition, the first page at the list URL itself', () => {
    const result = pager('zh-Hant', '/tags/province/hu-nan-sheng/', 2, 3);
    expect(result.previousUrl).toBe('/zh-hant/tags/province/hu-nan-sheng/');
    expect(result.nextUrl).toBe('/zh-hant/tags/province/hu-nan-sheng/page/3/');
    expect(result.pages[0]).toEqual({ number: 1, url: '/zh-hant/tags/province/hu-nan-sheng/', current: false });
  });
});
