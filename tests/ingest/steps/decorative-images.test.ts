import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { removeDecorativeImages } from '../../../src/ingest/steps/decorative-images.ts';
import type { DecorativeImageRules } from '../../../src/ingest/data.ts';
import type { IngestState } from '../../../src/ingest/types.ts';
import { captureState, ingest } from '../helpers.ts';

const RULES: DecorativeImageRules = {
  words: ['qrcode', 'qr', 'logo', 'banner', '二维码'],
  stripRatio: 0.2,
  speckPixels: 16,
  ratioAttributes: ['data-ratio'],
  sourceAttributes: ['data-src', 'src'],
};

/** Runs the step on a paragraph holding `images`; returns the addresses (or alt texts) of the images left and the state. */
function run(images: Element[], rules = RULES): { kept: string[]; state: IngestState } {
  const tree: Root = { type: 'root', children: [h('div', [h('p', '会议强调，要坚决落实各项防控措施。'), ...images])] };
  const state = captureState();
  unified().use(removeDecorativeImages, rules).runSync(tree, new VFile({ data: { ingest: state } }));
  const kept: string[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') kept.push(String(child.properties.dataSrc ?? child.properties.src ?? child.properties.alt));
      walk(child);
    }
  };
  walk(tree);
  return { kept, state };
}

describe('removeDecorativeImages', () => {
  it('keeps the photographs of a report, lazily loaded or not', () => {
    const photos = [
      h('img', { src: 'https://www.example.gov.cn/images/2021-12/meeting01.jpg', width: 600, height: 400 }),
      h('img', { src: 'https://cdn.example.cn/loading.gif', dataSrc: 'https://mmbiz.example.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg', dataRatio: '0.5625' }),
      h('img', { src: 'https://example.cn/u/cms/www/202112/photo.png', style: 'width: 640px; height: 360px' }),
      h('img', { src: 'https://example.cn/a/panorama.jpg', width: '1200', height: '300' }),
    ];
    const { kept, state } = run(photos);
    expect(kept).toEqual([
      'https://www.example.gov.cn/images/2021-12/meeting01.jpg',
      'https://mmbiz.example.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg',
      'https://example.cn/u/cms/www/202112/photo.png',
      'https://example.cn/a/panorama.jpg',
    ]);
    expect(state.ledger).toEqual([]);
  });

  it('removes QR codes and logos by a word of their address or alt text, and says so', () => {
    const { kept, state } = run([
      h('img', { src: 'https://example.cn/static/shareQrCode.png' }),
      h('img', { src: 'https://example.cn/images/site_logo.gif' }),
      h('img', { src: 'https://example.cn/images/a.png', alt: '扫描二维码关注我们' }),
      h('img', { src: 'https://example.cn/images/b.png', alt: 'Logo' }),
    ]);
    expect(kept).toEqual([]);
    expect(state.ledger.map((entry) => [entry.action, entry.rule])).toEqual(Array.from({ length: 4 }, () => ['removed', 'images/decoration-name']));
    expect(state.ledger[0]!.text).toBe('https://example.cn/static/shareQrCode.png');
  });

  it('does not read a word out of the host name or out of a longer word', () => {
    const { kept } = run([
      h('img', { src: 'https://logo.example.cn/2021/photo.jpg' }),
      h('img', { src: 'https://example.cn/2021/qrst/equip.jpg' }),
    ]);
    expect(kept).toHaveLength(2);
  });

  it('removes banners and dividers by their declared shape, pixels by their declared size', () => {
    const { kept, state } = run([
      h('img', { dataSrc: 'https://mmbiz.example.cn/mmbiz_gif/abc/0?wx_fmt=gif', dataRatio: '0.1' }),
      h('img', { src: 'https://example.cn/line.png', width: 640, height: 8 }),
      h('img', { src: 'https://stats.example.cn/count.gif', width: '1', height: '1' }),
      h('img', { src: 'https://example.cn/sep.png', style: 'width:700px;height:60px' }),
    ]);
    expect(kept).toEqual([]);
    expect(state.ledger.map((entry) => entry.rule)).toEqual(['images/decoration-shape', 'images/decoration-size', 'images/decoration-size', 'images/decoration-shape']);
  });

  it('leaves the lines of a page saved as text alone', () => {
    const tree: Root = { type: 'root', children: [h('img', { src: 'https://example.cn/qrcode.png' })] };
    const state = captureState({ shape: 'text' });
    unified().use(removeDecorativeImages, RULES).runSync(tree, new VFile({ data: { ingest: state } }));
    expect(tree.children).toHaveLength(1);
  });
});

describe('decorative images in a whole capture', () => {
  it('leaves no photo placeholder for a public account’s banner and QR code, and keeps the report’s photo', () => {
    const lead = '12月24日晚，西安市召开疫情防控工作视频调度会，听取各区县、开发区和市级有关部门工作汇报，分析研判当前疫情形势。';
    const second = '会议指出，当前疫情防控正处于最吃劲的关键时期，全市上下要坚决克服麻痹思想、厌战情绪、侥幸心理、松劲心态。';
    const third = '会议要求，要严格落实居家隔离管控措施，全市所有小区、村组实行封闭式管理，除就医等特殊情况外，居民原则上不出小区。';
    const result = ingest(
      `<html><head><title>西安市召开疫情防控工作视频调度会</title><meta property="article:published_time" content="2021-12-25T01:00:00+08:00"></head><body>
      <h1>西安市召开疫情防控工作视频调度会</h1>
      <div class="rich_media_content" id="js_content">
        <section><img data-ratio="0.1" data-src="https://mmbiz.example.cn/mmbiz_gif/abc/0?wx_fmt=gif" data-type="gif"></section>
        <p>${lead}</p><p>${second}</p>
        <p><img data-src="https://mmbiz.example.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg" data-ratio="0.66"></p>
        <p>${third}</p>
        <p><img data-src="https://mmbiz.example.cn/mmbiz_png/abc/qrcode?wx_fmt=png"></p>
      </div></body></html>`,
      'content/raw/wechat.html',
    );
    expect(result.markdown.match(/capture-photo/g)).toHaveLength(1);
    expect(result.body.split('\n')).toEqual([lead, second, third]);
    expect(result.state.ledger.filter((entry) => entry.step === 'images' && entry.action === 'removed')).toHaveLength(2);
  });
});
