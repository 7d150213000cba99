import iconv from 'iconv-lite';

/**
 * The wrong readings a capture goes through before it reaches the archive, as the tools that do
 * it behave: browsers (the WHATWG decoders), iconv-lite and scripts. Each takes bytes and returns
 * the text a wrong reading makes of them; a text "saved again" is that text written as UTF-8.
 */

// Windows-1252 as browsers read it: the five bytes it leaves undefined become C1 controls.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function asWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

/** Windows-1252 as iconv-lite and Python read it: the five undefined bytes become U+FFFD (lost). */
export function asWindows1252Lossy(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'windows1252');
}

export function asLatin1(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'latin1');
}

/** GBK as browsers read it (the WHATWG GB18030 decoder): a lead byte without a trail becomes U+FFFD. */
export function asGbk(bytes: Uint8Array): string {
  return new TextDecoder('gbk').decode(bytes);
}

export function asGbkIconv(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gbk');
}

export function asBig5(bytes: Uint8Array): string {
  return new TextDecoder('big5').decode(bytes);
}

export const utf8 = (text: string) => Buffer.from(text, 'utf8');
export const gbk = (text: string) => iconv.encode(text, 'gbk');
export const big5 = (text: string) => iconv.encode(text, 'big5');
