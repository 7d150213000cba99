import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const fragment = unified().use(rehypeParse, { fragment: true });
const document = unified().use(rehypeParse, { fragment: false });

/** Reads an HTML capture (a saved page, or the HTML body of a Hexo post) into its full tree. */
export function readHtml(html: string): Root {
  const whole = /<html[\s>]|<body[\s>]|<!doctype/i.test(html);
  return (whole ? document : fragment).parse(html);
}

/** Whether text is markup rather than prose: a few block or inline tags are enough to tell. */
export function looksLikeHtml(text: string): boolean {
  const tags = text.match(/<\/?(p|div|br|span|a|img|html|body|section|article|table|td|h[1-6]|ul|li|figure|script|style|iframe)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 2;
}
