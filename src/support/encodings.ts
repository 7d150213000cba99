/**
 * Reading a capture's bytes in the encoding ingest recorded for it (src/ingest/decode.ts), for
 * ingest's own legacy readings and for the site's UTF-8 copy of a capture that is not UTF-8: the
 * copy must say what the bytes say, before any of ingest's cleaning or repairs.
 */
import iconv from 'iconv-lite';

/** The encodings decodeCapture records. */
export type CaptureEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Whether a capture in `encoding` reads correctly where a host serves text as UTF-8. */
export function isUtf8(encoding: string): boolean {
  return encoding === 'utf-8' || encoding === 'utf-8-bom';
}

/**
 * The text of `bytes` in `encoding` (a leading byte-order mark is not text); bytes the encoding
 * cannot read become U+FFFD, as in every decoder. Throws on an encoding decodeCapture never records.
 */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return new TextDecoder('utf-8').decode(buffer);
    case 'utf-16le':
    case 'utf-16be':
    case 'gb18030':
    case 'big5':
      return iconv.decode(buffer, encoding);
    default:
      throw new Error(`not an encoding ingest records: ${encoding}`);
  }
}
