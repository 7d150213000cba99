/**
 * An article's body as the site shows it, rendered from its file once per version of the file
 * and of the code (article-body.ts: Markdown, sanitizing, OpenCC for the Traditional edition) and
 * kept in the build cache under the file's SHA-256 in two entries: what its pages print (the HTML
 * of every edition, headings, leads) and what search and the downloads read (the plain text of
 * both scripts, and its share of the search script map). Each part of a build renders the
 * bodies of the articles whose pages it writes; the search step then finds every text filed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { codeVersion, type BuildCache, type CacheArea } from '../support/cache.ts';
import { sha256 } from '../support/hash.ts';
import { renderArticleBody, type Heading } from './article-body.ts';
import { toTraditional, type Edition, type Script } from './editions.ts';
import { scriptTally, type ScriptTally } from './search-script-map.ts';
import type { CheckedArticle } from './archive.ts';

/** What an article's pages print of its body. */
export interface PageBody {
  /** SHA-256 of the article file the body was rendered from. */
  sourceSha256: string;
  html: Record<Edition, string>;
  headings: Heading[];
  missingPhotos: number;
  /** Characters of the Simplified plain text. */
  plainTextLength: number;
  /** The start of the plain text in each script, white space runs made one space: LEAD_LENGTH characters or fewer. */
  leads: Record<Script, string>;
}

/** What search and the downloads read of an article's body. */
export interface ArticleTexts {
  sourceSha256: string;
  /** Simplified plain text, paragraphs separated by blank lines. */
  plainText: string;
  /** The same in the Traditional edition's script, as the build converted it. */
  traditionalText: string;
  missingPhotos: number;
  /** The article's texts that a search can match (title, body, tag names), counted for the script map. */
  scriptTally: ScriptTally;
}

/** One more than the longest excerpt the site quotes, so that an excerpt can tell the text went on. */
export const LEAD_LENGTH = 201;

export function leadOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, LEAD_LENGTH);
}

/** The modules whose code decides a rendered body (with the dependencies, see codeVersion). */
const RENDERING_CODE = ['article-render.ts', 'article-body.ts', 'editions.ts', 'search-script-map.ts'].map((file) => path.join(import.meta.dirname, file));

/** What an article is rendered from: its file, and the names its tally counts. */
export type RenderSource = Pick<CheckedArticle, 'file' | 'sha256' | 'title' | 'people' | 'places' | 'meetingType' | 'province'>;

export class ArticleRenderer {
  private readonly bodies: CacheArea;
  private readonly texts: CacheArea;

  constructor(cache: BuildCache) {
    const version = codeVersion(RENDERING_CODE);
    this.bodies = cache.area('bodies', version);
    this.texts = cache.area('texts', version);
  }

  /** What the article's pages print: from the cache, or rendered (and both entries filed). */
  body(article: RenderSource): PageBody {
    return this.bodies.read<PageBody>(article.sha256) ?? this.render(article).body;
  }

  /** What search and the downloads read: from the cache, or rendered (and both entries filed). */
  textsOf(article: RenderSource): ArticleTexts {
    return this.texts.read<ArticleTexts>(article.sha256) ?? this.render(article).texts;
  }

  private render(article: RenderSource): { body: PageBody; texts: ArticleTexts } {
    const bytes = readFileSync(article.file);
    // Filed under the hash of what was read: a file changed since the archive was indexed is
    // rendered as it is now, and the next build sees the change.
    const key = sha256(bytes);
    // Only the body is wanted here: the front matter was read into the index, so the engine that
    // would parse it again returns nothing (gray-matter's documented `engines` option).
    const source = matter(bytes.toString('utf8'), { engines: { yaml: () => ({}) } }).content;
    const rendered = renderArticleBody(source);
    const plain = rendered.plainText;
    const names = [article.title, ...article.people, ...article.places, ...article.meetingType, article.province];
    const body: PageBody = {
      sourceSha256: key,
      html: rendered.html,
      headings: rendered.headings,
      missingPhotos: rendered.missingPhotos,
      plainTextLength: plain['zh-Hans'].length,
      leads: { 'zh-Hans': leadOf(plain['zh-Hans']), 'zh-Hant': leadOf(plain['zh-Hant']) },
    };
    const texts: ArticleTexts = {
      sourceSha256: key,
      plainText: plain['zh-Hans'],
      traditionalText: plain['zh-Hant'],
      missingPhotos: rendered.missingPhotos,
      scriptTally: scriptTally([...names.map((name) => [name, toTraditional(name)] as const), [plain['zh-Hans'], plain['zh-Hant']]]),
    };
    this.bodies.write(key, body);
    this.texts.write(key, texts);
    return { body, texts };
  }
}
