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
    expect(decodeCapture(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeCapture(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]))).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('turns CRLF and CR line ends into LF', () => {
    expect(decodeCapture(Buffer.from('第一行\r\n第二行\r第三行', 'utf8')).text).toBe('第一行\n第二行\n第三行');
  });

  it('detects GBK/GB18030 bytes and decodes them to the same text as the UTF-8 copy', () => {
    const decoded = decodeCapture(iconv.encode(SAMPLE, 'gb18030'));
    expect(decoded).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('detects Big5 bytes of a Traditional text', () => {
    expect(decodeCapture(iconv.encode(TRADITIONAL, 'big5'))).toEqual({ text: TRADITIONAL, encoding: 'big5' });
  });

  it('reads UTF-16 with a byte-order mark in either byte order', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf-16be')]);
    expect(decodeCapture(le)).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeCapture(be)).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('decodes a GB18030 copy of a seed capture to exactly the text of the UTF-8 original', () => {
    // GB18030 rather than GBK: this page has no-break spaces, which GBK cannot encode.
    const original = readFileSync(join(RAW, '002_fa9ed41a6c031e20.txt'), 'utf8');
    expect(decodeCapture(iconv.encode(original, 'gb18030')).text).toBe(original);
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
