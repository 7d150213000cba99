/**
 * The two editions of the archive: Simplified at the site root, Traditional under /zh-hant/.
 *
 * The Traditional edition is produced from data, never from rendered pages: converting only
 * text (titles, names, body text nodes, interface strings) keeps the cost proportional to the
 * archive's words rather than to its markup, and leaves URLs, attributes and hashes untouched.
 */
import * as OpenCC from 'opencc-js';
import type { Root, RootContent } from 'hast';

export type Edition = 'zh-Hans' | 'zh-Hant';

export const EDITIONS: readonly Edition[] = ['zh-Hans', 'zh-Hant'];
export const DEFAULT_EDITION: Edition = 'zh-Hans';

/** URL segment of each edition's root. */
const ROOTS: Record<Edition, string> = { 'zh-Hans': '/', 'zh-Hant': '/zh-hant/' };

export function editionRoot(edition: Edition): string {
  return ROOTS[edition];
}

/** Maps a root-relative path of the Simplified edition to the same page in `edition`. */
export function editionUrl(edition: Edition, path: string): string {
  if (!path.startsWith('/')) throw new Error(`edition paths are root-relative, got ${path}`);
  return edition === 'zh-Hans' ? path : `${ROOTS[edition].slice(0, -1)}${path}`;
}

export function otherEdition(edition: Edition): Edition {
  return edition === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
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

export function inEdition(edition: Edition, text: string): string {
  return edition === 'zh-Hans' ? text : toTraditional(text);
}

/**
 * Returns a copy of `tree` whose text nodes are converted; attributes are kept as they are, and
 * so is the text of translate="no" elements.
 */
export function treeInEdition(edition: Edition, tree: Root): Root {
  if (edition === 'zh-Hans') return tree;
  const convert = (node: RootContent): RootContent => {
    if (node.type === 'text') return { ...node, value: toTraditional(node.value) };
    // translate="no" marks identifiers quoted from a capture (file names) that must stay verbatim.
    if (node.type === 'element' && node.properties.translate === 'no') return node;
    if (node.type === 'element') return { ...node, children: node.children.map(convert) as typeof node.children };
    return node;
  };
  return { ...tree, children: tree.children.map(convert) };
}
