import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import type { ArchiveData, MainContentHints, StructureHint } from '../data.ts';
import type { IngestState, LedgerEntry } from '../types.ts';
import { declaredTitles as pageTitles } from '../titles.ts';

/**
 * Finds the article on a saved web page and removes the rest (navigation, breadcrumbs, related
 * articles, comments, share widgets, footers), the way the text-density extractors do
 * (Readability's scoring, trafilatura, the text and punctuation density of Chinese news
 * extraction):
 *
 * 1. Every run of text between block boundaries is scored by its prose: Chinese sentence
 *    punctuation counts most, then length; link text counts for nothing. The score goes to the
 *    block that holds the run (or, for a paragraph, to the block around it) and less to the two
 *    blocks above.
 * 2. The block with the best score, less its share of link text, plus or minus what its class and
 *    id say (content/data/main-content.yaml), holds the article. Its siblings join it when they
 *    score well too, or are paragraphs of prose (an article split over several blocks).
 * 3. The headline is the <h1> or title block that the page's own title (ArticleTitle, og:title,
 *    <title>) names, else the last <h1> before the article; the blocks by it that are its byline
 *    (a date, 来源, 作者…) stay, each read as one line, for the furniture and metadata steps.
 * 4. Inside what is kept, blocks whose class or id names furniture and that hold little prose,
 *    lists of links, lines of links to web archives, and a short tail after a closing rule that
 *    appeals for subscriptions or says where the post came from, go too.
 *
 * Every removal is in the audit report with its text; when what goes holds more than a sentence
 * of prose (comments, summaries of other articles), the fidelity notes say so. A capture with no
 * run of prose at all (a plain fragment of short lines) is left as it is.
 */
export const extractMainContent: Plugin<[ArchiveData], Root> = (data) => (tree, file) => {
  const state = file.data.ingest!;
  if (state.shape === 'text' || state.shape === 'hexo-text') return;
  const hints = data.mainContent;
  const page = new PageIndex(tree, hints);
  const top = page.best();
  if (top === undefined) return;
  const removed: Removal[] = [];
  const kept = page.withSiblings(top);
  const headline = page.headline(kept, declaredTitles(state));
  const bylines = headline === undefined ? [] : page.bylines(headline, kept);
  const inKept = (index: number) => kept.some((root) => page.contains(root, index));
  const headlineApart = headline !== undefined && !inKept(headline);
  const roots = [...(headlineApart ? [headline] : []), ...bylines.filter((index) => !inKept(index)), ...kept];

  // What is outside every kept block goes, one entry per outermost block or loose text.
  page.outside(roots, removed);
  for (const index of roots) page.prune(index, headline, top, removed, bylines);
  for (const index of bylines) page.asOneLine(index);
  const keptNodes = roots.flatMap((index) => page.topLevel(index));
  trimClosingTail(keptNodes, hints, removed);

  if (headline !== undefined) {
    const node = page.nodes[headline]!;
    const text = page.plain(headline);
    for (const other of keptNodes) if (other.type === 'element') demoteHeadlines(other, node);
    node.tagName = 'h1';
    node.properties = {};
    node.children = [{ type: 'text', value: text }];
  }
  tree.children = keptNodes as RootContent[];
  record(state, removed);
};

interface Removal {
  text: string;
  rule: string;
  label: string;
}

/** The characters of white space a page's text may hold. */
const WHITE_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200b, 0xfeff]);
const DATED = /\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日/u;
/** Sentence punctuation of Chinese prose (both scripts): the strongest sign that a block is article text. */
const PROSE_PUNCTUATION = new Set([...'，。、；：！？“”「」『』'].map((char) => char.charCodeAt(0)));
const SENTENCE_PUNCTUATION = /[。！？]/gu;

/** Elements that do not end a run of text. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'big', 'br', 'cite', 'code', 'del', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
/** Blocks that are one paragraph: their score goes to the block that holds them. */
const PARAGRAPHS = new Set(['p', 'li', 'dd', 'dt', 'blockquote', 'pre', 'figcaption', 'address']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol', 'dl', 'li', 'dd', 'dt']);
/** A link that opens an item of a list of other articles is a headline: this many characters or more. */
const TEASER_TITLE_MIN = 6;
/** A heading that names a kind of block is short (相关新闻, 网友评论). */
const HEADING_NAME_MAX = 12;
const TEASERS = '其他文章的标题与摘要列表';
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|bmp|tiff?)$/iu;

/** A run of text shorter than this (characters other than white space) says nothing about prose. */
const MIN_RUN = 10;
const HINT_WEIGHT = 25;
/** How many of the next best blocks are looked at for one that holds them all, and how well they must score. */
const ALTERNATIVES = 5;
const ALTERNATIVE_SHARE = 0.5;
const SHARE_OF_ANCESTORS = [1, 1 / 2, 1 / 6];

/**
 * The elements of a page in document order, with what each holds: characters, link characters,
 * prose punctuation, links, and the score of its runs of text. Built without recursion. Element
 * 0 stands for the root, so that blocks at the top of a fragment have a parent to score.
 */
class PageIndex {
  readonly nodes: Element[] = [];
  private readonly parents: number[] = [];
  /** Index of the last element inside each element's subtree. */
  private readonly ends: number[] = [];
  /** Characters of text before each element, in document order. */
  private readonly before: number[] = [];
  private readonly chars: number[] = [];
  /** Each element's characters as the page had them (chars drops what pruning took out). */
  private readonly spans: number[];
  private readonly linkChars: number[] = [];
  private readonly punct: number[] = [];
  private readonly links: number[] = [];
  private readonly scores: number[] = [];
  /** Characters and prose punctuation of each block's own runs of text (not its sub-blocks', not links). */
  private readonly ownChars: number[] = [];
  private readonly ownPunct: number[] = [];
  private readonly hintCache = new Map<number, Hint>();
  /** For each element, the link its first text is in (-1: none). */
  private readonly leadLink: number[] = [];
  /** Lists of teasers of other articles (isTeaserList). */
  private readonly teasers = new Set<number>();
  /** The page's text without white space, in document order: `before` and `chars` index into it. */
  private readonly text: string;

  constructor(tree: Root, private readonly hints: MainContentHints) {
    const ownChars = this.ownChars;
    const ownPunct = this.ownPunct;
    const pieces: string[] = [];
    let seen = 0;
    type Frame = { node: Element | ElementContent; parent: number; block: number; inLink: boolean; link: number } | { close: number };
    const leadLink = this.leadLink;
    let pending: number[] = [];
    const root: Element = { type: 'element', tagName: '#root', properties: {}, children: tree.children as ElementContent[] };
    const stack: Frame[] = [{ node: root, parent: -1, block: -1, inLink: false, link: -1 }];
    while (stack.length) {
      const frame = stack.pop()!;
      if ('close' in frame) {
        this.ends[frame.close] = this.nodes.length - 1;
        continue;
      }
      const { node, parent, block, inLink, link } = frame;
      if (node.type === 'text') {
        const { piece, punctuation } = measure(node.value);
        const chars = piece.length;
        if (!chars || parent < 0) continue;
        // The elements opened since the last text begin with this one: with a link, or not.
        for (const opened of pending) leadLink[opened] = link;
        pending = [];
        pieces.push(piece);
        seen += chars;
        // Text counts for the element it sits in, and for every element above (added up below).
        this.chars[parent]! += chars;
        if (inLink) this.linkChars[parent]! += chars;
        else {
          this.punct[parent]! += punctuation;
          ownChars[block]! += chars;
          ownPunct[block]! += punctuation;
        }
        continue;
      }
      if (node.type !== 'element') continue;
      const index = this.nodes.length;
      this.nodes.push(node);
      this.parents.push(parent);
      this.before.push(seen);
      this.chars.push(0);
      this.linkChars.push(0);
      this.punct.push(0);
      this.links.push(node.tagName === 'a' ? 1 : 0);
      leadLink.push(-1);
      pending.push(index);
      this.scores.push(0);
      ownChars.push(0);
      ownPunct.push(0);
      const isBlock = !INLINE.has(node.tagName);
      stack.push({ close: index });
      const children = node.children;
      for (let child = children.length - 1; child >= 0; child--) {
        stack.push({ node: children[child]!, parent: index, block: isBlock ? index : block, inLink: inLink || node.tagName === 'a', link: node.tagName === 'a' ? index : link });
      }
    }
    this.text = pieces.join('');
    // Subtree totals, children before parents (reverse document order).
    for (let index = this.nodes.length - 1; index > 0; index--) {
      const parent = this.parents[index]!;
      this.chars[parent]! += this.chars[index]!;
      this.linkChars[parent]! += this.linkChars[index]!;
      this.punct[parent]! += this.punct[index]!;
      this.links[parent]! += this.links[index]!;
    }
    this.spans = [...this.chars];
    // Lists of teasers (a linked title, then a summary, again and again) are not the article,
    // however much prose their summaries hold: their runs of text score for nothing.
    const inTeasers = new Int32Array(this.nodes.length + 1);
    for (let index = 0; index < this.nodes.length; index++) {
      if (!this.isTeaserList(index)) continue;
      this.teasers.add(index);
      inTeasers[index]!++;
      inTeasers[this.ends[index]! + 1]!--;
    }
    for (let index = 1; index < this.nodes.length; index++) inTeasers[index]! += inTeasers[index - 1]!;
    // Runs of text score for the blocks above them.
    for (let index = 1; index < this.nodes.length; index++) {
      const chars = ownChars[index]!;
      const tag = this.nodes[index]!.tagName;
      if (chars < MIN_RUN || HEADINGS.has(tag) || inTeasers[index]! > 0) continue;
      const run = 1 + ownPunct[index]! + Math.min(chars / 50, 3);
      let target = PARAGRAPHS.has(tag) ? this.parents[index]! : index;
      for (const share of SHARE_OF_ANCESTORS) {
        if (target < 0) break;
        this.scores[target]! += run * share;
        target = this.parents[target]!;
      }
    }
  }

  /**
   * A block of three or more items, most of those holding text, that each begin with a link of a
   * headline's length: a list of other articles (related, recommended, the column's latest).
   */
  private isTeaserList(index: number): boolean {
    if (INLINE.has(this.nodes[index]!.tagName)) return false;
    let items = 0;
    let withText = 0;
    for (const child of this.children(index)) {
      if (!this.chars[child]) continue;
      withText++;
      const link = this.leadLink[child]!;
      if (!INLINE.has(this.nodes[child]!.tagName) && link >= 0 && link !== child && this.chars[link]! >= TEASER_TITLE_MIN) items++;
    }
    return items >= 3 && items >= withText * 0.6;
  }

  /**
   * The element that holds the article, or undefined when no block holds a run of prose. When
   * other blocks score nearly as well (each paragraph wrapped in blocks of its own, deeper than
   * scores reach up), the block that holds them all is the article's, as in Readability.
   */
  best(): number | undefined {
    const ranked: { index: number; score: number }[] = [];
    for (let index = 0; index < this.nodes.length; index++) {
      const score = this.finalScore(index);
      if (score <= 0) continue;
      ranked.push({ index, score });
    }
    if (!ranked.length) return undefined;
    ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    const best = ranked[0]!;
    // Blocks inside or around the best one are its own wrappers, not others like it.
    const apart = ranked.filter(({ index }) => !this.contains(best.index, index) && !this.contains(index, best.index));
    const close = apart.slice(0, ALTERNATIVES).filter(({ score }) => score >= best.score * ALTERNATIVE_SHARE);
    if (close.length < 2) return best.index;
    let common = best.index;
    for (const { index } of close) while (common > 0 && !this.contains(common, index)) common = this.parents[common]!;
    return this.hint(common).furniture && !this.hint(common).content ? best.index : common;
  }

  private finalScore(index: number): number {
    const score = this.scores[index]!;
    if (score <= 0) return 0;
    const hint = this.hint(index);
    const weight = (hint.content ? HINT_WEIGHT : 0) - (hint.furniture ? HINT_WEIGHT : 0) - (LISTS.has(this.nodes[index]!.tagName) ? 3 : 0);
    return score * (1 - this.linkDensity(index)) + weight;
  }

  /** The article's block and the siblings that belong with it, in document order. */
  withSiblings(top: number): number[] {
    const parent = this.parents[top]!;
    if (parent < 0) return [top];
    const topScore = this.finalScore(top);
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = classOf(this.nodes[top]!);
    const kept: number[] = [];
    const siblings = this.children(parent);
    const at = siblings.indexOf(top);
    for (const [order, sibling] of siblings.entries()) {
      if (sibling === top) {
        kept.push(sibling);
        continue;
      }
      // The article's photo right above or below it, in a block of its own.
      if (Math.abs(order - at) === 1 && this.isPhoto(sibling)) {
        kept.push(sibling);
        continue;
      }
      const hint = this.hint(sibling);
      if (hint.furniture && !hint.content) continue;
      const bonus = topClass && classOf(this.nodes[sibling]!) === topClass ? topScore * 0.2 : 0;
      const chars = this.chars[sibling]!;
      const density = this.linkDensity(sibling);
      const paragraph = PARAGRAPHS.has(this.nodes[sibling]!.tagName) || this.onlyInline(sibling);
      const joins =
        this.finalScore(sibling) + bonus >= threshold ||
        (paragraph && chars > 80 && density < 0.25 && this.punct[sibling]! >= 2) ||
        (paragraph && chars > 0 && chars <= 80 && density === 0 && /[。！？]["”」』）)]?$/u.test(this.textOf(sibling)));
      // A second copy of the article (a hidden duplicate, a print version) does not join it.
      if (joins && !this.repeats(sibling, top)) kept.push(sibling);
    }
    return kept;
  }

  /** A block that shows a photo and at most its caption: no links, a sentence or two of text. */
  private isPhoto(index: number): boolean {
    if (this.links[index]! > 0 || this.chars[index]! > 120 || this.hint(index).furniture) return false;
    for (let inner = index + 1; inner <= this.ends[index]!; inner++) if (this.nodes[inner]!.tagName === 'img') return true;
    return this.nodes[index]!.tagName === 'img';
  }

  /** The headline's element: named by the page's own titles, else the last <h1> before the article. */
  headline(kept: number[], titles: DeclaredTitles): number | undefined {
    const start = kept[0]!;
    const end = this.ends[kept[kept.length - 1]!]!;
    let best: number | undefined;
    let bestScore = 0;
    for (let index = 1; index <= end; index++) {
      const node = this.nodes[index]!;
      if (!HEADINGS.has(node.tagName) && !this.hint(index).headline) continue;
      // Inside the article only its opening counts: headings further down are its sections.
      if (index > start && this.before[index]! - this.before[start]! > 200) continue;
      const text = normalize(this.plain(index));
      const length = [...text].length;
      if (length < 4 || length > 120 || this.linkDensity(index) > 0.5) continue;
      let score = titles.exact.has(text) ? 4 : titles.prefixes.some((title) => title.startsWith(text)) ? 3 : 0;
      if (!score && titles.all.some((title) => title.length >= 4 && (title.includes(text) || text.includes(title)))) score = 2;
      if (!score && node.tagName === 'h1') score = titles.all.length ? 0.5 : 1;
      if (score && score >= bestScore) {
        best = index;
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Blocks that are the article's byline (a date, or a credit word): those between the headline
   * and the article, and those before the headline inside the blocks that hold it but not the
   * article (a date line above the headline).
   */
  bylines(headline: number, kept: number[]): number[] {
    const first = kept[0]!;
    // Where the article's text begins: the kept block, or, when it holds the headline too, its first run of prose.
    const start = headline < first ? first : this.firstProse(this.ends[headline]! + 1);
    const out: number[] = [];
    for (let node = headline; ; ) {
      const parent = this.parents[node]!;
      if (parent < 0 || this.contains(parent, start)) break;
      for (const sibling of this.children(parent)) {
        if (sibling >= node) break;
        if (this.isByline(sibling)) out.push(sibling);
      }
      node = parent;
    }
    if (headline < start) {
      for (let index = this.ends[headline]! + 1; index < start && index < this.nodes.length; ) {
        // A block that also holds the article is looked into, not taken.
        if (this.ends[index]! >= start) {
          index++;
          continue;
        }
        if (this.isByline(index)) out.push(index);
        index = this.ends[index]! + 1;
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** The first element from `from` on that holds a run of prose (a sentence's punctuation). */
  private firstProse(from: number): number {
    for (let index = from; index < this.nodes.length; index++) {
      if (this.ownChars[index]! >= MIN_RUN && this.ownPunct[index]! >= 2 && !HEADINGS.has(this.nodes[index]!.tagName)) return index;
    }
    return this.nodes.length;
  }

  private isByline(index: number): boolean {
    const text = this.plain(index);
    if (!text || [...text].length > 200) return false;
    const hint = this.hint(index);
    if (hint.furniture && !hint.content && !DATED.test(text)) return false;
    return HEADINGS.has(this.nodes[index]!.tagName) || this.isBylineText(text);
  }

  private isBylineText(text: string): boolean {
    return DATED.test(text) || this.hints.bylineWords.some((word) => text.includes(word));
  }

  /**
   * A byline laid out in several blocks (source, time and buttons in divs of their own) reads as
   * the one line it is on the page, for the furniture and metadata rules to read whole; a byline
   * holding a heading (the deck) keeps its blocks.
   */
  asOneLine(index: number): void {
    const node = this.nodes[index]!;
    for (let inner = index; inner <= this.ends[index]!; inner++) if (HEADINGS.has(this.nodes[inner]!.tagName)) return;
    const text = toText(node, { whitespace: 'pre-wrap' }).replace(/\s+/gu, ' ').trim();
    node.tagName = 'p';
    node.children = [{ type: 'text', value: text }];
  }

  /** Records every outermost element, and every loose text, that neither is kept nor holds something kept. */
  outside(kept: number[], removed: Removal[]): void {
    const keptSet = new Set(kept);
    const holdsKept = new Set<number>();
    for (const index of kept) for (let up = this.parents[index]!; up >= 0; up = this.parents[up]!) holdsKept.add(up);
    for (let index = 0; index < this.nodes.length; ) {
      if (keptSet.has(index)) {
        index = this.ends[index]! + 1;
        continue;
      }
      if (holdsKept.has(index)) {
        const loose = this.nodes[index]!.children
          .map((child) => (child.type === 'text' ? child.value.trim() : ''))
          .filter(Boolean)
          .join(' ');
        if (loose) removed.push({ text: loose, rule: 'main-content/outside', label: this.furnitureLabel(index) ?? '正文区域之外的页面内容' });
        index++;
        continue;
      }
      removed.push({ text: textForReport(this.nodes[index]!), rule: 'main-content/outside', label: this.furnitureLabel(index) ?? '正文区域之外的页面内容' });
      index = this.ends[index]! + 1;
    }
  }

  /** What a kept element contributes to the new top level of the tree (the root stands for its children, text included). */
  topLevel(index: number): ElementContent[] {
    const node = this.nodes[index]!;
    return index === 0 ? node.children : [node];
  }

  /**
   * Removes furniture inside a kept block: blocks named as furniture that hold little prose,
   * lists of links, and lines of links to web archives. Never the headline or what holds it.
   */
  prune(root: number, headline: number | undefined, top: number, removed: Removal[], bylines: number[]): void {
    const articleChars = this.chars[top]! - this.linkChars[top]!;
    for (let index = root + 1; index <= this.ends[root]!; ) {
      const node = this.nodes[index]!;
      if (headline !== undefined && this.contains(index, headline)) {
        index++;
        continue;
      }
      // In a byline, what holds the date or a credit stays whatever its class says (div.top-bar).
      const reason =
        node.tagName === 'a' && this.isLinkedLogo(index)
          ? { rule: 'main-content/linked-image', label: '链接到别处的标识图片' }
          : INLINE.has(node.tagName) || (bylines.some((byline) => this.contains(byline, index)) && this.isBylineText(this.plain(index)))
            ? undefined
            : this.furnitureInside(index, top, articleChars);
      if (!reason) {
        index++;
        continue;
      }
      removed.push({ text: textForReport(node), ...reason });
      this.detach(index);
      index = this.ends[index]! + 1;
    }
  }

  private furnitureInside(index: number, top: number, articleChars: number): { rule: string; label: string } | undefined {
    if (this.teasers.has(index)) return { rule: 'main-content/teasers', label: TEASERS };
    const hint = this.hint(index);
    if (hint.said) return { rule: 'main-content/named', label: hint.furniture! };
    const density = this.linkDensity(index);
    const prose = this.chars[index]! - this.linkChars[index]!;
    if (hint.furniture && !hint.content && (this.punct[index]! < 3 || density > 0.5 || prose <= articleChars * 0.3)) {
      return { rule: 'main-content/named', label: hint.furniture };
    }
    if (this.links[index]! >= 2 && density > 0.5 && this.punct[index]! < 3) return { rule: 'main-content/links', label: '链接列表' };
    if (this.repeats(index, top)) return { rule: 'main-content/repeated', label: '正文的重复副本' };
    if (density >= 0.5 && this.linksToArchive(index)) return { rule: 'main-content/archive-link', label: '网页存档链接' };
    return undefined;
  }

  /** A link around nothing but an image, to a page rather than to the image: a logo, a badge, an advertisement. */
  private isLinkedLogo(index: number): boolean {
    if (this.chars[index]! > 0) return false;
    const href = this.nodes[index]!.properties?.href;
    if (typeof href !== 'string' || IMAGE_FILE.test(href.split(/[?#]/u)[0] ?? '')) return false;
    for (let inner = index + 1; inner <= this.ends[index]!; inner++) if (this.nodes[inner]!.tagName === 'img') return true;
    return false;
  }

  private linksToArchive(index: number): boolean {
    for (let inner = index; inner <= this.ends[index]!; inner++) {
      const node = this.nodes[inner]!;
      if (node.tagName !== 'a') continue;
      const host = hostOf(node.properties?.href);
      if (host && this.hints.archiveHosts.some((archive) => host === archive || host.endsWith(`.${archive}`))) return true;
    }
    return false;
  }

  /** The kind of furniture an element's class or id names, if any. */
  private furnitureLabel(index: number): string | undefined {
    const hint = this.hint(index);
    return hint.furniture && !hint.content ? hint.furniture : undefined;
  }

  private hint(index: number): Hint {
    const cached = this.hintCache.get(index);
    if (cached) return cached;
    const node = this.nodes[index]!;
    const found: Hint = classify(node, this.hints);
    // What the page says in words (a heading, a list of other articles) is surer than a class name.
    const said = this.teasers.has(index) ? TEASERS : this.openingHeading(index);
    if (said) {
      found.furniture = said;
      found.said = true;
    }
    const landmark = LANDMARKS[node.tagName];
    if (landmark && !found.furniture) found.furniture = landmark;
    this.hintCache.set(index, found);
    return found;
  }

  /** The kind of furniture the heading that opens a block names (相关新闻, 网友评论), if any. */
  private openingHeading(index: number): string | undefined {
    if (INLINE.has(this.nodes[index]!.tagName)) return undefined;
    const first = this.children(index).find((child) => this.chars[child]! > 0);
    if (first === undefined || first === index || this.spans[first]! > HEADING_NAME_MAX || this.spans[first] === this.spans[index]) return undefined;
    const name = this.textOf(first).replace(/[\p{P}\p{S}]/gu, '');
    return this.hints.furniture.find((group) => group.headings.has(name))?.label;
  }

  contains(ancestor: number, index: number): boolean {
    return index >= ancestor && index <= this.ends[ancestor]!;
  }

  private children(index: number): number[] {
    const out: number[] = [];
    for (let child = index + 1; child <= this.ends[index]!; child = this.ends[child]! + 1) out.push(child);
    return out;
  }

  private onlyInline(index: number): boolean {
    for (let inner = index + 1; inner <= this.ends[index]!; inner++) if (!INLINE.has(this.nodes[inner]!.tagName)) return false;
    return true;
  }

  private linkDensity(index: number): number {
    const chars = this.chars[index]!;
    return chars ? this.linkChars[index]! / chars : 0;
  }

  /**
   * Whether a block says again what the article already says: two or more sentences, most of
   * them said before it in the article (inside the article), or said in the article (a block
   * beside it). Counted once for the whole page, in one pass over its sentences.
   */
  private repeats(index: number, top: number): boolean {
    const counts = this.sentenceCounts(top);
    const total = counts.sentences[index]!;
    return total >= 2 && counts.repeated[index]! >= total * 0.8;
  }

  private counted?: { top: number; sentences: Int32Array; repeated: Int32Array };

  private sentenceCounts(top: number): { sentences: Int32Array; repeated: Int32Array } {
    if (this.counted?.top === top) return this.counted;
    const count = this.nodes.length;
    const sentences = new Int32Array(count);
    const repeated = new Int32Array(count);
    const start = this.before[top]!;
    const end = start + this.spans[top]!;
    const list: { at: number; sentence: string }[] = [];
    let from = 0;
    for (const match of this.text.matchAll(/[。！？]+/gu)) {
      const to = match.index! + match[0].length;
      if (to - from >= 8) list.push({ at: from, sentence: this.text.slice(from, to) });
      from = to;
    }
    const inArticle = new Set(list.filter(({ at }) => at >= start && at < end).map(({ sentence }) => sentence));
    const seen = new Set<string>();
    for (const { at, sentence } of list) {
      const owner = this.ownerOf(at);
      if (owner < 0) continue;
      sentences[owner]!++;
      const again = at < start ? inArticle.has(sentence) : seen.has(sentence);
      if (again) repeated[owner]!++;
      if (at >= start) seen.add(sentence);
    }
    for (let index = count - 1; index > 0; index--) {
      const parent = this.parents[index]!;
      sentences[parent]! += sentences[index]!;
      repeated[parent]! += repeated[index]!;
    }
    this.counted = { top, sentences, repeated };
    return this.counted;
  }

  /** The innermost element whose text holds the character at a position of the page's text. */
  private ownerOf(at: number): number {
    let low = 0;
    let high = this.nodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.before[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    let index = low;
    while (index >= 0 && !(at >= this.before[index]! && at < this.before[index]! + this.spans[index]!)) index = this.parents[index]!;
    return index;
  }

  /** An element's text without its white space, from the index. */
  private textOf(index: number): string {
    return this.text.slice(this.before[index]!, this.before[index]! + this.spans[index]!);
  }

  plain(index: number): string {
    return toText(this.nodes[index]!).replace(/\s+/gu, ' ').trim();
  }

  /** Takes an element out of its parent; what holds it no longer counts its text. */
  private detach(index: number): void {
    const node = this.nodes[index]!;
    const parent = this.nodes[this.parents[index]!]!;
    parent.children = parent.children.filter((child) => child !== node);
    for (let up = this.parents[index]!; up >= 0; up = this.parents[up]!) {
      this.chars[up]! -= this.chars[index]!;
      this.linkChars[up]! -= this.linkChars[index]!;
      this.punct[up]! -= this.punct[index]!;
      this.links[up]! -= this.links[index]!;
    }
  }
}

interface Hint {
  content: boolean;
  furniture?: string;
  /** The furniture is named by the page's words (a heading, a list of other articles), not by a class. */
  said?: boolean;
  headline: boolean;
}

/** Landmark elements left by the furniture step (inside <article> or <main>) are furniture where prose is scarce. */
const LANDMARKS: Record<string, string> = { nav: '导航与菜单', footer: '页眉与页脚', aside: '侧栏' };

interface DeclaredTitles {
  /** Titles the page gives as the article's own (ArticleTitle, og:title, JSON-LD headline). */
  exact: Set<string>;
  /** The <title>, whole and without its site suffix: the headline begins it. */
  prefixes: string[];
  all: string[];
}

/** The titles a page declares for its article, white space removed, for matching its headings. */
function declaredTitles(state: IngestState): DeclaredTitles {
  const titles = pageTitles(state.page);
  const own = titles.own.map(normalize).filter(Boolean);
  const prefixes = [titles.titleTag, titles.titleTagHeadline].filter((title): title is string => Boolean(title)).map(normalize);
  return { exact: new Set(own), prefixes, all: [...own, ...prefixes] };
}

/**
 * Cuts a short tail off the article after its closing rule (the last <hr>) when the tail is the
 * post's own furniture: an appeal to subscribe or follow, where the archive copy is, a reprint
 * notice (closingWords), and short beside the article.
 */
function trimClosingTail(roots: ElementContent[], hints: MainContentHints, removed: Removal[]): void {
  const parents = new Map<Element, Element | undefined>();
  let rule: Element | undefined;
  const stack = roots.filter((root): root is Element => root.type === 'element').reverse();
  for (const root of stack) parents.set(root, undefined);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName === 'hr') rule = node;
    const children = node.children.filter((child): child is Element => child.type === 'element');
    for (let index = children.length - 1; index >= 0; index--) {
      parents.set(children[index]!, node);
      stack.push(children[index]!);
    }
  }
  if (!rule) return;
  // The tail: what follows the rule at its own level and at every level above.
  const tail: { node: ElementContent; parent: Element | undefined }[] = [];
  for (let node: Element = rule, parent = parents.get(rule); ; node = parent, parent = parents.get(parent)) {
    const siblings: ElementContent[] = parent ? parent.children : roots;
    for (const sibling of siblings.slice(siblings.indexOf(node) + 1)) tail.push({ node: sibling, parent });
    if (!parent) break;
  }
  const textOf = (node: ElementContent) => (node.type === 'text' ? node.value : node.type === 'element' ? toText(node) : '');
  const tailText = tail.map((item) => textOf(item.node)).join('\n');
  const tailChars = visible(tailText);
  const total = visible(roots.map(textOf).join('\n'));
  if (!tailChars || tailChars > 600 || tailChars > total * 0.25) return;
  const lower = tailText.toLowerCase();
  if (!hints.closingWords.some((word) => lower.includes(word))) return;
  removed.push({ text: tailText.replace(/[ \t]+/gu, ' ').replace(/\s*\n\s*/gu, '\n').trim(), rule: 'main-content/closing', label: '文末分隔线后的订阅、转载与存档说明' });
  for (const item of [{ node: rule as ElementContent, parent: parents.get(rule) }, ...tail]) {
    if (item.parent) item.parent.children = item.parent.children.filter((child) => child !== item.node);
    else roots.splice(roots.indexOf(item.node), 1);
  }
}

/** Any other <h1> in the article is one of its section headings, not a second headline. */
function demoteHeadlines(root: Element, headline: Element): void {
  const stack: Element[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== headline && node.tagName === 'h1') node.tagName = 'h2';
    for (const child of node.children) if (child.type === 'element') stack.push(child);
  }
}

/** Audit entries for every removal, and a fidelity note when what went held sentences of prose. */
function record(state: IngestState, removed: Removal[]): void {
  const prose: string[] = [];
  for (const { text, rule, label } of removed) {
    if (!text) continue;
    const entry: LedgerEntry = { step: 'furniture', action: 'removed', rule, label, text };
    state.ledger.push(entry);
    if (count(text, SENTENCE_PUNCTUATION) >= 2 && (text.match(/\p{Script=Han}/gu) ?? []).length >= 40) prose.push(label);
  }
  if (prose.length) {
    const labels = [...new Set(prose)];
    state.fidelity.push(`正文区域之外有 ${prose.length} 处成句的文字（${labels.join('、')}）未收入正文，原文逐条见整理记录。`);
  }
}

/** An element's text as the audit report quotes it: lines kept, spaces collapsed. */
function textForReport(node: Element): string {
  return toText(node).replace(/[ \t\u00a0]+/gu, ' ').replace(/\s*\n\s*/gu, '\n').trim();
}

function classOf(node: Element): string {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
}

/**
 * What an element's class and id names say it is. In a compound name the last part decides
 * (post_statement is a statement, entry-content content), then the rightmost fragment, then
 * any part; names that disagree (content in one, furniture in another) cancel out.
 */
function classify(node: Element, hints: MainContentHints): { content: boolean; furniture?: string; headline: boolean } {
  const id = typeof node.properties?.id === 'string' ? node.properties.id : '';
  const names = `${classOf(node)} ${id}`.split(/\s+/u).filter(Boolean);
  let content = false;
  let furniture: string | undefined;
  let headline = false;
  for (const name of names) {
    const found = classifyName(name, hints);
    if (found === 'content') content = true;
    else if (found === 'headline') headline = true;
    else if (found) furniture ??= found.label;
  }
  return { content, ...(furniture ? { furniture } : {}), headline };
}

type NameKind = 'content' | 'headline' | StructureHint | undefined;

/** What each class or id name says, per hints file: pages of one CMS repeat the same few names. */
const named = new WeakMap<MainContentHints, Map<string, NameKind>>();

function classifyName(name: string, hints: MainContentHints): NameKind {
  let cache = named.get(hints);
  if (!cache) named.set(hints, (cache = new Map()));
  if (cache.has(name)) return cache.get(name);
  const kind = classifyNameUncached(name, hints);
  // A hostile page can make up any number of names: the cache keeps a bounded number.
  if (cache.size < 50_000) cache.set(name, kind);
  return kind;
}

function classifyNameUncached(name: string, hints: MainContentHints): NameKind {
  const lower = name.toLowerCase();
  const parts = name
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .split(/[\s_-]+/u)
    .map((part) => part.toLowerCase())
    .filter(Boolean);
  const groups: [NameKind, StructureHint][] = [['headline', hints.headline], ['content', hints.content], ...hints.furniture.map((group): [NameKind, StructureHint] => [group, group])];
  const byWord = (word: string) => groups.find(([, group]) => group.words.has(word))?.[0];
  const last = parts[parts.length - 1];
  const whole = byWord(lower) ?? (last ? byWord(last) : undefined);
  if (whole) return whole;
  let rightmost: { kind: NameKind; at: number } | undefined;
  for (const [kind, group] of groups) {
    for (const fragment of group.fragments) {
      const at = lower.lastIndexOf(fragment);
      if (at >= 0 && (!rightmost || at + fragment.length > rightmost.at)) rightmost = { kind, at: at + fragment.length };
    }
  }
  if (rightmost) return rightmost.kind;
  for (let index = parts.length - 2; index >= 0; index--) {
    const kind = byWord(parts[index]!);
    if (kind) return kind;
  }
  return undefined;
}

function hostOf(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const match = /^https?:\/\/([^/?#:]+)/iu.exec(href.trim());
  return match?.[1]?.toLowerCase();
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** A text without its white space, and its count of prose punctuation, in one pass. */
function measure(text: string): { piece: string; punctuation: number } {
  let piece = '';
  let punctuation = 0;
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (WHITE_SPACE.has(code)) {
      if (index > from) piece += text.slice(from, index);
      from = index + 1;
    } else if (PROSE_PUNCTUATION.has(code)) punctuation++;
  }
  if (from < text.length) piece += text.slice(from);
  return { piece, punctuation };
}

function visible(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0 || code === 0x0c) continue;
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    count++;
  }
  return count;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text)) found++;
  return found;
}
