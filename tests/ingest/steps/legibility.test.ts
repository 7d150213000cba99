import type { Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../src/ingest/blocks.ts';
import { refuseGarbledText } from '../../../src/ingest/steps/legibility.ts';
import { CaptureError, emptyMeta, type IngestState } from '../../../src/ingest/types.ts';
import { captureState } from '../helpers.ts';

function state(title?: string): IngestState {
  const meta = emptyMeta();
  if (title) meta.title = title;
  return captureState({ capture: { path: 'content/raw/garbled.html', bytes: new Uint8Array(), sha256: '' }, meta, fidelity: ['原文为繁体中文，已用 opencc-js 转为简体。'] });
}

function run(texts: string[], ingest: IngestState): void {
  const tree: Root = { type: 'root', children: texts.map((text) => paragraph(text)) };
  unified().use(refuseGarbledText).runSync(tree, new VFile({ data: { ingest } }));
}

const BODY = '8月9日下午，湖南省联防联控机制召开全省电视电话会议，调度部署疫情防控工作。';
// Mojibake no reading repairs: rare characters, kana and box-drawing pieces of a damaged conversion.
const GARBAGE = '倍偶液撩銊钇髽鼷齉靐';

describe('refuseGarbledText', () => {
  it('refuses, in one line, a capture whose body still reads as mojibake', () => {
    const ingest = state('省委召开会议');
    let error: unknown;
    try {
      run([GARBAGE, `${GARBAGE}，${GARBAGE}`, BODY.slice(0, 10)], ingest);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CaptureError);
    expect((error as CaptureError).reason).toMatch(/^still reads as mojibake after repair \(\d+ of \d+ characters of the body, e\.g\. "銊钇髽/u);
    expect((error as CaptureError).reason).not.toContain('\n');
  });

  it('keeps a body with a garbled stretch, flags it, and says so in the first fidelity note', () => {
    const ingest = state('省委召开会议');
    run([BODY, `会上，${GARBAGE}。`, BODY], ingest);
    expect(ingest.fidelity[0]).toMatch(/^⚠ 正文有 1 处修复后仍是乱码/u);
    expect(ingest.ledger).toEqual([expect.objectContaining({ step: 'legibility', action: 'flagged' })]);
    // The run is quoted from its first sign of mojibake to its last, without the prose around it.
    expect(ingest.ledger[0]!.text).toBe('銊钇髽鼷齉靐');
  });

  it('never keeps a garbled title: the opening words of the body stand for it, with a note', () => {
    const ingest = state(GARBAGE);
    run([BODY, BODY], ingest);
    expect(ingest.meta.title).toBe(`${[...BODY].slice(0, 24).join('')}…`);
    expect(ingest.fidelity[0]).toMatch(/^⚠ 采集页面的标题是无法修复的乱码/u);
    expect(ingest.ledger[0]).toMatchObject({ step: 'legibility', field: 'title', text: GARBAGE });
  });

  it('leaves clean text alone, rare names, Traditional text and Latin words included', () => {
    const ingest = state('香港特區政府公布放寬措施');
    run([BODY, '作者：冒蕞 孙敏坚', '黑龙江省瑷珲县 Café Müller', '醫(yī)學資訊', '会议\uFFFD召开', '喆、堃、昇、赟四位同志'], ingest);
    expect(ingest.ledger).toEqual([]);
    expect(ingest.fidelity).toEqual(['原文为繁体中文，已用 opencc-js 转为简体。']);
  });

  it('does not count twice a run the GBK repair step already flagged', () => {
    const ingest = state('省委召开会议');
    ingest.ledger.push({ step: 'mojibake', action: 'flagged', text: `?!${GARBAGE}z`, label: '疑似 GBK 乱码，无法可靠修复，原样保留' });
    run([BODY, `工作?!${GARBAGE}z`, BODY], ingest);
    expect(ingest.ledger.filter((entry) => entry.step === 'legibility')).toEqual([]);
  });
});
