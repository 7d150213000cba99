/**
 * Characters that are not text: a lone UTF-16 surrogate (a damaged UTF-16 capture, or a YAML
 * `"\uD800"` escape), the noncharacters U+FFFE and U+FFFF, and C0 control characters other than
 * tab, line feed and carriage return (a form feed too: XML forbids it, and decoding has made form
 * feeds line breaks by then). Later they crash encoders (a lone surrogate cannot
 * be written as UTF-8 faithfully) and make XML not well-formed (a feed with U+0001 is rejected
 * whole by every reader). Text is cleaned once, where it enters ingest: at decoding and when front
 * matter is read. Each is replaced by U+FFFD, so the damage stays visible, and counted, so the
 * fidelity notes can say so.
 */
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export interface CleanedText {
  text: string;
  /** How many characters were replaced. */
  replaced: number;
}

export function cleanText(text: string): CleanedText {
  // The common case, clean text, costs one scan of its code units and no copy.
  if (!holdsNotText(text)) return { text, replaced: 0 };
  let replaced = 0;
  const cleaned = text.replace(NOT_TEXT, () => {
    replaced++;
    return '\uFFFD';
  });
  return { text: cleaned, replaced };
}

/** Whether NOT_TEXT matches somewhere in the text: the same test, a comparison or two per code unit. */
function holdsNotText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) {
      if (code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A high surrogate with its low one is a character; any other surrogate stands alone.
      if (code >= 0xdc00) return true;
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (code === 0xfffe || code === 0xffff) return true;
  }
  return false;
}
