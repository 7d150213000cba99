import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeCapture, MAX_CAPTURE_BYTES } from '../../src/ingest/decode.ts';
import { RAW } from './helpers.ts';

const SAMPLE = '省委书记楼阳生主持召开省委新冠肺炎疫情防控工作第九次专题会议，安排部署常态化疫情防控工作。\n省长王凯作工作部署。\n';
const TRADITIONAL = '省領導分赴14市州督導檢查疫情防控工作。杜家毫在株洲市中心醫院看望慰問一線醫護人員。\n';

describe('decodeCapture', () => {
  it('reads UTF-8 without and with a byte-order mark, and says which', () => {
    expect(decodeCapture(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8', fidelity: [], ledger: [] });
    expect(decodeCapture(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]))).toEqual({ text: SAMPLE, encoding: 'utf-8-bom', fidelity: [], ledger: [] });
  });

  it('turns CRLF and CR line ends into LF', () => {
    expect(decodeCapture(Buffer.from('第一行\r\n第二行\r第三行', 'utf8')).text).toBe('第一行\n第二行\n第三行');
  });

  it('detects GBK/GB18030 bytes and decodes them to the same text as the UTF-8 copy', () => {
    const decoded = decodeCapture(iconv.encode(SAMPLE, 'gb18030'));
    expect(decoded).toEqual({ text: SAMPLE, encoding: 'gb18030', fidelity: [], ledger: [] });
  });

  it('detects Big5 bytes of a Traditional text', () => {
    expect(decodeCapture(iconv.encode(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5', fidelity: [], ledger: [] });
  });

  it('reads UTF-16 with a byte-order mark in either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect(decodeCapture(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le', fidelity: [], ledger: [] });
    expect(decodeCapture(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be', fidelity: [], ledger: [] });
  });

  it('decodes a GB18030 copy of a seed capture to exactly the text of the UTF-8 original', () => {
    // GB18030 rather than GBK: this page has no-break spaces, which GBK cannot encode.
    const original = readFileSync(join(RAW, '002_fa9ed41a6c031e20.txt'), 'utf8');
    expect(decodeCapture(iconv.encode(original, 'gb18030')).text).toBe(original);
  });

  describe('by evidence, not by what the page declares', () => {
    const page = (charset: string) => `<html><head><meta charset="${charset}"><title>省委召开会议</title></head><body><p>${SAMPLE}</p></body></html>`;

    it('reads a page that declares GB2312 but is stored as UTF-8 as UTF-8', () => {
      const decoded = decodeCapture(Buffer.from(page('gb2312'), 'utf8'));
      expect(decoded).toMatchObject({ encoding: 'utf-8', text: page('gb2312') });
    });

    it('reads a GBK page that declares UTF-8 as GBK', () => {
      const decoded = decodeCapture(iconv.encode(page('utf-8'), 'gbk'));
      expect(decoded).toMatchObject({ encoding: 'gb18030', text: page('utf-8') });
    });

    it('reads UTF-8 that an earlier lossy save broke in places as UTF-8, one U+FFFD for each break, and counts them', () => {
      // Two sequences cut short: a lead byte without its continuation bytes, and a stray continuation byte.
      const bytes = Buffer.concat([Buffer.from(SAMPLE.slice(0, 20), 'utf8'), Buffer.from([0xe5, 0x8f]), Buffer.from(SAMPLE.slice(20), 'utf8'), Buffer.from([0x9c]), Buffer.from('完。', 'utf8')]);
      const decoded = decodeCapture(bytes);
      expect(decoded.encoding).toBe('utf-8');
      expect(decoded.text).toBe(`${SAMPLE.slice(0, 20)}\uFFFD${SAMPLE.slice(20)}\uFFFD完。`);
      expect(decoded.fidelity).toEqual([expect.stringContaining('有 2 处字节不是有效的 UTF-8')]);
    });

    it('reports the U+FFFD a capture already holds from an earlier lossy save, with the count', () => {
      const decoded = decodeCapture(Buffer.from(`会议于\uFFFD\uFFFD召开。${SAMPLE}`, 'utf8'));
      expect(decoded.text).toBe(`会议于\uFFFD\uFFFD召开。${SAMPLE}`);
      expect(decoded.fidelity).toEqual([expect.stringContaining('已有 2 个 �')]);
    });

    it('counts the bytes a GBK reading could not decode', () => {
      const decoded = decodeCapture(Buffer.concat([iconv.encode(SAMPLE, 'gbk'), Buffer.from([0xff]), iconv.encode('完。', 'gbk')]));
      expect(decoded.encoding).toBe('gb18030');
      expect(decoded.fidelity).toEqual([expect.stringContaining('读出 1 个 �')]);
    });
  });

  it('replaces what is not text once, at decoding, and counts it: control characters, lone surrogates of a damaged UTF-16 capture, U+FFFE and U+FFFF', () => {
    const withControls = decodeCapture(Buffer.from(`标题\u0001\u001B\n${SAMPLE}\uFFFE\uFFFF`, 'utf8'));
    expect(withControls.text).toBe(`标题\uFFFD\uFFFD\n${SAMPLE}\uFFFD\uFFFD`);
    expect(withControls.fidelity).toEqual([expect.stringContaining('有 4 个不是文字的字符')]);
    // UTF-16 with a high surrogate whose low half was lost.
    const damaged = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('省委', 'utf-16le'), Buffer.from([0x3d, 0xd8]), iconv.encode(`召开会议。\n${SAMPLE}`, 'utf-16le')]);
    const decoded = decodeCapture(damaged);
    expect(decoded.text).toBe(`省委\uFFFD召开会议。\n${SAMPLE}`);
    expect(decoded.fidelity).toEqual([expect.stringContaining('有 1 个不是文字的字符')]);
  });

  it('reads a form feed (a page break of a text saved from print) as a line break', () => {
    expect(decodeCapture(Buffer.from('第一页\f第二页', 'utf8')).text).toBe('第一页\n第二页');
  });

  it('refuses an empty file, a file of white space, a binary file and an oversized file, saying why', () => {
    const reason = (bytes: Uint8Array) => {
      try {
        decodeCapture(bytes);
      } catch (error) {
        expect(error).toBeInstanceOf(DecodeError);
        return (error as Error).message;
      }
      throw new Error('decoded');
    };
    expect(reason(new Uint8Array())).toBe('empty file');
    expect(reason(Buffer.from(' \n\t\n'))).toMatch(/^empty file/);
    expect(reason(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toMatch(/^binary file/);
    expect(reason(new Uint8Array(MAX_CAPTURE_BYTES + 1).fill(0x41))).toMatch(/^too large to be an article/);
  });
});

describe('decodeCapture: binary or damaged text', () => {
  it('reads damaged text full of U+FFFD (pairs an earlier misreading lost) as text, and refuses a binary file without NUL bytes', () => {
    const sentence = '八月二日下午，河南省新冠肺炎疫情防控指挥部召开全省视频会议，省委书记出席并讲话。';
    // One character in eight lost, as a UTF-8 page read as GBK loses the pairs GBK cannot decode.
    const damaged = [...sentence.repeat(20)].map((char, index) => (index % 8 === 7 ? '\uFFFD' : char)).join('');
    expect(decodeCapture(Buffer.from(damaged, 'utf8')).text).toContain('\uFFFD');
    let seed = 20210809;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const binary = Uint8Array.from({ length: 4096 }, () => 1 + Math.floor(random() * 255));
    expect(() => decodeCapture(binary)).toThrow(DecodeError);
  });
});

describe('decodeCapture and text an earlier tool misread', () => {
  it('decodes a UTF-8 page that was read as GBK and saved again as the page it was, saying what it did', () => {
    const original = '湖南省联防联控机制召开电视电话会议\n省委书记主持召开会议\n';
    const misread = new TextDecoder('gbk').decode(Buffer.from(original, 'utf8'));
    expect(misread.startsWith('婀栧崡鐪佽仈')).toBe(true);
    const decoded = decodeCapture(Buffer.from(misread, 'utf8'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toBe(original);
    expect(decoded.ledger.map((entry) => entry.after)).toEqual(['湖南省联防联控机制召开电视电话会议', '省委书记主持召开会议']);
    expect(decoded.fidelity.join('\n')).toContain('UTF-8 的字节被当作 GBK 读取');
  });
});
