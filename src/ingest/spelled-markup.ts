/**
 * Markup spelled as text: what a page shows as characters but that reads as HTML, saved as text
 * by a broken export (a `</p>` after a quote), or put there by a hostile page to be pasted back
 * into one. None of it is the article's wording, and a reader of a page, a feed or the JSON
 * download must never meet it, so it is removed wherever capture text is read (the remnants step
 * for the body, the headline step for front-matter titles), and the removal recorded.
 *
 * - a tag: `<p>`, `</p>`, `<img src=x onerror=…>`, also with `/` between its parts as browsers
 *   accept it (`<svg/onload=…>`, `<img/src=x/onerror=…>`), and `<!…>` declarations
 * - a tag written with character references, once or several times over (`&lt;script&gt;`,
 *   `&amp;lt;script&amp;gt;`, `&#60;b&#62;`): the form markup takes when a page escapes it twice
 * - a script or style spelled whole, in either form, with the code between its tags
 *
 * Each pattern stops at the next `<` or escaped `<`, so a run of unclosed ones costs a linear scan.
 */
const LT = '&(?:amp;)*(?:lt|#0*60|#x0*3c);';
const GT = '&(?:amp;)*(?:gt|#0*62|#x0*3e);';
const ENCODED_TAG = new RegExp(`${LT}\\/?[a-z][a-z0-9-]*(?:[\\s/](?:(?!${LT}|${GT})[^<>])*)?${GT}`, 'gi');
export const SPELLED_TAG = /<\/?[a-z][a-z0-9-]*(?:[\s/][^<>]*)?>|<![a-z[-][^<>]*>/gi;
/** A script or style spelled whole, its code with it: the code is no more the article's text than its tags. */
const SPELLED_CODE = /<(script|style)\b[^<>]*>[^<]*<\/\1\s*>/gi;
const ENCODED_CODE = new RegExp(`${LT}(script|style)\\b(?:(?!${LT}|${GT})[^<>])*${GT}(?:(?!${LT})[^<>])*${LT}\\/\\1\\s*${GT}`, 'gi');

/** The text without spelled markup, and each piece removed (encoded ones as they were written). */
export function removeSpelledMarkup(text: string): { text: string; removed: string[] } {
  if (!text.includes('<') && !text.includes('&')) return { text, removed: [] };
  const removed: string[] = [];
  const take = (piece: string) => {
    removed.push(piece);
    return '';
  };
  const out = text.replace(ENCODED_CODE, take).replace(ENCODED_TAG, take).replace(SPELLED_CODE, take).replace(SPELLED_TAG, take);
  return { text: out, removed };
}

/** How the audit report names a piece of spelled markup. */
export function spelledLabel(piece: string): string {
  if (/^(?:<|&(?:amp;)*(?:lt|#0*60|#x0*3c);)(?:script|style)\b/i.test(piece)) return '写成文字的脚本或样式代码';
  return piece.startsWith('<') ? '残留的 HTML 标签' : '转义后写成文字的 HTML 标签';
}
