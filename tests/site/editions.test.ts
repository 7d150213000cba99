import { describe, expect, it } from 'vitest';
import { editionUrl, otherEdition, toTraditional, treeInEdition } from '../../src/site/editions.ts';
import { interfaceText } from '../../src/site/interface-text.ts';
import type { Root } from 'hast';

describe('editions', () => {
  it('puts the Traditional edition under /zh-hant/ and the Simplified one at the root', () => {
    expect(editionUrl('zh-Hans', '/2021/07/28/a/')).toBe('/2021/07/28/a/');
    expect(editionUrl('zh-Hant', '/2021/07/28/a/')).toBe('/zh-hant/2021/07/28/a/');
    expect(editionUrl('zh-Hant', '/')).toBe('/zh-hant/');
    expect(otherEdition('zh-Hant')).toBe('zh-Hans');
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

  it('has every interface string in both scripts, and a switch that names the other edition', () => {
    const hans = interfaceText('zh-Hans');
    const hant = interfaceText('zh-Hant');
    expect(Object.keys(hant)).toEqual(Object.keys(hans));
    expect(hant.siteName).toBe('湘豫防疫會議檔案');
    expect(hans.switchTo).toBe('繁體');
    expect(hant.switchTo).toBe('简体');
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
