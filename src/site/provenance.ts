/**
 * What the provenance of an article page tells a reader who is not a specialist: the capture's
 * encoding in plain words, where its UTF-8 copy is, and where to look its original URL up in
 * the Internet Archive.
 */
import type { InterfaceText } from './interface-text.ts';
import { isUtf8 } from '../support/encodings.ts';

/** Where the UTF-8 copies of captures that are not UTF-8 are published; raw copies' names all end in .txt, so no capture is named so. */
export const UTF8_COPY_FOLDER = 'utf-8';

/** The site path of the UTF-8 copy of the capture published as /raw/<name>, when it needs one. */
export function utf8CopyUrl(file: { name: string; encoding: string }): string | undefined {
  return isUtf8(file.encoding) ? undefined : `/raw/${UTF8_COPY_FOLDER}/${encodeURIComponent(file.name)}`;
}

/** The encoding's name with what it is, for a reader: GB18030（国家标准的汉字编码…）. */
export function encodingLabel(ui: InterfaceText, encoding: string): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return ui.encodingUtf8;
    case 'utf-16le':
    case 'utf-16be':
      return ui.encodingUtf16;
    case 'gb18030':
      return ui.encodingGb18030;
    case 'big5':
      return ui.encodingBig5;
    default:
      return encoding;
  }
}

/**
 * The Wayback Machine's list of its captures of `source`, or undefined when `source` is not an
 * http(s) URL. The URL is parsed and written out again, so what a capture recorded cannot break
 * out of the link (spaces, quotes and angle brackets come out percent-encoded, a javascript: URL
 * gets no link); the fragment is dropped, as no server sees it, and so are credentials.
 */
export function waybackUrl(source: string): string | undefined {
  let url: URL;
  try {
    url = new URL(source.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  url.username = '';
  url.password = '';
  return `https://web.archive.org/web/*/${url.href}`;
}
