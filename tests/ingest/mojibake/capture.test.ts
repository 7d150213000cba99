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

  it('reads a lost character back from another copy of the same text in the capture, where the surviving bytes fit', () => {
    // In the <h1> the last byte of 会 paired with nothing (the run has 27 bytes) and was lost; in
    // the <title> it paired with the `_` after it, and survived.
    const page = '<title>省委书记主持常委会_湖南</title>\n<h1>省委书记主持常委会</h1>';
    const misread = asGbk(utf8(page));
    expect(misread.split('\n')[1]).toContain('\uFFFD');
    const result = repairMisdecodedCapture(misread);
    expect(result.text).toBe(page);
    expect(result.ledger[1]!.label).toContain('丢失的「会」在本页另一处相同的文字中字节完整');
    expect(result.fidelity.join('\n')).toContain('已据此补回：「会」');
  });

  it('does not read a lost character back from a copy whose character does not fit the bytes that survived', () => {
    // The other copy of 持常委 goes on with 员 (E5 91 98); what survived of the lost one is E4 BC.
    const page = '<p>省委书记主持常委会</p>\n<p>主持常委员会议题</p>';
    const result = repairMisdecodedCapture(asGbk(utf8(page)));
    expect(result.text.split('\n')[0]).toBe('<p>省委书记主持常委\uFFFD</p>');
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
