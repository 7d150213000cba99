/**
 * The editions of the archive: Simplified at the site root, Traditional under /zh-hant/, and an
 * English interface under /en/ whose Chinese text (titles, bodies, excerpts) stays Simplified.
 *
 * The Traditional edition is produced from data, never from rendered pages: converting only
 * text (titles, names, body text nodes, interface strings) keeps the cost proportional to the
 * archive's words rather than to its markup, and leaves URLs, attributes and hashes untouched.
 */
import * as OpenCC from 'opencc-js';
import type { Root, RootContent } from 'hast';

/** The two scripts the archive's Chinese text is shown in. */
export type Script = 'zh-Hans' | 'zh-Hant';

export type Edition = Script | 'en';

export const EDITIONS: readonly Edition[] = ['zh-Hans', 'zh-Hant', 'en'];
/** The editions whose whole text is Chinese (the feeds are made in these only). */
export const CHINESE_EDITIONS: readonly Script[] = ['zh-Hans', 'zh-Hant'];
export const DEFAULT_EDITION: Edition = 'zh-Hans';

/** URL segment of each edition's root. */
const ROOTS: Record<Edition, string> = { 'zh-Hans': '/', 'zh-Hant': '/zh-hant/', en: '/en/' };

/** The script an edition shows the archive's Chinese text in: the English edition quotes the Simplified text of record. */
export function scriptOf(edition: Edition): Script {
  return edition === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
}

export function editionRoot(edition: Edition): string {
  return ROOTS[edition];
}

/** Maps a root-relative path of the Simplified edition to the same page in `edition`. */
export function editionUrl(edition: Edition, path: string): string {
  if (!path.startsWith('/')) throw new Error(`edition paths are root-relative, got ${path}`);
  return edition === 'zh-Hans' ? path : `${ROOTS[edition].slice(0, -1)}${path}`;
}

/** Where an edition's feeds are: the Chinese editions have their own, the English edition points to the Simplified ones. */
export function feedRoot(edition: Edition): string {
  return ROOTS[scriptOf(edition)];
}

/** Every edition's URL of the page at `path` (a Simplified root-relative path). */
export function editionUrls(path: string): Record<Edition, string> {
  return { 'zh-Hans': editionUrl('zh-Hans', path), 'zh-Hant': editionUrl('zh-Hant', path), en: editionUrl('en', path) };
}

// Building the converter loads OpenCC's dictionaries (a few hundred milliseconds), so there is
// exactly one per process, created on first use.
let toTraditionalConverter: ((text: string) => string) | undefined;

function converter(): (text: string) => string {
  const existing = toTraditionalConverter ?? OpenCC.Converter({ from: 'cn', to: 'tw' });
  toTraditionalConverter = existing;
  return existing;
}

// Names, tags, titles and interface strings repeat on many pages of an edition (article lists,
// tag pages, feeds, reports); body paragraphs do not, and each article body is converted once per
// build (article-body.ts), or not at all when the build cache holds it.
const memo = new Map<string, string>();
const MEMO_LIMIT = 64;

/** Simplified → Traditional (Taiwan standard characters, no phrase substitution). */
export function toTraditional(text: string): string {
  if (text.length > MEMO_LIMIT) return converter()(text);
  let converted = memo.get(text);
  if (converted === undefined) {
    converted = converter()(text);
    memo.set(text, converted);
  }
  return converted;
}

/** Chinese text of the archive as `edition` shows it. */
export function inEdition(edition: Edition, text: string): string {
  return scriptOf(edition) === 'zh-Hans' ? text : toTraditional(text);
}

/** Never in sanitized HTML text (the HTML parser replaces it), and in no OpenCC dictionary entry. */
const SEPARATOR = '\u0000';

/**
 * Returns a copy of `tree` whose text nodes are converted; attributes are kept as they are, and
 * so is the text of translate="no" elements.
 *
 * The texts are converted in one call, joined by a separator no dictionary entry spans, so each
 * comes out as it would alone: OpenCC has a cost per call, and a body has hundreds of short text
 * nodes (rendering 2,000 bodies cold went from 5.4 s to 5.0 s, with the same bytes).
 */
export function treeInEdition(edition: Script, tree: Root): Root {
  if (edition === 'zh-Hans') return tree;
  const texts: string[] = [];
  const collect = (node: RootContent): void => {
    if (node.type === 'text') texts.push(node.value);
    else if (node.type === 'element' && node.properties.translate !== 'no') node.children.forEach(collect);
  };
  tree.children.forEach(collect);
  const joined = texts.join(SEPARATOR);
  const converted = texts.some((text) => text.includes(SEPARATOR)) ? texts.map(toTraditional) : converter()(joined).split(SEPARATOR);
  let next = 0;
  const convert = (node: RootContent): RootContent => {
    if (node.type === 'text') return { ...node, value: converted[next++]! };
    // translate="no" marks identifiers quoted from a capture (file names) that must stay verbatim.
    if (node.type === 'element' && node.properties.translate === 'no') return node;
    if (node.type === 'element') return { ...node, children: node.children.map(convert) as typeof node.children };
    return node;
  };
  return { ...tree, children: tree.children.map(convert) };
}
