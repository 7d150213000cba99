/**
 * Everything the site derives from one article file alone: its checked front matter, its body
 * rendered and sanitized in both editions, and its share of the search script map. This is the
 * costly part of reading the archive (Markdown, rehype-sanitize, OpenCC), so it is kept in the
 * build cache under a hash of the file's bytes and of the code that derives it.
 */
import path from 'node:path';
import matter from 'gray-matter';
import { readArticleFrontMatter, type ArticleFrontMatter } from '../contract.ts';
import { renderArticleBody, type ArticleBody } from './article-body.ts';
import { toTraditional } from './editions.ts';
import { scriptTally, type ScriptTally } from './search-script-map.ts';
import { codeVersion, type BuildCache, type CacheArea } from '../support/cache.ts';
import { sha256 } from '../support/hash.ts';

export interface RenderedArticle {
  front: ArticleFrontMatter;
  body: ArticleBody;
  /** The article's texts that a search can match (title, body, tag names), counted for the script map. */
  scriptTally: ScriptTally;
}

/**
 * The modules whose code decides a RenderedArticle (with the dependencies, see codeVersion). A
 * function, not a constant: the render workers' bundle (render-pool.ts) has no import.meta.
 */
export function derivingCode(): string[] {
  return [...['rendered-article.ts', 'article-body.ts', 'editions.ts', 'search-script-map.ts'].map((file) => path.join(import.meta.dirname, file)), path.join(import.meta.dirname, '..', 'contract.ts')];
}

const areas = new WeakMap<BuildCache, CacheArea>();

/** The cache area of rendered articles for this version of the code. */
export function renderedArticlesArea(cache: BuildCache): CacheArea {
  let area = areas.get(cache);
  if (!area) {
    area = cache.area('articles', codeVersion(derivingCode()));
    areas.set(cache, area);
  }
  return area;
}

export function renderArticleFile(text: string, source: string): RenderedArticle {
  // Options given, so that gray-matter does not keep every file it parsed in its own cache.
  const parsed = matter(text, {});
  const front = readArticleFrontMatter(parsed.data, source);
  const body = renderArticleBody(parsed.content);
  const names = [front.title, ...front.people, ...front.places, ...front.meetingType, front.province];
  return {
    front,
    body,
    scriptTally: scriptTally([...names.map((name) => [name, toTraditional(name)] as const), [body.plainText['zh-Hans'], body.plainText['zh-Hant']]]),
  };
}

/** The rendered article from the cache when the file is unchanged, else rendered and filed; with the SHA-256 of the file. */
export function loadRenderedArticle(bytes: Buffer, source: string, cache: BuildCache): RenderedArticle & { sourceSha256: string } {
  const area = renderedArticlesArea(cache);
  const key = sha256(bytes);
  const cached = area.read<RenderedArticle>(key);
  if (cached) return { ...cached, sourceSha256: key };
  const rendered = renderArticleFile(bytes.toString('utf8'), source);
  area.write(key, rendered);
  return { ...rendered, sourceSha256: key };
}
