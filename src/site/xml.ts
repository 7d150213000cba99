/**
 * The characters XML 1.0 does not allow in a document: C0 controls other than tab, line feed and
 * carriage return, the noncharacters U+FFFE and U+FFFF, and lone surrogates. One of them anywhere
 * makes the whole document not well-formed, and a feed reader then rejects every entry. Ingest
 * cleans capture text where it enters (clean-text.ts); a feed is cleaned once more as it is
 * written, since an article file can also be edited by hand.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The document with each character XML does not allow replaced by U+FFFD, which shows that something was there. */
export function wellFormedXml(document: string): string {
  return document.replace(NOT_XML, '\uFFFD');
}
