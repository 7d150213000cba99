import { describe, expect, it } from 'vitest';
import { repairMisdecodedCapture } from '../../../src/ingest/mojibake/capture.ts';
import { asGbk, asWindows1252, utf8 } from './misreadings.ts';

const TITLE = '湖南省联防联控机制召开电视电话会议';
const LEAD = '省委书记许达哲出席并讲话，省长毛伟明主持会议';
const misread = (value: string) => asWindows1252(utf8(value));

describe('repairMisdecodedCapture', () => {
  it('repairs every line of a capture, markup values and front matter alike, and records every repair with its evidence', () => {
    const capture = [
      '---',
      `title: '${misread(TITLE)}'`,
      `tags: [${misread('疫情防控')}]`,
      '---',
      `<meta name="description" content="${misread(LEAD)}">`,
      `<h1>${misread(TITLE)}</h1>`,
      `<p>${misread(LEAD)}<b>（记者 冒蕞）</b></p>`,
    ].join('\n');
    const result = repairMisdecodedCapture(capture);
    expect(result.text).toBe(
      ['---', `title: '${TITLE}'`, 'tags: [疫情防控]', '---', `<meta name="description" content="${LEAD}">`, `<h1>${TITLE}</h1>`, `<p>${LEAD}<b>（记者 冒蕞）</b></p>`].join('\n'),
    );
    expect(result.ledger).toHaveLength(5);
    expect(result.ledger[0]).toMatchObject({ step: 'redecode', action: 'repaired', rule: 'redecode/utf-8<latin', before: misread(TITLE), after: TITLE });
    expect(result.ledger.every((entry) => entry.label?.startsWith('UTF-8 的字节被当作 Windows-1252/Latin-1 读取'))).toBe(true);
    // Each entry replays: the capture with every `before` replaced by its `after` is the repaired text.
    expect(result.ledger.reduce((text, entry) => text.split(entry.before!).join(entry.after!), capture)).toBe(result.text);
    expect(result.fidelity).toEqual([expect.stringMatching(/^原文有 5 处文字曾按错误的编码读取（UTF-8 的字节被当作 Windows-1252\/Latin-1 读取，5 处）/u)]);
  });

  it('marks the characters a lossy reading lost, and says how many and where', () => {
    // 月 stands alone before a digit: read as GBK, it lost its last byte.
    const result = repairMisdecodedCapture(`<p>${asGbk(utf8('8月9日下午，省委书记主持会议'))}</p>`);
    expect(result.text).toBe('<p>8\uFFFD9日下午，省委书记主持会议</p>');
    expect(result.fidelity[1]).toBe('其中 1 处的字节在错误读取时已经丢失，共 1 个字无法恢复，未作补写，每处以一个 � 标出：「8�9日下午，省」。');
    expect(result.ledger[0]!.label).toContain('1 个字的字节已在错误读取时丢失');
  });

  it('says what 锟斤拷 and 烫烫烫 were', () => {
    const result = repairMisdecodedCapture('会议于锟斤拷召开。\n会议指出烫烫烫烫，要坚决落实。');
    expect(result.text).toBe('会议于\uFFFD召开。\n会议指出\uFFFD，要坚决落实。');
    expect(result.fidelity.join('\n')).toContain('“锟斤拷”一类乱码');
    expect(result.fidelity.join('\n')).toContain('未初始化的内存');
  });

  it('does nothing to a clean capture: no change, no entry, no note', () => {
    const capture = `---\ntitle: ${TITLE}\n---\n<p>${LEAD}。醫(yī)學 Café Müller 😀 朱镕基</p>\n`;
    expect(repairMisdecodedCapture(capture)).toEqual({ text: capture, ledger: [], fidelity: [] });
  });

  it('keeps a repair within its line: a damaged line among two hundred thousand clean ones', () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => `第${index}段：会议。`);
    lines[123_456] = misread(TITLE);
    const result = repairMisdecodedCapture(lines.join('\n'));
    expect(result.text.split('\n')[123_456]).toBe(TITLE);
    expect(result.ledger).toHaveLength(1);
  });
});
