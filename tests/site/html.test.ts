import { describe, expect, it } from 'vitest';
import { html, joined, raw } from '../../src/site/html.ts';

describe('html template helper', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = '<script>alert("x")</script> & \'quoted\'';
    const out = html`<a title="${title}">${title}</a>`.toString();
    expect(out).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</a>',
    );
  });

  it('prints markup made by html or marked raw as it is, and lists item by item', () => {
    const items = ['甲', '<乙>'].map((text) => html`<li>${text}</li>`);
    expect(html`<ol>${items}</ol>${raw('<p>正文</p>')}`.toString()).toBe('<ol><li>甲</li><li>&lt;乙&gt;</li></ol><p>正文</p>');
  });

  it('prints nothing for absent values and numbers as numbers', () => {
    expect(html`${undefined}${null}${false}${0}${12}`.toString()).toBe('012');
  });

  it('joins names with an escaped separator', () => {
    expect(joined(['冒蕞', '<刘笑雪>'], '、').toString()).toBe('冒蕞、&lt;刘笑雪&gt;');
  });
});
