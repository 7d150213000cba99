import type { Root } from 'hast';
import rehypeSanitize, { type Options as Schema } from 'rehype-sanitize';
import type { Plugin } from 'unified';

/**
 * The schema a capture's markup must pass before anything reads it. Only structural elements
 * survive, with no attributes but the ones furniture selectors need (class, id) and the photo's
 * file name; links and images keep http(s) URLs only. Captures are hostile input: this is what
 * guarantees that no script, event handler, `javascript:` URL or frame can ever reach an article.
 */
export const captureSchema: Schema = {
  tagNames: [
    'html', 'body', 'main', 'article', 'section', 'header', 'footer', 'nav', 'aside', 'div', 'span', 'center', 'font',
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'img', 'a',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'big', 'mark', 'time', 'address', 'label',
  ],
  attributes: {
    '*': ['className', 'id'],
    a: ['href'],
    img: ['src', 'alt'],
  },
  protocols: { href: ['http', 'https'], src: ['http', 'https'] },
  strip: ['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'button'],
  allowComments: false,
  allowDoctypes: false,
  // Ids are only read by furniture selectors and never written out, so they need no prefix.
  clobber: [],
};

/**
 * rehype-sanitize with the capture schema, for HTML captures. A plain-text capture is already
 * a list of text-only blocks, and sanitising would only drop what the text reader learned about
 * each line (its indentation, the blank lines before it).
 */
export const sanitizeCapture: Plugin<[], Root> = () => {
  const sanitize = rehypeSanitize(captureSchema);
  return (tree, file) => {
    const shape = file.data.ingest!.shape;
    if (shape === 'text' || shape === 'hexo-text') return tree;
    return sanitize(tree);
  };
};
