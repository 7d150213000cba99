import { describe, expect, it } from 'vitest';
import { assignSlugs, pinyinSlug } from '../../src/site/tag-slug.ts';

describe('tag slugs', () => {
  it('spells Chinese names in toneless pinyin', () => {
    expect(pinyinSlug('许达哲')).toBe('xu-da-zhe');
    expect(pinyinSlug('湖南')).toBe('hu-nan');
    expect(pinyinSlug('电视电话会议')).toBe('dian-shi-dian-hua-hui-yi');
  });

  it('only ever produces ASCII URL segments', () => {
    for (const name of ['吕梁', '女儿', 'A股 市场', '〇〇', '…']) expect(pinyinSlug(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('tells homophones apart independently of their order', () => {
    const forward = assignSlugs(['王凯', '王楷', '许达哲']);
    const backward = assignSlugs(['许达哲', '王楷', '王凯']);
    expect(forward.get('王凯')).not.toBe(forward.get('王楷'));
    expect(forward.get('王凯')).toMatch(/^wang-kai-[0-9a-f]{6}$/);
    expect(forward).toEqual(backward);
    expect(forward.get('许达哲')).toBe('xu-da-zhe');
  });
});
