import { describe, expect, it } from 'vitest';
import { shapeCapture } from '../../src/ingest/shapes/index.ts';
import { ingest } from './helpers.ts';

describe('shapeCapture', () => {
  it('recognises a Hexo post with an HTML body, also after a blank first line', () => {
    const shaped = shapeCapture("\n---\ntitle: '标题'\ndate: Thu, 29 Jul 2021 08:06:09 GMT\n---\n\n<div><p>正文第一段。</p><p>正文第二段。</p></div>\n");
    expect(shaped.shape).toBe('hexo-html');
    expect(shaped.frontMatter).toEqual({ title: '标题', date: 'Thu, 29 Jul 2021 08:06:09 GMT' });
  });

  it('recognises HTML pages and plain text', () => {
    expect(shapeCapture('<html><body><p>一</p><p>二</p></body></html>').shape).toBe('html');
    expect(shapeCapture('标题\n\n正文。\n').shape).toBe('text');
  });

  it('falls back to reading a file with broken front matter as text, and says which line is broken', () => {
    const shaped = shapeCapture('---\ntitle: 会议召开\ndate: [2021-08-09\n---\n正文。\n');
    expect(shaped.shape).toBe('text');
    expect(shaped.warning).toMatch(/^front matter is not valid YAML \(line \d+: .+\); read the whole file as text$/);
  });

  it('still makes an article of a capture with broken front matter, noting it', () => {
    const result = ingest('---\ntitle: "会议召开\n---\n省委召开疫情防控会议\n2021-08-09 10:00\n\n8月9日，省委书记许达哲主持召开会议，部署疫情防控工作。\n');
    expect(result.warnings).toHaveLength(1);
    expect(result.meta.date).toBe('2021-08-09');
    expect(result.state.fidelity.join('\n')).toContain('YAML 头信息无法解析');
  });
});
