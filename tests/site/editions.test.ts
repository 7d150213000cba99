import { describe, expect, it } from 'vitest';
import { editionUrl, editionUrls, inEdition, scriptOf, toTraditional, treeInEdition } from '../../src/site/editions.ts';
import { interfaceText } from '../../src/site/interface-text.ts';
import type { Root } from 'hast';

describe('editions', () => {
  it('puts the Traditional edition under /zh-hant/, the English one under /en/ and the Simplified one at the root', () => {
    expect(editionUrl('zh-Hans', '/2021/07/28/a/')).toBe('/2021/07/28/a/');
    expect(editionUrl('zh-Hant', '/2021/07/28/a/')).toBe('/zh-hant/2021/07/28/a/');
    expect(editionUrl('zh-Hant', '/')).toBe('/zh-hant/');
    expect(editionUrls('/tags/')).toEqual({ 'zh-Hans': '/tags/', 'zh-Hant': '/zh-hant/tags/', en: '/en/tags/' });
  });

  it('shows the Chinese text in Simplified in the English edition', () => {
    expect(scriptOf('en')).toBe('zh-Hans');
    expect(inEdition('en', '许达哲讲话')).toBe('许达哲讲话');
    expect(inEdition('zh-Hant', '许达哲讲话')).toBe('許達哲講話');
  });

  it('converts names and phrases to Traditional characters', () => {
    expect(toTraditional('许达哲')).toBe('許達哲');
    expect(toTraditional('湘西土家族苗族自治州疫情防控')).toBe('湘西土家族苗族自治州疫情防控');
    expect(toTraditional('头发和发展')).toBe('頭髮和發展');
  });

  it('converts text nodes but not attributes nor translate="no" elements', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: { title: '许达哲' },
          children: [
            { type: 'text', value: '许达哲讲话' },
            { type: 'element', tagName: 'span', properties: { translate: 'no' }, children: [{ type: 'text', value: '株洲企业.jpg' }] },
          ],
        },
      ],
    };
    const converted = treeInEdition('zh-Hant', tree);
    expect(JSON.stringify(converted)).toContain('許達哲講話');
    expect(JSON.stringify(converted)).toContain('株洲企业.jpg');
    expect(JSON.stringify(converted)).toContain('"title":"许达哲"');
    // The Simplified tree is left alone.
    expect(JSON.stringify(tree)).toContain('许达哲讲话');
  });

  it('has every interface string in both scripts and in English', () => {
    const hans = interfaceText('zh-Hans');
    const hant = interfaceText('zh-Hant');
    const english = interfaceText('en');
    expect(Object.keys(hant)).toEqual(Object.keys(hans));
    expect(Object.keys(english).sort()).toEqual(Object.keys(hans).sort());
    expect(hant.siteName).toBe('湘豫防疫會議檔案');
    for (const [key, value] of Object.entries(english)) if (typeof value === 'string') expect(value, key).not.toMatch(/\p{Script=Han}/u);
  });

  it('writes dates, counts, asides and lists in each edition’s own way', () => {
    const [hans, hant, english] = (['zh-Hans', 'zh-Hant', 'en'] as const).map((edition) => interfaceText(edition).format);
    expect(hans!.day('2021-07-28')).toBe('2021年7月28日');
    expect(english!.day('2021-07-28')).toBe('28 July 2021');
    expect(english!.day('2020-01-05')).toBe('5 January 2020');
    expect(english!.month(12)).toBe('December');
    expect(hans!.articles(3)).toBe('3 篇');
    expect(english!.articles(1)).toBe('1 article');
    expect(english!.articles(3)).toBe('3 articles');
    expect(hans!.numbered('湖南', 2)).toBe('湖南（2）');
    expect(english!.numbered('Hunan', 2)).toBe('Hunan (page 2)');
    expect(hans!.labelled('原标题', '某')).toBe('原标题：某');
    expect(english!.labelled('Original headline', 'x')).toBe('Original headline: x');
    expect(hant!.yearArchive(2021)).toBe(toTraditional('2021年报道'));
    expect(english!.pageOf(2, 5)).toBe('page 2 of 5');
  });

  it('converts each text node of a body as it would be converted alone, neighbours never joining into one phrase', () => {
    // 头 and 发 in adjacent nodes must not become the phrase 頭髮; each node alone: 头 → 頭, 发展 → 發展.
    const texts = ['许达哲讲话，头', '发展', '', '会议强调', '头发'];
    const tree: Root = {
      type: 'root',
      children: texts.map((value) => ({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value }] })),
    };
    const converted = treeInEdition('zh-Hant', tree).children.map((node) => (node.type === 'element' && node.children[0]?.type === 'text' ? node.children[0].value : undefined));
    expect(converted).toEqual(texts.map((text) => toTraditional(text)));
    expect(converted[4]).toBe('頭髮');
  });
});
