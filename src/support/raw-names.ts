/**
 * Names shared by ingest and the site: how a raw capture's file name is published under /raw/,
 * and how a file name is shown in a one-line message.
 *
 * A capture may have any name its archivist gave it, but the site's copy must be a plain text file
 * that every host serves under a URL that works: so the published name keeps the capture's name
 * where it can, and is otherwise made from it in a way that is stable (it depends on that name
 * alone, so a capture's URL never moves when others are added) and unique.
 */
import { sha256 } from './hash.ts';

/** Longest published name in UTF-8 bytes: file systems stop at 255, and hosts and archives (zip, tar) often sooner. */
export const MAX_PUBLISHED_NAME_BYTES = 150;

/**
 * Characters a published name does not keep: control and format characters, the ones Windows or
 * common hosts refuse in file names, and `#`, `%`, `?`, which URLs and some hosts read as syntax.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>:"/\\|?*#%]/gu;
const HAS_UNSAFE = new RegExp(UNSAFE.source, 'u');

/**
 * The name a capture's copy is published under: its own name when that is safe, ends in .txt and
 * is not too long; otherwise its safe characters, shortened if need be, with eight hexadecimal
 * digits of the SHA-256 of the original name and `.txt` appended (`page.html` → `page.html-1a2b3c4d.txt`),
 * so that it is served as plain text, never as a page whose scripts would run.
 */
export function publishedRawName(fileName: string): string {
  if (publishableAsItIs(fileName)) return fileName;
  const hash = sha256(fileName).slice(0, 8);
  const suffix = `-${hash}.txt`;
  const safe = fileName.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/gu, '') || 'capture';
  return `${truncateUtf8(safe, MAX_PUBLISHED_NAME_BYTES - suffix.length)}${suffix}`;
}

function publishableAsItIs(fileName: string): boolean {
  return !HAS_UNSAFE.test(fileName) && /\.txt$/i.test(fileName) && !/^[\s.]|\s$/u.test(fileName) && Buffer.byteLength(fileName, 'utf8') <= MAX_PUBLISHED_NAME_BYTES;
}

/** The longest start of `text` of at most `bytes` UTF-8 bytes, never cutting a character. */
function truncateUtf8(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out.replace(/[\s.]+$/u, '');
}

/**
 * Published names for a set of captures (each a key, such as its path, and its file name), unique
 * even on hosts whose file systems ignore case: where two captures would share a name (a.TXT and
 * A.txt, or one name in two folders), the later in order gets a hash of its key as well.
 */
export function publishedRawNames(files: readonly { key: string; fileName: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const ordered = [...files].sort((a, b) => compare(a.fileName, b.fileName) || compare(a.key, b.key));
  for (const { key, fileName } of ordered) {
    if (names.has(key)) continue;
    let name = publishedRawName(fileName);
    if (taken.has(name.toLowerCase())) {
      const hash = sha256(key);
      const stem = name.replace(/\.txt$/i, '');
      for (let length = 8; taken.has(name.toLowerCase()); length++) name = `${truncateUtf8(stem, MAX_PUBLISHED_NAME_BYTES - length - 5)}-${hash.slice(0, length)}.txt`;
    }
    taken.add(name.toLowerCase());
    names.set(key, name);
  }
  return names;
}

/**
 * A file name as a one-line message shows it: as it is when it is plain, else quoted as a JSON
 * string, so that a name holding a line break, a quote or edge spaces can neither forge a line of
 * output nor hide what it is.
 */
export function quoteName(name: string): string {
  if (!/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}"\\]|^\s|\s$/u.test(name)) return name;
  // JSON escapes control characters and lone surrogates; line and paragraph separators and format
  // characters (a right-to-left override) it leaves as they are.
  return JSON.stringify(name).replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
